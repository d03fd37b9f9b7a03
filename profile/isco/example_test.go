package isco_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/profile/isco"
)

func Example() {
	dev, err := isco.Parse("2512")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, lang := range []string{"en", "fr-BE", "nl-BE", "de"} {
		fmt.Printf("%s: %s\n", lang, dev.Name(language.MustParse(lang)))
	}
	analyst := isco.MustParse("2511")
	fmt.Printf("%s shares %d levels with %s (%s)\n", dev, isco.Shared(dev, analyst), analyst, analyst.Name(language.English))
	_, err = isco.Parse("2515")
	fmt.Println(err != nil)
	// Output:
	// en: Software developers
	// fr-BE: Concepteurs de logiciels
	// nl-BE: Softwareontwikkelaars
	// de: Softwareentwickler
	// 2512 shares 3 levels with 2511 (Systems analysts)
	// true
}
