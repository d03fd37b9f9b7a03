package sheet

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decodeText returns the file as UTF-8 text without a byte order mark,
// and the encoding's name.
func decodeText(raw []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
		if !utf8.Valid(raw) {
			return "", "", errors.New("starts with a UTF-8 byte order mark but is not valid UTF-8")
		}
		return string(raw), "UTF-8 with BOM", nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		name, endian := "UTF-16LE", unicode.LittleEndian
		if raw[0] == 0xFE {
			name, endian = "UTF-16BE", unicode.BigEndian
		}
		out, err := unicode.UTF16(endian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
		if err != nil {
			return "", "", errors.New("starts with a UTF-16 byte order mark but is not valid UTF-16")
		}
		return string(out), name, nil
	case utf8.Valid(raw):
		return string(raw), "UTF-8", nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil { // cannot happen: every byte is a Windows-1252 character
		return "", "", errors.New("neither UTF-8 nor Windows-1252")
	}
	return string(out), "Windows-1252", nil
}

// detectComma counts ';', ',' and tabs outside quotes in the first line and
// returns the most frequent (';' on a tie; ',' when there is none).
func detectComma(text string) rune {
	var n [3]int
	seps := [3]rune{';', ',', '\t'}
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

func emptyRecord(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
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
