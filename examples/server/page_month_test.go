package main

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPageMonth runs the month on the page with a server that keeps a
// ledger: accept the proposal into the ledger → record two first meetings
// (one started, one failed with a reason) → the work due and the
// indicators → the started duo's ending and the mentee's result → the
// funder's report → the next round from the ledger, which keeps the started
// duo and the other accepted ones pinned and drops the failed one. The
// ledger file is read with the library to check what was recorded.
func TestPageMonth(t *testing.T) {
	ctx := browserContext(t)
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	ls := startLedgerServer(t, path, testConfig())
	menteesCSV, mentorsCSV, _ := coordinatorSheets(t, t.TempDir())
	oneMenteeEach(t, mentorsCSV)
	want := figuresOf(t, libraryRound(t, menteesCSV, mentorsCSV))

	var status, meetings, indicators, problems string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(ls.url+"/"),
		upload(menteesCSV, mentorsCSV),
		waitStatus("duos proposed"),
		chromedp.WaitVisible("#month", chromedp.ByQuery),
		chromedp.Click("#accept", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("status").textContent.includes("accepted") || !document.getElementById("problems").hidden`, nil),
		text("#status", &status),
		eval(`document.getElementById("problems").textContent`, &problems),
	))
	require.Empty(t, problems)
	assert.Contains(t, status, fmt.Sprintf("%d duos accepted", want.proposed))
	counts := map[string]int{}
	for _, e := range fileEvents(t, path) {
		counts[string(e.Kind)]++
	}
	assert.Equal(t, want.proposed, counts["proposed"])
	assert.Equal(t, 105, counts["applied"], "everyone of the pool applies once")

	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click(`#meetings li:first-child button`, chromedp.ByQuery),
		waitStatus("the duo started"),
		chromedp.SetValue(`#meetings li:nth-child(2) select`, "mismatch", chromedp.ByQuery),
		chromedp.Click(`#meetings li:nth-child(2) button:last-of-type`, chromedp.ByQuery),
		waitStatus("did not work out"),
		chromedp.Poll(`document.getElementById("indicators").textContent.includes("1 of 2")`, nil),
		eval(`[...document.querySelectorAll("#meetings li")].slice(0, 2).map(li => li.textContent).join("\n")`, &meetings),
		text("#indicators", &indicators),
	))
	assert.Contains(t, meetings, "· started")
	assert.Contains(t, meetings, "· did not work out (not a good match)")
	assert.Contains(t, indicators, "First meetings that did not work out: 1 of 2")
	var results []string
	for _, e := range fileEvents(t, path) {
		if e.Kind == "first_meeting" {
			results = append(results, e.Result+":"+e.Reason)
		}
	}
	assert.Equal(t, []string{"started:", "failed:mismatch"}, results)

	// The started duo ends, completed; the mentee's result is recorded.
	require.NoError(t, chromedp.Run(ctx,
		chromedp.SetValue("#meeting-day", "2027-05-20", chromedp.ByQuery),
		chromedp.SetValue(`#meetings li:first-child select`, "completed", chromedp.ByQuery),
		chromedp.Click(`#meetings li:first-child button`, chromedp.ByQuery),
		waitStatus("the ending is recorded"),
		chromedp.SetValue(`#meetings li:first-child select`, "job_over_3_months", chromedp.ByQuery),
		chromedp.Click(`#meetings li:first-child button`, chromedp.ByQuery),
		waitStatus("the result is recorded"),
		eval(`document.querySelector("#meetings li").textContent`, &meetings),
	))
	assert.Contains(t, meetings, "· started · completed · job (contract over 3 months)")
	var later []string
	for _, e := range fileEvents(t, path) {
		if e.Kind == "ended" || e.Kind == "outcome" {
			later = append(later, string(e.Kind)+":"+e.Reason+e.Result)
		}
	}
	assert.Equal(t, []string{"ended:completed", "outcome:job_over_3_months"}, later)
	axeClean(t, ctx, "the month, after an ending and a result")

	// The funder's report opens from the page, in the page's language.
	var href string
	require.NoError(t, chromedp.Run(ctx, eval(`document.getElementById("report").href`, &href)))
	assert.Contains(t, href, "/v1/ledger/report?from=2025-11-23&to=2026-12-07&lang=en")
	resp, err := http.Get(href)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
	axeClean(t, ctx, "the month")

	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#ledger-round", chromedp.ByQuery),
		waitStatus(fmt.Sprintf("%d pinned", want.proposed-1)),
		text("#status", &status),
	))
	assert.True(t, strings.HasSuffix(status, "mentees without a mentor."), status)
}

// oneMenteeEach empties the capacity column of a mentors' sheet: the
// server's ledger counts one live duo per mentor (ledger.Options.Capacity
// 1), whatever a profile's capacity, and refuses a second.
func oneMenteeEach(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(string(b), "\r\n")
	col := -1
	for i, h := range splitSemicolons(lines[0]) {
		if h == "capacity" {
			col = i
		}
	}
	require.GreaterOrEqual(t, col, 0)
	for i := 1; i < len(lines); i++ {
		if lines[i] == "" {
			continue
		}
		cells := splitSemicolons(lines[i])
		cells[col] = ""
		lines[i] = strings.Join(cells, ";")
	}
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\r\n")), 0o644))
}
