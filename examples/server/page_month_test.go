package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
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
	r := libraryRound(t, menteesCSV, mentorsCSV)
	want := figuresOf(t, r)
	names := map[string]string{}
	for i, m := range r.Mentees {
		f, l := nameOf("mentees", i)
		names[m.ID] = f + " " + l + " (" + m.ID + ")"
	}
	for i, m := range r.Mentors {
		f, l := nameOf("mentors", i)
		names[m.ID] = f + " " + l + " (" + m.ID + ")"
	}

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
	// The duos listed are the ledger's, read back from it.
	var stages []string
	require.NoError(t, chromedp.Run(ctx, eval(`[...document.querySelectorAll("#meetings li")].map(li => li.dataset.stage + " " + li.firstChild.textContent)`, &stages)))
	assert.Equal(t, ledgerStages(t, path, "2026-11-30", names), stages)
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
		// Another day: the list is read again as of it (and drawn anew).
		eval(`(() => { const d = document.getElementById("meeting-day"); d.value = "2027-05-20"; d.dispatchEvent(new Event("change")); return true })()`, nil),
		chromedp.Poll(`document.getElementById("meetings").dataset.on === "2027-05-20"`, nil),
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
	checkCharts(t, ctx, fileLedger(t, path), profile.MustDate(2025, 11, 23), profile.MustDate(2026, 12, 7))
	// A period to the day of the ending: the duo that ended with a job is
	// in the results chart; then the period of the round again.
	setNextDay := func(day string) chromedp.Action {
		return eval(`(() => { const d = document.getElementById("next-day"); d.value = "`+day+`"; d.dispatchEvent(new Event("change")); return true })()`, nil)
	}
	require.NoError(t, chromedp.Run(ctx, setNextDay("2027-06-01"), chromedp.Poll(`document.querySelector('#chart-results rect.job[data-n="1"]')`, nil)))
	checkCharts(t, ctx, fileLedger(t, path), profile.MustDate(2025, 11, 23), profile.MustDate(2027, 6, 1))
	if *update { // the README's picture of the month's charts
		var shot []byte
		require.NoError(t, chromedp.Run(ctx, chromedp.Screenshot("#charts", &shot, chromedp.ByQuery)))
		require.NoError(t, os.WriteFile(filepath.Join("testdata", "page-charts.png"), shot, 0o644))
	}
	// The charts' tables open from the keyboard.
	var open bool
	require.NoError(t, chromedp.Run(ctx,
		tabTo(`!!document.activeElement.closest("#chart-wait summary")`),
		chromedp.KeyEvent(kb.Enter),
		eval(`document.querySelector("#chart-wait details").open`, &open),
	))
	assert.True(t, open, "Enter on the summary opens the curve's table")
	require.NoError(t, chromedp.Run(ctx, setNextDay("2026-12-07"), chromedp.Poll(`document.getElementById("report").href.includes("to=2026-12-07")`, nil)))
	axeClean(t, ctx, "the month's charts, a table open")
	// On a phone, the month and its charts fit the width.
	var overflow int
	require.NoError(t, chromedp.Run(ctx, viewport(390, 844, true), chromedp.Sleep(200*time.Millisecond),
		eval(`(() => { document.getElementById("month").scrollIntoView(); return document.documentElement.scrollWidth - window.innerWidth })()`, &overflow)))
	assert.LessOrEqual(t, overflow, 0, "no horizontal overflow at 390 px")
	axeClean(t, ctx, "the month's charts on a phone")
	require.NoError(t, chromedp.Run(ctx, viewport(1280, 800, false)))

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

	// A new tab knows nothing of the first one (its sessionStorage is its
	// own): with the same sheets, it shows the duos as the ledger holds
	// them on the day chosen, the ending and the result included.
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	require.NoError(t, chromedp.Run(tab,
		chromedp.Navigate(ls.url+"/"),
		upload(menteesCSV, mentorsCSV),
		waitStatus("duos proposed"),
		chromedp.WaitVisible("#month", chromedp.ByQuery),
		eval(`(() => { const d = document.getElementById("meeting-day"); d.value = "2027-05-20"; d.dispatchEvent(new Event("change")); return true })()`, nil),
		chromedp.Poll(`document.querySelector('#meetings li[data-stage="ended"]')`, nil),
		eval(`[...document.querySelectorAll("#meetings li")].map(li => li.dataset.stage + " " + li.firstChild.textContent)`, &stages),
		eval(`document.querySelector('#meetings li[data-stage="ended"]').textContent`, &meetings),
	))
	assert.Equal(t, ledgerStages(t, path, "2027-05-20", names), stages)
	assert.Contains(t, meetings, "· started · completed · job (contract over 3 months)")
}

// ledgerStages are the stage and the pair of each duo of the ledger file
// on a day, with the people's names, as the page lists them.
func ledgerStages(t *testing.T, path, day string, names map[string]string) []string {
	t.Helper()
	on, err := profile.ParseDate(day)
	require.NoError(t, err)
	var out []string
	for _, d := range fileLedger(t, path).Duos(on) {
		out = append(out, d.Stage+" "+names[d.MenteeID]+" with "+names[d.MentorID])
	}
	return out
}

// checkCharts compares the month's charts with the library's figures of
// the period on the ledger file: each month's applications, proposals and
// starts (bars and table), the time-to-match curve's steps (table), and
// the results at each point (bars).
func checkCharts(t *testing.T, ctx context.Context, l *ledger.Ledger, from, to profile.Date) {
	t.Helper()
	var months, curve [][]string
	var monthBars, resultBars []string
	var desc string
	require.NoError(t, chromedp.Run(ctx,
		eval(`[...document.querySelectorAll("#chart-months tbody tr")].map(tr => [...tr.cells].map(c => c.textContent))`, &months),
		eval(`[...document.querySelectorAll("#chart-months rect")].map(r => r.dataset.n)`, &monthBars),
		eval(`[...document.querySelectorAll("#chart-wait tbody tr")].map(tr => [...tr.cells].map(c => c.textContent))`, &curve),
		eval(`[...document.querySelectorAll("#chart-results rect")].map(r => r.dataset.n)`, &resultBars),
		eval(`document.querySelector("#chart-wait desc").textContent`, &desc),
	))
	var wantMonths [][]string
	var wantBars []string
	for _, m := range l.Months(from, to) {
		wantMonths = append(wantMonths, []string{fmt.Sprintf("%02d/%02d", int(m.From.Month()), m.From.Year()%100),
			fmt.Sprint(m.MenteeApplications), fmt.Sprint(m.Proposed), fmt.Sprint(m.Started)})
		wantBars = append(wantBars, fmt.Sprint(m.MenteeApplications), fmt.Sprint(m.Proposed), fmt.Sprint(m.Started))
	}
	assert.Equal(t, wantMonths, months)
	assert.Equal(t, wantBars, monthBars)
	f := l.Indicators(from, to, nil).Overall
	var wantCurve [][]string
	for _, p := range f.DaysToMatch.Curve {
		wantCurve = append(wantCurve, []string{fmt.Sprint(p.Day), fmt.Sprint(p.AtRisk), fmt.Sprint(p.Matched), fmt.Sprintf("%.0f%%", 100*(1-p.Waiting))})
	}
	require.NotEmpty(t, wantCurve, "someone was proposed a mentor")
	assert.Equal(t, wantCurve, curve)
	assert.Contains(t, desc, fmt.Sprintf("Eligible mentee applications: %d; proposed a mentor: %d; still waiting or gone before a proposal: %d.",
		f.DaysToMatch.Applications, f.DaysToMatch.Matched, f.DaysToMatch.Censored))
	var wantResults []string
	for _, r := range []ledger.Results{f.AtEnd, f.At12Months} {
		wantResults = append(wantResults, fmt.Sprint(r.Job.Count), fmt.Sprint(r.TrainingOrInternship.Count),
			fmt.Sprint(r.Positive.Total-r.Positive.Count), fmt.Sprint(r.LostToFollowUp.Count))
	}
	assert.Equal(t, wantResults, resultBars)
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
