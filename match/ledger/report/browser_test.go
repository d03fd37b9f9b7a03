package report_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/browsertest"
	"github.com/duomatch/duo/match/ledger"
)

// shown is what the browser shows of the page.
type shown struct {
	Lang      string            `json:"lang"`
	Fetched   int               `json:"fetched"`
	Figures   map[string]string `json:"figures"`
	Tables    []shownTable      `json:"tables"`
	SVGs      int               `json:"svgs"`
	CurveDraw bool              `json:"curveDrawn"`
}

type shownTable struct {
	Title string     `json:"title"`
	Rows  [][]string `json:"rows"`
}

const readPage = `(() => ({
	lang: document.documentElement.lang,
	fetched: performance.getEntriesByType("resource").length,
	figures: Object.fromEntries([...document.querySelectorAll("#figures [data-figure]")].map(d => [d.dataset.figure, d.querySelector("dd").innerText])),
	tables: [...document.querySelectorAll("#equity table")].map(t => ({
		title: t.previousElementSibling.innerText,
		rows: [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.firstChild ? c.firstChild.textContent : "")),
	})),
	svgs: [...document.querySelectorAll("svg")].filter(s => s.getBoundingClientRect().width > 300).length,
	curveDrawn: document.querySelector("path.curve").getTotalLength() > 100,
}))()`

// pct writes a share as the page's language does, independently of the
// report's catalog: a no-break space before % in French and German.
func pct(rate float64, lang string) string {
	n := int(math.Round(100 * rate))
	if lang == "fr" || lang == "de" {
		return fmt.Sprintf("%d\u00a0%%", n)
	}
	return fmt.Sprintf("%d%%", n)
}

// TestReportInBrowser renders the report in headless Chromium, in
// English and French, and checks what it shows against the library's
// numbers: the key figures, the equity tables with their suppressed
// cells, the charts; that it fetches nothing; and that it prints to PDF.
// With -update it saves the screenshot the README shows
// (docs/report.png).
func TestReportInBrowser(t *testing.T) {
	ctx := browsertest.Context(t, 1000, 1400)
	l := programme(t)
	in := l.Indicators(from, to, nil).Overall
	for _, name := range []string{"en", "fr"} {
		opt := options(l, langs[name])
		eq := l.Equity(from, to, opt.Equity, opt.Groupings...)
		file := filepath.Join(t.TempDir(), "report."+name+".html")
		require.NoError(t, os.WriteFile(file, []byte(render(t, l, opt)), 0o644))

		var got shown
		require.NoError(t, chromedp.Run(ctx,
			chromedp.Navigate("file://"+file),
			chromedp.WaitVisible("#definitions", chromedp.ByQuery),
			chromedp.Evaluate(readPage, &got),
		))
		assert.Equal(t, htmlLang[name], got.Lang)
		assert.Zero(t, got.Fetched, "the page fetches nothing")
		assert.Equal(t, 3, got.SVGs, "three charts drawn")
		assert.True(t, got.CurveDraw)

		// The key figures, as the library counts them.
		m := in.MatchedWithin30Days
		want := map[string]string{"en": fmt.Sprintf("%s (%d of %d; 95%% interval from %s to %s)", pct(m.Rate, name), m.Count, m.Total, pct(m.Low, name), pct(m.High, name)),
			"fr": fmt.Sprintf("%s (%d sur %d\u00a0; intervalle de confiance à 95\u00a0%%\u00a0: de %s à %s)", pct(m.Rate, name), m.Count, m.Total, pct(m.Low, name), pct(m.High, name))}
		assert.Equal(t, want[name], got.Figures["matched_within_30_days"])
		assert.Equal(t, fmt.Sprint(in.MenteeApplications), got.Figures["mentee_applications"])
		assert.Equal(t, fmt.Sprint(in.Ineligible), got.Figures["ineligible"])
		require.NotNil(t, in.DaysToMatch.MedianDays)
		assert.True(t, strings.HasPrefix(got.Figures["days_to_match"], fmt.Sprint(*in.DaysToMatch.MedianDays, " ")), got.Figures["days_to_match"])
		for code, p := range map[string]ledger.Proportion{"first_meeting_failed": in.FirstMeetingFailed, "early_closure": in.EarlyClosure,
			"successful_ending": in.SuccessfulEnding, "positive_at_end": in.AtEnd.Positive, "positive_at_12_months": in.At12Months.Positive} {
			assert.True(t, strings.HasPrefix(got.Figures[code], pct(p.Rate, name)+" ("+fmt.Sprint(p.Count)), "%s: %s", code, got.Figures[code])
		}

		// The equity tables: the whole pool, then each group; a
		// suppressed figure shows a dash.
		require.Len(t, got.Tables, len(eq.Groupings))
		for i, g := range eq.Groupings {
			rows := got.Tables[i].Rows
			require.Len(t, rows, 1+len(g.Groups), g.Name)
			for j, grp := range g.Groups {
				cells := rows[j+1]
				require.Len(t, cells, 8)
				figs := []struct {
					hidden bool
					p      ledger.Proportion
				}{
					{grp.Figures.MatchedWithin30Days.Suppressed, grp.Figures.MatchedWithin30Days.Proportion},
					{grp.Figures.DaysToMatch.Suppressed, ledger.Proportion{}},
					{grp.Figures.FirstMeetingFailed.Suppressed, grp.Figures.FirstMeetingFailed.Proportion},
					{grp.Figures.EarlyClosure.Suppressed, grp.Figures.EarlyClosure.Proportion},
				}
				for k, f := range figs {
					cell := cells[2+k]
					switch {
					case f.hidden:
						assert.Equal(t, "—", cell, "%s %s %d", g.Name, grp.Name, k)
					case k != 1 && f.p.Total > 0:
						assert.True(t, strings.HasPrefix(cell, pct(f.p.Rate, name)+" ("), "%s %s %d: %s", g.Name, grp.Name, k, cell)
					}
				}
				if grp.Suppressed || grp.PeopleSuppressed {
					assert.Equal(t, "—", cells[1])
				} else {
					assert.Equal(t, fmt.Sprint(grp.People), cells[1])
				}
			}
		}
		tiny := eq.Groupings[2]
		require.Equal(t, []string{"few"}, tiny.Merged, "the test's small group is merged")

		// Printable: Chromium prints it to a PDF of a few A4 pages.
		var pdf []byte
		require.NoError(t, chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			pdf, _, err = page.PrintToPDF().WithPaperWidth(8.27).WithPaperHeight(11.69).Do(ctx)
			return err
		})))
		require.True(t, bytes.HasPrefix(pdf, []byte("%PDF")))
		pages := bytes.Count(pdf, []byte("/Type /Page\n")) + bytes.Count(pdf, []byte("/Type /Page\r")) + bytes.Count(pdf, []byte("/Type /Page>>")) + bytes.Count(pdf, []byte("/Type /Page "))
		t.Logf("%s: PDF of %d bytes, about %d pages", name, len(pdf), pages)

		if *update && name == "en" {
			var shot []byte
			require.NoError(t, chromedp.Run(ctx, chromedp.CaptureScreenshot(&shot)))
			require.NoError(t, os.WriteFile(filepath.Join("..", "..", "..", "docs", "report.png"), shot, 0o644))
		}
	}
}
