package lap

import (
	"context"
	"errors"
)

// AssignSparse chooses pairs of g maximising, lexicographically, first the
// number of pairs and then their total score. Each row takes at most one
// column and column j at most g.Capacity(j) rows; a pair that g does not
// list is never chosen. A row or column without allowed pairs stays
// unmatched, and so does a column of capacity 0 (its pairs are ignored). A
// nil g is a 0×0 problem and a nil ctx is context.Background(). The result
// carries a certificate that [VerifySparse] checks: RowCover, RowDual per
// row and ColCover, ColDual per column, with the meaning they have for
// the dense solver, a column's dual counting once per seat; DualExp is 0.
// Pairs are sorted by Row; a column of capacity c may occur up to c
// times. The assignment is a function of g (its rows, the order of each
// row's pairs, its capacities): the same g gives the same result, bit for
// bit, on every run.
//
// # Algorithm
//
// Successive shortest augmenting paths (the Hungarian method in the form
// of Jonker and Volgenant's LAPJV and its sparse variant LAPJVsp, with
// Dijkstra's algorithm on the sparse graph and a binary heap), over the
// ordered group Z×R of the lexicographic objective: a pair weighs
// (1, score), so a path that adds a pair always beats one that does not,
// and the count part of each dual is 0 or 1, a minimum vertex cover (the
// certificate's covers). Each row also has a private "unmatched" option of
// weight (0, 0), never stored: a search from a free row ends at the first
// of a column with a free seat or a scanned row's unmatched option, so a
// row that cannot add a pair may still displace a worse one, and the
// matching after each row is optimal for the rows so far (the invariant of
// the Hungarian method, with every row matched to a column or to its
// option). Column potentials start at 0 and only decrease, which keeps
// columns with a free seat at 0 as the certificate requires. A column with
// several seats is one node whose matched rows are all reached when it is
// scanned (the transportation form of the method), so memory stays
// proportional to the allowed pairs whatever the seats.
//
// Initialisation: the row reduction (each row, in order, takes its best
// column, the lowest index on ties, while it has a free seat), then Jonker
// and Volgenant's augmenting row reduction in the same lexicographic form
// (see reduce), which settles most conflicts between rows by lowering
// column potentials; only the rows left start a search. Each search is
// pruned: a column at or beyond the best end found so far is never
// recorded. When g has more rows than usable seats (a column's seats
// beyond its pairs do not count), the problem is solved transposed, one
// row per seat, because the searches of rows that cannot all be matched
// are the expensive ones; the result and certificate are mapped back.
//
// Cost-scaling (Goldberg–Kennedy) is the other family with good sparse
// bounds; the shortest-path form was chosen because, on round problems,
// most rows are settled by the reductions and the searches that remain
// are short, and because it yields exact duals directly (no ε-optimality
// to round off). Against LEMON's network simplex on round-like problems
// of 2 000 to 14 000 mentees it took 0.06–0.22 of the time (README,
// 2026-12-06).
//
// Cost: memory O(E + R + C) for E allowed pairs, R rows and C columns:
// about 16 bytes per row and 68 per column besides g, a heap of at most E
// entries of 32 bytes, and, when transposed, a copy of the pairs (8 bytes
// each) and 20 bytes per seat. Time O(R·E·log E) in the worst case,
// typically a small multiple of E·log E.
//
// Errors: ctx.Err() if the context is done before the solve ends (checked
// before it and between searches); an internal error, never expected, if
// an invariant fails.
func AssignSparse(ctx context.Context, g *Sparse) (Assignment, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return Assignment{}, err
	}
	if g == nil {
		g = &Sparse{}
	}
	w := newSparseWork(g)
	s := newSparseSolver(w)
	if err := s.run(ctx.Done()); err != nil {
		if errors.Is(err, errCancelled) {
			if cerr := ctx.Err(); cerr != nil {
				return Assignment{}, cerr
			}
			return Assignment{}, context.Canceled
		}
		return Assignment{}, err
	}
	return w.assignment(s)
}

// sparseSolver is the state of AssignSparse, in the minimisation form: a
// pair (i, j) costs c = (-1, -score), a row's unmatched option costs
// (0, 0), column j has potential v[j] and a matched row k potential
// u = c(k, mate) - v[mate] (an unmatched row has u = 0). Reduced costs
// c - u - v are >= 0 on every pair and option, and 0 on the matching.
type sparseSolver struct {
	g *sparseWork

	mate []int // row -> its pair's index in g.col, or -1
	// The rows of each column form a doubly linked list.
	next, prev []int32 // row -> next/previous row of its column, or -1

	// col holds each column's state in one struct of 64 bytes, a cache
	// line on common machines (a slice of 512 columns or more is
	// page-aligned, so each struct sits in one line): a search reads
	// several fields of every column it relaxes, at random, and the large
	// problems need one line per column rather than one per field.
	col []sparseCol

	// Search state.
	gen     uint32
	heap    sparseHeap
	scanned []int32
	end     Value // the shortest distance to an end of a path found so far
}

// sparseCol is the state of one column of a sparseSolver.
type sparseCol struct {
	v    Value // potential, <= 0
	dist Value // search: distance, valid when stamp is the search's
	load int32
	cap  int32
	head int32 // first row of the column's list, or -1
	pred int32 // search: the row it was reached from
	// stamp and done are the search that reached and scanned it.
	stamp, done uint32
	_           [8]byte // to 64 bytes
}

func newSparseSolver(g *sparseWork) *sparseSolver {
	r, c := g.rows, g.cols
	s := &sparseSolver{
		g:    g,
		mate: make([]int, r),
		next: make([]int32, r),
		prev: make([]int32, r),
		col:  make([]sparseCol, c),
	}
	for i := range s.mate {
		s.mate[i] = -1
	}
	for j := range s.col {
		s.col[j].head = -1
		s.col[j].cap = g.cap[j]
	}
	return s
}

// link adds row k to column j's list; unlink removes it.
func (s *sparseSolver) link(k int32, j int32) {
	c := &s.col[j]
	h := c.head
	s.next[k], s.prev[k] = h, -1
	if h >= 0 {
		s.prev[h] = k
	}
	c.head = k
}

func (s *sparseSolver) unlink(k int32, j int32) {
	p, n := s.prev[k], s.next[k]
	if p >= 0 {
		s.next[p] = n
	} else {
		s.col[j].head = n
	}
	if n >= 0 {
		s.prev[n] = p
	}
}

// u returns the potential of a matched row k.
func (s *sparseSolver) u(k int32) Value {
	e := s.mate[k]
	m := s.g.col[e]
	v := s.col[m].v
	return Value{-1 - v.N, -float64(s.g.score[e]) - v.X}
}

// y returns the dual of row k in the maximisation form: -u, and 0 for an
// unmatched row.
func (s *sparseSolver) y(k int32) Value {
	if s.mate[k] < 0 {
		return Value{}
	}
	u := s.u(k)
	return Value{-u.N, -u.X}
}

// run solves: the row reduction, then a search from every row it left.
func (s *sparseSolver) run(done <-chan struct{}) error {
	g := s.g
	var free []int32
	for i := 0; i < g.rows; i++ {
		best := -1
		for e := g.lo[i]; e < g.hi[i]; e++ {
			j := g.col[e]
			if s.col[j].cap == 0 {
				continue
			}
			if best < 0 || g.score[e] > g.score[best] || (g.score[e] == g.score[best] && j < g.col[best]) {
				best = e
			}
		}
		if best < 0 {
			continue // no usable pair: unmatched, with u = 0
		}
		if j := g.col[best]; s.col[j].load < s.col[j].cap {
			s.mate[i] = best
			s.col[j].load++
			s.link(int32(i), j)
		} else {
			free = append(free, int32(i))
		}
	}
	free = s.reduce(free)
	for n, i := range free {
		if n&255 == 0 && cancelled(done) {
			return errCancelled
		}
		if err := s.augment(i); err != nil {
			return err
		}
	}
	return nil
}

// reduceSteps bounds the augmenting row reduction: at most this many
// steps per row it starts with. On round-like problems (internal/geo,
// 5 000 and 14 000 mentees, 2 % and 7 % of pairs allowed), with a bound
// of 2 two thirds of the rows it started with were left to the searches,
// which then relaxed 2 to 7 times the allowed pairs; with 8 it leaves 1
// to 7 % of them, and the pairs read in all (reduction and searches)
// drop by 15 to 33 %, with far fewer heap operations. Without a bound it
// settled every row of those problems, reading about as many pairs; the
// bound keeps an adversarial input (an auction's price war) from running
// long: the searches take over.
const reduceSteps = 8

// reduce is Jonker and Volgenant's augmenting row reduction over the
// rows the row reduction left free, in the lexicographic form with the
// rows' unmatched options: a row takes the column of its smallest reduced
// cost, and when the second smallest is larger, lowers that column's
// potential by the difference (so the row's reduced costs stay >= 0),
// which may displace the column's row, which is processed in turn. A row
// whose option is the cheapest stays unmatched for good. Potentials are
// only lowered on columns of one seat that are then full, so free columns
// keep potential 0 and other rows' reduced costs stay >= 0. A row is
// left for the searches when its best is a full column it cannot take at
// a lower price (a tie, or several seats), or when the reduction has
// worked for reduceSteps times as many steps as it had rows. Cost:
// O(pairs of the rows processed) per step.
func (s *sparseSolver) reduce(free []int32) []int32 {
	g := s.g
	var left []int32
	budget := reduceSteps * len(free)
	for q := 0; q < len(free); q++ {
		i := free[q]
		if q >= budget {
			left = append(left, i)
			continue
		}
		// The option costs (0, 0) and wins ties.
		u1, u2, e1 := Value{}, unreachable, -1
		for e := g.lo[i]; e < g.hi[i]; e++ {
			l := g.col[e]
			c := &s.col[l]
			if c.cap == 0 {
				continue
			}
			val := Value{-1 - c.v.N, -float64(g.score[e]) - c.v.X}
			switch {
			case val.Less(u1):
				u1, u2, e1 = val, u1, e
			case val.Less(u2):
				u2 = val
			}
		}
		if e1 < 0 {
			continue // unmatched for good, u = 0
		}
		j := g.col[e1]
		c := &s.col[j]
		drop := Value{u2.N - u1.N, u2.X - u1.X}
		switch {
		case c.load < c.cap:
			c.load++
			if c.cap == 1 {
				c.v = Value{c.v.N - drop.N, c.v.X - drop.X}
			}
		case c.cap == 1 && u1.Less(u2):
			k := c.head
			s.unlink(k, j)
			s.mate[k] = -1
			free = append(free, k)
			c.v = Value{c.v.N - drop.N, c.v.X - drop.X}
		default:
			left = append(left, i)
			continue
		}
		s.mate[i] = e1
		s.link(i, j)
	}
	return left
}

// augment runs Dijkstra's algorithm from the free row i0 over reduced
// costs and augments along the shortest path to a column with a free seat
// or a scanned row's unmatched option, then updates the potentials of the
// scanned columns so that reduced costs stay >= 0.
func (s *sparseSolver) augment(i0 int32) error {
	g := s.g
	s.gen++
	gen := s.gen
	s.heap = s.heap[:0]
	s.scanned = s.scanned[:0]
	cols := int32(g.cols)

	// The source has u = 0 and its own option at distance (0, 0), which
	// wins ties among options: rows already matched keep their pairs.
	s.end = Value{}
	s.heap.push(Value{}, cols, true)
	s.relax(i0, Value{})
	for len(s.heap) > 0 {
		it := s.heap.pop()
		if it.j == cols {
			return s.flip(i0, -1, it.d)
		}
		if it.j > cols {
			return s.flip(it.j-cols-1, -1, it.d)
		}
		j := it.j
		c := &s.col[j]
		if c.done == gen || c.dist.Less(it.d) {
			continue // stale entry
		}
		c.done = gen
		if c.load < c.cap {
			return s.flip(-1, j, it.d)
		}
		s.scanned = append(s.scanned, j)
		for k := c.head; k >= 0; k = s.next[k] {
			u := s.u(k)
			h := Value{it.d.N - u.N, it.d.X - u.X}
			if !s.end.Less(h) {
				s.end = h
				s.heap.push(h, cols+1+k, true)
			}
			s.relax(k, h)
		}
	}
	return errInternal // the source's option is always reachable
}

// relax offers row k's pairs at distance h + reduced cost, with k at h.
func (s *sparseSolver) relax(k int32, h Value) {
	g := s.g
	gen := s.gen
	best := s.end
	cols, scores := g.col[g.lo[k]:g.hi[k]], g.score[g.lo[k]:g.hi[k]]
	scores = scores[:len(cols)]
	for x, l := range cols {
		c := &s.col[l]
		if c.done == gen || c.cap == 0 {
			continue
		}
		d := Value{h.N - 1 - c.v.N, h.X - float64(scores[x]) - c.v.X}
		// Pruning: a column at or beyond the best end found so far is
		// never scanned (ends win ties), so it is not recorded.
		end := c.load < c.cap
		if best.Less(d) || (!end && d == best) {
			continue
		}
		if c.stamp != gen || d.Less(c.dist) {
			c.stamp = gen
			c.dist = d
			c.pred = k
			if end {
				best = d
			}
			s.heap.push(d, l, end)
		}
	}
	s.end = best
}

// flip updates the potentials for a search that ended at distance delta,
// then augments: either row k (a scanned row, or the source) becomes
// unmatched, or column t (with a free seat) takes one more row.
func (s *sparseSolver) flip(k int32, t int32, delta Value) error {
	for _, j := range s.scanned {
		c := &s.col[j]
		c.v = Value{c.v.N + c.dist.N - delta.N, c.v.X + c.dist.X - delta.X}
	}
	// j is the column gaining a row; walk back along pred.
	var j int32
	if k >= 0 {
		e := s.mate[k]
		if e < 0 {
			return nil // the source stays unmatched
		}
		j = s.g.col[e]
		s.unlink(k, j)
		s.mate[k] = -1
	} else {
		j = t
		s.col[t].load++
	}
	for steps := 0; ; steps++ {
		if steps > s.g.rows {
			return errInternal
		}
		r := s.col[j].pred
		old := s.mate[r]
		if old >= 0 {
			s.unlink(r, s.g.col[old])
		}
		s.mate[r] = s.edge(r, j)
		if s.mate[r] < 0 {
			return errInternal
		}
		s.link(r, j)
		if old < 0 {
			return nil // r was the source
		}
		j = s.g.col[old]
	}
}

// edge returns the index of the pair (r, j), or -1.
func (s *sparseSolver) edge(r, j int32) int {
	g := s.g
	for e := g.lo[r]; e < g.hi[r]; e++ {
		if g.col[e] == j {
			return e
		}
	}
	return -1
}
