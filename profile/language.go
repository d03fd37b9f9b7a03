package profile

import (
	"strings"

	"golang.org/x/text/language"
)

// Level is a language proficiency on the Common European Framework of
// Reference scale, or "native". Levels are ordered:
// A1 < A2 < B1 < B2 < C1 < C2 < native. In JSON a Level is one of those
// strings, or a word [ParseLevel] reads ("moedertaal", "langue
// maternelle", "Muttersprache"), stored as the canonical level; decoding
// keeps any other string so that [Mentee.Validate] can report an unknown
// level with the participant ID and the field.
type Level string

// The known levels, lowest first.
const (
	A1     Level = "A1"
	A2     Level = "A2"
	B1     Level = "B1"
	B2     Level = "B2"
	C1     Level = "C1"
	C2     Level = "C2"
	Native Level = "native"
)

// levels are the words of each level: the CEFR levels as written, and
// "native" in the four languages.
var levels = newVocabulary(map[Level][]string{
	A1: {}, A2: {}, B1: {}, B2: {}, C1: {}, C2: {},
	Native: {"moedertaal", "langue maternelle", "maternelle", "Muttersprache", "mother tongue", "first language"},
})

// ParseLevel returns the level the word s stands for: A1 … C2 in any case,
// or native as "native", "moedertaal", "langue maternelle", "Muttersprache"
// or "mother tongue" (case, accents and spaces ignored); false for a word
// outside the set. Cost: O(len(s)).
func ParseLevel(s string) (Level, bool) {
	if strings.TrimSpace(s) == "" {
		return "", false
	}
	return levels.parse(s)
}

// UnmarshalText stores the canonical level of the word in b, or the word
// itself when it is not a level (validation reports it). It never fails.
func (l *Level) UnmarshalText(b []byte) error {
	*l = levels.word(b)
	return nil
}

// Rank returns the position of l on the scale, 1 for A1 up to 7 for native,
// and 0 for an unknown level. Comparison is case-insensitive ("b2" is B2,
// "Native" is native).
func (l Level) Rank() int {
	switch strings.ToUpper(strings.TrimSpace(string(l))) {
	case "A1":
		return 1
	case "A2":
		return 2
	case "B1":
		return 3
	case "B2":
		return 4
	case "C1":
		return 5
	case "C2":
		return 6
	case "NATIVE":
		return 7
	}
	return 0
}

// Known reports whether l is one of the seven known levels.
func (l Level) Known() bool { return l.Rank() > 0 }

// AtLeast reports whether l is known and at or above min. An unknown level
// is at least nothing.
func (l Level) AtLeast(min Level) bool {
	r := l.Rank()
	return r > 0 && r >= min.Rank()
}

// Language is a language a person speaks and how well. Tag is a BCP 47
// tag ("nl", "nl-BE", "ar", "ber"); two tags name the same language when
// their base languages are equal, so "nl-BE" speaks "nl".
type Language struct {
	Tag   string `json:"tag"`
	Level Level  `json:"level"`
}

// BaseLanguage returns the base language of a BCP 47 tag, lower-case
// ("nl" for "nl-BE", "sr" for "sh"), and false when the tag is not
// well-formed or names no known language ("und", "und-BE" and private-use
// tags such as "x-foo" name none).
func BaseLanguage(tag string) (string, bool) {
	t, err := language.Parse(strings.TrimSpace(tag))
	if err != nil {
		return "", false
	}
	// Base guesses a language for "und" and "und-BE" (English, Dutch)
	// with a confidence below Exact; only an explicit language counts.
	b, conf := t.Base()
	if conf != language.Exact || b.String() == "und" {
		return "", false
	}
	return b.String(), true
}

// Speaks returns the best level at which a person with languages speaks the
// base language of tag, and false when they do not speak it or the tag is
// invalid. Entries with invalid tags or unknown levels are ignored.
//
// Cost: O(len(languages)) tag parses; the scoring package parses once per
// profile instead.
func Speaks(languages []Language, tag string) (Level, bool) {
	want, ok := BaseLanguage(tag)
	if !ok {
		return "", false
	}
	best, found := Level(""), false
	for _, l := range languages {
		if b, ok := BaseLanguage(l.Tag); ok && b == want && l.Level.Rank() > best.Rank() {
			best, found = l.Level, true
		}
	}
	return best, found
}
