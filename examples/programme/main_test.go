package main

import (
	"bytes"
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
		"2026-01-05    0       0       0      0         0\n",
		"\nWorklist on 2027-07-19\n",
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
		if len(fields) == 6 && strings.HasPrefix(fields[0], "20") {
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
