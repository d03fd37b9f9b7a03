package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/duomatch/duo/examples/internal/sample"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runQuickstart runs the program in-process.
func runQuickstart(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestDefaultRun(t *testing.T) {
	code, out, errOut := runQuickstart(t)
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut)
	for _, section := range []string{
		"Matching round of 23 November 2026: 60 mentees, 45 mentors",
		"\nEligibility\n", "\nDuos (", "\nUnmatched mentees (", "\nUnmatched mentors (", "\nTotal\n",
		"pinned", "ineligible: not registered as a job seeker", "outcompeted: the best partner", "no_compatible_mentor: every possible pair is blocked by a hard rule: ",
		"\nMentors to recruit (", "\n  recruit-1  +1", "\nMentees to look for (", "\n  outreach-1  +1",
	} {
		assert.True(t, strings.Contains(out, section), "missing %q", section)
	}
	// The excluded pair of the sample is never proposed.
	assert.False(t, strings.Contains(out, "me-011 → mo-017"), "the excluded pair is proposed")

	// The same input prints the same report.
	_, again, _ := runQuickstart(t)
	assert.Equal(t, out, again)
}

// TestDefaultRunPrintsNoPersonalData checks that the report holds nothing
// of a profile but IDs and the municipality names the explanations use
// (as the coordinators wrote them): no birth date, no project, no postcode,
// no coordinates.
func TestDefaultRunPrintsNoPersonalData(t *testing.T) {
	_, out, _ := runQuickstart(t)
	r, err := sample.Round()
	require.NoError(t, err)
	home := func(id string, p profile.Place) {
		if p.Postcode != "" {
			assert.NotRegexp(t, `\b`+regexp.QuoteMeta(p.Postcode)+`\b`, out, "%s: postcode printed", id)
		}
		if p.HasCoords() {
			assert.NotContains(t, out, strconv.FormatFloat(p.Lat, 'f', -1, 64), "%s: latitude printed", id)
			assert.NotContains(t, out, strconv.FormatFloat(p.Lon, 'f', -1, 64), "%s: longitude printed", id)
		}
	}
	for _, m := range r.Mentees {
		assert.False(t, strings.Contains(out, m.BirthDate.String()), "%s: birth date printed", m.ID)
		if m.Project != "" {
			assert.False(t, strings.Contains(out, m.Project), "%s: project printed", m.ID)
		}
		home(m.ID, m.Home)
	}
	for _, m := range r.Mentors {
		assert.False(t, strings.Contains(out, m.BirthDate.String()), "%s: birth date printed", m.ID)
		home(m.ID, m.Home)
	}
}

func TestJSONOutputDecodesAsProposal(t *testing.T) {
	code, out, errOut := runQuickstart(t, "-json")
	require.Equal(t, 0, code, errOut)
	var p match.Proposal
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&p))
	assert.NotEmpty(t, p.Duos)
	assert.NotEmpty(t, p.UnmatchedMentees)
	assert.Greater(t, p.Total, 0.0)
}

// TestFiles runs on the sample's pools given as files: the same people,
// without the sample's pinned and excluded duos.
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	mentees := write(t, dir, "mentees.json", string(sample.MenteesJSON))
	mentors := write(t, dir, "mentors.json", string(sample.MentorsJSON))
	code, out, errOut := runQuickstart(t, "-mentees", mentees, "-mentors", mentors, "-on", "2026-12-01")
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "Matching round of 1 December 2026: 60 mentees, 45 mentors\n"))
	assert.True(t, strings.Contains(out, " proposed, 0 pinned)"), "the sample's pinned duos do not apply")
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	mentors := write(t, dir, "mentors.json", string(sample.MentorsJSON))
	tests := []struct {
		name    string
		mentees string // file content; "" for a file that does not exist
		args    []string
		want    string // in the lines on stderr, one problem a line
	}{
		{name: "no such file", args: []string{"-mentees", filepath.Join(dir, "nope.json"), "-mentors", mentors}, want: "no such file"},
		{name: "malformed JSON", mentees: `[{"id": "me-1",}]`, want: "malformed JSON"},
		{name: "not an array", mentees: `{"id": "me-1"}`, want: "want an array"},
		{name: "unknown field", mentees: `[{"id": "me-1", "nmae": "x"}]`, want: "me-1: [0].nmae: unknown field"},
		{name: "wrong type", mentees: `[{"id": "me-1"}, {"id": 2}]`, want: "[1].id: wrong type"},
		{name: "bad date", mentees: `[{"id": "me-1", "birth_date": "2001-02-30"}]`, want: "me-1: [0].birth_date: invalid value"},
		{name: "invalid profiles", mentees: `[{"id": "me-1"}, {"id": "me-2"}]`, want: "me-2: [1].birth_date: missing"},
		{name: "duplicate IDs", mentees: string(sample.MenteesJSON[:len(sample.MenteesJSON)-3]) + `,` + firstEntry(t), want: "duplicate mentee id"},
		{name: "bad -on", args: []string{"-on", "2026-13-01"}, want: "-on: month 13"},
		{name: "-on not a date", args: []string{"-on", "tomorrow"}, want: "-on: date"},
		{name: "only -mentees", args: []string{"-mentees", mentors}, want: "must be given together"},
		{name: "stray argument", args: []string{"extra"}, want: "unexpected argument"},
		{name: "unknown language", args: []string{"-lang", "es"}, want: "-lang: want en, fr, nl or de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			if tt.mentees != "" {
				args = []string{"-mentees", write(t, t.TempDir(), "mentees.json", tt.mentees), "-mentors", mentors}
			}
			code, out, errOut := runQuickstart(t, args...)
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			for _, line := range strings.Split(strings.TrimSuffix(errOut, "\n"), "\n") {
				assert.True(t, strings.HasPrefix(line, "quickstart: "), "every problem on its own line: %q", line)
			}
			assert.Contains(t, errOut, tt.want)
			assert.NotContains(t, errOut, "goroutine") // never a stack trace
		})
	}
}

func TestUsageErrors(t *testing.T) {
	code, _, errOut := runQuickstart(t, "-nope")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "flag provided but not defined: -nope")
	code, _, errOut = runQuickstart(t, "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, errOut, "-mentees FILE")
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

// firstEntry returns the sample's first mentee as a JSON array's tail, so
// that appending it makes a file with that ID twice.
func firstEntry(t *testing.T) string {
	var raws []json.RawMessage
	require.NoError(t, json.Unmarshal(sample.MenteesJSON, &raws))
	return string(raws[0]) + "]"
}
