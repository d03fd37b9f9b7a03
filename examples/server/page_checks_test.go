package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/profile"
)

// axeScript is axe-core's axe.min.js: $DUO_AXE, or where .ci/run installs
// it with npm.
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv("DUO_AXE")
	if path == "" {
		cache, err := os.UserCacheDir()
		require.NoError(t, err)
		path = filepath.Join(cache, "duo-npm", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("DUO_REQUIRE_BROWSER") == "1" {
			t.Fatalf("no axe-core at %s (.ci/run installs it): %v", path, err)
		}
		t.Skipf("no axe-core at %s: npm install axe-core into it, or set DUO_AXE", path)
	}
	return string(b)
}

// axeClean runs axe-core's WCAG 2 A and AA rules on the page as it is,
// and fails the test on any violation.
func axeClean(t *testing.T, ctx context.Context, state string) {
	t.Helper()
	var out string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Evaluate(axeScript(t), nil),
		eval(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r =>
			JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))))`, &out),
	), state)
	var violations []any
	require.NoError(t, json.Unmarshal([]byte(out), &violations))
	assert.Empty(t, violations, "axe-core, %s: %s", state, out)
}

// englishWords are words that give away an English sentence.
var englishWords = []string{" the ", "Propose duos", "Propose again", "mentees shown", "speaks", "waiting", "Waiting", "without", "eligible",
	"blocked", "left out", " same ", "weekly", "did you mean", "Choose", "sheet", "Download as", "Why", "Other mentors",
	"Pin ", "Exclude", " and ", "mentors for"}

// TestPageLanguages switches the page to French, Dutch and German: every
// visible word of the page is in that language (the reasons the library
// writes, marked lang="en", aside; the month's section and its charts included), the
// switch is kept across a reload,
// and axe-core finds no violation in any of them. The server's own
// choice comes from Accept-Language.
func TestPageLanguages(t *testing.T) {
	ctx := browserContext(t)
	// With a ledger, so that the month's section shows too.
	srv := startLedgerServer(t, filepath.Join(t.TempDir(), "ledger.jsonl"), testConfig())
	menteesCSV, mentorsCSV, _ := coordinatorSheets(t, t.TempDir())
	visible := `(() => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); const out = [];
		for (let n = w.nextNode(); n; n = w.nextNode()) { const e = n.parentElement;
			if (e.closest('[lang="en"]') && document.documentElement.lang !== "en") continue;
			if (e.closest("[hidden]") || !e.getClientRects().length) continue; out.push(n.textContent); }
		for (const e of document.querySelectorAll("[aria-label]")) if (!e.closest("[hidden]")) out.push(e.getAttribute("aria-label"));
		return " " + out.join(" ") + " " })()`
	for _, c := range []struct{ lang, button, status, heading string }{
		{"fr", "Français", "duos proposés", "Proposer des duos pour un tour de mise en relation"},
		{"nl", "Nederlands", "duo's voorgesteld", "Duo's voorstellen voor een matchingronde"},
		{"de", "Deutsch", "Tandems vorgeschlagen", "Tandems für eine Vermittlungsrunde vorschlagen"},
	} {
		var htmlLang, h1, words string
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Navigate(srv.url+"/"),
			chromedp.Click(`#lang-switch [data-lang="`+c.lang+`"]`, chromedp.ByQuery),
			chromedp.Reload(),
			chromedp.WaitVisible("h1", chromedp.ByQuery),
			eval(`document.documentElement.lang`, &htmlLang),
			text("h1", &h1),
			upload(menteesCSV, mentorsCSV),
			waitStatus(c.status),
			chromedp.Click(`#duos tbody tr.proposed [data-key^="alt-"]`, chromedp.ByQuery),
			chromedp.Poll(`document.querySelector(".alts")`, nil),
			chromedp.WaitVisible("#month", chromedp.ByQuery),
			chromedp.Poll(`document.getElementById("indicators").childElementCount > 0`, nil),
			eval(`(() => { document.querySelectorAll("details").forEach(d => d.open = true); return true })()`, nil),
			eval(visible, &words),
		), c.lang)
		assert.Equal(t, c.lang, htmlLang, "the switch is kept across a reload")
		assert.Equal(t, c.heading, h1)
		for _, w := range englishWords {
			if i := strings.Index(words, w); i >= 0 {
				t.Errorf("%s: an English word on the page: %q in …%s…", c.lang, w, words[max(0, i-60):min(len(words), i+60)])
			}
		}
		axeClean(t, ctx, c.lang+", results and alternatives")
	}
	// A new tab follows the browser's language, through the server.
	ctx2, cancel := chromedp.NewContext(ctx)
	defer cancel()
	var htmlLang string
	require.NoError(t, chromedp.Run(ctx2, chromedp.Navigate(srv.url+"/?lang=de"), eval(`document.documentElement.lang`, &htmlLang)))
	assert.Equal(t, "de", htmlLang)
}

// TestPageBlocking chooses sheets that must not go through: each gives a
// blocking message in plain words, both files' problems at once, and no
// request reaches the API.
func TestPageBlocking(t *testing.T) {
	ctx := browserContext(t)
	cfg := testConfig()
	cfg.maxBody = 100_000
	srv, rc := pageServer(t, cfg)
	dir := t.TempDir()
	samples, err := filepath.Abs("../sample")
	require.NoError(t, err)
	menteesCSV, mentorsCSV := filepath.Join(samples, "mentees.csv"), filepath.Join(samples, "mentors.csv")
	file := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o644))
		return p
	}
	misspelt := strings.Replace(string(sampleCSV(t, "mentees")), ";languages;", ";Taalen;", 1)
	big := strings.Repeat(string(sampleCSV(t, "mentors")), 30)
	cases := []struct {
		name, mentees, mentors string
		want                   []string
	}{
		{"xlsx and pdf", file("a.csv", []byte("PK\x03\x04\x14\x00rest")), file("b.csv", []byte("%PDF-1.7\n...")),
			[]string{"The mentees' sheet is an Excel workbook (.xlsx)", "The mentors' sheet is a PDF"}},
		{"swapped", mentorsCSV, menteesCSV,
			[]string{"The mentees' sheet looks like the mentors' sheet", "The mentors' sheet looks like the mentees' sheet"}},
		{"misspelt and empty", file("c.csv", []byte(misspelt)), file("d.csv", nil),
			[]string{"The mentees' sheet has no column for the languages, which the rules need. Is \u201cTaalen\u201d misspelt?", "The mentors' sheet is empty."}},
		{"header only and too big", file("e.csv", []byte("id;birth_date;languages;city;registered\r\n;;;;\r\n")), file("f.csv", []byte(big)),
			[]string{"The mentees' sheet has headings but no person", fmt.Sprintf("The mentors' sheet is %.1f MB; this server takes at most 0.1 MB", float64(len(big))/1e6)}},
	}
	for _, c := range cases {
		var problems string
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Navigate(srv.URL+"/"),
			upload(c.mentees, c.mentors),
			waitStatus("Nothing was computed"),
			text("#problems", &problems),
		), c.name)
		for _, w := range c.want {
			assert.Contains(t, problems, w, c.name)
		}
		assert.Equal(t, 0, rc.apiCalls(), "%s: nothing sent", c.name)
	}
	axeClean(t, ctx, "blocking messages")

	// A sheet saved again after it was chosen: "choose it again", not
	// "Failed to fetch".
	changing := file("g.csv", sampleCSV(t, "mentees"))
	var problems string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.SetUploadFiles("#mentees-file", []string{changing}, chromedp.ByQuery),
		chromedp.SetUploadFiles("#mentors-file", []string{mentorsCSV}, chromedp.ByQuery),
		chromedp.SetValue("#on", "2026-11-23", chromedp.ByQuery),
		chromedp.ActionFunc(func(context.Context) error {
			later := time.Now().Add(time.Minute)
			if err := os.WriteFile(changing, append(sampleCSV(t, "mentees"), "\r\n"...), 0o644); err != nil {
				return err
			}
			return os.Chtimes(changing, later, later)
		}),
		chromedp.Click("#run", chromedp.ByQuery),
		waitStatus("Nothing was computed"),
		text("#problems", &problems),
	))
	assert.Contains(t, problems, "The mentees' sheet changed since you chose it")
	assert.NotContains(t, problems, "Failed to fetch")

	// A date month first: the library sets the row aside and the other
	// rows are matched; the problem is listed with the day-first hint.
	bad := file("h.csv", []byte(strings.Replace(string(sampleCSV(t, "mentees")), "me-001;1998-10-21;", "me-001;10/21/1998;", 1)))
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		upload(bad, mentorsCSV),
		waitStatus("duos proposed"),
		chromedp.WaitVisible("#problems", chromedp.ByQuery),
		text("#problems", &problems),
	))
	assert.Contains(t, problems, "The mentees' sheet: 1 row has a problem and is left out; the other rows are matched.")
	assert.Contains(t, problems, "row 2, column \u201cbirth_date\u201d · me-001 · ")
	assert.Contains(t, problems, "Dates are read day first")
	assert.NotContains(t, problems, "10/21/1998", "a cell's value is never shown")
}

// TestPageScale proposes a 1000×800 round and logs the time the page
// takes to draw it after the answer arrives (to the first frame painted
// after the status says so), the longest frame and the longest task
// (PerformanceObserver "longtask") while scrolling the page from top to
// bottom, and the longest frame while turning pages of the list
// (measured, not asserted: the machine is shared).
func TestPageScale(t *testing.T) {
	if testing.Short() {
		t.Skip("a 1000×800 round")
	}
	ctx := browserContext(t)
	cfg := testConfig()
	cfg.maxBody = 64 << 20
	srv, _ := pageServer(t, cfg)
	on := profile.MustDate(2026, 11, 23)
	mentees, mentors := synth.Generate(synth.Config{Seed: 7, Mentees: 1000, Mentors: 800, On: on, IneligibleShare: 0.1})
	dir := t.TempDir()
	write := func(name string, v any) string {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o644))
		return p
	}
	// frames runs steps, one per animation frame, and returns the longest
	// gap between frames, the longest task seen meanwhile and the median
	// gap, in ms.
	frames := func(steps int, step string) string {
		return `new Promise(done => { window.longTasks = []; let last = performance.now(), i = 0; const gaps = [];
			const tick = () => { const now = performance.now(); gaps.push(now - last); last = now;
				if (i >= ` + fmt.Sprint(steps) + `) { gaps.sort((a, b) => a - b);
					setTimeout(() => done([gaps[gaps.length - 1], Math.max(0, ...window.longTasks), gaps[gaps.length >> 1]]), 100); return }
				` + step + `; i++; requestAnimationFrame(tick) };
			requestAnimationFrame(() => { last = performance.now(); requestAnimationFrame(tick) }) })`
	}
	var render float64
	var scroll, paging []float64
	var rows, pageHeight, nodes int
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		// The answer's time, the first frame after the list is drawn, and
		// every long task.
		eval(`(() => { const f = window.fetch; window.fetch = async (...a) => { const r = await f(...a);
			if (String(a[0]).startsWith("/v1/proposals")) window.answeredAt = performance.now(); return r };
			new MutationObserver((_, o) => { if (document.getElementById("status").textContent.includes("duos proposed")) { o.disconnect();
				requestAnimationFrame(() => setTimeout(() => { window.drawnAt = performance.now() })) } })
				.observe(document.getElementById("status"), { childList: true, characterData: true, subtree: true });
			window.longTasks = [];
			new PerformanceObserver(l => { for (const e of l.getEntries()) window.longTasks.push(e.duration) }).observe({ type: "longtask" });
			return true })()`, nil),
		upload(write("mentees.json", mentees), write("mentors.json", mentors)),
		waitStatus("duos proposed"),
		chromedp.Poll(`window.drawnAt`, nil),
		eval(`window.drawnAt - window.answeredAt`, &render),
		eval(`document.querySelectorAll("#duos tbody tr").length`, &rows),
		eval(`document.documentElement.scrollHeight`, &pageHeight),
		eval(`document.getElementsByTagName("*").length`, &nodes),
		eval(frames(120, `window.scrollBy(0, Math.ceil(document.documentElement.scrollHeight / 100))`), &scroll),
		eval(`(() => { window.scrollTo(0, document.getElementById("duos").offsetTop); return true })()`, nil),
		eval(frames(24, `document.getElementById(i < 12 ? "page-next" : "page-prev").click()`), &paging),
	))
	assert.Equal(t, 25, rows, "25 rows a page")
	t.Logf("1000×800 (%d elements, %d px): the list drawn %.0f ms after the answer; scrolling: longest frame %.0f ms (median %.0f), longest task %.0f ms; "+
		"turning pages: longest frame %.0f ms (median %.0f), longest task %.0f ms", nodes, pageHeight, render, scroll[0], scroll[2], scroll[1], paging[0], paging[2], paging[1])
}
