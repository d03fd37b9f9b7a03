package lap

import (
	"context"
	"fmt"
)

// NewSparseResidual is [NewResidual] for a [Sparse] problem: the residual
// graph of a, an optimal assignment of g with its certificate (as
// [AssignSparse] returns it, or another assignment of g that the same
// certificate proves optimal), and the two shared searches. A column is
// one node of the graph whatever its capacity: its seats share its dual,
// so they are alike, and a path that reaches the column may move on any
// row on it, or end on a free seat. Indices of the graph are g's rows and
// columns, and [Residual.ForceCost] prices forcing row i onto column j
// (one more row on j, which may then have to give up another). Pairs of a
// column of capacity 0 are not allowed.
//
// g is read, never written, and kept. Cost: O(E·log(r+c)) time for E
// allowed pairs, r rows and c columns; 16 bytes per allowed pair, plus
// O(r+c). Errors: ctx.Err() when ctx is done (checked every 64 rows or
// columns); [ErrInvalidAssignment] when a's certificate does not have the
// lengths of g, or a pair of a is not a pair of g, or uses a column more
// than its capacity, or a row twice. A nil g is a 0×0 problem.
func NewSparseResidual(ctx context.Context, g *Sparse, a *Assignment) (*Residual, error) {
	if g == nil {
		g = &Sparse{}
	}
	if _, err := sparseMates(g, a); err != nil {
		return nil, err
	}
	r, c := g.Dims()
	cp := make([]int, c)
	for j := range cp {
		cp[j] = int(g.capOf(j))
	}
	return newResidual(ctx, sparseRows{g}, r, c, cp, a)
}

// sparseMates checks that a fits g (a certificate of g's lengths, pairs
// of g, no row twice, no column beyond its capacity) and returns each
// row's column in a, -1 for none.
func sparseMates(g *Sparse, a *Assignment) ([]int, error) {
	r, c := g.Dims()
	if len(a.RowCover) != r || len(a.ColCover) != c || len(a.RowDual) != r || len(a.ColDual) != c {
		return nil, fmt.Errorf("%w: a certificate of lengths %d, %d, %d, %d for %d rows and %d columns",
			ErrInvalidAssignment, len(a.RowCover), len(a.ColCover), len(a.RowDual), len(a.ColDual), r, c)
	}
	mate := make([]int, r)
	for i := range mate {
		mate[i] = -1
	}
	load := make([]int32, c)
	src := sparseRows{g}
	for k, p := range a.Pairs {
		if p.Row < 0 || p.Row >= r || p.Col < 0 || p.Col >= c {
			return nil, fmt.Errorf("%w: pair %d (%d, %d) out of range", ErrInvalidAssignment, k, p.Row, p.Col)
		}
		if _, ok := src.at(p.Row, p.Col); !ok || mate[p.Row] >= 0 || load[p.Col] >= g.capOf(p.Col) {
			return nil, fmt.Errorf("%w: pair %d (%d, %d) is not allowed, or its row or column is used too often", ErrInvalidAssignment, k, p.Row, p.Col)
		}
		mate[p.Row] = p.Col
		load[p.Col]++
	}
	return mate, nil
}

// sparseRows are the allowed pairs of a Sparse problem (those of a column
// of capacity 0 are not).
type sparseRows struct{ g *Sparse }

func (p sparseRows) each(r int, f func(s int, w float64)) {
	cols, scores := p.g.Row(r)
	for e, j := range cols {
		if p.g.capOf(int(j)) > 0 {
			f(int(j), float64(scores[e]))
		}
	}
}

func (p sparseRows) at(r, s int) (float64, bool) {
	if s < 0 || s >= p.g.cols || p.g.capOf(s) == 0 {
		return 0, false
	}
	cols, scores := p.g.Row(r)
	for e, j := range cols {
		if int(j) == s {
			return float64(scores[e]), true
		}
	}
	return 0, false
}
