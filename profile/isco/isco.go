package isco

import (
	_ "embed"
	"errors"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/codetable"
	"github.com/duomatch/duo/internal/i18n"
)

//go:embed isco08.tsv
var tsv string

// table is the ISCO-08 table, parsed on first use and immutable afterwards.
// The embedded file is written and checked by internal/cmd/genclass, so an
// error here is a broken build: it panics.
var table = sync.OnceValue(func() *codetable.Table {
	t, err := codetable.Parse(tsv, nil)
	if err != nil {
		panic("isco: embedded table: " + err.Error())
	}
	return t
})

// ErrUnknown is the error of [Parse] for a string that is not an ISCO-08
// code; test with errors.Is.
var ErrUnknown = errors.New("isco: not an ISCO-08 code (1 to 4 digits, such as 2, 25, 251, 2512)")

// Code is an ISCO-08 code. The zero Code is no code: its String is "", its
// Level 0, and it shares no level with any code.
type Code struct {
	i int32 // number in the table plus 1; 0 for no code
}

// Parse reads s as an ISCO-08 code: 1 to 4 digits, surrounding spaces
// ignored. It returns an error wrapping [ErrUnknown] for a string that is
// not one of the 619 codes (a well-formed but unassigned code such as
// "2515" included); the error never repeats s. Cost: O(len(s)).
func Parse(s string) (Code, error) {
	code := strings.TrimSpace(s)
	if len(code) > 4 { // bounds the work on huge input
		return Code{}, ErrUnknown
	}
	i, ok := table().Index(code)
	if !ok {
		return Code{}, ErrUnknown
	}
	return Code{i: int32(i) + 1}, nil
}

// MustParse is [Parse] for codes written in a program: it panics when s is
// not a code.
func MustParse(s string) Code {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

// Name returns the name of code in lang (English, French, Dutch or German,
// the closest of the four, as duo chooses everywhere; any other language
// gives English). It returns an error wrapping [ErrUnknown] when code is
// not an ISCO-08 code.
//
//	isco.Name("2512", language.Dutch) // "Softwareontwikkelaars"
func Name(code string, lang language.Tag) (string, error) {
	c, err := Parse(code)
	if err != nil {
		return "", err
	}
	return c.Name(lang), nil
}

// IsZero reports whether c is no code.
func (c Code) IsZero() bool { return c.i == 0 }

// String returns the code's digits, or "" for the zero Code.
func (c Code) String() string {
	if c.i == 0 {
		return ""
	}
	return table().Code(int(c.i - 1))
}

// Level returns c's level: 1 major group ("2"), 2 sub-major group ("25"),
// 3 minor group ("251"), 4 unit group ("2512"); 0 for the zero Code.
func (c Code) Level() int {
	if c.i == 0 {
		return 0
	}
	return table().Level(int(c.i - 1))
}

// Parent returns the group one level up (the code without its last
// digit), and false for a major group or the zero Code.
func (c Code) Parent() (Code, bool) {
	if c.i == 0 {
		return Code{}, false
	}
	p := table().Parent(int(c.i - 1))
	if p < 0 {
		return Code{}, false
	}
	return Code{i: int32(p) + 1}, true
}

// Name returns c's name in lang: English, French, Dutch or German, chosen
// as the closest of the four ("fr", "fr-BE" and "fr-FR" are French); any
// other language gives English. The zero Code's name is "". Cost: O(1).
func (c Code) Name(lang language.Tag) string {
	if c.i == 0 {
		return ""
	}
	return table().Label(int(c.i-1), i18n.Index(lang))
}

// Shared returns how many levels of the ISCO-08 hierarchy a and b have in
// common from the top, 0 to 4: the length of the common prefix of their
// digits, no longer than the shorter code. The zero Code shares 0.
// Cost: O(1).
func Shared(a, b Code) int {
	if a.i == 0 || b.i == 0 {
		return 0
	}
	sa, sb := a.String(), b.String()
	n := 0
	for n < len(sa) && n < len(sb) && sa[n] == sb[n] {
		n++
	}
	return n
}
