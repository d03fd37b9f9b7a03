package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixture reads the small source files in testdata.
func fixture(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, name := range sourceFiles {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(t, err)
		files[name] = b
	}
	return files
}

var fixtureAliases = []alias{{"11002", "Antwerp"}, {"62063", "Liege"}, {"21009", "elsene"}}

func TestGenerate(t *testing.T) {
	tables, err := generate(fixture(t), fixtureAliases)
	require.NoError(t, err)
	assert.Equal(t, municipalityHeader+"\n"+
		"11002\t02000\t10000\t11000\tnl\tAnvers\tAntwerpen\tAntwerpen\tAntwerp\t51.2199\t4.4035\n"+
		"21004\t04000\t\t21000\tfr\tBruxelles\tBrussel\tBrüssel\t\t50.8504\t4.3488\n"+
		"21009\t04000\t\t21000\tfr\tIxelles\tElsene\tIxelles\t\t50.8333\t4.3667\n"+
		"62063\t03000\t60000\t62000\tfr\tLiège\tLuik\tLüttich\t\t50.6337\t5.5675\n"+
		"63023\t03000\t60000\t63000\tde\tEupen\tEupen\tEupen\t\t50.6279\t6.0365\n",
		string(tables["municipalities.tsv"]), "sorted by code; main language by region and community; aliases that fold like an official name dropped")
	assert.Equal(t, postcodeHeader+"\n"+
		"1000\t21004\tBrussel|Bruxelles\n"+
		"1050\t21009\tElsene|Ixelles\n"+
		"1050\t21004\tBrussel|Bruxelles\n"+
		"2000\t11002\tAntwerpen\n"+
		"2100\t11002\tDeurne\n"+
		"4000\t62063\tGlain|Liège\n"+
		"4700\t63023\tEupen\n",
		string(tables["postcodes.tsv"]), "the municipality GeoNames gives first for a shared postcode; places sorted")
	units := strings.Split(strings.TrimSuffix(string(tables["units.tsv"]), "\n"), "\n")
	require.Len(t, units, 10)
	assert.Equal(t, unitHeader, units[0])
	assert.Equal(t, "21000\tarrondissement\t04000\tArrondissement de Bruxelles-Capitale\tArrondissement Brussel-Hoofdstad\tBezirk Brüssel-Hauptstadt", units[7])

	again, err := generate(fixture(t), fixtureAliases)
	require.NoError(t, err)
	assert.Equal(t, tables, again, "the same bytes each run")
}

func TestRun(t *testing.T) {
	out := t.TempDir()
	// run uses the hand-kept aliases, which name municipalities the
	// fixture lacks: every one is reported.
	err := run("testdata", out)
	require.Error(t, err)
	inFixture := map[string]bool{"11002": true, "21004": true, "21009": true, "62063": true, "63023": true}
	missing := 0
	for _, a := range aliases {
		if !inFixture[a.nis] {
			missing++
		}
	}
	assert.Equal(t, missing, strings.Count(err.Error(), "is not a municipality"))

	saved := aliases
	aliases = fixtureAliases
	defer func() { aliases = saved }()
	require.NoError(t, run("testdata", out))
	want, err := generate(fixture(t), fixtureAliases)
	require.NoError(t, err)
	for _, name := range tableFiles {
		got, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err)
		assert.Equal(t, string(want[name]), string(got), name)
	}
	assert.Error(t, run(filepath.Join("testdata", "missing"), out))
}

func TestGenerateErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		old  string // replaced by new in file
		new  string
		want []string // every one appears in the error
	}{
		{"header", "municipalities.csv", "nis_code,", "nis,", []string{"municipalities.csv:1: header is not"}},
		{"short code", "municipalities.csv", "11002,Anvers", "1102,Anvers", []string{"municipalities.csv:2: nis_code is not five digits"}},
		{"duplicate code", "municipalities.csv", "21009,Ixelles", "21004,Ixelles", []string{"municipalities.csv:4: duplicate nis_code 21004", "postcodes.csv:6: nis_code 21009 is not in municipalities.csv"}},
		{"empty name", "municipalities.csv", "Anvers,", ",", []string{"municipalities.csv:2: 11002: a name is empty"}},
		{"unknown region", "municipalities.csv", "11002,Anvers,Antwerpen,Antwerpen,02000", "11002,Anvers,Antwerpen,Antwerpen,05000", []string{"municipalities.csv:2: 11002: region is not a region", "province is not a province of its region"}},
		{"arrondissement of another code", "municipalities.csv", "10000,11000", "10000,62000", []string{"arrondissement does not match the code's first two digits"}},
		{"Brussels with a province", "municipalities.csv", "04000,,21000,50.8504", "04000,10000,21000,50.8504", []string{"municipalities.csv:3: 21004: a Brussels municipality has a province"}},
		{"coordinates outside Belgium", "municipalities.csv", "51.2199,4.4035", "151.2199,4.4035", []string{"municipalities.csv:2: 11002: coordinates are not numbers within Belgium"}},
		{"tab in a name", "municipalities.csv", "Anvers", "An\tvers", []string{"municipalities.csv:2: column 2 holds a tab"}},
		{"unit level", "admin_units.csv", "10000,province", "10000,county", []string{"admin_units.csv:5: level is not region"}},
		{"unit parent", "admin_units.csv", "Provinz Antwerpen,02000", "Provinz Antwerpen,03000", []string{"11002: province is not a province of its region"}},
		{"postcode format", "postcodes.csv", "2100,11002,Deurne,51.2213", "210,11002,Deurne,51.2213", []string{"postcodes.csv:9: postcode is not four digits", "postcodes_provenance.csv:9: does not describe line 9"}},
		{"unknown municipality", "postcodes.csv", "4700,63023", "4700,63099", []string{"postcodes.csv:12: nis_code 63099 is not in municipalities.csv", "postcodes_provenance.csv:12: does not describe", "municipality 63023 has no postcode"}},
		{"shared postcode without GeoNames", "postcodes_provenance.csv", "1050,21009,Ixelles,GeoNames", "1050,21009,Ixelles,BeST", []string{"postcode 1050: 0 municipalities named by GeoNames"}},
		{"provenance rows", "postcodes_provenance.csv", "4700,63023,Eupen,GeoNames,GeoNames\n", "", []string{"postcodes_provenance.csv:0: 10 rows, postcodes.csv has 11"}},
		{"bad CSV", "postcodes.csv", "Deurne", "\"Deurne", []string{"postcodes.csv:0:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := fixture(t)
			src := string(files[tt.file])
			require.Contains(t, src, tt.old, "the fixture has the text to replace")
			files[tt.file] = []byte(strings.Replace(src, tt.old, tt.new, 1))
			tables, err := generate(files, fixtureAliases)
			require.Error(t, err)
			assert.Nil(t, tables)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
	t.Run("every problem at once", func(t *testing.T) {
		files := fixture(t)
		files["municipalities.csv"] = []byte(strings.Replace(strings.Replace(string(files["municipalities.csv"]),
			"51.2199,4.4035", "x,4.4035", 1), "Luik", "", 1))
		_, err := generate(files, append(fixtureAliases, alias{"99999", "Atlantis"}))
		require.Error(t, err)
		for _, w := range []string{"municipalities.csv:2: 11002: coordinates", "municipalities.csv:5: 62063: a name is empty", "aliases:4: 99999 is not a municipality"} {
			assert.Contains(t, err.Error(), w)
		}
	})
}
