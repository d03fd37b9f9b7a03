package nace

import (
	"errors"
	"strings"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
)

// System is a classification a code is read in. Its zero value is [Rev2].
type System uint8

const (
	// Rev2 is NACE Rev. 2 (Regulation (EC) No 1893/2006), in Belgian
	// registers until 2024 (as NACE-BEL 2008, whose first four levels it
	// is): 996 codes on 4 levels. It is the zero System.
	Rev2 System = iota
	// NACEBEL2025 is the Belgian classification in force since 2025:
	// the 1047 codes of NACE Rev. 2.1 on levels 1 to 4 and 977
	// subclasses ("62.100") on level 5, with Statbel's Belgian wording.
	NACEBEL2025
	// Rev21 is NACE Rev. 2.1 (Delegated Regulation (EU) 2023/137), with
	// Eurostat's wording: 1047 codes on 4 levels.
	Rev21
)

// String returns "NACE Rev. 2", "NACEBEL 2025" or "NACE Rev. 2.1".
func (s System) String() string {
	switch s {
	case Rev2:
		return "NACE Rev. 2"
	case NACEBEL2025:
		return "NACEBEL 2025"
	case Rev21:
		return "NACE Rev. 2.1"
	}
	return "unknown system"
}

// ErrUnknown is the error of [Parse] for a string that is not a code of any
// of the three classifications; test with errors.Is.
var ErrUnknown = errors.New("nace: not a code of NACE Rev. 2, NACE Rev. 2.1 or NACEBEL 2025 (forms: J, 62, 62.0, 62.01, 62.100)")

// Code is a code of one classification. Two Codes are == when they are the
// same code of the same System: "62.10" of Rev21 and of NACEBEL2025 are
// two Codes (with the same place in the hierarchy: [Shared] gives 4). The
// zero Code is no code: its String is "", its Level 0, and it shares no
// level with any code.
type Code struct {
	sys System
	i   int32 // number in the system's table, plus 1; 0 for no code
}

// Parse reads s as a code. Surrounding spaces are ignored and a section
// letter may be lower case; the forms are "J", "62", "62.0", "62.01" and
// NACEBEL's "62.100".
//
// Which classification a code is read in: in prefer if it has the code,
// otherwise in the first of Rev2, NACEBEL2025, Rev21 (skipping prefer)
// that has it. So with the zero prefer (Rev2) a sheet may mix NACE Rev. 2
// codes ("62.01", read as Rev. 2) with NACEBEL 2025 codes that Rev. 2 lacks
// ("62.10", "62.100", read as NACEBEL 2025). A string that is a code of both
// revisions is read in prefer: 867 strings are, and for 42 of them the
// meaning differs ("K" is financial services in Rev. 2 but
// telecommunications and computing in Rev. 2.1; "25.30" is steam generators
// in one and weapons in the other; [Code.Ambiguous] tells which). A
// programme whose sheets hold NACEBEL 2025 codes passes NACEBEL2025.
//
// It returns an error wrapping [ErrUnknown] for anything else; the error
// never repeats s. Cost: O(len(s)) and one map look-up per system tried.
func Parse(s string, prefer System) (Code, error) {
	code := strings.TrimSpace(s)
	if len(code) == 1 && code[0] >= 'a' && code[0] <= 'z' {
		code = string(code[0] - 'a' + 'A')
	}
	if len(code) > 6 { // no code is longer; bounds the work on huge input
		return Code{}, ErrUnknown
	}
	t := load()
	for _, sys := range [...]System{prefer, Rev2, NACEBEL2025, Rev21} {
		if sys > Rev21 {
			continue
		}
		if i, ok := t.sys[sys].Index(code); ok {
			return Code{sys: sys, i: int32(i) + 1}, nil
		}
	}
	return Code{}, ErrUnknown
}

// MustParse is [Parse] for codes written in a program: it panics when s is
// not a code.
func MustParse(s string, prefer System) Code {
	c, err := Parse(s, prefer)
	if err != nil {
		panic(err)
	}
	return c
}

// Name returns the name of code in lang (English, French, Dutch or German,
// the closest of the four, as duo chooses everywhere; any other language
// gives English), reading code as [Parse] does with the zero prefer
// ([Rev2]). It returns an error
// wrapping [ErrUnknown] when code is not a code.
//
//	nace.Name("62.01", language.French) // "Programmation informatique"
func Name(code string, lang language.Tag) (string, error) {
	c, err := Parse(code, Rev2)
	if err != nil {
		return "", err
	}
	return c.Name(lang), nil
}

// IsZero reports whether c is no code.
func (c Code) IsZero() bool { return c.i == 0 }

// System returns the classification c belongs to.
func (c Code) System() System { return c.sys }

// String returns the code as the classification writes it ("J", "62.01",
// "62.100"), or "" for the zero Code.
func (c Code) String() string {
	if c.i == 0 {
		return ""
	}
	return load().sys[c.sys].Code(int(c.i - 1))
}

// Level returns c's level: 1 section, 2 division, 3 group, 4 class, 5
// NACEBEL subclass; 0 for the zero Code.
func (c Code) Level() int {
	if c.i == 0 {
		return 0
	}
	return load().sys[c.sys].Level(int(c.i - 1))
}

// Parent returns the code one level up in the same classification (the
// section of a division), and false for a section or the zero Code.
func (c Code) Parent() (Code, bool) {
	if c.i == 0 {
		return Code{}, false
	}
	p := load().sys[c.sys].Parent(int(c.i - 1))
	if p < 0 {
		return Code{}, false
	}
	return Code{sys: c.sys, i: int32(p) + 1}, true
}

// Name returns c's name in lang: English, French, Dutch or German, chosen
// as the closest of the four ("nl", "nl-BE" and "nl-NL" are Dutch); any
// other language gives English. Names are as published (sections in upper case). The zero Code's name is
// "". Cost: O(1).
func (c Code) Name(lang language.Tag) string {
	if c.i == 0 {
		return ""
	}
	return load().sys[c.sys].Label(int(c.i-1), i18n.Index(lang))
}

// Ambiguous reports whether c's string is a code of both NACE Rev. 2 and
// NACE Rev. 2.1 (or NACEBEL 2025) with different meanings: the Rev. 2.1
// code does not map to the Rev. 2 code of the same string. 42 strings are
// ("K", "25.30", "35.12", …). A validator may ask a sheet holding one to
// state its revision.
func (c Code) Ambiguous() bool {
	if c.i == 0 {
		return false
	}
	t := load()
	s := c.String()
	i, ok := t.sys[Rev2].Index(s)
	return ok && t.ambiguous[i]
}
