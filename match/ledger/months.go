package ledger

import (
	"time"

	"github.com/duomatch/duo/profile"
)

// Month is what happened in one month of a period: the month's first day
// in the period (From, the period's first day for its first month) and
// last (To), and counts as [Ledger.Indicators] makes them for those days.
type Month struct {
	From profile.Date `json:"from"`
	To   profile.Date `json:"to"`
	// MenteeApplications and MentorApplications count the applied events
	// dated in the month.
	MenteeApplications int `json:"mentee_applications"`
	MentorApplications int `json:"mentor_applications"`
	// Proposed counts the duos proposed in the month; Started and Failed
	// the first meetings recorded in it that started or failed.
	Proposed int `json:"proposed"`
	Started  int `json:"started"`
	Failed   int `json:"failed"`
}

// Months returns the counts of each calendar month of the period from to
// to (both days included; the first and last months are cut to the
// period), from the events dated on or before to, in order: the same
// counts as [Ledger.Indicators] over each month, in one pass. A period
// that ends before it starts has no month.
//
// Cost: O(events + months).
func (l *Ledger) Months(from, to profile.Date) []Month {
	var out []Month
	if to.Before(from) {
		return out
	}
	for start := from; !start.After(to); {
		y, m := start.Year(), start.Month()+1
		if m > time.December {
			y, m = y+1, time.January
		}
		end := profile.MustDate(y, m, 1).AddDays(-1)
		if end.After(to) {
			end = to
		}
		out = append(out, Month{From: start, To: end})
		start = end.AddDays(1)
	}
	// index returns the month of a day in the period, or -1.
	index := func(d profile.Date) int {
		if d.Before(from) || d.After(to) {
			return -1
		}
		return (d.Year()-from.Year())*12 + int(d.Month()-from.Month())
	}
	s := l.at(to)
	for _, a := range s.apps {
		if i := index(a.on); i >= 0 {
			if a.side == MenteeSide {
				out[i].MenteeApplications++
			} else {
				out[i].MentorApplications++
			}
		}
	}
	for _, d := range s.duos {
		if i := index(d.proposed); i >= 0 {
			out[i].Proposed++
		}
		switch {
		case d.stage == stFailed:
			if i := index(d.closed); i >= 0 {
				out[i].Failed++
			}
		case d.stage == stStarted || d.stage == stEnded:
			if i := index(d.started); i >= 0 {
				out[i].Started++
			}
		}
	}
	return out
}
