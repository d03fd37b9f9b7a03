package jsondec

import (
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// source reads a JSON text from an io.Reader through a fixed buffer,
// knows the byte offset of every byte, and can copy the bytes it consumes
// into capture (for the raw value a custom decoder needs).
type source struct {
	r         io.Reader
	buf       []byte
	pos, end  int
	base      int64 // offset of buf[0] in the input
	eof       bool
	err       error // the first read error other than io.EOF
	capturing bool
	capture   []byte
}

const bufSize = 32 << 10

// fill reads the next chunk; it reports whether there is a byte to read.
func (s *source) fill() bool {
	if s.pos < s.end {
		return true
	}
	if s.eof || s.err != nil {
		return false
	}
	s.base += int64(s.end)
	s.pos, s.end = 0, 0
	for tries := 0; s.end == 0; tries++ {
		n, err := s.r.Read(s.buf)
		s.end = n
		switch {
		case err == io.EOF:
			s.eof = true
			return n > 0
		case err != nil:
			s.err = err
			return n > 0
		case n == 0 && tries >= 100:
			s.err = io.ErrNoProgress
			return false
		}
	}
	return true
}

// peek returns the next byte without consuming it; ok is false at the end
// of the input.
func (s *source) peek() (c byte, ok bool) {
	if s.pos == s.end && !s.fill() {
		return 0, false
	}
	return s.buf[s.pos], true
}

// next consumes the byte that peek returned.
func (s *source) next() {
	if s.capturing {
		s.capture = append(s.capture, s.buf[s.pos])
	}
	s.pos++
}

// offset is the offset of the next byte in the input.
func (s *source) offset() int64 { return s.base + int64(s.pos) }

// skipSpace consumes JSON white space.
func (s *source) skipSpace() {
	for {
		c, ok := s.peek()
		if !ok || (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			return
		}
		s.next()
	}
}

// str reads the rest of a JSON string whose opening quote was consumed,
// appending its decoded bytes to dst. It returns a syntax problem ("" when
// none) and whether the text is valid UTF-8 with no lone surrogate escape.
// The work is O(length of the string).
func (s *source) str(dst []byte) (out []byte, syntax string, valid bool) {
	valid = true
	start := len(dst)
	for {
		if s.pos == s.end && !s.fill() {
			return dst, "a string is not closed", valid
		}
		i := s.pos
		for i < s.end {
			c := s.buf[i]
			if c == '"' || c == '\\' || c < 0x20 {
				break
			}
			i++
		}
		chunk := s.buf[s.pos:i]
		dst = append(dst, chunk...)
		if s.capturing {
			s.capture = append(s.capture, chunk...)
		}
		s.pos = i
		if i == s.end {
			continue
		}
		c := s.buf[i]
		switch {
		case c == '"':
			s.next()
			return dst, "", valid && utf8.Valid(dst[start:])
		case c < 0x20:
			return dst, "a control character in a string", valid
		}
		s.next() // the backslash
		e, ok := s.peek()
		if !ok {
			return dst, "a string is not closed", valid
		}
		if !strings.ContainsRune(`"\\/bfnrtu`, rune(e)) {
			return dst, "an invalid escape in a string", valid
		}
		s.next()
		switch e {
		case '"', '\\', '/':
			dst = append(dst, e)
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r, ok := s.hex4()
			if !ok {
				return dst, `a \u escape without four hexadecimal digits`, valid
			}
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if c, ok := s.peek(); ok && c == '\\' {
					s.next()
					if c, ok := s.peek(); !ok || c != 'u' {
						return dst, "an invalid escape in a string", valid
					}
					s.next()
					if r2, ok = s.hex4(); !ok {
						return dst, `a \u escape without four hexadecimal digits`, valid
					}
				}
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					r = d
				} else {
					valid = false
					if r2 >= 0 && !utf16.IsSurrogate(r2) {
						dst = utf8.AppendRune(dst, utf8.RuneError)
						r = r2
					}
				}
			}
			dst = utf8.AppendRune(dst, r)
		default:
			return dst, "an invalid escape in a string", valid
		}
	}
}

func (s *source) hex4() (rune, bool) {
	var r rune
	for range 4 {
		c, ok := s.peek()
		if !ok {
			return 0, false
		}
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
		s.next()
	}
	return r, true
}

// number reads a JSON number, appending its text to dst; syntax is "" when
// the number is well formed.
func (s *source) number(dst []byte) (out []byte, syntax string) {
	const bad = "a malformed number"
	take := func() byte {
		c, _ := s.peek()
		dst = append(dst, c)
		s.next()
		return c
	}
	digits := func() int {
		n := 0
		for {
			c, ok := s.peek()
			if !ok || c < '0' || c > '9' {
				return n
			}
			take()
			n++
		}
	}
	if c, _ := s.peek(); c == '-' {
		take()
	}
	c, ok := s.peek()
	switch {
	case !ok || c < '0' || c > '9':
		return dst, bad
	case c == '0':
		take()
	default:
		digits()
	}
	if c, ok := s.peek(); ok && c == '.' {
		take()
		if digits() == 0 {
			return dst, bad
		}
	}
	if c, ok := s.peek(); ok && (c == 'e' || c == 'E') {
		take()
		if c, ok := s.peek(); ok && (c == '+' || c == '-') {
			take()
		}
		if digits() == 0 {
			return dst, bad
		}
	}
	return dst, ""
}

// literal consumes word (true, false or null) and reports whether it was
// there.
func (s *source) literal(word string) bool {
	for i := 0; i < len(word); i++ {
		c, ok := s.peek()
		if !ok || c != word[i] {
			return false
		}
		s.next()
	}
	return true
}
