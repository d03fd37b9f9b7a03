package lap

import (
	"fmt"
	"slices"
)

// SparseGrowth is [Growth] for a [Sparse] problem: an optimal assignment
// of g, with its certificate, that stays optimal as columns are added,
// each with its allowed rows ([SparseGrowth.AddCol]). A column keeps its
// capacity and is one node of the search whatever its seats (its seats
// share its dual). Adding a column changes the optimum along one
// alternating path from it, found by one Dijkstra search, with a binary
// heap, over the allowed pairs under the reduced costs of the duals, which
// are then updated; the search stops as soon as no cheaper end can be
// reached. Cost of a step: O(E'·log E') for the E' allowed pairs of the
// columns it settles, at most the allowed pairs; memory O(r+c) besides
// g and the pairs of the added columns (the first step also indexes g's
// pairs by column, 8 bytes per pair, shared by clones).
//
// Duals are [Value]s in the units of the scores. A SparseGrowth is not
// safe for use by two goroutines at once; [SparseGrowth.Clone] gives an
// independent copy.
type SparseGrowth struct {
	g                *Sparse
	byCol            *colIndex // g's pairs by column; built on the first search
	rowMate          []int     // column, or -1
	cap              []int
	on               [][]int32 // the rows on each column
	rowDual, colDual []Value
	added            []addedCol // columns after g's

	// Work space of a search, reused.
	dist, distA []Value
	pred, via   []int    // row -> column it was reached from; column -> row it was reached through
	seen, seenA []uint32 // stamps of the search that reached a row, a column
	done        []uint32 // stamp of the search that settled a row
	gen         uint32
	heap        lexHeap
	settledA    []int
	settled     []int
}

// addedCol is a column added to a SparseGrowth: its allowed rows and
// their scores.
type addedCol struct {
	rows   []int
	scores []float64
}

// colIndex is a Sparse problem's pairs by column.
type colIndex struct {
	start []int
	row   []int32
	score []float32
}

// NewSparseGrowth returns a, an optimal assignment of g with its
// certificate (as [AssignSparse] returns it, or another assignment of g
// that the certificate proves optimal), in the form SparseGrowth keeps. A
// nil g is a 0×0 problem. Cost: O(r+c). Errors: [ErrInvalidAssignment]
// when a's certificate does not have g's lengths or a pair is not one of
// g's, or uses a row twice or a column beyond its capacity.
func NewSparseGrowth(g *Sparse, a Assignment) (*SparseGrowth, error) {
	if g == nil {
		g = &Sparse{}
	}
	r, c := g.Dims()
	if len(a.RowCover) != r || len(a.ColCover) != c || len(a.RowDual) != r || len(a.ColDual) != c {
		return nil, fmt.Errorf("%w: a certificate of lengths %d, %d, %d, %d for %d rows and %d columns",
			ErrInvalidAssignment, len(a.RowCover), len(a.ColCover), len(a.RowDual), len(a.ColDual), r, c)
	}
	s := &SparseGrowth{
		g: g, rowMate: make([]int, r), cap: make([]int, c), on: make([][]int32, c),
		rowDual: make([]Value, r), colDual: make([]Value, c),
	}
	for i := range r {
		s.rowMate[i] = -1
		s.rowDual[i] = Value{cover(a.RowCover[i]), a.RowDual[i]}
	}
	for j := range c {
		s.cap[j] = int(g.capOf(j))
		s.colDual[j] = Value{cover(a.ColCover[j]), a.ColDual[j]}
	}
	src := sparseRows{g}
	for k, p := range a.Pairs {
		if p.Row < 0 || p.Row >= r || p.Col < 0 || p.Col >= c || s.rowMate[p.Row] >= 0 || len(s.on[p.Col]) >= s.cap[p.Col] {
			return nil, fmt.Errorf("%w: pair %d (%d, %d) out of range, or its row or column used too often", ErrInvalidAssignment, k, p.Row, p.Col)
		}
		if _, ok := src.at(p.Row, p.Col); !ok {
			return nil, fmt.Errorf("%w: pair %d (%d, %d) is not allowed", ErrInvalidAssignment, k, p.Row, p.Col)
		}
		s.rowMate[p.Row] = p.Col
		s.on[p.Col] = append(s.on[p.Col], int32(p.Row))
	}
	return s, nil
}

// Clone returns a copy of s that can grow independently. Cost: O(r+c).
func (s *SparseGrowth) Clone() *SparseGrowth {
	on := make([][]int32, len(s.on))
	for j, x := range s.on {
		on[j] = slices.Clone(x)
	}
	return &SparseGrowth{
		g: s.g, byCol: s.byCol, rowMate: slices.Clone(s.rowMate), cap: slices.Clone(s.cap), on: on,
		rowDual: slices.Clone(s.rowDual), colDual: slices.Clone(s.colDual), added: slices.Clone(s.added),
	}
}

// Rows and Cols return the current dimensions of the problem.
func (s *SparseGrowth) Rows() int { return len(s.rowMate) }

// Cols returns the current number of columns, added ones included.
func (s *SparseGrowth) Cols() int { return len(s.cap) }

// RowMate returns the column of row i in the current optimal assignment,
// or -1 when row i is unmatched. It panics if i is out of range.
func (s *SparseGrowth) RowMate(i int) int { return s.rowMate[i] }

// AddCol appends a column of capacity 1 whose allowed pairs are the rows
// rows with the scores scores, re-optimises, and returns the change of the
// lexicographic optimum (pairs, then total), which is never below zero.
// The slices are kept and must not be modified. Cost: see [SparseGrowth].
// It panics if the slices differ in length or a row is out of range (a
// programmer error).
func (s *SparseGrowth) AddCol(rows []int, scores []float64) Value {
	if len(rows) != len(scores) {
		panic("lap: SparseGrowth.AddCol: rows and scores differ in length")
	}
	for _, r := range rows {
		if r < 0 || r >= len(s.rowMate) {
			panic("lap: SparseGrowth.AddCol: row out of range")
		}
	}
	if s.byCol == nil {
		s.byCol = indexByCol(s.g)
	}
	s.added = append(s.added, addedCol{rows, scores})
	s.cap, s.on, s.colDual = append(s.cap, 1), append(s.on, nil), append(s.colDual, Value{})
	return s.augment()
}

// indexByCol returns g's pairs by column, rows in increasing order.
func indexByCol(g *Sparse) *colIndex {
	r, c := g.Dims()
	ix := &colIndex{start: make([]int, c+1), row: make([]int32, g.Len()), score: make([]float32, g.Len())}
	for _, j := range g.col {
		ix.start[j+1]++
	}
	for j := range c {
		ix.start[j+1] += ix.start[j]
	}
	fill := slices.Clone(ix.start[:c])
	for i := range r {
		cols, scores := g.Row(i)
		for e, j := range cols {
			ix.row[fill[j]], ix.score[fill[j]] = int32(i), scores[e]
			fill[j]++
		}
	}
	return ix
}

// eachRow calls f with every allowed row of column j and its score.
func (s *SparseGrowth) eachRow(j int, f func(r int, w float64)) {
	if n := s.g.cols; j < n {
		if s.cap[j] == 0 {
			return
		}
		for e := s.byCol.start[j]; e < s.byCol.start[j+1]; e++ {
			f(int(s.byCol.row[e]), float64(s.byCol.score[e]))
		}
		return
	}
	a := s.added[j-s.g.cols]
	for e, r := range a.rows {
		f(r, a.scores[e])
	}
}

// augment re-optimises after the last column j0 was added, unmatched and
// with a dual of 0. Its dual is set to the least value that keeps its
// pairs feasible; a path from it alternates pairs not in the assignment
// (column to row) and pairs in it (row to its column), and ends either at
// an unmatched row (one pair more) or by freeing a seat of the last column
// it reaches (as many pairs); its gain is the new column's dual less the
// path's reduced length less the dual of its end. Leaving j0 unmatched
// gains 0. A column is settled with the first of its rows that the search
// reaches, and its other rows with it at the same distance (in the form
// with one node per seat they are reached from it at no cost).
func (s *SparseGrowth) augment() Value {
	nR, nC := len(s.rowMate), len(s.cap)
	j0 := nC - 1
	v0 := Value{}
	s.eachRow(j0, func(r int, w float64) {
		if c := (Value{1, w}).Sub(s.rowDual[r]); v0.Less(c) {
			v0 = c
		}
	})
	s.colDual[j0] = v0

	s.dist, s.pred, s.seen, s.done = resize(s.dist, nR), resize(s.pred, nR), resize(s.seen, nR), resize(s.done, nR)
	s.distA, s.via, s.seenA = resize(s.distA, nC), resize(s.via, nC), resize(s.seenA, nC)
	s.gen++
	if s.gen == 0 {
		clear(s.seen)
		clear(s.done)
		clear(s.seenA)
		s.gen = 1
	}
	// Columns added since the last search have stale stamps of 0 only.
	gen := s.gen
	s.heap = s.heap[:0]
	s.settled, s.settledA = s.settled[:0], s.settledA[:0]

	settleCol := func(a int, d Value, via int) {
		s.seenA[a], s.distA[a], s.via[a] = gen, d, via
		s.settledA = append(s.settledA, a)
	}
	relax := func(a int) {
		s.eachRow(a, func(r int, w float64) {
			if s.done[r] == gen || s.rowMate[r] == a {
				return
			}
			rc := s.colDual[a].Add(s.rowDual[r]).Sub(Value{1, w})
			if rc.N == 0 && rc.X < 0 {
				rc.X = 0 // rounding in the certificate
			}
			if d := s.distA[a].Add(rc); s.seen[r] != gen || d.Less(s.dist[r]) {
				s.seen[r], s.dist[r], s.pred[r] = gen, d, a
				s.heap.push(heapItem{d, int32(r)})
			}
		})
	}

	best, endB := v0, -1 // leaving j0 unmatched costs v0
	freed := false
	settleCol(j0, Value{}, -1)
	relax(j0)
	for len(s.heap) > 0 {
		it := s.heap.pop()
		b := int(it.v)
		if s.done[b] == gen || it.d != s.dist[b] {
			continue // stale
		}
		if !s.dist[b].Less(best) {
			break
		}
		s.done[b] = gen
		s.settled = append(s.settled, b)
		a := s.rowMate[b]
		if a < 0 {
			if t := s.dist[b].Add(s.rowDual[b]); t.Less(best) {
				best, endB, freed = t, b, false
			}
			continue
		}
		// The first row of column a reached: a and its other rows are
		// settled at b's distance.
		d := s.dist[b]
		settleCol(a, d, b)
		for _, x := range s.on[a] {
			if x := int(x); x != b && s.done[x] != gen {
				s.done[x], s.dist[x], s.pred[x] = gen, d, a
				s.settled = append(s.settled, x)
			}
		}
		if t := d.Add(s.colDual[a]); t.Less(best) {
			best, endB, freed = t, b, true
		}
		relax(a)
	}

	for _, b := range s.settled {
		s.rowDual[b] = s.rowDual[b].Add(best.Sub(s.dist[b]))
	}
	for _, a := range s.settledA {
		s.colDual[a] = s.colDual[a].Sub(best.Sub(s.distA[a]))
	}
	if endB >= 0 {
		_ = freed // endB leaves its column (which keeps a free seat), or was unmatched
		for b := endB; ; {
			a := s.pred[b]
			s.move(b, a)
			if a == j0 {
				break
			}
			b = s.via[a]
		}
	}
	return v0.Sub(best)
}

// move puts row b on column a, off its column if it had one.
func (s *SparseGrowth) move(b, a int) {
	if old := s.rowMate[b]; old >= 0 {
		on := s.on[old]
		k := slices.Index(on, int32(b))
		s.on[old] = slices.Delete(on, k, k+1)
	}
	s.rowMate[b] = a
	s.on[a] = append(s.on[a], int32(b))
}
