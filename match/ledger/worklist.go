package ledger

import (
	"cmp"
	"slices"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
)

// DuoDays is how long a duo runs: 6 months, 183 days. A duo started more
// than DuoDays days ago without an ended event is on the worklist; an
// ending before DuoDays days with a reason other than completed is an
// early closure.
const DuoDays = 183

// FollowUpDays is when a duo's outcome is due: 12 months, 365 days, after
// its first meeting. An outcome recorded for the mentee from
// FollowUpDays - FollowUpEarlyDays days after the start on (a follow-up
// up to a month early) is the duo's follow-up outcome.
const (
	FollowUpDays      = 365
	FollowUpEarlyDays = 30
)

// Worklist is what staff should act on, on a day. Every list is sorted
// by Days, longest first, then by IDs, and is never null in JSON.
type Worklist struct {
	On profile.Date `json:"on"`
	// Overdue are the mentees with an open application, not paused and in
	// no live duo, who have waited more than [match.OverdueDays] (30) days
	// since their waiting started (see [Ledger.NextRound]).
	Overdue []Task `json:"overdue"`
	// FirstMeetingDue are the proposals made more than
	// [Options.FirstMeetingDays] (14) days ago whose first meeting is not
	// recorded.
	FirstMeetingDue []Task `json:"first_meeting_due"`
	// PastEnd are the duos whose first meeting was more than [DuoDays]
	// days ago and that have no ended event.
	PastEnd []Task `json:"past_end"`
	// OutcomeDue are the duos whose first meeting was at least
	// [FollowUpDays] days ago, with no follow-up outcome recorded for the
	// mentee (an outcome dated from FollowUpDays - FollowUpEarlyDays days
	// after the start).
	OutcomeDue []Task `json:"outcome_due"`
}

// Task is one item of a [Worklist]: a mentee (MentorID empty) or a duo,
// the day the clock started (the waiting, the proposal, the first
// meeting) and the days since.
type Task struct {
	MenteeID string       `json:"mentee_id"`
	MentorID string       `json:"mentor_id,omitempty"`
	Since    profile.Date `json:"since"`
	Days     int          `json:"days"`
}

// Worklist returns the work due on the day on, from the events dated on
// or before it. Cost: O(events + tasks·log(tasks)).
func (l *Ledger) Worklist(on profile.Date) Worklist {
	s := l.at(on)
	w := Worklist{On: on, Overdue: []Task{}, FirstMeetingDue: []Task{}, PastEnd: []Task{}, OutcomeDue: []Task{}}
	for id, p := range s.people {
		if p.side == MenteeSide && p.open && !p.paused && len(p.live) == 0 && on.DaysSince(p.queue) > match.OverdueDays {
			w.Overdue = append(w.Overdue, Task{MenteeID: id, Since: p.queue, Days: on.DaysSince(p.queue)})
		}
	}
	for _, d := range s.duos {
		task := func(since profile.Date) Task {
			return Task{MenteeID: d.mentee, MentorID: d.mentor, Since: since, Days: on.DaysSince(since)}
		}
		switch {
		case d.stage == stProposed && on.DaysSince(d.proposed) > l.opt.FirstMeetingDays:
			w.FirstMeetingDue = append(w.FirstMeetingDue, task(d.proposed))
		case d.stage == stStarted && on.DaysSince(d.started) > DuoDays:
			w.PastEnd = append(w.PastEnd, task(d.started))
		}
		if (d.stage == stStarted || d.stage == stEnded) && on.DaysSince(d.started) >= FollowUpDays {
			if _, ok := followUp(s.outcomes[d.mentee], d.started, on); !ok {
				w.OutcomeDue = append(w.OutcomeDue, task(d.started))
			}
		}
	}
	for _, list := range [][]Task{w.Overdue, w.FirstMeetingDue, w.PastEnd, w.OutcomeDue} {
		slices.SortFunc(list, func(a, b Task) int {
			return cmp.Or(-cmp.Compare(a.Days, b.Days), cmp.Compare(a.MenteeID, b.MenteeID), cmp.Compare(a.MentorID, b.MentorID))
		})
	}
	return w
}

// followUp returns the result of the first outcome dated from
// FollowUpDays - FollowUpEarlyDays days after start up to to, if any.
func followUp(outs []outcome, start, to profile.Date) (string, bool) {
	from := start.AddDays(FollowUpDays - FollowUpEarlyDays)
	for _, o := range outs {
		if !o.on.Before(from) && !o.on.After(to) {
			return o.result, true
		}
	}
	return "", false
}
