package match

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/duomatch/duo/match/lap"
)

// sameObjective checks that two proposals of one round reach the same
// objective: as many proposed duos, and the same objective value (within
// the float32 rounding of the sparse problem's scores: 1e-6 per duo).
// It returns whether they propose the same duos.
func sameObjective(t *testing.T, name string, dense, sparse Proposal) bool {
	t.Helper()
	n := countProposed(dense)
	require.Equal(t, n, countProposed(sparse), "%s: proposed duos", name)
	require.InDelta(t, dense.ObjectiveValue, sparse.ObjectiveValue, 1e-6*float64(n+1), "%s: objective", name)
	if len(dense.Duos) != len(sparse.Duos) {
		return false
	}
	for k := range dense.Duos {
		if dense.Duos[k].MenteeID != sparse.Duos[k].MenteeID || dense.Duos[k].MentorID != sparse.Duos[k].MentorID {
			return false
		}
	}
	return true
}

// requireSparseCertified checks the certificate of a round solved on its
// allowed pairs against its sparse problem, rebuilt from the candidates.
func requireSparseCertified(t *testing.T, name string, p Proposal) {
	t.Helper()
	st := p.state
	if st.cands == nil { // nobody to pair
		return
	}
	require.NotNil(t, st.sparse, name)
	require.NoError(t, lap.VerifySparse(st.sparse, st.sparseA), "%s: the sparse certificate", name)
	seats := make([]int, len(st.mentorIDs))
	for _, c := range st.seatMentor {
		seats[c]++
	}
	g, err := st.sparseProblem(seats)
	require.NoError(t, err)
	require.NoError(t, lap.VerifySparse(g, st.sparseA), "%s: the certificate on the rebuilt problem", name)
}

// TestProposeSparseRandomRounds runs every round of the random suite both
// ways: the sparse path's proposal passes the same oracles as the dense
// one's (brute force, the truth of every reason, alternatives against
// re-running), its certificate verifies, and the two reach the same
// objective. Where the optimum is tied, the two solvers may choose
// different optimal duos; the test counts how often.
func TestProposeSparseRandomRounds(t *testing.T) {
	rounds := uint64(1500)
	if testing.Short() {
		rounds = 150
	}
	differ := 0
	for seed := uint64(1); seed <= rounds; seed++ {
		r, stale := randomRound(seed)
		name := fmt.Sprint("seed ", seed)
		dense, err := propose(context.Background(), r, solveOptions{path: pathDense})
		require.NoError(t, err, name)
		sparse, err := propose(context.Background(), r, solveOptions{path: pathSparse})
		require.NoError(t, err, name)
		requireSparseCertified(t, name, sparse)
		if !sameObjective(t, name, dense, sparse) {
			differ++
		}
		// checkRound verifies the dense certificate of the proposal, which
		// Alternatives build for a sparse round.
		require.NoError(t, sparse.state.ensureDense(context.Background()), name)
		checkRound(t, name+" (sparse)", r, sparse, stale)
		if t.Failed() {
			return
		}
	}
	t.Logf("%d of %d rounds: the paths chose different duos of the same objective", differ, rounds)
}

// TestProposeSparseAgreesMedium: on synthetic rounds up to 2 000 mentees,
// the sparse and dense paths reach the same objective, the sparse
// certificate verifies, and the dense certificate that Alternatives and
// Needs build for a sparse round (ensureDense) verifies on the proposal.
func TestProposeSparseAgreesMedium(t *testing.T) {
	sizes := []struct {
		mentees, mentors int
		objectives       []Objective
	}{
		{30, 24, []Objective{MostMatched, BestTotal}},
		{120, 100, []Objective{MostMatched, BestTotal}},
		{400, 320, []Objective{MostMatched, BestTotal}},
		{1000, 800, []Objective{BestTotal}},
		{2000, 1600, []Objective{MostMatched}},
	}
	for k, sz := range sizes {
		for _, obj := range sz.objectives {
			t.Run(fmt.Sprintf("%dx%d/%s", sz.mentees, sz.mentors, obj), func(t *testing.T) {
				if testing.Short() && sz.mentees > 400 {
					t.Skip("large round")
				}
				r := synthRound(t, uint64(40+k), sz.mentees, sz.mentors)
				r.Objective = obj
				dense, err := propose(context.Background(), r, solveOptions{path: pathDense})
				require.NoError(t, err)
				sparse, err := propose(context.Background(), r, solveOptions{path: pathSparse})
				require.NoError(t, err)
				requireSparseCertified(t, "sparse", sparse)
				same := sameObjective(t, "round", dense, sparse)
				t.Logf("same duos: %v", same)
				st := sparse.state
				require.NoError(t, st.ensureDense(context.Background()))
				m := mat.NewDense(len(st.menteeIDs), st.seats, st.solver)
				assert.NoError(t, lap.Verify(m, st.assignment), "the dense certificate of the sparse proposal")
				for k, s := range st.seatOf {
					if s >= 0 {
						assert.False(t, math.IsInf(st.score(k, st.seatMentor[s]), -1))
					}
				}
			})
		}
	}
}
