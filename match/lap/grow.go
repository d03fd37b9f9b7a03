package lap

import (
	"math"
	"slices"
)

// Lines reads the entries of a matrix that grows a row or a column at a
// time (see [Growth]): entries are scores as for [Assign], -Inf for a
// forbidden pair.
type Lines interface {
	// ReadRow writes the entries of row i with columns 0, 1, …,
	// len(dst)-1 into dst.
	ReadRow(i int, dst []float64)
	// ReadCol writes the entries of column j with rows 0, 1, …,
	// len(dst)-1 into dst.
	ReadCol(j int, dst []float64)
}

// Growth is an optimal assignment, with its certificate, of a matrix that
// grows by one row or one column at a time and stays optimal: the value of
// adding a row or a column, without solving again.
//
// Adding a vertex to an optimal assignment changes it along one
// alternating path that starts at the new vertex (the symmetric difference
// of the old and the new optimum has no other component, or the old one
// was not optimal). The best such path is a shortest path under the
// reduced costs of the duals, which are ≥ 0: one Dijkstra search, stopped
// as soon as no cheaper end can be reached, then the usual update of the
// duals of the vertices it settled. Cost of one step: O(settled·(r+c))
// time, at most O(r·c), against a solve from scratch for [Assign]; O(r+c)
// memory besides the matrix, which the caller keeps and reads out through
// [Lines].
//
// Duals are kept as [Value]s in the units of the scores (not scaled by
// 2^DualExp). A Growth is not safe for use by two goroutines at once;
// [Growth.Clone] gives an independent copy.
type Growth struct {
	rowMate, colMate []int // -1 when unmatched
	rowDual, colDual []Value

	// Work space of a search, reused.
	dist, distA       []Value
	buf               []float64
	pred              []int
	done              []bool
	settled, settledA []int
}

// NewGrowth returns the optimal assignment a of an r×c matrix, as
// [Assign] returns it, in the form Growth keeps. When a has no
// certificate of those lengths (r or c is 0, and a has no pairs), the
// duals start at 0, which is optimal for a matrix without pairs. Cost:
// O(r+c).
func NewGrowth(a Assignment, r, c int) *Growth {
	g := &Growth{
		rowMate: make([]int, r), colMate: make([]int, c),
		rowDual: make([]Value, r), colDual: make([]Value, c),
	}
	for i := range g.rowMate {
		g.rowMate[i] = -1
	}
	for j := range g.colMate {
		g.colMate[j] = -1
	}
	if len(a.RowCover) == r && len(a.ColCover) == c && len(a.RowDual) == r && len(a.ColDual) == c {
		scale := math.Ldexp(1, a.DualExp)
		for i := range r {
			g.rowDual[i] = Value{cover(a.RowCover[i]), a.RowDual[i] * scale}
		}
		for j := range c {
			g.colDual[j] = Value{cover(a.ColCover[j]), a.ColDual[j] * scale}
		}
	}
	for _, p := range a.Pairs {
		g.rowMate[p.Row], g.colMate[p.Col] = p.Col, p.Row
	}
	return g
}

func cover(c bool) int {
	if c {
		return 1
	}
	return 0
}

// Clone returns a copy of g that can grow independently. Cost: O(r+c).
func (g *Growth) Clone() *Growth {
	return &Growth{
		rowMate: slices.Clone(g.rowMate), colMate: slices.Clone(g.colMate),
		rowDual: slices.Clone(g.rowDual), colDual: slices.Clone(g.colDual),
	}
}

// Rows and Cols return the current dimensions of the matrix.
func (g *Growth) Rows() int { return len(g.rowMate) }

// Cols returns the current number of columns.
func (g *Growth) Cols() int { return len(g.colMate) }

// RowMate returns the column of row i in the current optimal assignment,
// or -1 when row i is unmatched. It panics if i is out of range.
func (g *Growth) RowMate(i int) int { return g.rowMate[i] }

// AddCol appends a column to the matrix, unmatched, re-optimises, and
// returns the change of the lexicographic optimum (pairs, then total),
// which is never below zero. m must already give the new column's entries
// (ReadCol(Cols()-1 after the call, …)) and every row's entry with it;
// the search reads whole rows and columns through m. AddRow does the same
// for a row. Cost: see [Growth].
func (g *Growth) AddCol(m Lines) Value {
	g.colMate, g.colDual = append(g.colMate, -1), append(g.colDual, Value{})
	return g.augment(m, true)
}

// AddRow appends a row; see [Growth.AddCol].
func (g *Growth) AddRow(m Lines) Value {
	g.rowMate, g.rowDual = append(g.rowMate, -1), append(g.rowDual, Value{})
	return g.augment(m, false)
}

// line reads vertex a of side A (a column when col is true, else a row)
// into dst.
func line(m Lines, col bool, a int, dst []float64) {
	if col {
		m.ReadCol(a, dst)
	} else {
		m.ReadRow(a, dst)
	}
}

// augment re-optimises after the last column (col) or row (!col) was
// added unmatched, with a dual of 0. Call A the side of the new vertex and
// B the other. The new vertex's dual is set to the least value that keeps
// every pair feasible; a path from it alternates pairs not in the matching
// (A to B) and pairs in it (B to A), and ends either at a free vertex of B
// (one pair more) or by freeing the last vertex of A it reaches (as many
// pairs); its gain is the new vertex's dual less its reduced length less
// the dual of its end. Leaving the new vertex unmatched gains 0.
func (g *Growth) augment(m Lines, col bool) Value {
	dualA, mateA, dualB, mateB := g.colDual, g.colMate, g.rowDual, g.rowMate
	if !col {
		dualA, mateA, dualB, mateB = g.rowDual, g.rowMate, g.colDual, g.colMate
	}
	nA, nB := len(dualA), len(dualB)
	a0 := nA - 1

	g.buf = resize(g.buf, nB)
	v0 := Value{}
	line(m, col, a0, g.buf)
	for b, x := range g.buf {
		if !math.IsInf(x, -1) {
			if c := (Value{1, x}).Sub(dualB[b]); v0.Less(c) {
				v0 = c
			}
		}
	}
	dualA[a0] = v0

	g.dist = resize(g.dist, nB)
	g.pred = resize(g.pred, nB)
	g.done = resize(g.done, nB)
	g.distA = resize(g.distA, nA)
	for b := range nB {
		g.dist[b], g.done[b] = unreachable, false
	}
	g.settled, g.settledA = g.settled[:0], append(g.settledA[:0], a0)
	g.distA[a0] = Value{}

	relax := func(a int) {
		line(m, col, a, g.buf)
		for b, x := range g.buf {
			if g.done[b] || mateA[a] == b || math.IsInf(x, -1) {
				continue
			}
			rc := dualA[a].Add(dualB[b]).Sub(Value{1, x})
			if rc.N == 0 && rc.X < 0 {
				rc.X = 0 // rounding in the certificate
			}
			if d := g.distA[a].Add(rc); d.Less(g.dist[b]) {
				g.dist[b], g.pred[b] = d, a
			}
		}
	}

	best, endB, freed := v0, -1, -1 // leaving a0 unmatched costs v0
	relax(a0)
	for {
		b := -1
		for x := range nB {
			if !g.done[x] && (b < 0 || g.dist[x].Less(g.dist[b])) {
				b = x
			}
		}
		if b < 0 || !g.dist[b].Less(best) {
			break
		}
		g.done[b] = true
		g.settled = append(g.settled, b)
		if mateB[b] < 0 {
			if t := g.dist[b].Add(dualB[b]); t.Less(best) {
				best, endB, freed = t, b, -1
			}
			continue
		}
		a := mateB[b]
		g.distA[a] = g.dist[b]
		g.settledA = append(g.settledA, a)
		if t := g.distA[a].Add(dualA[a]); t.Less(best) {
			best, endB, freed = t, b, a
		}
		relax(a)
	}

	for _, b := range g.settled {
		dualB[b] = dualB[b].Add(best.Sub(g.dist[b]))
	}
	for _, a := range g.settledA {
		dualA[a] = dualA[a].Sub(best.Sub(g.distA[a]))
	}
	if endB >= 0 {
		if freed >= 0 {
			mateA[freed] = -1
		}
		for b := endB; ; {
			a := g.pred[b]
			next := mateA[a]
			mateA[a], mateB[b] = b, a
			if a == a0 {
				break
			}
			b = next
		}
	}
	return v0.Sub(best)
}

// resize returns s with length n, reusing its storage when it can.
func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
