package ledger

import (
	"cmp"
	"math"
	"slices"

	"github.com/duomatch/duo/match/ledger/stat"
	"github.com/duomatch/duo/profile"
)

// DefaultMinCell is the default of [EquityOptions].MinCell: statistical
// offices publish no figure about fewer than 5 people.
const DefaultMinCell = 5

// The group names that [Ledger.Equity] and [Ledger.Indicators] give
// themselves: a person whose grouping gives "" is in NoGroup; groups too
// small to show are merged into OtherGroup. A programme's own group codes
// must differ from them.
const (
	NoGroup    = "(none)"
	OtherGroup = "(other)"
)

// EquityOptions are the settings of [Ledger.Equity]. The zero value means
// the defaults.
type EquityOptions struct {
	// MinCell is the fewest people a figure may count: a group whose
	// figures count fewer people is merged with the other small groups
	// into [OtherGroup] (and suppressed when that is still too small),
	// and a figure whose denominator is under it is suppressed. 0 means
	// [DefaultMinCell]; profile.Off (-1) switches suppression off.
	MinCell int `json:"min_cell,omitempty"`
}

// Grouping splits the people of a programme into groups that the
// programme chooses: gender, age band, region or province (from the
// profiles and a gazetteer), employment agency, country or region of
// origin, referral partner ([Ledger.Referrals]), or the mentor's sector
// (ByMentor)… Of gives the group code of a person by ID; figures about
// mentees and duos use the mentee's, unless ByMentor.
// The ledger knows no personal data: the service builds Of from its
// profiles.
type Grouping struct {
	// Name is the grouping's code, such as "gender" or "referral".
	Name string `json:"name"`
	// Of returns the group of a person; "" puts them in [NoGroup].
	Of func(id string) string `json:"-"`
	// ByMentor groups by the mentor (their sector, say): the figures of
	// duos (first meetings, early closures, results) go to the group of
	// the duo's mentor, groups count mentors, and the figures of mentees
	// waiting (matched within 30 days, time to match) are left empty.
	// false: by the mentee.
	ByMentor bool `json:"by_mentor,omitempty"`
}

// Equity is who gets matched, and how fast, by group: for each grouping,
// each group's figures with a test of their difference from the rest of
// the pool.
type Equity struct {
	From profile.Date `json:"from"`
	To   profile.Date `json:"to"`
	// MinCell is the threshold applied; 0 when suppression is off.
	MinCell int `json:"min_cell"`
	// People is how many mentees the figures count.
	People int `json:"people"`
	// Overall are the figures of everyone (never suppressed: they are the
	// period's indicators), with no test.
	Overall   EquityFigures    `json:"overall"`
	Groupings []EquityGrouping `json:"groupings"`
}

// EquityGrouping is the groups of one [Grouping].
type EquityGrouping struct {
	Name string `json:"name"`
	// ByMentor is the grouping's: groups of mentors.
	ByMentor bool `json:"by_mentor,omitempty"`
	// People is how many people the grouping's figures count: mentees, or
	// mentors when ByMentor.
	People int `json:"people"`
	// Groups are sorted by name.
	Groups []EquityGroup `json:"groups"`
	// Merged names the groups that counted fewer than MinCell people and
	// were merged into [OtherGroup], sorted; never null in JSON.
	Merged []string `json:"merged"`
}

// EquityGroup is the figures of one group.
type EquityGroup struct {
	Name string `json:"name"`
	// People is how many mentees the group's figures count (mentors, for
	// a grouping ByMentor); 0 when the group is suppressed, or when
	// PeopleSuppressed. A group with no mentee
	// in the period (mentors only) is left out.
	People int `json:"people"`
	// PeopleSuppressed: People is hidden (0) because the group is the
	// smallest beside the one suppressed group of its grouping, whose size
	// it would give away by subtraction from the whole pool's.
	PeopleSuppressed bool `json:"people_suppressed,omitempty"`
	// Suppressed: the group counts fewer than MinCell people even after
	// merging; none of its figures is shown.
	Suppressed bool          `json:"suppressed"`
	Figures    EquityFigures `json:"figures"`
}

// EquityFigures are the figures of the equity report, each with its
// interval, as [Figures] defines them: the share matched within 30 days,
// the time to match, the share of first meetings that failed, of endings
// that were early closures, and of known results that were positive at
// the end of the mentorship and at 12 months.
type EquityFigures struct {
	MatchedWithin30Days Compared `json:"matched_within_30_days"`
	DaysToMatch         Waiting  `json:"days_to_match"`
	FirstMeetingFailed  Compared `json:"first_meeting_failed"`
	EarlyClosure        Compared `json:"early_closure"`
	PositiveAtEnd       Compared `json:"positive_at_end"`
	PositiveAt12Months  Compared `json:"positive_at_12_months"`
}

// Compared is a group's proportion and the test of its difference from
// the rest of the pool.
type Compared struct {
	Proportion
	// P is the two-sided p-value of Fisher's exact test ([stat.Fisher]) of
	// the group's proportion against that of the rest of the pool; null
	// for the overall figures, when suppressed, or when the group or the
	// rest counts nobody.
	P *float64 `json:"p"`
	// Suppressed: the figure is not shown (its numbers are 0), because its
	// denominator is under MinCell or because, another group's figure
	// being suppressed, it would give that one away.
	Suppressed bool `json:"suppressed"`
}

// Waiting is a group's time to match: the Kaplan–Meier estimate of
// [Figures].DaysToMatch with an interval for its median, and the log-rank
// test of its difference from the rest of the pool.
type Waiting struct {
	Applications int `json:"applications"`
	Matched      int `json:"matched"`
	// MedianDays is the Kaplan–Meier median; MedianLow and MedianHigh its
	// 95 % interval (Brookmeyer–Crowley, from the log-log pointwise
	// interval of the curve with Greenwood's variance): the first days on
	// which the curve's lower and upper bounds reach 0.5. A null bound is
	// not reached in the data: the median is longer than what was seen.
	MedianDays *int `json:"median_days"`
	MedianLow  *int `json:"median_low"`
	MedianHigh *int `json:"median_high"`
	// Curve is the Kaplan–Meier curve (see [Survival]).
	Curve []Point `json:"curve"`
	// P is the p-value of the log-rank test ([stat.LogRank]) of the
	// group's times against the rest of the pool's; null for the overall
	// figures, when suppressed, or when either side is empty.
	P          *float64 `json:"p"`
	Suppressed bool     `json:"suppressed"`
}

// Equity returns the equity report of the period from to to (both days
// included), from the events dated on or before to, for each grouping in
// the order given. Each figure counts the population [Ledger.Indicators]
// documents; a group's figure is compared with the same figure of the
// rest of the pool (everyone of the period not in the group): Fisher's
// exact test for proportions, exact however small the group, and the
// log-rank test for the time to match, which takes the censoring of
// people still waiting or gone into account.
//
// Small cells: a group whose figures count fewer than opt.MinCell people
// is merged with the grouping's other small groups into [OtherGroup]
// (listed in Merged); a merged group still under the threshold is
// suppressed. A figure whose denominator is under the threshold, but not
// 0, is suppressed; when that leaves exactly one group's figure hidden in a
// grouping and it counts someone, the shown figure of the smallest other
// group (the first by name among equals) is suppressed too, so that the
// overall figure cannot give it away by subtraction. A p-value is
// computed before suppression, from everyone's figures, and hidden with
// its figure.
// The p-values are no guard against many comparisons: with six figures
// in many groups, some p-values under 0.05 come by chance.
//
// Cost: O(groupings · (events + applications·log(applications))) plus
// two calls of each Of per person counted.
func (l *Ledger) Equity(from, to profile.Date, opt EquityOptions, groupings ...Grouping) Equity {
	minCell := opt.MinCell
	switch {
	case minCell == 0:
		minCell = DefaultMinCell
	case minCell < 0:
		minCell = 0
	}
	all, _ := l.tallies(from, to, nil, MenteeSide)
	out := Equity{From: from, To: to, MinCell: minCell, People: len(all.people), Overall: all.equityFigures(), Groupings: []EquityGrouping{}}
	for _, g := range groupings {
		out.Groupings = append(out.Groupings, l.equityGrouping(from, to, minCell, g, all))
	}
	return out
}

func (l *Ledger) equityGrouping(from, to profile.Date, minCell int, g Grouping, all *tally) EquityGrouping {
	by := MenteeSide
	if g.ByMentor {
		by = MentorSide
	}
	of := func(id string) string {
		if g.Of == nil {
			return ""
		}
		return g.Of(id)
	}
	whole, groups := l.tallies(from, to, of, by)
	small := map[string]bool{}
	for name, t := range groups {
		if len(t.people) == 0 {
			continue // mentors only: no figure of the report is about them
		}
		if len(t.people) < minCell {
			small[name] = true
		}
	}
	out := EquityGrouping{Name: g.Name, ByMentor: g.ByMentor, People: len(whole.people), Groups: []EquityGroup{}, Merged: []string{}}
	if len(small) > 0 {
		for name := range small {
			out.Merged = append(out.Merged, name)
		}
		slices.Sort(out.Merged)
		_, groups = l.tallies(from, to, func(id string) string {
			name := of(id)
			if name == "" {
				name = NoGroup
			}
			if small[name] {
				return OtherGroup
			}
			return name
		}, by)
	}
	for name, t := range groups {
		if len(t.people) == 0 {
			continue
		}
		out.Groups = append(out.Groups, EquityGroup{Name: name, People: len(t.people), Figures: t.compared(all, groups)})
	}
	slices.SortFunc(out.Groups, func(a, b EquityGroup) int { return cmp.Compare(a.Name, b.Name) })
	if minCell > 0 {
		suppress(out.Groups, minCell)
	}
	return out
}

// equityFigures are the figures of the whole pool, with no test.
func (t *tally) equityFigures() EquityFigures {
	f := t.figures()
	return EquityFigures{
		MatchedWithin30Days: Compared{Proportion: f.MatchedWithin30Days},
		DaysToMatch:         waiting(f.DaysToMatch),
		FirstMeetingFailed:  Compared{Proportion: f.FirstMeetingFailed},
		EarlyClosure:        Compared{Proportion: f.EarlyClosure},
		PositiveAtEnd:       Compared{Proportion: f.AtEnd.Positive},
		PositiveAt12Months:  Compared{Proportion: f.At12Months.Positive},
	}
}

// compared are the group's figures, each tested against the rest of the
// pool (all less the group).
func (t *tally) compared(all *tally, groups map[string]*tally) EquityFigures {
	f := t.equityFigures()
	test := func(c *Compared, group, whole counter) {
		rest := counter{count: whole.count - group.count, total: whole.total - group.total}
		if group.total > 0 && rest.total > 0 {
			p := stat.Fisher(group.count, group.total-group.count, rest.count, rest.total-rest.count)
			c.P = &p
		}
	}
	test(&f.MatchedWithin30Days, t.matched30, all.matched30)
	test(&f.FirstMeetingFailed, t.failed, all.failed)
	test(&f.EarlyClosure, t.early, all.early)
	test(&f.PositiveAtEnd, t.atEnd.positive, all.atEnd.positive)
	test(&f.PositiveAt12Months, t.at12.positive, all.at12.positive)

	w := &f.DaysToMatch
	var rest []stat.Obs
	for _, o := range groups {
		if o != t {
			rest = append(rest, o.km...)
		}
	}
	if len(t.km) > 0 && len(rest) > 0 {
		_, p := stat.LogRank(t.km, rest)
		w.P = &p
	}
	return f
}

func (c *Compared) suppress() { *c = Compared{Suppressed: true} }

func (w *Waiting) suppress() { *w = Waiting{Curve: []Point{}, Suppressed: true} }

// cell is one figure of a group, for suppression.
type cell interface {
	denominator() int
	suppress()
}

func (c *Compared) denominator() int { return c.Total }
func (w *Waiting) denominator() int  { return w.Applications }

func (f *EquityFigures) cells() []cell {
	return []cell{&f.MatchedWithin30Days, &f.DaysToMatch, &f.FirstMeetingFailed, &f.EarlyClosure, &f.PositiveAtEnd, &f.PositiveAt12Months}
}

// suppress hides what could expose people: the groups that count fewer
// than minCell people, the figures that count someone but fewer than
// minCell (a figure of nobody shows that, which exposes no one),
// and, for each figure, when exactly one group's hidden figure counts
// someone, the shown figure of the smallest other group, since the
// overall figure less the others would give it away; the same for the
// number of mentees of a lone suppressed group.
func suppress(groups []EquityGroup, minCell int) {
	n := len((&EquityFigures{}).cells())
	for k := 0; k < n; k++ {
		hidden, smallest := 0, -1
		var hide []cell
		for i := range groups {
			c := groups[i].Figures.cells()[k]
			d := c.denominator()
			switch {
			case groups[i].People < minCell || (d > 0 && d < minCell):
				hide = append(hide, c)
				if d > 0 {
					hidden++
				}
			case smallest < 0 || d < groups[smallest].Figures.cells()[k].denominator():
				smallest = i
			}
		}
		if hidden == 1 && smallest >= 0 {
			hide = append(hide, groups[smallest].Figures.cells()[k])
		}
		for _, c := range hide {
			c.suppress()
		}
	}
	// The size of a lone suppressed group is the overall less the others.
	hidden, smallest := 0, -1
	for i, g := range groups {
		switch {
		case g.People < minCell:
			hidden++
		case smallest < 0 || g.People < groups[smallest].People:
			smallest = i
		}
	}
	if hidden == 1 && smallest >= 0 {
		groups[smallest].People, groups[smallest].PeopleSuppressed = 0, true
	}
	for i := range groups {
		if groups[i].People < minCell && !groups[i].PeopleSuppressed {
			groups[i].People, groups[i].Suppressed = 0, true
		}
	}
}

// waiting is a Kaplan–Meier estimate with its median's interval.
func waiting(sv Survival) Waiting {
	w := Waiting{Applications: sv.Applications, Matched: sv.Matched, MedianDays: sv.MedianDays, Curve: sv.Curve}
	w.MedianLow, w.MedianHigh = medianInterval(sv.Curve)
	return w
}

// medianInterval returns the 95 % interval of a Kaplan–Meier median
// (Brookmeyer and Crowley): from the first day the curve's pointwise
// lower bound is 0.5 or less, to the first day its upper bound is. The
// pointwise interval is the log-log one, S^exp(±z·se) with
// se = √(Σ d/(n(n−d))) / |log S| (Greenwood); where the curve reaches 0
// both bounds are 0. Cost: O(len(curve)).
func medianInterval(curve []Point) (low, high *int) {
	greenwood := 0.0
	for _, p := range curve {
		lower, upper := 0.0, 0.0
		if p.AtRisk > p.Matched && p.Waiting > 0 {
			greenwood += float64(p.Matched) / float64(p.AtRisk*(p.AtRisk-p.Matched))
			se := math.Sqrt(greenwood) / math.Abs(math.Log(p.Waiting))
			lower = math.Pow(p.Waiting, math.Exp(z95*se))
			upper = math.Pow(p.Waiting, math.Exp(-z95*se))
		}
		day := p.Day
		if low == nil && lower <= 0.5 {
			low = &day
		}
		if high == nil && upper <= 0.5 {
			high = &day
		}
	}
	return low, high
}
