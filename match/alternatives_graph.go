package match

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
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

// lex is a value of the lexicographic objective: a count of pairs and a
// real part (in units of 2^DualExp), compared count first.
type lex struct {
	n int
	x float64
}

func (a lex) add(b lex) lex   { return lex{a.n + b.n, a.x + b.x} }
func (a lex) less(b lex) bool { return a.n < b.n || (a.n == b.n && a.x < b.x) }

// above reports whether a exceeds b by more than tol in the real part
// (count parts are compared exactly).
func (a lex) above(b lex, tol float64) bool { return a.n > b.n || (a.n == b.n && a.x > b.x+tol) }

var lexInf = lex{math.MaxInt, math.Inf(1)}

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
	in  []lex
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
	if err := g.reverse(ctx, g.out, seats, lexInf); err != nil {
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

func (g *altGraph) rc(r, s int) lex { return lex{g.yn[r] + g.zn[s] - 1, g.rcx(r, s)} }

// allowed reports whether the round allows the pair of pool row r and
// pool mentor c.
func (g *altGraph) allowed(r, c int) bool { return g.st.allowed(g.scoreRaw[r*g.stride+c]) }

// search is the state of one shortest-path search over the seats and T
// (node g.seats), reusable: reset starts a new one in O(1).
type search struct {
	dist []lex
	// next is the node after v on v's path to the search's target: for a
	// seat, the seat that the mentee on it takes, or T; for T, the seat
	// that the row in row[T] takes (row[T] = -1: the seat is given up).
	next, row  []int
	seen, done []uint32
	gen        uint32
	heap       lexHeap
	// scratch of alternatives
	cands []candidate
	costs []lex
}

type candidate struct {
	mentor, seat int
	cost         lex
}

func (g *altGraph) newSearch() *search {
	n := g.seats + 1
	return &search{
		dist: make([]lex, n), next: make([]int, n), row: make([]int, n),
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

func (sr *search) relax(v int, d lex, next, row int) {
	if sr.done[v] == sr.gen || (sr.seen[v] == sr.gen && !d.less(sr.dist[v])) {
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
func (g *altGraph) reverse(ctx context.Context, sr *search, target int, limit lex) error {
	sr.reset()
	t := g.seats
	sr.relax(target, lex{}, -1, -1)
	settled := 0
	for len(sr.heap) > 0 {
		it := sr.heap.pop()
		v := int(it.v)
		if sr.done[v] == sr.gen || it.d != sr.dist[v] {
			continue // stale
		}
		if it.d.above(limit, g.tol) {
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
					nd = d.add(lex{g.yn[m], g.yx[m]})
				}
				if !nd.above(limit, g.tol) {
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
			nd := lex{d.n + int(a.n), d.x + a.x}
			if nd.above(limit, g.tol) {
				break // and so are the arcs after it
			}
			if s := g.rowMate[a.row]; s >= 0 {
				sr.relax(s, nd, v, -1)
			} else {
				sr.relax(t, nd, v, int(a.row))
			}
		}
		if g.seatMate[v] >= 0 {
			sr.relax(t, d.add(lex{g.zn[v], g.zx[v]}), v, -1)
		}
	}
	return nil
}

// forward returns, for every seat, the length of the shortest path from T
// to it (lexInf where there is none). Cost: O(m·n·log(m+n)).
func (g *altGraph) forward(ctx context.Context) ([]lex, error) {
	sr := g.newSearch()
	sr.reset()
	t := g.seats
	out := make([]lex, g.seats)
	for s := range out {
		out[s] = lexInf
	}
	fromRow := func(r int, d lex) {
		for s := range g.seats {
			if w := g.st.solver[r*g.seats+s]; !math.IsInf(w, -1) && g.rowMate[r] != s {
				sr.relax(s, d.add(g.rc(r, s)), -1, -1)
			}
		}
	}
	sr.relax(t, lex{}, -1, -1)
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
					sr.relax(s, d.add(lex{g.zn[s], g.zx[s]}), -1, -1)
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

// alternatives returns row's top k alternatives (see Proposal.Alternatives
// for the order). With prune false it searches the whole graph; the result
// is the same.
//
// The forcing cost of seat s is c(s) = rc(row,s) + D(s→row), D the
// shortest residual path. An unmatched row is entered only from T, so
// D(s→row) = out.dist[s]: no search. A row matched to s0 is entered only
// from s0, at cost 0, so D(s→row) = D(s→s0), found by a search towards s0.
//
// Why the pruned search is exact. Concatenating s → T and T → s0 gives a
// walk from s to s0, so D(s→s0) ≤ out.dist[s] + in[s0], and
// U(s) = rc(row,s) + out.dist[s] + in[s0] ≥ c(s). Let B be the k-th
// smallest, over the mentors, of the smallest U of their seats (the
// largest if there are fewer than k): at least min(k, mentors) mentors
// cost at most B. Let R be the smallest rc(row,s) over the seats of these
// mentors, and L = B - R. A seat s with c(s) ≤ B + tol has
// D(s→s0) = c(s) - rc(row,s) ≤ B + tol - R = L + tol. The search towards
// s0 ignores every path longer than L + tol and stops there, and a node
// whose distance is within that limit has a shortest path made of such
// nodes (reduced costs are ≥ 0), so it is settled with its exact distance.
// Hence each mentor costing at most B + tol has its cheapest seat settled
// and its exact cost; every other mentor costs more than B + tol, ranks
// behind the mentors that define B, and cannot be in the top k. tol (far
// above the rounding of a path of rows+seats arcs) keeps this true in
// floating point, and it also covers re-ranking by the Loss computed from
// the changes, which differs from the dual cost only by rounding. The
// same argument, with the exact k-th cost in place of B, lets only the
// mentors within tol of the k-th best have their changes worked out.
//
// Since the limit only removes paths longer than it, the nodes it keeps
// are settled in the same order, with the same distances, as without it:
// the pruned result is the unpruned one, bit for bit (tests check it).
// Reading a seat's arcs by increasing reduced cost makes the pruning cheap:
// a settled seat costs the arcs within the limit, not O(m).
func (g *altGraph) alternatives(ctx context.Context, sr *search, row, k int, prune bool) ([]Alternative, error) {
	st := g.st
	current := -1 // the proposed mentor
	if s := st.seatOf[row]; s >= 0 {
		current = st.seatMentor[s]
	}
	target, paths := g.seats, g.out
	if s0 := g.rowMate[row]; s0 >= 0 {
		limit := lexInf
		if prune {
			b, least, ok := g.bound(sr, row, current, k)
			if !ok {
				return []Alternative{}, nil
			}
			b = b.add(g.in[s0])
			limit = lex{b.n - least.n, b.x - least.x}
		}
		if err := g.reverse(ctx, sr, s0, limit); err != nil {
			return nil, err
		}
		target, paths = s0, sr
	}

	// The exact cost of every mentor whose cheapest seat was reached; a
	// mentor's seats are consecutive.
	cands := sr.cands[:0]
	for s, c := range st.seatMentor {
		if c == current || !paths.settled(s) || !g.allowed(row, c) {
			continue
		}
		cost := g.rc(row, s).add(paths.dist[s])
		if n := len(cands); n > 0 && cands[n-1].mentor == c {
			if cost.less(cands[n-1].cost) {
				cands[n-1].cost, cands[n-1].seat = cost, s
			}
			continue
		}
		cands = append(cands, candidate{c, s, cost})
	}
	sr.cands = cands
	if len(cands) == 0 {
		return []Alternative{}, nil
	}
	kth := kthSmallest(sr, cands, k)

	out := make([]Alternative, 0, min(k, len(cands)))
	for _, cd := range cands {
		if cd.cost.above(kth, g.tol) {
			continue
		}
		a, err := g.alternative(row, cd.mentor, cd.seat, target, paths)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	countsDuos := st.objective == MostMatched
	slices.SortFunc(out, func(a, b Alternative) int {
		switch {
		case countsDuos && a.LostDuos != b.LostDuos:
			return a.LostDuos - b.LostDuos
		case a.Loss != b.Loss:
			if a.Loss < b.Loss {
				return -1
			}
			return 1
		case a.Score != b.Score:
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.MentorID, b.MentorID)
	})
	if len(out) > k {
		out = out[:k]
	}
	return out, nil
}

// bound returns the k-th smallest, over the mentors row may be forced
// onto, of the smallest rc(row,s) + out.dist[s] of their seats (the
// largest if there are fewer than k), the smallest rc(row,s) of these
// seats, and false when there is no such mentor.
func (g *altGraph) bound(sr *search, row, current, k int) (lex, lex, bool) {
	cands := sr.cands[:0]
	least := lexInf
	for s, c := range g.st.seatMentor {
		if c == current || !g.allowed(row, c) {
			continue
		}
		rc := g.rc(row, s)
		if rc.less(least) {
			least = rc
		}
		u := rc.add(g.out.dist[s])
		if n := len(cands); n > 0 && cands[n-1].mentor == c {
			if u.less(cands[n-1].cost) {
				cands[n-1].cost = u
			}
			continue
		}
		cands = append(cands, candidate{c, s, u})
	}
	sr.cands = cands
	if len(cands) == 0 {
		return lex{}, lex{}, false
	}
	return kthSmallest(sr, cands, k), least, true
}

// kthSmallest returns the k-th smallest cost of cands, or the largest if
// there are fewer than k.
func kthSmallest(sr *search, cands []candidate, k int) lex {
	costs := sr.costs[:0]
	for _, c := range cands {
		costs = append(costs, c.cost)
	}
	sr.costs = costs
	slices.SortFunc(costs, func(a, b lex) int {
		switch {
		case a.less(b):
			return -1
		case b.less(a):
			return 1
		}
		return 0
	})
	return costs[min(k, len(costs))-1]
}

// alternative follows the cycle that forcing row onto seat (of pool mentor
// c) closes — the arc row → seat, then the path from seat back to row
// through paths, which ends at target — and says what it changes.
func (g *altGraph) alternative(row, c, seat, target int, paths *search) (Alternative, error) {
	st := g.st
	type move struct{ row, to int } // to: a seat, or -1 for "left out"
	moves := []move{{row, seat}}
	t := g.seats
	cur := seat
	for steps := 0; ; steps++ {
		if steps > g.rows+g.seats+2 {
			return Alternative{}, errors.New("match: internal error: the chain of an alternative does not close")
		}
		if cur == t {
			if target == t {
				break
			}
			if x := paths.row[t]; x >= 0 {
				moves = append(moves, move{x, paths.next[t]})
			}
			cur = paths.next[t]
		}
		if cur == target {
			break
		}
		m := g.seatMate[cur]
		if m < 0 {
			cur = t
			continue
		}
		next := paths.next[cur]
		if next == t {
			moves = append(moves, move{m, -1})
		} else {
			moves = append(moves, move{m, next})
		}
		cur = next
	}

	a := Alternative{MentorID: st.mentorIDs[c], Score: g.scoreRaw[row*g.stride+c], Changes: []Change{}}
	for _, mv := range moves {
		ch := Change{MenteeID: st.menteeIDs[mv.row]}
		var had, has float64
		if s := st.seatOf[mv.row]; s >= 0 {
			oc := st.seatMentor[s]
			ch.Loses, had = st.mentorIDs[oc], g.scoreRaw[mv.row*g.stride+oc]
		}
		if mv.to >= 0 {
			if nc := st.seatMentor[mv.to]; g.allowed(mv.row, nc) {
				ch.Gets, has = st.mentorIDs[nc], g.scoreRaw[mv.row*g.stride+nc]
			}
		}
		switch {
		case ch.Loses == ch.Gets: // another seat of the same mentor, or still unmatched
			continue
		case ch.Loses != "" && ch.Gets != "":
			a.ScoreLoss += had - has
		case ch.Loses != "":
			a.ScoreLoss += had
			a.PriorityLoss += st.priority[mv.row]
			a.LostDuos++
		default:
			a.ScoreLoss -= has
			a.PriorityLoss -= st.priority[mv.row]
			a.LostDuos--
		}
		a.Changes = append(a.Changes, ch)
	}
	a.Loss = a.ScoreLoss + a.PriorityLoss
	return a, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// lexHeap is a binary min-heap of search nodes by distance, then index.
type lexHeap []heapItem

type heapItem struct {
	d lex
	v int32
}

func (h lexHeap) less(i, j int) bool {
	a, b := h[i], h[j]
	if a.d != b.d {
		return a.d.less(b.d)
	}
	return a.v < b.v
}

func (h *lexHeap) push(it heapItem) {
	*h = append(*h, it)
	q := *h
	for i := len(q) - 1; i > 0; {
		p := (i - 1) / 2
		if !q.less(i, p) {
			break
		}
		q[i], q[p] = q[p], q[i]
		i = p
	}
}

func (h *lexHeap) pop() heapItem {
	q := *h
	top := q[0]
	last := len(q) - 1
	q[0] = q[last]
	q = q[:last]
	for i := 0; ; {
		l := 2*i + 1
		if l >= len(q) {
			break
		}
		m := l
		if r := l + 1; r < len(q) && q.less(r, l) {
			m = r
		}
		if !q.less(m, i) {
			break
		}
		q[i], q[m] = q[m], q[i]
		i = m
	}
	*h = q
	return top
}
