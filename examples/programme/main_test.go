package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
)

func TestRun(t *testing.T) {
	file := filepath.Join(t.TempDir(), "ledger.jsonl")
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-ledger", file}, &out, &errOut), errOut.String())
	assert.Empty(t, errOut.String())
	for _, line := range []string{
		"month       new  pinned  failed  ended  outcomes\n",
		"05/01/2026    0       0       0      0         0\n",
		"\nWorklist on 19/07/2027\n",
		"  applications: 73 mentees, 60 mentors, 15 found ineligible\n",
		"  first meetings failed: 26 of 96, 27 % (95 % CI 19–37 %)\n",
		"  endings for a job, a training or an internship: 7 of 38, 18 % (95 % CI 9–33 %)\n",
		"  at 12 months: 43 duos, 42 with a known result\n",
		"    positive (a job over 3 months, a training or an internship): 30 of 42, 71 % (95 % CI 56–83 %)\n",
	} {
		assert.Contains(t, out.String(), line)
	}

	// The ledger written is valid and holds what the report counts.
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	l, err := ledger.Read(f, ledger.Options{Capacity: func(string) int { return 3 }})
	require.NoError(t, err)
	failed, outcomes := 0, 0
	for _, e := range l.Events() {
		if e.Kind == ledger.FirstMeeting && e.Result == ledger.Failed {
			failed++
		}
		if e.Kind == ledger.Outcome {
			outcomes++
		}
	}
	assert.Equal(t, sumColumn(t, out.String(), 3), failed)
	assert.Equal(t, sumColumn(t, out.String(), 5), outcomes)

	// The same seed prints the same report; another seed another one.
	var again, other bytes.Buffer
	require.Equal(t, 0, run(nil, &again, &errOut))
	assert.Equal(t, out.String(), again.String())
	require.Equal(t, 0, run([]string{"-seed", "2"}, &other, &errOut))
	assert.NotEqual(t, out.String(), other.String())
}

// sumColumn adds up column k (from 0) of the monthly table.
func sumColumn(t *testing.T, report string, k int) int {
	sum := 0
	for _, line := range strings.Split(report, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 6 && len(fields[0]) == 10 && fields[0][2] == '/' && fields[0][5] == '/' {
			var n int
			for _, c := range fields[k] {
				n = n*10 + int(c-'0')
			}
			sum += n
		}
	}
	require.Positive(t, sum)
	return sum
}

// TestRunLanguages runs the report in French, Dutch and German: the same
// figures as in English, the library's words for the worklist and the
// indicators, and no English sentence.
func TestRunLanguages(t *testing.T) {
	var en bytes.Buffer
	require.Equal(t, 0, run(nil, &en, io.Discard))
	digits := func(s string) string {
		return strings.Map(func(r rune) rune {
			if '0' <= r && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	for _, tt := range []struct{ lang, line string }{
		{"fr", "  premières rencontres sans suite : 26 sur 96, 27 % (IC à 95 % : 19–37 %)\n"},
		{"nl", "  eerste kennismakingen zonder vervolg: 26 van 96, 27 % (95%-BI 19–37 %)\n"},
		{"de", "  erste Treffen ohne Folge: 26 von 96, 27 % (95-%-KI 19–37 %)\n"},
	} {
		var out, errOut bytes.Buffer
		require.Equal(t, 0, run([]string{"-lang", tt.lang}, &out, &errOut), errOut.String())
		assert.Contains(t, out.String(), tt.line)
		enLines, lines := strings.Split(en.String(), "\n"), strings.Split(out.String(), "\n")
		require.Len(t, lines, len(enLines))
		for k := range lines {
			assert.Equal(t, digits(enLines[k]), digits(lines[k]), "%s: the same figures: %q", tt.lang, lines[k])
		}
		low := strings.ToLower(out.String())
		for _, w := range []string{"waiting", "month", "failed", "results", "the ", "since", "days", "worklist", "indicators", "applications"} {
			assert.NotContains(t, low, w, tt.lang)
		}
	}
}

func TestBadFlag(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 2, run([]string{"-nope"}, &out, &errOut))
	assert.Contains(t, errOut.String(), "flag provided but not defined")
}

// TestReport writes the funder's report in Dutch: the page, its equity
// tables by the five groupings, and the same bytes for the same seed.
func TestReport(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-report", filepath.Join(dir, "a.html"), "-lang", "nl"}, &out, &errOut), errOut.String())
	require.Equal(t, 0, run([]string{"-report", filepath.Join(dir, "b.html"), "-lang", "nl"}, &out, &errOut), errOut.String())
	a, err := os.ReadFile(filepath.Join(dir, "a.html"))
	require.NoError(t, err)
	b, err := os.ReadFile(filepath.Join(dir, "b.html"))
	require.NoError(t, err)
	assert.Equal(t, a, b)
	page := string(a)
	assert.True(t, strings.HasPrefix(page, "<!DOCTYPE html>\n<html lang=\"nl-BE\">"))
	for _, s := range []string{"<h3>Gender</h3>", "<h3>Leeftijdsgroep</h3>", "<h3>Gewest</h3>", "<h3>Doorverwijzer</h3>", "<h3>Sector van de mentor</h3>",
		">vrouwen<", ">Vlaanderen<", ">OCMW<", ">18-21<"} {
		assert.True(t, strings.Contains(page, s), s)
	}

	assert.Equal(t, 2, run([]string{"-lang", "?!"}, &out, &errOut))
	assert.Contains(t, errOut.String(), "-lang")
}
