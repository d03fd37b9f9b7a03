package match

import (
	"context"
	"errors"
	"fmt"
	"github.com/duomatch/duo/internal/synth"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/duomatch/duo/match/lap"
	"github.com/duomatch/duo/profile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// checkAlternatives checks every pool mentee's alternatives (k large
// enough for all of them) against oracles that share nothing with the
// code under test: re-running Propose with the pair pinned for every
// figure, the changes applied to the proposal, the old per-mentee O(n²)
// Dijkstra for the costs, the unpruned search, and the batch entry point.
func checkAlternatives(t *testing.T, name string, r Round, p Proposal) {
	t.Helper()
	st := p.state
	all, err := p.AllAlternatives(context.Background(), 1000)
	require.NoError(t, err)
	assert.Len(t, all, len(st.menteeIDs), "%s: one entry per pool mentee", name)
	var g *altGraph
	if st.seats > 0 {
		g, err = newAltGraph(context.Background(), st)
		require.NoError(t, err)
	}
	proposed := map[string]string{}
	for _, d := range p.Duos {
		if !d.Pinned {
			proposed[d.MenteeID] = d.MentorID
		}
	}
	seatsOf := map[string]int{}
	for _, c := range st.seatMentor {
		seatsOf[st.mentorIDs[c]]++
	}
	mentorCol := map[string]int{}
	for c, id := range st.mentorIDs {
		mentorCol[id] = c
	}
	for id, row := range st.rowOf {
		alts, err := p.Alternatives(id, 1000)
		require.NoError(t, err)
		assert.Equal(t, alts, all[id], "%s: %s: batch == single", name, id)
		if g == nil {
			assert.Empty(t, alts)
			continue
		}
		unpruned, err := g.alternatives(context.Background(), g.newSearch(), row, 1000, false)
		require.NoError(t, err)
		assert.Equal(t, unpruned, alts, "%s: %s: pruned == unpruned", name, id)
		for _, k := range []int{1, 2, 3} {
			top, err := p.Alternatives(id, k)
			require.NoError(t, err)
			assert.Equal(t, alts[:min(k, len(alts))], top, "%s: %s: top %d is a prefix", name, id, k)
		}

		// The costs, against the old search from the row itself.
		cost := oldForcingCosts(st, row)
		scale := math.Ldexp(1, st.assignment.DualExp)
		for _, a := range alts {
			best := valueInf
			for s, c := range st.seatMentor {
				if st.mentorIDs[c] == a.MentorID && cost[s].Less(best) {
					best = cost[s]
				}
			}
			assert.InDelta(t, best.X*scale, a.Loss, 1e-9, "%s: %s with %s: Loss against the old search", name, id, a.MentorID)
			if r.Objective == MostMatched {
				assert.Equal(t, best.N, a.LostDuos, "%s: %s with %s: LostDuos against the old search", name, id, a.MentorID)
			}
		}

		for k, a := range alts {
			what := fmt.Sprintf("%s: %s with %s", name, id, a.MentorID)
			if k > 0 {
				prev := alts[k-1]
				if r.Objective == MostMatched {
					assert.True(t, prev.LostDuos < a.LostDuos || (prev.LostDuos == a.LostDuos && prev.Loss <= a.Loss), "%s: best first", what)
				} else {
					assert.LessOrEqual(t, prev.Loss, a.Loss, "%s: best first", what)
				}
			}
			assert.NotEqual(t, proposed[id], a.MentorID, "%s: the proposed mentor is no alternative", what)
			assert.Equal(t, a.ScoreLoss+a.PriorityLoss, a.Loss, "%s: Loss = ScoreLoss + PriorityLoss", what)

			forced := r
			forced.Pinned = append(slices.Clone(r.Pinned), Duo{id, a.MentorID})
			q, err := Propose(context.Background(), forced)
			require.NoError(t, err)
			assert.InDelta(t, p.ObjectiveValue-(q.ObjectiveValue+a.Score+st.priority[row]), a.Loss, 1e-9, "%s: Loss", what)
			assert.InDelta(t, p.Total-(q.Total+a.Score), a.ScoreLoss, 1e-9, "%s: ScoreLoss", what)
			assert.InDelta(t, (p.ObjectiveValue-p.Total)-(q.ObjectiveValue-q.Total+st.priority[row]), a.PriorityLoss, 1e-9, "%s: PriorityLoss", what)
			if r.Objective == MostMatched {
				assert.Equal(t, countProposed(p)-(countProposed(q)+1), a.LostDuos, "%s: LostDuos", what)
			}

			// Applying the changes gives a valid round, with the pair, as
			// good as the re-run: an optimal one.
			duos := maps.Clone(proposed)
			require.NotEmpty(t, a.Changes, what)
			assert.Equal(t, Change{id, proposed[id], a.MentorID}, a.Changes[0], "%s: the imposed pair comes first", what)
			seen := map[string]bool{}
			for _, ch := range a.Changes {
				assert.False(t, seen[ch.MenteeID], "%s: %s changes twice", what, ch.MenteeID)
				seen[ch.MenteeID] = true
				assert.NotEqual(t, ch.Loses, ch.Gets, what)
				assert.Equal(t, proposed[ch.MenteeID], ch.Loses, "%s: %s loses the mentor they have", what, ch.MenteeID)
				if ch.Gets == "" {
					delete(duos, ch.MenteeID)
				} else {
					duos[ch.MenteeID] = ch.Gets
				}
				assert.Contains(t, a.Describe(), ch.MenteeID, what)
			}
			assert.Equal(t, a.MentorID, duos[id], what)
			assert.Equal(t, len(proposed)-a.LostDuos, len(duos), "%s: LostDuos is what the changes lose", what)
			taken := map[string]int{}
			total, objective := 0.0, 0.0
			for me, mo := range duos {
				taken[mo]++
				v := st.scores.At(st.rowOf[me], mentorCol[mo])
				assert.True(t, st.allowed(v), "%s: %s with %s is not allowed", what, me, mo)
				total += v
				objective += v + st.priority[st.rowOf[me]]
			}
			for mo, n := range taken {
				assert.LessOrEqual(t, n, seatsOf[mo], "%s: %s over capacity", what, mo)
			}
			assert.InDelta(t, q.Total+a.Score, total, 1e-9, "%s: the changed round's total", what)
			assert.InDelta(t, q.ObjectiveValue+a.Score+st.priority[row], objective, 1e-9, "%s: the changed round is optimal", what)
			if r.Objective == MostMatched {
				assert.Equal(t, countProposed(q)+1, len(duos), "%s: as many duos as the re-run", what)
			}
		}
	}
}

func TestAlternativesMatchPinnedReruns(t *testing.T) {
	for seed := uint64(1); seed <= 6; seed++ {
		for _, obj := range []Objective{MostMatched, BestTotal} {
			for _, capacity := range []int{1, 2} {
				t.Run(fmt.Sprintf("seed=%d/%s/capacity=%d", seed, obj, capacity), func(t *testing.T) {
					r := synthRound(t, seed, 14, 10)
					r.Objective = obj
					r.WaitBonus = 0.004
					for j := range r.Mentors {
						if j%2 == 0 {
							r.Mentors[j].Capacity = capacity
						}
					}
					// Two of the duos of a first run are pinned.
					first, err := Propose(context.Background(), r)
					require.NoError(t, err)
					for k, d := range first.Duos {
						if k%5 == 1 {
							r.Pinned = append(r.Pinned, Duo{d.MenteeID, d.MentorID})
						}
					}
					p, err := Propose(context.Background(), r)
					require.NoError(t, err)
					require.NotEmpty(t, p.state.rowOf)
					checkAlternatives(t, t.Name(), r, p)
				})
			}
		}
	}
}

// TestAlternativesTies checks rounds whose scores tie everywhere (interests
// only, from an alphabet of two), where many chains cost the same.
func TestAlternativesTies(t *testing.T) {
	for seed := uint64(1); seed <= 40; seed++ {
		r, _ := randomRound(seed)
		r.Scorer = interestsOnly()
		for i := range r.Mentees {
			r.Mentees[i].Interests = []string{"a", "b"}[:int(seed+uint64(i))%3%2+1]
		}
		p, err := Propose(context.Background(), r)
		require.NoError(t, err)
		checkAlternatives(t, fmt.Sprint("seed ", seed), r, p)
		if t.Failed() {
			return
		}
	}
}

func TestAllAlternativesLarger(t *testing.T) {
	// A round too large for pinned re-runs of every pair: the batch against
	// the single-mentee call, the unpruned search and the old search; then
	// AlternativesOf against the batch.
	for _, obj := range []Objective{MostMatched, BestTotal} {
		t.Run(obj.String(), func(t *testing.T) {
			r := synthRound(t, 3, 120, 90)
			r.Objective = obj
			p, err := Propose(context.Background(), r)
			require.NoError(t, err)
			all, err := p.AllAlternatives(context.Background(), 5)
			require.NoError(t, err)
			g, err := newAltGraph(context.Background(), p.state)
			require.NoError(t, err)
			for id, row := range p.state.rowOf {
				one, err := p.Alternatives(id, 5)
				require.NoError(t, err)
				assert.Equal(t, one, all[id], id)
				unpruned, err := g.alternatives(context.Background(), g.newSearch(), row, 5, false)
				require.NoError(t, err)
				assert.Equal(t, unpruned, all[id], id)
				cost := oldForcingCosts(p.state, row)
				for _, a := range all[id] {
					best := valueInf
					for s, c := range p.state.seatMentor {
						if p.state.mentorIDs[c] == a.MentorID && cost[s].Less(best) {
							best = cost[s]
						}
					}
					assert.InDelta(t, best.X, a.Loss, 1e-9, "%s with %s", id, a.MentorID)
				}
			}
			// AlternativesOf against the batch on seeded random subsets of
			// the mentees, in random order.
			rng := rand.New(rand.NewPCG(7, uint64(obj)))
			pool := slices.Sorted(maps.Keys(all))
			for trial := range 10 {
				ids := slices.Clone(pool)
				rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
				ids = ids[:rng.IntN(len(ids)+1)]
				got, err := p.AlternativesOf(context.Background(), ids, 5)
				require.NoError(t, err, "trial %d", trial)
				want := map[string][]Alternative{}
				for _, id := range ids {
					want[id] = all[id]
				}
				assert.Equal(t, want, got, "trial %d", trial)
			}
			for _, k := range []int{0, -1} {
				got, err := p.AlternativesOf(context.Background(), pool[:2], k)
				require.NoError(t, err)
				assert.Equal(t, map[string][]Alternative{pool[0]: {}, pool[1]: {}}, got, "k=%d", k)
			}
		})
	}
}

func TestAllAlternativesCancelled(t *testing.T) {
	r := synthRound(t, 2, 300, 240)
	p, err := Propose(context.Background(), r)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = p.AllAlternatives(ctx, 5)
	assert.ErrorIs(t, err, context.Canceled)

	// Cancelled while running: a context that ends after a few checks.
	ctx = &countdownCtx{Context: context.Background(), left: 5}
	_, err = p.AllAlternatives(ctx, 5)
	assert.ErrorIs(t, err, context.Canceled)
}

// countdownCtx is a context whose Err turns to Canceled after left calls.
type countdownCtx struct {
	context.Context
	left int
}

func (c *countdownCtx) Err() error {
	if c.left--; c.left < 0 {
		return context.Canceled
	}
	return nil
}

func TestAllAlternativesEdges(t *testing.T) {
	r := Round{
		On:      roundDay,
		Mentees: []profile.Mentee{mentee("me-1", []string{"a"}), mentee("me-2", []string{"a"}), mentee("me-3", []string{"a"})},
		Mentors: []profile.Mentor{mentor("mo-1", []string{"a"}), mentor("mo-2", []string{"a"})},
		Pinned:  []Duo{{"me-3", "mo-2"}},
	}
	p, err := Propose(context.Background(), r)
	require.NoError(t, err)
	for _, k := range []int{0, -1} {
		all, err := p.AllAlternatives(context.Background(), k)
		require.NoError(t, err)
		assert.Equal(t, map[string][]Alternative{"me-1": {}, "me-2": {}}, all, "k=%d", k)
	}
	_, err = Proposal{}.AllAlternatives(context.Background(), 3)
	assert.True(t, errors.Is(err, errNoState))

	// Nobody to propose to: every pool mentee has an empty entry.
	r.Pinned = []Duo{{"me-3", "mo-2"}, {"me-2", "mo-1"}}
	p, err = Propose(context.Background(), r)
	require.NoError(t, err)
	all, err := p.AllAlternatives(context.Background(), 3)
	require.NoError(t, err)
	assert.Equal(t, map[string][]Alternative{"me-1": {}}, all)
}

func TestChangeString(t *testing.T) {
	tests := []struct {
		name string
		c    Change
		want string
	}{
		{"moves", Change{"me-7", "mo-3", "mo-9"}, "me-7 would lose mo-3 and get mo-9 instead"},
		{"left out", Change{"me-12", "mo-9", ""}, "me-12 would lose mo-9 and be left unmatched"},
		{"comes in", Change{"me-20", "", "mo-4"}, "me-20 would get mo-4"},
		{"no change", Change{"me-1", "", ""}, "me-1 would keep their place"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.c.String())
		})
	}
	a := Alternative{Changes: []Change{{"me-7", "mo-3", "mo-9"}, {"me-12", "mo-9", ""}}}
	assert.Equal(t, "me-7 would lose mo-3 and get mo-9 instead; me-12 would lose mo-9 and be left unmatched", a.Describe())
}

func TestAlternativesErrors(t *testing.T) {
	r := Round{
		On: roundDay,
		Mentees: []profile.Mentee{
			mentee("me-1", []string{"a"}),
			mentee("me-2", []string{"a"}),
			mentee("me-old", nil, func(m *profile.Mentee) { m.BirthDate = profile.MustDate(1970, 1, 1) }),
		},
		Mentors: []profile.Mentor{mentor("mo-1", []string{"a"}), mentor("mo-2", []string{"a"})},
		Pinned:  []Duo{{"me-2", "mo-2"}},
	}
	p, err := Propose(context.Background(), r)
	require.NoError(t, err)
	_, err = p.Alternatives("me-9", 3)
	assert.ErrorIs(t, err, ErrUnknownMentee)
	_, err = p.Alternatives("me-2", 3)
	assert.ErrorIs(t, err, ErrNotInPool)
	_, err = p.Alternatives("me-old", 3)
	assert.ErrorIs(t, err, ErrNotInPool)
	alts, err := p.Alternatives("me-1", 0)
	assert.NoError(t, err)
	assert.Empty(t, alts)
	_, err = Proposal{}.Alternatives("me-1", 3)
	assert.Error(t, err)

	// AlternativesOf: every ID outside the pool is a problem at its
	// position, all at once, with no participant named; a cancelled
	// context stops the searches.
	_, err = p.AlternativesOf(context.Background(), []string{"me-1", "me-9", "me-2", "me-old"}, 3)
	type place struct{ path, code string }
	var got []place
	for _, q := range profile.Problems(err) {
		assert.Empty(t, q.IDs)
		got = append(got, place{q.Path, q.Code})
	}
	assert.Equal(t, []place{{"[1]", "unknown_mentee"}, {"[2]", "not_in_pool"}, {"[3]", "not_in_pool"}}, got)
	assert.ErrorIs(t, err, ErrUnknownMentee)
	assert.ErrorIs(t, err, ErrNotInPool)
	assert.Equal(t, "alternatives_for[1]", profile.Problems(profile.AtPath(err, "alternatives_for"))[0].Path)

	none, err := p.AlternativesOf(context.Background(), nil, 3)
	require.NoError(t, err)
	assert.Empty(t, none)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = p.AlternativesOf(ctx, []string{"me-1"}, 3)
	assert.ErrorIs(t, err, context.Canceled)
	_, err = Proposal{}.AlternativesOf(context.Background(), []string{"me-1"}, 3)
	assert.ErrorIs(t, err, errNoState)
}

func TestAlternativesExcludeTheProposedMentor(t *testing.T) {
	// BestTotal, no priority: me-1's only allowed pair, with mo-b, is worth
	// exactly 0 (no shared interest); the pair with mo-a is blocked, and
	// worth 0 in the solver's matrix too. The solver may take either; the
	// proposal takes mo-b, and Alternatives must not offer mo-b again.
	noTime := func(m *profile.Mentor) { m.Availability = profile.AvailabilityOf(20) }
	r := Round{
		On:        roundDay,
		Mentees:   []profile.Mentee{mentee("me-1", []string{"x"}, waited(0)), mentee("me-2", []string{"y"}, waited(0))},
		Mentors:   []profile.Mentor{mentor("mo-a", []string{"a"}, noTime), mentor("mo-b", []string{"b"}), mentor("mo-c", []string{"y"})},
		Scorer:    interestsOnly(),
		Objective: BestTotal,
	}
	p, err := Propose(context.Background(), r)
	require.NoError(t, err)
	require.Equal(t, map[string]string{"me-1": "mo-b", "me-2": "mo-c"}, duoPairs(p))
	for _, id := range []string{"me-1", "me-2"} {
		alts, err := p.Alternatives(id, 10)
		require.NoError(t, err)
		for _, a := range alts {
			assert.NotEqual(t, duoPairs(p)[id], a.MentorID, "%s is offered the mentor it already has", id)
		}
	}
	alts, err := p.Alternatives("me-2", 10)
	require.NoError(t, err)
	require.Len(t, alts, 1)
	assert.Equal(t, "mo-b", alts[0].MentorID)
	assert.InDelta(t, 1.0, alts[0].Loss, 1e-12, "me-2 loses its pair worth 1; me-1 loses a pair worth 0")
	assert.Equal(t, []Change{{"me-2", "mo-c", "mo-b"}, {"me-1", "mo-b", "mo-c"}}, alts[0].Changes,
		"me-1 takes mo-c, a pair worth 0 but allowed")
	assert.Zero(t, alts[0].LostDuos)
	m := mat.NewDense(len(p.state.menteeIDs), p.state.seats, p.state.solver)
	assert.NoError(t, lap.Verify(m, p.state.assignment), "the stored assignment, with the zero-valued pair, keeps its certificate")
}

// oldForcingCosts is the per-mentee search that Alternatives used before
// the batch: a reverse Dijkstra from row over the whole residual graph,
// with the source and the sink apart, in O((m+n)²). It is kept as an
// oracle: for every seat s, the exact increase of the minimum-cost flow if
// row were forced onto s; +Inf where the pair is not allowed.
func oldForcingCosts(st *roundState, row int) []lap.Value {
	a := &st.assignment
	rows, seats := len(st.menteeIDs), st.seats
	scale := math.Ldexp(1, -a.DualExp)
	w := func(r, s int) float64 { return st.solver[r*seats+s] * scale }
	y := func(r int) lap.Value { return lap.Value{N: b2i(a.RowCover[r]), X: a.RowDual[r]} }
	z := func(s int) lap.Value { return lap.Value{N: b2i(a.ColCover[s]), X: a.ColDual[s]} }

	rowMate := make([]int, rows)
	seatMate := make([]int, seats)
	for i := range rowMate {
		rowMate[i] = -1
	}
	for i := range seatMate {
		seatMate[i] = -1
	}
	for _, pr := range a.Pairs {
		rowMate[pr.Row], seatMate[pr.Col] = pr.Col, pr.Row
	}
	src, sink := rows+seats, rows+seats+1
	n := rows + seats + 2
	dist := make([]lap.Value, n)
	done := make([]bool, n)
	for v := range dist {
		dist[v] = valueInf
	}
	dist[row] = lap.Value{}
	relax := func(v int, d lap.Value) {
		if !done[v] && d.Less(dist[v]) {
			dist[v] = d
		}
	}
	for {
		x := -1
		for v := 0; v < n; v++ {
			if !done[v] && dist[v] != valueInf && (x < 0 || dist[v].Less(dist[x])) {
				x = v
			}
		}
		if x < 0 {
			break
		}
		done[x] = true
		d := dist[x]
		switch {
		case x < rows:
			if s := rowMate[x]; s >= 0 {
				relax(rows+s, d)
			} else {
				relax(src, d)
			}
		case x < rows+seats:
			s := x - rows
			zs := z(s)
			for r := 0; r < rows; r++ {
				if rowMate[r] == s || math.IsInf(w(r, s), -1) || done[r] {
					continue
				}
				relax(r, d.Add(y(r).Add(zs).Add(lap.Value{N: -1, X: -w(r, s)})))
			}
			if seatMate[s] >= 0 {
				relax(sink, d.Add(zs))
			}
		case x == src:
			for r := 0; r < rows; r++ {
				if rowMate[r] >= 0 {
					relax(r, d.Add(y(r)))
				}
			}
			relax(sink, d)
		default:
			for s := 0; s < seats; s++ {
				if seatMate[s] < 0 {
					relax(rows+s, d)
				}
			}
			if len(a.Pairs) > 0 {
				relax(src, d)
			}
		}
	}
	out := make([]lap.Value, seats)
	for s := range out {
		if math.IsInf(w(row, s), -1) || rowMate[row] == s || dist[rows+s] == valueInf || !st.allowed(st.scores.At(row, st.seatMentor[s])) {
			out[s] = valueInf
			continue
		}
		out[s] = y(row).Add(z(s)).Add(lap.Value{N: -1, X: -w(row, s)}).Add(dist[rows+s])
	}
	return out
}

func BenchmarkAllAlternatives(b *testing.B) {
	for _, size := range []struct{ mentees, mentors int }{{200, 160}, {1000, 800}, {2000, 1600}} {
		b.Run(fmt.Sprintf("%dx%d", size.mentees, size.mentors), func(b *testing.B) {
			p, err := Propose(context.Background(), synthRound(b, 1, size.mentees, size.mentors))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.AllAlternatives(context.Background(), 5); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// Spread-out pools solved on their allowed pairs, priced on the
	// sparse problem ("sparse") or, as before, on the dense certificate
	// ("dense": its first call also lays out and solves the dense
	// matrix, which later calls reuse; run with -benchtime=1x to time a
	// first call).
	forSpreadRounds(b, func(b *testing.B, p Proposal) {
		for b.Loop() {
			if _, err := p.AllAlternatives(context.Background(), 5); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// forSpreadRounds runs bench on spread-out rounds of 1 000 × 800 and
// 5 000 × 4 000 solved on their allowed pairs, once with their
// alternatives and needs priced on the sparse problem and once on the
// dense certificate. The proposals are made before the timer. It also
// reports the process's CPU time per loop (cpu-s/op, every thread, the
// garbage collector's included), which a loaded machine does not inflate
// as it does the wall-clock time.
func forSpreadRounds(b *testing.B, bench func(*testing.B, Proposal)) {
	for _, size := range []struct{ mentees, mentors int }{{1000, 800}, {5000, 4000}} {
		r := Round{On: roundDay}
		r.Mentees, r.Mentors = synth.Generate(synth.Config{Seed: 1, Mentees: size.mentees, Mentors: size.mentors, On: roundDay, IneligibleShare: 0.1, Spread: true})
		for _, via := range []string{"sparse", "dense"} {
			b.Run(fmt.Sprintf("%dx%d/spread/%s", size.mentees, size.mentors, via), func(b *testing.B) {
				p, err := propose(context.Background(), r, solveOptions{path: pathSparse})
				if err != nil {
					b.Fatal(err)
				}
				p.state.viaDense = via == "dense"
				b.ReportAllocs()
				cpu := cpuTime()
				bench(b, p)
				b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			})
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
