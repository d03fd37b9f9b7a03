package match

import (
	"math"
	"slices"

	"github.com/duomatch/duo/match/lap"
)

// coverValue is the value of a dual with cover c and real part x.
func coverValue(c bool, x float64) lap.Value {
	if c {
		return lap.Value{N: 1, X: x}
	}
	return lap.Value{N: 0, X: x}
}

// growth is an optimal assignment of a round's solver matrix that grows by
// rows (new mentees) or seats (new mentors) one at a time and stays
// optimal. Each allowed pair weighs (1, value), as in [lap.Assign]; the duals
// are kept as values of Z×R, feasible and complementary to the matching.
//
// Adding a vertex to an optimal assignment changes it along one alternating
// path that starts at the new vertex (the symmetric difference of the old
// and the new optimum has no other component, or the old one was not
// optimal). The best such path is a shortest path under the reduced costs
// of the duals, which are ≥ 0: one Dijkstra search, stopped as soon as no
// cheaper end can be reached, then the usual update of the duals of the
// vertices it settled. Cost of one step: O(settled·(rows+seats)), at most
// O(rows·seats), against a solve from scratch for [lap.Assign].
type growth struct {
	st            *roundState
	rows0, seats0 int // the round's pool rows and seats

	// Seats added after the round's: colVal[k][r] is the solver value of
	// row r with seat seats0+k and colScore[k][r] the score, for the rows
	// that existed when the seat was added. Rows added after the round's
	// hold the same for every seat that existed when they were added.
	colVal, colScore [][]float64
	rowVal, rowScore [][]float64

	rowMate, seatMate []int // -1 when unmatched
	rowDual, seatDual []lap.Value

	// tsolver is the round's solver matrix transposed, made on the first
	// search from a seat and shared by clones.
	tsolver []float64

	// Work space of a search, reused.
	dist, distA []lap.Value
	buf         []float64
	pred        []int
	done        []bool
	settled     []int
	settledA    []int
}

// newGrowth returns the round's optimal assignment with its certificate in
// the form growth keeps.
func newGrowth(st *roundState) *growth {
	rows, seats := len(st.priority), st.seats
	g := &growth{
		st: st, rows0: rows, seats0: seats,
		rowMate: make([]int, rows), seatMate: make([]int, seats),
		rowDual: make([]lap.Value, rows), seatDual: make([]lap.Value, seats),
	}
	for i := range g.rowMate {
		g.rowMate[i] = -1
	}
	for s := range g.seatMate {
		g.seatMate[s] = -1
	}
	a := &st.assignment
	if len(a.RowCover) == rows && len(a.ColCover) == seats && len(a.RowDual) == rows && len(a.ColDual) == seats {
		scale := math.Ldexp(1, a.DualExp)
		for r := range rows {
			g.rowDual[r] = coverValue(a.RowCover[r], a.RowDual[r]*scale)
		}
		for s := range seats {
			g.seatDual[s] = coverValue(a.ColCover[s], a.ColDual[s]*scale)
		}
	}
	// Otherwise the pool had no rows or no seats: no pair, and duals of 0
	// are optimal.
	for _, p := range a.Pairs {
		g.rowMate[p.Row], g.seatMate[p.Col] = p.Col, p.Row
	}
	return g
}

// clone returns a copy of g that can grow independently.
func (g *growth) clone() *growth {
	if g.tsolver == nil && g.rows0 > 0 && g.seats0 > 0 {
		g.tsolver = transpose(g.st.solver, g.rows0, g.seats0)
	}
	c := &growth{st: g.st, rows0: g.rows0, seats0: g.seats0, tsolver: g.tsolver}
	c.colVal, c.colScore = slices.Clone(g.colVal), slices.Clone(g.colScore)
	c.rowVal, c.rowScore = slices.Clone(g.rowVal), slices.Clone(g.rowScore)
	c.rowMate, c.seatMate = slices.Clone(g.rowMate), slices.Clone(g.seatMate)
	c.rowDual, c.seatDual = slices.Clone(g.rowDual), slices.Clone(g.seatDual)
	return c
}

func (g *growth) rows() int  { return len(g.rowMate) }
func (g *growth) seats() int { return len(g.seatMate) }

// line sets buf[b], for every vertex b of the other side, to the solver
// value of the pair of b with vertex a of a side: a seat when seat is
// true, else a row. It reads the round's part of the matrix in place (the
// transposed copy for a seat) and the rest through at.
func (g *growth) line(seat bool, a int, buf []float64) {
	n := 0
	switch {
	case seat && a < g.seats0:
		if g.tsolver == nil {
			g.tsolver = transpose(g.st.solver, g.rows0, g.seats0)
		}
		n = copy(buf, g.tsolver[a*g.rows0:(a+1)*g.rows0])
	case !seat && a < g.rows0:
		n = copy(buf, g.st.solver[a*g.seats0:(a+1)*g.seats0])
	case seat:
		n = copy(buf, g.colVal[a-g.seats0])
	default:
		n = copy(buf, g.rowVal[a-g.rows0])
	}
	for b := n; b < len(buf); b++ {
		if seat {
			buf[b], _ = g.at(b, a)
		} else {
			buf[b], _ = g.at(a, b)
		}
	}
}

// transpose returns the seats×rows transpose of a rows×seats matrix.
func transpose(m []float64, rows, seats int) []float64 {
	t := make([]float64, len(m))
	for r := range rows {
		for s, x := range m[r*seats : (r+1)*seats] {
			t[s*rows+r] = x
		}
	}
	return t
}

// at returns the solver value and the score of row r with seat s.
func (g *growth) at(r, s int) (val, score float64) {
	switch {
	case r < g.rows0 && s < g.seats0:
		return g.st.solver[r*g.seats0+s], g.st.scores.At(r, g.st.seatMentor[s])
	case r >= g.rows0 && s < len(g.rowVal[r-g.rows0]):
		return g.rowVal[r-g.rows0][s], g.rowScore[r-g.rows0][s]
	}
	return g.colVal[s-g.seats0][r], g.colScore[s-g.seats0][r]
}

// addSeat appends a seat whose values and scores for every current row are
// val and score, and re-optimises. addRow does the same for a row and
// every current seat. They return the change of the lexicographic optimum.
func (g *growth) addSeat(val, score []float64) lap.Value {
	g.colVal, g.colScore = append(g.colVal, val), append(g.colScore, score)
	g.seatMate, g.seatDual = append(g.seatMate, -1), append(g.seatDual, lap.Value{})
	return g.augment(true)
}

func (g *growth) addRow(val, score []float64) lap.Value {
	g.rowVal, g.rowScore = append(g.rowVal, val), append(g.rowScore, score)
	g.rowMate, g.rowDual = append(g.rowMate, -1), append(g.rowDual, lap.Value{})
	return g.augment(false)
}

// augment re-optimises after the last seat (seat) or row (!seat) was
// added unmatched, with a dual of 0. Call A the side of the new vertex and
// B the other. The new vertex's dual is set to the least value that keeps
// every pair feasible; a path from it alternates pairs not in the matching
// (A to B) and pairs in it (B to A), and ends either at a free vertex of B
// (one pair more) or by freeing the last vertex of A it reaches (as many
// pairs); its gain is the new vertex's dual less its reduced length less
// the dual of its end. Leaving the new vertex unmatched gains 0.
func (g *growth) augment(seat bool) lap.Value {
	dualA, mateA, dualB, mateB := g.seatDual, g.seatMate, g.rowDual, g.rowMate
	if !seat {
		dualA, mateA, dualB, mateB = g.rowDual, g.rowMate, g.seatDual, g.seatMate
	}
	nA, nB := len(dualA), len(dualB)
	a0 := nA - 1

	g.buf = resize(g.buf, nB)
	v0 := lap.Value{}
	g.line(seat, a0, g.buf)
	for b, x := range g.buf {
		if !math.IsInf(x, -1) {
			if c := (lap.Value{N: 1, X: x}).Sub(dualB[b]); v0.Less(c) {
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
		g.dist[b], g.done[b] = valueInf, false
	}
	g.settled, g.settledA = g.settled[:0], append(g.settledA[:0], a0)
	g.distA[a0] = lap.Value{}

	relax := func(a int) {
		g.line(seat, a, g.buf)
		for b, x := range g.buf {
			if g.done[b] || mateA[a] == b || math.IsInf(x, -1) {
				continue
			}
			rc := dualA[a].Add(dualB[b]).Sub(lap.Value{N: 1, X: x})
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

// outcome returns the duos, the objective and the total of the proposal
// the current assignment makes: its allowed pairs, summed in row order.
func (g *growth) outcome() (duos int, objective, total float64) {
	for r, s := range g.rowMate {
		if s < 0 {
			continue
		}
		v, score := g.at(r, s)
		if g.st.allowed(score) {
			duos++
			objective += v
			total += score
		}
	}
	return duos, objective, total
}

// resize returns s with length n, reusing its storage when it can.
func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
