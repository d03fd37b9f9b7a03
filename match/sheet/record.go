package sheet

import (
	"strings"
)

// records splits a CSV text into records as encoding/csv does (RFC 4180:
// quoted cells with "" for a quote, line breaks inside quotes), with
// bounded memory whatever the shape of the text: a record keeps at most
// max cells and counts the others without holding them, so that one very
// wide row costs no more than a row at the limit. Cells are substrings of
// the text (a quoted cell with "" or a line break is built anew). Line
// ends are "\n", "\r\n" and a lone "\r" (a Mac's "CSV (Macintosh)"); a
// line break inside a quoted cell is read as "\n".
//
// Cost: O(len(text)) time over all records; memory O(max) per record.
type records struct {
	text  string
	comma byte // an ASCII separator
	max   int  // cells kept per record
	// maxCell bounds the bytes a quoted cell built anew keeps: a longer
	// cell is cut at maxCell+1 bytes (enough to be refused as too long).
	maxCell int
	pos     int // next byte
	line    int // line of the next byte, 1-based

	// The last record read.
	cells     []string // at most max cells
	count     int      // the number of cells, kept or not
	lastFull  int      // index of the last non-blank cell, -1 for none
	startLine int      // the line the record starts on
}

// recordError is malformed quoting at a line.
type recordError struct {
	line   int
	detail string
}

func newRecords(text string, comma byte, max, maxCell int) *records {
	return &records{text: text, comma: comma, max: max, maxCell: maxCell, line: 1}
}

// write appends s to the cell being built, up to maxCell+1 bytes.
func (r *records) write(b *strings.Builder, s string) {
	if room := r.maxCell + 1 - b.Len(); room > 0 {
		b.WriteString(s[:min(len(s), room)])
	}
}

// next reads the next record; it returns false at the end of the text,
// and a non-nil error for malformed quoting (reading cannot go on).
func (r *records) next() (bool, *recordError) {
	if r.pos >= len(r.text) {
		return false, nil
	}
	r.cells, r.count, r.lastFull, r.startLine = r.cells[:0], 0, -1, r.line
	for {
		cell, end, err := r.cell()
		if err != nil {
			return false, err
		}
		if r.count < r.max {
			r.cells = append(r.cells, cell)
		}
		if strings.TrimSpace(cell) != "" {
			r.lastFull = r.count
		}
		r.count++
		if end {
			return true, nil
		}
	}
}

// lineEnd returns the length of the line end at i (1 or 2), or 0.
func (r *records) lineEnd(i int) int {
	switch {
	case i >= len(r.text):
		return 0
	case r.text[i] == '\n':
		return 1
	case r.text[i] == '\r':
		if i+1 < len(r.text) && r.text[i+1] == '\n' {
			return 2
		}
		return 1
	}
	return 0
}

// cell reads one cell and says whether it ends the record.
func (r *records) cell() (string, bool, *recordError) {
	t := r.text
	if r.pos < len(t) && t[r.pos] == '"' {
		return r.quoted()
	}
	start := r.pos
	for i := start; ; i++ {
		if i >= len(t) {
			r.pos = i
			return t[start:i], true, nil
		}
		switch c := t[i]; {
		case c == r.comma:
			r.pos = i + 1
			return t[start:i], false, nil
		case c == '"':
			return "", false, &recordError{r.line, `a quote (") inside a cell that does not start with one`}
		case c == '\n' || c == '\r':
			r.pos = i + r.lineEnd(i)
			r.line++
			return t[start:i], true, nil
		}
	}
}

// quoted reads a quoted cell, r.pos at its opening quote.
func (r *records) quoted() (string, bool, *recordError) {
	t := r.text
	start := r.pos + 1
	var b *strings.Builder // only when the cell is not a plain substring
	from := start
	for i := start; ; {
		if i >= len(t) {
			return "", false, &recordError{r.line, "a quoted cell that never ends"}
		}
		switch t[i] {
		case '"':
			if i+1 < len(t) && t[i+1] == '"' { // an escaped quote
				if b == nil {
					b = &strings.Builder{}
				}
				r.write(b, t[from:i+1])
				i += 2
				from = i
				continue
			}
			cell := t[from:i]
			if b != nil {
				r.write(b, cell)
				cell = b.String()
			}
			j := i + 1
			switch {
			case j >= len(t):
				r.pos = j
				return cell, true, nil
			case t[j] == r.comma:
				r.pos = j + 1
				return cell, false, nil
			case r.lineEnd(j) > 0:
				r.pos = j + r.lineEnd(j)
				r.line++
				return cell, true, nil
			}
			return "", false, &recordError{r.line, `text after the closing quote of a cell`}
		case '\n', '\r':
			if b == nil {
				b = &strings.Builder{}
			}
			r.write(b, t[from:i])
			r.write(b, "\n")
			i += r.lineEnd(i)
			from = i
			r.line++
		default:
			i++
		}
	}
}
