package profile

import (
	"strings"
	"unicode"

	"golang.org/x/text/transform"
)

// Closed vocabularies. A field whose values form a closed set (a gender,
// an employment agency, a language level, a weekly slot) is read from the
// words a Belgian coordinator writes, in French, Dutch, German or English,
// and stored as one canonical value; the library compares only canonical
// values. A word outside the vocabulary is never kept as a different value:
// the readers report it as a problem naming the field (code
// "unknown_value"), and [Mentee.Validate] and [Mentor.Validate] refuse a
// value that is not canonical.
//
// Words match after [foldWord]: case, accents, spaces and punctuation do
// not count ("Le Forem", "le-forem" and "LEFOREM" are one word).

// foldWord folds a word for lookup in a vocabulary: lower case, accents
// removed, and everything but letters and digits dropped. Cost: O(len(s)).
func foldWord(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			if f, _, err := transform.String(placeFolder(), s); err == nil {
				s = f
			}
			break
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// vocabulary maps the folded words of a closed set to canonical values.
type vocabulary[V ~string] map[string]V

// newVocabulary builds the lookup of words, each list headed by its
// canonical value; the words are folded. A word given twice is a bug in
// the tables of this package.
func newVocabulary[V ~string](words map[V][]string) vocabulary[V] {
	out := vocabulary[V]{}
	for v, ws := range words {
		for _, w := range append([]string{string(v)}, ws...) {
			k := foldWord(w)
			if prev, dup := out[k]; dup && prev != v {
				panic("profile: word " + w + " in two values of a vocabulary")
			}
			out[k] = v
		}
	}
	return out
}

// parse returns the canonical value of the word s, and false when s is not
// in the vocabulary. An empty or blank s is ("", true): not given.
func (voc vocabulary[V]) parse(s string) (V, bool) {
	if v, ok := voc[s]; ok { // already folded ("female", "x"): no allocation
		return v, true
	}
	if strings.TrimSpace(s) == "" {
		return "", true
	}
	v, ok := voc[foldWord(s)]
	return v, ok
}

// canonical reports whether v is "" or one of the vocabulary's values
// exactly as this package stores them.
func (voc vocabulary[V]) canonical(v V) bool {
	if v == "" {
		return true
	}
	c, ok := voc[string(v)]
	if !ok {
		c, ok = voc[foldWord(string(v))]
	}
	return ok && c == v
}

// word returns the canonical value of the word b, or b itself when it is
// outside the vocabulary: the JSON decoders keep it so that validation
// reports it with the person's ID and the field.
func (voc vocabulary[V]) word(b []byte) V {
	if v, ok := voc.parse(string(b)); ok {
		return v
	}
	return V(b)
}
