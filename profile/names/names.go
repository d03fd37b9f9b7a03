package names

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
)

// Language returns the name, in lang, of the base language of a BCP 47 tag
// as [profile.BaseLanguage] reads it ("nl-BE" is named as "nl"), and false
// when profile rejects the tag (malformed, "und", private use) or when
// neither CLDR nor this package's own table has a name for its language.
// lang chooses English, French, Dutch or German, the closest of the four
// as duo chooses everywhere; any other language gives English.
//
// Names are CLDR's, as golang.org/x/text/language/display carries them, in
// that language's usual case (French names are lower case: "arabe"),
// except for the languages CLDR lacks, which come from a small hand-kept
// table (Dari "prs", Berber "ber", Levantine and Iraqi Arabic, …). Every
// language CLDR names in English is named in all four languages; the other
// ISO 639-3 codes that profile accepts (several thousand) have no name
// here and give false: show the code instead.
//
// A tag whose base differs from the name a person expects is named by its
// base, as profile compares languages: "fa-AF" is Persian (Dari is its
// Afghan form; "prs" is Dari), "sh" is Serbian. Cost: O(len(tag)).
func Language(tag string, lang language.Tag) (string, bool) {
	base, ok := profile.BaseLanguage(tag)
	if !ok {
		return "", false
	}
	col := i18n.Index(lang)
	if n, ok := languageGaps[base]; ok {
		return n[col], true
	}
	b, err := language.ParseBase(base)
	if err != nil {
		return "", false
	}
	n := display.Languages(i18n.Match(lang)).Name(b)
	return n, n != ""
}

// Country returns the name, in lang, of an ISO 3166-1 alpha-2 country code
// (any case, surrounding spaces ignored; "XK" is Kosovo), and false for a
// code that [profile.ParseCountry] rejects: the same closed vocabulary, so
// "ZZ", "EU" or the withdrawn "SU" have no name. lang chooses English, French, Dutch or German
// as for [Language]. Names are CLDR's, which name every code profile
// accepts in the four languages ("CD" is "Congo-Kinshasa" in French).
// Cost: O(1).
func Country(code string, lang language.Tag) (string, bool) {
	c, err := profile.ParseCountry(code)
	if err != nil {
		return "", false
	}
	r, err := language.ParseRegion(string(c))
	if err != nil {
		return "", false
	}
	n := display.Regions(i18n.Match(lang)).Name(r)
	return n, n != ""
}
