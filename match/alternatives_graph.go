package match

import (
	"context"
	"math"
	"slices"

	"github.com/duomatch/duo/match/lap"
)

// The residual graph of a round's assignment, and the searches that price
// alternatives.
//
// The assignment is an optimal flow in the network source → rows → seats →
// sink with a free return arc sink → source, where pair (r,s) costs
// -(1, w[r][s]) in the lexicographic group Z×R. Its certificate gives node
// potentials under which every residual arc has a reduced cost ≥ 0.
// Forcing one unit onto the arc (r, s) costs its reduced cost plus the
// shortest residual path from s back to r: the cheapest cycle through the
// arc, since the difference between two flows decomposes into such cycles.
//
// Source and sink are joined by arcs of cost 0 both ways (the return arc
// and, when the flow is not empty, its reverse), so they are one node T,
// "outside the round". The residual arcs, with their reduced costs, are:
//
//	r → s  pair not in the assignment        y(r) + z(s) - (1, w[r][s])
//	s → r  pair in the assignment            0      (r loses s)
//	r → T  r matched                         y(r)   (r is left out)
//	T → r  r unmatched                       0      (r comes in)
//	s → T  s free                            0      (the chain ends on a free seat)
//	T → s  s matched                         z(s)   (s is given up)
//
// A row has one arc in (from its seat, or from T) and is passed through at
// no cost, so the searches run over seats and T only: from seat s the path
// goes on through the row on s to the next seat, or to T.

// altGraph is the residual graph of a solved round, with the two searches
// that every mentee's alternatives share. It is read-only once built.
type altGraph struct {
	st                *roundState
	rows, seats       int
	rowMate, seatMate []int // -1 when free
	yn, zn            []int // count parts of the duals
	yx, zx            []float64
	scale             float64 // 2^-DualExp
	// cols[colPtr[s]:colPtr[s+1]] are the arcs r → s into seat s, by
	// increasing reduced cost (then row), so that a search can stop
	// reading a seat's arcs at the first that leads too far.
	cols   []arc
	colPtr []int
	// tol absorbs the rounding of sums of reduced costs: a bound is only
	// trusted beyond it.
	tol      float64
	scoreRaw []float64
	stride   int
	// out is a search towards T from every seat: out.dist[s] is the cost
	// of handing the mentee on seat s on down to a free seat or out of
	// the round. in[s] is the cost of the cheapest way to fill seat s,
	// once given up, from outside (T → … → s).
	out *search
	in  []lap.Value
}

// newAltGraph builds the residual graph of st's assignment and runs the two
// shared searches. Cost: O(m·n·log(m+n)) time, m·n float64 of memory.
func newAltGraph(ctx context.Context, st *roundState) (*altGraph, error) {
	a := &st.assignment
	rows, seats := len(st.menteeIDs), st.seats
	g := &altGraph{
		st: st, rows: rows, seats: seats,
		rowMate: make([]int, rows), seatMate: make([]int, seats),
		yn: make([]int, rows), zn: make([]int, seats),
		yx: a.RowDual, zx: a.ColDual,
		scale:  math.Ldexp(1, -a.DualExp),
		colPtr: make([]int, seats+1),
	}
	raw := st.scores.RawMatrix()
	g.scoreRaw, g.stride = raw.Data, raw.Stride
	for i := range g.rowMate {
		g.rowMate[i] = -1
		g.yn[i] = b2i(a.RowCover[i])
	}
	for s := range g.seatMate {
		g.seatMate[s] = -1
		g.zn[s] = b2i(a.ColCover[s])
	}
	for _, pr := range a.Pairs {
		g.rowMate[pr.Row], g.seatMate[pr.Col] = pr.Col, pr.Row
	}
	maxAbs := 0.0
	for _, v := range g.yx {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	for _, v := range g.zx {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	for r := 0; r < rows; r++ {
		for s, w := range st.solver[r*seats : (r+1)*seats] {
			if !math.IsInf(w, -1) && g.rowMate[r] != s {
				g.colPtr[s+1]++
				maxAbs = max(maxAbs, math.Abs(w*g.scale))
			}
		}
	}
	for s := range seats {
		g.colPtr[s+1] += g.colPtr[s]
	}
	g.cols = make([]arc, g.colPtr[seats])
	fill := slices.Clone(g.colPtr[:seats])
	for r := 0; r < rows; r++ {
		if r%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		for s, w := range st.solver[r*seats : (r+1)*seats] {
			if !math.IsInf(w, -1) && g.rowMate[r] != s {
				g.cols[fill[s]] = arc{x: g.rcx(r, s), n: int32(g.yn[r] + g.zn[s] - 1), row: int32(r)}
				fill[s]++
			}
		}
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
	g.out = g.newSearch()
	if err := g.reverse(ctx, g.out, seats, valueInf); err != nil {
		return nil, err
	}
	in, err := g.forward(ctx)
	if err != nil {
		return nil, err
	}
	g.in = in
	return g, nil
}

// arc is an arc r → s of the residual graph with its reduced cost.
type arc struct {
	x   float64 // real part
	n   int32   // count part
	row int32
}

// rcx is the real part of the reduced cost of the arc r → s; the count
// part is yn[r] + zn[s] - 1.
func (g *altGraph) rcx(r, s int) float64 {
	return (g.yx[r] + g.zx[s]) + -(g.st.solver[r*g.seats+s] * g.scale)
}

func (g *altGraph) rc(r, s int) lap.Value { return lap.Value{N: g.yn[r] + g.zn[s] - 1, X: g.rcx(r, s)} }

// allowed reports whether the round allows the pair of pool row r and
// pool mentor c.
func (g *altGraph) allowed(r, c int) bool { return g.st.allowed(g.scoreRaw[r*g.stride+c]) }

// search is the state of one shortest-path search over the seats and T
// (node g.seats), reusable: reset starts a new one in O(1).
type search struct {
	dist []lap.Value
	// next is the node after v on v's path to the search's target: for a
	// seat, the seat that the mentee on it takes, or T; for T, the seat
	// that the row in row[T] takes (row[T] = -1: the seat is given up).
	next, row  []int
	seen, done []uint32
	gen        uint32
	heap       lexHeap
	// scratch of alternatives
	cands []candidate
	costs []lap.Value
}

type candidate struct {
	mentor, seat int
	cost         lap.Value
}

func (g *altGraph) newSearch() *search {
	n := g.seats + 1
	return &search{
		dist: make([]lap.Value, n), next: make([]int, n), row: make([]int, n),
		seen: make([]uint32, n), done: make([]uint32, n),
	}
}

func (sr *search) reset() {
	sr.gen++
	if sr.gen == 0 {
		clear(sr.seen)
		clear(sr.done)
		sr.gen = 1
	}
	sr.heap = sr.heap[:0]
}

func (sr *search) settled(v int) bool { return sr.done[v] == sr.gen }

func (sr *search) relax(v int, d lap.Value, next, row int) {
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
// checks ctx every 64 seats.
func (g *altGraph) reverse(ctx context.Context, sr *search, target int, limit lap.Value) error {
	sr.reset()
	t := g.seats
	sr.relax(target, lap.Value{}, -1, -1)
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
			for s, m := range g.seatMate {
				nd := d
				if m >= 0 {
					nd = d.Add(lap.Value{N: g.yn[m], X: g.yx[m]})
				}
				if !nd.Above(limit, g.tol) {
					sr.relax(s, nd, t, -1)
				}
			}
			continue
		}
		if settled++; settled%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		// Into seat v: from rows with a pair not in the assignment (a
		// matched row through its seat, an unmatched one from T), and from
		// T when v is matched.
		for _, a := range g.cols[g.colPtr[v]:g.colPtr[v+1]] {
			nd := lap.Value{N: d.N + int(a.n), X: d.X + a.x}
			if nd.Above(limit, g.tol) {
				break // and so are the arcs after it
			}
			if s := g.rowMate[a.row]; s >= 0 {
				sr.relax(s, nd, v, -1)
			} else {
				sr.relax(t, nd, v, int(a.row))
			}
		}
		if g.seatMate[v] >= 0 {
			sr.relax(t, d.Add(lap.Value{N: g.zn[v], X: g.zx[v]}), v, -1)
		}
	}
	return nil
}

// forward returns, for every seat, the length of the shortest path from T
// to it (valueInf where there is none). Cost: O(m·n·log(m+n)).
func (g *altGraph) forward(ctx context.Context) ([]lap.Value, error) {
	sr := g.newSearch()
	sr.reset()
	t := g.seats
	out := make([]lap.Value, g.seats)
	for s := range out {
		out[s] = valueInf
	}
	fromRow := func(r int, d lap.Value) {
		for s := range g.seats {
			if w := g.st.solver[r*g.seats+s]; !math.IsInf(w, -1) && g.rowMate[r] != s {
				sr.relax(s, d.Add(g.rc(r, s)), -1, -1)
			}
		}
	}
	sr.relax(t, lap.Value{}, -1, -1)
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
					fromRow(r, d)
				}
			}
			for s, m := range g.seatMate {
				if m >= 0 {
					sr.relax(s, d.Add(lap.Value{N: g.zn[s], X: g.zx[s]}), -1, -1)
				}
			}
			continue
		}
		out[v] = d
		if settled++; settled%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if m := g.seatMate[v]; m >= 0 {
			fromRow(m, d)
		}
	}
	return out, nil
}
