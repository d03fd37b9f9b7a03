package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGenerateFixture(t *testing.T) {
	out, err := generate("testdata/good")
	require.NoError(t, err)
	require.Len(t, out, 5)

	assert.Equal(t, tableHeader+
		"A\t1\t\tAGRICULTURE, FORESTRY AND FISHING\tAGRICULTURE\tLANDBOUW\tLANDWIRTSCHAFT\n"+
		"01\t2\tA\tCrop production\tCulture\tTeelt\tAnbau\n"+
		"01.1\t3\t01\tNon-perennial crops\tCultures non permanentes\tEenjarige gewassen\tEinjährige\n"+
		"01.11\t4\t01.1\tCereals\tCéréales\tGranen\tGetreide\n"+
		"03\t2\tA\tFishing\tPêche\tVisserij\tFischerei\n",
		string(out["profile/nace/rev2.tsv"]), "rows in source order, quotes and commas unwrapped")
	assert.Equal(t, tableHeader+
		"A\t1\t\t\t\t\t\n"+
		"01\t2\tA\t\t\t\t\n"+
		"01.1\t3\t01\t\t\t\t\n"+
		"01.11\t4\t01.1\t\t\tGranen (Belgisch)\t\n"+
		"01.12\t4\t01.1\t\t\t\t\n"+
		"01.110\t5\t01.11\tWheat\tBlé\tTarwe\tWeizen\n",
		string(out["profile/nace/nacebel2025.tsv"]), "labels equal to Rev. 2.1's are left empty")
	assert.Equal(t, "rev21\trev2\nA\tA\n01\t01 03\n01.1\t01.1\n01.11\t01.11\n01.12\t\n",
		string(out["profile/nace/rev21_rev2.tsv"]), "a code without a link keeps its line")
	assert.Contains(t, string(out["profile/isco/isco08.tsv"]), "0110\t4\t011\tOfficers\tOfficiers\tOfficieren\tOffiziere\n")

	again, err := generate("testdata/good")
	require.NoError(t, err)
	assert.Equal(t, out, again, "same input, same bytes")
}

func TestRunWritesFiles(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"profile/nace", "profile/isco"} {
		require.NoError(t, os.MkdirAll(filepath.Join(root, d), 0o755))
	}
	require.NoError(t, run("testdata/good", root))
	want, err := generate("testdata/good")
	require.NoError(t, err)
	for name, b := range want {
		got, err := os.ReadFile(filepath.Join(root, name))
		require.NoError(t, err, name)
		assert.Equal(t, b, got, name)
	}
}

// TestGenerateReportsEveryProblem breaks a copy of the fixture in one way
// per case and checks that the error names the file, line or code and the
// column, and that several problems come back at once.
func TestGenerateReportsEveryProblem(t *testing.T) {
	tests := []struct {
		name, file, old, new string
		want                 []string
	}{
		{"malformed code", "nace_rev2.csv", "01.11,4", "01.1x,4", []string{"nace_rev2.csv:5: code: malformed for level 4"}},
		{"level out of range", "isco08.csv", "0110,4", "0110,7", []string{"isco08.csv:5: level: not 1 to 4"}},
		{"empty label", "nace_rev21.csv", "Nieuwe klasse", "", []string{"nace_rev21.csv:6: code 01.12: label_nl: empty"}},
		{"duplicate code", "isco08.csv", "2,1,,", "0,1,,", []string{"isco08.csv:6: code 0: duplicate"}},
		{"missing parent", "nace_rev2.csv", "03,2,A", "03,2,B", []string{"nace_rev2.csv: code 03: parent is not a code one level up"}},
		{"header", "isco08.csv", "label_de", "label_xx", []string{"isco08.csv: header"}},
		{"nacebel not rev21", "nacebel2025.csv", "01.12,4,01.1", "01.13,4,01.1", []string{"nacebel2025.csv: code 01.13: not the same code and parent"}},
		{"correspondence to a missing code", "nace_rev21_to_rev2.csv", "01.11,4,01.11", "01.11,4,01.19", []string{
			"nace_rev21_to_rev2.csv:6: nace2_code: not a Rev. 2 code of level 4",
			"Rev. 2 code 01.11: no Rev. 2.1 code maps to it"}},
		{"correspondence misses a code", "nace_rev21_to_rev2.csv", "01.12,4,,1,1,conceptual note: no link,\n", "", []string{"Rev. 2.1 code 01.12: missing"}},
		{"two problems at once", "nace_rev2.csv", "Cereals,Céréales", ",", []string{"code 01.11: label_en: empty", "code 01.11: label_fr: empty"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			entries, err := os.ReadDir("testdata/good")
			require.NoError(t, err)
			for _, e := range entries {
				b, err := os.ReadFile(filepath.Join("testdata/good", e.Name()))
				require.NoError(t, err)
				if e.Name() == tc.file {
					require.True(t, bytes.Contains(b, []byte(tc.old)), "the fixture holds the text to break")
					b = bytes.Replace(b, []byte(tc.old), []byte(tc.new), 1)
				}
				require.NoError(t, os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644))
			}
			_, err = generate(dir)
			require.Error(t, err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestCommittedTablesAreReproducible regenerates the tables from the
// shared classification files and compares them with the committed ones.
// The source folder is outside the repository (CI may not have it); set
// GENCLASS_SRC to point elsewhere.
func TestCommittedTablesAreReproducible(t *testing.T) {
	src := os.Getenv("GENCLASS_SRC")
	if src == "" {
		src = "../../../../shared/data/classifications"
	}
	if _, err := os.Stat(filepath.Join(src, "nace_rev2.csv")); err != nil {
		t.Skip("classification source files not found; set GENCLASS_SRC")
	}
	out, err := generate(src)
	require.NoError(t, err)
	for name, b := range out {
		got, err := os.ReadFile(filepath.Join("../../..", name))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(b, got), "%s differs from what genclass writes", name)
		assert.False(t, strings.Contains(string(got), "\r"), name)
	}
}

// FuzzReadCodes feeds arbitrary file contents to the code-file reader: it
// returns rows or an error naming the file, never panics, and every row it
// returns without error has a well-formed code and four labels.
func FuzzReadCodes(f *testing.F) {
	good, err := os.ReadFile("testdata/good/nace_rev2.csv")
	require.NoError(f, err)
	f.Add(string(good))
	f.Add("code,level,parent,label_en,label_fr,label_nl,label_de\nA,1,,a,b,c,d\n")
	f.Add("code,level,parent,label_en,label_fr,label_nl,label_de\n01,2,A,a,b,c,d\n")
	f.Add("\"unterminated")
	f.Fuzz(func(t *testing.T, content string) {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, naceRev2.file), []byte(content), 0o644))
		rows, err := readCodes(dir, naceRev2)
		if err != nil {
			assert.Contains(t, err.Error(), naceRev2.file)
			return
		}
		for _, r := range rows {
			assert.True(t, naceForm(r.code, r.level), "%q", r.code)
			for _, l := range r.labels {
				assert.NotEmpty(t, strings.TrimSpace(l))
			}
		}
	})
}
