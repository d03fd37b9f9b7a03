package ledger

import (
	"cmp"
	"slices"

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
	// no live duo, who have waited more than [profile.MatchWithinDays] (30) days
	// since their waiting started (see [Ledger.NextRound]).
	Overdue []Task `json:"overdue"`
	// FirstMeetingDue are the proposals made more than
	// [Options.FirstMeetingDays] (14) days ago whose first meeting is not
	// recorded; none when that option is [profile.Off].
	FirstMeetingDue []Task `json:"first_meeting_due"`
	// PastEnd are the duos whose first meeting was more than [DuoDays]
	// days ago and that have no ended event.
	PastEnd []Task `json:"past_end"`
	// EndOutcomeDue are the duos that have reached the end of their
	// mentorship (they ended, or their first meeting was [DuoDays] days
	// ago) with no end-of-mentorship result recorded for the mentee (see
	// [Figures].AtEnd), while its window is open: until
	// FollowUpDays - FollowUpEarlyDays days after the first meeting,
	// when OutcomeDue takes over. Since is the end point; a duo that
	// ended says how (Reason, Ending), so that successes and early
	// closures are told apart.
	EndOutcomeDue []Task `json:"end_outcome_due"`
	// OutcomeDue are the duos whose first meeting was at least
	// [FollowUpDays] days ago, with no follow-up outcome recorded for the
	// mentee (an outcome dated from FollowUpDays - FollowUpEarlyDays days
	// after the start).
	OutcomeDue []Task `json:"outcome_due"`
}

// Task is one item of a [Worklist]: a mentee (MentorID empty) or a duo,
// the day the clock started (the waiting, the proposal, the first
// meeting, the end point) and the days since.
type Task struct {
	MenteeID string       `json:"mentee_id"`
	MentorID string       `json:"mentor_id,omitempty"`
	Since    profile.Date `json:"since"`
	Days     int          `json:"days"`
	// Reason is the reason of the duo's ended event and Ending its class
	// (EndingSuccess, EndingEarlyClosure or EndingNormal), for a duo that
	// ended; both empty otherwise.
	Reason string `json:"reason,omitempty"`
	Ending string `json:"ending,omitempty"`
}

// The classes of an ending, in [Task].Ending.
const (
	EndingSuccess      = "success"       // a [SuccessfulEnding]: a job, a training or an internship found
	EndingEarlyClosure = "early_closure" // an [EarlyClosure]
	EndingNormal       = "normal"        // completed, or another reason after DuoDays days
)

// endingClass returns the class of an ending for reason after days days.
func endingClass(reason string, days int) string {
	switch {
	case SuccessfulEnding(reason):
		return EndingSuccess
	case EarlyClosure(reason, days):
		return EndingEarlyClosure
	}
	return EndingNormal
}

// Worklist returns the work due on the day on, from the events dated on
// or before it. Cost: O(events + tasks·log(tasks)).
func (l *Ledger) Worklist(on profile.Date) Worklist {
	s := l.at(on)
	w := Worklist{On: on, Overdue: []Task{}, FirstMeetingDue: []Task{}, PastEnd: []Task{}, EndOutcomeDue: []Task{}, OutcomeDue: []Task{}}
	for id, p := range s.people {
		if p.side == MenteeSide && p.open && !p.paused && len(p.live) == 0 && on.DaysSince(p.queue) > profile.MatchWithinDays {
			w.Overdue = append(w.Overdue, Task{MenteeID: id, Since: p.queue, Days: on.DaysSince(p.queue)})
		}
	}
	for _, d := range s.duos {
		task := func(since profile.Date) Task {
			return Task{MenteeID: d.mentee, MentorID: d.mentor, Since: since, Days: on.DaysSince(since)}
		}
		switch {
		case d.stage == stProposed && l.opt.FirstMeetingDays != profile.Off && on.DaysSince(d.proposed) > l.opt.FirstMeetingDays:
			w.FirstMeetingDue = append(w.FirstMeetingDue, task(d.proposed))
		case d.stage == stStarted && on.DaysSince(d.started) > DuoDays:
			w.PastEnd = append(w.PastEnd, task(d.started))
		}
		if d.stage != stStarted && d.stage != stEnded {
			continue
		}
		outs := s.outcomes[d.mentee]
		if e := endPoint(d); !on.Before(e) && on.DaysSince(d.started) < FollowUpDays-FollowUpEarlyDays {
			if _, ok := endOutcome(outs, d, on); !ok {
				t := task(e)
				if d.stage == stEnded {
					t.Reason, t.Ending = d.reason, endingClass(d.reason, d.closed.DaysSince(d.started))
				}
				w.EndOutcomeDue = append(w.EndOutcomeDue, t)
			}
		}
		if on.DaysSince(d.started) >= FollowUpDays {
			if _, ok := followUp(outs, d.started, on); !ok {
				w.OutcomeDue = append(w.OutcomeDue, task(d.started))
			}
		}
	}
	for _, list := range [][]Task{w.Overdue, w.FirstMeetingDue, w.PastEnd, w.EndOutcomeDue, w.OutcomeDue} {
		slices.SortFunc(list, func(a, b Task) int {
			return cmp.Or(-cmp.Compare(a.Days, b.Days), cmp.Compare(a.MenteeID, b.MenteeID), cmp.Compare(a.MentorID, b.MentorID))
		})
	}
	return w
}
