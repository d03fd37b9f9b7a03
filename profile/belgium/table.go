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

var (
	//go:embed municipalities.tsv
	municipalitiesTSV string
	//go:embed postcodes.tsv
	postcodesTSV string
	//go:embed units.tsv
	unitsTSV string
)

// The tables' headers, as genplaces writes them.
const (
	municipalityHeader = "nis\tregion\tprovince\tarrondissement\tmain\tname_fr\tname_nl\tname_de\tother\tlat\tlon"
	postcodeHeader     = "postcode\tnis\tplaces"
	unitHeader         = "code\tlevel\tparent\tname_fr\tname_nl\tname_de"
)

// Municipality is one of the 565 Belgian municipalities.
type Municipality struct {
	// NIS is the Statbel NIS (REFNIS) code, five digits ("44021").
	NIS string
	// Name is the main name: Dutch in Flanders, German in the
	// German-speaking Community, French elsewhere.
	Name string
	// FR, NL and DE are the official names in French, Dutch and German
	// (Statbel's; equal where a municipality has one name).
	FR, NL, DE string
	// Region, Province and Arrondissement are NIS codes of [Unit]s;
	// Province is empty in the Brussels-Capital Region.
	Region, Province, Arrondissement string
	// Lat and Lon are a representative coordinate (the main town's
	// GeoNames point), in decimal degrees WGS 84.
	Lat, Lon float64
	// Postcodes are the postcodes of the municipality, sorted.
	Postcodes []string
}

// Unit is a region, province or arrondissement.
type Unit struct {
	// Code is the Statbel NIS code ("04000", "10000", "11000").
	Code string
	// Level is "region", "province" or "arrondissement".
	Level string
	// Parent is the code of the unit it lies in; empty for a region.
	Parent string
	// FR, NL and DE are its names.
	FR, NL, DE string
}

// regionNames are the Locality.Region values, by NIS code: the names the
// scoring rules and callers have always seen.
var regionNames = map[string]string{"02000": "Flanders", "03000": "Wallonia", "04000": "Brussels-Capital"}

// Table is the Belgian gazetteer, a [profile.Gazetteer]. It is immutable
// and safe for concurrent use.
type Table struct {
	munis  []Municipality
	byNIS  map[string]int32
	byPost map[string][]int32   // postcode -> municipalities, main first
	byName map[string][]nameRef // folded name -> the municipalities carrying it
	units  map[string]Unit
}

// nameRef is one municipality that carries a folded name, with that name's
// spelling in the table and whether it is the municipality's own name (an
// official name or an alias) or only a place of its postcodes.
type nameRef struct {
	muni  int32
	name  string
	major bool
}

// Gazetteer returns the Belgian gazetteer, built from the embedded tables
// on the first call and shared by every later call. Cost: O(1) after the
// first call.
func Gazetteer() *Table { return table() }

var table = sync.OnceValue(func() *Table {
	t, err := parse(municipalitiesTSV, postcodesTSV, unitsTSV)
	if err != nil {
		// The tables are generated and tested: a broken one is a build
		// defect, not an input error.
		panic("belgium: embedded table: " + err.Error())
	}
	return t
})

// rows splits a table into its rows of cells, checking the header and the
// number of cells.
func rows(s, header string) ([][]string, error) {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if lines[0] != header {
		return nil, fmt.Errorf("unexpected header %q", lines[0])
	}
	n := strings.Count(header, "\t") + 1
	out := make([][]string, 0, len(lines)-1)
	for i, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) != n {
			return nil, fmt.Errorf("line %d: %d cells, want %d", i+2, len(f), n)
		}
		out = append(out, f)
	}
	return out, nil
}

// parse builds the table.
func parse(munis, posts, units string) (*Table, error) {
	t := &Table{byNIS: map[string]int32{}, byPost: map[string][]int32{}, byName: map[string][]nameRef{}, units: map[string]Unit{}}
	us, err := rows(units, unitHeader)
	if err != nil {
		return nil, fmt.Errorf("units.tsv: %w", err)
	}
	for _, f := range us {
		t.units[f[0]] = Unit{Code: f[0], Level: f[1], Parent: f[2], FR: f[3], NL: f[4], DE: f[5]}
	}
	ms, err := rows(munis, municipalityHeader)
	if err != nil {
		return nil, fmt.Errorf("municipalities.tsv: %w", err)
	}
	t.munis = make([]Municipality, len(ms))
	for i, f := range ms {
		m := Municipality{NIS: f[0], Region: f[1], Province: f[2], Arrondissement: f[3], FR: f[5], NL: f[6], DE: f[7]}
		m.Name = map[string]string{"fr": m.FR, "nl": m.NL, "de": m.DE}[f[4]]
		var e1, e2 error
		m.Lat, e1 = strconv.ParseFloat(f[9], 64)
		m.Lon, e2 = strconv.ParseFloat(f[10], 64)
		if e1 != nil || e2 != nil || m.Name == "" || regionNames[m.Region] == "" {
			return nil, fmt.Errorf("municipalities.tsv: line %d: bad coordinates, main language or region", i+2)
		}
		t.munis[i] = m
		t.byNIS[m.NIS] = int32(i)
		names := []string{m.Name, m.FR, m.NL, m.DE}
		if f[8] != "" {
			names = append(names, strings.Split(f[8], "|")...)
		}
		for _, n := range names {
			t.addName(int32(i), n, true)
		}
	}
	ps, err := rows(posts, postcodeHeader)
	if err != nil {
		return nil, fmt.Errorf("postcodes.tsv: %w", err)
	}
	for i, f := range ps {
		k, ok := t.byNIS[f[1]]
		if !ok {
			return nil, fmt.Errorf("postcodes.tsv: line %d: unknown municipality", i+2)
		}
		t.byPost[f[0]] = append(t.byPost[f[0]], k)
		t.munis[k].Postcodes = append(t.munis[k].Postcodes, f[0])
		for _, n := range strings.Split(f[2], "|") {
			t.addName(k, n, false)
		}
	}
	return t, nil
}

// addName records that municipality k carries name n, once per folded
// name and municipality; a major record wins over a minor one.
func (t *Table) addName(k int32, n string, major bool) {
	f := profile.FoldPlaceName(n)
	refs := t.byName[f]
	for i, r := range refs {
		if r.muni == k {
			refs[i].major = r.major || major
			return
		}
	}
	t.byName[f] = append(refs, nameRef{muni: k, name: n, major: major})
}

// Len returns the number of municipalities (565).
func (t *Table) Len() int { return len(t.munis) }

// Country returns "BE".
func (t *Table) Country() profile.Country { return "BE" }

// Municipalities returns the municipalities sorted by NIS code (a copy the
// caller may change). Cost: O(number of municipalities and postcodes).
func (t *Table) Municipalities() []Municipality {
	out := make([]Municipality, len(t.munis))
	for i, m := range t.munis {
		m.Postcodes = slices.Clone(m.Postcodes)
		out[i] = m
	}
	return out
}

// Municipality returns the municipality with NIS code nis, and whether
// there is one. Cost: O(its postcodes).
func (t *Table) Municipality(nis string) (Municipality, bool) {
	k, ok := t.byNIS[nis]
	if !ok {
		return Municipality{}, false
	}
	m := t.munis[k]
	m.Postcodes = slices.Clone(m.Postcodes) // the table stays immutable
	return m, true
}

// Unit returns the region, province or arrondissement with NIS code code,
// and whether there is one. Cost: O(1).
func (t *Table) Unit(code string) (Unit, bool) {
	u, ok := t.units[code]
	return u, ok
}
