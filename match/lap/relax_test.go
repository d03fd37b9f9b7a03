package lap

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// relaxState is a random state of a search, as augment leaves it between
// two scans: weights with ties, zeros of both signs and forbidden entries;
// columns parked as scanned (z = +Inf, d = -Inf), waiting in the batch
// (d = +Inf, only for relaxLevel), reached (finite d) or not (d = -Inf);
// some free. With zeros, every value is 0, -0 or -Inf.
func relaxState(rng *rand.Rand, n, m int, level, zeros bool) (*jv, float64) {
	vals := []float64{0, math.Copysign(0, -1), 1, 2, 0.5, negInf}
	if zeros { // every value 0, -0 or -Inf: the best is a zero of either sign
		vals = []float64{0, math.Copysign(0, -1), negInf}
	}
	pick := func() float64 {
		if zeros || rng.IntN(2) == 0 {
			return vals[rng.IntN(len(vals))]
		}
		return math.Round(rng.Float64()*8) / 4
	}
	w := make([]float64, n*m)
	for k := range w {
		w[k] = pick()
	}
	var ar arena
	s := newJV(context.Background(), &ar, w, m, n, m)
	for j := 0; j < m; j++ {
		s.z[j] = math.Abs(pick())
		if s.z[j] == inf {
			s.z[j] = 0
		}
		s.pred[j] = -7
		switch rng.IntN(5) {
		case 0:
			s.z[j], s.d[j] = inf, negInf // scanned
		case 1:
			s.d[j] = negInf
		case 2:
			if level {
				s.d[j] = inf // waiting in the batch
				continue
			}
			s.d[j] = pick()
		default:
			s.d[j] = pick()
		}
		if rng.IntN(3) > 0 {
			s.y[j] = rng.IntN(n)
		}
	}
	return s, pick()
}

// TestRelaxVecIsScalar checks that the vector relaxations give the scalar
// ones' results and side effects bit for bit, on random states of every
// width from 1 to 40 columns (the kernels take four at a time; the rest is
// a tail).
func TestRelaxVecIsScalar(t *testing.T) {
	if !hasAVX2 {
		t.Skip("no vector kernels on this platform or build (the scalar code is the only path)")
	}
	bits := func(x []float64) []uint64 {
		b := make([]uint64, len(x))
		for k, v := range x {
			b[k] = math.Float64bits(v)
		}
		return b
	}
	rng := rand.New(rand.NewPCG(5, 17))
	for trial := 0; trial < 4000; trial++ {
		m := 1 + trial%40
		n := 1 + rng.IntN(4)
		level := trial%2 == 1
		zeros := trial%3 == 0
		a, base := relaxState(rng, n, m, level, zeros)
		b, _ := relaxState(rng, n, m, level, zeros)
		copy(b.w, a.w)
		copy(b.z, a.z)
		copy(b.d, a.d)
		copy(b.pred, a.pred)
		copy(b.y, a.y)
		i := rng.IntN(n)
		name := fmt.Sprintf("trial %d, m=%d", trial, m)
		if !level {
			bestA, nA := a.relaxBestScalar(i, base, a.batch)
			bestB, nB := b.relaxBestVec(i, base, b.batch)
			require.Equal(t, math.Float64bits(bestA), math.Float64bits(bestB), name)
			if bestA != negInf {
				require.Equal(t, a.batch[:nA], b.batch[:nB], name)
			}
		} else {
			lv := a.d[rng.IntN(m)]
			if math.IsInf(lv, 0) {
				lv = 1
			}
			nb := 0 // the batch so far: the scanned columns and those waiting
			for j := range m {
				if a.z[j] == inf || a.d[j] == inf {
					nb++
				}
			}
			sinkA, nA := a.relaxLevelScalar(i, base, lv, a.batch, nb)
			sinkB, nB := b.relaxLevelVec(i, base, lv, b.batch, nb)
			require.Equal(t, sinkA, sinkB, name)
			require.Equal(t, a.batch[nb:nA], b.batch[nb:nB], name)
		}
		require.Equal(t, bits(a.d), bits(b.d), name)
		require.Equal(t, a.pred, b.pred, name)
		require.True(t, slices.Equal(bits(a.z), bits(b.z)), name)
	}
}
