package sheet

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duomatch/duo/profile"

	"github.com/duomatch/duo/internal/msg"
)

// ReadMentees reads a sheet of mentees in CSV: a header row naming the
// columns, then one row per mentee. See the package documentation for the
// columns, their French and Dutch aliases and the form of each cell.
//
// Encoding: UTF-8 with or without a byte order mark, UTF-16 with a byte
// order mark or recognised by its NUL bytes, else Windows-1252 (see the
// package documentation for the rule; a UTF-8 file with an invalid byte
// is an error naming its line, never read as Windows-1252). Line ends are
// CRLF, LF or CR alone. Excel's first line "sep=;" sets the separator;
// otherwise opt.Comma, or the separator detected from the header. Empty
// rows are skipped. Columns it does not know are not read and are listed
// in the Report, with a likely misspelling where there is one.
//
// Partial intake: ReadMentees returns the mentees whose rows are usable
// together with every problem of the others, so that one bad row never
// blocks the month. A row is usable when every cell it reads is well
// formed, the mentee is valid ([profile.Mentee.Validate]) and its ID is
// not the ID of an earlier row; a row with as many cells as the header but
// a cell past the last heading, or with another number of cells than the
// header (a separator typed inside a cell shifts the later cells), is one
// problem and is not read. The error is non-nil whenever there is a
// problem: a caller who wants all or nothing checks err and ignores the
// mentees; one who takes the usable rows uses them and shows the error.
// The mentees are never nil when reading went through to the end (an
// empty slice when no row is usable), and nil when a problem stopped it.
//
// Errors: each a *[profile.Problem] naming the row, the column heading
// as written and the mentee's ID, never a cell's value, at most
// opt.MaxErrors of them (plus one that counts the others), joined;
// errors.Is(err, [ErrInvalid]) and errors.Is(err, [profile.ErrInvalid])
// hold. Problems that stop reading return no mentees (nil): a missing id
// or birth_date column, two headings for one column, malformed quoting, a
// file that is not text, too many columns, rows or bytes (the last three
// wrap [profile.ErrTooMany]). A read error of r is returned wrapped,
// alone, with no mentees; invalid options, the errors of
// [Options.Validate], before anything is read. The Report says what was found, and
// [Report.Locate] places in the sheet the problems a round later finds
// for these mentees.
//
// Cost: O(bytes) time; memory: the file (at most opt.MaxBytes) and its
// decoded text, plus O(opt.MaxColumns) per row, whatever the file's shape.
func ReadMentees(r io.Reader, opt Options) ([]profile.Mentee, Report, error) {
	return read(r, opt, mentees, profile.Mentee.Validate, func(m *profile.Mentee) string { return m.ID })
}

// ReadMentors reads a sheet of mentors in CSV, as [ReadMentees] reads
// mentees, validating each with [profile.Mentor.Validate].
//
// Cost: O(bytes).
func ReadMentors(r io.Reader, opt Options) ([]profile.Mentor, Report, error) {
	return read(r, opt, mentors, profile.Mentor.Validate, func(m *profile.Mentor) string { return m.ID })
}

// read reads a sheet of people of type T with the table t.
func read[T any](r io.Reader, opt Options, t *table[T], validate func(T) error, idOf func(*T) string) ([]T, Report, error) {
	rep := Report{Columns: []UsedColumn{}, Ignored: []IgnoredColumn{}, RowOfID: map[string]int{}, Headings: map[string]string{}}
	if err := opt.Validate(); err != nil {
		return nil, rep, err
	}
	opt = opt.withDefaults()
	probs := &problems{max: opt.MaxErrors}
	stop := func(p *profile.Problem) ([]T, Report, error) {
		probs.stop(p)
		return nil, rep, probs.err()
	}
	fileProblem := func(code, detail string, tooMany bool, args ...string) ([]T, Report, error) {
		return stop(problem(0, "", fileField, code, detail, tooMany, args...))
	}

	raw, err := io.ReadAll(io.LimitReader(r, opt.MaxBytes+1))
	if err != nil {
		return nil, rep, fmt.Errorf("sheet: reading the file: %w", err)
	}
	if int64(len(raw)) > opt.MaxBytes {
		n := strconv.FormatInt(opt.MaxBytes, 10)
		return fileProblem("too_large", "larger than "+n+" bytes", true, n)
	}
	text, enc, dp := decodeText(raw)
	if dp != nil {
		return stop(dp)
	}
	raw = nil // the text is all that is needed now
	rep.Encoding = enc
	sep, text := sepLine(text)
	rep.Comma = Separator(opt.Comma)
	switch {
	case rep.Comma == 0 && sep != 0:
		rep.Comma = Separator(sep)
	case rep.Comma == 0:
		rep.Comma = Separator(detectComma(text))
	}
	if rep.Comma >= utf8.RuneSelf || rep.Comma == '"' || rep.Comma == '\r' || rep.Comma == '\n' || rep.Comma == 0 {
		return fileProblem("bad_separator", "the separator must be an ASCII character other than a quote or a line end", false)
	}

	// Rows are records, counted as the spreadsheet shows them: the header
	// is row 1 (after Excel's "sep=" line, which Excel does not show).
	recs := newRecords(text, byte(rep.Comma), opt.MaxColumns+1, opt.MaxCellBytes)
	row := 0
	next := func() (bool, []T, Report, error) {
		ok, rerr := recs.next()
		if rerr != nil {
			l := strconv.Itoa(rerr.line)
			p := problem(row+1, "", rowField, "malformed_csv", "malformed CSV at line "+l+": "+rerr.detail, false, l, rerr.detail)
			p.Line = rerr.line
			out, rp, e := stop(p)
			return false, out, rp, e
		}
		if ok {
			row++
		}
		return ok, nil, rep, nil
	}

	// The header: the first row that is not empty.
	for {
		ok, out, rp, e := next()
		if e != nil {
			return out, rp, e
		}
		if !ok {
			return fileProblem("no_header", "empty: no header row", false)
		}
		if recs.lastFull >= 0 {
			break
		}
	}
	headerRow, width := row, recs.count // width: the cells of every row, Excel's trailing empty ones included
	if recs.lastFull >= opt.MaxColumns {
		n := strconv.Itoa(opt.MaxColumns)
		return fileProblem("too_many_columns", "more than "+n+" columns", true, n)
	}
	header := make([]string, recs.lastFull+1) // without Excel's trailing empty columns
	for i := range header {
		header[i] = strings.Clone(recs.cells[i])
	}
	colOf, err := mapColumns(t, header, opt, &rep, headerRow, probs)
	if err != nil {
		return nil, rep, err
	}
	for i, k := range colOf {
		if k >= 0 {
			rep.Headings[t.cols[k].path] = msg.ClipTo(header[i], 32)
		}
	}

	people := []T{}                  // not nil: reading went through (nil: it stopped)
	firstRow := map[string]int{}     // ID -> row of its first appearance
	bad := make([]bool, len(t.cols)) // columns whose cell could not be read
	for {
		ok, out, rp, e := next()
		if e != nil {
			return out, rp, e
		}
		if !ok {
			break
		}
		if recs.lastFull < 0 {
			rep.EmptyRows++
			continue
		}
		if rep.Rows == opt.MaxRows {
			n := strconv.Itoa(opt.MaxRows)
			return stop(problem(row, "", fileField, "too_many_rows", "more than "+n+" people", true, n))
		}
		rep.Rows++

		// A row of another width than the header's is one problem, and
		// is not read: a separator typed inside a cell (or one missing)
		// shifts every later cell into the wrong column.
		if recs.count != width {
			n, w := strconv.Itoa(recs.count), strconv.Itoa(width)
			probs.add(problem(row, "", rowField, "cell_count",
				n+" cells where the header has "+w+": a separator inside a cell (quote the cell) or one missing; the row is not read", false, n, w))
			continue
		}
		if recs.lastFull >= len(header) {
			c := columnLetters(recs.lastFull)
			probs.add(problem(row, "(column "+c+", no heading)", rowField,
				"cell_past_last_heading", "a cell in column "+c+", past the last heading; the row is not read", false, c))
			continue
		}

		var p T
		var rowProbs []*profile.Problem
		clear(bad)
		for i, cell := range recs.cells[:len(header)] {
			k := colOf[i]
			if k < 0 {
				continue // an ignored column: never read
			}
			if len(cell) > opt.MaxCellBytes {
				bad[k] = true
				n := strconv.Itoa(opt.MaxCellBytes)
				rowProbs = append(rowProbs, problem(row, msg.ClipTo(header[i], 32), t.cols[k].path,
					"cell_too_long", "longer than "+n+" bytes", false, n))
				continue
			}
			text := unguard(strings.TrimSpace(cell))
			var cp cellProblem
			if t.cols[k].date {
				text, cp = widenYear(text, opt.On)
			}
			// A clone, so that the people read do not hold the file.
			if cp.code == "" {
				cp = t.cols[k].read(&p, strings.Clone(text))
			}
			if cp.code != "" {
				bad[k] = true
				rowProbs = append(rowProbs, problem(row, msg.ClipTo(header[i], 32), t.cols[k].path,
					cp.code, cp.detail, false, cp.args...))
			}
		}
		// The problems validation finds, except in the cells already
		// reported (a date that could not be read is also "missing").
		id := idOf(&p)
		name := id
		if name == "" {
			name = "(no id)"
		}
		for _, fe := range profile.Problems(validate(p)) {
			name = fe.ID()
			k := t.columnOf(fe.Path)
			if k >= 0 && bad[k] {
				continue
			}
			path := fe.Path
			if strings.HasPrefix(path, "traits[") {
				path = "traits" // a trait's name came from the cell: never echoed
			}
			rowProbs = append(rowProbs, problem(row, heading(t, &rep, path), path, fe.Code, fe.Detail, false, fe.Args...))
		}
		if id != "" && name == id {
			if first, dup := firstRow[id]; dup {
				f := strconv.Itoa(first)
				rowProbs = append(rowProbs, problem(row, rep.Headings["id"], "id",
					"same_id_as_row", "the same id as row "+f, false, f))
			} else {
				firstRow[id] = row
				rep.RowOfID[id] = row
			}
		}
		for _, e := range rowProbs {
			e.IDs = []string{name}
			probs.add(e)
		}
		if len(rowProbs) == 0 {
			people = append(people, p)
		}
	}
	return people, rep, probs.err()
}

// heading returns the heading of the column that holds the field at path
// as the sheet writes it, or the column's name when the sheet has no such
// column, or "" when no column holds it.
func heading[T any](t *table[T], rep *Report, path string) string {
	if h := rep.columnOfPath(path); h != "" {
		return h
	}
	if k := t.columnOf(path); k >= 0 {
		return t.cols[k].name
	}
	return ""
}

// mapColumns maps each heading to the index of its column in t, or -1 for
// a column not read, and fills the Report. It returns the error that stops
// reading: an unknown name in opt.Columns, two headings for one column, a
// required column missing.
func mapColumns[T any](t *table[T], header []string, opt Options, rep *Report, headerRow int, probs *problems) ([]int, error) {
	own := opt.Columns
	ownCols := map[string]int{}
	for _, h := range slices.Sorted(maps.Keys(own)) {
		k, ok := t.byName[normHeading(own[h])]
		if !ok {
			probs.stop(problem(0, "", "Options.Columns["+strconv.Quote(msg.ClipTo(h, 32))+"]",
				"not_a_column", "not a "+t.side+" column", false, t.side))
			continue
		}
		ownCols[normHeading(h)] = k
	}
	if len(probs.list) > 0 {
		return nil, probs.err()
	}

	colOf := make([]int, len(header))
	seen := make([]int, len(t.cols)) // column -> 1 + index of its heading
	for i, h := range header {
		colOf[i] = -1
		key := normHeading(h)
		if key == "" {
			continue
		}
		k, ok := ownCols[key]
		if !ok {
			k, ok = t.byName[key]
		}
		if !ok {
			rep.Ignored = append(rep.Ignored, IgnoredColumn{Heading: msg.ClipTo(h, 64), Likely: t.misspelling(key)})
			continue
		}
		if seen[k] > 0 {
			first := columnLetters(seen[k] - 1)
			probs.stop(problem(headerRow, msg.ClipTo(h, 32), t.cols[k].name,
				"second_heading", "a second heading for this column (the first is column "+first+")", false, first))
			continue
		}
		seen[k] = i + 1
		colOf[i] = k
		rep.Columns = append(rep.Columns, UsedColumn{Heading: msg.ClipTo(h, 64), Name: t.cols[k].name})
	}
	required := opt.Required
	for _, name := range required {
		if _, ok := t.byName[normHeading(name)]; !ok {
			probs.stop(problem(0, "", "Options.Required", "not_a_column", "not a "+t.side+" column", false, t.side))
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	if other := otherSide(t.side, header); len(other) >= 2 {
		names, side := strings.Join(other, ", "), otherName[t.side]
		probs.stop(problem(headerRow, "", fileField, "wrong_sheet_side",
			"this looks like a sheet of "+side+"s: it has their columns ("+names+"), which a "+t.side+" has not",
			false, side, names, t.side))
		return nil, probs.err()
	}
	asked := map[int]bool{} // a column named twice is missing once
	for i, name := range append(slices.Clone(t.required), required...) {
		k := t.byName[normHeading(name)]
		if seen[k] > 0 || asked[k] {
			continue
		}
		asked[k] = true
		code, detail, args := "missing_column", "no such column (the heading must be "+name+" or an alias)", []string{name}
		for _, ig := range rep.Ignored {
			if ig.Likely == name {
				code, args = "misspelt_column", append(args, ig.Heading)
				detail += "; " + strconv.Quote(ig.Heading) + " looks like a misspelling of it"
				break
			}
		}
		p := problem(headerRow, name, name, code, detail, false, args...)
		if i >= len(t.required) {
			p.Err = ErrRequiredColumn // asked for by Options.Required
		}
		probs.stop(p)
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	return colOf, nil
}
