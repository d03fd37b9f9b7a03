package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/match/ledger/report"
	"github.com/duomatch/duo/profile"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// The programme of examples/programme (seed 1), written with its -ledger
// flag: 20 months of a synthetic programme.
var (
	from = profile.MustDate(2026, 1, 5)
	to   = from.AddDays(28*20 - 1)
)

func programme(t testing.TB) *ledger.Ledger {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "programme.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	l, err := ledger.Read(f, ledger.Options{Capacity: func(string) int { return 3 }})
	require.NoError(t, err)
	return l
}

// parity is a grouping of the test: the last digit of a mentee's ID, odd
// or even (mentors are in none).
func parity(id string) string {
	if !strings.HasPrefix(id, "me-") {
		return ""
	}
	if n, _ := strconv.Atoi(id[len(id)-1:]); n%2 == 1 {
		return "odd"
	}
	return "even"
}

// mentorParity groups the mentors by the last digit of their ID.
func mentorParity(id string) string {
	if !strings.HasPrefix(id, "mo-") {
		return ""
	}
	return parity("me-" + id[3:])
}

// tiny is a grouping with one small group: the mentees whose ID ends in
// 01, the others.
func tiny(id string) string {
	switch {
	case !strings.HasPrefix(id, "me-"):
		return ""
	case strings.HasSuffix(id, "01"):
		return "few"
	}
	return "many"
}

func options(l *ledger.Ledger, lang language.Tag) report.Options {
	return report.Options{
		Lang:  lang,
		Title: "Test programme",
		Groupings: []ledger.Grouping{
			{Name: "referral", Of: l.Referrals(to)},
			{Name: "parity", Of: parity},
			{Name: "tiny", Of: tiny},
			{Name: "sector", Of: mentorParity, ByMentor: true},
		},
	}
}

func render(t testing.TB, l *ledger.Ledger, opt report.Options) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, report.Write(&b, l, from, to, opt))
	return b.String()
}

var htmlLang = map[string]string{"en": "en", "fr": "fr-BE", "nl": "nl-BE", "de": "de-BE"}

var langs = map[string]language.Tag{"en": language.English, "fr": language.MustParse("fr-BE"), "nl": language.MustParse("nl-BE"), "de": language.German}

func TestWriteGolden(t *testing.T) {
	l := programme(t)
	for name, tag := range langs {
		t.Run(name, func(t *testing.T) {
			got := render(t, l, options(l, tag))
			assert.Equal(t, got, render(t, l, options(l, tag)), "the same bytes every time")
			file := filepath.Join("testdata", "report."+name+".html")
			if *update {
				require.NoError(t, os.WriteFile(file, []byte(got), 0o644))
			}
			want, err := os.ReadFile(file)
			require.NoError(t, err)
			assert.Equal(t, string(want), got, "run go test -update after a deliberate change")
		})
	}
}

// TestSelfContained checks that the page fetches nothing: no script, no
// external style sheet, font or image, no address at all.
func TestSelfContained(t *testing.T) {
	l := programme(t)
	for name, tag := range langs {
		page := render(t, l, options(l, tag))
		for _, banned := range []string{"<script", "src=", "href=", "http:", "https:", "@import", "url("} {
			assert.False(t, strings.Contains(page, banned), "%s: %s", name, banned)
		}
		assert.True(t, strings.Contains(page, `<html lang="`+htmlLang[name]+`">`), name)
		assert.True(t, strings.Contains(page, "@media print"), name)
	}
}

// tags strips the markup, leaving what a reader reads.
var tags = regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]*>`)

func TestNoEnglishInOtherLanguages(t *testing.T) {
	l := programme(t)
	english := []string{"waiting", "matched", " days", "interval from", "Early closure", "Positive at", "Positive result", "lost to follow-up",
		"of which", "Whole pool", "Group ", "not given", "other groups", "Mentee applications", "proposal", "Results", " same ", "weekly", "left out", "speaks", "lives", "blocked"}
	en := tags.ReplaceAllString(render(t, l, options(l, language.English)), " ")
	for _, s := range []string{"waiting", "Whole pool", "lost to follow-up"} {
		require.Contains(t, en, s, "the list is of words the English page has")
	}
	for _, name := range []string{"fr", "nl", "de"} {
		text := tags.ReplaceAllString(render(t, l, options(l, langs[name])), " ")
		for _, s := range english {
			assert.False(t, strings.Contains(text, s), "%s: %q", name, s)
		}
	}
}

// figureAttrs reads the key figures' numbers the page carries.
var figureAttrs = regexp.MustCompile(`<div data-figure="([a-z0-9_]+)" data-count="(-?\d+)" data-total="(\d+)">`)

func TestFiguresAgainstTheLedger(t *testing.T) {
	l := programme(t)
	f := l.Indicators(from, to, nil).Overall
	want := map[string][2]int{
		"mentee_applications":    {f.MenteeApplications, 0},
		"mentor_applications":    {f.MentorApplications, 0},
		"ineligible":             {f.Ineligible, 0},
		"matched_within_30_days": {f.MatchedWithin30Days.Count, f.MatchedWithin30Days.Total},
		"days_to_match":          {f.DaysToMatch.Matched, f.DaysToMatch.Applications},
		"first_meeting_failed":   {f.FirstMeetingFailed.Count, f.FirstMeetingFailed.Total},
		"successful_ending":      {f.SuccessfulEnding.Count, f.SuccessfulEnding.Total},
		"early_closure":          {f.EarlyClosure.Count, f.EarlyClosure.Total},
		"positive_at_end":        {f.AtEnd.Positive.Count, f.AtEnd.Positive.Total},
		"positive_at_12_months":  {f.At12Months.Positive.Count, f.At12Months.Positive.Total},
	}
	page := render(t, l, options(l, language.English))
	got := map[string][2]int{}
	for _, m := range figureAttrs.FindAllStringSubmatch(page, -1) {
		c, _ := strconv.Atoi(m[2])
		n, _ := strconv.Atoi(m[3])
		got[m[1]] = [2]int{c, n}
	}
	assert.Equal(t, want, got)
	require.Positive(t, f.MatchedWithin30Days.Total)
	require.Positive(t, f.At12Months.Positive.Total, "the programme reaches its 12-month follow-ups")
}

func TestNoEquitySection(t *testing.T) {
	l := programme(t)
	page := render(t, l, report.Options{})
	assert.False(t, strings.Contains(page, `id="equity"`))
	assert.True(t, strings.Contains(page, `<html lang="en">`), "the zero Tag is English")
}

// A period of more than 48 months is drawn year by year.
func TestLongPeriodByYear(t *testing.T) {
	l := programme(t)
	var b bytes.Buffer
	require.NoError(t, report.Write(&b, l, profile.MustDate(2025, 1, 1), profile.MustDate(2029, 12, 31), report.Options{}))
	page := b.String()
	for _, y := range []string{"2025", "2026", "2027", "2028", "2029"} {
		assert.True(t, strings.Contains(page, `text-anchor="middle">`+y+`</text>`), y)
	}
	assert.False(t, strings.Contains(page, `>01/26</text>`))
	assert.Equal(t, 10, strings.Count(page, `<rect class="applications"`)+strings.Count(page, `<rect class="duos"`))
}
