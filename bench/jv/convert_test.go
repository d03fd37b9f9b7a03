package main

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/duomatch/duo/match/lap"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// minPermutation is the brute-force oracle of what a square JV code
// returns: a permutation of least total cost.
func minPermutation(cost []float64, n int) []int {
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	best, bestCost := append([]int(nil), perm...), math.Inf(1)
	var rec func(i int, t float64)
	rec = func(i int, t float64) {
		if i == n {
			if t < bestCost {
				bestCost = t
				copy(best, perm)
			}
			return
		}
		for k := i; k < n; k++ {
			perm[i], perm[k] = perm[k], perm[i]
			rec(i+1, t+cost[i*n+perm[i]])
			perm[i], perm[k] = perm[k], perm[i]
		}
	}
	rec(0, 0)
	return best
}

// randomMatrix draws an r×c matrix whose entries are forbidden with
// probability pForbid and otherwise uniform, ties or integers.
func randomMatrix(rng *rand.Rand, r, c int, pForbid float64) *mat.Dense {
	style := rng.IntN(3)
	return fill(r, c, func() float64 {
		if rng.Float64() < pForbid {
			return math.Inf(-1)
		}
		switch style {
		case 0:
			return rng.Float64()*20 - 10
		case 1:
			return math.Round(rng.Float64()*4) / 4
		default:
			return float64(rng.IntN(101))
		}
	})
}

// TestCostMatrixOptimumMapsBack: the least-cost permutation of the
// converted matrix (brute force, what any exact square code returns up to
// ties), mapped back, has the optimum of duo's objective: lap.Assign's,
// itself checked against brute force in match/lap's tests. Seeded random
// small matrices of every shape, with and without forbidden pairs,
// including rows and matrices with nothing allowed.
func TestCostMatrixOptimumMapsBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 7))
	for trial := range 400 {
		r, c := 1+rng.IntN(6), 1+rng.IntN(6)
		p := []float64{0, 0.3, 0.7, 1}[trial%4]
		m := randomMatrix(rng, r, c, p)
		cost, n, tr := costMatrix(m)
		require.Equal(t, max(r, c), n)
		require.Equal(t, r > c, tr)
		require.Len(t, cost, n*n)
		pairs, total, err := fromRowsol(m, minPermutation(cost, n), tr)
		require.NoError(t, err)
		a, err := lap.Assign(context.Background(), m)
		require.NoError(t, err)
		assert.Len(t, a.Pairs, pairs, "trial %d (%d×%d)", trial, r, c)
		assert.InDelta(t, a.Total, total, 1e-9*max(1, math.Abs(a.Total)), "trial %d", trial)
	}
}

// TestCostMatrixValues checks the conversion by hand on a 2×3 matrix and
// its transpose: smax = 5, smin = 1, span 4, big = (2+1)·(4+1) = 15, one
// padding row, and the same costs for the 3×2 transpose, transposed back.
func TestCostMatrixValues(t *testing.T) {
	inf := math.Inf(-1)
	m := mat.NewDense(2, 3, []float64{
		1, 5, inf,
		3, inf, 2,
	})
	want := []float64{
		4, 0, 15,
		2, 15, 3,
		0, 0, 0,
	}
	cost, n, tr := costMatrix(m)
	require.Equal(t, 3, n)
	assert.False(t, tr)
	assert.Equal(t, want, cost)

	mt := mat.DenseCopyOf(m.T())
	cost, n, tr = costMatrix(mt)
	require.Equal(t, 3, n)
	assert.True(t, tr)
	assert.Equal(t, want, cost)
	// Row 0 of the cost matrix is column 0 of mt: rowsol {1, 0, 2} pairs
	// mt's (1,0) = 5 and (0,1) = 3; (2,2) is padding.
	pairs, total, err := fromRowsol(mt, []int{1, 0, 2}, true)
	require.NoError(t, err)
	assert.Equal(t, 2, pairs)
	assert.InDelta(t, 8.0, total, 1e-12)
}

// TestCostMatrixNothingAllowed: with every pair forbidden the costs are
// all equal and any permutation maps back to no pairs.
func TestCostMatrixNothingAllowed(t *testing.T) {
	inf := math.Inf(-1)
	m := mat.NewDense(2, 2, []float64{inf, inf, inf, inf})
	cost, n, tr := costMatrix(m)
	require.Equal(t, 2, n)
	assert.False(t, tr)
	assert.Equal(t, []float64{3, 3, 3, 3}, cost) // big = (2+1)·(0+1)
	pairs, total, err := fromRowsol(m, []int{1, 0}, false)
	require.NoError(t, err)
	assert.Zero(t, pairs)
	assert.Zero(t, total)
}

func TestFromRowsolRejects(t *testing.T) {
	m := mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6})
	tests := []struct {
		name   string
		rowsol []int
	}{
		{"too short", []int{0, 1}},
		{"too long", []int{0, 1, 2, 0}},
		{"column twice", []int{0, 0, 1}},
		{"negative column", []int{-1, 0, 1}},
		{"column out of range", []int{0, 1, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := fromRowsol(m, tt.rowsol, false)
			assert.Error(t, err)
		})
	}
	pairs, total, err := fromRowsol(m, []int{2, 0, 1}, false)
	require.NoError(t, err)
	assert.Equal(t, 2, pairs)
	assert.InDelta(t, 3.0+4.0, total, 1e-12)
}
