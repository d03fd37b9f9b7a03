package match

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/duomatch/duo/match/lap"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// randomRound returns a small random round for the oracles: up to 6
// mentees and 5 mentors of capacity 1 to 3, some ineligible, some speaking
// only Dutch (so that pairs are blocked); interests from a small alphabet,
// so that scores tie and are often exactly 0; applied_on up to 60 days ago,
// or missing; random pinned duos; exclusions among the round's people and
// stale ones naming people who left; a random objective and MinScore; the
// default waiting priority in most rounds. It also returns the number of
// stale exclusions.
func randomRound(seed uint64) (Round, int) {
	rng := rand.New(rand.NewPCG(seed, 2026))
	interests := func() []string {
		var out []string
		for _, x := range []string{"a", "b", "c", "d", "e"} {
			if rng.IntN(3) == 0 {
				out = append(out, x)
			}
		}
		return out
	}
	dutch := []profile.Language{{Tag: "nl", Level: profile.Native}}
	r := Round{
		On:        roundDay,
		Scorer:    interestsOnly(),
		Objective: Objective(rng.IntN(2)),
		MinScore:  []float64{0, 0, 0.2, 0.4}[rng.IntN(4)],
		WaitBonus: []float64{0, 0, 0, profile.Off, 0.02}[rng.IntN(5)],
	}
	if rng.IntN(3) == 0 {
		r.Scorer = scoring.Scorer{}
	}
	for i := range 1 + rng.IntN(6) {
		m := mentee(fmt.Sprintf("me-%d", i), interests())
		switch rng.IntN(8) {
		case 0:
			m.BirthDate = profile.MustDate(1980, time.January, 1)
		case 1:
			m.Languages = dutch
		}
		if rng.IntN(6) == 0 {
			m.AppliedOn = profile.Date{}
		} else {
			m.AppliedOn = roundDay.AddDays(-rng.IntN(61))
		}
		m.Paused = rng.IntN(10) == 0
		r.Mentees = append(r.Mentees, m)
	}
	for j := range 1 + rng.IntN(5) {
		m := mentor(fmt.Sprintf("mo-%d", j), interests())
		m.Capacity = rng.IntN(4) // 0 means 1
		switch rng.IntN(8) {
		case 0:
			m.BirthDate = profile.MustDate(1990, time.January, 1)
		case 1:
			m.Languages = dutch
		}
		m.Paused = rng.IntN(10) == 0
		r.Mentors = append(r.Mentors, m)
	}
	pins := make([]int, len(r.Mentors))
	for _, me := range r.Mentees {
		mo := rng.IntN(len(r.Mentors))
		if rng.IntN(4) == 0 && pins[mo] < r.Mentors[mo].EffectiveCapacity() {
			pins[mo]++
			r.Pinned = append(r.Pinned, Duo{me.ID, r.Mentors[mo].ID})
		}
	}
	for range rng.IntN(4) {
		d := Duo{r.Mentees[rng.IntN(len(r.Mentees))].ID, r.Mentors[rng.IntN(len(r.Mentors))].ID}
		if !slices.Contains(r.Pinned, d) {
			r.Excluded = append(r.Excluded, d)
		}
	}
	stale := rng.IntN(3)
	for k := range stale {
		d := Duo{"me-gone", r.Mentors[rng.IntN(len(r.Mentors))].ID}
		if k%2 == 1 {
			d = Duo{r.Mentees[rng.IntN(len(r.Mentees))].ID, "mo-gone"}
		}
		r.Excluded = append(r.Excluded, d)
	}
	rng.Shuffle(len(r.Excluded), func(i, j int) { r.Excluded[i], r.Excluded[j] = r.Excluded[j], r.Excluded[i] })
	return r, stale
}

// TestProposeRandomRounds checks Propose on random rounds against
// oracles that share nothing with it but the scorer and the policy: brute
// force for the optimum, Verify for the stored assignment, the truth of
// every reason, Alternatives against re-running the round with the pair
// pinned, and invariance under shuffling the input.
func TestProposeRandomRounds(t *testing.T) {
	rounds := uint64(1500)
	if testing.Short() {
		rounds = 150
	}
	for seed := uint64(1); seed <= rounds; seed++ {
		r, stale := randomRound(seed)
		p, err := Propose(context.Background(), r)
		require.NoError(t, err, "seed %d", seed)
		checkRound(t, fmt.Sprint("seed ", seed), r, p, stale)
		if t.Failed() {
			return
		}
	}
}

func checkRound(t *testing.T, name string, r Round, p Proposal, stale int) {
	t.Helper()
	st := p.state
	scorer := r.Scorer
	policy := profile.DefaultPolicy()
	excluded := map[Duo]bool{}
	for _, d := range r.Excluded {
		excluded[d] = true
	}
	score := func(me profile.Mentee, mo profile.Mentor) float64 {
		if excluded[Duo{me.ID, mo.ID}] {
			return math.Inf(-1)
		}
		return scorer.Pair(&me, &mo).Score
	}
	pinnedMentee := map[string]bool{}
	pins := map[string]int{}
	for _, d := range r.Pinned {
		pinnedMentee[d.MenteeID] = true
		pins[d.MentorID]++
	}
	var poolMentees []profile.Mentee
	var missing []string
	for _, me := range r.Mentees {
		if !pinnedMentee[me.ID] && !me.Paused && len(policy.CheckMentee(me, r.On)) == 0 {
			poolMentees = append(poolMentees, me)
			if me.AppliedOn.IsZero() {
				missing = append(missing, me.ID)
			}
		}
	}
	slices.Sort(missing)
	var freeMentors []profile.Mentor
	for _, mo := range r.Mentors {
		if len(policy.CheckMentor(mo, r.On)) == 0 && !mo.Paused && pins[mo.ID] < mo.EffectiveCapacity() {
			freeMentors = append(freeMentors, mo)
		}
	}
	assert.Equal(t, stale, p.IgnoredExclusions, "%s: ignored exclusions", name)
	assert.Equal(t, append([]string{}, missing...), p.MissingAppliedOn, "%s: mentees without applied_on", name)

	// The optimum, and its certificate.
	if st.seats > 0 && len(st.menteeIDs) > 0 {
		n, v := bruteRound(t, r, p)
		if r.Objective == MostMatched {
			assert.Equal(t, n, countProposed(p), "%s: as many duos as possible", name)
		}
		assert.InDelta(t, v, p.ObjectiveValue, 1e-9, "%s: the best objective", name)
		m := mat.NewDense(len(st.menteeIDs), st.seats, st.solver)
		assert.NoError(t, lap.Verify(m, st.assignment), "%s: the stored assignment is proved optimal", name)
	}

	// Every reason is true.
	newDuos := map[string]int{} // mentor -> proposed duos
	proposed := map[string]string{}
	for _, d := range p.Duos {
		if !d.Pinned {
			newDuos[d.MentorID]++
			proposed[d.MenteeID] = d.MentorID
			assert.False(t, excluded[Duo{d.MenteeID, d.MentorID}], "%s: an excluded pair is proposed", name)
		}
	}
	checkReason := func(who string, u Unmatched, partners int, pairScore func(int) float64) {
		t.Helper()
		anyFinite, anyAllowed, best := false, false, math.Inf(-1)
		for x := range partners {
			v := pairScore(x)
			anyFinite = anyFinite || !math.IsInf(v, -1)
			if !math.IsInf(v, -1) && v >= r.MinScore {
				anyAllowed = true
				best = max(best, v)
			}
		}
		switch u.Reason {
		case ReasonNoCompatibleMentor, ReasonNoCompatibleMentee:
			assert.False(t, anyFinite, "%s: %s is %s but has a compatible partner", name, who, u.Reason)
		case ReasonBelowMinScore:
			assert.True(t, anyFinite && !anyAllowed, "%s: %s is below_min_score", name, who)
		case ReasonOutcompeted:
			assert.True(t, anyAllowed, "%s: %s is outcompeted without an allowed partner", name, who)
			if assert.NotNil(t, u.Best, "%s: %s", name, who) {
				assert.Equal(t, best, u.Best.Score, "%s: %s's best partner", name, who)
			}
		default:
			t.Errorf("%s: %s has reason %q", name, who, u.Reason)
		}
	}
	unmatchedMentees := unmatchedByID(p.UnmatchedMentees)
	for _, me := range r.Mentees {
		u, listed := unmatchedMentees[me.ID]
		_, matched := proposed[me.ID]
		switch {
		case pinnedMentee[me.ID]:
			assert.False(t, listed, "%s: pinned %s is unmatched", name, me.ID)
		case me.Paused:
			assert.Equal(t, ReasonPaused, u.Reason, "%s: %s", name, me.ID)
			assert.False(t, matched, "%s: paused %s is matched", name, me.ID)
		case len(policy.CheckMentee(me, r.On)) > 0:
			assert.Equal(t, ReasonIneligible, u.Reason, "%s: %s", name, me.ID)
		case matched:
			assert.False(t, listed, "%s: matched %s is unmatched", name, me.ID)
		default:
			require.True(t, listed, "%s: %s is neither matched nor unmatched", name, me.ID)
			checkReason(me.ID, u, len(freeMentors), func(x int) float64 { return score(me, freeMentors[x]) })
		}
	}
	unmatchedMentors := unmatchedByID(p.UnmatchedMentors)
	for _, mo := range r.Mentors {
		u, listed := unmatchedMentors[mo.ID]
		full := pins[mo.ID] == mo.EffectiveCapacity()
		assert.Equal(t, full, slices.Contains(p.FullMentors, mo.ID), "%s: %s is full", name, mo.ID)
		switch {
		case full:
			assert.False(t, listed, "%s: full %s is unmatched", name, mo.ID)
		case mo.Paused:
			assert.Equal(t, ReasonPaused, u.Reason, "%s: %s", name, mo.ID)
			assert.Zero(t, newDuos[mo.ID], "%s: paused %s gets a mentee", name, mo.ID)
		case len(policy.CheckMentor(mo, r.On)) > 0:
			assert.Equal(t, ReasonIneligible, u.Reason, "%s: %s", name, mo.ID)
		case newDuos[mo.ID] > 0:
			assert.False(t, listed, "%s: %s has a new mentee but is unmatched", name, mo.ID)
		default:
			require.True(t, listed, "%s: %s is neither matched, full nor unmatched", name, mo.ID)
			checkReason(mo.ID, u, len(poolMentees), func(x int) float64 { return score(poolMentees[x], mo) })
		}
	}

	// Alternatives: every allowed mentor other than the proposed one, each
	// checked against the re-run with the pair pinned.
	checkAlternatives(t, name, r, p)
	for id := range st.rowOf {
		alts, err := p.Alternatives(id, 100)
		require.NoError(t, err)
		var want, got []string
		me := r.Mentees[slices.IndexFunc(r.Mentees, func(m profile.Mentee) bool { return m.ID == id })]
		for _, mo := range freeMentors {
			if v := score(me, mo); mo.ID != proposed[id] && !math.IsInf(v, -1) && v >= r.MinScore {
				want = append(want, mo.ID)
			}
		}
		for _, a := range alts {
			got = append(got, a.MentorID)
		}
		slices.Sort(got)
		assert.Equal(t, want, got, "%s: the alternatives of %s", name, id)
	}

	// The same round in another order gives the same proposal, byte for
	// byte, on the same path.
	want, err := json.Marshal(p)
	require.NoError(t, err)
	s := shuffled(r, rand.New(rand.NewPCG(uint64(len(want)), 7)))
	q, err := propose(context.Background(), s, solveOptions{path: st.path})
	require.NoError(t, err)
	got, err := json.Marshal(q)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "%s: shuffled input", name)
}

// shuffled returns r with its people, pinned and excluded duos in another
// order.
func shuffled(r Round, rng *rand.Rand) Round {
	s := r
	s.Mentees, s.Mentors = slices.Clone(r.Mentees), slices.Clone(r.Mentors)
	s.Pinned, s.Excluded = slices.Clone(r.Pinned), slices.Clone(r.Excluded)
	rng.Shuffle(len(s.Mentees), func(i, j int) { s.Mentees[i], s.Mentees[j] = s.Mentees[j], s.Mentees[i] })
	rng.Shuffle(len(s.Mentors), func(i, j int) { s.Mentors[i], s.Mentors[j] = s.Mentors[j], s.Mentors[i] })
	rng.Shuffle(len(s.Pinned), func(i, j int) { s.Pinned[i], s.Pinned[j] = s.Pinned[j], s.Pinned[i] })
	rng.Shuffle(len(s.Excluded), func(i, j int) { s.Excluded[i], s.Excluded[j] = s.Excluded[j], s.Excluded[i] })
	return s
}

// bruteRound enumerates every way to give pool mentees to mentor seats and
// returns the best (duos, objective) for the round's objective.
func bruteRound(t *testing.T, r Round, p Proposal) (int, float64) {
	t.Helper()
	st := p.state
	rows, seats := len(st.menteeIDs), st.seats
	value := func(i, s int) (float64, bool) {
		v := st.score(i, st.seatMentor[s])
		if !st.allowed(v) {
			return 0, false
		}
		return v + st.priority[i], true
	}
	bestN, bestV := 0, 0.0
	used := make([]bool, seats)
	var walk func(i, n int, v float64)
	walk = func(i, n int, v float64) {
		if i == rows {
			better := n > bestN || (n == bestN && v > bestV)
			if r.Objective == BestTotal {
				better = v > bestV || (v == bestV && n > bestN)
			}
			if better {
				bestN, bestV = n, v
			}
			return
		}
		walk(i+1, n, v)
		for s := 0; s < seats; s++ {
			if used[s] {
				continue
			}
			if w, ok := value(i, s); ok {
				used[s] = true
				walk(i+1, n+1, v+w)
				used[s] = false
			}
		}
	}
	walk(0, 0, 0)
	return bestN, bestV
}

// TestProposeOptimalAgainstBruteForce: on small synthetic rounds, each
// path's proposal is optimal by brute force, for both objectives, and its
// certificates verify (the sparse path's scores are float32: 1e-6).
func TestProposeOptimalAgainstBruteForce(t *testing.T) {
	for seed := uint64(1); seed <= 24; seed++ {
		for _, obj := range []Objective{MostMatched, BestTotal} {
			for _, path := range []solvePath{pathDense, pathSparse} {
				t.Run(fmt.Sprintf("seed=%d/%s/path=%d", seed, obj, path), func(t *testing.T) {
					r := synthRound(t, seed, 6, 5)
					r.Objective = obj
					r.MinScore = []float64{0, 0.3, 0.45}[seed%3]
					p, err := propose(context.Background(), r, solveOptions{path: path})
					require.NoError(t, err)
					n, v := bruteRound(t, r, p)
					if obj == MostMatched {
						assert.Equal(t, n, countProposed(p), "as many duos as possible")
					}
					tol := 1e-9
					if path == pathSparse {
						tol = 1e-6
						requireSparseCertified(t, "round", p)
					}
					assert.InDelta(t, v, p.ObjectiveValue, tol, "the best objective")

					if st := p.state; st.seats > 0 && len(st.menteeIDs) > 0 {
						require.NoError(t, st.ensureDense(context.Background()))
						m := mat.NewDense(len(st.menteeIDs), st.seats, st.solver)
						assert.NoError(t, lap.Verify(m, st.assignment), "the underlying assignment is proved optimal")
					}
				})
			}
		}
	}
}

func TestProposeShuffleInvariance(t *testing.T) {
	for seed := uint64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			r := synthRound(t, seed, 30, 24)
			base, err := Propose(context.Background(), r)
			require.NoError(t, err)
			for k, d := range base.Duos {
				switch k % 5 {
				case 0:
					r.Pinned = append(r.Pinned, Duo{d.MenteeID, d.MentorID})
				case 1:
					r.Excluded = append(r.Excluded, Duo{d.MenteeID, d.MentorID})
				}
			}
			want, err := Propose(context.Background(), r)
			require.NoError(t, err)
			assert.Equal(t, 2, want.IgnoredExclusions, "the exclusions naming people who left")
			wantJSON, err := json.Marshal(want)
			require.NoError(t, err)

			rng := rand.New(rand.NewPCG(seed, 99))
			for range 3 {
				s := shuffled(r, rng)
				got, err := Propose(context.Background(), s)
				require.NoError(t, err)
				gotJSON, err := json.Marshal(got)
				require.NoError(t, err)
				assert.JSONEq(t, string(wantJSON), string(gotJSON))
				assert.Equal(t, string(wantJSON), string(gotJSON), "byte-identical JSON")
			}
		})
	}
}

func countProposed(p Proposal) int {
	n := 0
	for _, d := range p.Duos {
		if !d.Pinned {
			n++
		}
	}
	return n
}
