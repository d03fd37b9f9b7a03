package lap

import (
	"context"
	"fmt"
	"math"
	"slices"
)

// The residual graph of an optimal assignment, and the searches that
// price forcing a pair.
//
// The assignment is an optimal flow in the network source → rows →
// columns → sink with a free return arc sink → source, where pair (r,s)
// costs -(1, w[r][s]) in the lexicographic group Z×R. Its certificate
// gives node potentials under which every residual arc has a reduced cost
// ≥ 0. Forcing one unit onto the arc (r, s) costs its reduced cost plus
// the shortest residual path from s back to r: the cheapest cycle through
// the arc, since the difference between two flows decomposes into such
// cycles.
//
// Source and sink are joined by arcs of cost 0 both ways (the return arc
// and, when the flow is not empty, its reverse), so they are one node T,
// "outside the assignment". The residual arcs, with their reduced costs,
// are:
//
//	r → s  pair not in the assignment        y(r) + z(s) - (1, w[r][s])
//	s → r  pair in the assignment            0      (r loses s)
//	r → T  r matched                         y(r)   (r is left out)
//	T → r  r unmatched                       0      (r comes in)
//	s → T  s free                            0      (the chain ends on a free column)
//	T → s  s matched                         z(s)   (s is given up)
//
// A row has one arc in (from its column, or from T) and is passed through
// at no cost, so the searches run over columns and T only: from column s
// the path goes on through the row on s to the next column, or to T.

// Residual is the residual graph of an optimal [Assignment] of an r×c
// matrix under its certificate, with two searches that price forcing any
// pair: [Residual.Out] (every column's cost of handing its row on to a
// free column or out of the assignment) and [Residual.In] (every column's
// cost of being refilled from outside once given up). Node Cols() of a
// [Search] is T, "outside the assignment". A Residual is read-only once
// built and may be shared by goroutines, each with its own Search.
//
// Values are [Value]s in units of 2^DualExp of the scores, as the
// certificate's.
type Residual struct {
	pairs       pairSource // the allowed pairs
	rows, seats int        // seats: the columns
	rowMate     []int      // -1 when free
	// The rows on column s are onCol[onPtr[s]:onPtr[s+1]] (at most one
	// for a matrix); free[s] tells whether s has a free seat.
	onPtr  []int
	onCol  []int32
	free   []bool
	yn, zn []int // count parts of the duals
	yx, zx []float64
	scale  float64 // 2^-DualExp
	// cols[colPtr[s]:colPtr[s+1]] are the arcs r → s into column s, by
	// increasing reduced cost (then row), so that a search can stop
	// reading a column's arcs at the first that leads too far.
	cols   []arc
	colPtr []int
	// tol absorbs the rounding of sums of reduced costs: a bound is only
	// trusted beyond it.
	tol float64
	// out is a search towards T from every column: out.dist[s] is the
	// cost of handing the row on column s on down to a free column or out
	// of the assignment. in[s] is the cost of the cheapest way to fill
	// column s, once given up, from outside (T → … → s).
	out *Search
	in  []Value
	// inPrev[s] and inRow[s] are the node before s on its cheapest path
	// from T and the row that moves into s there (-1: s is given up).
	inPrev, inRow []int32
}

// unreachable is larger than any distance of a search.
var unreachable = Value{math.MaxInt, math.Inf(1)}

// NewResidual builds the residual graph of a, an optimal assignment of the
// r×c matrix w (row-major, -Inf where forbidden, as [Assign] solved it;
// a must carry its certificate, as Assign returns it), and runs the two
// shared searches. w is read, never written, and kept: it must not change
// while the Residual is used. Cost: O(r·c·log(r+c)) time, 16 bytes per
// allowed pair of memory. Errors: ctx.Err() when ctx is done (checked
// every 64 rows or columns); [ErrInvalidAssignment] when w or a's
// certificate do not have the lengths of an r×c matrix.
func NewResidual(ctx context.Context, w []float64, r, c int, a *Assignment) (*Residual, error) {
	if r < 0 || c < 0 || len(w) != r*c || len(a.RowCover) != r || len(a.ColCover) != c || len(a.RowDual) != r || len(a.ColDual) != c {
		return nil, fmt.Errorf("%w: a matrix of %d entries and a certificate of lengths %d, %d, %d, %d for %d×%d",
			ErrInvalidAssignment, len(w), len(a.RowCover), len(a.ColCover), len(a.RowDual), len(a.ColDual), r, c)
	}
	cp := make([]int, c)
	for j := range cp {
		cp[j] = 1
	}
	return newResidual(ctx, denseRows{w: w, cols: c}, r, c, cp, a)
}

// pairSource reads the allowed pairs of a residual graph's problem.
type pairSource interface {
	// each calls f with the column and score of every allowed pair of
	// row r, in the problem's order.
	each(r int, f func(s int, w float64))
	// at returns the score of the pair (r, s) and whether it is allowed.
	at(r, s int) (float64, bool)
}

// denseRows are the allowed pairs of a row-major matrix, -Inf where
// forbidden.
type denseRows struct {
	w    []float64
	cols int
}

func (d denseRows) each(r int, f func(s int, w float64)) {
	for s, w := range d.w[r*d.cols : (r+1)*d.cols] {
		if !math.IsInf(w, -1) {
			f(s, w)
		}
	}
}

func (d denseRows) at(r, s int) (float64, bool) {
	w := d.w[r*d.cols+s]
	return w, !math.IsInf(w, -1)
}

// eachOffPair calls f with every allowed pair (r, s) that is not in the
// assignment and its score, row by row, and returns ctx.Err() (checked
// every 64 rows) if the context is done.
func (g *Residual) eachOffPair(ctx context.Context, f func(r, s int, w float64)) error {
	for r := 0; r < g.rows; r++ {
		if r%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		g.pairs.each(r, func(s int, w float64) {
			if g.rowMate[r] != s {
				f(r, s, w)
			}
		})
	}
	return nil
}

// newResidual builds the residual graph of a, an optimal assignment of the
// problem whose allowed pairs pairs reads, with r rows and c columns of
// capacities cp (a column's seats share its dual), and runs the two
// shared searches. a's lengths have been checked.
func newResidual(ctx context.Context, pairs pairSource, r, c int, cp []int, a *Assignment) (*Residual, error) {
	rows, seats := r, c
	g := &Residual{
		pairs: pairs, rows: rows, seats: seats,
		rowMate: make([]int, rows),
		onPtr:   make([]int, seats+1), free: make([]bool, seats),
		yn: make([]int, rows), zn: make([]int, seats),
		yx: a.RowDual, zx: a.ColDual,
		scale:  math.Ldexp(1, -a.DualExp),
		colPtr: make([]int, seats+1),
	}
	for i := range g.rowMate {
		g.rowMate[i] = -1
		g.yn[i] = cover(a.RowCover[i])
	}
	for s := range seats {
		g.zn[s] = cover(a.ColCover[s])
	}
	for _, pr := range a.Pairs {
		g.rowMate[pr.Row] = pr.Col
		g.onPtr[pr.Col+1]++
	}
	for s := range seats {
		g.free[s] = g.onPtr[s+1] < cp[s]
		g.onPtr[s+1] += g.onPtr[s]
	}
	g.onCol = make([]int32, len(a.Pairs))
	fill := slices.Clone(g.onPtr[:seats])
	for _, pr := range a.Pairs { // each column's rows in the pairs' order
		g.onCol[fill[pr.Col]] = int32(pr.Row)
		fill[pr.Col]++
	}
	maxAbs := 0.0
	for _, v := range g.yx {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	for _, v := range g.zx {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	// The pairs off the assignment by column: counted, then placed.
	err := g.eachOffPair(ctx, func(r, s int, w float64) {
		g.colPtr[s+1]++
		maxAbs = max(maxAbs, math.Abs(w*g.scale))
	})
	if err != nil {
		return nil, err
	}
	for s := range seats {
		g.colPtr[s+1] += g.colPtr[s]
	}
	g.cols = make([]arc, g.colPtr[seats])
	fill = slices.Clone(g.colPtr[:seats])
	err = g.eachOffPair(ctx, func(r, s int, w float64) {
		g.cols[fill[s]] = arc{x: g.rcw(r, s, w), n: int32(g.yn[r] + g.zn[s] - 1), row: int32(r)}
		fill[s]++
	})
	if err != nil {
		return nil, err
	}
	for s := range seats {
		if s%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		slices.SortFunc(g.cols[g.colPtr[s]:g.colPtr[s+1]], func(a, b arc) int {
			switch {
			case a.n != b.n:
				return int(a.n - b.n)
			case a.x < b.x:
				return -1
			case a.x > b.x:
				return 1
			}
			return int(a.row - b.row)
		})
	}
	// A path has at most rows+seats+1 arcs; each sum rounds by at most an
	// ulp of values below (rows+seats+1)·3·maxAbs.
	n := float64(rows + seats + 1)
	g.tol = 1e-12 * n * n * (1 + maxAbs)
	g.out = g.NewSearch()
	if err := g.reverse(ctx, g.out, seats, unreachable, true, nil); err != nil {
		return nil, err
	}
	if err := g.forward(ctx); err != nil {
		return nil, err
	}
	return g, nil
}

// arc is an arc r → s of the residual graph with its reduced cost.
type arc struct {
	x   float64 // real part
	n   int32   // count part
	row int32
}

// rcw is the real part of the reduced cost of the arc r → s of score w;
// the count part is yn[r] + zn[s] - 1.
func (g *Residual) rcw(r, s int, w float64) float64 {
	return (g.yx[r] + g.zx[s]) + -(w * g.scale)
}

// rc is the reduced cost of the arc r → s of score w.
func (g *Residual) rc(r, s int, w float64) Value {
	return Value{N: g.yn[r] + g.zn[s] - 1, X: g.rcw(r, s, w)}
}

// Rows and Cols return the dimensions of the matrix; Cols is also the
// node T of a [Search].
func (g *Residual) Rows() int { return g.rows }

// Cols returns the number of columns, which is also the index of T.
func (g *Residual) Cols() int { return g.seats }

// RowMate returns row i's column in the assignment, or -1.
func (g *Residual) RowMate(i int) int { return g.rowMate[i] }

// ColMate returns column j's row in the assignment, or -1; for a column
// of a [Sparse] problem with several rows, the first of them in the
// assignment's pairs.
func (g *Residual) ColMate(j int) int {
	if g.onPtr[j] == g.onPtr[j+1] {
		return -1
	}
	return int(g.onCol[g.onPtr[j]])
}

// ReducedCost returns the reduced cost of the arc i → j, y(i) + z(j) -
// (1, w[i][j]), for a pair (i, j) that is allowed and not in the
// assignment; it is ≥ 0 up to rounding. Cost: O(1) for a matrix, O(pairs
// of row i) for a [Sparse] problem. It panics if the pair is not allowed.
func (g *Residual) ReducedCost(i, j int) Value {
	w, ok := g.pairs.at(i, j)
	if !ok {
		panic("lap: Residual.ReducedCost: the pair is not allowed")
	}
	return g.rc(i, j, w)
}

// EachPair calls f with the column and the reduced cost of every allowed
// pair (i, j) of row i that is not in the assignment, in the order of the
// problem (by column for a matrix, the row's order for a [Sparse]
// problem). Cost: O(c) for a matrix, O(pairs of row i) for a Sparse
// problem.
func (g *Residual) EachPair(i int, f func(j int, rc Value)) {
	g.pairs.each(i, func(s int, w float64) {
		if g.rowMate[i] != s {
			f(s, g.rc(i, s, w))
		}
	})
}

// Out returns the search towards T from every node, shared: Out().Dist(j)
// is the cost of handing the row on column j on down to a free column or
// out of the assignment. It must not be searched again.
func (g *Residual) Out() *Search { return g.out }

// In returns the cost of the cheapest way to fill column j, once given
// up, from outside (T → … → j); unreachable columns give a Value with
// N = math.MaxInt.
func (g *Residual) In(j int) Value { return g.in[j] }

// Tol returns the tolerance on the real part below which two path
// lengths are not told apart: far above the rounding of a path's sum.
func (g *Residual) Tol() float64 { return g.tol }

// SearchBack runs Dijkstra's algorithm towards target (a column, or T =
// Cols()) over the reversed arcs into sr, and settles every node whose
// distance is within limit (by g.Tol()), with its exact distance and path:
// its shortest path passes through such nodes only. A limit of N =
// math.MaxInt searches the whole graph. Cost: for each column settled,
// its arcs within the limit, plus the heap: O(r·c·log(r+c)) at worst.
// Errors: ctx.Err(), checked every 64 columns settled.
func (g *Residual) SearchBack(ctx context.Context, sr *Search, target int, limit Value) error {
	return g.reverse(ctx, sr, target, limit, true, nil)
}

// SearchNear is [Residual.SearchBack] towards a column target over the
// graph without T: its paths never leave the assignment (no row is left
// out or comes in, no free seat is taken, no column is given up). The
// shortest path from a column j to target in the whole graph is the
// shorter of Dist(j), when j is settled, and the path through T,
// Out().Dist(j) + In(target) (along Out's path to T, then In's path from
// T, see [Residual.InPrev]), since a shortest path passes through T at
// most once. Without T's arcs to every column a search stays among the
// columns near the target, which makes it much cheaper on a sparse
// problem. Cost and errors: as SearchBack's. It panics if target is T.
//
// When visit is not nil, it is called with each column settled and its
// distance, and returns the limit from then on, so that a caller can
// tighten it as it learns more (a larger limit than before is ignored).
func (g *Residual) SearchNear(ctx context.Context, sr *Search, target int, limit Value, visit func(j int, d Value) Value) error {
	if target == g.seats {
		panic("lap: Residual.SearchNear: the target is T")
	}
	return g.reverse(ctx, sr, target, limit, false, visit)
}

// ForceCost returns the cost of forcing row i onto column j: the
// decrease of the lexicographic optimum (pairs, then total, in units of
// 2^DualExp) when (i, j) must be a pair, which is the reduced cost of the
// arc i → j plus the shortest residual path from j back to i. It reports
// false when (i, j) is forbidden; forcing a pair of the assignment costs
// 0. Cost: one search, O(r·c·log(r+c)) at worst. Errors: ctx.Err().
// It panics if i or j is out of range.
func (g *Residual) ForceCost(ctx context.Context, i, j int) (Value, bool, error) {
	w, ok := g.pairs.at(i, j)
	if !ok {
		return Value{}, false, nil
	}
	s0 := g.rowMate[i]
	if s0 == j {
		return Value{}, true, nil
	}
	paths := g.out
	if s0 >= 0 {
		paths = g.NewSearch()
		if err := g.reverse(ctx, paths, s0, unreachable, true, nil); err != nil {
			return Value{}, false, err
		}
	}
	if !paths.settled(j) {
		return Value{}, false, errInternal // every column reaches T and T every matched column
	}
	return g.rc(i, j, w).Add(paths.dist[j]), true, nil
}
