package sheet

import (
	"cmp"
	"errors"
	"fmt"
	"golang.org/x/text/language"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duomatch/duo/profile"

	"github.com/duomatch/duo/internal/msg"
)

// Options are the settings of the readers and writers of this package. The
// zero value means the defaults, field by field.
type Options struct {
	// Comma is the separator. Reading, 0 detects it from the header line:
	// the most frequent of ';', ',' and tab outside quotes (';' on a tie,
	// ',' when there is none). Writing, 0 means ';', what Excel expects in
	// Belgium; ',' suits Google Sheets and LibreOffice in English. Other
	// values must be a valid separator for encoding/csv.
	Comma rune
	// Columns maps a sheet's own headings to the names of this package's
	// columns (see the package documentation), for example
	// {"Langues parlées": "languages"}. Headings match as columns do:
	// ignoring case, accents, spaces and punctuation. A name may also be
	// an alias. It is used by the readers only; a mapping to an unknown
	// name is an error.
	Columns map[string]string
	// NoBOM, when true, makes the writers leave out the UTF-8 byte order
	// mark. By default they write it, so that Excel reads the file as UTF-8
	// and keeps accents.
	NoBOM bool
	// Lang is the language of the headings and words the proposal writers
	// write ([WriteDuos]): English (the zero Tag), French, Dutch or German
	// as written in Belgium, the closest of [profile.Languages] for any
	// other tag. Numbers follow it: a decimal comma in French, Dutch and
	// German. The readers and the people writers do not use it.
	Lang language.Tag

	// MaxRows is the most people a sheet may hold; reading stops with an
	// error wrapping [profile.ErrTooMany] at the first row past it. 0 means
	// 20 000. Like the other limits below, it bounds the work of reading
	// and cannot be switched off: a negative value is an error
	// ([ErrOptions]).
	MaxRows int
	// MaxColumns is the most columns a sheet may have. 0 means 200.
	MaxColumns int
	// MaxCellBytes is the most bytes a cell may hold; a longer cell is a
	// problem of its row and is not read. 0 means 4096.
	MaxCellBytes int
	// MaxBytes is the most bytes a file may have; reading stops with an
	// error wrapping [profile.ErrTooMany] past it. 0 means 64 MiB.
	MaxBytes int64
	// MaxErrors is the most problems an error lists; one more then says
	// how many others were found. 0 means 50.
	MaxErrors int
	// On is the day the sheet is read, which dates written with a
	// two-digit year need: 12/04/01 is read as the date within the 100
	// years up to On (2001-04-12 when On is in 2026; 30/12/26 is 1926-12-30
	// when On is 2026-11-23). The zero Date (the default) refuses a
	// two-digit year ("two_digit_year"). The readers never look at a
	// clock.
	On profile.Date
	// Required are the columns a sheet must have besides id and
	// birth_date, by name (see the package documentation), because the
	// programme's rules need them: a sheet without one is a problem said
	// up front ("missing_column"), not a round in which every pair is
	// blocked. The default (nil) requires nothing more; [RulesColumns]
	// lists what the default rules of a round need. An unknown name is an
	// error.
	Required []string
}

// RulesColumns returns the columns that the default hard rules of a round
// need on both sides, for [Options.Required]: languages and availability
// (no_shared_language and no_shared_time block every pair of a person
// without them). A new slice each call.
func RulesColumns() []string { return []string{"languages", "availability"} }

// The defaults of [Options].
const (
	DefaultMaxRows      = 20000
	DefaultMaxColumns   = 200
	DefaultMaxCellBytes = 4096
	DefaultMaxBytes     = 64 << 20
	DefaultMaxErrors    = 50
)

// ErrOptions is wrapped by every problem of [Options.Validate], which the
// readers return before reading.
var ErrOptions = errors.New("sheet: invalid options")

// Validate returns nil when o can bound a read, and otherwise one error per
// problem (joined), each a *[profile.Problem] wrapping [ErrOptions] with
// the field as its path: a
// negative limit (limits bound the work of reading, so [profile.Off] does
// not switch them off). The zero Options is valid. Cost: O(1).
func (o Options) Validate() error {
	var errs []error
	for _, f := range []struct {
		name string
		v    int64
	}{{"max_rows", int64(o.MaxRows)}, {"max_columns", int64(o.MaxColumns)}, {"max_cell_bytes", int64(o.MaxCellBytes)},
		{"max_bytes", o.MaxBytes}, {"max_errors", int64(o.MaxErrors)}} {
		if f.v < 0 {
			errs = append(errs, &profile.Problem{Path: "options." + f.name, Code: "negative_limit",
				Detail: "negative (0 means the default; this limit cannot be switched off)", Err: ErrOptions})
		}
	}
	return errors.Join(errs...)
}

// withDefaults returns o with every zero limit replaced by its default. o
// must be valid.
func (o Options) withDefaults() Options {
	o.MaxRows = cmp.Or(o.MaxRows, DefaultMaxRows)
	o.MaxColumns = cmp.Or(o.MaxColumns, DefaultMaxColumns)
	o.MaxCellBytes = cmp.Or(o.MaxCellBytes, DefaultMaxCellBytes)
	o.MaxBytes = cmp.Or(o.MaxBytes, DefaultMaxBytes)
	o.MaxErrors = cmp.Or(o.MaxErrors, DefaultMaxErrors)
	return o
}

// Report describes a sheet that was read: what the reader found and what it
// left out. It holds headings, never a cell. Its JSON form is what a
// service answers with the people read; its lists are never null.
type Report struct {
	// Encoding is the encoding detected: "UTF-8", "UTF-8 with BOM",
	// "Windows-1252", "UTF-16LE" or "UTF-16BE" (with " without BOM" when
	// recognised by its NUL bytes).
	Encoding string `json:"encoding"`
	// Comma is the separator used.
	Comma Separator `json:"separator"`
	// Rows is the number of people read: the rows that are not empty.
	Rows int `json:"rows"`
	// EmptyRows is the number of empty rows skipped.
	EmptyRows int `json:"empty_rows"`
	// Columns are the columns read, in the file's order.
	Columns []UsedColumn `json:"columns"`
	// Ignored are the columns not read, in the file's order: columns this
	// package does not know (names, e-mail addresses, phone numbers: data
	// that matching must not need) and those that look like a misspelt
	// known column. Columns with an empty heading are left out.
	Ignored []IgnoredColumn `json:"ignored"`

	// RowOfID is the row of each person read, by ID (a row read with
	// problems too; the first row of an ID given twice): what
	// [Report.Locate] uses to place a round's problems in the sheet.
	RowOfID map[string]int `json:"row_of"`
	// Headings are the headings of the columns read (shortened to 32
	// bytes), by the JSON path of the field each fills ("home.city").
	Headings map[string]string `json:"headings"`
}

// Separator is the character that separates a sheet's cells. Its JSON
// form is that character as a string (";").
type Separator rune

// MarshalText writes the separator as its character. Cost: O(1).
func (s Separator) MarshalText() ([]byte, error) { return []byte(string(rune(s))), nil }

// UnmarshalText reads one character; anything else is an error. Cost:
// O(len(b)).
func (s *Separator) UnmarshalText(b []byte) error {
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError || n != len(b) {
		return errors.New("sheet: a separator is one character")
	}
	*s = Separator(r)
	return nil
}

// RowOf returns the row of the person with this ID in the sheet (the
// header being row 1), and false when no row with this ID was read. A
// person read with problems has a row too.
func (r Report) RowOf(id string) (int, bool) {
	row, ok := r.RowOfID[id]
	return row, ok
}

// Locate returns a copy of p placed in the sheet: when p names a person of
// the sheet (its first ID), Row is their row and Column the heading of the
// column that holds p's field (found from its Path, relative to the person
// as [profile.Mentee.Validate] gives it, or under "mentees[k]." or
// "mentors[k]." as a round gives it; "" when no column of the sheet holds
// it). Other problems are copied as they are. A caller re-locates the
// problems that a round finds for people who came from a sheet (see
// [match.Unmatched]) so that a coordinator reads them by row and column.
// Cost: O(len(p.Path)).
func (r Report) Locate(p *profile.Problem) *profile.Problem {
	q := *p
	row, ok := r.RowOfID[p.ID()]
	if !ok {
		return &q
	}
	q.Row = row
	path := p.Path
	if i := strings.Index(path, "]."); i >= 0 && (strings.HasPrefix(path, "mentees[") || strings.HasPrefix(path, "mentors[")) {
		path = path[i+2:]
	}
	q.Column = r.columnOfPath(path)
	return &q
}

// columnOfPath returns the heading of the column read that holds the
// field at path ("languages[2].level" is in languages), or, for a field
// that several columns fill ("home": postcode, city, …), the first of
// them in the order of their paths (home.city before home.postcode), or
// "".
func (r Report) columnOfPath(path string) string {
	for p := path; p != ""; {
		if h, ok := r.Headings[p]; ok {
			return h
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	for _, p := range slices.Sorted(maps.Keys(r.Headings)) {
		if strings.HasPrefix(p, path+".") {
			return r.Headings[p]
		}
	}
	return ""
}

// UsedColumn is a column read: its heading and the column it fills.
type UsedColumn struct {
	Heading string `json:"heading"`
	Name    string `json:"name"`
}

// IgnoredColumn is a column not read: its heading (shortened to 64 bytes)
// and, when the heading is within a small edit distance of a known column
// or alias (such as "birth_dat" or "langauges"), the column it likely
// misspells.
type IgnoredColumn struct {
	Heading string `json:"heading"`
	Likely  string `json:"likely,omitempty"`
}

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
	for _, name := range append(slices.Clone(t.required), required...) {
		k := t.byName[normHeading(name)]
		if seen[k] > 0 {
			continue
		}
		code, detail, args := "missing_column", "no such column (the heading must be "+name+" or an alias)", []string{name}
		for _, ig := range rep.Ignored {
			if ig.Likely == name {
				code, args = "misspelt_column", append(args, ig.Heading)
				detail += "; " + strconv.Quote(ig.Heading) + " looks like a misspelling of it"
				break
			}
		}
		probs.stop(problem(headerRow, name, name, code, detail, false, args...))
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	return colOf, nil
}
