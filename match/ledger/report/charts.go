package report

import (
	"fmt"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// The charts are drawn in SVG user units on a 640 × 240 canvas, scaled
// to the page's width.
const (
	chartW, chartH         = 640.0, 240.0
	padL, padR, padT, padB = 64.0, 12.0, 12.0, 36.0
	plotW, plotH           = chartW - padL - padR, chartH - padT - padB
	maxBuckets             = 48 // months shown one by one; beyond, years
)

// rect is a bar or a part of one, with its tooltip.
type rect struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

// label is a text at a point.
type label struct {
	X, Y float64
	Text string
}

// tick is a horizontal grid line at Y with its label.
type tick struct {
	Y     float64
	Label string
}

// barChart is the applications and the duos started per month.
type barChart struct {
	Bars    []rect
	XLabels []label
	YTicks  []tick
}

// bucket is one bar group: its label and figures.
type bucket struct {
	label              string
	applications, duos int
}

// monthsChart draws the mentee applications and the duos started in each
// month of the period ([ledger.Ledger.Months]; in each year, past
// maxBuckets months).
func monthsChart(l *ledger.Ledger, from, to profile.Date, w words) barChart {
	var bs []bucket
	months := l.Months(from, to)
	for _, m := range months {
		name := fmt.Sprintf("%02d/%02d", int(m.From.Month()), m.From.Year()%100)
		if len(months) > maxBuckets {
			name = fmt.Sprint(m.From.Year())
			if n := len(bs); n > 0 && bs[n-1].label == name {
				bs[n-1].applications += m.MenteeApplications
				bs[n-1].duos += m.Started
				continue
			}
		}
		bs = append(bs, bucket{name, m.MenteeApplications, m.Started})
	}
	top := 1
	for _, b := range bs {
		top = max(top, b.applications, b.duos)
	}
	top, ticks := niceTop(top)
	c := barChart{}
	for i := 0; i <= ticks; i++ {
		v := top * i / ticks
		c.YTicks = append(c.YTicks, tick{Y: padT + plotH - plotH*float64(v)/float64(top), Label: w.s("count", v)})
	}
	slot := plotW / float64(len(bs))
	bar := slot * 0.4
	every := 1 + len(bs)/12 // at most about 12 labels
	for i, b := range bs {
		x := padL + slot*float64(i) + slot*0.1
		for k, n := range []int{b.applications, b.duos} {
			h := plotH * float64(n) / float64(top)
			class, title := "applications", w.s("legend.applications")
			if k == 1 {
				class, title = "duos", w.s("legend.started")
			}
			c.Bars = append(c.Bars, rect{X: x + bar*float64(k), Y: padT + plotH - h, W: bar, H: h, Class: class,
				Title: b.label + " · " + title + ": " + w.s("count", n)})
		}
		if i%every == 0 {
			c.XLabels = append(c.XLabels, label{X: x + bar, Y: chartH - padB + 16, Text: b.label})
		}
	}
	return c
}

// niceTop returns a round top for an axis that must show top, and the
// number of ticks (4, or fewer for tiny counts).
func niceTop(top int) (int, int) {
	if top <= 4 {
		return top, top
	}
	step := 1
	for _, s := range []int{1, 2, 5} {
		for mult := 1; ; mult *= 10 {
			if s*mult*4 >= top {
				if step == 1 || s*mult < step {
					step = s * mult
				}
				break
			}
		}
	}
	return step * 4, 4
}

// curveChart is the Kaplan–Meier curve of the time to a first proposal,
// drawn as the share proposed a mentor (1 − the share still waiting).
type curveChart struct {
	Path    string
	Mark30  float64 // the x of day 30
	XLabels []label
	YTicks  []tick
	Empty   bool
}

func waitChart(sv ledger.Survival, w words) curveChart {
	c := curveChart{Empty: len(sv.Curve) == 0}
	last := 90
	if n := len(sv.Curve); n > 0 {
		last = max(last, sv.Curve[n-1].Day+10)
	}
	x := func(day int) float64 { return padL + plotW*float64(day)/float64(last) }
	y := func(share float64) float64 { return padT + plotH - plotH*share }
	path := fmt.Sprintf("M%.1f %.1f", x(0), y(0))
	for _, p := range sv.Curve {
		path += fmt.Sprintf(" H%.1f V%.1f", x(p.Day), y(1-p.Waiting))
	}
	c.Path = path + fmt.Sprintf(" H%.1f", x(last))
	c.Mark30 = x(profile.MatchWithinDays)
	for _, q := range []int{0, 25, 50, 75, 100} {
		c.YTicks = append(c.YTicks, tick{Y: y(float64(q) / 100), Label: w.pct(float64(q) / 100)})
	}
	stepDays := 30
	for last/stepDays > 8 {
		stepDays *= 2
	}
	for d := 0; d <= last; d += stepDays {
		c.XLabels = append(c.XLabels, label{X: x(d), Y: chartH - padB + 16, Text: fmt.Sprint(d)})
	}
	return c
}

// resultChart is the results at the end and at 12 months, each a bar of
// the duos that reached the point: a job, a training or an internship,
// another known result, lost to follow-up.
type resultChart struct {
	Bars   []rect
	Labels []label
}

func resultsChart(atEnd, at12 ledger.Results, w words) resultChart {
	var c resultChart
	for i, r := range []ledger.Results{atEnd, at12} {
		name := w.s("bar.at_end")
		if i == 1 {
			name = w.s("bar.at_12_months")
		}
		y := 20 + float64(i)*60
		c.Labels = append(c.Labels, label{X: 0, Y: y + 22, Text: name})
		if r.Reached == 0 {
			continue
		}
		parts := []struct {
			n     int
			class string
			key   string
		}{
			{r.Job.Count, "job", "legend.job"},
			{r.TrainingOrInternship.Count, "training", "legend.training"},
			{r.Positive.Total - r.Positive.Count, "other", "legend.other"},
			{r.LostToFollowUp.Count, "lost", "legend.lost"},
		}
		x := 130.0
		for _, p := range parts {
			width := 490 * float64(p.n) / float64(r.Reached)
			c.Bars = append(c.Bars, rect{X: x, Y: y, W: width, H: 34, Class: p.class, Title: name + " · " + w.s(p.key) + ": " + w.s("count", p.n)})
			x += width
		}
	}
	return c
}
