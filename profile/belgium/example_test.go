package belgium_test

import (
	"errors"
	"fmt"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
)

// Homes as application forms hold them: a postcode alone, a section with
// its postcode, a short form, and a postcode and a name that disagree.
func ExampleTable_Resolve() {
	g := belgium.Gazetteer()
	for _, p := range []profile.Place{
		{Postcode: "2100"},
		{Postcode: "9050", City: "Ledeberg"},
		{City: "Sint-Joost"},
		{Postcode: "1030", City: "Bruxelles"},
		{Postcode: "1030", City: "Liège"},
		{City: "Deurne"},
	} {
		l, err := g.Resolve(p)
		switch {
		case errors.Is(err, profile.ErrPlaceMismatch), errors.Is(err, profile.ErrAmbiguousPlace):
			fmt.Printf("%-4s %-10s -> %v\n", p.Postcode, p.City, err)
		case err != nil:
			fmt.Println(err)
		default:
			province, _ := g.Unit(l.Province)
			fmt.Printf("%-4s %-10s -> %s %s (%s, %s)\n", p.Postcode, p.City, l.ID, l.Name, l.Region, province.NL)
		}
	}
	// Output:
	// 2100            -> 11002 Antwerpen (Flanders, Provincie Antwerpen)
	// 9050 Ledeberg   -> 44021 Ledeberg (Flanders, Provincie Oost-Vlaanderen)
	//      Sint-Joost -> 21014 Sint-Joost (Brussels-Capital, )
	// 1030 Bruxelles  -> 21015 Schaerbeek (Brussels-Capital, )
	// 1030 Liège      -> profile: place: postcode and name disagree
	//      Deurne     -> profile: place: ambiguous place name (add a postcode or coordinates)
}

// The municipality behind a locality, with its names in the three
// languages and its arrondissement.
func ExampleTable_Municipality() {
	g := belgium.Gazetteer()
	m, _ := g.Municipality("62063")
	a, _ := g.Unit(m.Arrondissement)
	fmt.Println(m.FR, "/", m.NL, "/", m.DE, "-", a.FR, "-", len(m.Postcodes), "postcodes")
	// Output:
	// Liège / Luik / Lüttich - Arrondissement de Liège - 5 postcodes
}
