package sheet

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/duomatch/duo/profile"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decodeText returns the file as UTF-8 text without a byte order mark,
// and the encoding's name, or the problem that stops reading. The rules:
//
//   - a UTF-8 byte order mark: UTF-8, and an invalid byte is an error
//     naming its line;
//   - a UTF-16 byte order mark: UTF-16 of that byte order;
//   - no byte order mark but NUL bytes in every other position of the
//     first 4 KiB (ASCII text saved as UTF-16 without a mark): UTF-16 of
//     that byte order; other NUL bytes are an error (not text);
//   - valid UTF-8: UTF-8;
//   - otherwise, when the file holds at least one valid multi-byte UTF-8
//     sequence (such as "è" as C3 A8), it was meant as UTF-8 and its
//     invalid byte is an error naming the line: decoding it as
//     Windows-1252 would turn "Liège" into "LiÃ¨ge" and change IDs
//     silently;
//   - else Windows-1252 (what Excel in Belgium saves), in which every
//     byte is a character.
func decodeText(raw []byte) (string, string, *profile.Problem) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
		if !utf8.Valid(raw) {
			return "", "", badUTF8(raw)
		}
		return string(raw), "UTF-8 with BOM", nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		name, endian := "UTF-16LE", unicode.LittleEndian
		if raw[0] == 0xFE {
			name, endian = "UTF-16BE", unicode.BigEndian
		}
		return decodeUTF16(raw, name, endian, unicode.ExpectBOM)
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		switch utf16Guess(raw) {
		case 'L':
			return decodeUTF16(raw, "UTF-16LE without BOM", unicode.LittleEndian, unicode.IgnoreBOM)
		case 'B':
			return decodeUTF16(raw, "UTF-16BE without BOM", unicode.BigEndian, unicode.IgnoreBOM)
		}
		return "", "", problem(0, "", fileField, "nul_bytes",
			"holds NUL bytes: not a text file in a known encoding (save it as CSV UTF-8)", false)
	}
	if utf8.Valid(raw) {
		return string(raw), "UTF-8", nil
	}
	if looksUTF8(raw) {
		return "", "", badUTF8(raw)
	}
	return decodeWindows1252(raw), "Windows-1252", nil
}

func decodeUTF16(raw []byte, name string, endian unicode.Endianness, bom unicode.BOMPolicy) (string, string, *profile.Problem) {
	if len(raw)%2 != 0 {
		return "", "", problem(0, "", fileField, "odd_utf16", "UTF-16 with an odd number of bytes", false)
	}
	if bom == unicode.ExpectBOM {
		raw = raw[2:]
	}
	unit := func(i int) rune {
		if endian == unicode.BigEndian {
			return rune(raw[i])<<8 | rune(raw[i+1])
		}
		return rune(raw[i+1])<<8 | rune(raw[i])
	}
	// One pass into a buffer of the right order of size: memory O(len(raw)).
	var b strings.Builder
	b.Grow(len(raw) / 2 * 3 / 2)
	for i := 0; i < len(raw); i += 2 {
		r := unit(i)
		switch {
		case r == 0:
			return "", "", problem(0, "", fileField, "invalid_utf16", "not valid UTF-16 text", false)
		case utf16.IsSurrogate(r):
			if i+3 >= len(raw) {
				return "", "", problem(0, "", fileField, "invalid_utf16", "not valid UTF-16 text", false)
			}
			r = utf16.DecodeRune(r, unit(i+2))
			if r == utf8.RuneError {
				return "", "", problem(0, "", fileField, "invalid_utf16", "not valid UTF-16 text", false)
			}
			i += 2
		}
		b.WriteRune(r)
	}
	return b.String(), name, nil
}

// decodeWindows1252 decodes raw, in which every byte is a character, in
// one pass: memory O(len(raw)).
func decodeWindows1252(raw []byte) string {
	var b strings.Builder
	b.Grow(len(raw) + len(raw)/8)
	for _, c := range raw {
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			continue
		}
		b.WriteRune(charmap.Windows1252.DecodeByte(c))
	}
	return b.String()
}

// utf16Guess says 'L' or 'B' when the first 4 KiB have a NUL byte in
// every odd (little-endian) or every even (big-endian) position of at
// least half of their characters and none in the other, and 0 otherwise.
func utf16Guess(raw []byte) byte {
	n := min(len(raw), 4096) &^ 1
	if n == 0 {
		return 0
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if raw[i] == 0 {
			even++
		}
		if raw[i+1] == 0 {
			odd++
		}
	}
	switch half := n / 4; {
	case odd >= half && even == 0:
		return 'L'
	case even >= half && odd == 0:
		return 'B'
	}
	return 0
}

// looksUTF8 reports whether raw holds a valid UTF-8 sequence of two bytes
// or more.
func looksUTF8(raw []byte) bool {
	for i := 0; i < len(raw); {
		if raw[i] < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r != utf8.RuneError || size > 1 {
			return true
		}
		i++
	}
	return false
}

// badUTF8 is the problem of text meant as UTF-8 with an invalid byte: it
// names the line of the first one (line ends "\n", "\r\n" or "\r").
func badUTF8(raw []byte) *profile.Problem {
	i := 0
	for i < len(raw) {
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	line := 1 + bytes.Count(raw[:i], []byte{'\n'}) + bytes.Count(raw[:i], []byte{'\r'}) - bytes.Count(raw[:i], []byte("\r\n"))
	n := strconv.Itoa(line)
	p := problem(0, "", fileField, "invalid_utf8",
		"not valid UTF-8 at line "+n+" (the file holds UTF-8 elsewhere, so it is not read as Windows-1252: save it again as CSV UTF-8)", false, n)
	p.Line = line
	return p
}

// sepLine returns the separator that Excel's first line "sep=;" names,
// and the text after that line; or 0 and the text when there is none.
func sepLine(text string) (rune, string) {
	line, rest := text, ""
	if i := strings.IndexAny(text, "\r\n"); i >= 0 {
		line, rest = text[:i], text[i+1:]
		if text[i] == '\r' && strings.HasPrefix(rest, "\n") {
			rest = rest[1:]
		}
	}
	if len(line) == 5 && strings.EqualFold(line[:4], "sep=") && line[4] < 0x80 && line[4] != '"' {
		return rune(line[4]), rest
	}
	return 0, text
}

// detectComma counts ";", "," and tabs outside quotes in the first line
// that is not blank and returns the most frequent (";" on a tie; ","
// when there is none).
func detectComma(text string) rune {
	var n [3]int
	seps := [3]rune{';', ',', '\t'}
	text = strings.TrimLeft(text, "\r\n") // blank lines before the header
	quoted := false
	for _, r := range text {
		if r == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if r == '\n' || r == '\r' {
			break
		}
		for k, s := range seps {
			if r == s {
				n[k]++
			}
		}
	}
	best := 0
	for k := range n {
		if n[k] > n[best] {
			best = k
		}
	}
	if n[best] == 0 {
		return ','
	}
	return seps[best]
}

// columnLetters returns the spreadsheet name of the 0-based column i: A,
// …, Z, AA, ….
func columnLetters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
