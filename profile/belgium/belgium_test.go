package belgium_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
)

func TestBrusselsMunicipalitiesResolveByEveryNameAndPostcode(t *testing.T) {
	g := belgium.Gazetteer()
	tests := []struct {
		id    string
		names []string
		posts []string
	}{
		{"21001", []string{"Anderlecht"}, []string{"1070"}},
		{"21002", []string{"Auderghem", "Oudergem"}, []string{"1160"}},
		{"21003", []string{"Berchem-Sainte-Agathe", "Sint-Agatha-Berchem"}, []string{"1082"}},
		{"21004", []string{"Bruxelles", "Brussel", "Brüssel", "Brussels", "Laeken", "Laken", "Neder-Over-Heembeek", "Haren"}, []string{"1000", "1020", "1120", "1130"}},
		{"21005", []string{"Etterbeek"}, []string{"1040"}},
		{"21006", []string{"Evere"}, []string{"1140"}},
		{"21007", []string{"Forest", "Vorst"}, []string{"1190"}},
		{"21008", []string{"Ganshoren"}, []string{"1083"}},
		{"21009", []string{"Ixelles", "Elsene"}, []string{"1050"}},
		{"21010", []string{"Jette"}, []string{"1090"}},
		{"21011", []string{"Koekelberg"}, []string{"1081"}},
		{"21012", []string{"Molenbeek-Saint-Jean", "Sint-Jans-Molenbeek"}, []string{"1080"}},
		{"21013", []string{"Saint-Gilles", "Sint-Gillis"}, []string{"1060"}},
		{"21014", []string{"Saint-Josse-ten-Noode", "Sint-Joost-ten-Node"}, []string{"1210"}},
		{"21015", []string{"Schaerbeek", "Schaarbeek"}, []string{"1030"}},
		{"21016", []string{"Uccle", "Ukkel"}, []string{"1180"}},
		{"21017", []string{"Watermael-Boitsfort", "Watermaal-Bosvoorde"}, []string{"1170"}},
		{"21018", []string{"Woluwe-Saint-Lambert", "Sint-Lambrechts-Woluwe"}, []string{"1200"}},
		{"21019", []string{"Woluwe-Saint-Pierre", "Sint-Pieters-Woluwe"}, []string{"1150"}},
	}
	for _, tt := range tests {
		for _, n := range tt.names {
			t.Run(tt.id+"/"+n, func(t *testing.T) {
				l, err := g.Resolve(profile.Place{City: n})
				require.NoError(t, err)
				assert.Equal(t, tt.id, l.ID)
				assert.Equal(t, n, l.Name, "named as written")
				assert.Equal(t, "Brussels-Capital", l.Region)
			})
		}
		for _, pc := range tt.posts {
			t.Run(tt.id+"/"+pc, func(t *testing.T) {
				l, err := g.Resolve(profile.Place{Postcode: pc, Country: "BE"})
				require.NoError(t, err)
				assert.Equal(t, tt.id, l.ID)
			})
		}
	}
}

func TestTownsResolveByEveryNameAndPostcode(t *testing.T) {
	g := belgium.Gazetteer()
	tests := []struct {
		id, main string
		names    []string
		postcode string
		region   string
	}{
		{"BE-geo-VAN-antwerp", "Antwerpen", []string{"Antwerpen", "Anvers", "Antwerp"}, "2000", "Flanders"},
		{"BE-geo-VOV-gent", "Gent", []string{"Gent", "Gand", "Ghent"}, "9000", "Flanders"},
		{"BE-geo-WLG-liege", "Liège", []string{"Liège", "Luik", "Lüttich"}, "4000", "Wallonia"},
		{"BE-geo-VWV-brugge", "Brugge", []string{"Brugge", "Bruges", "Brügge"}, "8000", "Flanders"},
		{"BE-geo-VBR-leuven", "Leuven", []string{"Leuven", "Louvain", "Löwen"}, "3000", "Flanders"},
		{"BE-geo-VAN-mechelen", "Mechelen", []string{"Mechelen", "Malines", "Mecheln"}, "2800", "Flanders"},
		{"BE-geo-WNA-namur", "Namur", []string{"Namur", "Namen"}, "5000", "Wallonia"},
		{"BE-geo-WHT-mons", "Mons", []string{"Mons", "Bergen"}, "7000", "Wallonia"},
		{"BE-geo-VWV-ostend", "Oostende", []string{"Oostende", "Ostende", "Ostend"}, "8400", "Flanders"},
		{"BE-geo-VOV-sint-niklaas", "Sint-Niklaas", []string{"Sint-Niklaas", "Saint-Nicolas"}, "9100", "Flanders"},
		{"BE-geo-WLX-arlon", "Arlon", []string{"Arlon", "Aarlen", "Arel"}, "6700", "Wallonia"},
		{"BE-geo-VBR-halle", "Halle", []string{"Halle", "Hal"}, "1500", "Flanders"},
	}
	for _, tt := range tests {
		for _, n := range tt.names {
			t.Run(tt.main+"/"+n, func(t *testing.T) {
				l, err := g.Resolve(profile.Place{City: n})
				require.NoError(t, err)
				assert.Equal(t, tt.id, l.ID)
				assert.Equal(t, n, l.Name)
				assert.Equal(t, tt.region, l.Region)
				assert.True(t, l.HasCoords())
			})
		}
		t.Run(tt.main+"/"+tt.postcode, func(t *testing.T) {
			l, err := g.Resolve(profile.Place{Postcode: tt.postcode})
			require.NoError(t, err)
			assert.Equal(t, tt.id, l.ID)
			assert.Equal(t, tt.main, l.Name, "postcode alone: the main name")
		})
	}
}

func TestSpellings(t *testing.T) {
	g := belgium.Gazetteer()
	tests := []struct {
		name   string
		place  profile.Place
		wantID string
		want   string // Locality.Name
		err    error
	}{
		{name: "Bruxelles", place: profile.Place{City: "Bruxelles"}, wantID: "21004", want: "Bruxelles"},
		{name: "Brussel", place: profile.Place{City: "Brussel"}, wantID: "21004", want: "Brussel"},
		{name: "Brussels", place: profile.Place{City: "Brussels"}, wantID: "21004", want: "Brussels"},
		{name: "1000", place: profile.Place{Postcode: "1000"}, wantID: "21004", want: "Bruxelles"},
		{name: "no accent, upper case", place: profile.Place{City: "LIEGE"}, wantID: "BE-geo-WLG-liege", want: "Liège"},
		{name: "spaces around", place: profile.Place{City: "  gent "}, wantID: "BE-geo-VOV-gent", want: "Gent"},
		{name: "St- for Saint-", place: profile.Place{City: "St-Gilles"}, wantID: "21013", want: "Saint-Gilles"},
		{name: "St. for Sint-", place: profile.Place{City: "St.-Niklaas"}, wantID: "BE-geo-VOV-sint-niklaas", want: "Sint-Niklaas"},
		{name: "Ste- for Sainte-", place: profile.Place{City: "Berchem Ste Agathe"}, wantID: "21003", want: "Berchem-Sainte-Agathe"},
		{name: "no hyphens", place: profile.Place{City: "sint jans molenbeek"}, wantID: "21012", want: "Sint-Jans-Molenbeek"},
		{name: "postcode wins over a larger town's name", place: profile.Place{Postcode: "1030", City: "Bruxelles"}, wantID: "21015", want: "Schaerbeek"},
		{name: "postcode and own name", place: profile.Place{Postcode: "1030", City: "schaarbeek"}, wantID: "21015", want: "Schaarbeek"},
		{name: "unknown postcode, known name", place: profile.Place{Postcode: "4020", City: "Liège"}, wantID: "BE-geo-WLG-liege", want: "Liège"},
		{name: "a village from GeoNames", place: profile.Place{City: "Zwijndrecht"}, wantID: "BE-geo-VOV-zwijndrecht", want: "Zwijndrecht"},
		{name: "country lower case", place: profile.Place{City: "Gent", Country: "be"}, wantID: "BE-geo-VOV-gent", want: "Gent"},
		{name: "unknown name", place: profile.Place{City: "Atlantis"}, err: profile.ErrUnknownPlace},
		{name: "unknown postcode alone", place: profile.Place{Postcode: "4020"}, err: profile.ErrUnknownPlace},
		{name: "nothing given", place: profile.Place{}, err: profile.ErrUnknownPlace},
		{name: "other country", place: profile.Place{City: "Gent", Country: "NL"}, err: profile.ErrUnknownPlace},
		{name: "two villages of one name", place: profile.Place{City: "Meldert"}, err: profile.ErrAmbiguousPlace},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := g.Resolve(tt.place)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				assert.ErrorIs(t, err, profile.ErrPlace)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantID, l.ID)
			assert.Equal(t, tt.want, l.Name)
		})
	}
}

func TestDistances(t *testing.T) {
	g := belgium.Gazetteer()
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{name: "Brussels–Antwerp", a: "Bruxelles", b: "Antwerpen", min: 39, max: 44},
		{name: "Liège–Ghent", a: "Liège", b: "Gent", min: 130, max: 145},
		{name: "Schaerbeek–Ixelles", a: "Schaerbeek", b: "Ixelles", min: 3, max: 4.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := g.Resolve(profile.Place{City: tt.a})
			require.NoError(t, err)
			b, err := g.Resolve(profile.Place{City: tt.b})
			require.NoError(t, err)
			d := haversine(a, b)
			assert.True(t, d >= tt.min && d <= tt.max, "%.1f km", d)
		})
	}
}

func TestTableCounts(t *testing.T) {
	g := belgium.Gazetteer()
	assert.Equal(t, 19+1717, g.Len())
	assert.Equal(t, profile.Country("BE"), g.Country())
	assert.Same(t, g, belgium.Gazetteer(), "built once")
}

func haversine(a, b profile.Locality) float64 {
	rad := math.Pi / 180
	dLat, dLon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * 6371.0088 * math.Asin(math.Sqrt(h))
}
