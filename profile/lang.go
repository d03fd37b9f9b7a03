package profile

import (
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
)

// Languages returns the languages duo writes its messages in, English
// first, then French, Dutch and German as written in Belgium (fr-BE,
// nl-BE, de-BE), in a new slice. Every Text method and every writer's Lang
// option of duo takes one of them, or any tag: the closest is used and a
// tag that matches none (including the zero language.Tag) gives English.
func Languages() []language.Tag { return i18n.Languages() }

// MatchLanguage returns the language of [Languages] that an HTTP
// Accept-Language header prefers ("nl-BE,nl;q=0.9,en;q=0.5" gives nl-BE,
// "fr" gives fr-BE), or English when the header names none of them or
// cannot be parsed. A service passes the result to the Text methods and
// writers' Lang options. Cost: O(length of the header).
func MatchLanguage(acceptLanguage string) language.Tag { return i18n.MatchAccept(acceptLanguage) }
