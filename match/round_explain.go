package match

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// explain turns the solved round into a Proposal: duos with their parts,
// unmatched people with their reasons, full mentors, and the notes on the
// input (mentees without applied_on, ignored exclusions).
func (b *builder) explain(st *roundState) Proposal {
	r, p := &b.r, &b.pool
	out := Proposal{
		state:             st,
		Duos:              []ProposedDuo{},
		UnmatchedMentees:  []Unmatched{},
		UnmatchedMentors:  []Unmatched{},
		FullMentors:       []string{},
		Overdue:           []string{},
		MissingAppliedOn:  []string{},
		IgnoredExclusions: b.ignoredExclusions,
	}

	for _, d := range b.pinnedDuos {
		me, mo := &b.mentees[d[0]], &b.mentors[d[1]]
		res := b.scorer.Pair(me, mo)
		duo := ProposedDuo{MenteeID: me.ID, MentorID: mo.ID, Score: res.Score, Parts: res.Parts, Pinned: true}
		if len(res.Blocked) > 0 {
			duo.Blocked = res.Blocked
			duo.Score = sumContributions(res.Parts)
		}
		out.Duos = append(out.Duos, duo)
	}

	// Proposed duos, and who took each pool mentor.
	takenBy := make([][]string, len(p.cols))
	mentorOfRow := make([]int, len(p.rows)) // pool row -> pool column or -1
	for k, s := range st.seatOf {
		mentorOfRow[k] = -1
		if s < 0 {
			continue
		}
		c := p.seatMentor[s]
		mentorOfRow[k] = c
		me, mo := &b.mentees[p.rows[k]], &b.mentors[p.cols[c]]
		out.Duos = append(out.Duos, ProposedDuo{
			MenteeID: me.ID, MentorID: mo.ID,
			Score: st.scores.At(k, c), Parts: b.compiled.Pair(k, c).Parts, Priority: p.priority[k],
		})
		takenBy[c] = append(takenBy[c], me.ID)
	}
	slices.SortFunc(out.Duos, func(x, y ProposedDuo) int {
		if c := strings.Compare(x.MenteeID, y.MenteeID); c != 0 {
			return c
		}
		return strings.Compare(x.MentorID, y.MentorID)
	})
	for _, d := range out.Duos {
		if !d.Pinned {
			out.Total += d.Score
			out.ObjectiveValue += d.Score + d.Priority
		}
	}

	// Unmatched mentees, in ID order.
	for _, i := range p.rows {
		if b.mentees[i].AppliedOn.IsZero() {
			out.MissingAppliedOn = append(out.MissingAppliedOn, b.mentees[i].ID)
		}
	}
	rowOfMentee := make(map[int]int, len(p.rows))
	for k, i := range p.rows {
		rowOfMentee[i] = k
	}
	for i := range b.mentees {
		me := &b.mentees[i]
		if _, pinned := b.pinnedMentor[i]; pinned {
			continue
		}
		if ps := b.menteeAside[i]; ps != nil {
			out.UnmatchedMentees = append(out.UnmatchedMentees, Unmatched{ID: me.ID, Reason: ReasonInvalidProfile, Problems: ps})
			out.SetAsideMentees++
			continue
		}
		if me.Paused {
			out.UnmatchedMentees = append(out.UnmatchedMentees, Unmatched{ID: me.ID, Reason: ReasonPaused, Violations: b.menteeViol[i]})
			continue
		}
		if len(b.menteeViol[i]) > 0 {
			out.UnmatchedMentees = append(out.UnmatchedMentees, Unmatched{ID: me.ID, Reason: ReasonIneligible, Violations: b.menteeViol[i]})
			continue
		}
		k := rowOfMentee[i]
		if mentorOfRow[k] >= 0 {
			continue
		}
		u := Unmatched{ID: me.ID}
		best := st.whyLeftOut(&u, ReasonNoCompatibleMentor, len(p.cols),
			func(c int) float64 { return st.scores.At(k, c) },
			func(c int, counts map[string]int) { b.compiled.CountBlocked(k, c, counts) })
		if best >= 0 {
			u.Best = &Candidate{ID: b.mentors[p.cols[best]].ID, Score: st.scores.At(k, best), TakenBy: sortedOrEmpty(takenBy[best])}
		}
		out.UnmatchedMentees = append(out.UnmatchedMentees, u)
		if applied := me.AppliedOn; !applied.IsZero() && r.On.DaysSince(applied) > profile.MatchWithinDays {
			out.Overdue = append(out.Overdue, me.ID)
		}
	}

	// Full and unmatched mentors, in ID order.
	colOfMentor := make(map[int]int, len(p.cols))
	for c, j := range p.cols {
		colOfMentor[j] = c
	}
	for j := range b.mentors {
		mo := &b.mentors[j]
		if ps := b.mentorAside[j]; ps != nil {
			out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: mo.ID, Reason: ReasonInvalidProfile, Problems: ps})
			out.SetAsideMentors++
			continue
		}
		if b.pinnedCount[j] > 0 && b.pinnedCount[j] >= mo.EffectiveCapacity() {
			out.FullMentors = append(out.FullMentors, mo.ID)
			continue
		}
		if mo.Paused {
			out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: mo.ID, Reason: ReasonPaused, Violations: b.mentorViol[j]})
			continue
		}
		if len(b.mentorViol[j]) > 0 {
			out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: mo.ID, Reason: ReasonIneligible, Violations: b.mentorViol[j]})
			continue
		}
		c, inPool := colOfMentor[j]
		if !inPool {
			// The mentor has free places, but no mentee is left in the pool.
			out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: mo.ID, Reason: ReasonNoCompatibleMentee, Blocked: map[string]int{}})
			continue
		}
		if len(takenBy[c]) > 0 {
			continue
		}
		u := Unmatched{ID: mo.ID}
		best := st.whyLeftOut(&u, ReasonNoCompatibleMentee, len(p.rows),
			func(k int) float64 { return st.scores.At(k, c) },
			func(k int, counts map[string]int) { b.compiled.CountBlocked(k, c, counts) })
		if best >= 0 {
			var by []string
			if mc := mentorOfRow[best]; mc >= 0 {
				by = []string{b.mentors[p.cols[mc]].ID}
			}
			u.Best = &Candidate{ID: b.mentees[p.rows[best]].ID, Score: st.scores.At(best, c), TakenBy: sortedOrEmpty(by)}
		}
		out.UnmatchedMentors = append(out.UnmatchedMentors, u)
	}
	return out
}

// whyLeftOut sets the reason of a pool member left unmatched, given the
// scores of its n possible partners and a count of the rules blocking each
// pair (which allocates nothing, however many partners there are):
// noneCompatible (with the rules counted) when every pair is blocked,
// below_min_score when no allowed pair reaches MinScore, outcompeted
// otherwise. For outcompeted it returns the best partner (highest score,
// lowest index among equals), else -1.
func (st *roundState) whyLeftOut(u *Unmatched, noneCompatible string, n int, score func(int) float64, countBlocked func(int, map[string]int)) int {
	best, anyFinite := -1, false
	for x := 0; x < n; x++ {
		v := score(x)
		if !math.IsInf(v, -1) {
			anyFinite = true
		}
		if st.allowed(v) && (best < 0 || v > score(best)) {
			best = x
		}
	}
	switch {
	case !anyFinite:
		u.Reason = noneCompatible
		u.Blocked = map[string]int{}
		for x := 0; x < n; x++ {
			countBlocked(x, u.Blocked)
		}
		return -1
	case best < 0:
		u.Reason = ReasonBelowMinScore
		return -1
	}
	u.Reason = ReasonOutcompeted
	return best
}

func sortedOrEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

func sumContributions(parts []scoring.Part) float64 {
	var s float64
	for _, p := range parts {
		s += p.Contribution
	}
	return s
}

// Describe says in words why the person is left out, with the details the
// reason carries: every eligibility rule failed (their messages, joined by
// "; "), the hard rules that
// blocked the pairs with their counts (largest first), the best partner
// and who took them. It names people by ID only, and is what a
// coordinator's report or spreadsheet shows next to the reason's code.
//
// Cost: O(size of u).
func (u Unmatched) Describe() string {
	violations := func() string {
		msgs := make([]string, len(u.Violations))
		for k, v := range u.Violations {
			msgs[k] = v.Message
		}
		return strings.Join(msgs, "; ")
	}
	switch u.Reason {
	case ReasonIneligible:
		return violations()
	case ReasonInvalidProfile:
		msgs := make([]string, len(u.Problems))
		for k, p := range u.Problems {
			msgs[k] = p.Path + ": " + p.Detail
		}
		return "the profile cannot be used: " + strings.Join(msgs, "; ")
	case ReasonPaused:
		if len(u.Violations) > 0 {
			return "paused for this round; would also not be eligible: " + violations()
		}
		return "paused for this round"
	case ReasonNoCompatibleMentor, ReasonNoCompatibleMentee:
		if len(u.Blocked) == 0 {
			return "nobody available to pair with"
		}
		keys := slices.Sorted(maps.Keys(u.Blocked))
		slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(u.Blocked[b], u.Blocked[a]) })
		parts := make([]string, len(keys))
		for k, key := range keys {
			parts[k] = key + " " + strconv.Itoa(u.Blocked[key])
		}
		return "every possible pair is blocked by a hard rule: " + strings.Join(parts, ", ")
	case ReasonBelowMinScore:
		return "every allowed pair scores below the round's minimum score"
	case ReasonOutcompeted:
		if u.Best == nil {
			return "another pair was better for the pool"
		}
		s := fmt.Sprintf("the best partner, %s (score %.2f), ", u.Best.ID, u.Best.Score)
		if len(u.Best.TakenBy) > 0 {
			return s + "went to " + strings.Join(u.Best.TakenBy, ", ")
		}
		return s + "was better used elsewhere in the pool"
	}
	return u.Reason
}
