package lap

import (
	"context"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// errCancelled is the solver's internal signal that the context is done;
// Assign replaces it with ctx.Err().
var errCancelled = errors.New("lap: cancelled")

// errInternal reports a broken solver invariant. It should be unreachable;
// it exists so that a bug shows as an error rather than a panic or a wrong
// answer.
var errInternal = errors.New("lap: internal error: solver invariant broken")

// MaxEntries is the largest number of entries, rows×columns, of a matrix
// that [Assign] solves and [Verify] checks: 2^31-1 on 64-bit platforms
// (a working copy of 16 GiB), math.MaxInt/8 on 32-bit ones (2 GiB). A
// zero dimension counts as 1, so that the assignment's per-row and
// per-column slices are bounded too. Larger matrices give [ErrTooLarge].
const MaxEntries = min(1<<31-1, math.MaxInt/8)

// dims returns the dimensions of scores, 0×0 for a nil matrix or a
// negative dimension, and [ErrTooLarge] from checkSize.
func dims(scores mat.Matrix) (r, c int, err error) {
	if scores != nil {
		r, c = scores.Dims()
	}
	if r < 0 || c < 0 {
		r, c = 0, 0
	}
	return r, c, checkSize(r, c)
}

// checkSize returns [ErrTooLarge], wrapped with the dimensions, when an
// r×c matrix has more than [MaxEntries] entries. It does not overflow.
func checkSize(r, c int) error {
	if max(r, 1) > MaxEntries/max(c, 1) {
		return fmt.Errorf("%w: %d×%d has more than %d entries", ErrTooLarge, r, c, MaxEntries)
	}
	return nil
}

// Pair is one chosen pair: row Row with column Col, and Score, the matrix
// entry at (Row, Col).
type Pair struct {
	Row, Col int
	Score    float64
}

// Assignment is the result of [Assign]: the chosen pairs and a certificate
// of their optimality that [Verify] checks.
//
// The certificate is an optimal solution of the dual linear program for
// the lexicographic objective (see the package documentation). Each row
// and column has a dual value in two parts: a count part, which is 0 or 1
// and is given by RowCover and ColCover (the covered rows and columns form
// a minimum vertex cover of the allowed pairs), and a real part, given by
// RowDual and ColDual in units of 2^DualExp of the scores.
type Assignment struct {
	// Pairs holds the chosen pairs, sorted by Row. No row or column occurs
	// twice (for [AssignSparse], a column up to its capacity) and no pair
	// is forbidden.
	Pairs []Pair
	// Total is the sum of the pairs' scores, added in the order of Pairs.
	// It overflows to ±Inf only if that sum does.
	Total float64

	// RowCover[i] and ColCover[j] are the count parts of the duals of row
	// i and column j (true means 1). Their lengths are the matrix's rows
	// and columns.
	RowCover, ColCover []bool
	// RowDual[i] and ColDual[j] are the real parts of the duals of row i
	// and column j, in units of 2^DualExp.
	RowDual, ColDual []float64
	// DualExp is 0 unless the scores are so large (above about 2^1000
	// divided by rows+columns) that sums of them could overflow; the
	// solver then works on the scores times 2^-DualExp, exactly.
	DualExp int
}

// Assign chooses pairs (row, col) of scores maximising the total score.
//
// The matrix may have any shape. An entry of math.Inf(-1) marks a forbidden pair, which is never chosen. The
// objective is lexicographic: Assign returns an assignment with the largest
// possible number of pairs among allowed entries and, among those, the
// largest total. A row or column whose entries are all forbidden stays
// unmatched; a matrix with no allowed entry, or with a zero dimension, gives
// an assignment without pairs. A nil scores is treated as a 0×0 matrix and a
// nil ctx as context.Background(). The result carries a certificate that
// [Verify] checks. The input is not modified.
//
// Assign is deterministic: the same values give the same Assignment,
// certificate included, on every run and machine, whatever the type of
// the matrix (a *mat.Dense, a view, a transpose, any mat.Matrix); see the
// package documentation for the tie rule.
//
// Cost: O(r²c) time in the worst case for r <= c (the transposed bound
// when r > c), typically far less; memory one working copy of the matrix
// plus O(r+c), except as described in the package documentation, and r·c
// bits of scratch when a matrix read through At turns out, once its
// all-forbidden rows and columns are dropped, to need the other
// orientation. A matrix that implements [RowReader] is read through
// ReadRow. Working copies are recycled between calls; a [Workspace] keeps
// one for the caller instead.
//
// Errors: [ErrTooLarge], wrapped with the dimensions, if the matrix has
// more than [MaxEntries] entries (counting a zero dimension as 1), checked
// before anything is read or allocated; a [*ScoreError] wrapping
// [ErrBadScore] for the first NaN or +Inf entry in row-major order;
// ctx.Err() if the context is done before the solve ends (it is checked
// before the solve and between augmentations).
func Assign(ctx context.Context, scores mat.Matrix) (Assignment, error) {
	return assign(ctx, scores, nil)
}

// assign is Assign, with its working copy, when it needs one, taken from
// and left in ws; a nil ws stands for a workspace of its own, whose buffer
// goes back to the pool when it returns.
func assign(ctx context.Context, scores mat.Matrix, ws *Workspace) (Assignment, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return Assignment{}, err
	}
	r, c, err := dims(scores)
	if err != nil {
		return Assignment{}, err
	}
	p, err := load(ctx, scores, r, c, ws)
	defer p.ar.release()
	if ws == nil {
		defer func() { putBuf(p.own.Release()) }()
	}
	if err == nil {
		var res result
		res, err = solveWorking(ctx, &p.ar, p.w, p.stride, len(p.wrows), len(p.wcols), p.owned, p.colMax, p.colArg)
		if err == nil {
			return p.assemble(res), nil
		}
	}
	if errors.Is(err, errCancelled) {
		if cerr := ctx.Err(); cerr != nil {
			err = cerr
		} else {
			err = context.Canceled
		}
	}
	return Assignment{}, err
}

// result is the solution of a working problem: a matching and its
// certificate, in the maximisation convention of the package.
type result struct {
	rowMate            []int // working row -> working column, or -1
	rowCover, colCover []bool
	rowDual, colDual   []float64
}

// solveWorking solves the lexicographic problem on an n×m working weight
// matrix (row a is w[a*stride : a*stride+m], -Inf = forbidden). owned
// reports whether w may be overwritten.
//
// It first runs the core, which matches every row it can. If every row is
// matched, the certificate is immediate: all rows covered, no column
// covered, row duals from the matched edges, column duals from the core.
//
// Otherwise the matching has maximum cardinality but possibly the wrong
// set of matched rows. Let Z be the rows and columns reachable from the
// free rows by alternating paths. (rows∖Z) ∪ (cols∩Z) is a minimum vertex
// cover (König), no allowed edge joins rows∩Z to cols∖Z, and the problem
// splits in two independent ones: rows∖Z × cols∖Z, where every row must be
// matched, and rows∩Z × cols∩Z, where every column must be matched. The
// core's matching and duals restricted to the first part already satisfy
// its optimality conditions (unless the column reduction was used: then
// that part is solved again); the second is solved afresh, transposed, by
// the same core. The two parts' copies hold at most n·m entries together.
//
// colMax and colArg, when not nil (only for n == m), are each column's
// largest entry and the lowest row holding it, as the loader found them;
// the column reduction then skips its own pass over the matrix. The
// result's slices and the solver's scratch come from ar.
func solveWorking(ctx context.Context, ar *arena, w []float64, stride, n, m int, owned bool, colMax []float64, colArg []int) (result, error) {
	res := result{
		rowMate:  ar.filled(n, -1),
		rowCover: make([]bool, n),
		colCover: make([]bool, m),
		rowDual:  ar.zeros(n),
		colDual:  ar.zeros(m),
	}
	if n == 0 || m == 0 {
		return res, nil
	}
	s := newJV(ctx, ar, w, stride, n, m)
	s.reduceCols = n == m
	if s.reduceCols && len(colMax) == m && len(colArg) == m {
		s.z, s.colArg = colMax, colArg
	}
	failed, err := s.run()
	if err != nil {
		return res, err
	}
	copy(res.rowMate, s.x)
	copy(res.colDual, s.z)
	for i, j := range s.x {
		if j >= 0 {
			res.rowCover[i] = true
			res.rowDual[i] = s.rowDual(i)
		}
	}
	if len(failed) == 0 {
		return res, nil
	}

	// Z: breadth-first over alternating paths from the free rows.
	inZr := make([]bool, n)
	inZc := make([]bool, m)
	queue := failed
	for _, i := range queue {
		inZr[i] = true
	}
	for q := 0; q < len(queue); q++ {
		for j, wij := range s.row(queue[q]) {
			if wij > negInf && !inZc[j] {
				inZc[j] = true
				k := s.y[j]
				if k < 0 {
					return res, errInternal // an augmenting path exists
				}
				if !inZr[k] {
					inZr[k] = true
					queue = append(queue, k)
				}
			}
		}
	}
	var zr, zc, pr, pc []int
	for i, in := range inZr {
		if in {
			zr = append(zr, i)
		} else {
			pr = append(pr, i)
		}
	}
	for j, in := range inZc {
		if in {
			zc = append(zc, j)
		} else {
			pc = append(pc, j)
		}
	}
	for _, i := range zr {
		res.rowMate[i] = -1
		res.rowCover[i] = false
		res.rowDual[i] = 0
	}

	// The block rows∩Z × cols∩Z, transposed: its rows are cols∩Z.
	if len(zc) > 0 {
		n2, m2 := len(zc), len(zr)
		w2 := getBuf(n2 * m2)
		defer putBuf(w2)
		for b, i := range zr {
			row := s.row(i)
			for a, j := range zc {
				w2[a*m2+b] = row[j]
			}
		}
		s2 := newJV(ctx, ar, w2, m2, n2, m2)
		failed2, err := s2.run()
		if err != nil {
			return res, err
		}
		if len(failed2) != 0 {
			return res, errInternal // cols∩Z can all be matched
		}
		for a, j := range zc {
			res.rowMate[zr[s2.x[a]]] = j
			res.colCover[j] = true
			res.colDual[j] = s2.rowDual(a)
		}
		for b, i := range zr {
			res.rowDual[i] = s2.z[b]
		}
	}

	if s.reduceCols && len(pr) > 0 {
		// The column reduction gave duals to columns that stay free, so
		// the first part's duals are not a certificate: solve it again
		// with the plain initialisation, in place if w is a working copy.
		n1, m1 := len(pr), len(pc)
		var w1 []float64
		if owned {
			w1 = w[:n1*m1]
		} else {
			w1 = getBuf(n1 * m1)
			defer putBuf(w1)
		}
		for a, i := range pr {
			src := w[i*stride : i*stride+m]
			dst := w1[a*m1 : a*m1+m1]
			for b, j := range pc {
				dst[b] = src[j]
			}
		}
		s1 := newJV(ctx, ar, w1, m1, n1, m1)
		failed1, err := s1.run()
		if err != nil {
			return res, err
		}
		if len(failed1) != 0 {
			return res, errInternal // rows∖Z can all be matched
		}
		for b, j := range pc {
			res.colDual[j] = s1.z[b]
		}
		for a, i := range pr {
			res.rowMate[i] = pc[s1.x[a]]
			res.rowDual[i] = s1.rowDual(a)
		}
	}
	return res, nil
}

// assemble maps a working result back to the caller's indices.
func (p *problem) assemble(res result) Assignment {
	a := Assignment{
		RowCover: make([]bool, p.r),
		ColCover: make([]bool, p.c),
		RowDual:  make([]float64, p.r),
		ColDual:  make([]float64, p.c),
		DualExp:  p.exp,
	}
	rowCover, colCover, rowDual, colDual := a.RowCover, a.ColCover, a.RowDual, a.ColDual
	if p.transposed {
		rowCover, colCover, rowDual, colDual = colCover, rowCover, colDual, rowDual
	}
	for k, i := range p.wrows {
		rowCover[i] = res.rowCover[k]
		rowDual[i] = res.rowDual[k]
	}
	for k, j := range p.wcols {
		colCover[j] = res.colCover[k]
		colDual[j] = res.colDual[k]
	}
	// mate[i] is the caller's column of the caller's row i, or -1.
	mate := p.ar.filled(p.r, -1)
	npairs := 0
	for k, b := range res.rowMate {
		if b < 0 {
			continue
		}
		npairs++
		i, j := p.wrows[k], p.wcols[b]
		if p.transposed {
			i, j = j, i
		}
		mate[i] = j
	}
	a.Pairs = make([]Pair, 0, npairs)
	for i, j := range mate {
		if j >= 0 {
			s := p.in.at(i, j)
			a.Pairs = append(a.Pairs, Pair{Row: i, Col: j, Score: s})
			a.Total += s
		}
	}
	return a
}
