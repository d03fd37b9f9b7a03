package ledger

import (
	"cmp"
	"slices"

	"github.com/duomatch/duo/profile"
)

// DuoRecord is one proposal of the ledger and what became of it by a
// day: what a coordinator reads back after accepting a round's duos.
type DuoRecord struct {
	MenteeID string       `json:"mentee_id"`
	MentorID string       `json:"mentor_id"`
	Proposed profile.Date `json:"proposed"`
	// Stage is where the duo stands: "proposed" (no first meeting
	// recorded), "declined" (before meeting), "started", "failed" (at the
	// first meeting) or "ended" (after starting): the codes of the events
	// that put it there ([Proposed], [Declined], [Started], [Failed],
	// [Ended]).
	Stage string `json:"stage"`
	// Started is the day of the first meeting of a duo that started, or
	// nil; Closed the day it was declined, failed or ended, or nil.
	Started *profile.Date `json:"started,omitempty"`
	Closed  *profile.Date `json:"closed,omitempty"`
	// Reason is the reason of the decline, the failed first meeting or
	// the ending; empty otherwise.
	Reason string `json:"reason,omitempty"`
	// AtEnd and At12Months are the mentee's results recorded for a duo
	// that started, at the end of its mentorship and at the 12-month
	// follow-up, as [Ledger.Indicators] counts them ([Results]); empty
	// when none is recorded in that point's window.
	AtEnd      string `json:"at_end,omitempty"`
	At12Months string `json:"at_12_months,omitempty"`
}

// Duos returns every duo proposed on or before the day on and what
// became of it by then, from the events dated on or before it, in the
// order of their proposals (by day, then mentee and mentor ID). A pair
// proposed twice is listed twice. Never nil.
//
// Cost: O(events + duos·log(duos) + outcomes of their mentees).
func (l *Ledger) Duos(on profile.Date) []DuoRecord {
	s := l.at(on)
	out := make([]DuoRecord, 0, len(s.duos))
	for _, d := range s.duos {
		r := DuoRecord{MenteeID: d.mentee, MentorID: d.mentor, Proposed: d.proposed, Stage: stageCode(d.stage)}
		if d.stage == stStarted || d.stage == stEnded {
			started := d.started
			r.Started = &started
			outs := s.outcomes[d.mentee]
			r.AtEnd, _ = endOutcome(outs, d, on)
			r.At12Months, _ = followUp(outs, d.started, on)
		}
		if !d.stage.live() {
			closed := d.closed
			r.Closed, r.Reason = &closed, d.reason
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b DuoRecord) int {
		return cmp.Or(a.Proposed.Compare(b.Proposed), cmp.Compare(a.MenteeID, b.MenteeID), cmp.Compare(a.MentorID, b.MentorID))
	})
	return out
}

// stageCode is a stage's code in [DuoRecord].
func stageCode(s stage) string {
	switch s {
	case stStarted:
		return Started
	case stDeclined:
		return string(Declined)
	case stFailed:
		return Failed
	case stEnded:
		return string(Ended)
	}
	return string(Proposed)
}
