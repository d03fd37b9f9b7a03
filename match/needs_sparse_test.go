package match

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNeedsSparseEqualsDense: on rounds solved on their allowed pairs (the
// random suite, and synthetic pools up to 2 000 mentees, both
// objectives), the needs valued on the sparse problem are those valued on
// the dense certificate (the same profiles, mentees and duos; objective
// and total within the float32 rounding of the sparse problem), and no
// dense matrix is built.
func TestNeedsSparseEqualsDense(t *testing.T) {
	ctx := context.Background()
	used := 0 // rounds valued on the sparse problem
	check := func(t *testing.T, name string, r Round, max int) {
		sp, de := proposeSparseTwice(t, r)
		got, err := sp.Needs(ctx, NeedsOptions{MaxRecruits: max})
		require.NoError(t, err, name)
		want, err := de.Needs(ctx, NeedsOptions{MaxRecruits: max})
		require.NoError(t, err, name)
		require.Equal(t, len(want), len(got), "%s: needs", name)
		for k := range want {
			at := fmt.Sprintf("%s: need %d", name, k)
			assert.Equal(t, want[k].Mentor, got[k].Mentor, at)
			assert.Equal(t, want[k].MenteeIDs, got[k].MenteeIDs, at)
			assert.Equal(t, want[k].WaitingDays, got[k].WaitingDays, at)
			require.Equal(t, len(want[k].Value), len(got[k].Value), at)
			for n, w := range want[k].Value {
				g := got[k].Value[n]
				assert.Equal(t, w.Recruits, g.Recruits, at)
				assert.Equal(t, w.Duos, g.Duos, at)
				assert.InDelta(t, w.Objective, g.Objective, 1e-6, at)
				if r.Objective == MostMatched {
					assert.InDelta(t, w.Total, g.Total, 1e-6, at)
				}
			}
		}
		if st := sp.state; st.sparse != nil {
			assert.Equal(t, st.certDone, st.certOK, "%s: the sparse certificate, when made, proves the proposal", name)
			if st.certOK && len(got) > 0 {
				used++
			}
			assert.Nil(t, st.scores, "%s: no dense scores", name)
			assert.Nil(t, st.solver, "%s: no dense solver matrix", name)
		}
	}
	seeds := 300
	eachSparseRound(t, seeds, 9, []sparseSize{{120, 60, false, MostMatched}, {400, 300, false, BestTotal},
		{1000, 700, true, MostMatched}, {2000, 1400, true, BestTotal}},
		func(t *testing.T, name string, r Round, seed uint64) { check(t, name, r, int(seed%6)) })
	if testing.Short() {
		seeds = 60
	}
	assert.Greater(t, used, seeds/10, "rounds with needs valued on the sparse problem")
}
