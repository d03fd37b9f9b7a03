package lap_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/lap"
)

// solveChecked solves g, requires the certificate to verify, and returns
// the number of pairs and the total.
func solveChecked(t *testing.T, g *lap.Sparse) lap.Assignment {
	t.Helper()
	a, err := lap.AssignSparse(context.Background(), g)
	require.NoError(t, err)
	require.NoError(t, lap.VerifySparse(g, a), "certificate")
	return a
}

func TestAssignSparseBruteForce(t *testing.T) {
	kinds := []string{"uniform", "ties", "int", "negative"}
	for seed := range uint64(600) {
		c := sparseCase{
			rows:      int(seed % 7),
			cols:      int(seed/7) % 6,
			density:   []float64{0.2, 0.5, 0.8, 1}[seed%4],
			kind:      kinds[seed/3%4],
			maxCap:    []int{0, 0, 2, 3}[seed/11%4],
			emptyRows: 0.15,
			seed:      seed,
		}
		t.Run(fmt.Sprintf("seed=%d/%dx%d", seed, c.rows, c.cols), func(t *testing.T) {
			g, _, _ := c.build()
			a := solveChecked(t, g)
			n, total := bruteForce(g)
			assert.Equal(t, n, len(a.Pairs), "pairs")
			assert.InDelta(t, total, a.Total, 1e-9, "total")
		})
	}
}

// TestAssignSparseDense compares with the dense solver on the same
// problems (absent pairs -Inf, one column per seat): the same number of
// pairs and the same total, and both certificates verify.
func TestAssignSparseDense(t *testing.T) {
	type size struct{ r, c int }
	sizes := []size{{1, 1}, {10, 10}, {30, 7}, {7, 30}, {60, 60}, {100, 40}, {40, 100}, {200, 200}, {300, 120}, {120, 300}}
	var cases []sparseCase
	seed := uint64(1000)
	for _, sz := range sizes {
		for _, d := range []float64{0.01, 0.05, 0.2, 0.5} {
			for _, kind := range []string{"uniform", "ties", "int"} {
				for _, maxCap := range []int{0, 3} {
					seed++
					cases = append(cases, sparseCase{rows: sz.r, cols: sz.c, density: d, kind: kind, maxCap: maxCap, emptyRows: 0.05, seed: seed})
				}
			}
		}
	}
	// Larger ones, fewer of them: up to 2000 rows or columns.
	for k, sz := range []size{{1000, 800}, {800, 1000}, {2000, 2000}, {2000, 1600}} {
		for _, d := range []float64{0.01, 0.07} {
			cases = append(cases, sparseCase{rows: sz.r, cols: sz.c, density: d, kind: []string{"uniform", "ties"}[k%2], seed: uint64(5000 + k)})
		}
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%dx%d/d=%.2f/%s/cap=%d/seed=%d", c.rows, c.cols, c.density, c.kind, c.maxCap, c.seed), func(t *testing.T) {
			g, dense, _ := c.build()
			a := solveChecked(t, g)
			if dense == nil {
				assert.Empty(t, a.Pairs)
				return
			}
			want, err := lap.Assign(context.Background(), dense)
			require.NoError(t, err)
			require.NoError(t, lap.Verify(dense, want))
			assert.Equal(t, len(want.Pairs), len(a.Pairs), "pairs")
			assert.InDelta(t, want.Total, a.Total, 1e-9*max(1, abs(want.Total)), "total")
		})
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestAssignSparseProperties checks, over seeded random problems, what
// holds whatever the optimum: a second solve gives the same result, bit
// for bit; adding a pair never lowers the optimum; the certificate
// verifies.
func TestAssignSparseProperties(t *testing.T) {
	for seed := range uint64(40) {
		c := sparseCase{rows: 20 + int(seed)*3, cols: 15 + int(seed*7)%60, density: 0.03 + float64(seed%5)*0.05,
			kind: []string{"uniform", "ties", "int"}[seed%3], maxCap: int(seed % 3), emptyRows: 0.1, seed: seed}
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			g, _, _ := c.build()
			a := solveChecked(t, g)
			b := solveChecked(t, g)
			assert.Equal(t, a, b, "deterministic")

			// The same problem with every pair's score raised by 1 has the
			// same number of pairs and a total higher by exactly that.
			r, cols := g.Dims()
			bb := lap.NewSparseBuilder(cols)
			for j := 0; j < cols; j++ {
				bb.SetCapacity(j, g.Capacity(j))
			}
			for i := 0; i < r; i++ {
				js, ss := g.Row(i)
				ints := make([]int, len(js))
				ws := make([]float64, len(js))
				for e := range js {
					ints[e], ws[e] = int(js[e]), float64(ss[e])+1
				}
				bb.AddRow(ints, ws)
			}
			g2, err := bb.Build()
			require.NoError(t, err)
			a2 := solveChecked(t, g2)
			require.Equal(t, len(a.Pairs), len(a2.Pairs))
			assert.InDelta(t, a.Total+float64(len(a.Pairs)), a2.Total, 1e-6)
		})
	}
}

func TestAssignSparseEdgeCases(t *testing.T) {
	build := func(cols int, caps map[int]int, rows ...[]int) *lap.Sparse {
		b := lap.NewSparseBuilder(cols)
		for j, c := range caps {
			b.SetCapacity(j, c)
		}
		for _, r := range rows {
			ws := make([]float64, len(r))
			for k := range ws {
				ws[k] = float64(10 - k)
			}
			b.AddRow(r, ws)
		}
		g, err := b.Build()
		require.NoError(t, err)
		return g
	}
	tests := []struct {
		name  string
		g     *lap.Sparse
		pairs []lap.Pair
	}{
		{"nil is 0x0", nil, []lap.Pair{}},
		{"zero value is 0x0", &lap.Sparse{}, []lap.Pair{}},
		{"rows without columns", build(0, nil, nil, nil), []lap.Pair{}},
		{"columns without rows", build(3, nil), []lap.Pair{}},
		{"no pairs", build(2, nil, nil, nil), []lap.Pair{}},
		{"one pair", build(2, nil, nil, []int{1}), []lap.Pair{{Row: 1, Col: 1, Score: 10}}},
		{"capacity 0 column is unusable", build(2, map[int]int{0: 0}, []int{0, 1}), []lap.Pair{{Row: 0, Col: 1, Score: 9}}},
		{"two seats take two rows", build(1, map[int]int{0: 2}, []int{0}, []int{0}, []int{0}), []lap.Pair{{Row: 0, Col: 0, Score: 10}, {Row: 1, Col: 0, Score: 10}}},
		{"cardinality before score", build(2, nil, []int{0, 1}, []int{0}), []lap.Pair{{Row: 0, Col: 1, Score: 9}, {Row: 1, Col: 0, Score: 10}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := solveChecked(t, tt.g)
			assert.Equal(t, tt.pairs, a.Pairs)
		})
	}
}

func TestAssignSparseNilContextAndCancel(t *testing.T) {
	g, _, _ := sparseCase{rows: 50, cols: 50, density: 0.2, seed: 1}.build()
	//lint:ignore SA1012 a nil context is documented to mean Background.
	a, err := lap.AssignSparse(nil, g)
	require.NoError(t, err)
	require.NoError(t, lap.VerifySparse(g, a))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = lap.AssignSparse(ctx, g)
	assert.ErrorIs(t, err, context.Canceled)
}

// TestVerifySparseRejects tampers with a verified solution, one thing at
// a time.
func TestVerifySparseRejects(t *testing.T) {
	g, _, _ := sparseCase{rows: 30, cols: 20, density: 0.3, seed: 7}.build()
	good := solveChecked(t, g)
	require.NotEmpty(t, good.Pairs)
	clone := func() lap.Assignment {
		a := good
		a.Pairs = append([]lap.Pair(nil), good.Pairs...)
		a.RowCover = append([]bool(nil), good.RowCover...)
		a.ColCover = append([]bool(nil), good.ColCover...)
		a.RowDual = append([]float64(nil), good.RowDual...)
		a.ColDual = append([]float64(nil), good.ColDual...)
		return a
	}
	p0 := good.Pairs[0]
	tests := []struct {
		name   string
		tamper func(a *lap.Assignment)
		want   error
	}{
		{"short certificate", func(a *lap.Assignment) { a.RowDual = a.RowDual[1:] }, lap.ErrInvalidAssignment},
		{"dual exponent", func(a *lap.Assignment) { a.DualExp = 1 }, lap.ErrInvalidAssignment},
		{"column out of range", func(a *lap.Assignment) { a.Pairs[0].Col = 20 }, lap.ErrInvalidAssignment},
		{"row twice", func(a *lap.Assignment) { a.Pairs = append([]lap.Pair{p0}, a.Pairs...) }, lap.ErrInvalidAssignment},
		{"score changed", func(a *lap.Assignment) { a.Pairs[0].Score += 1 }, lap.ErrInvalidAssignment},
		{"total changed", func(a *lap.Assignment) { a.Total += 1 }, lap.ErrInvalidAssignment},
		{"pair dropped", func(a *lap.Assignment) { a.Total -= a.Pairs[0].Score; a.Pairs = a.Pairs[1:] }, lap.ErrNotOptimal},
		{"row dual lowered", func(a *lap.Assignment) { a.RowDual[p0.Row] -= 0.5 }, lap.ErrNotOptimal},
		{"dual not finite", func(a *lap.Assignment) { a.ColDual[0] = a.ColDual[0] / 0 }, lap.ErrNotOptimal},
		{"cover flipped", func(a *lap.Assignment) { a.RowCover[p0.Row] = !a.RowCover[p0.Row] }, lap.ErrNotOptimal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := clone()
			tt.tamper(&a)
			assert.ErrorIs(t, lap.VerifySparse(g, a), tt.want)
		})
	}
}

// FuzzAssignSparse solves small problems drawn from the fuzzer's bytes and
// compares with brute force.
func FuzzAssignSparse(f *testing.F) {
	f.Add([]byte{3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{5, 2, 0, 0, 0, 255, 17, 3, 3, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 {
			t.Skip()
		}
		rows, cols := int(data[0]%7), int(data[1]%6)
		data = data[2:]
		next := func() byte {
			if len(data) == 0 {
				return 0
			}
			x := data[0]
			data = data[1:]
			return x
		}
		b := lap.NewSparseBuilder(cols)
		for j := 0; j < cols; j++ {
			b.SetCapacity(j, int(next()%3))
		}
		for range rows {
			var js []int
			var ws []float64
			for j := 0; j < cols; j++ {
				if x := next(); x%3 != 0 {
					js = append(js, j)
					ws = append(ws, float64(x%8)-2)
				}
			}
			b.AddRow(js, ws)
		}
		g, err := b.Build()
		require.NoError(t, err)
		a := solveChecked(t, g)
		n, total := bruteForce(g)
		assert.Equal(t, n, len(a.Pairs))
		assert.InDelta(t, total, a.Total, 1e-9)
	})
}
