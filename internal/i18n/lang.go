package i18n

import "golang.org/x/text/language"

// The languages duo speaks. English is the fallback: a tag that matches
// none of the others gets English.
var (
	English = language.English
	French  = language.MustParse("fr-BE")
	Dutch   = language.MustParse("nl-BE")
	German  = language.MustParse("de-BE")
)

// supported lists the languages in the order of the fields of [Text].
var supported = [...]language.Tag{English, French, Dutch, German}

// matcher picks one of the supported languages for any tag.
var matcher = language.NewMatcher(supported[:])

// Languages returns the supported languages, English first, in a new
// slice.
func Languages() []language.Tag {
	out := make([]language.Tag, len(supported))
	copy(out, supported[:])
	return out
}

// Match returns the supported language closest to tag: fr, fr-FR and
// fr-BE give French (fr-BE), nl and nl-NL Dutch (nl-BE), de German
// (de-BE), anything else (including the zero Tag, "und") English.
func Match(tag language.Tag) language.Tag {
	return supported[index(tag)]
}

// Index returns the position in [Languages] of tag's closest supported
// language, as [Match] chooses it: 0 English, 1 French, 2 Dutch, 3
// German. Tables that keep one column per language (the names of sectors
// and occupations in profile/nace and profile/isco) pick theirs with it.
func Index(tag language.Tag) int { return index(tag) }

// index returns the position of tag's closest supported language.
func index(tag language.Tag) int {
	_, i, conf := matcher.Match(tag)
	if conf == language.No {
		return 0
	}
	return i
}

// MatchAccept returns the supported language that an HTTP Accept-Language
// header prefers, or English when it names none of them or cannot be
// parsed. Cost: O(length of the header).
func MatchAccept(header string) language.Tag {
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil || len(tags) == 0 {
		return English
	}
	_, i, conf := matcher.Match(tags...)
	if conf == language.No {
		return English
	}
	return supported[i]
}
