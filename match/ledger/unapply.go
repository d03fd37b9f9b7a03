package ledger

import (
	"slices"

	"github.com/duomatch/duo/profile"
)

// unapply takes the event of index k of l (on line l.lines[k]) out of the
// state l.st, as [Ledger.Add] of a valid void does: the state becomes the
// one the events in force without it give, as far as Add's checks read
// it. It is the inverse of apply1 for an event that is the latest in
// force about each person it names, which a void's check ensures: so
// what the event changed is still as it left it.
//
// An application or a duo the event created stays in the state's lists,
// where nothing refers to it any more (a duo as stVoided); the state
// replayed for a reading ([Ledger.at]) has none.
//
// Cost: O(events since the previous event in force about the people
// named), to find that event; O(1) otherwise, with the person's live duos
// and, for a closing event, a search of the duos since the pair's duo.
func (l *Ledger) unapply(k int) {
	s, e, line := l.st, l.event(k), l.lines[k]
	if s.j != nil {
		s.j.save(s, e)
	}
	p, me, mo := s.named(e)
	switch e.Kind {
	case Applied:
		a := s.apps[p.app]
		if a.prev < 0 {
			delete(s.people, e.ID)
			return
		}
		p.app, p.open = a.prev, false
		p.queue, p.paused, p.capacity = a.was.queue, a.was.paused, a.was.capacity
	case Withdrawn, Ineligible:
		a := &s.apps[p.app]
		p.open = true
		a.closed, a.closedBy, a.closedFor, a.closedAt, a.ineligible = profile.Date{}, "", "", 0, false
	case Paused, Resumed:
		p.paused = e.Kind == Resumed
	case Proposed:
		d := me.live[len(me.live)-1] // the mentee was in no live duo before
		s.duos[d].stage = stVoided
		me.live = remove(me.live, d)
		mo.live = remove(mo.live, d)
		for _, a := range [...]*application{&s.apps[me.app], &s.apps[mo.app]} {
			if a.matchedAt == line {
				a.matched, a.matchedAt = profile.Date{}, 0
			}
		}
	case FirstMeeting, Declined, Ended:
		i := s.lastDuo(e.MenteeID, e.MentorID)
		if s.j != nil {
			s.j.duo(s, i)
		}
		d := &s.duos[i]
		if e.Kind == FirstMeeting && e.Result == Started {
			d.stage, d.started = stProposed, profile.Date{}
			me.started--
			mo.started--
			break
		}
		if s.excluded[pairKey{d.mentee, d.mentor}] == line {
			delete(s.excluded, pairKey{d.mentee, d.mentor})
		}
		d.stage, d.closed, d.reason = stProposed, profile.Date{}, ""
		if e.Kind == Ended {
			d.stage = stStarted
			me.queue, d.queued = d.queued, profile.Date{}
			for _, q := range [...]*person{me, mo} {
				if a := &s.apps[q.app]; a.closedAt == line {
					q.open = true
					a.closed, a.closedBy, a.closedFor, a.closedAt = profile.Date{}, "", "", 0
				}
			}
		}
		me.live = insert(me.live, i)
		mo.live = insert(mo.live, i)
	case Outcome:
		o := s.outcomes[e.MenteeID]
		if len(o) == 1 {
			delete(s.outcomes, e.MenteeID)
		} else {
			// Cut to its length, so that an outcome added later does not
			// write over what a journal restores.
			s.outcomes[e.MenteeID] = o[: len(o)-1 : len(o)-1]
		}
	}
	for _, q := range [...]struct {
		p  *person
		id string
	}{{p, e.ID}, {me, e.MenteeID}, {mo, e.MentorID}} {
		if q.p != nil {
			q.p.last, q.p.lastLine = l.before(k, q.id)
		}
	}
}

// before returns the day and the line of the latest event in force
// before index k that names id (zero when none). Cost: O(events between
// them), a pass over the compact events comparing numbers.
func (l *Ledger) before(k int, id string) (profile.Date, int) {
	n := l.tab.index[id]
	for i := k - 1; i >= 0; i-- {
		r := &l.recs[i]
		if (r.vals[1] == n || r.vals[2] == n || r.vals[3] == n) && l.counts(i) {
			return r.on, l.lines[i]
		}
	}
	return profile.Date{}, 0
}

// lastDuo returns the index of the pair's latest duo in force; the pair
// has one. Cost: O(duos proposed since).
func (s *state) lastDuo(mentee, mentor string) int {
	for i := len(s.duos) - 1; ; i-- {
		if d := &s.duos[i]; d.mentee == mentee && d.mentor == mentor && d.stage != stVoided {
			return i
		}
	}
}

// remove returns live without duo d, in a new slice: a journal may hold
// the old one.
func remove(live []int, d int) []int {
	i := slices.Index(live, d)
	return append(live[:i:i], live[i+1:]...)
}

// insert returns live with duo d in its place in index order, in a new
// slice.
func insert(live []int, d int) []int {
	i, _ := slices.BinarySearch(live, d)
	return append(append(live[:i:i], d), live[i:]...)
}
