package belgium

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
)

func TestParseRejectsBrokenTables(t *testing.T) {
	tests := []struct {
		name                string
		munis, posts, units string
	}{
		{"municipality header", "nis\n", postcodesTSV, unitsTSV},
		{"municipality cells", municipalityHeader + "\n11002\t02000\n", postcodesTSV, unitsTSV},
		{"coordinates", municipalityHeader + "\n11002\t02000\t10000\t11000\tnl\tA\tA\tA\t\tx\t4\n", postcodeHeader + "\n", unitsTSV},
		{"main language", municipalityHeader + "\n11002\t02000\t10000\t11000\ten\tA\tA\tA\t\t51\t4\n", postcodeHeader + "\n", unitsTSV},
		{"postcode of no municipality", municipalitiesTSV, postcodeHeader + "\n9999\t99999\tX\n", unitsTSV},
		{"postcode cells", municipalitiesTSV, postcodeHeader + "\n9999\n", unitsTSV},
		{"unit header", municipalitiesTSV, postcodesTSV, "code\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse(tt.munis, tt.posts, tt.units)
			assert.Error(t, err)
		})
	}
	g, err := parse(municipalitiesTSV, postcodesTSV, unitsTSV)
	require.NoError(t, err)
	assert.Equal(t, 565, g.Len())
}

// BenchmarkParse is the cost of the first call of Gazetteer.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(municipalitiesTSV, postcodesTSV, unitsTSV); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	g := Gazetteer()
	places := []profile.Place{
		{Postcode: "2100", City: "Deurne"}, {City: "Liège"}, {Postcode: "1030"},
		{City: "Sint-Jans-Molenbeek"}, {Postcode: "9050", City: "Ledeberg"}, {City: "Atlantis"},
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range places {
			_, _ = g.Resolve(p)
		}
	}
}
