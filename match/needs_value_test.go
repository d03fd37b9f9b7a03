package match

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/duomatch/duo/match/lap"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// solvedState returns the state of a round whose pool scores are scores
// (one seat per mentor) with the given priorities, solved as Propose
// solves it.
func solvedState(t *testing.T, scores *mat.Dense, priority []float64, obj Objective, minScore float64) *roundState {
	t.Helper()
	rows, seats := scores.Dims()
	st := &roundState{objective: obj, minScore: minScore, scores: scores, seats: seats, priority: priority, seatOf: make([]int, rows)}
	for s := range seats {
		st.seatMentor = append(st.seatMentor, s)
	}
	for i := range st.seatOf {
		st.seatOf[i] = -1
	}
	st.solver = st.solverMatrix(nil)
	a, err := lap.Assign(context.Background(), mat.NewDense(rows, seats, st.solver))
	require.NoError(t, err)
	for _, p := range a.Pairs {
		if st.allowed(scores.At(p.Row, p.Col)) {
			st.seatOf[p.Row] = p.Col
		}
	}
	if obj == BestTotal {
		st.fillZeroPairs()
		a = st.completed(a)
	}
	st.assignment = a
	return st
}

// TestGrowthAgainstAssign grows random rounds by seats and rows and checks
// after every step that the assignment kept is as good as solving the
// grown matrix from scratch: as many duos (for MostMatched) and the same
// objective.
func TestGrowthAgainstAssign(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 14))
		rows, seats := rng.IntN(7), rng.IntN(7)
		obj := Objective(rng.IntN(2))
		minScore := []float64{0, 0, 0.3}[rng.IntN(3)]
		coarse := rng.IntN(2) == 0 // scores of one decimal: many ties
		score := func() float64 {
			if rng.IntN(3) == 0 {
				return math.Inf(-1)
			}
			x := rng.Float64()
			if coarse {
				x = math.Round(x*10) / 10
			}
			return x
		}
		prio := func() float64 { return float64(rng.IntN(4)) * 0.05 }
		value := func(sc, p float64) float64 {
			switch {
			case sc >= minScore && !math.IsInf(sc, -1):
				return sc + p
			case obj == BestTotal:
				return 0
			}
			return math.Inf(-1)
		}

		full := make([][]float64, rows) // scores of the grown pool
		priority := make([]float64, rows)
		for r := range full {
			priority[r] = prio()
			for range seats {
				full[r] = append(full[r], score())
			}
		}
		var st *roundState
		if rows > 0 && seats > 0 {
			base := mat.NewDense(rows, seats, nil)
			for r := range rows {
				base.SetRow(r, full[r])
			}
			st = solvedState(t, base, priority, obj, minScore)
		} else {
			st = &roundState{objective: obj, minScore: minScore, priority: priority, seatOf: make([]int, rows)}
			for i := range st.seatOf {
				st.seatOf[i] = -1
			}
		}
		g := newGrowth(st)
		for step := range 6 {
			name := fmt.Sprintf("seed %d step %d", seed, step)
			if rng.IntN(2) == 0 {
				val, sc := make([]float64, len(full)), make([]float64, len(full))
				for r := range full {
					sc[r] = score()
					val[r] = value(sc[r], priority[r])
					full[r] = append(full[r], sc[r])
				}
				g.addSeat(val, sc)
			} else {
				p := prio()
				n := 0
				if len(full) > 0 {
					n = len(full[0])
				} else {
					n = g.seats()
				}
				val, sc := make([]float64, n), make([]float64, n)
				for s := range n {
					sc[s] = score()
					val[s] = value(sc[s], p)
				}
				full = append(full, sc)
				priority = append(priority, p)
				g.addRow(val, sc)
			}
			duos, objective, _ := g.outcome()
			wantDuos, wantObjective := solveScores(t, full, priority, obj, minScore, value)
			if obj == MostMatched {
				assert.Equal(t, wantDuos, duos, name)
			}
			assert.InDelta(t, wantObjective, objective, 1e-9, name)
		}
	}
}

// solveScores solves a pool from scratch with Assign and returns the
// number of allowed pairs and their objective.
func solveScores(t *testing.T, full [][]float64, priority []float64, obj Objective, minScore float64, value func(sc, p float64) float64) (int, float64) {
	t.Helper()
	if len(full) == 0 || len(full[0]) == 0 {
		return 0, 0
	}
	m := mat.NewDense(len(full), len(full[0]), nil)
	for r, row := range full {
		for s, sc := range row {
			m.Set(r, s, value(sc, priority[r]))
		}
	}
	a, err := lap.Assign(context.Background(), m)
	require.NoError(t, err)
	duos, objective := 0, 0.0
	for _, p := range a.Pairs {
		if sc := full[p.Row][p.Col]; sc >= minScore && !math.IsInf(sc, -1) {
			duos++
			objective += p.Score
		}
	}
	return duos, objective
}
