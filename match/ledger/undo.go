package ledger

// journal records what a batch of events changes in a state, so that a
// batch refused at its k-th event (or whose write fails) is undone in
// O(events of the batch) rather than by reading the file again. While
// state.j is set, apply1 (and unapply, for a void) saves what an event is about to change the first
// time it touches it; every change of apply1 is to the people the event
// names, their current application, their live duos, the pair's
// exclusion and the mentee's outcomes, or an append.
type journal struct {
	people       map[string]*person // a copy of each person touched; nil when new
	apps         map[int]application
	duos         map[int]duo
	nApps, nDuos int
	excluded     map[pairKey]int      // the line before; -1 when the pair was not excluded
	outcomes     map[string][]outcome // the outcomes before; nil when none
}

func newJournal(s *state) *journal {
	return &journal{people: map[string]*person{}, apps: map[int]application{}, duos: map[int]duo{},
		nApps: len(s.apps), nDuos: len(s.duos), excluded: map[pairKey]int{}, outcomes: map[string][]outcome{}}
}

// save records what e is about to change in s.
func (j *journal) save(s *state, e Event) {
	for _, id := range [3]string{e.ID, e.MenteeID, e.MentorID} {
		if id == "" {
			continue
		}
		if _, ok := j.people[id]; ok {
			continue
		}
		p := s.people[id]
		if p == nil {
			j.people[id] = nil
			continue
		}
		c := *p
		j.people[id] = &c
		j.app(s, p.app)
		for _, k := range p.live {
			j.duo(s, k)
		}
	}
	switch e.Kind {
	case Declined, FirstMeeting, Ended:
		k := pairKey{e.MenteeID, e.MentorID}
		if _, ok := j.excluded[k]; !ok {
			line, had := s.excluded[k]
			if !had {
				line = -1
			}
			j.excluded[k] = line
		}
	case Outcome:
		// Its elements are never written again: an outcome is appended
		// past them, and a void cuts the list to its new length.
		if _, ok := j.outcomes[e.MenteeID]; !ok {
			j.outcomes[e.MenteeID] = s.outcomes[e.MenteeID]
		}
	}
}

// duo saves duo i, when the journal has not yet.
func (j *journal) duo(s *state, i int) {
	if _, ok := j.duos[i]; !ok && i < j.nDuos {
		j.duos[i] = s.duos[i]
	}
}

func (j *journal) app(s *state, i int) {
	if _, ok := j.apps[i]; !ok && i < j.nApps {
		j.apps[i] = s.apps[i]
	}
}

// undo brings s back to what it was when the journal began.
func (j *journal) undo(s *state) {
	for id, p := range j.people {
		if p == nil {
			delete(s.people, id)
		} else {
			s.people[id] = p
		}
	}
	s.apps = s.apps[:j.nApps]
	for i, a := range j.apps {
		s.apps[i] = a
	}
	s.duos = s.duos[:j.nDuos]
	for k, d := range j.duos {
		s.duos[k] = d
	}
	for k, line := range j.excluded {
		if line < 0 {
			delete(s.excluded, k)
		} else {
			s.excluded[k] = line
		}
	}
	for id, o := range j.outcomes {
		if o == nil {
			delete(s.outcomes, id)
		} else {
			s.outcomes[id] = o
		}
	}
}

// batchUndo undoes a batch of events added to a ledger.
type batchUndo struct {
	st      *state
	j       *journal
	nEvents int
	nStrs   int
	last    int
	voided  map[int]int
}

// addBatch adds events after skip lines (a batch marker's), all or
// nothing: when an event is refused, the ledger is brought back to what
// it was and the event's index and error are returned. On success it
// returns an undo, for a batch whose write fails. Cost: O(events of the
// batch), plus what [Ledger.Add] costs for each.
func (l *Ledger) addBatch(events []Event, skip int) (*batchUndo, int, error) {
	u := &batchUndo{st: l.st, j: newJournal(l.st), nEvents: len(l.recs), nStrs: len(l.tab.strs), last: l.last, voided: l.voided}
	l.st.j = u.j
	defer func() { u.st.j = nil }()
	l.last += skip
	for i, e := range events {
		if err := l.Add(e); err != nil {
			u.undo(l)
			return nil, i, err
		}
	}
	return u, 0, nil
}

// undo brings l back to what it was before the batch.
func (u *batchUndo) undo(l *Ledger) {
	u.j.undo(u.st)
	l.st = u.st
	l.recs, l.lines, l.last, l.voided = l.recs[:u.nEvents], l.lines[:u.nEvents], u.last, u.voided
	l.tab.truncate(u.nStrs)
}
