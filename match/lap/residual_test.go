package lap

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// optimumOf solves w (r×c, row-major) from scratch and returns its
// lexicographic optimum.
func optimumOf(t *testing.T, w []float64, r, c int) Value {
	t.Helper()
	a, err := Assign(context.Background(), mat.NewDense(r, c, w))
	require.NoError(t, err)
	return Value{len(a.Pairs), a.Total}
}

// TestForceCostAgainstAssign checks every pair of random matrices (ties,
// forbidden entries, tall, wide, rows or columns without any allowed
// entry): the cost ForceCost reports is the optimum less the optimum with
// the pair forced, found by solving the rest of the matrix from scratch;
// a forbidden pair cannot be forced.
func TestForceCostAgainstAssign(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(150) {
		rng := rand.New(rand.NewPCG(seed, 51))
		r, c := 1+rng.IntN(6), 1+rng.IntN(6)
		coarse := rng.IntN(2) == 0
		w := make([]float64, r*c)
		for k := range w {
			switch {
			case rng.IntN(3) == 0:
				w[k] = math.Inf(-1)
			case coarse:
				w[k] = float64(rng.IntN(4))
			default:
				w[k] = rng.NormFloat64() * 10
			}
		}
		a, err := Assign(ctx, mat.NewDense(r, c, w))
		require.NoError(t, err)
		g, err := NewResidual(ctx, w, r, c, &a)
		require.NoError(t, err)
		require.Equal(t, [2]int{r, c}, [2]int{g.Rows(), g.Cols()})
		opt := Value{len(a.Pairs), a.Total}
		for i := range r {
			for j := range c {
				name := fmt.Sprintf("seed %d (%d×%d) pair (%d, %d)", seed, r, c, i, j)
				cost, ok, err := g.ForceCost(ctx, i, j)
				require.NoError(t, err, name)
				if math.IsInf(w[i*c+j], -1) {
					assert.False(t, ok, "%s: forbidden", name)
					continue
				}
				require.True(t, ok, name)
				rest := make([]float64, len(w))
				copy(rest, w)
				for k := range c {
					rest[i*c+k] = math.Inf(-1)
				}
				for k := range r {
					rest[k*c+j] = math.Inf(-1)
				}
				forced := optimumOf(t, rest, r, c).Add(Value{1, w[i*c+j]})
				want := opt.Sub(forced)
				assert.Equal(t, want.N, cost.N, "%s: pairs lost", name)
				assert.InDelta(t, want.X, cost.X, 1e-9, "%s: total lost", name)
				if g.RowMate(i) == j {
					assert.Equal(t, Value{}, cost, "%s: a pair of the assignment costs nothing", name)
				}
			}
		}
	}
}

// TestSearchBackPrunedIsExact checks that a search cut off at a limit
// settles exactly the nodes within it, with the distances of the full
// search.
func TestSearchBackPrunedIsExact(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(60) {
		rng := rand.New(rand.NewPCG(seed, 52))
		r, c := 2+rng.IntN(8), 2+rng.IntN(8)
		w := make([]float64, r*c)
		for k := range w {
			w[k] = float64(rng.IntN(5))
			if rng.IntN(4) == 0 {
				w[k] = math.Inf(-1)
			}
		}
		a, err := Assign(ctx, mat.NewDense(r, c, w))
		require.NoError(t, err)
		g, err := NewResidual(ctx, w, r, c, &a)
		require.NoError(t, err)
		for target := range c + 1 {
			full, cut := g.NewSearch(), g.NewSearch()
			require.NoError(t, g.SearchBack(ctx, full, target, unreachable))
			limit := Value{0, float64(rng.IntN(4))}
			require.NoError(t, g.SearchBack(ctx, cut, target, limit))
			for v := range c + 1 {
				name := fmt.Sprintf("seed %d target %d node %d", seed, target, v)
				within := full.Settled(v) && !full.Dist(v).Above(limit, g.Tol())
				assert.Equal(t, within, cut.Settled(v), name)
				if within {
					assert.Equal(t, full.Dist(v), cut.Dist(v), name)
				}
			}
		}
	}
}

func TestNewResidualRejectsMismatch(t *testing.T) {
	a, err := Assign(context.Background(), mat.NewDense(2, 2, []float64{1, 2, 3, 4}))
	require.NoError(t, err)
	_, err = NewResidual(context.Background(), []float64{1, 2, 3}, 2, 2, &a)
	assert.True(t, errors.Is(err, ErrInvalidAssignment))
	_, err = NewResidual(context.Background(), []float64{1, 2, 3, 4, 5, 6}, 2, 3, &a)
	assert.True(t, errors.Is(err, ErrInvalidAssignment))
}
