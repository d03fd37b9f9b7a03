package sheet

import (
	"cmp"
	"encoding/csv"
	"errors"
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
}

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
	// "Windows-1252", "UTF-16LE" or "UTF-16BE".
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
// It detects the encoding (UTF-8 with or without a byte order mark,
// UTF-16 with a byte order mark, else Windows-1252) and the separator
// (unless opt.Comma is set), skips empty rows and ignores empty cells past
// the header's columns. Columns it does not know are not read and are
// listed in the Report, with a likely misspelling where there is one.
//
// Each mentee is validated ([profile.Mentee.Validate]) and the IDs must be
// unique. Errors: every problem at once, each a *[profile.Problem] naming the row,
// the column heading and the mentee's ID, never a cell's value, at most
// opt.MaxErrors of them (plus one that counts the others), joined;
// errors.Is(err, [ErrInvalid]) and errors.Is(err, [profile.ErrInvalid]) hold. A missing id or birth_date
// column, a malformed CSV line, too many columns or a file over the limits
// stop reading (the latter two wrap [profile.ErrTooMany]). A read error of
// r is returned wrapped, alone; invalid options, the errors of
// [Options.Validate], before anything is read. On error the mentees are nil; the Report
// says what was found up to the error.
//
// Cost: O(bytes) time; the whole file (at most opt.MaxBytes) is held in
// memory while reading.
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
	rep := Report{Columns: []UsedColumn{}, Ignored: []IgnoredColumn{}}
	if err := opt.Validate(); err != nil {
		return nil, rep, err
	}
	opt = opt.withDefaults()
	probs := &problems{max: opt.MaxErrors}
	fileProblem := func(code, detail string, tooMany bool, args ...string) ([]T, Report, error) {
		probs.stop(problem(0, "", fileField, code, detail, tooMany, args...))
		return nil, rep, probs.err()
	}

	raw, err := io.ReadAll(io.LimitReader(r, opt.MaxBytes+1))
	if err != nil {
		return nil, rep, fmt.Errorf("sheet: reading the file: %w", err)
	}
	if int64(len(raw)) > opt.MaxBytes {
		n := strconv.FormatInt(opt.MaxBytes, 10)
		return fileProblem("too_large", "larger than "+n+" bytes", true, n)
	}
	text, enc, err := decodeText(raw)
	if err != nil {
		return fileProblem("unknown_encoding", err.Error(), false)
	}
	rep.Encoding = enc
	rep.Comma = Separator(opt.Comma)
	if rep.Comma == 0 {
		rep.Comma = Separator(detectComma(text))
	}

	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = rune(rep.Comma)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	extraLines := 0 // line breaks inside quoted cells so far: rows = lines - extraLines
	rowOf := func(rec []string) int {
		line, _ := cr.FieldPos(0)
		return line - extraLines
	}
	countBreaks := func(rec []string) {
		for _, c := range rec {
			extraLines += strings.Count(c, "\n")
		}
	}
	csvProblem := func(err error) ([]T, Report, error) {
		row := 0
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			row = pe.StartLine - extraLines
			err = pe.Err
		}
		probs.stop(problem(row, "", rowField, "malformed_csv", "malformed CSV: "+err.Error(), false))
		return nil, rep, probs.err()
	}

	// The header.
	header, err := cr.Read()
	if err == io.EOF {
		return fileProblem("no_header", "empty: no header row", false)
	}
	if err != nil {
		return csvProblem(err)
	}
	headerRow := rowOf(header)
	countBreaks(header)
	header = slices.Clone(header)
	for len(header) > 0 && strings.TrimSpace(header[len(header)-1]) == "" {
		header = header[:len(header)-1] // Excel's trailing empty columns
	}
	if len(header) > opt.MaxColumns {
		n := strconv.Itoa(opt.MaxColumns)
		return fileProblem("too_many_columns", "more than "+n+" columns", true, n)
	}
	colOf, err := mapColumns(t, header, opt.Columns, &rep, headerRow, probs)
	if err != nil {
		return nil, rep, err
	}

	var people []T
	firstRow := map[string]int{} // ID -> row of its first appearance
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return csvProblem(err)
		}
		row := rowOf(rec)
		countBreaks(rec)
		if emptyRecord(rec) {
			rep.EmptyRows++
			continue
		}
		if rep.Rows == opt.MaxRows {
			n := strconv.Itoa(opt.MaxRows)
			probs.stop(problem(row, "", fileField, "too_many_rows", "more than "+n+" people", true, n))
			return nil, rep, probs.err()
		}
		rep.Rows++

		var p T
		var rowProbs []*profile.Problem
		bad := make([]bool, len(t.cols)) // columns whose cell could not be read
		for i, cell := range rec {
			if i >= len(colOf) {
				if strings.TrimSpace(cell) != "" {
					rowProbs = append(rowProbs, problem(row, "(column "+columnLetters(i)+", no heading)", rowField,
						"cell_past_last_heading", "a cell past the last heading", false, columnLetters(i)))
				}
				continue
			}
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
			if cp := t.cols[k].read(&p, unguard(strings.TrimSpace(cell))); cp.code != "" {
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
			col := ""
			if k >= 0 {
				col = t.cols[k].name
				if i := slices.Index(colOf, k); i >= 0 {
					col = msg.ClipTo(header[i], 32)
				}
			}
			rowProbs = append(rowProbs, problem(row, col, fe.Path, fe.Code, fe.Detail, false, fe.Args...))
		}
		if id != "" && name == id {
			if first, dup := firstRow[id]; dup {
				f := strconv.Itoa(first)
				rowProbs = append(rowProbs, problem(row, msg.ClipTo(header[slices.Index(colOf, 0)], 32), "id",
					"same_id_as_row", "the same id as row "+f, false, f))
			} else {
				firstRow[id] = row
			}
		}
		for _, e := range rowProbs {
			e.IDs = []string{name}
			probs.add(e)
		}
		if len(probs.list) == 0 {
			people = append(people, p)
		}
	}
	if err := probs.err(); err != nil {
		return nil, rep, err
	}
	return people, rep, nil
}

// mapColumns maps each heading to the index of its column in t, or -1 for
// a column not read, and fills the Report. It returns the error that stops
// reading: an unknown name in opt.Columns, two headings for one column, a
// required column missing.
func mapColumns[T any](t *table[T], header []string, own map[string]string, rep *Report, headerRow int, probs *problems) ([]int, error) {
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
	for _, name := range t.required {
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
