package nace_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/profile/nace"
)

// A sheet mixes a NACE Rev. 2 code (a mentor's former sector, as registered
// before 2025) with a NACEBEL 2025 code (a mentee's target, as registered
// now): each is read in the revision that has it, named in the
// coordinator's language and graded through Eurostat's correspondence.
func Example() {
	mentor, err := nace.Parse("62.01", nace.Rev2)
	if err != nil {
		fmt.Println(err)
		return
	}
	mentee, err := nace.Parse("62.100", nace.Rev2) // Rev. 2 lacks it: read as NACEBEL 2025
	if err != nil {
		fmt.Println(err)
		return
	}
	fr := language.MustParse("fr-BE")
	fmt.Printf("%s %s: %s\n", mentor.System(), mentor, mentor.Name(fr))
	fmt.Printf("%s %s: %s\n", mentee.System(), mentee, mentee.Name(language.Dutch))
	fmt.Println("levels shared:", nace.Shared(mentor, mentee))
	// Output:
	// NACE Rev. 2 62.01: Programmation informatique
	// NACEBEL 2025 62.100: Ontwerpen van computerprogramma’s
	// levels shared: 4
}

func ExampleName() {
	name, err := nace.Name("46.90", language.German)
	fmt.Println(name, err)
	_, err = nace.Name("46.99", language.German)
	fmt.Println(err != nil)
	// Output:
	// Großhandel ohne ausgeprägten Schwerpunkt <nil>
	// true
}

// A string that is a code of both revisions with different meanings is
// read in the revision the programme states.
func ExampleCode_Ambiguous() {
	for _, sys := range []nace.System{nace.Rev2, nace.NACEBEL2025} {
		k := nace.MustParse("K", sys)
		fmt.Printf("%s K (ambiguous %t): %s\n", sys, k.Ambiguous(), k.Name(language.English))
	}
	// Output:
	// NACE Rev. 2 K (ambiguous true): FINANCIAL AND INSURANCE ACTIVITIES
	// NACEBEL 2025 K (ambiguous true): TELECOMMUNICATION, COMPUTER PROGRAMMING, CONSULTING, COMPUTING INFRASTRUCTURE AND OTHER INFORMATION SERVICE ACTIVITIES
}

func ExampleShared() {
	daycare := nace.MustParse("88.91", nace.NACEBEL2025) // maps to Rev. 2 85.10 and 88.91
	for _, s := range []string{"88.91", "85.10", "88.10", "62.01"} {
		fmt.Println(s, nace.Shared(daycare, nace.MustParse(s, nace.Rev2)))
	}
	// Output:
	// 88.91 4
	// 85.10 4
	// 88.10 2
	// 62.01 0
}

func ExampleCode_Parent() {
	c := nace.MustParse("62.100", nace.NACEBEL2025)
	for ok := true; ok; c, ok = c.Parent() {
		fmt.Println(c.Level(), c)
	}
	// Output:
	// 5 62.100
	// 4 62.10
	// 3 62.1
	// 2 62
	// 1 K
}
