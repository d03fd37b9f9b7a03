package match

import (
	"context"
	"fmt"
	"testing"

	"github.com/duomatch/duo/match/lap"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// TestSolverViewIsTheSolverMatrix checks that the round's solver matrix,
// read row by row from the scores while Assign solves it, gives exactly
// the values the round keeps afterwards, and the same Assignment as that
// kept copy given to Assign as a *mat.Dense: tall and wide pools, pools
// where a minimum score leaves mentees without any allowed mentor (rows
// dropped, which can change the solved orientation), both objectives.
func TestSolverViewIsTheSolverMatrix(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		mentees, mentors int
		minScore         float64
		objective        Objective
	}{
		{40, 25, 0, MostMatched},
		{25, 40, 0, MostMatched},
		{60, 45, 0.55, MostMatched},
		{45, 60, 0.6, MostMatched},
		{60, 45, 0.5, BestTotal},
		{30, 30, 0.45, BestTotal},
	}
	for k, tc := range tests {
		name := fmt.Sprintf("%dx%d-min%.2f-%v", tc.mentees, tc.mentors, tc.minScore, tc.objective)
		t.Run(name, func(t *testing.T) {
			r := synthRound(t, uint64(20+k), tc.mentees, tc.mentors)
			r.MinScore, r.Objective = tc.minScore, tc.objective
			p, err := Propose(ctx, r)
			require.NoError(t, err)
			st := p.state
			rows := len(st.menteeIDs)
			require.Positive(t, rows)
			require.Positive(t, st.seats)
			v := solverView{st}
			vr, vc := v.Dims()
			require.Equal(t, [2]int{rows, st.seats}, [2]int{vr, vc})
			for i := range rows {
				for s := range st.seats {
					require.Equal(t, st.solver[i*st.seats+s], v.At(i, s), "entry (%d, %d)", i, s)
				}
			}
			dense, err := lap.Assign(ctx, mat.NewDense(rows, st.seats, st.solver))
			require.NoError(t, err)
			viewed, err := lap.Assign(ctx, v)
			require.NoError(t, err)
			assert.Equal(t, dense, viewed)
			assert.NoError(t, lap.Verify(v, viewed))
		})
	}
}
