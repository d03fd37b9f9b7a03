package match

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/duomatch/duo/match/lap"
	"github.com/duomatch/duo/profile"
)

// recruitCol is a described mentor's column of the round: the pool rows
// it may be paired with (allowed pairs, at least MinScore), increasing,
// with their scores and solver values (score plus the mentee's
// priority).
type recruitCol struct {
	rows        []int
	scores, val []float64
}

// score returns the score of pool row r with the recruit, and whether the
// pair is allowed. Cost: O(log pairs).
func (c recruitCol) score(r int) (float64, bool) {
	if k, ok := slices.BinarySearch(c.rows, r); ok {
		return c.scores[k], true
	}
	return 0, false
}

// dense returns the recruit's solver values and scores for every pool
// row, as the dense growth reads them (-Inf where blocked; for BestTotal
// a pair that is not allowed is worth 0).
func (c recruitCol) dense(st *roundState) (val, sc []float64) {
	rows := len(st.poolMentees)
	val, sc = make([]float64, rows), make([]float64, rows)
	for r := range rows {
		sc[r] = math.Inf(-1)
		val[r] = st.value(sc[r], st.priority[r])
	}
	for k, r := range c.rows {
		sc[r], val[r] = c.scores[k], c.val[k]
	}
	return val, sc
}

// recruitPairs scores the described mentors against the pool mentees with
// the round's scorer, on their allowed pairs only (the scorer's candidate
// generation: with the distance rule, the mentees near each recruit), and
// returns each recruit's column. Cost: O(m + k) to index, then the pairs
// the place rules leave to check; memory O(allowed pairs).
func (st *roundState) recruitPairs(ctx context.Context, recruits []profile.Mentor) ([]recruitCol, error) {
	pool, err := st.scorer.Compile(ctx, st.poolMentees, recruits)
	if err != nil {
		return nil, fmt.Errorf("match: scoring the described profiles: %w", err)
	}
	cands, err := pool.Candidates(ctx, 0)
	if err != nil {
		return nil, err
	}
	out := make([]recruitCol, len(recruits))
	for r := range st.poolMentees {
		cs, ss := cands.Row(r)
		for x, c := range cs {
			if st.allowed(ss[x]) {
				col := &out[c]
				col.rows = append(col.rows, r)
				col.scores = append(col.scores, ss[x])
				col.val = append(col.val, st.value(ss[x], st.priority[r]))
			}
		}
	}
	return out, nil
}

// sparseGrowth is the round's optimal assignment on its sparse problem
// ([lap.SparseGrowth]) as new mentors are added, each a column of
// capacity 1 with its allowed pairs: Needs on a round solved on its
// allowed pairs, without a dense matrix. It keeps the outcome of its
// assignment up to date from the rows each addition moves.
type sparseGrowth struct {
	st    *roundState
	gr    *lap.SparseGrowth
	cols0 int          // the sparse problem's columns
	added []recruitCol // the columns added, in order

	duos             int
	objective, total float64
}

// newSparseGrowth returns the sparse growth of a round solved on its
// allowed pairs whose sparse certificate proves the proposal (see
// sparseCert), or nil when there is none.
func (st *roundState) newSparseGrowth() (*sparseGrowth, error) {
	a, ok := st.sparseCert()
	if !ok {
		return nil, nil
	}
	gr, err := lap.NewSparseGrowth(st.sparse, a)
	if err != nil {
		return nil, err
	}
	_, cols := st.sparse.Dims()
	g := &sparseGrowth{st: st, gr: gr, cols0: cols}
	for r := range gr.Rows() {
		g.count(r, gr.RowMate(r), 1)
	}
	return g, nil
}

func (g *sparseGrowth) clone() *sparseGrowth {
	c := *g
	c.gr, c.added = g.gr.Clone(), slices.Clone(g.added)
	return &c
}

// addMentor adds a new mentor of capacity 1 and re-optimises.
func (g *sparseGrowth) addMentor(c recruitCol) {
	g.added = append(g.added, c)
	g.gr.AddCol(c.rows, c.val)
	for _, m := range g.gr.LastMoves() {
		g.count(m.Row, m.From, -1)
		g.count(m.Row, m.To, 1)
	}
}

// count adds sign times the duo of pool row r with column c to the
// outcome: nothing for no column or BestTotal's column of the unmatched.
func (g *sparseGrowth) count(r, c, sign int) {
	st := g.st
	mentors := len(st.mentorIDs)
	var score, v float64
	switch {
	case c < 0 || (c >= mentors && c < g.cols0):
		return
	case c < mentors:
		score = st.cands.At(r, c)
		v = st.value(score, st.priority[r])
	default:
		col := g.added[c-g.cols0]
		k, _ := slices.BinarySearch(col.rows, r)
		score, v = col.scores[k], col.val[k]
	}
	g.duos += sign
	g.objective += float64(sign) * v
	g.total += float64(sign) * score
}

// outcome returns the duos, the objective and the total of the proposal
// the current assignment makes (a row on BestTotal's column of the
// unmatched is not a duo). The sums are kept as rows move, so they may
// differ from growth.outcome's sums in row order by rounding.
func (g *sparseGrowth) outcome() (duos int, objective, total float64) {
	return g.duos, g.objective, g.total
}
