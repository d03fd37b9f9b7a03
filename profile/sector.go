package profile

import (
	"fmt"
	"strings"
)

// Sector is a code of the statistical classification of economic
// activities in the European Community, NACE Rev. 2, in any of its four
// forms: a section "J", a division "62", a group "62.0" or a class "62.01".
// The section of a division, group or class is derived from its division.
//
// Decoding keeps any string; [Sector.Parse] and the Validate methods report
// malformed codes and divisions that do not exist.
type Sector string

// SectorPath is a parsed NACE code: the section letter, then the digits of
// the division (2), group (3) and class (4) as far as the code goes. Depth is
// 1 for a section, 2 for a division, 3 for a group and 4 for a class.
type SectorPath struct {
	Section byte
	Digits  string
	Depth   int
}

// naceSections maps divisions to sections: the 21 sections of NACE Rev. 2
// with the first and last division of each. Divisions in the gaps (04, 34,
// 40, 44, 48, 54, 57, 67, 76, 83, 89) do not exist.
var naceSections = [21]struct {
	section  byte
	from, to int
}{
	{'A', 1, 3}, {'B', 5, 9}, {'C', 10, 33}, {'D', 35, 35}, {'E', 36, 39},
	{'F', 41, 43}, {'G', 45, 47}, {'H', 49, 53}, {'I', 55, 56}, {'J', 58, 63},
	{'K', 64, 66}, {'L', 68, 68}, {'M', 69, 75}, {'N', 77, 82}, {'O', 84, 84},
	{'P', 85, 85}, {'Q', 86, 88}, {'R', 90, 93}, {'S', 94, 96}, {'T', 97, 98},
	{'U', 99, 99},
}

// Parse checks s and returns its path in the hierarchy. Surrounding spaces
// are ignored and a section letter may be lower-case. It returns an error
// for any other form, for a section letter outside A..U and for a division
// that NACE Rev. 2 does not have: a *[Problem] with no path, coded
// "not_a_nace_code" or "unknown_nace_division" (the division its one arg),
// wrapping [ErrInvalid]. Groups and classes are checked for form
// and division, not against the full list of classes.
func (s Sector) Parse() (SectorPath, error) {
	code := strings.TrimSpace(string(s))
	bad := func() (SectorPath, error) {
		return SectorPath{}, &Problem{Code: "not_a_nace_code", Detail: "not a NACE Rev. 2 code (forms: J, 62, 62.0, 62.01)", Err: ErrInvalid}
	}
	switch len(code) {
	case 1:
		c := code[0] &^ 0x20 // upper-case an ASCII letter
		if c < 'A' || c > 'U' {
			return bad()
		}
		return SectorPath{Section: c, Depth: 1}, nil
	case 2, 4, 5:
		if len(code) > 2 && code[2] != '.' {
			return bad()
		}
		digits := code[:2]
		if len(code) > 2 {
			digits += code[3:]
		}
		div, ok := digitsValue(digits[:2])
		if !ok {
			return bad()
		}
		if _, ok := digitsValue(digits); !ok {
			return bad()
		}
		sec := sectionOf(div)
		if sec == 0 {
			d := fmt.Sprintf("%02d", div)
			return SectorPath{}, &Problem{Code: "unknown_nace_division", Args: []string{d}, Detail: "NACE Rev. 2 has no division " + d, Err: ErrInvalid}
		}
		return SectorPath{Section: sec, Digits: digits, Depth: len(digits)}, nil
	}
	return bad()
}

func digitsValue(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	return digits(s)
}

func sectionOf(division int) byte {
	for _, r := range naceSections {
		if division >= r.from && division <= r.to {
			return r.section
		}
	}
	return 0
}

// String returns the canonical form of the path ("J", "62", "62.0",
// "62.01").
func (p SectorPath) String() string {
	switch p.Depth {
	case 0:
		return ""
	case 1:
		return string(p.Section)
	case 2:
		return p.Digits
	}
	return p.Digits[:2] + "." + p.Digits[2:]
}

// Shared returns how many levels of the NACE hierarchy p and q have in
// common, from the top: 0 (different sections), 1 (same section), 2 (same
// division), 3 (same group) or 4 (same class). A level counts only when both
// codes go that deep, so "62" and "62.01" share 2 levels.
//
// Cost: O(1).
func (p SectorPath) Shared(q SectorPath) int {
	if p.Depth == 0 || q.Depth == 0 || p.Section != q.Section {
		return 0
	}
	n := 1
	for i := 0; i < len(p.Digits) && i < len(q.Digits) && p.Digits[i] == q.Digits[i]; i++ {
		if i >= 1 { // the division is two digits: it counts once both match
			n++
		}
	}
	return n
}

// SharedSectorLevels returns how many levels of the NACE hierarchy two codes
// share (see [SectorPath.Shared]); 0 when either is malformed.
func SharedSectorLevels(a, b Sector) int {
	p, err1 := a.Parse()
	q, err2 := b.Parse()
	if err1 != nil || err2 != nil {
		return 0
	}
	return p.Shared(q)
}

// Occupation is an ISCO-08 occupation code of 1 to 4 digits: major group
// "2", sub-major group "25", minor group "251" or unit group "2512".
type Occupation string

// Valid reports whether o is 1 to 4 ASCII digits. The empty Occupation
// (not given) is not valid; callers treat it as absent.
func (o Occupation) Valid() bool {
	_, ok := digitsValue(string(o))
	return ok && len(o) <= 4
}

// SharedOccupationLevels returns how many levels of the ISCO-08 hierarchy
// two codes share, from the top: the length of their common prefix of
// digits, 0 to 4. It is 0 when either code is not valid.
//
// Cost: O(1).
func SharedOccupationLevels(a, b Occupation) int {
	if !a.Valid() || !b.Valid() {
		return 0
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
