package match

import (
	"slices"

	"github.com/duomatch/duo/match/lap"
)

// growth is an optimal assignment of a round's solver matrix that grows by
// rows (new mentees) or seats (new mentors) one at a time and stays
// optimal ([lap.Growth]); it holds the values of the added rows and seats
// and reads the matrix out to the solver (it is a [lap.Lines]).
type growth struct {
	st            *roundState
	rows0, seats0 int // the round's pool rows and seats
	gr            *lap.Growth

	// Seats added after the round's: colVal[k][r] is the solver value of
	// row r with seat seats0+k and colScore[k][r] the score, for the rows
	// that existed when the seat was added. Rows added after the round's
	// hold the same for every seat that existed when they were added.
	colVal, colScore [][]float64
	rowVal, rowScore [][]float64

	// tsolver is the round's solver matrix transposed, made on the first
	// search from a seat and shared by clones.
	tsolver []float64
}

// newGrowth returns the round's optimal assignment with its certificate in
// the form growth keeps.
func newGrowth(st *roundState) *growth {
	rows, seats := len(st.priority), st.seats
	return &growth{st: st, rows0: rows, seats0: seats, gr: lap.NewGrowth(st.assignment, rows, seats)}
}

// clone returns a copy of g that can grow independently.
func (g *growth) clone() *growth {
	if g.tsolver == nil && g.rows0 > 0 && g.seats0 > 0 {
		g.tsolver = transpose(g.st.solver, g.rows0, g.seats0)
	}
	c := &growth{st: g.st, rows0: g.rows0, seats0: g.seats0, tsolver: g.tsolver, gr: g.gr.Clone()}
	c.colVal, c.colScore = slices.Clone(g.colVal), slices.Clone(g.colScore)
	c.rowVal, c.rowScore = slices.Clone(g.rowVal), slices.Clone(g.rowScore)
	return c
}

func (g *growth) rows() int  { return g.gr.Rows() }
func (g *growth) seats() int { return g.gr.Cols() }

// ReadRow and ReadCol read the grown matrix out to the solver.
func (g *growth) ReadRow(r int, dst []float64) { g.line(false, r, dst) }

// ReadCol reads seat s's values with every row; see ReadRow.
func (g *growth) ReadCol(s int, dst []float64) { g.line(true, s, dst) }

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
	return g.gr.AddCol(g)
}

func (g *growth) addRow(val, score []float64) lap.Value {
	g.rowVal, g.rowScore = append(g.rowVal, val), append(g.rowScore, score)
	return g.gr.AddRow(g)
}

// outcome returns the duos, the objective and the total of the proposal
// the current assignment makes: its allowed pairs, summed in row order.
func (g *growth) outcome() (duos int, objective, total float64) {
	for r := range g.rows() {
		s := g.gr.RowMate(r)
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
