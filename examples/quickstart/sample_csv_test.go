package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/examples/internal/sample"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

var update = flag.Bool("update", false, "rewrite examples/sample/*.csv from the embedded sample")

// sampleCSVDir is where the sample pool is shipped as CSV, from this
// package's directory.
var sampleCSVDir = filepath.Join("..", "sample")

// sampleCSV returns the sample pool as package sheet writes it.
func sampleCSV(t *testing.T) map[string][]byte {
	t.Helper()
	r, err := sample.Round()
	require.NoError(t, err)
	var mentees, mentors bytes.Buffer
	require.NoError(t, sheet.WriteMentees(&mentees, r.Mentees, sheet.Options{}))
	require.NoError(t, sheet.WriteMentors(&mentors, r.Mentors, sheet.Options{}))
	return map[string][]byte{"mentees.csv": mentees.Bytes(), "mentors.csv": mentors.Bytes()}
}

// TestSampleCSVInSync checks that examples/sample/*.csv hold the embedded
// sample (go test ./examples/quickstart -run TestSampleCSVInSync -update
// rewrites them).
func TestSampleCSVInSync(t *testing.T) {
	for name, want := range sampleCSV(t) {
		path := filepath.Join(sampleCSVDir, name)
		if *update {
			require.NoError(t, os.WriteFile(path, want, 0o644))
		}
		got, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%s is out of date: go test ./examples/quickstart -run TestSampleCSVInSync -update", path)
	}
}

// TestCSVFilesGiveTheJSONReport runs the round on the sample as CSV and as
// JSON: the same people, so the same report.
func TestCSVFilesGiveTheJSONReport(t *testing.T) {
	dir := t.TempDir()
	code, fromJSON, errOut := runQuickstart(t, "-mentees", write(t, dir, "mentees.json", string(sample.MenteesJSON)),
		"-mentors", write(t, dir, "mentors.json", string(sample.MentorsJSON)))
	require.Equal(t, 0, code, errOut)
	code, fromCSV, errOut := runQuickstart(t, "-mentees", filepath.Join(sampleCSVDir, "mentees.csv"),
		"-mentors", filepath.Join(sampleCSVDir, "mentors.csv"))
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut, "every column of the sample is read")
	assert.Equal(t, fromJSON, fromCSV)
}

func TestCSVOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, _, errOut := runQuickstart(t, "-csv", dir)
	require.Equal(t, 0, code, errOut)
	r, err := sample.Round()
	require.NoError(t, err)
	for _, name := range []string{"duos.csv", "unmatched.csv", "alternatives.csv"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		assert.True(t, bytes.HasPrefix(b, []byte("\uFEFF")), "%s: a byte order mark for Excel", name)
		lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
		assert.Greater(t, len(lines), 1, "%s has rows", name)
		for _, m := range r.Mentees {
			assert.NotContains(t, string(b), m.BirthDate.String(), "%s: a birth date", name)
		}
	}
	duos, err := os.ReadFile(filepath.Join(dir, "duos.csv"))
	require.NoError(t, err)
	require.NotEmpty(t, r.Pinned)
	for _, d := range r.Pinned {
		assert.Contains(t, string(duos), d.MenteeID+";"+d.MentorID+";", "a pinned duo of the sample")
	}
}

func TestCSVInputProblems(t *testing.T) {
	dir := t.TempDir()
	mentors := filepath.Join(sampleCSVDir, "mentors.csv")
	tests := []struct {
		name, mentees string
		want          []string // lines on stderr
		code          int
	}{
		// The round's default rules need languages and availability: a
		// sheet without them is refused up front, not a round of 0 duos.
		{name: "columns the rules need", mentees: "id;birth_date;langauges\nme-1;31/02/2001;fr:C1\n;2001-01-01;\n",
			want: []string{
				`quickstart: ` + filepath.Join(dir, "mentees.csv") + `: column "langauges" not read (a misspelling of languages?)`,
				`quickstart: ` + filepath.Join(dir, "mentees.csv") + `: row 1, column "languages": languages: no such column (the heading must be languages or an alias); "langauges" looks like a misspelling of it`,
				`quickstart: row 1, column "availability": availability: no such column (the heading must be availability or an alias)`,
			}, code: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(t, dir, "mentees.csv", tt.mentees)
			code, out, errOut := runQuickstart(t, "-mentees", path, "-mentors", mentors)
			assert.Equal(t, tt.code, code)
			assert.Empty(t, out)
			assert.Equal(t, tt.want, strings.Split(strings.TrimSuffix(errOut, "\n"), "\n"))
			assert.NotContains(t, errOut, "31/02/2001")
		})
	}
}

// The sample read from CSV is the sample: the same people, up to the
// spaces around interests that a sheet does not keep.
func TestSampleCSVReadsBack(t *testing.T) {
	r, err := sample.Round()
	require.NoError(t, err)
	f, err := os.Open(filepath.Join(sampleCSVDir, "mentees.csv"))
	require.NoError(t, err)
	defer f.Close()
	got, _, err := sheet.ReadMentees(f, sheet.Options{})
	require.NoError(t, err)
	require.Len(t, got, len(r.Mentees))
	for i := range got {
		want := r.Mentees[i]
		for k := range want.Interests {
			want.Interests[k] = strings.TrimSpace(want.Interests[k])
		}
		assert.Equal(t, normalize(want), normalize(got[i]))
	}
}

func normalize(m profile.Mentee) profile.Mentee {
	if len(m.Interests) == 0 {
		m.Interests = nil
	}
	if len(m.Traits) == 0 {
		m.Traits = nil
	}
	if len(m.Background.Nationalities) == 0 {
		m.Background.Nationalities = nil
	}
	if len(m.Background.ParentBirthCountries) == 0 {
		m.Background.ParentBirthCountries = nil
	}
	if len(m.Background.ParentNationalities) == 0 {
		m.Background.ParentNationalities = nil
	}
	if len(m.Sectors) == 0 {
		m.Sectors = nil
	}
	if len(m.Languages) == 0 {
		m.Languages = nil
	}
	return m
}

// The sheets: a Dutch-Excel sheet of mentees (Windows-1252, "sep=;",
// Dutch headings and values) and a French sheet of mentors with French and
// Dutch values, two bad rows and one unknown place. Everyone else is
// matched, and the three problems are listed by row and column.
func TestSheetsPartialIntake(t *testing.T) {
	dir := filepath.Join("..", "..", "match", "sheet", "testdata")
	mentees, mentors := filepath.Join(dir, "dutch_excel_mentees.csv"), filepath.Join(dir, "french_mentors.csv")
	code, out, errOut := runQuickstart(t, "-mentees", mentees, "-mentors", mentors)
	require.Equal(t, 0, code, errOut)
	for _, want := range []string{
		`quickstart: ` + mentors + `: row 5, column "Date de naissance": mo-104: birth_date: not an existing day`,
		`quickstart: ` + mentors + `: row 6, column "Genre": mo-105: gender: unknown value`,
		`quickstart: ` + mentors + `: row 7, column "Commune": mo-106: home: unknown place`,
	} {
		assert.Contains(t, errOut, want)
	}
	assert.Equal(t, 3, strings.Count(errOut, ": row "), errOut)
	for _, duo := range []string{"me-101 → mo-101", "me-102 → mo-102", "me-103 → mo-103", "me-104 → mo-107"} {
		assert.Contains(t, out, duo)
	}
	assert.Contains(t, out, "mo-106  invalid_profile")
	for _, cell := range []string{"31/02/1960", "peut-être", "Trifouilly", "Noor", "Grâce"} {
		assert.NotContains(t, out+errOut, cell)
	}
}
