package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/examples/internal/sample"
	"github.com/duomatch/duo/internal/browsertest"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

// TestPageServed checks the page and its assets without a browser: served
// from the binary, with a policy that lets only this server's own files
// run.
func TestPageServed(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	for path, want := range map[string]string{"/": `<html lang="en" data-max-body="`, "/app.js": "async function readPeople(", "/words.js": "const WORDS = {", "/style.css": ".parts"} {
		rec := do(h, "GET", path, "")
		require.Equal(t, http.StatusOK, rec.Code, path)
		assert.Contains(t, rec.Body.String(), want, path)
		assert.Contains(t, rec.Header().Get("Content-Security-Policy"), "default-src 'self'", path)
	}
	assert.Equal(t, http.StatusNotFound, do(h, "GET", "/index.html", "").Code)
}

// browserContext starts headless Chromium for a test (see
// internal/browsertest).
func browserContext(t *testing.T) context.Context {
	return browsertest.Context(t, 1280, 800)
}

// TestPageInBrowser drives the page in headless Chromium with the
// sample pool as a coordinator's spreadsheets (examples/sample/*.csv):
// upload, see eligibility, duos and people left out, ask for a mentee's
// alternatives, pin one and re-run, download the three tables. What the
// page shows and the files it saves are checked against the library on
// the same files.
func TestPageInBrowser(t *testing.T) {
	ctx := browserContext(t)
	h, logs := newTestHandler(testConfig())
	srv := httptest.NewServer(h)
	defer srv.Close()
	samples, err := filepath.Abs("../sample")
	require.NoError(t, err)
	downloads := t.TempDir()

	var status, notes, elig, duos, left string
	require.NoError(t, chromedp.Run(ctx,
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads),
		chromedp.Navigate(srv.URL+"/"),
		chromedp.SetUploadFiles("#mentees-file", []string{filepath.Join(samples, "mentees.csv")}, chromedp.ByQuery),
		chromedp.SetUploadFiles("#mentors-file", []string{filepath.Join(samples, "mentors.csv")}, chromedp.ByQuery),
		chromedp.SetValue("#on", "2026-11-23", chromedp.ByQuery),
		chromedp.Click("#run", chromedp.ByQuery),
		chromedp.WaitVisible("#results", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("status").textContent.includes("duos proposed")`, nil),
		text("#status", &status),
		text("#sheet-notes", &notes),
		text("#eligibility-summary", &elig),
		text("#duos tbody", &duos),
		text("#left-mentees", &left),
	))
	// What the page must show, from the library on the same files.
	r := csvRound(t)
	want := figuresOf(t, r)
	assert.Contains(t, notes, "mentees.csv: 60 mentees read.")
	assert.Contains(t, notes, "mentors.csv: 45 mentors read.")
	assert.Contains(t, status, fmt.Sprintf("%d duos proposed, 0 pinned", want.proposed))
	assert.Contains(t, elig, fmt.Sprintf("%d of 60 mentees and %d of 45 mentors are eligible on 2026-11-23", want.mentees, want.mentors))
	assert.Contains(t, duos, "me-001")
	assert.Contains(t, duos, "sector")
	assert.Contains(t, left, "me-002: not eligible")
	assert.Contains(t, left, "a compatible partner was given to someone else")

	// The page's screenshot for the README, at 1280×800.
	var shot []byte
	require.NoError(t, chromedp.Run(ctx, chromedp.CaptureScreenshot(&shot)))
	if *update {
		require.NoError(t, os.WriteFile(filepath.Join("testdata", "page.png"), shot, 0o644))
	}

	// Alternatives for me-001, pin the first one, re-run.
	var altTitle, altMentor, decisions string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click(`//button[text()="Alternatives for me-001"]`, chromedp.BySearch),
		chromedp.WaitVisible("#alternatives", chromedp.ByQuery),
		text("#alternatives-title", &altTitle),
		chromedp.Text(`#alternatives-table tbody tr:first-child td:first-child`, &altMentor, chromedp.ByQuery),
	))
	assert.Equal(t, "Alternatives for me-001", altTitle)
	require.True(t, strings.HasPrefix(altMentor, "mo-"), altMentor)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click(`#alternatives-table tbody tr:first-child button`, chromedp.ByQuery),
		text("#decision-list", &decisions),
		chromedp.Click("#rerun", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("status").textContent.includes(" 1 pinned")`, nil),
		chromedp.Evaluate(`[...document.querySelectorAll("#duos tr.pinned")].map(r => r.cells[0].textContent + " " + r.cells[1].textContent).join(",")`, &duos),
	))
	assert.Contains(t, decisions, "Pinned: me-001 with "+altMentor)
	assert.Equal(t, "me-001 "+altMentor, duos, "the pinned duo is kept, and is the only pinned one")

	// Download the three tables: each is what the library writes for the
	// round with the pin.
	r.Pinned = []match.Duo{{MenteeID: "me-001", MentorID: altMentor}}
	p, err := match.Propose(context.Background(), r)
	require.NoError(t, err)
	tables := map[string]func(io.Writer) error{
		"duos":      func(w io.Writer) error { return sheet.WriteDuos(w, p, sheet.Options{}) },
		"unmatched": func(w io.Writer) error { return sheet.WriteUnmatched(w, p, sheet.Options{}) },
		"alternatives": func(w io.Writer) error {
			return sheet.WriteAlternatives(context.Background(), w, p, defaultTableAlternatives, sheet.Options{})
		},
	}
	for _, table := range []string{"duos", "unmatched", "alternatives"} {
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Click("#download-"+table, chromedp.ByQuery),
			chromedp.Poll(`document.getElementById("status").textContent.includes("The `+table+` table was downloaded")`, nil),
		), table)
		var want bytes.Buffer
		require.NoError(t, tables[table](&want))
		var got []byte
		require.Eventually(t, func() bool {
			got, err = os.ReadFile(filepath.Join(downloads, "proposal-2026-11-23-"+table+".csv"))
			return err == nil && len(got) == want.Len()
		}, 10*time.Second, 100*time.Millisecond, "the %s table is downloaded", table)
		assert.Equal(t, want.String(), string(got), table)
	}
	duosCSV, err := os.ReadFile(filepath.Join(downloads, "proposal-2026-11-23-duos.csv"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(duosCSV), "\ufeffmentee;mentor;score;pinned;"), "UTF-8 with a BOM, for Excel")
	assert.Regexp(t, "\r\nme-001;"+altMentor+";[0-9]+,[0-9]{2};yes;", string(duosCSV))

	// Nothing personal reached the log.
	for _, secret := range []string{"birth", "Brussels", "Actiris"} {
		assert.NotContains(t, logs.String(), secret)
	}
}

// TestPageJSONInBrowser uploads the sample pool as JSON files: the page
// reads them in the tab and proposes the same round.
func TestPageJSONInBrowser(t *testing.T) {
	ctx := browserContext(t)
	h, _ := newTestHandler(testConfig())
	srv := httptest.NewServer(h)
	defer srv.Close()
	samples, err := filepath.Abs("../internal/sample")
	require.NoError(t, err)
	var status, notes string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.SetUploadFiles("#mentees-file", []string{filepath.Join(samples, "mentees.json")}, chromedp.ByQuery),
		chromedp.SetUploadFiles("#mentors-file", []string{filepath.Join(samples, "mentors.json")}, chromedp.ByQuery),
		chromedp.SetValue("#on", "2026-11-23", chromedp.ByQuery),
		chromedp.Click("#run", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("status").textContent.includes("duos proposed")`, nil),
		text("#status", &status),
		text("#sheet-notes", &notes),
	))
	r, err := sample.Round()
	require.NoError(t, err)
	r.Pinned, r.Excluded = nil, nil
	assert.Contains(t, status, fmt.Sprintf("%d duos proposed, 0 pinned", figuresOf(t, r).proposed))
	assert.Empty(t, notes, "no spreadsheet, no note")
}

// TestPageSheetProblems uploads a spreadsheet with errors: the page lists
// every problem with its row and column.
func TestPageSheetProblems(t *testing.T) {
	ctx := browserContext(t)
	h, _ := newTestHandler(testConfig())
	srv := httptest.NewServer(h)
	defer srv.Close()
	dir := t.TempDir()
	bad := filepath.Join(dir, "mentees.csv")
	require.NoError(t, os.WriteFile(bad, []byte("id;birth_date;languages\nme-1;31/02/2001;fr:C1\nme-2;2001-04-12;fr-C1\n"), 0o644))
	samples, err := filepath.Abs("../sample")
	require.NoError(t, err)
	var problems string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.SetUploadFiles("#mentees-file", []string{bad}, chromedp.ByQuery),
		chromedp.SetUploadFiles("#mentors-file", []string{filepath.Join(samples, "mentors.csv")}, chromedp.ByQuery),
		chromedp.SetValue("#on", "2026-11-23", chromedp.ByQuery),
		chromedp.Click("#run", chromedp.ByQuery),
		chromedp.WaitVisible("#problems", chromedp.ByQuery),
		text("#problems", &problems),
	))
	assert.Contains(t, problems, "The mentees file: ")
	assert.Contains(t, problems, "row 2, column \u201cbirth_date\u201d · me-1 · ")
	assert.Contains(t, problems, "row 3, column \u201clanguages\u201d · me-2 · ")
	assert.NotContains(t, problems, "31/02/2001")
}

func text(sel string, out *string) chromedp.Action { return chromedp.Text(sel, out, chromedp.ByQuery) }

// csvRound is the round of the sample's spreadsheets on 2026-11-23,
// without pinned or excluded duos (the page starts with none).
func csvRound(t *testing.T) match.Round {
	t.Helper()
	mentees, _, err := sheet.ReadMentees(bytes.NewReader(sampleCSV(t, "mentees")), sheet.Options{})
	require.NoError(t, err)
	mentors, _, err := sheet.ReadMentors(bytes.NewReader(sampleCSV(t, "mentors")), sheet.Options{})
	require.NoError(t, err)
	return match.Round{On: profile.MustDate(2026, 11, 23), Mentees: mentees, Mentors: mentors}
}

// figures is what a round proposes and who is eligible.
type figures struct{ proposed, mentees, mentors int }

func figuresOf(t *testing.T, r match.Round) figures {
	t.Helper()
	p, err := match.Propose(context.Background(), r)
	require.NoError(t, err)
	var f figures
	for _, d := range p.Duos {
		if !d.Pinned {
			f.proposed++
		}
	}
	policy := profile.DefaultPolicy()
	for _, m := range r.Mentees {
		if len(policy.CheckMentee(m, r.On)) == 0 {
			f.mentees++
		}
	}
	for _, m := range r.Mentors {
		if len(policy.CheckMentor(m, r.On)) == 0 {
			f.mentors++
		}
	}
	return f
}
