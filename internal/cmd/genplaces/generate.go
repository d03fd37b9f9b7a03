package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// sourceFiles are the files generate reads, tableFiles those it writes.
var (
	sourceFiles = []string{"municipalities.csv", "postcodes.csv", "postcodes_provenance.csv", "admin_units.csv"}
	tableFiles  = []string{"municipalities.tsv", "postcodes.tsv", "units.tsv"}
)

// The tables' headers; profile/belgium reads exactly these.
const (
	municipalityHeader = "nis\tregion\tprovince\tarrondissement\tmain\tname_fr\tname_nl\tname_de\tother\tlat\tlon"
	postcodeHeader     = "postcode\tnis\tplaces"
	unitHeader         = "code\tlevel\tparent\tname_fr\tname_nl\tname_de"
)

// The source files' headers, as SOURCES.md describes them.
var sourceHeaders = map[string]string{
	"municipalities.csv":       "nis_code,name_fr,name_nl,name_de,region,province,arrondissement,lat,lon",
	"postcodes.csv":            "postcode,nis_code,place_name,lat,lon",
	"postcodes_provenance.csv": "postcode,nis_code,place_name,name_source,coordinate_source",
	"admin_units.csv":          "code,level,name_fr,name_nl,name_de,parent_code",
}

// problems collects every problem of the sources, each naming the file and
// line.
type problems []error

func (p *problems) add(file string, line int, format string, args ...any) {
	*p = append(*p, fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...)))
}

// records parses one source file: its header must be the expected one, and
// every record has as many cells. It returns the records after the header
// with their line numbers.
func records(name string, data []byte, errs *problems) (rows [][]string, lines []int) {
	r := csv.NewReader(bytes.NewReader(data))
	all, err := r.ReadAll()
	if err != nil {
		errs.add(name, 0, "%v", err)
		return nil, nil
	}
	if len(all) == 0 || strings.Join(all[0], ",") != sourceHeaders[name] {
		errs.add(name, 1, "header is not %q", sourceHeaders[name])
		return nil, nil
	}
	for i, rec := range all[1:] {
		for k := range rec {
			rec[k] = strings.TrimSpace(rec[k])
			if strings.ContainsAny(rec[k], "\t|\n\r") {
				errs.add(name, i+2, "column %d holds a tab, a | or a line break", k+1)
			}
		}
		rows, lines = append(rows, rec), append(lines, i+2)
	}
	return rows, lines
}

// unit is a region, province or arrondissement.
type unit struct{ code, level, parent, fr, nl, de string }

// municipality is one row of municipalities.csv with the generator's
// additions.
type municipality struct {
	nis, region, province, arrondissement string
	fr, nl, de                            string
	lat, lon                              string
	main                                  string // "fr", "nl" or "de"
	other                                 []string
}

// postcode is one postcode × municipality with the place names under it.
type postcode struct {
	code, nis string
	main      bool // GeoNames gives this municipality for the postcode
	places    []string
}

// generate checks the sources (by file name) and returns the tables by
// file name, with aliases added to the municipalities. Errors name every
// problem at once (file and line; line 0 for a problem of the whole file).
func generate(files map[string][]byte, aliases []alias) (map[string][]byte, error) {
	var errs problems
	units, unitOrder := readUnits(files["admin_units.csv"], &errs)
	munis := readMunicipalities(files["municipalities.csv"], units, &errs)
	posts := readPostcodes(files["postcodes.csv"], files["postcodes_provenance.csv"], munis, &errs)
	addAliases(munis, aliases, &errs)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return map[string][]byte{
		"municipalities.tsv": writeMunicipalities(munis),
		"postcodes.tsv":      writePostcodes(posts),
		"units.tsv":          writeUnits(units, unitOrder),
	}, nil
}

func readUnits(data []byte, errs *problems) (map[string]unit, []string) {
	const file = "admin_units.csv"
	rows, lines := records(file, data, errs)
	units := map[string]unit{}
	var order []string
	for i, r := range rows {
		if len(r) != 6 {
			continue // csv.Reader already checks the count against the header
		}
		u := unit{code: r[0], level: r[1], fr: r[2], nl: r[3], de: r[4], parent: r[5]}
		switch {
		case !isDigits(u.code, 5):
			errs.add(file, lines[i], "code is not five digits")
		case u.level != "region" && u.level != "province" && u.level != "arrondissement":
			errs.add(file, lines[i], "level is not region, province or arrondissement")
		case u.fr == "" || u.nl == "" || u.de == "":
			errs.add(file, lines[i], "a name is empty")
		case units[u.code].code != "":
			errs.add(file, lines[i], "duplicate code %s", u.code)
		default:
			units[u.code] = u
			order = append(order, u.code)
		}
	}
	for _, c := range order {
		u := units[c]
		want := map[string]string{"region": "", "province": "region", "arrondissement": "province"}[u.level]
		p, ok := units[u.parent]
		switch {
		case u.level == "region" && u.parent != "":
			errs.add(file, 0, "region %s has a parent", c)
		case u.level == "arrondissement" && u.parent != "" && ok && p.level == "region" && p.code == brusselsRegion:
			// The Brussels-Capital arrondissement has the region as parent.
		case u.level != "region" && (!ok || p.level != want):
			errs.add(file, 0, "%s %s: parent %s is not a %s", u.level, c, u.parent, want)
		}
	}
	return units, order
}

// brusselsRegion is the NIS code of the Brussels-Capital Region, which has
// no province.
const brusselsRegion = "04000"

func readMunicipalities(data []byte, units map[string]unit, errs *problems) map[string]*municipality {
	const file = "municipalities.csv"
	rows, lines := records(file, data, errs)
	munis := map[string]*municipality{}
	for i, r := range rows {
		if len(r) != 9 {
			continue
		}
		m := &municipality{nis: r[0], fr: r[1], nl: r[2], de: r[3], region: r[4], province: r[5], arrondissement: r[6], lat: r[7], lon: r[8]}
		line := lines[i]
		if !isDigits(m.nis, 5) {
			errs.add(file, line, "nis_code is not five digits")
			continue
		}
		if munis[m.nis] != nil {
			errs.add(file, line, "duplicate nis_code %s", m.nis)
			continue
		}
		if m.fr == "" || m.nl == "" || m.de == "" {
			errs.add(file, line, "%s: a name is empty", m.nis)
		}
		if units[m.region].level != "region" {
			errs.add(file, line, "%s: region is not a region of admin_units.csv", m.nis)
		}
		a := units[m.arrondissement]
		switch {
		case a.level != "arrondissement":
			errs.add(file, line, "%s: arrondissement is not an arrondissement of admin_units.csv", m.nis)
		case m.arrondissement[:2] != m.nis[:2]:
			errs.add(file, line, "%s: arrondissement does not match the code's first two digits", m.nis)
		}
		switch p := units[m.province]; {
		case m.region == brusselsRegion && m.province != "":
			errs.add(file, line, "%s: a Brussels municipality has a province", m.nis)
		case m.region != brusselsRegion && (p.level != "province" || p.parent != m.region):
			errs.add(file, line, "%s: province is not a province of its region", m.nis)
		case m.region != brusselsRegion && a.parent != m.province:
			errs.add(file, line, "%s: arrondissement is not in its province", m.nis)
		}
		if !degrees(m.lat, 49, 52) || !degrees(m.lon, 2, 7) {
			errs.add(file, line, "%s: coordinates are not numbers within Belgium", m.nis)
		}
		m.main = mainLanguage(m)
		munis[m.nis] = m
	}
	return munis
}

// mainLanguage is the language of a municipality's main name: Dutch in
// Flanders, German in the German-speaking Community, French in Wallonia
// and in Brussels (as the City's postal name "Bruxelles").
func mainLanguage(m *municipality) string {
	switch {
	case m.region == "02000":
		return "nl"
	case slices.Contains(germanSpeaking, m.nis):
		return "de"
	default:
		return "fr"
	}
}

// germanSpeaking are the nine municipalities of the German-speaking
// Community (Statbel codes).
var germanSpeaking = []string{"63001", "63012", "63013", "63023", "63040", "63048", "63061", "63067", "63087"}

func readPostcodes(data, provenance []byte, munis map[string]*municipality, errs *problems) []*postcode {
	const file = "postcodes.csv"
	rows, lines := records(file, data, errs)
	prov, plines := records("postcodes_provenance.csv", provenance, errs)
	if len(prov) != len(rows) {
		errs.add("postcodes_provenance.csv", 0, "%d rows, postcodes.csv has %d", len(prov), len(rows))
		return nil
	}
	byKey := map[[2]string]*postcode{}
	var list []*postcode
	for i, r := range rows {
		if len(r) != 5 || len(prov[i]) != 5 {
			continue
		}
		described := prov[i][0] == r[0] && prov[i][1] == r[1] && prov[i][2] == r[2]
		if !described {
			errs.add("postcodes_provenance.csv", plines[i], "does not describe line %d of postcodes.csv", lines[i])
		}
		switch {
		case !isDigits(r[0], 4):
			errs.add(file, lines[i], "postcode is not four digits")
			continue
		case munis[r[1]] == nil:
			errs.add(file, lines[i], "nis_code %s is not in municipalities.csv", r[1])
			continue
		case r[2] == "":
			errs.add(file, lines[i], "place_name is empty")
			continue
		case !degrees(r[3], 49, 52) || !degrees(r[4], 2, 7):
			errs.add(file, lines[i], "coordinates are not numbers within Belgium")
		}
		k := [2]string{r[0], r[1]}
		p := byKey[k]
		if p == nil {
			p = &postcode{code: r[0], nis: r[1]}
			byKey[k] = p
			list = append(list, p)
		}
		if !slices.Contains(p.places, r[2]) {
			p.places = append(p.places, r[2])
		}
		if described && prov[i][3] == "GeoNames" {
			p.main = true
		}
	}
	// A postcode of one municipality is its main one; of several, the
	// main one is the municipality GeoNames gives (1040 Etterbeek, 1050
	// Ixelles, 1060 Saint-Gilles): the other (the City of Brussels) holds
	// only a few streets of the postcode in BeST.
	count := map[string]int{}
	for _, p := range list {
		count[p.code]++
	}
	mains := map[string]int{}
	for _, p := range list {
		if count[p.code] == 1 {
			p.main = true
		}
		if p.main {
			mains[p.code]++
		}
	}
	for _, p := range list {
		if mains[p.code] != 1 {
			errs.add(file, 0, "postcode %s: %d municipalities named by GeoNames, want exactly one main municipality", p.code, mains[p.code])
			mains[p.code] = 1 // once
		}
	}
	slices.SortStableFunc(list, func(a, b *postcode) int {
		if c := strings.Compare(a.code, b.code); c != 0 {
			return c
		}
		if a.main != b.main {
			if a.main {
				return -1
			}
			return 1
		}
		return strings.Compare(a.nis, b.nis)
	})
	for _, p := range list {
		slices.Sort(p.places)
	}
	for nis := range munis {
		found := false
		for _, p := range list {
			found = found || p.nis == nis
		}
		if !found {
			errs.add(file, 0, "municipality %s has no postcode", nis)
		}
	}
	return list
}

// isDigits reports whether s is n ASCII digits.
func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// degrees reports whether s is a decimal number within [lo, hi].
func degrees(s string, lo, hi float64) bool {
	x, err := strconv.ParseFloat(s, 64)
	return err == nil && x >= lo && x <= hi
}
