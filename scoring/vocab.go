package scoring

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/duomatch/duo/profile"
)

// norm returns norm(s), computing it once per distinct s.
func (c *compiler) norm(s string) string {
	if isNorm(s) {
		return s
	}
	f, ok := c.folded[s]
	if !ok {
		f = norm(s)
		c.folded[s] = f
	}
	return f
}

// norm folds a free-text tag (an interest, a trait's name, a gender) for
// comparison: lower case, surrounding spaces dropped, inner runs of white
// space made one space. Invalid UTF-8 is kept as it is. Cities fold further
// (see foldCity).
func norm(s string) string {
	if isNorm(s) {
		return s
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// isNorm reports whether norm(s) is s, for ASCII strings without upper
// case or needless spaces; it may answer false for others.
func isNorm(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) ||
			(c != ' ' && unicode.IsSpace(rune(c))) {
			return false
		}
	}
	return true
}

// vocab interns strings with IDs in sorted order, so that the order of
// two IDs is the order of their strings in every vocabulary.
type vocab struct {
	seen map[string]struct{}
	id   map[string]uint32
	list []string
}

func newVocab() *vocab { return &vocab{seen: map[string]struct{}{}} }

func (v *vocab) add(s string) {
	if s != "" {
		v.seen[s] = struct{}{}
	}
}

// freeze numbers the strings added so far, from 0 (or from 1 when zeroNone,
// which keeps 0 for "none").
func (v *vocab) freeze(zeroNone bool) {
	v.list = make([]string, 0, len(v.seen))
	for s := range v.seen {
		v.list = append(v.list, s)
	}
	slices.Sort(v.list)
	v.id = make(map[string]uint32, len(v.list))
	base := uint32(0)
	if zeroNone {
		base = 1
	}
	for i, s := range v.list {
		v.id[s] = uint32(i) + base
	}
}

// genderKey is the gender g compares as: its canonical value when it is a
// word of profile's vocabulary ("vrouw", "F" and "femme" are female), else
// g as it is (a profile that validation refuses; a round sets it aside).
func genderKey(g profile.Gender) string {
	if v, ok := profile.ParseGender(string(g)); ok {
		return string(v)
	}
	return string(g)
}
