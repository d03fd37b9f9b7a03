package main

import (
	"context"
	"fmt"
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
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
)

const chromium = "/usr/bin/chromium"

// TestPageServed checks the page and its assets without a browser: served
// from the binary, with a policy that lets only this server's own files
// run.
func TestPageServed(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	for path, want := range map[string]string{"/": "<title>duo: review a matching round</title>", "/app.js": "function readPeopleFile", "/style.css": ".bars"} {
		rec := do(h, "GET", path, "")
		require.Equal(t, http.StatusOK, rec.Code, path)
		assert.Contains(t, rec.Body.String(), want, path)
		assert.Contains(t, rec.Header().Get("Content-Security-Policy"), "default-src 'self'", path)
	}
	assert.Equal(t, http.StatusNotFound, do(h, "GET", "/index.html", "").Code)
}

// browserContext starts headless Chromium for a test, or skips (fails
// when DUO_REQUIRE_BROWSER=1, as in CI) when there is none.
func browserContext(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("DUO_REQUIRE_BROWSER") == "1" {
			t.Fatalf("no Chromium at %s, and DUO_REQUIRE_BROWSER=1", chromium)
		}
		t.Skip("no Chromium at /usr/bin/chromium: install Debian's chromium to run the page tests")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 800),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelC := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelC(); cancelB(); cancelA() })
	return ctx
}

// TestPageInBrowser drives the page in headless Chromium: upload the
// sample's files, see eligibility, duos and people left out, ask for a
// mentee's alternatives, pin one and re-run, download the CSV.
func TestPageInBrowser(t *testing.T) {
	ctx := browserContext(t)
	h, logs := newTestHandler(testConfig())
	srv := httptest.NewServer(h)
	defer srv.Close()
	samples, err := filepath.Abs("../internal/sample")
	require.NoError(t, err)
	downloads := t.TempDir()

	text := func(sel string, out *string) chromedp.Action { return chromedp.Text(sel, out, chromedp.ByQuery) }
	var status, elig, duos, left string
	require.NoError(t, chromedp.Run(ctx,
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads),
		chromedp.Navigate(srv.URL+"/"),
		chromedp.SetUploadFiles("#mentees-file", []string{filepath.Join(samples, "mentees.json")}, chromedp.ByQuery),
		chromedp.SetUploadFiles("#mentors-file", []string{filepath.Join(samples, "mentors.json")}, chromedp.ByQuery),
		chromedp.SetValue("#on", "2026-11-23", chromedp.ByQuery),
		chromedp.Click("#run", chromedp.ByQuery),
		chromedp.WaitVisible("#results", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("status").textContent.includes("duos proposed")`, nil),
		text("#status", &status),
		text("#eligibility-summary", &elig),
		text("#duos tbody", &duos),
		text("#left-mentees", &left),
	))
	// What the page must show, from the library on the same files.
	want := sampleFigures(t)
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

	// Download the proposal as CSV.
	var csv string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#download", chromedp.ByQuery),
		chromedp.Evaluate(`window.duoProposalCSV()`, &csv),
	))
	assert.True(t, strings.HasPrefix(csv, "mentee_id,mentor_id,score,pinned,status,reason\r\n"), csv)
	assert.Contains(t, csv, "me-001,"+altMentor+",")
	require.Eventually(t, func() bool {
		b, err := os.ReadFile(filepath.Join(downloads, "proposal-2026-11-23.csv"))
		return err == nil && string(b) == csv
	}, 10*time.Second, 100*time.Millisecond, "the downloaded file is the page's CSV")

	// Nothing personal reached the log.
	for _, secret := range []string{"birth", "Brussels", "Actiris"} {
		assert.NotContains(t, logs.String(), secret)
	}
}

// figures is what a round on the sample's files (without its pinned and
// excluded duos, which the page does not load) proposes.
type figures struct{ proposed, mentees, mentors int }

func sampleFigures(t *testing.T) figures {
	t.Helper()
	r, err := sample.Round()
	require.NoError(t, err)
	r.Pinned, r.Excluded = nil, nil
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
