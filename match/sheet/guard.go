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
func guarded(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@':
		return true
	case '\'':
		return len(s) > 1 && strings.IndexByte("=+-@'", s[1]) >= 0
	}
	return false
}

// guard returns the cell to write for the text s.
func guard(s string) string {
	if guarded(s) {
		return "'" + s
	}
	return s
}

// unguard returns the text of a cell read from a file.
func unguard(c string) string {
	if len(c) > 1 && c[0] == '\'' && strings.IndexByte("=+-@'", c[1]) >= 0 {
		return c[1:]
	}
	return c
}
