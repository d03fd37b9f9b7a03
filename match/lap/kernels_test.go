package lap

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
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

// TestTop2VecIsScalar checks that the row reduction's search for a row's
// two best columns gives the scalar results with the vector kernel, on
// random rows of every width from 1 to 40 with ties, signed zeros,
// forbidden entries and free columns.
func TestTop2VecIsScalar(t *testing.T) {
	if !hasAVX2 {
		t.Skip("no vector kernels on this platform or build (the scalar code is the only path)")
	}
	rng := rand.New(rand.NewPCG(7, 3))
	for trial := 0; trial < 4000; trial++ {
		m := 1 + trial%40
		s, _ := relaxState(rng, 1, m, false, trial%3 == 0)
		for j := range s.z {
			if s.z[j] == inf {
				s.z[j] = 1
			}
		}
		u1, u2, j1, j2, jf := top2(s.row(0), s.z, s.y, false)
		v1, v2, k1, k2, kf := top2(s.row(0), s.z, s.y, true)
		name := fmt.Sprintf("trial %d, m=%d", trial, m)
		require.Equal(t, math.Float64bits(u1), math.Float64bits(v1), name)
		require.Equal(t, math.Float64bits(u2), math.Float64bits(v2), name)
		require.Equal(t, []int{j1, j2, jf}, []int{k1, k2, kf}, name)
	}
}

// TestLoadScanVecIsScalar checks the load scan's vector kernels against
// the scalar code on random rows of every width from 1 to 40: values of
// every kind a caller may pass (NaN, ±Inf, ±0, subnormal, huge, ties),
// the column maxima and their rows updated in place.
func TestLoadScanVecIsScalar(t *testing.T) {
	if !hasAVX2 {
		t.Skip("no vector kernels on this platform or build (the scalar code is the only path)")
	}
	special := []float64{math.NaN(), inf, negInf, 0, math.Copysign(0, -1), 5e-324, -math.MaxFloat64,
		math.MaxFloat64, 1, 1, 2, -3}
	rng := rand.New(rand.NewPCG(11, 13))
	for trial := 0; trial < 6000; trial++ {
		m := 1 + trial%40
		row := make([]float64, m)
		for j := range row {
			switch rng.IntN(4) {
			case 0:
				row[j] = special[rng.IntN(len(special))]
			case 1:
				if trial%2 == 0 {
					row[j] = negInf // most rows with -Inf hold only finite values besides
				} else {
					row[j] = special[rng.IntN(len(special))]
				}
			default:
				row[j] = rng.NormFloat64() * math.Ldexp(1, rng.IntN(2000)-1000)
			}
		}
		name := fmt.Sprintf("trial %d, m=%d", trial, m)
		require.Equal(t, absMax(row, false), absMax(row, true), name)

		a1, b1, c1 := checkRow(row, false)
		a2, b2, c2 := checkRow(row, true)
		require.Equal(t, []any{a1, b1, c1}, []any{a2, b2, c2}, name)

		cm := make([]float64, m)
		ca := make([]int, m)
		for j := range cm {
			cm[j], ca[j] = special[rng.IntN(len(special))], rng.IntN(5)
		}
		cm2, ca2 := slices.Clone(cm), slices.Clone(ca)
		i := rng.IntN(100)
		require.Equal(t, colMaxRow(row, i, cm, ca, false), colMaxRow(row, i, cm2, ca2, true), name)
		for j := range cm {
			require.Equal(t, math.Float64bits(cm[j]), math.Float64bits(cm2[j]), name)
		}
		require.Equal(t, ca, ca2, name)
	}
}

// TestTransposeVecIsScalar checks the transposed copy of a tall matrix
// with the vector kernel against the scalar copy, on random shapes from
// 2×1 to 150×149 (several 64×64 tiles, sides that are not multiples of
// 4), with values of every kind.
func TestTransposeVecIsScalar(t *testing.T) {
	if !hasAVX2 {
		t.Skip("no vector kernels on this platform or build (the scalar code is the only path)")
	}
	rng := rand.New(rand.NewPCG(19, 23))
	for trial := 0; trial < 300; trial++ {
		c := 1 + rng.IntN(149)
		r := c + 1 + rng.IntN(150-c)
		data := make([]float64, r*c)
		for k := range data {
			data[k] = rng.NormFloat64() * math.Ldexp(1, rng.IntN(60)-30)
			if rng.IntN(50) == 0 {
				data[k] = []float64{math.NaN(), inf, negInf, math.Copysign(0, -1)}[rng.IntN(4)]
			}
		}
		p := &problem{r: r, c: c, transposed: true, in: newReader(mat.NewDense(r, c, data), r, c)}
		rows, cols := p.indices(r), p.indices(c)
		w1, w2 := make([]float64, r*c), make([]float64, r*c)
		ab1 := p.fillRaw(w1, rows, cols, false)
		ab2 := p.fillRaw(w2, rows, cols, true)
		name := fmt.Sprintf("trial %d, %d×%d", trial, r, c)
		require.Equal(t, ab1, ab2, name)
		for k := range w1 {
			require.Equal(t, math.Float64bits(w1[k]), math.Float64bits(w2[k]), name)
		}
		require.Equal(t, math.Float64bits(data[(r-1)*c]), math.Float64bits(w2[r-1]), name) // the last row's first entry
	}
}
