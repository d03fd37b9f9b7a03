package match

import (
	"context"
	"math"

	"github.com/duomatch/duo/match/lap"
)

// altGraph is the residual graph of a solved round, with what the round's
// alternatives read besides: which mentor each of its columns stands for,
// and the scores, to tell allowed pairs and to say what a change costs in
// people's terms. For a round solved dense it is [lap.Residual] over the
// round's solver matrix (a column per seat); for a round solved on its
// allowed pairs, over its sparse problem (a column per mentor, and for
// BestTotal the column of the unmatched). It is read-only once built.
type altGraph struct {
	*lap.Residual
	st *roundState
	// colMentor is the pool mentor of each column of the graph, -1 for
	// the column of the unmatched.
	colMentor []int
	score     func(r, c int) float64 // pool row r with pool mentor c; -Inf when blocked
	// slack bounds the difference between the cost of a cycle in the
	// graph and its cost in the round's float64 values: 0 for a dense
	// round; for a sparse one, whose problem holds the values rounded to
	// float32, half an ulp of float32 at the largest value for each pair
	// of a cycle (at most 2·min(rows, columns)+2 of them).
	slack float64
}

// newAltGraph builds the residual graph of st's assignment and runs the
// two searches every mentee shares: on the round's sparse problem when it
// was solved on its allowed pairs (see sparseCert), else on its dense
// matrix. Cost: O(E·log(m+n)) time for E allowed pairs (E = m·n for a
// dense round), 16 bytes per allowed pair.
func newAltGraph(ctx context.Context, st *roundState) (*altGraph, error) {
	if a, ok := st.sparseCert(); ok {
		res, err := lap.NewSparseResidual(ctx, st.sparse, &a)
		if err != nil {
			return nil, err
		}
		_, cols := st.sparse.Dims()
		cm := make([]int, cols)
		for c := range cm {
			cm[c] = c
		}
		if cols > len(st.mentorIDs) {
			cm[cols-1] = -1 // BestTotal's column of the unmatched
		}
		maxV := 0.0
		for k := range st.menteeIDs {
			_, ss := st.sparse.Row(k)
			for _, x := range ss {
				maxV = max(maxV, math.Abs(float64(x)))
			}
		}
		slack := math.Ldexp(maxV, -24) * float64(2*min(len(st.menteeIDs), cols)+2)
		return &altGraph{Residual: res, st: st, colMentor: cm, score: st.cands.At, slack: slack}, nil
	}
	if err := st.ensureDense(ctx); err != nil {
		return nil, err
	}
	res, err := lap.NewResidual(ctx, st.solver, len(st.menteeIDs), st.seats, &st.assignment)
	if err != nil {
		return nil, err
	}
	raw := st.scores.RawMatrix()
	return &altGraph{Residual: res, st: st, colMentor: st.seatMentor,
		score: func(r, c int) float64 { return raw.Data[r*raw.Stride+c] }}, nil
}

// allowed reports whether the round allows the pair of pool row r and
// pool mentor c.
func (g *altGraph) allowed(r, c int) bool { return g.st.allowed(g.score(r, c)) }

// search is a search of the residual graph with the scratch space of a
// mentee's alternatives.
type search struct {
	*lap.Search
	cands []candidate
	costs []lap.Value
	top   []int
	// For the columns of the mentee's pairs (atGen == gen): the index of
	// the candidate and the pair's reduced cost.
	at    []int32
	atGen []uint32
	rc    []lap.Value
	gen   uint32
	// doneGen[s] == gen: the search has settled candidate column s.
	doneGen []uint32
	order   []int
}

type candidate struct {
	mentor, seat int
	cost         lap.Value
	via          bool // the cost is that of the path through T
}

func (g *altGraph) newSearch() *search {
	n := g.Cols()
	return &search{Search: g.NewSearch(), at: make([]int32, n), atGen: make([]uint32, n), rc: make([]lap.Value, n), doneGen: make([]uint32, n)}
}
