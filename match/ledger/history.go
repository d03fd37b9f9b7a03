package ledger

import (
	"fmt"

	"github.com/duomatch/duo/profile"

	"github.com/duomatch/duo/internal/msg"
)

// The stages of a duo.
type stage uint8

const (
	stProposed stage = iota // proposed, first meeting not recorded
	stStarted               // first meeting started, not ended
	stDeclined              // declined before meeting
	stFailed                // first meeting failed
	stEnded                 // ended after starting
	stVoided                // its proposal was voided (see unapply)
)

func (s stage) live() bool { return s == stProposed || s == stStarted }

// duo is one proposal and what became of it.
type duo struct {
	mentee, mentor string
	proposed       profile.Date
	proposedLine   int
	stage          stage
	started        profile.Date // when stage >= stStarted and it started
	closed         profile.Date // declined, failed or ended
	reason         string       // of the decline, failure or end
	menteeApp      int          // index of the mentee's application in state.apps
	// queued is the day the mentee waited from before the duo ended, for
	// a void of the ending to restore it.
	queued profile.Date
}

// application is one application of a person: from applied to its close.
type application struct {
	id      string
	side    Side
	on      profile.Date
	line    int
	matched profile.Date // day of the first proposal of this application
	// matchedAt is the line of that proposal, 0 before one.
	matchedAt int
	// prev is the index of the person's application before this one, -1
	// for their first: a void of this one's applied event makes it
	// current again, with the person's queue, pause and capacity of
	// then, kept in was.
	prev int
	was  struct {
		queue    profile.Date
		paused   bool
		capacity int
	}
	closed profile.Date // zero while the application is open
	// closedBy and closedFor are the kind and the reason of the closing
	// event (withdrawn and moved, ended and completed, …).
	closedBy  Kind
	closedFor string
	closedAt  int // line of the closing event
	// ineligible: closed by an ineligible event, so left out of the
	// waiting figures.
	ineligible bool
	referral   string // the referral partner's code of the applied event
}

// person is the current state of everyone who ever applied.
type person struct {
	side     Side
	app      int          // index of the latest application
	open     bool         // the latest application is open
	queue    profile.Date // a mentee's waiting is counted from it
	paused   bool
	last     profile.Date // day of the latest event naming the person
	lastLine int
	live     []int // indices of the person's live duos, in order
	started  int   // how many duos of the person started
	capacity int   // a mentor's, from their latest application; 0 when it gave none
}

// outcome is one recorded outcome of a mentee.
type outcome struct {
	on     profile.Date
	result string
}

// pairKey names a pair of a mentee and a mentor.
type pairKey struct{ mentee, mentor string }

// state is a programme's state after some events: it is what a ledger's
// validation checks against and what NextRound, Worklist and Indicators
// read.
type state struct {
	capacity  func(string) int
	referrals []string // the programme's referral codes; nil: any
	people    map[string]*person
	apps      []application
	duos      []duo
	excluded  map[pairKey]int // line of the event that excluded the pair
	outcomes  map[string][]outcome
	// j, when set, records what apply1 changes, for a batch to be undone.
	j *journal
}

func newState(opt Options) *state {
	return &state{
		capacity:  opt.Capacity,
		referrals: opt.Referrals,
		people:    map[string]*person{},
		excluded:  map[pairKey]int{},
		outcomes:  map[string][]outcome{},
	}
}

// reserve sizes the empty state s for the events of l dated on or before
// on, so that recording them grows no list and no map: a ledger of a
// million events is read, or replayed for a reading, without copying its
// lists as they grow (a list of a million applications is 170 MB), nor
// holding two copies of one at once, nor growing its maps. With room, the
// lists have room for more ([withRoom]), for a state that Add will add
// to. Cost: O(events), a pass without a map lookup.
func (s *state) reserve(l *Ledger, on profile.Date, room bool) {
	var n [4]int // applied, proposed, outcome, excluding
	strs := l.tab.strs
	for i := range l.recs {
		r := &l.recs[i]
		if r.on.After(on) {
			continue
		}
		switch Kind(strs[r.kind]) {
		case Applied:
			n[0]++
		case Proposed:
			n[1]++
		case Outcome:
			n[2]++
		case Declined:
			n[3]++
		case FirstMeeting:
			if strs[r.vals[4]] == Failed {
				n[3]++
			}
		case Ended:
			if strs[r.vals[5]] == Mismatch {
				n[3]++
			}
		}
	}
	apps, duos := n[0], n[1]
	if room {
		apps, duos = withRoom(apps), withRoom(duos)
	}
	s.apps, s.duos = make([]application, 0, apps), make([]duo, 0, duos)
	s.people = make(map[string]*person, n[0])
	s.outcomes = make(map[string][]outcome, min(n[2], n[0]))
	s.excluded = make(map[pairKey]int, n[3])
}

// capOf returns a mentor's capacity: that of their latest application,
// or else the option's value, below 1 meaning 1.
func (s *state) capOf(id string) int {
	switch {
	case s.people[id] != nil && s.people[id].capacity > 0:
		return s.people[id].capacity
	case s.capacity == nil:
		return 1
	}
	return max(s.capacity(id), 1)
}

// apply checks e (a valid event on its own) against the state and, when
// there is no problem, records it. It returns the problems; on any
// problem the state is unchanged.
func (s *state) apply(e Event, line int) []error {
	var errs []error
	bad := func(field, code, format string, args ...any) {
		errs = append(errs, eventProblem(line, e.IDs(), field, code, fmt.Sprintf(format, args...), args...))
	}
	// The people named must exist (except for applied), be on the right
	// side, and have no later event.
	type named struct {
		field, id string
		side      Side
	}
	var buf [2]named
	who := buf[:0]
	switch {
	case e.Kind == Applied:
	case e.ID != "":
		who = append(who, named{"id", e.ID, ""})
	default:
		who = append(who, named{"mentee_id", e.MenteeID, MenteeSide})
		if e.MentorID != "" {
			who = append(who, named{"mentor_id", e.MentorID, MentorSide})
		}
	}
	for _, n := range who {
		p := s.people[n.id]
		switch {
		case p == nil:
			bad(n.field, "never_applied", "never applied")
		case n.side != "" && p.side != n.side:
			bad(n.field, "wrong_side", "applied as a %s, not a %s", p.side, n.side)
		case e.On.Before(p.last):
			bad("on", "out_of_date_order", "before the event of line %d about %s (%s): events of a person must be in date order", p.lastLine, n.id, p.last)
		case !p.open && e.Kind != Outcome:
			a := s.apps[p.app]
			bad(n.field, "application_closed", "application closed on line %d (%s); record applied to re-open it", a.closedAt, string(a.closedBy)+": "+a.closedFor)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	switch e.Kind {
	case Applied:
		referralProblems(e, s.referrals, bad)
		if p := s.people[e.ID]; p != nil {
			switch {
			case p.side != e.Side:
				bad("id", "applied_other_side", "already applied as a %s", p.side)
			case p.open:
				bad("id", "already_applied", "already applied on line %d, still open", s.apps[p.app].line)
			case e.On.Before(p.last):
				bad("on", "out_of_date_order", "before the event of line %d about %s (%s): events of a person must be in date order", p.lastLine, e.ID, p.last)
			}
		}
		if len(errs) > 0 {
			return errs
		}
		s.apply1(e, line)
		return nil
	case Withdrawn, Ineligible:
		if p := s.people[e.ID]; len(p.live) > 0 {
			d := s.duos[p.live[0]]
			bad("id", "in_live_duo", "in a live duo (%s + %s, line %d): record declined, first_meeting failed or ended first", d.mentee, d.mentor, d.proposedLine)
		} else if a := s.apps[p.app]; e.Kind == Ineligible && !a.matched.IsZero() {
			bad("id", "ineligible_after_proposal", "application of line %d had a duo proposed on %s: record withdrawn with reason not_eligible", a.line, a.matched)
		}
	case Paused:
		if s.people[e.ID].paused {
			bad("id", "already_paused", "already paused")
		}
	case Resumed:
		if !s.people[e.ID].paused {
			bad("id", "not_paused", "not paused")
		}
	case Proposed:
		me, mo := s.people[e.MenteeID], s.people[e.MentorID]
		if len(me.live) > 0 {
			d := s.duos[me.live[0]]
			bad("mentee_id", "mentee_in_live_duo", "already in a live duo with %s (line %d)", d.mentor, d.proposedLine)
		}
		if c := s.capOf(e.MentorID); len(mo.live) >= c {
			errs = append(errs, eventProblem(line, e.IDs(), "mentor_id", "above_capacity",
				fmt.Sprintf("above capacity: already in %d live %s (capacity %d)", len(mo.live), msg.Plural(len(mo.live), "duo", "duos"), c),
				len(mo.live), c))
		}
		if l, ok := s.excluded[pairKey{e.MenteeID, e.MentorID}]; ok {
			bad("", "pair_excluded", "pair excluded since line %d: never proposed again", l)
		}
		if me.paused {
			bad("mentee_id", "mentee_paused", "paused")
		}
		if mo.paused {
			bad("mentor_id", "mentor_paused", "paused")
		}
	case Declined, FirstMeeting:
		if k := s.liveDuo(e.MenteeID, e.MentorID); k < 0 || s.duos[k].stage != stProposed {
			bad("", "no_proposal_waiting", "pair has no proposal waiting for its first meeting")
		}
	case Ended:
		if k := s.liveDuo(e.MenteeID, e.MentorID); k < 0 || s.duos[k].stage != stStarted {
			bad("", "no_started_duo", "pair has no started duo")
		}
	case Outcome:
		if s.people[e.MenteeID].started == 0 {
			bad("mentee_id", "no_duo_started", "no duo started")
		}
	}
	if len(errs) > 0 {
		return errs
	}
	s.apply1(e, line)
	return nil
}

// liveDuo returns the index of the pair's live duo, or -1.
func (s *state) liveDuo(mentee, mentor string) int {
	return s.liveOf(s.people[mentee], mentor)
}

// liveOf returns the index of the live duo of the mentee me (nil: none)
// with mentor, or -1.
func (s *state) liveOf(me *person, mentor string) int {
	if me != nil {
		for _, k := range me.live {
			if s.duos[k].mentor == mentor {
				return k
			}
		}
	}
	return -1
}

// named returns the people e names by id, mentee_id and mentor_id (nil
// for a field left empty or a person not in s).
func (s *state) named(e Event) (p, me, mo *person) {
	if e.ID != "" {
		p = s.people[e.ID]
	}
	if e.MenteeID != "" {
		me = s.people[e.MenteeID]
	}
	if e.MentorID != "" {
		mo = s.people[e.MentorID]
	}
	return p, me, mo
}

// apply1 records e, which apply has checked. It looks each person up
// once: reading a million events, the lookups are most of its work.
func (s *state) apply1(e Event, line int) {
	if s.j != nil {
		s.j.save(s, e)
	}
	p, me, mo := s.named(e)
	switch e.Kind {
	case Applied:
		prev := -1
		if p == nil {
			p = &person{side: e.Side}
			s.people[e.ID] = p
		} else {
			prev = p.app
		}
		a := application{id: e.ID, side: e.Side, on: e.On, line: line, referral: e.Referral, prev: prev}
		a.was.queue, a.was.paused, a.was.capacity = p.queue, p.paused, p.capacity
		s.apps = append(s.apps, a)
		p.app, p.open, p.queue, p.paused = len(s.apps)-1, true, e.On, false
		p.capacity = wholeNumber(e.Capacity) // 0 when none
	case Withdrawn:
		s.close(p, e.On, line, e.Kind, e.Reason)
	case Ineligible:
		s.close(p, e.On, line, e.Kind, e.Reason)
		s.apps[p.app].ineligible = true
	case Paused, Resumed:
		p.paused = e.Kind == Paused
	case Proposed:
		s.duos = append(s.duos, duo{mentee: e.MenteeID, mentor: e.MentorID, proposed: e.On, proposedLine: line, menteeApp: me.app})
		k := len(s.duos) - 1
		me.live = append(me.live, k)
		mo.live = append(mo.live, k)
		for _, a := range [...]*application{&s.apps[me.app], &s.apps[mo.app]} {
			if a.matched.IsZero() {
				a.matched, a.matchedAt = e.On, line
			}
		}
	case Declined, FirstMeeting, Ended:
		k := s.liveOf(me, e.MentorID)
		d := &s.duos[k]
		d.reason = e.Reason
		switch {
		case e.Kind == FirstMeeting && e.Result == Started:
			d.stage, d.started = stStarted, e.On
			me.started++
			mo.started++
		case e.Kind == FirstMeeting:
			d.stage, d.closed = stFailed, e.On
			s.excluded[pairKey{d.mentee, d.mentor}] = line
		case e.Kind == Declined:
			d.stage, d.closed = stDeclined, e.On
			s.excluded[pairKey{d.mentee, d.mentor}] = line
		default:
			d.stage, d.closed, d.queued = stEnded, e.On, me.queue
			if e.Reason == Mismatch {
				s.excluded[pairKey{d.mentee, d.mentor}] = line
			}
		}
		if d.stage != stStarted {
			me.drop(k)
			mo.drop(k)
		}
		if e.Kind == Ended {
			s.afterEnd(e, line, me, mo)
		}
	case Outcome:
		s.outcomes[e.MenteeID] = append(s.outcomes[e.MenteeID], outcome{on: e.On, result: e.Result})
	}
	for _, q := range [...]*person{p, me, mo} {
		if q != nil {
			q.last, q.lastLine = e.On, line
		}
	}
}

// afterEnd applies what an ending means for the two applications (see the
// package documentation): the mentee's closes after completed, a
// successful ending and mentee_left, and otherwise waits again from the
// day of the end; the mentor's closes after mentor_left when it was their
// last live duo.
func (s *state) afterEnd(e Event, line int, me, mo *person) {
	switch {
	case e.Reason == Completed || e.Reason == MenteeLeft || SuccessfulEnding(e.Reason):
		s.close(me, e.On, line, e.Kind, e.Reason)
	default:
		me.queue = e.On
	}
	if e.Reason == MentorLeft && len(mo.live) == 0 {
		s.close(mo, e.On, line, e.Kind, e.Reason)
	}
}

// close closes the current application of p.
func (s *state) close(p *person, on profile.Date, line int, by Kind, why string) {
	p.open = false
	a := &s.apps[p.app]
	a.closed, a.closedBy, a.closedFor, a.closedAt = on, by, why, line
}

// drop removes duo k from p's live duos.
func (p *person) drop(k int) {
	for i, x := range p.live {
		if x == k {
			p.live = append(p.live[:i:i], p.live[i+1:]...)
			return
		}
	}
}
