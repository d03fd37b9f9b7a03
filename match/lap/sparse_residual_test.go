package lap_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/duomatch/duo/match/lap"
)

// solvedSparse builds sc and solves it: the problem, its matrix with one
// column per seat (nil without rows or seats), the assignment and its
// optimum.
func solvedSparse(t *testing.T, sc sparseCase) (*lap.Sparse, *mat.Dense, lap.Assignment, lap.Value) {
	t.Helper()
	g, dense, _ := sc.build()
	a, err := lap.AssignSparse(context.Background(), g)
	require.NoError(t, err)
	return g, dense, a, lap.Value{N: len(a.Pairs), X: a.Total}
}

// sparseOptimum solves g from scratch and returns its lexicographic
// optimum.
func sparseOptimum(t *testing.T, g *lap.Sparse) lap.Value {
	t.Helper()
	a, err := lap.AssignSparse(context.Background(), g)
	require.NoError(t, err)
	return lap.Value{N: len(a.Pairs), X: a.Total}
}

// rebuild returns g with row i's pairs removed and column j's capacity
// lowered by one (drop < 0: nothing removed), and extra columns of
// capacity 1 appended, each with its rows and scores.
func rebuild(t *testing.T, g *lap.Sparse, drop, j int, extra []extraCol) *lap.Sparse {
	t.Helper()
	r, c := g.Dims()
	b := lap.NewSparseBuilder(c + len(extra))
	for k := range c {
		capK := g.Capacity(k)
		if drop >= 0 && k == j {
			capK--
		}
		b.SetCapacity(k, capK)
	}
	for i := range r {
		var cols []int
		var ws []float64
		if i != drop {
			cs, ss := g.Row(i)
			for e, k := range cs {
				cols, ws = append(cols, int(k)), append(ws, float64(ss[e]))
			}
			for x, ec := range extra {
				for e, ri := range ec.rows {
					if ri == i {
						cols, ws = append(cols, c+x), append(ws, ec.scores[e])
					}
				}
			}
		}
		b.AddRow(cols, ws)
	}
	out, err := b.Build()
	require.NoError(t, err)
	return out
}

type extraCol struct {
	rows   []int
	scores []float64
}

// sparseCases are random problems with ties, negative scores, capacities
// (0 too), rows without pairs, tall and wide shapes.
func sparseCases(n int, maxSide int) []sparseCase {
	kinds := []string{"uniform", "ties", "int", "negative"}
	var out []sparseCase
	for seed := range uint64(n) {
		rng := rand.New(rand.NewPCG(seed, 77))
		out = append(out, sparseCase{
			rows: 1 + rng.IntN(maxSide), cols: 1 + rng.IntN(maxSide),
			density: 0.15 + 0.6*rng.Float64(), kind: kinds[seed%4],
			maxCap: []int{0, 1, 3}[seed%3], emptyRows: 0.2 * rng.Float64(), seed: seed,
		})
	}
	return out
}

// TestSparseForceCostAgainstResolve: for every allowed pair of random
// sparse problems, ForceCost on the sparse residual graph is the optimum
// less the optimum with the pair imposed (the row removed and the
// column's capacity lowered, solved again from scratch, plus the pair),
// and the least ForceCost of the column's seats in the dense residual
// graph of the same problem laid out one column per seat.
func TestSparseForceCostAgainstResolve(t *testing.T) {
	ctx := context.Background()
	for _, sc := range sparseCases(200, 7) {
		g, dense, a, opt := solvedSparse(t, sc)
		res, err := lap.NewSparseResidual(ctx, g, &a)
		require.NoError(t, err)
		var dres *lap.Residual
		var seatCol []int
		if dense != nil {
			da, err := lap.Assign(ctx, dense)
			require.NoError(t, err)
			dr, dc := dense.Dims()
			dres, err = lap.NewResidual(ctx, dense.RawMatrix().Data, dr, dc, &da)
			require.NoError(t, err)
			for j := range sc.cols {
				for range g.Capacity(j) {
					seatCol = append(seatCol, j)
				}
			}
		}
		r, c := g.Dims()
		for i := range r {
			cols, scores := g.Row(i)
			for e, jj := range cols {
				j := int(jj)
				name := fmt.Sprintf("seed %d (%d×%d %s cap %d) pair (%d, %d)", sc.seed, r, c, sc.kind, sc.maxCap, i, j)
				cost, ok, err := res.ForceCost(ctx, i, j)
				require.NoError(t, err, name)
				if g.Capacity(j) == 0 {
					assert.False(t, ok, "%s: a column without seats", name)
					continue
				}
				require.True(t, ok, name)
				forced := sparseOptimum(t, rebuild(t, g, i, j, nil)).Add(lap.Value{N: 1, X: float64(scores[e])})
				want := opt.Sub(forced)
				assert.Equal(t, want.N, cost.N, "%s: pairs lost", name)
				assert.InDelta(t, want.X, cost.X, 1e-9*(1+math.Abs(opt.X)), "%s: total lost", name)
				if res.RowMate(i) == j {
					assert.Equal(t, lap.Value{}, cost, "%s: a pair of the assignment", name)
				}
				best := lap.Value{N: math.MaxInt}
				for s, col := range seatCol {
					if col == j {
						dc, ok, err := dres.ForceCost(ctx, i, s)
						require.NoError(t, err)
						require.True(t, ok)
						if dc.Less(best) {
							best = dc
						}
					}
				}
				assert.Equal(t, best.N, cost.N, "%s: pairs lost, dense graph", name)
				assert.InDelta(t, best.X, cost.X, 1e-9*(1+math.Abs(opt.X)), "%s: total lost, dense graph", name)
			}
		}
	}
}

// TestSparseResidualLarge: on larger problems (up to 2 000 rows), the
// forcing costs of sampled pairs agree with re-solving, and a search cut
// off at a limit settles the same nodes at the same distances as the
// whole search, within the limit.
func TestSparseResidualLarge(t *testing.T) {
	ctx := context.Background()
	sizes := []sparseCase{
		{rows: 300, cols: 200, density: 0.05, kind: "ties", maxCap: 3, emptyRows: 0.05, seed: 1},
		{rows: 200, cols: 400, density: 0.03, kind: "uniform", seed: 2},
		{rows: 2000, cols: 1600, density: 0.01, kind: "int", maxCap: 2, emptyRows: 0.02, seed: 3},
	}
	for _, sc := range sizes {
		if testing.Short() && sc.rows > 500 {
			continue
		}
		g, _, a, opt := solvedSparse(t, sc)
		res, err := lap.NewSparseResidual(ctx, g, &a)
		require.NoError(t, err)
		rng := rand.New(rand.NewPCG(sc.seed, 3))
		full, cut := res.NewSearch(), res.NewSearch()
		for range 12 {
			i := rng.IntN(sc.rows)
			cols, scores := g.Row(i)
			if len(cols) == 0 {
				continue
			}
			e := rng.IntN(len(cols))
			j := int(cols[e])
			if g.Capacity(j) == 0 {
				continue
			}
			name := fmt.Sprintf("%d×%d seed %d pair (%d, %d)", sc.rows, sc.cols, sc.seed, i, j)
			cost, ok, err := res.ForceCost(ctx, i, j)
			require.NoError(t, err)
			require.True(t, ok)
			forced := sparseOptimum(t, rebuild(t, g, i, j, nil)).Add(lap.Value{N: 1, X: float64(scores[e])})
			want := opt.Sub(forced)
			assert.Equal(t, want.N, cost.N, name)
			assert.InDelta(t, want.X, cost.X, 1e-6, name)

			target := res.RowMate(i)
			if target < 0 {
				continue
			}
			require.NoError(t, res.SearchBack(ctx, full, target, lap.Value{N: math.MaxInt, X: math.Inf(1)}))
			limit := full.Dist(j)
			require.True(t, full.Settled(j))
			require.NoError(t, res.SearchBack(ctx, cut, target, limit))
			for v := 0; v <= res.Cols(); v++ {
				if full.Settled(v) && !full.Dist(v).Above(limit, res.Tol()) {
					require.True(t, cut.Settled(v), name)
					assert.Equal(t, full.Dist(v), cut.Dist(v), name)
					assert.Equal(t, full.Next(v), cut.Next(v), name)
					assert.Equal(t, full.Row(v), cut.Row(v), name)
				}
			}
		}
	}
}

// TestSparseGrowthAgainstResolve: adding columns one at a time to random
// sparse problems gives, each time, the gain of solving the grown problem
// from scratch, and an assignment worth that optimum; and the same gains
// as the dense Growth on the problem laid out one column per seat.
func TestSparseGrowthAgainstResolve(t *testing.T) {
	ctx := context.Background()
	for _, sc := range sparseCases(200, 8) {
		g, dense, a, opt := solvedSparse(t, sc)
		gr, err := lap.NewSparseGrowth(g, a)
		require.NoError(t, err)
		prev := opt
		rng := rand.New(rand.NewPCG(sc.seed, 11))
		var extra []extraCol
		base := gr.Clone()
		// The dense Growth on the same problem, one column per seat.
		lines := make(seatLines, sc.rows)
		var da lap.Assignment
		if dense != nil {
			for i := range lines {
				lines[i] = append([]float64(nil), dense.RawRowView(i)...)
			}
			da, err = lap.Assign(ctx, dense)
			require.NoError(t, err)
		}
		dg := lap.NewGrowth(da, sc.rows, len(lines[0]))
		for step := range 3 {
			var ec extraCol
			for i := range sc.rows {
				if rng.IntN(3) == 0 {
					w := float64(rng.IntN(4))
					if sc.kind == "uniform" {
						w = float64(float32(rng.Float64())) // as the problem stores it
					}
					ec.rows, ec.scores = append(ec.rows, i), append(ec.scores, w)
				}
			}
			extra = append(extra, ec)
			name := fmt.Sprintf("seed %d (%d×%d %s cap %d) step %d", sc.seed, sc.rows, sc.cols, sc.kind, sc.maxCap, step)
			before := make([]int, gr.Rows())
			for i := range before {
				before[i] = gr.RowMate(i)
			}
			gain := gr.AddCol(ec.rows, ec.scores)
			for i := range lines {
				lines[i] = append(lines[i], math.Inf(-1))
			}
			for e, i := range ec.rows {
				lines[i][len(lines[i])-1] = ec.scores[e]
			}
			dgain := dg.AddCol(lines)
			assert.Equal(t, dgain.N, gain.N, "%s: pairs gained, dense Growth", name)
			assert.InDelta(t, dgain.X, gain.X, 1e-9*(1+math.Abs(prev.X)), "%s: total gained, dense Growth", name)
			moved := map[int]bool{}
			for _, m := range gr.LastMoves() {
				assert.Equal(t, before[m.Row], m.From, "%s: row %d moved from", name, m.Row)
				assert.Equal(t, gr.RowMate(m.Row), m.To, "%s: row %d moved to", name, m.Row)
				moved[m.Row] = true
			}
			for i := range before {
				if !moved[i] {
					assert.Equal(t, before[i], gr.RowMate(i), "%s: row %d did not move", name, i)
				}
			}
			want := sparseOptimum(t, rebuild(t, g, -1, 0, extra))
			assert.Equal(t, want.N-prev.N, gain.N, "%s: pairs gained", name)
			assert.InDelta(t, want.X-prev.X, gain.X, 1e-9*(1+math.Abs(want.X)), "%s: total gained", name)
			assert.False(t, gain.Less(lap.Value{}), name)
			// The assignment it keeps is worth the optimum.
			grown := rebuild(t, g, -1, 0, extra)
			got, load := lap.Value{}, make([]int, gr.Cols())
			for i := range gr.Rows() {
				j := gr.RowMate(i)
				if j < 0 {
					continue
				}
				load[j]++
				cols, scores := grown.Row(i)
				found := false
				for e, k := range cols {
					if int(k) == j {
						got, found = got.Add(lap.Value{N: 1, X: float64(scores[e])}), true
					}
				}
				require.True(t, found, "%s: row %d on a pair it does not have", name, i)
			}
			for j, l := range load {
				assert.LessOrEqual(t, l, grown.Capacity(j), "%s: column %d over capacity", name, j)
			}
			assert.Equal(t, want.N, got.N, name)
			assert.InDelta(t, want.X, got.X, 1e-9*(1+math.Abs(want.X)), name)
			prev = want
		}
		assert.Equal(t, len(a.Pairs), countMatched(base), "a clone does not grow with the original")
	}
}

// seatLines is a dense matrix that grows by columns, read out to the
// dense Growth (row i is lines[i]).
type seatLines [][]float64

func (m seatLines) ReadRow(i int, dst []float64) { copy(dst, m[i]) }

func (m seatLines) ReadCol(j int, dst []float64) {
	for i := range dst {
		dst[i] = m[i][j]
	}
}

func countMatched(g *lap.SparseGrowth) int {
	n := 0
	for i := range g.Rows() {
		if g.RowMate(i) >= 0 {
			n++
		}
	}
	return n
}

func TestNewSparseResidualRejectsMismatch(t *testing.T) {
	b := lap.NewSparseBuilder(2)
	b.AddRow([]int{0}, []float64{1})
	b.AddRow([]int{1}, []float64{2})
	g, err := b.Build()
	require.NoError(t, err)
	a, err := lap.AssignSparse(context.Background(), g)
	require.NoError(t, err)
	short := a
	short.RowDual = short.RowDual[:1]
	_, err = lap.NewSparseResidual(context.Background(), g, &short)
	assert.ErrorIs(t, err, lap.ErrInvalidAssignment)
	_, err = lap.NewSparseGrowth(g, short)
	assert.ErrorIs(t, err, lap.ErrInvalidAssignment)
	bad := a
	bad.Pairs = []lap.Pair{{Row: 0, Col: 1, Score: 1}}
	_, err = lap.NewSparseResidual(context.Background(), g, &bad)
	assert.ErrorIs(t, err, lap.ErrInvalidAssignment)
	_, err = lap.NewSparseGrowth(g, bad)
	assert.ErrorIs(t, err, lap.ErrInvalidAssignment)
}

// TestSearchNearThroughT: on the residual graphs of random problems,
// sparse and dense, the shortest path from any column to a target column
// is the shorter of the search without T and the path through T
// (Out().Dist + In), as the whole graph's search finds it; a visit that
// keeps the limit changes nothing; and In's paths lead back to T.
func TestSearchNearThroughT(t *testing.T) {
	ctx := context.Background()
	whole := lap.Value{N: math.MaxInt, X: math.Inf(1)}
	for _, sc := range sparseCases(120, 9) {
		g, dense, a, _ := solvedSparse(t, sc)
		sres, err := lap.NewSparseResidual(ctx, g, &a)
		require.NoError(t, err)
		graphs := []*lap.Residual{sres}
		if dense != nil {
			da, err := lap.Assign(ctx, dense)
			require.NoError(t, err)
			dr, dc := dense.Dims()
			dres, err := lap.NewResidual(ctx, dense.RawMatrix().Data, dr, dc, &da)
			require.NoError(t, err)
			graphs = append(graphs, dres)
		}
		for gi, res := range graphs {
			full, near, visited := res.NewSearch(), res.NewSearch(), res.NewSearch()
			for target := range res.Cols() {
				name := fmt.Sprintf("seed %d graph %d target %d", sc.seed, gi, target)
				if res.ColMate(target) < 0 {
					continue // a target of SearchNear is a row's column
				}
				require.NoError(t, res.SearchBack(ctx, full, target, whole))
				require.NoError(t, res.SearchNear(ctx, near, target, whole, nil))
				n := 0
				require.NoError(t, res.SearchNear(ctx, visited, target, whole, func(int, lap.Value) lap.Value { n++; return whole }))
				for j := range res.Cols() {
					if !full.Settled(j) { // a column without seats reaches nothing
						assert.False(t, near.Settled(j), name)
						continue
					}
					best := res.Out().Dist(j).Add(res.In(target))
					if near.Settled(j) && near.Dist(j).Less(best) {
						best = near.Dist(j)
					}
					assert.Equal(t, full.Dist(j).N, best.N, "%s column %d", name, j)
					assert.InDelta(t, full.Dist(j).X, best.X, 1e-9, "%s column %d", name, j)
					assert.Equal(t, near.Settled(j), visited.Settled(j), name)
				}
				// In's path from T to the target.
				v, steps := target, 0
				for v != res.Cols() {
					prev, _ := res.InPrev(v)
					require.GreaterOrEqual(t, prev, 0, name)
					v, steps = prev, steps+1
					require.LessOrEqual(t, steps, res.Cols()+1, name)
				}
			}
		}
	}
}

// FuzzSparseResidual: on small sparse problems drawn from the fuzzer's
// numbers (shape, density, kind of scores, capacities, rows without
// pairs), every pair's forcing cost on the sparse residual graph is what
// re-solving with the pair imposed gives, and adding a column to the
// sparse growth gains what re-solving the grown problem gives.
func FuzzSparseResidual(f *testing.F) {
	f.Add(uint64(1), uint8(4), uint8(3), uint8(128), uint8(1), uint8(2), uint8(0))
	f.Add(uint64(7), uint8(6), uint8(6), uint8(60), uint8(3), uint8(0), uint8(40))
	f.Add(uint64(9), uint8(1), uint8(7), uint8(255), uint8(2), uint8(3), uint8(0))
	kinds := []string{"uniform", "ties", "int", "negative"}
	f.Fuzz(func(t *testing.T, seed uint64, rows, cols, density, kind, maxCap, empty uint8) {
		sc := sparseCase{
			rows: 1 + int(rows%7), cols: 1 + int(cols%7), density: float64(density) / 255,
			kind: kinds[kind%4], maxCap: int(maxCap % 4), emptyRows: float64(empty) / 255, seed: seed,
		}
		ctx := context.Background()
		g, _, a, opt := solvedSparse(t, sc)
		res, err := lap.NewSparseResidual(ctx, g, &a)
		require.NoError(t, err)
		tol := 1e-9 * (1 + math.Abs(opt.X))
		for i := range sc.rows {
			cs, ss := g.Row(i)
			for e, j := range cs {
				cost, ok, err := res.ForceCost(ctx, i, int(j))
				require.NoError(t, err)
				if g.Capacity(int(j)) == 0 {
					require.False(t, ok)
					continue
				}
				require.True(t, ok)
				want := opt.Sub(sparseOptimum(t, rebuild(t, g, i, int(j), nil)).Add(lap.Value{N: 1, X: float64(ss[e])}))
				require.Equal(t, want.N, cost.N, "pair (%d, %d)", i, j)
				require.InDelta(t, want.X, cost.X, tol, "pair (%d, %d)", i, j)
			}
		}
		gr, err := lap.NewSparseGrowth(g, a)
		require.NoError(t, err)
		var ec extraCol
		for i := range sc.rows {
			if (seed>>uint(i%64))&1 == 1 {
				ec.rows, ec.scores = append(ec.rows, i), append(ec.scores, float64(i%3))
			}
		}
		gain := gr.AddCol(ec.rows, ec.scores)
		want := sparseOptimum(t, rebuild(t, g, -1, 0, []extraCol{ec})).Sub(opt)
		require.Equal(t, want.N, gain.N)
		require.InDelta(t, want.X, gain.X, tol)
	})
}
