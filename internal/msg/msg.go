// Package msg holds the two helpers every package of duo uses to write a
// message: Clip, which shortens a token a message repeats (a field name,
// a column heading), and Plural, which picks the word for a count.
package msg

import (
	"fmt"
	"unicode/utf8"
)

// Clipped is the length in bytes to which Clip shortens a token.
const Clipped = 32

// Clip returns s, or its first Clipped bytes (cut on a rune boundary)
// followed by "…", so that a huge input cannot make a huge message.
func Clip(s string) string { return ClipTo(s, Clipped) }

// ClipTo returns s, or its first limit bytes (cut on a rune boundary)
// followed by "…". A limit below 1 gives "…" for any non-empty s.
func ClipTo(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := max(0, limit)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Plural returns one when n is 1 and many otherwise.
func Plural[T ~int | ~float64](n T, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count returns n and its word: "1 mentee", "3 mentees".
func Count(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, Plural(n, one, many))
}
