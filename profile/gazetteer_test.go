package profile_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
)

func TestFoldPlaceName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Liège", "liege"},
		{"LIÈGE", "liege"},
		{" liege ", "liege"},
		{"Saint-Josse-ten-Noode", "st josse ten noode"},
		{"St-Gilles", "st gilles"},
		{"St.-Niklaas", "st niklaas"},
		{"Sint-Niklaas", "st niklaas"},
		{"Sankt Vith", "st vith"},
		{"Berchem-Ste-Agathe", "berchem ste agathe"},
		{"Braine-l’Alleud", "braine l alleud"},
		{"Sint–Niklaas", "st niklaas"}, // en dash
		{"Łódź", "łodz"},               // Ł has no decomposition: only marks go
		{"\xffLiège", "liege"},         // invalid UTF-8 dropped
		{"", ""},
		{" - ' ", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, profile.FoldPlaceName(tt.in), "%q", tt.in)
	}
}

func TestNewGazetteerErrors(t *testing.T) {
	tests := []struct {
		name    string
		country profile.Country
		entries []profile.GazetteerEntry
		want    []string
	}{
		{name: "valid", country: "NL", entries: []profile.GazetteerEntry{{ID: "a", Names: []string{"A"}}}},
		{name: "no country", entries: []profile.GazetteerEntry{{ID: "a", Names: []string{"A"}}}, want: []string{"unknown country"}},
		{name: "empty id, no name", country: "NL", entries: []profile.GazetteerEntry{{}}, want: []string{"entries[0]: empty id", "entries[0]: no name"}},
		{name: "duplicate id", country: "NL", entries: []profile.GazetteerEntry{{ID: "a", Names: []string{"A"}}, {ID: "a", Names: []string{"B"}}},
			want: []string{"entries[1]: duplicate id (also entries[0])"}},
		{name: "bad coordinates", country: "NL", entries: []profile.GazetteerEntry{{ID: "a", Names: []string{"A"}, Lat: 91}},
			want: []string{"coordinates out of range"}},
		{name: "name of punctuation", country: "NL", entries: []profile.GazetteerEntry{{ID: "a", Names: []string{"--"}}},
			want: []string{"a name with no letter or digit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := profile.NewGazetteer(tt.country, tt.entries)
			if tt.want == nil {
				require.NoError(t, err)
				assert.Equal(t, len(tt.entries), g.Len())
				return
			}
			require.ErrorIs(t, err, profile.ErrGazetteer)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	g, err := profile.NewGazetteer("NL", []profile.GazetteerEntry{
		{ID: "0363", Names: []string{"Amsterdam"}, Postcodes: []string{"1011"}, Lat: 52.37, Lon: 4.89},
		{ID: "x1", Names: []string{"Hengelo"}, Minor: true},
		{ID: "x2", Names: []string{"Hengelo"}, Minor: true},
	})
	require.NoError(t, err)
	tests := []struct {
		name     string
		place    profile.Place
		wantID   string
		lat, lon float64
		err      error
	}{
		{name: "table coordinates", place: profile.Place{City: "amsterdam"}, wantID: "0363", lat: 52.37, lon: 4.89},
		{name: "given coordinates win", place: profile.Place{Postcode: "1011", Lat: 52.3, Lon: 4.8}, wantID: "0363", lat: 52.3, lon: 4.8},
		{name: "coordinates alone", place: profile.Place{City: "Atlantis", Lat: 52.3, Lon: 4.8}, lat: 52.3, lon: 4.8},
		{name: "unusable coordinates ignored", place: profile.Place{City: "Amsterdam", Lat: 500}, wantID: "0363", lat: 52.37, lon: 4.89},
		{name: "unknown", place: profile.Place{City: "Atlantis"}, err: profile.ErrUnknownPlace},
		{name: "ambiguous", place: profile.Place{City: "Hengelo"}, err: profile.ErrAmbiguousPlace},
		{name: "other country", place: profile.Place{City: "Amsterdam", Country: "BE"}, err: profile.ErrUnknownPlace},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := profile.Locate(g, tt.place)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantID, l.ID)
			assert.InDelta(t, tt.lat, l.Lat, 1e-9)
			assert.InDelta(t, tt.lon, l.Lon, 1e-9)
		})
	}
	for _, e := range []error{profile.ErrPlaceMismatch, fmt.Errorf("both: %w, %w", profile.ErrUnknownPostcode, profile.ErrPlaceMismatch)} {
		l, err := profile.Locate(failing{e}, profile.Place{Postcode: "1030", City: "Liège", Lat: 50.8, Lon: 4.4})
		assert.ErrorIs(t, err, profile.ErrPlaceMismatch, "a contradiction is reported whatever the coordinates")
		assert.Equal(t, profile.Locality{}, l)
	}
	l, err := profile.Locate(failing{profile.ErrUnknownPostcode}, profile.Place{Postcode: "1005", Lat: 50.8, Lon: 4.4})
	require.NoError(t, err, "an unknown postcode alone: the coordinates")
	assert.InDelta(t, 50.8, l.Lat, 1e-9)
	_, err = profile.Locate(nil, profile.Place{City: "Amsterdam"})
	assert.ErrorIs(t, err, profile.ErrUnknownPlace, "a nil gazetteer resolves nothing")
}

func TestReadGazetteerCSVErrors(t *testing.T) {
	tests := []struct {
		name, csv string
		want      []string
	}{
		{name: "wrong columns", csv: "1000,Amsterdam\n", want: []string{"line 1: 2 columns"}},
		{name: "bad latitude", csv: "1000,Amsterdam,north,4.9\n", want: []string{"line 1: latitude and longitude"}},
		{name: "one coordinate", csv: "1000,Amsterdam,52.3,\n", want: []string{"both given or both empty"}},
		{name: "no name", csv: "postcode,name,lat,lon\n1000,,52,4\n2000,-,52,4\n", want: []string{"line 2: no name", "line 3: no name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := profile.ReadGazetteerCSV("NL", strings.NewReader(tt.csv))
			require.ErrorIs(t, err, profile.ErrGazetteer)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.NotContains(t, err.Error(), "Amsterdam", "no cell echoed")
		})
	}
}

// A programme outside Belgium plugs in its own table: a CSV of postcode,
// name, latitude, longitude (and, optionally, region), one record per
// postcode. The Table is a Gazetteer; set it as scoring.Scorer.Places.
func ExampleReadGazetteerCSV() {
	const csv = `postcode,name,latitude,longitude,region
1011,Amsterdam,52.3731,4.8922,Noord-Holland
1012,Amsterdam,,,Noord-Holland
3011,Rotterdam,51.9225,4.4792,Zuid-Holland
2511,'s-Gravenhage,52.0799,4.3113,Zuid-Holland
`
	g, err := profile.ReadGazetteerCSV("NL", strings.NewReader(csv))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range []profile.Place{
		{Postcode: "1012"},
		{City: "ROTTERDAM"},
		{City: "s Gravenhage"},
		{City: "Utrecht"},
	} {
		l, err := g.Resolve(p)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %s (%s) %.2f %.2f\n", l.ID, l.Name, l.Region, l.Lat, l.Lon)
	}
	// Output:
	// noord holland/amsterdam Amsterdam (Noord-Holland) 52.37 4.89
	// zuid holland/rotterdam Rotterdam (Zuid-Holland) 51.92 4.48
	// zuid holland/s gravenhage 's-Gravenhage (Zuid-Holland) 52.08 4.31
	// profile: place: unknown place
}

func FuzzReadGazetteerCSV(f *testing.F) {
	f.Add("postcode,name,latitude,longitude\n1011,Amsterdam,52.37,4.89\n", "amsterdam", "1011")
	f.Add("1000,Bruxelles,50.85,4.35,Brussels\n1000,Brussel,,,Brussels\n", "Brussel", "")
	f.Add("\"a\nb\",x,1,2\n", "x", "a")
	f.Fuzz(func(t *testing.T, csv, city, postcode string) {
		g, err := profile.ReadGazetteerCSV("NL", strings.NewReader(csv))
		if err != nil {
			return
		}
		l, err := g.Resolve(profile.Place{City: city, Postcode: postcode})
		if err != nil {
			require.ErrorIs(t, err, profile.ErrPlace)
			return
		}
		require.NotEmpty(t, l.ID)
		require.True(t, l.Lat >= -90 && l.Lat <= 90 && l.Lon >= -180 && l.Lon <= 180)
		again, err := g.Resolve(profile.Place{City: city, Postcode: postcode})
		require.NoError(t, err)
		require.Equal(t, l, again, "deterministic")
	})
}

// failing is a gazetteer that fails with err.
type failing struct{ err error }

func (f failing) Resolve(profile.Place) (profile.Locality, error) { return profile.Locality{}, f.err }
