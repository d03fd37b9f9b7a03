package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// InText writes the name of a class of a classification (a NACE sector,
// an ISCO occupation) as it reads inside a sentence: a name published in
// capitals (NACE sections) in lower case, and the first letter in lower
// case, except in German, whose nouns keep their capital (and whose
// sections stay as published).
func InText(name string, tag language.Tag) string {
	if index(tag) == 3 || name == "" {
		return name
	}
	if strings.ToUpper(name) == name {
		name = strings.ToLower(name)
	}
	r, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToLower(r)) + name[n:]
}
