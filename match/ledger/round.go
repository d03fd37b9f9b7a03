package ledger

import (
	"cmp"
	"errors"
	"slices"
	"strconv"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"

	"github.com/duomatch/duo/internal/msg"
)

// Person names an application's person and side.
type Person struct {
	ID   string `json:"id"`
	Side Side   `json:"side"`
}

// Report says how [Ledger.NextRound] reconciled the ledger with the
// profiles it was given. Every list is sorted by side (mentees first),
// then ID, and is never null in JSON.
type Report struct {
	// NotInLedger are people in the profiles who never applied on the side
	// of their profile by the round's day. They are left out of the round.
	NotInLedger []Person `json:"not_in_ledger"`
	// Closed are people in the profiles whose application is closed
	// (withdrawn, found ineligible, or ended by their leaving or, for a
	// mentee, by a completed duo or a successful ending). They are left
	// out of the round.
	Closed []Person `json:"closed"`
	// NoProfile are people whose application is open but who have no
	// profile among those given. They cannot be in the round.
	NoProfile []Person `json:"no_profile"`
	// Unpinned are live duos that cannot be pinned because a profile is
	// missing (listed in NoProfile). The partner who has a profile is left
	// out too, since they are in a duo, and is listed in Held.
	Unpinned []match.Duo `json:"unpinned"`
	// Held are people with a profile left out because of Unpinned.
	Held []Person `json:"held"`
	// Paused are the people of the round marked Paused, by the ledger or by
	// their profile: the round lists them with the reason "paused" (their
	// pinned duos are kept) and they keep their place in the queue.
	Paused []Person `json:"paused"`
}

// NextRound returns the matching round of the day round.On from the
// ledger and the service's current profiles, round.Mentees and
// round.Mentors, and a report of how the two were reconciled. Only events
// dated on or before round.On count. round is a template: the result is a
// copy of it, so every setting it holds (Policy, Scorer, MinScore,
// Objective, WaitBonus and any later field of [match.Round]) reaches
// [match.Propose] as given, with these fields set from the ledger:
//
//   - Mentees and Mentors: those whose application is open, copied from
//     the profiles given (which are not modified), in ID order; those paused by
//     the ledger get Paused set (a profile's own Paused is kept), so that
//     the proposal lists them with the reason "paused";
//   - each mentee's AppliedOn set to the day their waiting counts from: the
//     day of their application, kept through declined proposals and failed
//     first meetings; a new application after a withdrawal or a closed
//     duo starts a new wait; a mentee back in the pool after an ending
//     (mentor_left, mismatch, other) waits from the day of the end;
//   - Pinned: the live duos, proposed and not yet met or started and not
//     ended, sorted;
//   - Excluded: every pair whose first meeting failed, that was declined,
//     or that ended in mismatch, sorted (the round ignores and counts
//     those naming people not in it).
//
// People are left out and reported, never silently dropped: see [Report].
//
// Errors: every problem at once, each a *[profile.Problem] wrapping
// [ErrRound], with the JSON path of a round's field: a zero On ("on",
// code "missing_day"); a template with its own Pinned or Excluded
// ("pinned", "excluded", code "from_ledger": they come from the ledger);
// an ID given twice among the profiles, mentees and mentors together
// ("mentors[2].id", "id_given_twice"); a mentor whose live duos exceed
// their profile's capacity ("mentors[0].capacity",
// "live_duos_over_capacity", the number of duos and the capacity its
// args).
//
// Cost: O(events + profiles·log(profiles)).
func (l *Ledger) NextRound(round match.Round) (match.Round, Report, error) {
	rep := Report{NotInLedger: []Person{}, Closed: []Person{}, NoProfile: []Person{}, Unpinned: []match.Duo{}, Held: []Person{}, Paused: []Person{}}
	var errs []error
	on, mentees, mentors := round.On, round.Mentees, round.Mentors
	if on.IsZero() {
		errs = append(errs, &profile.Problem{Path: "on", Code: "missing_day", Detail: "the day of the round is required", Err: ErrRound})
	}
	for field, n := range [2]int{len(round.Pinned), len(round.Excluded)} {
		if n > 0 {
			name := [2]string{"pinned", "excluded"}[field]
			errs = append(errs, &profile.Problem{Path: name, Code: "from_ledger", Args: []string{name},
				Detail: "the " + name + " pairs come from the ledger", Err: ErrRound})
		}
	}
	if len(errs) > 0 {
		return match.Round{}, rep, errors.Join(errs...)
	}
	given := map[string]Side{}
	twice := func(side string, k int, id string) {
		errs = append(errs, &profile.Problem{Path: side + "[" + strconv.Itoa(k) + "].id", IDs: []string{msg.Clip(id)},
			Code: "id_given_twice", Detail: "ID given twice", Err: ErrRound})
	}
	for k, m := range mentees {
		if _, dup := given[m.ID]; dup {
			twice("mentees", k, m.ID)
		}
		given[m.ID] = MenteeSide
	}
	for k, m := range mentors {
		if _, dup := given[m.ID]; dup {
			twice("mentors", k, m.ID)
		}
		given[m.ID] = MentorSide
	}
	if len(errs) > 0 {
		return match.Round{}, rep, errors.Join(errs...)
	}
	s := l.at(on)

	// Which live duos can be pinned, and who is held by one that cannot.
	held := map[string]bool{}
	round.Mentees, round.Mentors = nil, nil
	round.Pinned, round.Excluded = []match.Duo{}, []match.Duo{}
	for _, d := range s.duos {
		if !d.stage.live() {
			continue
		}
		if given[d.mentee] == MenteeSide && given[d.mentor] == MentorSide {
			round.Pinned = append(round.Pinned, match.Duo{MenteeID: d.mentee, MentorID: d.mentor})
			continue
		}
		rep.Unpinned = append(rep.Unpinned, match.Duo{MenteeID: d.mentee, MentorID: d.mentor})
		held[d.mentee], held[d.mentor] = true, true
	}
	for k := range s.excluded {
		round.Excluded = append(round.Excluded, match.Duo{MenteeID: k.mentee, MentorID: k.mentor})
	}

	// Sort out each person with a profile.
	place := func(id string, side Side) (p *person, in bool) {
		p = s.people[id]
		switch {
		case p == nil || p.side != side:
			rep.NotInLedger = append(rep.NotInLedger, Person{id, side})
		case !p.open:
			rep.Closed = append(rep.Closed, Person{id, side})
		case held[id]:
			rep.Held = append(rep.Held, Person{id, side})
		default:
			return p, true
		}
		return nil, false
	}
	for _, m := range mentees {
		if p, ok := place(m.ID, MenteeSide); ok {
			m.AppliedOn = p.queue
			m.Paused = m.Paused || p.paused
			if m.Paused {
				rep.Paused = append(rep.Paused, Person{m.ID, MenteeSide})
			}
			round.Mentees = append(round.Mentees, m)
		}
	}
	for k, m := range mentors {
		if p, ok := place(m.ID, MentorSide); ok {
			m.Paused = m.Paused || p.paused
			if m.Paused {
				rep.Paused = append(rep.Paused, Person{m.ID, MentorSide})
			}
			if n := len(p.live); n > m.EffectiveCapacity() {
				live, c := strconv.Itoa(n), strconv.Itoa(m.EffectiveCapacity())
				errs = append(errs, &profile.Problem{Path: "mentors[" + strconv.Itoa(k) + "].capacity", IDs: []string{msg.Clip(m.ID)},
					Code: "live_duos_over_capacity", Args: []string{live, c},
					Detail: live + " live duos but a capacity of " + c + " in the profile", Err: ErrRound})
			}
			round.Mentors = append(round.Mentors, m)
		}
	}
	for id, p := range s.people {
		if p.open && given[id] != p.side {
			rep.NoProfile = append(rep.NoProfile, Person{id, p.side})
		}
	}
	if len(errs) > 0 {
		return match.Round{}, rep, errors.Join(errs...)
	}
	slices.SortFunc(round.Mentees, func(a, b profile.Mentee) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(round.Mentors, func(a, b profile.Mentor) int { return cmp.Compare(a.ID, b.ID) })
	for _, list := range [][]match.Duo{round.Pinned, round.Excluded, rep.Unpinned} {
		slices.SortFunc(list, compareDuos)
	}
	for _, list := range [][]Person{rep.NotInLedger, rep.Closed, rep.NoProfile, rep.Held, rep.Paused} {
		slices.SortFunc(list, comparePeople)
	}
	return round, rep, nil
}

func compareDuos(a, b match.Duo) int {
	return cmp.Or(cmp.Compare(a.MenteeID, b.MenteeID), cmp.Compare(a.MentorID, b.MentorID))
}

// comparePeople puts mentees first, then sorts by ID.
func comparePeople(a, b Person) int {
	return cmp.Or(cmp.Compare(a.Side, b.Side), cmp.Compare(a.ID, b.ID)) // "mentee" < "mentor"
}
