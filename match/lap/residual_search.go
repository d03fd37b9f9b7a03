package lap

import "context"

// Search is the state of one shortest-path search over the columns and T
// (node Cols()), reusable: each search starts afresh in O(1). Make one
// with [Residual.NewSearch]; a Search must not be used by two goroutines
// at once.
type Search struct {
	dist []Value
	// next is the node after v on v's path to the search's target: for a
	// column, the column that the row on it takes, or T; for T, the column
	// that the row in row[T] takes (row[T] = -1: the seat is given up).
	next, row  []int
	seen, done []uint32
	gen        uint32
	heap       lexHeap
}

// NewSearch returns a Search for g's graph. Cost: O(c) memory.
func (g *Residual) NewSearch() *Search {
	n := g.seats + 1
	return &Search{
		dist: make([]Value, n), next: make([]int, n), row: make([]int, n),
		seen: make([]uint32, n), done: make([]uint32, n),
	}
}

func (sr *Search) reset() {
	sr.gen++
	if sr.gen == 0 {
		clear(sr.seen)
		clear(sr.done)
		sr.gen = 1
	}
	sr.heap = sr.heap[:0]
}

func (sr *Search) settled(v int) bool { return sr.done[v] == sr.gen }

// Settled reports whether the last search settled node v (a column, or T
// = Cols()): its Dist and path are then exact.
func (sr *Search) Settled(v int) bool { return sr.settled(v) }

// Dist returns the length of the shortest path from node v to the last
// search's target; it is meaningful only when Settled(v).
func (sr *Search) Dist(v int) Value { return sr.dist[v] }

// Next returns the node after v on v's path to the target: for a column,
// the column that the row on it takes, or T (Cols()) when that row is
// left out or the column is free; for T, the column that the row Row(T)
// takes. Next is -1 for the target itself.
func (sr *Search) Next(v int) int { return sr.next[v] }

// Row returns, for T, the unmatched row that comes in on the way to
// Next(T), or -1 when the column Next(T) is given up instead; for a
// column, the row on it that moves to Next(v) (to T: is left out), or -1
// when a row arriving at v takes a free seat of it (then Next(v) is T).
func (sr *Search) Row(v int) int { return sr.row[v] }

func (sr *Search) relax(v int, d Value, next, row int) {
	if sr.done[v] == sr.gen || (sr.seen[v] == sr.gen && !d.Less(sr.dist[v])) {
		return
	}
	sr.seen[v], sr.dist[v], sr.next[v], sr.row[v] = sr.gen, d, next, row
	sr.heap.push(heapItem{d, int32(v)})
}

// reverse runs Dijkstra's algorithm towards target (a seat, or T), over
// the reversed arcs, settling nodes in order of distance (ties by index)
// and ignoring every path longer than limit (by more than g.tol). Each
// node whose distance is within the limit is settled, with its exact
// distance and path: its shortest path only passes through such nodes. Cost:
// for each seat settled, its arcs within the limit, plus the heap; it
// checks ctx every 64 seats. Without withT, the arcs into and out of T
// are left out.
func (g *Residual) reverse(ctx context.Context, sr *Search, target int, limit Value, withT bool, visit func(int, Value) Value) error {
	sr.reset()
	t := g.seats
	sr.relax(target, Value{}, -1, -1)
	settled := 0
	for len(sr.heap) > 0 {
		it := sr.heap.pop()
		v := int(it.v)
		if sr.done[v] == sr.gen || it.d != sr.dist[v] {
			continue // stale
		}
		if it.d.Above(limit, g.tol) {
			break
		}
		sr.done[v] = sr.gen
		d := it.d
		if v == t {
			// Into T: from free seats, and from matched rows (through
			// their seats).
			for s := range g.seats {
				if g.free[s] && !d.Above(limit, g.tol) {
					sr.relax(s, d, t, -1)
				}
				for _, m := range g.onCol[g.onPtr[s]:g.onPtr[s+1]] {
					if nd := d.Add(Value{N: g.yn[m], X: g.yx[m]}); !nd.Above(limit, g.tol) {
						sr.relax(s, nd, t, int(m))
					}
				}
			}
			continue
		}
		if settled++; settled%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if visit != nil {
			if l := visit(v, d); l.Less(limit) {
				limit = l
			}
		}
		// Into seat v: from rows with a pair not in the assignment (a
		// matched row through its seat, an unmatched one from T), and from
		// T when v is matched.
		for _, a := range g.cols[g.colPtr[v]:g.colPtr[v+1]] {
			nd := Value{N: d.N + int(a.n), X: d.X + a.x}
			if nd.Above(limit, g.tol) {
				break // and so are the arcs after it
			}
			if s := g.rowMate[a.row]; s >= 0 {
				sr.relax(s, nd, v, int(a.row))
			} else if withT {
				sr.relax(t, nd, v, int(a.row))
			}
		}
		if withT && g.onPtr[v] < g.onPtr[v+1] {
			sr.relax(t, d.Add(Value{N: g.zn[v], X: g.zx[v]}), v, -1)
		}
	}
	return nil
}

// forward sets, for every seat, the length of the shortest path from T
// to it (unreachable where there is none) and the path. Cost:
// O(m·n·log(m+n)).
func (g *Residual) forward(ctx context.Context) error {
	sr := g.NewSearch()
	sr.reset()
	t := g.seats
	g.in = make([]Value, g.seats)
	g.inPrev, g.inRow = make([]int32, g.seats), make([]int32, g.seats)
	for s := range g.in {
		g.in[s], g.inPrev[s], g.inRow[s] = unreachable, -1, -1
	}
	fromRow := func(r, from int, d Value) {
		g.pairs.each(r, func(s int, w float64) {
			if g.rowMate[r] != s {
				sr.relax(s, d.Add(g.rc(r, s, w)), from, r)
			}
		})
	}
	sr.relax(t, Value{}, -1, -1)
	settled := 0
	for len(sr.heap) > 0 {
		it := sr.heap.pop()
		v := int(it.v)
		if sr.done[v] == sr.gen || it.d != sr.dist[v] {
			continue
		}
		sr.done[v] = sr.gen
		d := it.d
		if v == t {
			for r, s := range g.rowMate {
				if s < 0 {
					fromRow(r, t, d)
				}
			}
			for s := range g.seats {
				if g.onPtr[s] < g.onPtr[s+1] {
					sr.relax(s, d.Add(Value{N: g.zn[s], X: g.zx[s]}), t, -1)
				}
			}
			continue
		}
		g.in[v], g.inPrev[v], g.inRow[v] = d, int32(sr.next[v]), int32(sr.row[v])
		if settled++; settled%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for _, m := range g.onCol[g.onPtr[v]:g.onPtr[v+1]] {
			fromRow(int(m), v, d)
		}
	}
	return nil
}

// InPrev returns the node before column j on its cheapest path from T
// (whose length is In(j)): T (Cols()) or a column, and the row that moves
// into j on that step: an unmatched row that comes in, or the row that
// leaves the column before j; -1 when j is given up (then the node before
// is T). It returns -1, -1 for a column that T does not reach.
func (g *Residual) InPrev(j int) (prev, row int) { return int(g.inPrev[j]), int(g.inRow[j]) }
