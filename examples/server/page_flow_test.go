package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

// TestPageFlow walks the page as a coordinator: a Dutch-Excel mentees'
// sheet and a French mentors' sheet, with names → names shown beside the
// IDs → search and filter → a mentee's alternatives under their row →
// pin one, exclude another duo → propose again: the decisions are kept
// and the changes highlighted → reload: the decisions are still there →
// the duos' table downloaded. What the page shows is checked against the
// library on the same sheets; no name ever reaches the server; axe-core
// finds no WCAG A/AA violation in each state.
func TestPageFlow(t *testing.T) {
	ctx := browserContext(t)
	srv, rc := pageServer(t, testConfig())
	dir, downloads := t.TempDir(), t.TempDir()
	menteesCSV, mentorsCSV, names := coordinatorSheets(t, dir)
	r := libraryRound(t, menteesCSV, mentorsCSV)
	want := figuresOf(t, r)
	first := r.Mentees[0].ID
	f, l := nameOf("mentees", 0)

	var status, notes, elig, list string
	require.NoError(t, chromedp.Run(ctx,
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads),
		chromedp.Navigate(srv.URL+"/"),
		upload(menteesCSV, mentorsCSV),
		waitStatus("duos proposed"),
		text("#status", &status), text("#sheet-notes", &notes), text("#eligibility-summary", &elig), text("#duos tbody", &list),
	))
	assert.Contains(t, status, fmt.Sprintf("%d duos proposed, 0 pinned", want.proposed))
	assert.Contains(t, elig, fmt.Sprintf("%d of 60 mentees and %d of 45 mentors are eligible on 23 November 2026", want.mentees, want.mentors))
	assert.Contains(t, notes, "mentees.csv: 60 rows read")
	assert.Contains(t, notes, "Kept in this tab, not sent: Voornaam, Achternaam")
	assert.Contains(t, notes, "Kept in this tab, not sent: Prénom, Nom")
	assert.Contains(t, list, f+" "+l+" ("+first+")", "names beside the IDs, read from the Windows-1252 sheet")
	axeClean(t, ctx, "results, en")

	// Search by name, then filter by status: the library's ineligible
	// mentees, no more, no less.
	var count, rows string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.SendKeys("#search", f+" "+l, chromedp.ByQuery),
		text("#list-count", &count),
		eval(`[...document.querySelectorAll("#duos tbody tr")].map(r => r.dataset.id).join(",")`, &rows),
	))
	assert.Equal(t, "1 mentee shown of 60.", count)
	assert.Equal(t, first, rows)
	ineligible := 0
	for _, m := range r.Mentees {
		if len(profile.DefaultPolicy().CheckMentee(m, r.On)) > 0 {
			ineligible++
		}
	}
	require.NoError(t, chromedp.Run(ctx,
		eval(`(() => { const q = document.getElementById("search"); q.value = ""; q.dispatchEvent(new Event("input"));
			const s = document.getElementById("filter-status"); s.value = "ineligible"; s.dispatchEvent(new Event("change")); return document.getElementById("list-count").textContent })()`, &count),
	))
	assert.Equal(t, fmt.Sprintf("%d mentees shown of 60.", ineligible), count)
	var city string
	require.NoError(t, chromedp.Run(ctx,
		eval(`(() => { const s = document.getElementById("filter-status"); s.value = ""; s.dispatchEvent(new Event("change"));
			const c = document.getElementById("filter-city"); c.value = c.options[1].value; c.dispatchEvent(new Event("change")); return c.value })()`, &city),
		eval(`[...new Set([...document.querySelectorAll("#duos tbody tr")].map(r => r.cells[2].textContent))].join("|")`, &rows),
	))
	assert.Equal(t, city, rows, "every row shown is in the chosen municipality")
	require.NoError(t, chromedp.Run(ctx, eval(`(() => { const c = document.getElementById("filter-city"); c.value = ""; c.dispatchEvent(new Event("change")); return true })()`, nil)))

	// The first mentee's alternatives open in the row right under theirs;
	// pinning one keeps the focus on the button pressed.
	var next, altMentor, focused string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click(`[data-key="alt-`+first+`"]`, chromedp.ByQuery),
		chromedp.WaitVisible("#alt-title", chromedp.ByQuery),
		chromedp.Poll(`!document.querySelector(".alt").textContent.includes("Looking")`, nil),
		eval(`document.querySelector('tr[data-id="`+first+`"]').nextElementSibling.className`, &next),
		eval(`document.activeElement.id`, &focused),
		eval(`document.querySelector(".alts > li strong").textContent`, &altMentor),
	))
	assert.Equal(t, "alt-row", next, "the alternatives are beside the duo, not below the table")
	assert.Equal(t, "alt-title", focused)
	altID := altMentor[strings.LastIndex(altMentor, "(")+1 : len(altMentor)-1]
	axeClean(t, ctx, "alternatives open")
	var exMentee, exMentor string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click(`.alts > li button`, chromedp.ByQuery),
		eval(`document.activeElement.dataset.key`, &focused),
		eval(`document.querySelector("#duos tbody tr.proposed:not([data-id='`+first+`'])").dataset.id`, &exMentee),
	))
	assert.Equal(t, "altpin-"+first+"-"+altID, focused, "the focus stays on the pin button")
	for _, d := range mustPropose(t, r).Duos {
		if d.MenteeID == exMentee {
			exMentor = d.MentorID
		}
	}
	require.NotEmpty(t, exMentor)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click(`[data-key="ex-`+exMentee+`"]`, chromedp.ByQuery),
		eval(`document.activeElement.dataset.key`, &focused),
	))
	assert.Equal(t, "ex-"+exMentee, focused)

	// Propose again: the pin and the exclusion hold, and exactly the
	// mentees whose mentor the library changes are highlighted.
	before := mentorsOf(mustPropose(t, r))
	r.Pinned = []match.Duo{{MenteeID: first, MentorID: altID}}
	r.Excluded = []match.Duo{{MenteeID: exMentee, MentorID: exMentor}}
	after := mentorsOf(mustPropose(t, r))
	var changed []string
	for _, m := range r.Mentees {
		if before[m.ID] != after[m.ID] {
			changed = append(changed, m.ID)
		}
	}
	var decisions string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Click("#rerun", chromedp.ByQuery),
		waitStatus("1 pinned"),
		text("#status", &status),
		text("#decision-list", &decisions),
		eval(`[...document.querySelectorAll("#duos tbody tr.changed")].map(r => r.dataset.id).sort().join(",")`, &rows),
	))
	assert.Contains(t, status, fmt.Sprintf("%d mentees' mentors changed", len(changed)))
	assert.Contains(t, decisions, "Pinned: "+f+" "+l+" ("+first+") with ")
	assert.Contains(t, decisions, "Excluded: ")
	var onPage []string
	require.NoError(t, chromedp.Run(ctx, eval(`(() => { const s = document.getElementById("filter-status"); s.value = "changed"; s.dispatchEvent(new Event("change"));
		const ids = []; for (;;) { ids.push(...[...document.querySelectorAll("#duos tbody tr[data-id]")].map(r => r.dataset.id)); const n = document.getElementById("page-next"); if (n.disabled) break; n.click(); }
		s.value = ""; s.dispatchEvent(new Event("change")); return ids.sort() })()`, &onPage)))
	assert.ElementsMatch(t, changed, onPage, "the highlighted rows are the library's changes")
	axeClean(t, ctx, "after a re-run, changes highlighted")

	// Reload: the decisions are still in the tab; proposing again keeps them.
	var pinned string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Reload(),
		chromedp.WaitReady("#decision-list li", chromedp.ByQuery),
		text("#decision-list", &decisions),
		upload(menteesCSV, mentorsCSV),
		waitStatus("1 pinned"),
		eval(`[...document.querySelectorAll("#duos tr.pinned")].map(r => r.dataset.id).join(",")`, &pinned),
	))
	// (The names come back with the sheets: they are kept in memory only.)
	assert.Contains(t, decisions, "Pinned: "+first+" with "+altID)
	assert.Contains(t, decisions, "Excluded: "+exMentee+" with "+exMentor)
	assert.Equal(t, first, pinned)

	// The three tables, downloaded: what the library writes for the round
	// with the decisions.
	p := mustPropose(t, r)
	tables := map[string]func(io.Writer) error{
		"duos":      func(w io.Writer) error { return sheet.WriteDuos(w, p, sheet.Options{}) },
		"unmatched": func(w io.Writer) error { return sheet.WriteUnmatched(w, p, sheet.Options{}) },
		"alternatives": func(w io.Writer) error {
			return sheet.WriteAlternatives(context.Background(), w, p, defaultTableAlternatives, sheet.Options{})
		},
	}
	for _, table := range []string{"duos", "unmatched", "alternatives"} {
		var wantCSV bytes.Buffer
		require.NoError(t, tables[table](&wantCSV))
		require.NoError(t, chromedp.Run(ctx,
			eval(`document.getElementById("status").textContent = ""`, nil),
			chromedp.Click("#download-"+table, chromedp.ByQuery), waitStatus("was downloaded")), table)
		var got []byte
		require.Eventually(t, func() bool {
			var err error
			got, err = os.ReadFile(filepath.Join(downloads, "proposal-2026-11-23-"+table+".csv"))
			return err == nil && len(got) == wantCSV.Len()
		}, 10*time.Second, 100*time.Millisecond, table)
		assert.Equal(t, wantCSV.String(), string(got), table)
	}

	// The screenshots for the README, at desktop and phone width; the
	// phone shows no horizontal overflow.
	var shot []byte
	var overflow int
	show := eval(`(() => { document.querySelector("#duos tbody details").open = true; document.getElementById("duos-title").scrollIntoView(); return true })()`, nil)
	require.NoError(t, chromedp.Run(ctx, show, chromedp.CaptureScreenshot(&shot)))
	if *update {
		require.NoError(t, os.WriteFile(filepath.Join("testdata", "page-desktop.png"), shot, 0o644))
	}
	require.NoError(t, chromedp.Run(ctx,
		viewport(390, 844, true),
		chromedp.Sleep(200*time.Millisecond),
		show,
		eval(`document.documentElement.scrollWidth - window.innerWidth`, &overflow),
		chromedp.CaptureScreenshot(&shot),
	))
	assert.LessOrEqual(t, overflow, 0, "no horizontal overflow at 390 px")
	if *update {
		require.NoError(t, os.WriteFile(filepath.Join("testdata", "page-phone.png"), shot, 0o644))
	}
	axeClean(t, ctx, "phone")

	// Sorting on a phone, where the headings are hidden: the choice is
	// shown, and the highest scores come first, as the library scores
	// them (mentees without a mentor last; ties by ID, reversed).
	var sortShown bool
	require.NoError(t, chromedp.Run(ctx,
		eval(`document.getElementById("sort").getClientRects().length > 0 && getComputedStyle(document.querySelector("#duos thead")).display === "none"`, &sortShown),
		eval(`(() => { const s = document.getElementById("sort"); s.value = "score -1"; s.dispatchEvent(new Event("change"));
			return [...document.querySelectorAll("#duos tbody tr[data-id]")].map(r => r.dataset.id).join(",") })()`, &rows),
		eval(`document.documentElement.scrollWidth - window.innerWidth`, &overflow),
	))
	assert.True(t, sortShown, "the sort choice is on the phone's screen")
	type scored struct {
		id    string
		score float64
	}
	var all []scored
	for _, d := range p.Duos {
		all = append(all, scored{d.MenteeID, d.Score})
	}
	for _, u := range p.UnmatchedMentees {
		all = append(all, scored{u.ID, -1})
	}
	slices.SortFunc(all, func(a, b scored) int { return cmp.Or(cmp.Compare(b.score, a.score), strings.Compare(b.id, a.id)) })
	var top []string
	for _, x := range all[:25] { // a page
		top = append(top, x.id)
	}
	assert.Equal(t, strings.Join(top, ","), rows, "the first page, highest score first")
	assert.LessOrEqual(t, overflow, 0, "no horizontal overflow at 390 px, sorted")
	axeClean(t, ctx, "phone, sorted by score")

	// Nothing of a name ever reached the server.
	rc.mu.Lock()
	defer rc.mu.Unlock()
	require.NotEmpty(t, rc.bodies)
	for _, body := range rc.bodies {
		for _, name := range names {
			require.NotContains(t, body, name)
		}
	}
}

// TestPageKeyboard walks the main flow with the keyboard only: Tab to
// "Propose duos", Enter; Tab to a mentee's "Other mentors", Enter (the
// focus moves to the alternatives); Tab to "Pin", Enter (the focus stays).
func TestPageKeyboard(t *testing.T) {
	ctx := browserContext(t)
	srv, _ := pageServer(t, testConfig())
	menteesCSV, mentorsCSV, _ := coordinatorSheets(t, t.TempDir())
	var focused, key, sorted string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.SetUploadFiles("#mentees-file", []string{menteesCSV}, chromedp.ByQuery),
		chromedp.SetUploadFiles("#mentors-file", []string{mentorsCSV}, chromedp.ByQuery),
		chromedp.SetValue("#on", "2026-11-23", chromedp.ByQuery),
		tabTo(`document.activeElement.id === "run"`),
		chromedp.KeyEvent(kb.Enter),
		waitStatus("duos proposed"),
		tabTo(`(document.activeElement.dataset.key || "").startsWith("alt-")`),
		eval(`document.activeElement.dataset.key`, &key),
		chromedp.KeyEvent(kb.Enter),
		chromedp.Poll(`document.activeElement.id === "alt-title"`, nil, chromedp.WithPollingTimeout(30*time.Second)),
		tabTo(`(document.activeElement.dataset.key || "").startsWith("altpin-")`),
		chromedp.KeyEvent(kb.Enter),
		eval(`document.activeElement.dataset.key`, &focused),
	))
	assert.True(t, strings.HasPrefix(focused, "altpin-"+strings.TrimPrefix(key, "alt-")+"-"), focused)

	// The sort choice, at a phone's width too: reached with Tab (from
	// the top), changed with the arrow keys.
	for _, width := range []int64{1280, 390} {
		require.NoError(t, chromedp.Run(ctx,
			viewport(width, 844, width < 500),
			eval(`(() => { document.activeElement.blur(); window.scrollTo(0, 0); return true })()`, nil),
			tabTo(`document.activeElement.id === "sort"`),
			chromedp.KeyEvent(kb.ArrowDown),
			chromedp.Poll(`document.getElementById("sort").value !== "mentee 1"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
			eval(`document.querySelector('#duos th[aria-sort="descending"]').dataset.sort`, &sorted),
			chromedp.KeyEvent(kb.ArrowUp),
			chromedp.Poll(`document.getElementById("sort").value === "mentee 1"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		), width)
		assert.Equal(t, "mentee", sorted, "%d px: Z to A after A to Z", width)
	}
}

// tabTo presses Tab until cond holds (at most 400 times).
func tabTo(cond string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		for i := 0; i < 400; i++ {
			var ok bool
			if err := chromedp.Evaluate(cond, &ok).Do(ctx); err != nil {
				return err
			}
			if ok {
				return nil
			}
			if err := chromedp.KeyEvent(kb.Tab).Do(ctx); err != nil {
				return err
			}
		}
		return fmt.Errorf("never reached %s with Tab", cond)
	})
}

func mustPropose(t *testing.T, r match.Round) match.Proposal {
	t.Helper()
	p, err := match.Propose(context.Background(), r)
	require.NoError(t, err)
	return p
}

// mentorsOf maps each mentee of a proposal to their mentor.
func mentorsOf(p match.Proposal) map[string]string {
	m := map[string]string{}
	for _, d := range p.Duos {
		m[d.MenteeID] = d.MentorID
	}
	return m
}
