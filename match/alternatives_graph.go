package match

import (
	"context"

	"github.com/duomatch/duo/match/lap"
)

// altGraph is the residual graph of a solved round ([lap.Residual] over
// the round's solver matrix), with what the round's alternatives read
// besides: the scores, to tell allowed pairs and to say what a change
// costs in people's terms. It is read-only once built.
type altGraph struct {
	*lap.Residual
	st       *roundState
	scoreRaw []float64
	stride   int
}

// newAltGraph builds the residual graph of st's assignment and runs the
// two searches every mentee shares. Cost: O(m·n·log(m+n)) time, 16 bytes
// per allowed pair.
func newAltGraph(ctx context.Context, st *roundState) (*altGraph, error) {
	if err := st.ensureDense(ctx); err != nil {
		return nil, err
	}
	res, err := lap.NewResidual(ctx, st.solver, len(st.menteeIDs), st.seats, &st.assignment)
	if err != nil {
		return nil, err
	}
	raw := st.scores.RawMatrix()
	return &altGraph{Residual: res, st: st, scoreRaw: raw.Data, stride: raw.Stride}, nil
}

// allowed reports whether the round allows the pair of pool row r and
// pool mentor c.
func (g *altGraph) allowed(r, c int) bool { return g.st.allowed(g.scoreRaw[r*g.stride+c]) }

// search is a search of the residual graph with the scratch space of a
// mentee's alternatives.
type search struct {
	*lap.Search
	cands []candidate
	costs []lap.Value
}

type candidate struct {
	mentor, seat int
	cost         lap.Value
}

func (g *altGraph) newSearch() *search { return &search{Search: g.NewSearch()} }
