package lap

import (
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
// g, its pairs indexed by column (8 bytes per pair, shared by clones) and
// the pairs of the added columns.
//
// Duals are [Value]s in the units of the scores. A SparseGrowth is not
// safe for use by two goroutines at once; [SparseGrowth.Clone] gives a
// copy that grows independently of it, but shares its work space: grow
// a SparseGrowth and its clones one at a time, never at once.
type SparseGrowth struct {
	g       *Sparse
	byCol   *colIndex // g's pairs by column
	rowMate []int     // column, or -1
	cap     []int
	// on are the rows on each column; a column's slice is never written
	// in place (a move makes a new one), so that clones share them.
	on               [][]int32
	rowDual, colDual []Value
	added            []addedCol // columns after g's
	moves            []RowMove  // the last AddCol's
	w                *growWork
}

// RowMove is a row's change of column in [SparseGrowth.AddCol]: From and
// To are columns, -1 for none.
type RowMove struct{ Row, From, To int }

// growWork is the work space of a search, reused.
type growWork struct {
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
// that the certificate proves optimal), in the form SparseGrowth keeps,
// with g's pairs indexed by column. A nil g is a 0×0 problem. Cost:
// O(r+c+pairs). Errors: [ErrInvalidAssignment]
// when a's certificate does not have g's lengths or a pair is not one of
// g's, or uses a row twice or a column beyond its capacity.
func NewSparseGrowth(g *Sparse, a Assignment) (*SparseGrowth, error) {
	if g == nil {
		g = &Sparse{}
	}
	mate, err := sparseMates(g, &a)
	if err != nil {
		return nil, err
	}
	r, c := g.Dims()
	s := &SparseGrowth{
		g: g, rowMate: mate, cap: make([]int, c), on: make([][]int32, c),
		rowDual: make([]Value, r), colDual: make([]Value, c), w: &growWork{},
	}
	for i := range r {
		s.rowDual[i] = Value{cover(a.RowCover[i]), a.RowDual[i]}
	}
	for j := range c {
		s.cap[j] = int(g.capOf(j))
		s.colDual[j] = Value{cover(a.ColCover[j]), a.ColDual[j]}
	}
	for i, j := range mate {
		if j >= 0 {
			s.on[j] = append(s.on[j], int32(i))
		}
	}
	s.byCol = indexByCol(g)
	return s, nil
}

// Clone returns a copy of s that grows independently (see
// [SparseGrowth] on its work space). Cost: O(r+c).
func (s *SparseGrowth) Clone() *SparseGrowth {
	return &SparseGrowth{
		g: s.g, byCol: s.byCol, rowMate: slices.Clone(s.rowMate), cap: slices.Clone(s.cap), on: slices.Clone(s.on),
		rowDual: slices.Clone(s.rowDual), colDual: slices.Clone(s.colDual), added: slices.Clone(s.added), w: s.w,
	}
}

// LastMoves returns the rows that the last [SparseGrowth.AddCol] moved,
// with their columns before and after, in the order of the path from the
// new column; nil before any AddCol. The slice is s's: it is valid until
// the next AddCol and must not be modified.
func (s *SparseGrowth) LastMoves() []RowMove { return s.moves }

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
	s.eachRow(j0, func(r int, x float64) {
		if c := (Value{1, x}).Sub(s.rowDual[r]); v0.Less(c) {
			v0 = c
		}
	})
	s.colDual[j0] = v0

	w := s.w
	w.dist, w.pred, w.seen, w.done = grown(w.dist, nR), grown(w.pred, nR), grown(w.seen, nR), grown(w.done, nR)
	w.distA, w.via, w.seenA = grown(w.distA, nC), grown(w.via, nC), grown(w.seenA, nC)
	w.gen++
	if w.gen == 0 {
		clear(w.seen)
		clear(w.done)
		clear(w.seenA)
		w.gen = 1
	}
	gen := w.gen
	w.heap = w.heap[:0]
	w.settled, w.settledA = w.settled[:0], w.settledA[:0]
	s.moves = s.moves[:0]

	settleCol := func(a int, d Value, via int) {
		w.seenA[a], w.distA[a], w.via[a] = gen, d, via
		w.settledA = append(w.settledA, a)
	}
	relax := func(a int) {
		s.eachRow(a, func(r int, x float64) {
			if w.done[r] == gen || s.rowMate[r] == a {
				return
			}
			rc := s.colDual[a].Add(s.rowDual[r]).Sub(Value{1, x})
			if rc.N == 0 && rc.X < 0 {
				rc.X = 0 // rounding in the certificate
			}
			if d := w.distA[a].Add(rc); w.seen[r] != gen || d.Less(w.dist[r]) {
				w.seen[r], w.dist[r], w.pred[r] = gen, d, a
				w.heap.push(heapItem{d, int32(r)})
			}
		})
	}

	best, endB := v0, -1 // leaving j0 unmatched costs v0
	settleCol(j0, Value{}, -1)
	relax(j0)
	for len(w.heap) > 0 {
		it := w.heap.pop()
		b := int(it.v)
		if w.done[b] == gen || it.d != w.dist[b] {
			continue // stale
		}
		if !w.dist[b].Less(best) {
			break
		}
		w.done[b] = gen
		w.settled = append(w.settled, b)
		a := s.rowMate[b]
		if a < 0 {
			if t := w.dist[b].Add(s.rowDual[b]); t.Less(best) {
				best, endB = t, b
			}
			continue
		}
		// The first row of column a reached: a and its other rows are
		// settled at b's distance.
		d := w.dist[b]
		settleCol(a, d, b)
		for _, x := range s.on[a] {
			if x := int(x); x != b && w.done[x] != gen {
				w.done[x], w.dist[x], w.pred[x] = gen, d, a
				w.settled = append(w.settled, x)
			}
		}
		if t := d.Add(s.colDual[a]); t.Less(best) {
			best, endB = t, b
		}
		relax(a)
	}

	for _, b := range w.settled {
		s.rowDual[b] = s.rowDual[b].Add(best.Sub(w.dist[b]))
	}
	for _, a := range w.settledA {
		s.colDual[a] = s.colDual[a].Sub(best.Sub(w.distA[a]))
	}
	if endB >= 0 {
		// endB leaves its column (which keeps a free seat), or was
		// unmatched.
		for b := endB; ; {
			a := w.pred[b]
			s.moves = append(s.moves, RowMove{Row: b, From: s.rowMate[b], To: a})
			s.move(b, a)
			if a == j0 {
				break
			}
			b = w.via[a]
		}
	}
	return v0.Sub(best)
}

// move puts row b on column a, off its column if it had one. The
// columns' slices are replaced, never written in place.
func (s *SparseGrowth) move(b, a int) {
	if old := s.rowMate[b]; old >= 0 {
		on := s.on[old]
		k := slices.Index(on, int32(b))
		s.on[old] = slices.Concat(on[:k:k], on[k+1:])
	}
	s.rowMate[b] = a
	s.on[a] = append(s.on[a][:len(s.on[a]):len(s.on[a])], int32(b))
}

// grown returns s with length at least n, its entries beyond its old
// length zero, reusing its storage when it can: the stamps of the work
// space stay valid as the columns grow.
func grown[T any](s []T, n int) []T {
	if len(s) >= n {
		return s
	}
	if cap(s) >= n {
		x := s[:n]
		clear(x[len(s):])
		return x
	}
	return append(s, make([]T, n-len(s))...)
}
