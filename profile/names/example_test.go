package names_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/profile/names"
)

func Example() {
	for _, lang := range []string{"fr-BE", "nl-BE"} {
		reader := language.MustParse(lang)
		ar, _ := names.Language("ar", reader)
		prs, _ := names.Language("prs", reader)
		ma, _ := names.Country("MA", reader)
		af, _ := names.Country("af", reader)
		fmt.Printf("%s: %s, %s; %s, %s\n", lang, ar, prs, ma, af)
	}
	_, ok := names.Language("aaa", language.English) // an ISO 639-3 code CLDR does not name
	fmt.Println(ok)
	// Output:
	// fr-BE: arabe, dari; Maroc, Afghanistan
	// nl-BE: Arabisch, Dari; Marokko, Afghanistan
	// false
}
