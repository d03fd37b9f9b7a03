package report

import (
	"bytes"
	_ "embed"
	"html/template"
	"io"
	"math"
	"strings"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// Options are the settings of [Write]. The zero value means the defaults.
type Options struct {
	// Lang is the language of the page; the zero Tag means English. Any
	// tag is matched to English, French, Dutch or German.
	Lang language.Tag
	// Title is the programme's name, shown above the report's title; ""
	// shows none.
	Title string
	// Groupings are the groups of the equity report, in the order shown
	// (see [ledger.Grouping]); nil leaves the equity section out. A
	// grouping named gender, age_band, region, province, municipality,
	// agency, origin, referral or sector (the mentor's, for a grouping
	// ByMentor) is titled in the page's language; another name is shown
	// as it is.
	Groupings []ledger.Grouping
	// Equity sets the equity report's suppression of small cells (see
	// [ledger.EquityOptions]; default 5).
	Equity ledger.EquityOptions
	// GroupName returns the name to show for a group's code in a grouping
	// (a province's name for its code, say), in lang; nil, or "", shows
	// the code. The groups the ledger names itself ([ledger.NoGroup],
	// [ledger.OtherGroup]) are worded by the report.
	GroupName func(grouping, group string, lang language.Tag) string
}

// Write writes the report of the period from to to (both days included)
// as one HTML page to w. It reads the ledger's indicators for the period,
// its months ([ledger.Ledger.Months], drawn by year for a period of more
// than 48 months), and, when opt.Groupings is not nil, its equity report.
//
// Cost: O((groupings + 1) · events) for the ledger's figures, then linear
// in the figures. It returns w's error only.
func Write(w io.Writer, l *ledger.Ledger, from, to profile.Date, opt Options) error {
	p := build(l, from, to, opt)
	var b bytes.Buffer
	if err := page.Execute(&b, p); err != nil {
		return err // a bug of the template: the data always fits it
	}
	_, err := w.Write(b.Bytes())
	return err
}

//go:embed report.html
var pageHTML string

var page = template.Must(template.New("report").Parse(pageHTML))

// view is what the template shows: every word already rendered.
type view struct {
	Lang     string
	Name     string
	W        map[string]string
	Figures  []figure
	Months   barChart
	Wait     curveChart
	Results  resultChart
	Reached  []string
	Equity   []table
	Notes    []string
	Defs     []string
	HasGroup bool
}

// figure is one line of the key figures: its code (the JSON name of the
// ledger's figure), label, words, and the numbers behind them for
// machines (count and total, or days).
type figure struct {
	Code, Label, Value string
	Count, Total       int
}

// words renders the report's messages in one language.
type words struct{ lang language.Tag }

func (w words) s(key string, args ...any) string { return catalog.Sprintf(w.lang, key, args...) }

func (w words) pct(rate float64) string { return w.s("pct", int(math.Round(rate*100))) }

// share words a proportion: its rate, count and total, and interval.
func (w words) share(p ledger.Proportion) string {
	if p.Total == 0 {
		return w.s("none_counted")
	}
	return w.s("share", w.pct(p.Rate), p.Count, p.Total, w.pct(p.Low), w.pct(p.High))
}

// shortShare words a proportion for a table cell: rate and interval.
func (w words) shortShare(p ledger.Proportion) string {
	if p.Total == 0 {
		return "·"
	}
	return w.s("share.short", w.pct(p.Rate), w.pct(p.Low), w.pct(p.High))
}

func (w words) days(n *int) string {
	if n == nil {
		return w.s("open_end")
	}
	return w.s("days", *n)
}

// median words a time to match: the median and its interval.
func (w words) median(wt ledger.Waiting) string {
	if wt.MedianDays == nil {
		return w.s("median.none", wt.Matched, wt.Applications)
	}
	return w.s("median", *wt.MedianDays, w.days(wt.MedianLow), w.days(wt.MedianHigh))
}

func (w words) p(p *float64) string {
	switch {
	case p == nil:
		return ""
	case *p < 0.001:
		return w.s("p.small")
	}
	return w.s("p", *p)
}

func (w words) date(d profile.Date) string {
	return i18n.LongDate(w.lang, d.Year(), d.Month(), d.Day())
}

var staticKeys = []string{
	"title", "h.figures", "h.months", "h.wait", "h.results", "h.equity", "h.definitions",
	"legend.applications", "legend.started", "axis.days", "axis.share", "wait.caption",
	"legend.job", "legend.training", "legend.other", "legend.lost", "bar.at_end", "bar.at_12_months",
	"col.group", "col.matched", "col.median", "col.failed", "col.early", "col.positive_end", "col.positive_12",
	"row.overall", "note.tests",
}

func build(l *ledger.Ledger, from, to profile.Date, opt Options) view {
	lang := i18n.Match(opt.Lang)
	w := words{lang}
	v := view{Lang: lang.String(), Name: opt.Title, W: map[string]string{}}
	for _, k := range staticKeys {
		v.W[k] = w.s(k)
	}
	v.W["period"] = w.s("period", w.date(from), w.date(to))
	v.W["source"] = w.s("source", w.date(to))

	in := l.Indicators(from, to, nil)
	f := in.Overall
	eq := l.Equity(from, to, opt.Equity, opt.Groupings...)
	o := eq.Overall
	v.Figures = []figure{
		{Code: "mentee_applications", Label: w.s("fig.mentee_applications"), Count: f.MenteeApplications},
		{Code: "mentor_applications", Label: w.s("fig.mentor_applications"), Count: f.MentorApplications},
		{Code: "ineligible", Label: w.s("fig.ineligible"), Count: f.Ineligible},
		{Code: "matched_within_30_days", Label: w.s("fig.matched_within_30_days"), Value: w.share(f.MatchedWithin30Days), Count: f.MatchedWithin30Days.Count, Total: f.MatchedWithin30Days.Total},
		{Code: "days_to_match", Label: w.s("fig.days_to_match"), Value: w.median(o.DaysToMatch), Count: o.DaysToMatch.Matched, Total: o.DaysToMatch.Applications},
		{Code: "first_meeting_failed", Label: w.s("fig.first_meeting_failed"), Value: w.share(f.FirstMeetingFailed), Count: f.FirstMeetingFailed.Count, Total: f.FirstMeetingFailed.Total},
		{Code: "successful_ending", Label: w.s("fig.successful_ending"), Value: w.share(f.SuccessfulEnding), Count: f.SuccessfulEnding.Count, Total: f.SuccessfulEnding.Total},
		{Code: "early_closure", Label: w.s("fig.early_closure"), Value: w.share(f.EarlyClosure), Count: f.EarlyClosure.Count, Total: f.EarlyClosure.Total},
		{Code: "positive_at_end", Label: w.s("fig.positive_at_end"), Value: w.results(f.AtEnd), Count: f.AtEnd.Positive.Count, Total: f.AtEnd.Positive.Total},
		{Code: "positive_at_12_months", Label: w.s("fig.positive_at_12_months"), Value: w.results(f.At12Months), Count: f.At12Months.Positive.Count, Total: f.At12Months.Positive.Total},
	}
	for i := range v.Figures[:3] {
		v.Figures[i].Value = w.s("count", v.Figures[i].Count)
	}
	v.Months = monthsChart(l, from, to, w)
	v.Wait = waitChart(f.DaysToMatch, w)
	v.Results = resultsChart(f.AtEnd, f.At12Months, w)
	v.Reached = []string{
		w.s("reached", w.s("bar.at_end"), f.AtEnd.Reached, f.AtEnd.LostToFollowUp.Count),
		w.s("reached", w.s("bar.at_12_months"), f.At12Months.Reached, f.At12Months.LostToFollowUp.Count),
	}
	if len(opt.Groupings) > 0 {
		v.HasGroup = true
		v.Equity = tables(eq, opt, w)
		if eq.MinCell > 0 {
			v.Notes = append(v.Notes, w.s("note.suppressed", eq.MinCell))
		} else {
			v.Notes = append(v.Notes, w.s("note.off"))
		}
	}
	v.Defs = []string{w.s("def.matched"), w.s("def.endings"), w.s("def.results"), w.s("def.ineligible")}
	return v
}

// results words a point's positive results, with the job and the
// training or internship shares.
func (w words) results(r ledger.Results) string {
	if r.Positive.Total == 0 {
		return w.s("none_counted")
	}
	return w.share(r.Positive) + ", " + w.s("of_which", w.pct(r.Job.Rate), w.pct(r.TrainingOrInternship.Rate))
}

// groupings are the groupings' codes the catalog words.
var groupings = map[string]bool{"gender": true, "age_band": true, "region": true, "province": true,
	"municipality": true, "agency": true, "origin": true, "referral": true, "sector": true}

// groupingName words a grouping's code.
func (w words) groupingName(code string) string {
	if groupings[code] {
		return w.s("grouping." + code)
	}
	return code
}

// groupName words a group's code.
func groupName(grouping, code string, opt Options, w words) string {
	switch code {
	case ledger.NoGroup:
		return w.s("group.none")
	case ledger.OtherGroup:
		return w.s("group.other")
	}
	if opt.GroupName != nil {
		if s := opt.GroupName(grouping, code, w.lang); s != "" {
			return s
		}
	}
	return code
}

// joinNames lists names for a sentence.
func joinNames(names []string) string { return strings.Join(names, ", ") }
