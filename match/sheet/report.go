package sheet

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/duomatch/duo/profile"
)

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
