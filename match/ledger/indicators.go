package ledger

import (
	"cmp"
	"math"
	"slices"

	"github.com/duomatch/duo/match/ledger/stat"
	"github.com/duomatch/duo/profile"
)

// Indicators are the figures of a period, overall and by group. See the
// package documentation for the population each figure counts.
type Indicators struct {
	From    profile.Date `json:"from"`
	To      profile.Date `json:"to"`
	Overall Figures      `json:"overall"`
	// Groups are the figures of each group the caller's function gives,
	// sorted by name; one group "all" when it is nil.
	Groups []Group `json:"groups"`
}

// Group is the figures of one group.
type Group struct {
	Name    string  `json:"name"`
	Figures Figures `json:"figures"`
}

// Figures are the indicators of one population. Maps are never null in
// JSON and list only the codes that occur.
type Figures struct {
	// MenteeApplications and MentorApplications count the applied events
	// dated in the period (a re-application counts again).
	MenteeApplications int `json:"mentee_applications"`
	MentorApplications int `json:"mentor_applications"`
	// Ineligible counts the applications of the period, mentees' and
	// mentors', closed by an [Ineligible] event by the period's end. They
	// could never be matched: the mentees' are left out of
	// MatchedWithin30Days, TooRecent and DaysToMatch.
	Ineligible int `json:"ineligible"`
	// MatchedWithin30Days: among the mentee applications dated in the
	// period at least 30 days before its end, not ineligible, the share whose first
	// proposal came within 30 days (a withdrawal before counts as not
	// matched).
	MatchedWithin30Days Proportion `json:"matched_within_30_days"`
	// TooRecent counts the eligible mentee applications of the period left out of
	// MatchedWithin30Days because their 30 days were not over at its end.
	TooRecent int `json:"too_recent"`
	// DaysToMatch is the Kaplan–Meier estimate of the days from a mentee
	// application of the period, not ineligible, to its first proposal.
	DaysToMatch Survival `json:"days_to_match"`
	// FirstMeetingFailed: among the first meetings recorded in the period,
	// the share that failed.
	FirstMeetingFailed Proportion `json:"first_meeting_failed"`
	// Endings counts the duos that ended in the period by the reason of
	// their ended event.
	Endings map[string]int `json:"endings"`
	// SuccessfulEnding: among the duos that ended in the period, the share
	// that ended because the mentee found a job, a training or an
	// internship ([SuccessfulEnding]), however soon.
	SuccessfulEnding Proportion `json:"successful_ending"`
	// EarlyClosure: among the duos that ended in the period, the share
	// that closed early ([EarlyClosure]: before [DuoDays] days, for
	// mentee_left, mentor_left, mismatch or other); EarlyClosureReasons
	// counts those by reason. A successful ending is never an early
	// closure.
	EarlyClosure        Proportion     `json:"early_closure"`
	EarlyClosureReasons map[string]int `json:"early_closure_reasons"`
	// AtEnd is the result at the end of the mentorship, of the duos whose
	// end point ([DuoDays] after the first meeting, or the ending when it
	// came sooner) fell in the period; At12Months the result at the
	// 12-month follow-up ([FollowUpDays] after the first meeting), of the
	// duos whose follow-up fell in the period. See [Results] and the
	// package documentation for the windows.
	AtEnd      Results `json:"at_end"`
	At12Months Results `json:"at_12_months"`
	// SecondMentee: among the mentors with a duo started in the period, the
	// share who have started at least two duos by its end.
	SecondMentee Proportion `json:"second_mentee"`
}

// Proportion is Count out of Total, with the rate and its 95 % Wilson
// score interval [Low, High]. When Total is 0, Rate, Low and High are 0:
// read Total first.
type Proportion struct {
	Count int     `json:"count"`
	Total int     `json:"total"`
	Rate  float64 `json:"rate"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
}

// Survival is a Kaplan–Meier estimate of the time to an event with
// right-censoring.
type Survival struct {
	// Applications is the population, Matched those whose event (a
	// proposal) is recorded by the period's end, Censored the others: still
	// waiting at the end (censored on its last day) or withdrawn before a
	// proposal (censored on the day they left).
	Applications int `json:"applications"`
	Matched      int `json:"matched"`
	Censored     int `json:"censored"`
	// MedianDays is the smallest day on which the estimated share still
	// waiting is 0.5 or less; null when the curve stays above 0.5.
	MedianDays *int `json:"median_days"`
	// Curve has one point per day on which someone was matched.
	Curve []Point `json:"curve"`
}

// Point is a step of a Kaplan–Meier curve: on day Day after applying,
// AtRisk applications were still waiting and uncensored, Matched of them
// were matched that day, and the estimated share still waiting after it
// is Waiting.
type Point struct {
	Day     int     `json:"day"`
	AtRisk  int     `json:"at_risk"`
	Matched int     `json:"matched"`
	Waiting float64 `json:"waiting"`
}

// Indicators returns the indicators of the period from to to, both days
// included, from the events dated on or before to. group, when not nil,
// names the group of a person by ID (city, agency, cohort: the ledger
// knows no personal data); figures about mentees and duos use the
// mentee's group, those about mentors the mentor's; an empty name is
// "(none)". nil puts everyone in one group, "all".
//
// Cost: O(events + applications·log(applications)) plus a call of group
// per person counted.
func (l *Ledger) Indicators(from, to profile.Date, group func(id string) string) Indicators {
	all, groups := l.tallies(from, to, group, "")
	out := Indicators{From: from, To: to, Overall: all.figures(), Groups: []Group{}}
	for name, t := range groups {
		out.Groups = append(out.Groups, Group{Name: name, Figures: t.figures()})
	}
	if group == nil && len(out.Groups) == 0 {
		out.Groups = append(out.Groups, Group{Name: "all", Figures: out.Overall})
	}
	slices.SortFunc(out.Groups, func(a, b Group) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// tallies counts the period's figures overall and by group, as
// [Ledger.Indicators] documents them. by is whose group a duo's figures
// go to, and whom each group's people counts: "" for Indicators (by the
// mentee, no people counted), MenteeSide, or MentorSide (then the
// figures of mentee applications are left out of the groups: they are
// about mentees waiting, not about mentors).
func (l *Ledger) tallies(from, to profile.Date, group func(id string) string, by Side) (*tally, map[string]*tally) {
	s := l.at(to)
	in := func(d profile.Date) bool { return !d.Before(from) && !d.After(to) }
	all := &tally{people: map[string]bool{}}
	groups := map[string]*tally{}
	at := func(id string) [2]*tally {
		name := "all"
		if group != nil {
			if name = group(id); name == "" {
				name = NoGroup
			}
		}
		g := groups[name]
		if g == nil {
			g = &tally{people: map[string]bool{}}
			groups[name] = g
		}
		if p := s.people[id]; by != "" && p != nil && p.side == by {
			g.people[id] = true
			all.people[id] = true
		}
		return [2]*tally{all, g}
	}

	owner := func(d duo) string {
		if by == MentorSide {
			return d.mentor
		}
		return d.mentee
	}
	for _, a := range s.apps {
		if !in(a.on) || (by == MentorSide && a.side == MenteeSide) {
			continue
		}
		for _, t := range at(a.id) {
			if a.ineligible {
				t.f.Ineligible++
			}
			if a.side == MentorSide {
				t.f.MentorApplications++
				continue
			}
			t.f.MenteeApplications++
			if a.ineligible {
				continue
			}
			waited := to.DaysSince(a.on) // censored on the period's last day
			matched := !a.matched.IsZero()
			switch {
			case matched:
				waited = a.matched.DaysSince(a.on)
			case !a.closed.IsZero():
				waited = a.closed.DaysSince(a.on)
			}
			t.km = append(t.km, stat.Obs{Days: waited, Event: matched})
			if to.DaysSince(a.on) < profile.MatchWithinDays {
				t.f.TooRecent++
			} else {
				t.matched30.add(matched && waited <= profile.MatchWithinDays)
			}
		}
	}
	for _, d := range s.duos {
		if d.stage == stProposed || d.stage == stDeclined {
			continue
		}
		if d.stage == stFailed {
			if in(d.closed) {
				for _, t := range at(owner(d)) {
					t.failed.add(true)
				}
			}
			continue
		}
		if in(d.started) {
			for _, t := range at(owner(d)) {
				t.failed.add(false)
			}
			for _, t := range at(d.mentor) {
				if t.mentors == nil {
					t.mentors = map[string]bool{}
				}
				t.mentors[d.mentor] = s.people[d.mentor].started >= 2
			}
		}
		if d.stage == stEnded && in(d.closed) {
			early := EarlyClosure(d.reason, d.closed.DaysSince(d.started))
			success := SuccessfulEnding(d.reason)
			for _, t := range at(owner(d)) {
				t.endings = count(t.endings, d.reason)
				t.early.add(early)
				t.success.add(success)
				if early {
					t.reasons = count(t.reasons, d.reason)
				}
			}
		}
		outs := s.outcomes[d.mentee]
		if e := endPoint(d); in(e) {
			res, ok := endOutcome(outs, d, to)
			for _, t := range at(owner(d)) {
				t.atEnd.add(res, ok)
			}
		}
		if in(d.started.AddDays(FollowUpDays)) {
			res, ok := followUp(outs, d.started, to)
			for _, t := range at(owner(d)) {
				t.at12.add(res, ok)
			}
		}
	}

	return all, groups
}

// tally collects the figures of one population.
type tally struct {
	f                                 Figures
	matched30, failed, early, success counter
	atEnd, at12                       resultTally
	km                                []stat.Obs
	people                            map[string]bool // the mentees counted
	mentors                           map[string]bool // a mentor of the period: took a second mentee
	reasons, endings                  map[string]int
}

func nonNil(m map[string]int) map[string]int {
	if m == nil {
		return map[string]int{}
	}
	return m
}

func count(m map[string]int, key string) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	m[key]++
	return m
}

type counter struct{ count, total int }

func (c *counter) add(yes bool) {
	c.total++
	if yes {
		c.count++
	}
}

func (t *tally) figures() Figures {
	f := t.f
	f.EarlyClosureReasons, f.Endings = nonNil(t.reasons), nonNil(t.endings)
	f.MatchedWithin30Days = Wilson(t.matched30.count, t.matched30.total)
	f.DaysToMatch = kaplanMeier(t.km)
	f.FirstMeetingFailed = Wilson(t.failed.count, t.failed.total)
	f.EarlyClosure = Wilson(t.early.count, t.early.total)
	f.SuccessfulEnding = Wilson(t.success.count, t.success.total)
	f.AtEnd, f.At12Months = t.atEnd.results(), t.at12.results()
	var second counter
	for _, two := range t.mentors {
		second.add(two)
	}
	f.SecondMentee = Wilson(second.count, second.total)
	return f
}

// z95 is the 0.975 quantile of the standard normal distribution.
const z95 = 1.959963984540054

// Wilson returns count out of total with its 95 % Wilson score interval:
// with p = count/total, n = total and z = 1.95996,
//
//	centre = (p + z²/2n) / (1 + z²/n)
//	half   = z·sqrt(p(1−p)/n + z²/4n²) / (1 + z²/n)
//
// and [Low, High] = [centre − half, centre + half]. At the ends the
// bounds are exact: Low is 0 when count is 0 and High is 1 when count is
// total (where the formula gives them only up to rounding, 6.9e-18 or
// 0.9999999999999999); otherwise Low < Rate < High, and both bounds rise
// with count. Unlike the normal approximation it stays inside [0, 1] and
// is not empty at p = 0 or 1. A total of 0 (or a count outside 0..total)
// gives Rate, Low and High 0. Cost: O(1).
func Wilson(count, total int) Proportion {
	p := Proportion{Count: count, Total: total}
	if total <= 0 || count < 0 || count > total {
		return p
	}
	n := float64(total)
	r := float64(count) / n
	z2 := z95 * z95
	den := 1 + z2/n
	centre := (r + z2/(2*n)) / den
	half := z95 * math.Sqrt(r*(1-r)/n+z2/(4*n*n)) / den
	p.Rate = r
	p.Low = max(0, centre-half)
	p.High = min(1, centre+half)
	if count == 0 {
		p.Low = 0
	}
	if count == total {
		p.High = 1
	}
	return p
}

// kaplanMeier estimates a survival curve from observations with
// right-censoring: at each day t with events, S(t) = S(t−) · (1 − d/n),
// where d is the number of events on day t and n the number of
// observations still at risk (time ≥ t; an observation censored on day t
// is still at risk on t). Cost: O(n log n).
func kaplanMeier(observations []stat.Obs) Survival {
	sv := Survival{Applications: len(observations), Curve: []Point{}}
	xs := slices.Clone(observations)
	slices.SortFunc(xs, func(a, b stat.Obs) int { return cmp.Compare(a.Days, b.Days) })
	waiting := 1.0
	for i := 0; i < len(xs); {
		j, d := i, 0
		for ; j < len(xs) && xs[j].Days == xs[i].Days; j++ {
			if xs[j].Event {
				d++
			}
		}
		sv.Matched += d
		sv.Censored += j - i - d
		if d > 0 {
			atRisk := len(xs) - i
			waiting *= 1 - float64(d)/float64(atRisk)
			sv.Curve = append(sv.Curve, Point{Day: xs[i].Days, AtRisk: atRisk, Matched: d, Waiting: waiting})
			if sv.MedianDays == nil && waiting <= 0.5 {
				day := xs[i].Days
				sv.MedianDays = &day
			}
		}
		i = j
	}
	return sv
}
