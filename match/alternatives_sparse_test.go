package match

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
)

// proposeSparseTwice solves r on its allowed pairs twice: the second
// Proposal prices alternatives and needs on its dense certificate
// (viaDense), the first on its sparse problem.
func proposeSparseTwice(t *testing.T, r Round) (sparse, dense Proposal) {
	t.Helper()
	sparse, err := propose(context.Background(), r, solveOptions{path: pathSparse})
	require.NoError(t, err)
	dense, err = propose(context.Background(), r, solveOptions{path: pathSparse})
	require.NoError(t, err)
	if dense.state != nil {
		dense.state.viaDense = true
	}
	return sparse, dense
}

// sameAlternatives checks that two answers of AllAlternatives agree: the
// same mentees, as many alternatives each, and at each rank the same
// lost duos and losses (within the float32 rounding of the sparse
// problem, 1e-6), and the same mentor unless its Loss ties with another
// alternative's of that mentee (then either order is right).
func sameAlternatives(t *testing.T, name string, want, got map[string][]Alternative) {
	t.Helper()
	require.Equal(t, len(want), len(got), "%s: mentees", name)
	for id, w := range want {
		g, ok := got[id]
		require.True(t, ok, "%s: %s missing", name, id)
		require.Equal(t, len(w), len(g), "%s: %s: alternatives", name, id)
		for k := range w {
			at := fmt.Sprintf("%s: %s #%d", name, id, k)
			assert.Equal(t, w[k].LostDuos, g[k].LostDuos, at)
			assert.InDelta(t, w[k].Loss, g[k].Loss, 1e-6, at)
			if w[k].MentorID == g[k].MentorID {
				assert.InDelta(t, w[k].ScoreLoss, g[k].ScoreLoss, 1e-6, at)
				assert.InDelta(t, w[k].PriorityLoss, g[k].PriorityLoss, 1e-6, at)
				assert.Equal(t, w[k].Score, g[k].Score, at)
				continue
			}
			tied := false
			for j := range w {
				if j != k && w[j].LostDuos == w[k].LostDuos && math.Abs(w[j].Loss-w[k].Loss) <= 1e-6 {
					tied = true
				}
			}
			assert.True(t, tied, "%s: another mentor (%s, not %s) without a tie", at, g[k].MentorID, w[k].MentorID)
		}
	}
}

// TestAllAlternativesSparseEqualsDense: on rounds solved on their allowed
// pairs (the random suite, and synthetic pools up to 2 000 mentees, both
// objectives), the alternatives priced on the sparse problem are those
// priced on the dense certificate, and no dense matrix is built.
func TestAllAlternativesSparseEqualsDense(t *testing.T) {
	ctx := context.Background()
	check := func(t *testing.T, name string, r Round, k int) {
		sp, de := proposeSparseTwice(t, r)
		got, err := sp.AllAlternatives(ctx, k)
		require.NoError(t, err, name)
		want, err := de.AllAlternatives(ctx, k)
		require.NoError(t, err, name)
		sameAlternatives(t, name, want, got)
		if st := sp.state; st.sparse != nil {
			assert.True(t, st.certOK, "%s: the sparse certificate proves the proposal", name)
			assert.Nil(t, st.scores, "%s: no dense scores", name)
			assert.Nil(t, st.solver, "%s: no dense solver matrix", name)
		}
	}
	eachSparseRound(t, 400, 7, []sparseSize{{120, 100, false, BestTotal}, {400, 320, false, MostMatched},
		{1000, 800, true, BestTotal}, {2000, 1600, true, MostMatched}},
		func(t *testing.T, name string, r Round, seed uint64) { check(t, name, r, 1+int(seed%4)) })
}

// sparseSize is a synthetic round of eachSparseRound.
type sparseSize struct {
	mentees, mentors int
	spread           bool // all over Belgium, rather than in synth's cities
	obj              Objective
}

// eachSparseRound calls check on the rounds of the random suite (seeds of
// them, 60 with -short; seed is the round's seed) and on synthetic rounds
// of the sizes (seeded with synthSeed, seed 0; those above 400 mentees
// are left out with -short), until a check fails.
func eachSparseRound(t *testing.T, seeds int, synthSeed uint64, sizes []sparseSize, check func(t *testing.T, name string, r Round, seed uint64)) {
	t.Helper()
	if testing.Short() {
		seeds = 60
	}
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		r, _ := randomRound(seed)
		check(t, fmt.Sprint("seed ", seed), r, seed)
		if t.Failed() {
			return
		}
	}
	for _, sz := range sizes {
		if testing.Short() && sz.mentees > 400 {
			continue
		}
		r := synthRound(t, synthSeed, sz.mentees, sz.mentors)
		if sz.spread {
			r.Mentees, r.Mentors = synth.Generate(synth.Config{Seed: synthSeed, Mentees: sz.mentees, Mentors: sz.mentors, On: roundDay, IneligibleShare: 0.1, Spread: true})
		}
		r.Objective = sz.obj
		check(t, fmt.Sprintf("%dx%d spread=%v %s", sz.mentees, sz.mentors, sz.spread, sz.obj), r, 0)
	}
}
