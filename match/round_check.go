package match

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"

	"github.com/duomatch/duo/internal/msg"
)

// builder holds one round's working state, from checking to explaining.
type builder struct {
	r         Round // with the default Policy in place of a zero one
	scorer    scoring.Scorer
	waitBonus float64          // priority per day waited; 0 when off
	mentees   []profile.Mentee // sorted by ID
	mentors   []profile.Mentor // sorted by ID
	meIdx     map[string]int
	moIdx     map[string]int

	pinnedMentor map[int]int // mentee index -> mentor index
	pinnedCount  []int       // per mentor
	pinnedDuos   [][2]int    // (mentee, mentor), in the order of Round.Pinned

	excluded          []Duo // the exclusions that name people of the round, sorted, distinct
	ignoredExclusions int   // the entries of Round.Excluded that do not

	// The problems of the people set aside (ReasonInvalidProfile), by
	// index in mentees and mentors; nil for the others.
	menteeAside, mentorAside [][]*profile.Problem

	// Set by solve.
	menteeViol [][]profile.Violation
	mentorViol [][]profile.Violation
	pool       pool
	compiled   *scoring.Pool // the pool's compiled profiles; nil when a side is empty
	// opt: what tests force; Propose leaves it zero.
	opt solveOptions
}

// check checks a round and returns its builder, or every problem at once:
// errors.Join of *profile.Problem values and the errors of the profiles, the
// Policy and the Scorer, each with the JSON path of its field.
//
// Cost: O(size of the round), plus sorting the people by ID.
func check(r Round) (*builder, error) {
	var errs []error
	bad := func(field, id, code, detail string, args ...string) {
		errs = append(errs, roundProblem(field, id, code, detail, args...))
	}
	if r.On.IsZero() {
		bad("on", "", "missing_day", "the day of the round is required")
	}
	if math.IsNaN(r.MinScore) || math.IsInf(r.MinScore, 0) {
		bad("min_score", "", "must_be_finite", "must be a finite number")
	}
	bonus, ok := waitBonus(r.WaitBonus)
	if !ok {
		def, off, most := fmtFloat(DefaultWaitBonus), strconv.Itoa(profile.Off), fmtFloat(MaxWaitBonus)
		bad("wait_bonus", "", "bad_wait_bonus", "must be 0 (the default, "+def+" a day), "+off+" (off) or a number from 0 to "+most,
			def, off, most)
	}
	if r.Objective != MostMatched && r.Objective != BestTotal {
		o := strconv.Itoa(int(r.Objective))
		bad("objective", "", "unknown_objective", "unknown objective "+o, o)
	}
	if err := r.Policy.Validate(); err != nil {
		errs = append(errs, profile.AtPath(err, "policy"))
	}
	scorer := r.Scorer
	if err := scorer.Validate(); err != nil {
		errs = append(errs, profile.AtPath(err, "scorer"))
	}

	// The people, in input order so that errors give input positions:
	// duplicate IDs refuse the round; a profile that cannot be used sets
	// its person aside (or refuses the round: see Round.Strict).
	errs = append(errs, duplicateIDs("mentees", "mentee", r.Mentees, func(m *profile.Mentee) string { return m.ID })...)
	errs = append(errs, duplicateIDs("mentors", "mentor", r.Mentors, func(m *profile.Mentor) string { return m.ID })...)
	pinnedMe, pinnedMo := map[string]bool{}, map[string]bool{}
	for _, d := range r.Pinned {
		pinnedMe[d.MenteeID], pinnedMo[d.MentorID] = true, true
	}
	// Homes are checked through the scorer's gazetteer while a rule that
	// uses places is on (scoring.Scorer.CheckHome); an invalid scorer is
	// reported above and its homes are not checked.
	checkHomes := scorer.Validate() == nil
	asideMe, asideMo := map[string][]*profile.Problem{}, map[string][]*profile.Problem{}
	decoded := decodedProblems(r.Problems)
	for k := range r.Mentees {
		m := &r.Mentees[k]
		ps, found := decoded["mentees"][m.ID]
		if !found {
			ps = personProblems(m.ID, m.Validate(), m.Home, scorer, checkHomes)
		}
		if !r.On.IsZero() && m.AppliedOn.After(r.On) {
			// A problem of the profile against the round: both sentinels.
			p := roundProblem("applied_on", idName(m.ID), "after_round_day", "after the round's day "+r.On.String(), r.On.String())
			p.Err = errors.Join(ErrInvalidRound, profile.ErrInvalid)
			ps = append(ps, p)
		}
		errs = settle(errs, asideMe, index("mentees", k), m.ID, r.Strict || pinnedMe[m.ID], ps)
	}
	for k := range r.Mentors {
		m := &r.Mentors[k]
		ps, found := decoded["mentors"][m.ID]
		if !found {
			ps = personProblems(m.ID, m.Validate(), m.Home, scorer, checkHomes)
		}
		errs = settle(errs, asideMo, index("mentors", k), m.ID, r.Strict || pinnedMo[m.ID], ps)
	}

	b := &builder{r: r, waitBonus: bonus}
	b.mentees = slices.Clone(r.Mentees)
	slices.SortStableFunc(b.mentees, func(x, y profile.Mentee) int { return strings.Compare(x.ID, y.ID) })
	b.mentors = slices.Clone(r.Mentors)
	slices.SortStableFunc(b.mentors, func(x, y profile.Mentor) int { return strings.Compare(x.ID, y.ID) })
	b.meIdx = make(map[string]int, len(b.mentees))
	for i := range b.mentees {
		b.meIdx[b.mentees[i].ID] = i
	}
	b.moIdx = make(map[string]int, len(b.mentors))
	for j := range b.mentors {
		b.moIdx[b.mentors[j].ID] = j
	}
	b.menteeAside = make([][]*profile.Problem, len(b.mentees))
	for i := range b.mentees {
		b.menteeAside[i] = asideMe[b.mentees[i].ID]
	}
	b.mentorAside = make([][]*profile.Problem, len(b.mentors))
	for j := range b.mentors {
		b.mentorAside[j] = asideMo[b.mentors[j].ID]
	}

	// Pinned duos: each must name people of the round; the same duo twice
	// is harmless.
	b.pinnedMentor = make(map[int]int)
	b.pinnedCount = make([]int, len(b.mentors))
	pinnedAt := make(map[Duo]int, len(r.Pinned)) // duo -> its first position
	menteePin := make(map[int]int)               // mentee index -> position of its pin
	for k, d := range r.Pinned {
		path := index("pinned", k)
		i, okI := b.meIdx[d.MenteeID]
		j, okJ := b.moIdx[d.MentorID]
		if !okI {
			bad(path+".mentee_id", idName(d.MenteeID), "unknown_mentee", "no mentee of the round has this id")
		}
		if !okJ {
			bad(path+".mentor_id", idName(d.MentorID), "unknown_mentor", "no mentor of the round has this id")
		}
		if !okI || !okJ {
			continue
		}
		if _, dup := pinnedAt[d]; dup {
			continue
		}
		pinnedAt[d] = k
		if prev, dup := menteePin[i]; dup {
			also := index("pinned", prev)
			bad(path+".mentee_id", idName(d.MenteeID), "pinned_twice", "mentee is pinned to two mentors (also "+also+")", also)
			continue
		}
		menteePin[i] = k
		b.pinnedMentor[i] = j
		b.pinnedCount[j]++
		b.pinnedDuos = append(b.pinnedDuos, [2]int{i, j})
		if c := b.mentors[j].EffectiveCapacity(); c >= 1 && b.pinnedCount[j] == c+1 {
			n := strconv.Itoa(c)
			bad(path+".mentor_id", idName(d.MentorID), "pinned_over_capacity", "mentor has capacity "+n+" but is pinned to more mentees", n)
		}
	}

	// Excluded pairs are history: those naming someone who is not in the
	// round are counted and ignored.
	seen := make(map[Duo]bool, len(r.Excluded))
	for k, d := range r.Excluded {
		_, okI := b.meIdx[d.MenteeID]
		_, okJ := b.moIdx[d.MentorID]
		if !okI || !okJ {
			b.ignoredExclusions++
			continue
		}
		if seen[d] {
			continue
		}
		seen[d] = true
		if pk, pinned := pinnedAt[d]; pinned {
			mo, at := idName(d.MentorID), index("pinned", pk)
			bad(index("excluded", k), idName(d.MenteeID), "pinned_and_excluded",
				"the duo with mentor "+mo+" is also pinned ("+at+"): a duo cannot be both kept and excluded", mo, at)
			continue
		}
		b.excluded = append(b.excluded, d)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	slices.SortFunc(b.excluded, func(x, y Duo) int {
		if c := strings.Compare(x.MenteeID, y.MenteeID); c != 0 {
			return c
		}
		return strings.Compare(x.MentorID, y.MentorID)
	})
	b.scorer = scorer
	return b, nil
}

// duplicateIDs reports the duplicate IDs of the array field, each error
// with the person's position in people.
func duplicateIDs[P any](field, kind string, people []P, id func(*P) string) []error {
	var errs []error
	first := make(map[string]int, len(people))
	for k := range people {
		if f, dup := first[id(&people[k])]; dup {
			also := index(field, f)
			errs = append(errs, roundProblem(index(field, k)+".id", idName(id(&people[k])), "duplicate_id",
				"duplicate "+kind+" id (also "+also+")", kind, also))
		} else {
			first[id(&people[k])] = k
		}
	}
	return errs
}

// personProblems returns the problems of a person's profile, with paths
// within the profile: those of its validation, then its home's when
// checkHomes (a home is not checked while validation finds problems in
// it).
func personProblems(id string, invalid error, home profile.Place, scorer scoring.Scorer, checkHomes bool) []*profile.Problem {
	ps := profile.Problems(invalid)
	if !checkHomes {
		return ps
	}
	for _, p := range ps {
		if p.Path == "home" || strings.HasPrefix(p.Path, "home.") {
			return ps
		}
	}
	if err := scorer.CheckHome(home); err != nil {
		ps = append(ps, profile.HomeError(id, err))
	}
	return ps
}

// decodedProblems groups the problems of Round.Problems by side
// ("mentees", "mentors") and ID, each a copy with its path within the
// profile ("mentees[3].home.lat" gives "home.lat"), as personProblems
// gives them. Problems outside a person's entry are left out.
func decodedProblems(problems []*profile.Problem) map[string]map[string][]*profile.Problem {
	out := map[string]map[string][]*profile.Problem{"mentees": {}, "mentors": {}}
	for _, p := range problems {
		field, _, rest, ok := personAt(p.Path)
		if !ok || len(p.IDs) != 1 {
			continue
		}
		c := *p
		c.Path = rest
		out[field][p.IDs[0]] = append(out[field][p.IDs[0]], &c)
	}
	return out
}

// settle decides what the problems ps of the person at path with this id
// do: nothing when there are none; errors of the round (under path) when
// strict or when the ID is not usable (the proposal could not name the
// person); otherwise the person is set aside, recorded in aside.
func settle(errs []error, aside map[string][]*profile.Problem, path, id string, strict bool, ps []*profile.Problem) []error {
	if len(ps) == 0 {
		return errs
	}
	usable := true
	for _, p := range ps {
		if p.Path == "id" {
			usable = false
		}
	}
	if strict || !usable {
		for _, p := range ps {
			errs = append(errs, profile.AtPath(p, path))
		}
		return errs
	}
	aside[id] = ps
	return errs
}

// waitBonus returns the priority per day that the setting x of
// Round.WaitBonus stands for, and whether x is valid.
func waitBonus(x float64) (float64, bool) {
	switch {
	case x == 0:
		return DefaultWaitBonus, true
	case x == profile.Off:
		return 0, true
	case x > 0 && x <= MaxWaitBonus:
		return x, true
	}
	return 0, false // negative or NaN
}

// index returns the JSON path of element k of the array field: "mentees[3]".
func index(field string, k int) string { return field + "[" + strconv.Itoa(k) + "]" }

// idName is how an error names a participant with this ID: the ID,
// shortened, or "(no id)", or "(bad id)" for one that is not printable
// text (profile's validation says what is wrong with it).
func idName(id string) string {
	switch {
	case id == "":
		return "(no id)"
	case !utf8.ValidString(id) || strings.ContainsFunc(id, func(r rune) bool { return !unicode.IsPrint(r) }):
		return "(bad id)"
	}
	return msg.Clip(id)
}
