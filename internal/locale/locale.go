// Package locale names the four languages in which duo writes the names of
// things (sectors, occupations, languages, countries): English, French,
// Dutch and German, the languages of Belgium's services plus English.
package locale

import "golang.org/x/text/language"

// Tags are the four languages, in the order of the label columns of the
// code tables: en, fr, nl, de.
var Tags = [4]language.Tag{language.English, language.French, language.Dutch, language.German}

// Index returns the column of lang: 0 for English, 1 for French, 2 for
// Dutch, 3 for German, by base language ("nl-BE" is Dutch, "fr-BE" French,
// "de-BE" German). Any other language, and the zero Tag, give English (0).
// Cost: O(1).
func Index(lang language.Tag) int {
	b, conf := lang.Base()
	if conf == language.No {
		return 0
	}
	switch b.String() {
	case "fr":
		return 1
	case "nl":
		return 2
	case "de":
		return 3
	}
	return 0
}
