package lap

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// grid is a growable matrix, rows of equal length, that implements Lines.
type grid [][]float64

func (m grid) ReadRow(i int, dst []float64) { copy(dst, m[i]) }
func (m grid) ReadCol(j int, dst []float64) {
	for i := range dst {
		dst[i] = m[i][j]
	}
}

// optimum solves m, with cols columns, from scratch and returns its
// lexicographic optimum.
func (m grid) optimum(t *testing.T, cols int) Value {
	t.Helper()
	if len(m) == 0 || cols == 0 {
		return Value{}
	}
	w := make([]float64, 0, len(m)*cols)
	for _, row := range m {
		w = append(w, row...)
	}
	return optimumOf(t, w, len(m), cols)
}

// TestGrowthAgainstAssign grows random matrices (ties, forbidden entries,
// empty starts) by rows and columns and checks after every step that the
// gain AddRow or AddCol reports is the change of the optimum found by
// solving from scratch, and that the assignment kept reaches it.
func TestGrowthAgainstAssign(t *testing.T) {
	for seed := range uint64(400) {
		rng := rand.New(rand.NewPCG(seed, 41))
		r, c := rng.IntN(7), rng.IntN(7)
		coarse := rng.IntN(2) == 0
		entry := func() float64 {
			if rng.IntN(3) == 0 {
				return math.Inf(-1)
			}
			if coarse {
				return float64(rng.IntN(4))
			}
			return rng.NormFloat64() * 10
		}
		m := make(grid, r)
		for i := range m {
			m[i] = make([]float64, c)
			for j := range m[i] {
				m[i][j] = entry()
			}
		}
		var a Assignment
		if r > 0 && c > 0 {
			d := mat.NewDense(r, c, nil)
			for i, row := range m {
				d.SetRow(i, row)
			}
			var err error
			a, err = Assign(context.Background(), d)
			require.NoError(t, err)
		}
		g := NewGrowth(a, r, c)
		before := m.optimum(t, c)
		for step := range 6 {
			name := fmt.Sprintf("seed %d step %d (%d×%d)", seed, step, g.Rows(), g.Cols())
			var gain Value
			if rng.IntN(2) == 0 {
				for i := range m {
					m[i] = append(m[i], entry())
				}
				c++
				gain = g.AddCol(m)
			} else {
				row := make([]float64, c)
				for j := range row {
					row[j] = entry()
				}
				m = append(m, row)
				gain = g.AddRow(m)
			}
			require.Equal(t, [2]int{len(m), c}, [2]int{g.Rows(), g.Cols()}, name)
			after := m.optimum(t, c)
			assert.Equal(t, after.N-before.N, gain.N, "%s: pairs gained", name)
			assert.InDelta(t, after.X-before.X, gain.X, 1e-9, "%s: total gained", name)
			kept := Value{}
			used := make([]bool, c)
			for i := range m {
				if j := g.RowMate(i); j >= 0 {
					require.False(t, used[j], "%s: column %d twice", name, j)
					require.False(t, math.IsInf(m[i][j], -1), "%s: forbidden pair", name)
					used[j] = true
					kept = kept.Add(Value{1, m[i][j]})
				}
			}
			assert.Equal(t, after.N, kept.N, "%s: pairs kept", name)
			assert.InDelta(t, after.X, kept.X, 1e-9, "%s: total kept", name)
			before = after
		}
	}
}

// TestGrowthCloneIndependent checks that growing a clone leaves the
// original as it was.
func TestGrowthCloneIndependent(t *testing.T) {
	m := grid{{1, 2}, {3, 4}}
	a, err := Assign(context.Background(), mat.NewDense(2, 2, []float64{1, 2, 3, 4}))
	require.NoError(t, err)
	g := NewGrowth(a, 2, 2)
	mate0 := g.RowMate(0)
	c := g.Clone()
	m[0], m[1] = append(m[0], 10), append(m[1], math.Inf(-1))
	gain := c.AddCol(m)
	assert.Equal(t, Value{0, 10 + 4 - 5}, gain, "row 0 takes the new column (10), row 1 column 1 (4); 5 before")
	assert.Equal(t, 2, g.Cols())
	assert.Equal(t, 3, c.Cols())
	assert.Equal(t, mate0, g.RowMate(0))
	assert.Equal(t, 2, c.RowMate(0))
	assert.Equal(t, 1, c.RowMate(1))
}
