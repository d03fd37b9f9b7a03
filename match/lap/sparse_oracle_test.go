package lap_test

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"

	"github.com/duomatch/duo/match/lap"
)

// sparseCase is a random sparse problem for the oracles.
type sparseCase struct {
	rows, cols int
	density    float64 // share of allowed pairs
	kind       string  // "uniform", "ties" (0..3), "int" (0..999), "negative"
	maxCap     int     // capacities drawn in 1..maxCap (0: all 1, no SetCapacity)
	emptyRows  float64 // share of rows without pairs
	seed       uint64
}

// build returns the problem and its entries as a dense matrix with -Inf
// for absent pairs (one column per seat when capacities are set).
func (c sparseCase) build() (*lap.Sparse, *mat.Dense, []int) {
	rng := rand.New(rand.NewPCG(c.seed, 0x5eed))
	b := lap.NewSparseBuilder(c.cols)
	caps := make([]int, c.cols)
	for j := range caps {
		caps[j] = 1
		if c.maxCap > 0 {
			caps[j] = rng.IntN(c.maxCap + 1) // 0 too: an unusable column
			b.SetCapacity(j, caps[j])
		}
	}
	type pair struct {
		j int
		w float64
	}
	rowsPairs := make([][]pair, c.rows)
	for i := range rowsPairs {
		if rng.Float64() < c.emptyRows {
			b.AddRow(nil, nil)
			continue
		}
		var cols []int
		var ws []float64
		for _, j := range rng.Perm(c.cols) { // any order within a row
			if rng.Float64() >= c.density {
				continue
			}
			var w float64
			switch c.kind {
			case "ties":
				w = float64(rng.IntN(4))
			case "int":
				w = float64(rng.IntN(1000))
			case "negative":
				w = -100 * rng.Float64()
			default:
				w = rng.Float64()
			}
			w = float64(float32(w))
			cols = append(cols, j)
			ws = append(ws, w)
			rowsPairs[i] = append(rowsPairs[i], pair{j, w})
		}
		b.AddRow(cols, ws)
	}
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	return g, denseOf(g), caps
}

// denseOf writes g as a dense matrix: one column per seat (column j's
// seats in order), -Inf for absent pairs. seatCol maps its columns back.
func denseOf(g *lap.Sparse) *mat.Dense {
	r, c := g.Dims()
	var seatCol []int
	for j := 0; j < c; j++ {
		for range g.Capacity(j) {
			seatCol = append(seatCol, j)
		}
	}
	if r == 0 || len(seatCol) == 0 {
		return nil
	}
	first := make([]int, c+1)
	for k := len(seatCol) - 1; k >= 0; k-- {
		first[seatCol[k]] = k
	}
	n := len(seatCol)
	data := make([]float64, r*n)
	for k := range data {
		data[k] = math.Inf(-1)
	}
	for i := 0; i < r; i++ {
		cols, scores := g.Row(i)
		for e, j := range cols {
			for k := first[j]; k < first[j]+g.Capacity(int(j)); k++ {
				data[i*n+k] = float64(scores[e])
			}
		}
	}
	return mat.NewDense(r, n, data)
}

// bruteForce returns the best number of pairs and, for that number, the
// best total, by trying every assignment (small problems only). Unlike
// the dense tests' brute force, it gives a column as many rows as its
// capacity without trying its seats as distinct columns, which would
// multiply the branches by the permutations of each column's seats.
func bruteForce(g *lap.Sparse) (int, float64) {
	r, c := g.Dims()
	load := make([]int, c)
	bestN, bestT := 0, 0.0
	var rec func(i, n int, t float64)
	rec = func(i, n int, t float64) {
		if i == r {
			if n > bestN || (n == bestN && t > bestT) {
				bestN, bestT = n, t
			}
			return
		}
		rec(i+1, n, t)
		cols, scores := g.Row(i)
		for e, j := range cols {
			if load[j] < g.Capacity(int(j)) {
				load[j]++
				rec(i+1, n+1, t+float64(scores[e]))
				load[j]--
			}
		}
	}
	rec(0, 0, 0)
	return bestN, bestT
}
