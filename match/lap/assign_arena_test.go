package lap

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// TestArenaSlicesDoNotOverlap takes slices of many sizes from one arena,
// fills each with its own number, and checks that none was overwritten:
// the slices are disjoint, across chunks too, and capped so that an
// append cannot run into the next one.
func TestArenaSlicesDoNotOverlap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var a arena
	defer a.release()
	var fs [][]float64
	var is [][]int
	for k := 0; k < 200; k++ {
		n := rng.IntN(3000)
		f, i := a.floats(n), a.filled(n, k)
		require.Len(t, f, n)
		require.Len(t, i, n)
		assert.Equal(t, n, cap(f))
		assert.Equal(t, n, cap(i))
		for x := range f {
			f[x] = float64(k)
		}
		fs, is = append(fs, f), append(is, i)
	}
	for k := range fs {
		for x := range fs[k] {
			require.Equal(t, float64(k), fs[k][x])
			require.Equal(t, k, is[k][x])
		}
	}
	z := a.zeros(5000)
	for _, x := range z {
		require.Zero(t, x)
	}
}

// TestAssignReusesScratch solves matrices of different shapes and values
// one after the other, so that each solve gets scratch that another left
// with its contents, and checks each answer against the first solve of
// the same matrix.
func TestAssignReusesScratch(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	ctx := context.Background()
	var ms []*mat.Dense
	var wants []Assignment
	for k := 0; k < 30; k++ {
		m := tieMatrix(rng, 1+rng.IntN(60), 1+rng.IntN(60))
		want, err := Assign(ctx, m)
		require.NoError(t, err)
		ms, wants = append(ms, m), append(wants, want)
	}
	for round := 0; round < 3; round++ {
		for _, k := range rng.Perm(len(ms)) {
			got, err := Assign(ctx, ms[k])
			require.NoError(t, err)
			require.Equal(t, wants[k], got, "matrix %d, round %d", k, round)
		}
	}
}
