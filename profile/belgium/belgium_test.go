package belgium_test

import (
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
)

func TestTableCounts(t *testing.T) {
	g := belgium.Gazetteer()
	require.Equal(t, 565, g.Len())
	assert.Equal(t, profile.Country("BE"), g.Country())
	assert.Same(t, g, belgium.Gazetteer(), "built once")
	regions, provinces, postcodes := map[string]int{}, map[string]int{}, map[string]bool{}
	for _, m := range g.Municipalities() {
		regions[m.Region]++
		provinces[m.Province]++
		for _, pc := range m.Postcodes {
			postcodes[pc] = true
		}
	}
	assert.Equal(t, map[string]int{"02000": 285, "03000": 261, "04000": 19}, regions)
	assert.Equal(t, map[string]int{
		"":      19, // the Brussels-Capital Region has no province
		"10000": 67, "20001": 63, "20002": 27, "30000": 62, "40000": 55,
		"50000": 69, "60000": 84, "70000": 38, "80000": 43, "90000": 38,
	}, provinces)
	assert.Len(t, postcodes, 1151)
	for code, want := range map[string]string{"10000": "Provincie Antwerpen", "20002": "Province du Brabant wallon", "04000": "Brussels Hoofdstedelijk Gewest"} {
		u, ok := g.Unit(code)
		require.True(t, ok, code)
		assert.Contains(t, []string{u.FR, u.NL, u.DE}, want, code)
	}
}

func TestUnits(t *testing.T) {
	g := belgium.Gazetteer()
	levels := map[string]int{}
	for _, m := range g.Municipalities() {
		a, ok := g.Unit(m.Arrondissement)
		require.True(t, ok, m.NIS)
		assert.Equal(t, "arrondissement", a.Level, m.NIS)
		r, ok := g.Unit(m.Region)
		require.True(t, ok, m.NIS)
		assert.Equal(t, "region", r.Level, m.NIS)
		if m.Province != "" {
			p, ok := g.Unit(m.Province)
			require.True(t, ok, m.NIS)
			assert.Equal(t, "province", p.Level, m.NIS)
			assert.Equal(t, m.Region, p.Parent, m.NIS)
			assert.Equal(t, m.Province, a.Parent, m.NIS)
		}
		levels[m.Arrondissement] = 1
	}
	assert.Len(t, levels, 43, "every arrondissement has municipalities")
	_, ok := g.Unit("99999")
	assert.False(t, ok)
}

// oracle is a brute-force reading of the embedded tables: for every folded
// name, the municipalities whose own name it is, and those with a place of
// that name.
type oracle struct {
	own, place map[string][]string
	posts      map[string][]string // postcode -> NIS codes, main first
	places     [][3]string         // postcode, NIS, place name
}

func readOracle(t *testing.T) oracle {
	t.Helper()
	o := oracle{own: map[string][]string{}, place: map[string][]string{}, posts: map[string][]string{}}
	add := func(m map[string][]string, name, nis string) {
		f := profile.FoldPlaceName(name)
		if !slices.Contains(m[f], nis) {
			m[f] = append(m[f], nis)
		}
	}
	for _, f := range tsv(t, "municipalities.tsv", 11) {
		for _, n := range append(f[5:8], strings.Split(f[8], "|")...) {
			if n != "" {
				add(o.own, n, f[0])
			}
		}
	}
	for _, f := range tsv(t, "postcodes.tsv", 3) {
		o.posts[f[0]] = append(o.posts[f[0]], f[1])
		for _, n := range strings.Split(f[2], "|") {
			add(o.place, n, f[1])
			o.places = append(o.places, [3]string{f[0], f[1], n})
		}
	}
	return o
}

func tsv(t *testing.T, name string, cells int) [][]string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	var out [][]string
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		require.Len(t, f, cells)
		out = append(out, f)
	}
	return out
}

// want is what the oracle says a name alone resolves to: a NIS code, or
// the error.
func (o oracle) want(name string) (string, error) {
	f := profile.FoldPlaceName(name)
	switch own, place := o.own[f], o.place[f]; {
	case len(own) == 1:
		return own[0], nil
	case len(own) > 1:
		return "", profile.ErrAmbiguousPlace
	case len(place) == 1:
		return place[0], nil
	case len(place) > 1:
		return "", profile.ErrAmbiguousPlace
	}
	return "", profile.ErrUnknownPlace
}

func TestEveryPostcodeResolves(t *testing.T) {
	g := belgium.Gazetteer()
	o := readOracle(t)
	assert.Len(t, o.posts, 1151)
	for _, m := range g.Municipalities() {
		require.NotEmpty(t, m.Postcodes, m.NIS)
		for _, pc := range m.Postcodes {
			l, err := g.Resolve(profile.Place{Postcode: pc})
			require.NoError(t, err, pc)
			if len(o.posts[pc]) == 1 {
				assert.Equal(t, m.NIS, l.ID, pc)
				assert.Equal(t, m.Name, l.Name, pc)
			} else {
				assert.Equal(t, o.posts[pc][0], l.ID, pc)
			}
			// With any of the municipality's names, always this one.
			for _, n := range []string{m.FR, m.NL, m.DE} {
				l, err := g.Resolve(profile.Place{Postcode: pc, City: n})
				require.NoError(t, err, "%s %s", pc, m.NIS)
				assert.Equal(t, m.NIS, l.ID, "%s %s", pc, n)
			}
		}
	}
	for _, pc := range []string{"1040", "1050", "1060"} {
		assert.Equal(t, []string{map[string]string{"1040": "21005", "1050": "21009", "1060": "21013"}[pc], "21004"}, o.posts[pc], "shared postcode %s", pc)
	}
}

func TestEveryNameResolves(t *testing.T) {
	g := belgium.Gazetteer()
	o := readOracle(t)
	ambiguous := map[string]bool{}
	for _, m := range g.Municipalities() {
		for _, n := range []string{m.FR, m.NL, m.DE, strings.ToUpper(m.NL), strings.ReplaceAll(m.FR, "-", " ")} {
			wantID, wantErr := o.want(n)
			l, err := g.Resolve(profile.Place{City: n})
			if wantErr != nil {
				require.ErrorIs(t, err, wantErr, n)
				ambiguous[m.NIS+" "+profile.FoldPlaceName(n)] = true
				continue
			}
			require.NoError(t, err, n)
			assert.Equal(t, m.NIS, wantID, "an official name is its own (%s)", n)
			assert.Equal(t, m.NIS, l.ID, n)
		}
	}
	// Only the names Statbel gives two municipalities are ambiguous.
	assert.Equal(t, map[string]bool{"46021 st nicolas": true, "62093 st nicolas": true}, ambiguous)
}

func TestEverySectionResolves(t *testing.T) {
	g := belgium.Gazetteer()
	o := readOracle(t)
	require.Equal(t, 2823, len(o.places), "postcode × place rows")
	for _, p := range o.places {
		l, err := g.Resolve(profile.Place{Postcode: p[0], City: p[2]})
		require.NoError(t, err, "%s %s", p[0], p[2])
		assert.Equal(t, p[1], l.ID, "%s %s: with its postcode, never ambiguous", p[0], p[2])
		assert.Equal(t, profile.FoldPlaceName(p[2]), profile.FoldPlaceName(l.Name), "the table's spelling of the name written (the official one first)")

		wantID, wantErr := o.want(p[2])
		l, err = g.Resolve(profile.Place{City: p[2]})
		if wantErr != nil {
			assert.ErrorIs(t, err, wantErr, p[2])
			continue
		}
		require.NoError(t, err, p[2])
		assert.Equal(t, wantID, l.ID, p[2])
	}
}

func TestResolve(t *testing.T) {
	g := belgium.Gazetteer()
	tests := []struct {
		name   string
		place  profile.Place
		wantID string
		want   string // Locality.Name
		err    error
	}{
		// The failing cases.
		{name: "2100 alone", place: profile.Place{Postcode: "2100"}, wantID: "11002", want: "Antwerpen"},
		{name: "2140 alone", place: profile.Place{Postcode: "2140"}, wantID: "11002", want: "Antwerpen"},
		{name: "2170 alone", place: profile.Place{Postcode: "2170"}, wantID: "11002", want: "Antwerpen"},
		{name: "9050 alone", place: profile.Place{Postcode: "9050"}, wantID: "44021", want: "Gent"},
		{name: "1700 alone", place: profile.Place{Postcode: "1700"}, wantID: "23016", want: "Dilbeek"},
		{name: "1930 alone", place: profile.Place{Postcode: "1930"}, wantID: "23094", want: "Zaventem"},
		{name: "5100 alone", place: profile.Place{Postcode: "5100"}, wantID: "92094", want: "Namur"},
		{name: "4780 alone", place: profile.Place{Postcode: "4780"}, wantID: "63067", want: "Sankt Vith"},
		{name: "1340 alone", place: profile.Place{Postcode: "1340"}, wantID: "25121", want: "Ottignies-Louvain-la-Neuve"},
		{name: "Deurne with its postcode", place: profile.Place{Postcode: "2100", City: "Deurne"}, wantID: "11002", want: "Deurne"},
		{name: "the other Deurne", place: profile.Place{Postcode: "3290", City: "deurne"}, wantID: "24020", want: "Deurne"},
		{name: "Deurne alone", place: profile.Place{City: "Deurne"}, err: profile.ErrAmbiguousPlace},
		{name: "Ledeberg with its postcode", place: profile.Place{Postcode: "9050", City: "Ledeberg"}, wantID: "44021", want: "Ledeberg"},
		{name: "Ottignies-Louvain-la-Neuve", place: profile.Place{City: "Ottignies-Louvain-la-Neuve"}, wantID: "25121", want: "Ottignies-Louvain-la-Neuve"},
		{name: "Louvain-la-Neuve", place: profile.Place{City: "Louvain-la-Neuve"}, wantID: "25121", want: "Louvain-La-Neuve"},
		{name: "Molenbeek", place: profile.Place{City: "Molenbeek"}, wantID: "21012", want: "Molenbeek"},
		{name: "Saint-Josse", place: profile.Place{City: "Saint-Josse"}, wantID: "21014", want: "Saint-Josse"},
		{name: "St-Josse", place: profile.Place{City: "St-Josse"}, wantID: "21014", want: "Saint-Josse"},
		{name: "Sint-Joost", place: profile.Place{City: "Sint-Joost"}, wantID: "21014", want: "Sint-Joost"},
		{name: "1030 Liège", place: profile.Place{Postcode: "1030", City: "Liège"}, err: profile.ErrPlaceMismatch},
		{name: "9999 Gent", place: profile.Place{Postcode: "9999", City: "Gent"}, err: profile.ErrUnknownPostcode},
		{name: "9999 Gent disagree", place: profile.Place{Postcode: "9999", City: "Gent"}, err: profile.ErrPlaceMismatch},
		{name: "9999 and an unknown name", place: profile.Place{Postcode: "9999", City: "Atlantis"}, err: profile.ErrUnknownPostcode},
		// Sections and the 2025 mergers.
		{name: "Borgerhout", place: profile.Place{City: "Borgerhout"}, wantID: "11002", want: "Borgerhout"},
		{name: "Jambes", place: profile.Place{City: "Jambes"}, wantID: "92094", want: "Jambes"},
		{name: "Borsbeek → Antwerpen", place: profile.Place{City: "Borsbeek"}, wantID: "11002", want: "Borsbeek"},
		{name: "Melle → Merelbeke-Melle", place: profile.Place{City: "Melle"}, wantID: "44088", want: "Melle"},
		{name: "Merelbeke → Merelbeke-Melle", place: profile.Place{City: "Merelbeke"}, wantID: "44088", want: "Merelbeke"},
		{name: "Bertogne → Bastogne", place: profile.Place{City: "Bertogne"}, wantID: "82039", want: "Bertogne"},
		{name: "Bastogne", place: profile.Place{City: "Bastenaken"}, wantID: "82039", want: "Bastenaken"},
		{name: "Kruibeke", place: profile.Place{City: "Kruibeke"}, wantID: "46030", want: "Kruibeke"},
		{name: "Zwijndrecht", place: profile.Place{City: "Zwijndrecht"}, wantID: "46030", want: "Zwijndrecht"},
		{name: "Hoeselt", place: profile.Place{City: "Hoeselt"}, wantID: "73110", want: "Hoeselt"},
		{name: "Kortessem → Hasselt", place: profile.Place{City: "Kortessem"}, wantID: "71072", want: "Kortessem"},
		{name: "Borgloon", place: profile.Place{City: "Borgloon"}, wantID: "73111", want: "Borgloon"},
		{name: "Herne → Pajottegem", place: profile.Place{City: "Herne"}, wantID: "23106", want: "Herne"},
		{name: "Wachtebeke", place: profile.Place{City: "Wachtebeke"}, wantID: "44087", want: "Wachtebeke"},
		{name: "De Pinte", place: profile.Place{City: "de pinte"}, wantID: "44086", want: "De Pinte"},
		{name: "Meulebeke", place: profile.Place{City: "Meulebeke"}, wantID: "37022", want: "Meulebeke"},
		{name: "Ruiselede", place: profile.Place{City: "Ruiselede"}, wantID: "37021", want: "Ruiselede"},
		{name: "Gent did not merge", place: profile.Place{City: "Gent"}, wantID: "44021", want: "Gent"},
		// Exonyms, short forms, spellings.
		{name: "Antwerp", place: profile.Place{City: "Antwerp"}, wantID: "11002", want: "Antwerp"},
		{name: "Brussels", place: profile.Place{City: "Brussels"}, wantID: "21004", want: "Brussels"},
		{name: "Ghent", place: profile.Place{City: "Ghent"}, wantID: "44021", want: "Ghent"},
		{name: "Bruges", place: profile.Place{City: "Bruges"}, wantID: "31005", want: "Bruges"},
		{name: "Liege", place: profile.Place{City: "LIEGE"}, wantID: "62063", want: "Liège"},
		{name: "Lüttich", place: profile.Place{City: "Lüttich"}, wantID: "62063", want: "Lüttich"},
		{name: "Louvain", place: profile.Place{City: "Louvain"}, wantID: "24062", want: "Louvain"},
		{name: "Mechelen", place: profile.Place{City: "Mechelen"}, wantID: "12025", want: "Mechelen"},
		{name: "Malines", place: profile.Place{City: "Malines"}, wantID: "12025", want: "Malines"},
		{name: "Ostend", place: profile.Place{City: "Ostend"}, wantID: "35013", want: "Ostend"},
		{name: "Arel", place: profile.Place{City: "Arel"}, wantID: "81001", want: "Arel"},
		{name: "St-Gilles", place: profile.Place{City: "St-Gilles"}, wantID: "21013", want: "Saint-Gilles"},
		{name: "Woluwe-St-Lambert", place: profile.Place{City: "Woluwe-St-Lambert"}, wantID: "21018", want: "Woluwe-Saint-Lambert"},
		{name: "Berchem Ste Agathe", place: profile.Place{City: "Berchem Ste Agathe"}, wantID: "21003", want: "Berchem-Sainte-Agathe"},
		{name: "St.-Niklaas", place: profile.Place{City: "St.-Niklaas"}, wantID: "46021", want: "Sint-Niklaas"},
		{name: "Saint-Nicolas of two provinces", place: profile.Place{City: "Saint-Nicolas"}, err: profile.ErrAmbiguousPlace},
		{name: "Saint-Nicolas with a postcode", place: profile.Place{Postcode: "4420", City: "Saint-Nicolas"}, wantID: "62093", want: "Saint-Nicolas"},
		{name: "Halle, the municipality, over Zoersel's", place: profile.Place{City: "Halle"}, wantID: "23027", want: "Halle"},
		{name: "spaces around", place: profile.Place{City: "  gent ", Postcode: " 9000 "}, wantID: "44021", want: "Gent"},
		{name: "B- before the postcode", place: profile.Place{Postcode: "B-9000"}, wantID: "44021", want: "Gent"},
		// Brussels.
		{name: "1000", place: profile.Place{Postcode: "1000"}, wantID: "21004", want: "Bruxelles"},
		{name: "1050 alone: Ixelles", place: profile.Place{Postcode: "1050"}, wantID: "21009", want: "Ixelles"},
		{name: "1050 Bruxelles: the City", place: profile.Place{Postcode: "1050", City: "Bruxelles"}, wantID: "21004", want: "Bruxelles"},
		{name: "1050 Elsene", place: profile.Place{Postcode: "1050", City: "Elsene"}, wantID: "21009", want: "Elsene"},
		{name: "1040 alone: Etterbeek", place: profile.Place{Postcode: "1040"}, wantID: "21005", want: "Etterbeek"},
		{name: "1060 alone: Saint-Gilles", place: profile.Place{Postcode: "1060"}, wantID: "21013", want: "Saint-Gilles"},
		{name: "1030 Bruxelles: postal usage", place: profile.Place{Postcode: "1030", City: "Bruxelles"}, wantID: "21015", want: "Schaerbeek"},
		{name: "1030 Brussels", place: profile.Place{Postcode: "1030", City: "Brussels"}, wantID: "21015", want: "Schaerbeek"},
		{name: "1030 schaarbeek", place: profile.Place{Postcode: "1030", City: "schaarbeek"}, wantID: "21015", want: "Schaarbeek"},
		{name: "Laeken", place: profile.Place{City: "Laeken"}, wantID: "21004", want: "Laeken"},
		{name: "2000 Deurne: the same municipality", place: profile.Place{Postcode: "2000", City: "Deurne"}, wantID: "11002", want: "Deurne"},
		{name: "unknown name with a postcode: the postcode decides", place: profile.Place{Postcode: "9000", City: "Atlantis"}, wantID: "44021", want: "Gent"},
		{name: "Bruxelles with a Flemish postcode", place: profile.Place{Postcode: "9000", City: "Bruxelles"}, err: profile.ErrPlaceMismatch},
		{name: "a section of another municipality", place: profile.Place{Postcode: "9000", City: "Borgerhout"}, err: profile.ErrPlaceMismatch},
		{name: "unknown postcode alone", place: profile.Place{Postcode: "9999"}, err: profile.ErrUnknownPostcode},
		{name: "special postcode bpost keeps", place: profile.Place{Postcode: "1005"}, err: profile.ErrUnknownPostcode},
		{name: "unknown name", place: profile.Place{City: "Atlantis"}, err: profile.ErrUnknownPlace},
		{name: "nothing given", place: profile.Place{}, err: profile.ErrUnknownPlace},
		{name: "country lower case", place: profile.Place{City: "Gent", Country: "be"}, wantID: "44021", want: "Gent"},
		{name: "other country", place: profile.Place{City: "Gent", Country: "NL"}, err: profile.ErrUnknownPlace},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := g.Resolve(tt.place)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				assert.ErrorIs(t, err, profile.ErrPlace)
				assert.Equal(t, profile.Locality{}, l)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantID, l.ID)
			assert.Equal(t, tt.want, l.Name)
			assert.True(t, l.HasCoords())
		})
	}
}

func TestLocateKeepsContradictions(t *testing.T) {
	g := belgium.Gazetteer()
	for _, p := range []profile.Place{{Postcode: "1030", City: "Liège"}, {Postcode: "9999", City: "Gent"}} {
		p.Lat, p.Lon = 50.85, 4.35
		_, err := profile.Locate(g, p)
		assert.ErrorIs(t, err, profile.ErrPlaceMismatch, "%s %s: coordinates do not hide the contradiction", p.Postcode, p.City)
	}
	l, err := profile.Locate(g, profile.Place{Postcode: "1005", Lat: 50.85, Lon: 4.35})
	require.NoError(t, err, "an organisation postcode the table lacks, with coordinates")
	assert.Empty(t, l.ID)
}

func TestLocalityUnits(t *testing.T) {
	g := belgium.Gazetteer()
	tests := []struct {
		city, region, province, arrondissement string
	}{
		{"Gent", "Flanders", "40000", "44000"},
		{"Liège", "Wallonia", "60000", "62000"},
		{"Eupen", "Wallonia", "60000", "63000"},
		{"Schaerbeek", "Brussels-Capital", "", "21000"},
		{"Mouscron", "Wallonia", "50000", "57000"},
		{"La Louvière", "Wallonia", "50000", "58000"},
	}
	for _, tt := range tests {
		t.Run(tt.city, func(t *testing.T) {
			l, err := g.Resolve(profile.Place{City: tt.city})
			require.NoError(t, err)
			assert.Equal(t, tt.region, l.Region)
			assert.Equal(t, tt.province, l.Province)
			assert.Equal(t, tt.arrondissement, l.Arrondissement)
		})
	}
}

func TestDistances(t *testing.T) {
	g := belgium.Gazetteer()
	tests := []struct {
		a, b  string
		km, d float64
	}{
		{"Liège", "Gent", 137.9, 0.1},         // SOURCES.md
		{"Antwerpen", "Mechelen", 22.2, 0.1},  // SOURCES.md
		{"Bruxelles", "Antwerpen", 41.5, 2.5}, // road signs say 45 by road
		{"Schaerbeek", "Ixelles", 3.9, 0.6},
	}
	for _, tt := range tests {
		t.Run(tt.a+"–"+tt.b, func(t *testing.T) {
			a, err := g.Resolve(profile.Place{City: tt.a})
			require.NoError(t, err)
			b, err := g.Resolve(profile.Place{City: tt.b})
			require.NoError(t, err)
			assert.InDelta(t, tt.km, haversine(a, b), tt.d)
		})
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range [][2]string{{"1030", "Liège"}, {"", "Deurne"}, {"2100", "deurne"}, {"B-1050", "Bruxelles"}, {"", "St-Josse"}, {"9999", ""}, {"\xff", "\x00é"}} {
		f.Add(s[0], s[1], "BE")
	}
	g := belgium.Gazetteer()
	f.Fuzz(func(t *testing.T, postcode, city, country string) {
		p := profile.Place{Postcode: postcode, City: city, Country: profile.Country(country)}
		l, err := g.Resolve(p)
		l2, err2 := g.Resolve(p)
		require.Equal(t, l, l2, "deterministic")
		require.Equal(t, err, err2, "deterministic")
		if err != nil {
			require.ErrorIs(t, err, profile.ErrPlace)
			require.Equal(t, profile.Locality{}, l)
			return
		}
		m, ok := g.Municipality(l.ID)
		require.True(t, ok, "an ID of the table")
		require.Equal(t, m.Lat, l.Lat)
		require.NotEmpty(t, l.Name)
	})
}

func haversine(a, b profile.Locality) float64 {
	rad := math.Pi / 180
	dLat, dLon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * 6371.0088 * math.Asin(math.Sqrt(h))
}
