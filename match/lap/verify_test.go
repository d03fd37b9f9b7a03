package lap

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// clone deep-copies an assignment so that a test can tamper with it.
func clone(a Assignment) Assignment {
	a.Pairs = slices.Clone(a.Pairs)
	a.RowCover = slices.Clone(a.RowCover)
	a.ColCover = slices.Clone(a.ColCover)
	a.RowDual = slices.Clone(a.RowDual)
	a.ColDual = slices.Clone(a.ColDual)
	return a
}

func TestVerifyRejectsTampering(t *testing.T) {
	no := math.Inf(-1)
	// A 4×4 matrix with a unique optimum (0,0) (1,1) (2,2); row 3 may only
	// pair with column 3 or nothing.
	m := mat.NewDense(4, 5, []float64{
		9, 1, 2, 0, 1,
		1, 8, 1, 0, 2,
		2, 1, 7, 0, 1,
		no, no, no, 5, no,
	})
	a, err := Assign(context.Background(), m)
	require.NoError(t, err)
	require.NoError(t, Verify(m, a))
	require.Len(t, a.Pairs, 4)

	pairAt := func(i, j int) Pair { return Pair{Row: i, Col: j, Score: m.At(i, j)} }
	total := func(ps []Pair) float64 {
		s := 0.0
		for _, p := range ps {
			s += p.Score
		}
		return s
	}
	tests := []struct {
		name   string
		tamper func(a *Assignment)
		want   error
	}{
		{"swapped pair lowers the total", func(a *Assignment) {
			a.Pairs[0], a.Pairs[1] = pairAt(0, 1), pairAt(1, 0)
			a.Total = total(a.Pairs)
		}, ErrNotOptimal},
		{"swapped pair with duals adjusted", func(a *Assignment) {
			a.Pairs[0], a.Pairs[1] = pairAt(0, 1), pairAt(1, 0)
			a.Total = total(a.Pairs)
			a.RowDual[0], a.RowDual[1] = 1-a.ColDual[1], 1-a.ColDual[0]
		}, ErrNotOptimal},
		{"duplicated row", func(a *Assignment) {
			a.Pairs[1] = pairAt(0, 4)
			a.Pairs[0], a.Pairs[1] = a.Pairs[1], a.Pairs[0]
			slices.SortStableFunc(a.Pairs, func(p, q Pair) int { return p.Row - q.Row })
			a.Total = total(a.Pairs)
		}, ErrInvalidAssignment},
		{"duplicated column", func(a *Assignment) {
			a.Pairs[1] = pairAt(1, 0)
			a.Total = total(a.Pairs)
		}, ErrInvalidAssignment},
		{"forbidden pair", func(a *Assignment) {
			a.Pairs[3] = Pair{Row: 3, Col: 4, Score: no}
			a.Total = total(a.Pairs)
		}, ErrInvalidAssignment},
		{"dropped pair when one more was possible", func(a *Assignment) {
			a.Pairs = a.Pairs[:3]
			a.Total = total(a.Pairs)
		}, ErrNotOptimal},
		{"dropped pair with certificate adjusted", func(a *Assignment) {
			a.Pairs = a.Pairs[:3]
			a.Total = total(a.Pairs)
			a.RowCover[3], a.RowDual[3] = false, 0
		}, ErrNotOptimal},
		{"wrong score", func(a *Assignment) { a.Pairs[0].Score = 10; a.Total++ }, ErrInvalidAssignment},
		{"wrong total", func(a *Assignment) { a.Total += 1 }, ErrInvalidAssignment},
		{"unsorted", func(a *Assignment) { a.Pairs[0], a.Pairs[1] = a.Pairs[1], a.Pairs[0] }, ErrInvalidAssignment},
		{"out of range", func(a *Assignment) { a.Pairs[3].Col = 5 }, ErrInvalidAssignment},
		{"negative index", func(a *Assignment) { a.Pairs[0].Row = -1 }, ErrInvalidAssignment},
		{"short certificate", func(a *Assignment) { a.ColDual = a.ColDual[:4] }, ErrInvalidAssignment},
		{"nil certificate", func(a *Assignment) { a.RowCover = nil }, ErrInvalidAssignment},
		{"NaN dual", func(a *Assignment) { a.ColDual[4] = math.NaN() }, ErrNotOptimal},
		{"infinite dual", func(a *Assignment) { a.RowDual[0] = math.Inf(1) }, ErrNotOptimal},
		{"lowered dual", func(a *Assignment) { a.ColDual[0] -= 0.5 }, ErrNotOptimal},
		{"raised free column dual", func(a *Assignment) { a.ColDual[4] = 1 }, ErrNotOptimal},
		{"uncovered pair", func(a *Assignment) { a.RowCover[0] = false }, ErrNotOptimal},
		{"wrong DualExp", func(a *Assignment) { a.DualExp = 10 }, ErrInvalidAssignment},
		{"empty assignment", func(a *Assignment) { *a = Assignment{} }, ErrInvalidAssignment},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := clone(a)
			tc.tamper(&b)
			err := Verify(m, b)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
		})
	}
}

// TestVerifyRandomTampering swaps two pairs' columns in larger random
// assignments: whenever that lowers the total by more than the tolerance,
// Verify must reject it.
func TestVerifyRandomTampering(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	for trial := 0; trial < 50; trial++ {
		r, c := 2+rng.IntN(30), 2+rng.IntN(30)
		m := randMatrix(rng, r, c, func() float64 { return float64(rng.IntN(100)) })
		a, err := Assign(context.Background(), m)
		require.NoError(t, err)
		require.NoError(t, Verify(m, a))
		b := clone(a)
		p, q := rng.IntN(len(b.Pairs)), rng.IntN(len(b.Pairs))
		if p == q {
			continue
		}
		b.Pairs[p].Col, b.Pairs[q].Col = b.Pairs[q].Col, b.Pairs[p].Col
		b.Pairs[p].Score = m.At(b.Pairs[p].Row, b.Pairs[p].Col)
		b.Pairs[q].Score = m.At(b.Pairs[q].Row, b.Pairs[q].Col)
		b.Total = 0
		for _, pr := range b.Pairs {
			b.Total += pr.Score
		}
		if b.Total < a.Total {
			assert.ErrorIs(t, Verify(m, b), ErrNotOptimal, "trial %d", trial)
		}
	}
}

func TestVerifyEmpty(t *testing.T) {
	assert.NoError(t, Verify(nil, Assignment{}))
	assert.NoError(t, Verify(&mat.Dense{}, Assignment{}))
	assert.ErrorIs(t, Verify(&mat.Dense{}, Assignment{Pairs: []Pair{{}}}), ErrInvalidAssignment)
	z := tinyMatrix{0, 3, nil}
	a, err := Assign(context.Background(), z)
	require.NoError(t, err)
	assert.NoError(t, Verify(z, a))
}

func TestVerifyHugeScores(t *testing.T) {
	// Scores near the float64 range are solved and verified exactly after
	// scaling by a power of two.
	big := math.MaxFloat64 / 3
	m := mat.NewDense(3, 3, []float64{
		big, -big, 0,
		-big, big, big / 2,
		big / 4, 0, -big,
	})
	a, err := Assign(context.Background(), m)
	require.NoError(t, err)
	assert.NotZero(t, a.DualExp)
	assert.NoError(t, Verify(m, a))
	n, tot := bruteForce(m)
	assert.Equal(t, n, len(a.Pairs))
	assert.Equal(t, tot, a.Total)
}

func TestTolerance(t *testing.T) {
	assert.Zero(t, Tolerance(nil))
	assert.Zero(t, Tolerance(mat.NewDense(2, 2, nil)))
	m := mat.NewDense(1, 2, []float64{-4, math.Inf(-1)})
	assert.InDelta(t, 4*0x1p-52*9*4, Tolerance(m), 1e-30)
}
