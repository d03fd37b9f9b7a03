package main

import (
	"slices"

	"github.com/duomatch/duo/profile"
)

// aliases are the names in use for a municipality that are neither one of
// its official French, Dutch or German names nor a place name of its
// postcodes: English exonyms, the Luxembourgish name of Arlon, and the
// short forms people write for long Brussels names. Kept by hand; each is
// checked against the table (the code exists, the alias is not already one
// of its names).
//
// The abbreviations of saints ("Saint-", "Sint-", "Sankt", "St-", "St.")
// need no row here: profile.FoldPlaceName makes them one word, so
// "St-Gilles", "Woluwe-St-Lambert" and "St.-Niklaas" resolve as written.
var aliases = []alias{
	{"11002", "Antwerp"},
	{"21004", "Brussels"},
	{"21004", "Brussels City"},
	{"21012", "Molenbeek"},
	{"21014", "Saint-Josse"},
	{"21014", "Sint-Joost"},
	{"25121", "Ottignies"},
	{"35013", "Ostend"},
	{"44021", "Ghent"},
	{"81001", "Arel"},
	{"12025", "Mecheln"},
	{"34022", "Courtray"},
	{"62063", "Luettich"},
}

// alias is a name in use for the municipality with NIS code nis.
type alias struct{ nis, name string }

// addAliases adds the aliases to their municipalities, keeping only those
// that are not already one of its names (as folded), in the order above.
func addAliases(munis map[string]*municipality, aliases []alias, errs *problems) {
	for i, a := range aliases {
		m := munis[a.nis]
		if m == nil {
			errs.add("aliases", i+1, "%s is not a municipality", a.nis)
			continue
		}
		f := fold(a.name)
		if f == fold(m.fr) || f == fold(m.nl) || f == fold(m.de) || slices.ContainsFunc(m.other, func(o string) bool { return fold(o) == f }) {
			continue
		}
		m.other = append(m.other, a.name)
	}
}

// fold folds a name as the gazetteer does.
func fold(s string) string { return profile.FoldPlaceName(s) }
