package sheet

import (
	"strings"
)

// Formula guard. A spreadsheet runs a cell that starts with = + - or @ as a
// formula; the writers put an apostrophe before such a text cell, and
// before a cell that starts with an apostrophe followed by one of those
// or by another apostrophe, so that the readers, which remove one
// leading apostrophe in exactly these cases, give back the text. A single
// apostrophe that starts a name ("'s-Hertogenbosch") is kept as it is.
// A control character (such as a tab or U+0001) before = + - or @ counts
// as nothing: some spreadsheets skip it and run the formula.
func guarded(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@':
		return true
	case '\'':
		return len(s) > 1 && startsFormula(s[1:])
	}
	return startsFormula(s) && isControl(s[0])
}

// startsFormula reports whether s starts with = + - @ or an apostrophe,
// or with a control character and one of = + - @.
func startsFormula(s string) bool {
	switch {
	case s == "":
		return false
	case strings.IndexByte("=+-@'", s[0]) >= 0:
		return true
	}
	return isControl(s[0]) && len(s) > 1 && strings.IndexByte("=+-@", s[1]) >= 0
}

func isControl(c byte) bool { return c < 0x20 || c == 0x7f }

// guard returns the cell to write for the text s.
func guard(s string) string {
	if guarded(s) {
		return "'" + s
	}
	return s
}

// unguard returns the text of a cell read from a file.
func unguard(c string) string {
	if len(c) > 1 && c[0] == '\'' && startsFormula(c[1:]) {
		return c[1:]
	}
	return c
}
