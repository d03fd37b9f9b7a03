package lap

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Tolerance returns the absolute tolerance that [Verify] allows on each
// dual constraint, in the units of the scores: 4ε(r+c)²·M, where ε is the
// float64 machine epsilon and M the largest finite |score|. Rounding in the
// solver's dual updates grows at most about that fast. An assignment that
// Verify accepts is optimal up to min(r,c)·2·Tolerance in its total (its
// number of pairs is exact). Cost: O(r·c) time, O(1) memory. A nil or
// empty matrix gives 0; a matrix with more than [MaxEntries] entries,
// which Verify rejects, gives +Inf without reading any entry.
func Tolerance(scores mat.Matrix) float64 {
	if scores == nil {
		return 0
	}
	r, c := scores.Dims()
	if r <= 0 || c <= 0 {
		return 0
	}
	if checkSize(r, c) != nil {
		return math.Inf(1)
	}
	m := 0.0
	v := newReader(scores, r, c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if x := math.Abs(v.at(i, j)); x <= math.MaxFloat64 {
				m = math.Max(m, x)
			}
		}
	}
	return tolerance(m, r, c)
}

func tolerance(maxAbs float64, r, c int) float64 {
	n := float64(r + c)
	return 4 * 0x1p-52 * n * n * maxAbs
}

// Verify proves that a is optimal for scores: it returns nil only if a is a
// valid assignment and its certificate shows that no assignment has more
// pairs, or as many pairs and a larger total. It recomputes everything from
// scores; it trusts nothing in a but what the certificate lets it check.
//
// The checks, for the r×c matrix scores (rows i, columns j, scores w; y and
// z are RowDual and ColDual, which must be finite; covers are RowCover and
// ColCover; the scores are read times 2^-DualExp, and DualExp must be the
// value [Assign] uses for this matrix):
//   - structure: every Pair in range, Pairs sorted by Row with no row or
//     column twice, no forbidden pair, each Score equal to the matrix entry,
//     Total equal to their sum within tolerance, the four certificate
//     slices of lengths r, c, r, c;
//   - every allowed entry (i, j) has RowCover[i] or ColCover[j], and if
//     exactly one of them, y[i] + z[j] >= w[i][j] - tol;
//   - every pair has exactly one endpoint covered and y[i] + z[j] within
//     tol of w[i][j];
//   - every covered row and column is matched; every uncovered one has a
//     dual >= -tol, within tol of 0 if it is unmatched.
//
// These are the conditions of linear-programming duality over the ordered
// group Z×R, where each allowed pair weighs (1, w): they imply that the
// number of pairs is the largest possible, exactly, and that the total is
// the largest among assignments with that many pairs up to
// 2·min(r,c)·tol, with tol = [Tolerance](scores). Cost: O(r·c) time,
// O(r+c) memory. A nil scores is a 0×0 matrix.
//
// Errors: [ErrTooLarge], wrapped with the dimensions, for a matrix that
// [Assign] rejects as too large (more than [MaxEntries] entries), before
// reading any entry; a [*ScoreError] (wrapping [ErrBadScore]) for a NaN or
// +Inf score; [ErrInvalidAssignment] or [ErrNotOptimal], wrapped with what failed and
// where.
func Verify(scores mat.Matrix, a Assignment) error {
	r, c, err := dims(scores)
	if err != nil {
		return err
	}
	rd := newReader(scores, r, c)
	maxAbs := 0.0
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			x := rd.at(i, j)
			if !(x <= math.MaxFloat64) {
				return &ScoreError{Row: i, Col: j, Value: x}
			}
			if x >= -math.MaxFloat64 {
				maxAbs = math.Max(maxAbs, math.Abs(x))
			}
		}
	}
	if len(a.RowCover) != r || len(a.ColCover) != c || len(a.RowDual) != r || len(a.ColDual) != c {
		return fmt.Errorf("%w: certificate lengths %d, %d, %d, %d for a %d×%d matrix",
			ErrInvalidAssignment, len(a.RowCover), len(a.ColCover), len(a.RowDual), len(a.ColDual), r, c)
	}
	if r == 0 || c == 0 {
		if len(a.Pairs) != 0 || a.Total != 0 {
			return fmt.Errorf("%w: pairs in an empty matrix", ErrInvalidAssignment)
		}
		return nil
	}
	if want := scaleExp(maxAbs, r, c); a.DualExp != want {
		return fmt.Errorf("%w: DualExp is %d, want %d for these scores", ErrInvalidAssignment, a.DualExp, want)
	}
	scale := math.Ldexp(1, -a.DualExp)
	tol := tolerance(maxAbs*scale, r, c)

	// Structure.
	rowMate := make([]int, r)
	colMate := make([]int, c)
	for i := range rowMate {
		rowMate[i] = -1
	}
	for j := range colMate {
		colMate[j] = -1
	}
	total := 0.0
	for k, p := range a.Pairs {
		if err := checkPairPlace(a.Pairs, k, r, c); err != nil {
			return err
		}
		if colMate[p.Col] >= 0 {
			return fmt.Errorf("%w: column %d used twice", ErrInvalidAssignment, p.Col)
		}
		w := rd.at(p.Row, p.Col)
		if math.IsInf(w, -1) {
			return fmt.Errorf("%w: pair (%d, %d) is forbidden", ErrInvalidAssignment, p.Row, p.Col)
		}
		if p.Score != w {
			return fmt.Errorf("%w: pair (%d, %d) has score %v, matrix has %v", ErrInvalidAssignment, p.Row, p.Col, p.Score, w)
		}
		rowMate[p.Row], colMate[p.Col] = p.Col, p.Row
		total += w
	}
	if total != a.Total && !(math.Abs(total-a.Total) <= tol/scale) {
		return fmt.Errorf("%w: Total is %v, pairs sum to %v", ErrInvalidAssignment, a.Total, total)
	}

	// Vertices.
	for i := 0; i < r; i++ {
		if err := checkVertex("row", i, a.RowCover[i], a.RowDual[i], rowMate[i] >= 0, tol); err != nil {
			return err
		}
	}
	for j := 0; j < c; j++ {
		if err := checkVertex("column", j, a.ColCover[j], a.ColDual[j], colMate[j] >= 0, tol); err != nil {
			return err
		}
	}
	// Edges.
	for i := 0; i < r; i++ {
		yi, ci := a.RowDual[i], a.RowCover[i]
		for j := 0; j < c; j++ {
			x := rd.at(i, j)
			if math.IsInf(x, -1) {
				continue
			}
			w := x * scale
			cj := a.ColCover[j]
			if rowMate[i] == j {
				if ci == cj {
					return fmt.Errorf("%w: pair (%d, %d) does not have exactly one endpoint covered", ErrNotOptimal, i, j)
				}
				if !(math.Abs(yi+a.ColDual[j]-w) <= tol) {
					return fmt.Errorf("%w: pair (%d, %d): duals %v + %v differ from the score %v by more than %v",
						ErrNotOptimal, i, j, yi, a.ColDual[j], w, tol)
				}
				continue
			}
			switch {
			case !ci && !cj:
				return fmt.Errorf("%w: allowed pair (%d, %d) is not covered", ErrNotOptimal, i, j)
			case ci != cj && !(yi+a.ColDual[j] >= w-tol):
				return fmt.Errorf("%w: pair (%d, %d): duals %v + %v are below the score %v by more than %v",
					ErrNotOptimal, i, j, yi, a.ColDual[j], w, tol)
			}
		}
	}
	return nil
}

// checkPairPlace checks that pair k is in range for an r×c problem and
// comes after pair k-1 in row order, in another row.
func checkPairPlace(pairs []Pair, k, r, c int) error {
	p := pairs[k]
	if p.Row < 0 || p.Row >= r || p.Col < 0 || p.Col >= c {
		return fmt.Errorf("%w: pair %d (%d, %d) out of range", ErrInvalidAssignment, k, p.Row, p.Col)
	}
	if k > 0 && p.Row <= pairs[k-1].Row {
		if p.Row == pairs[k-1].Row {
			return fmt.Errorf("%w: row %d used twice", ErrInvalidAssignment, p.Row)
		}
		return fmt.Errorf("%w: pairs not sorted by row at pair %d", ErrInvalidAssignment, k)
	}
	return nil
}

func checkVertex(kind string, k int, covered bool, dual float64, matched bool, tol float64) error {
	if math.IsNaN(dual) || math.IsInf(dual, 0) {
		return fmt.Errorf("%w: %s %d has dual %v", ErrNotOptimal, kind, k, dual)
	}
	switch {
	case covered && !matched:
		return fmt.Errorf("%w: %s %d is covered but unmatched", ErrNotOptimal, kind, k)
	case !covered && !(dual >= -tol):
		return fmt.Errorf("%w: uncovered %s %d has negative dual %v", ErrNotOptimal, kind, k, dual)
	case !covered && !matched && !(math.Abs(dual) <= tol):
		return fmt.Errorf("%w: unmatched %s %d has nonzero dual %v", ErrNotOptimal, kind, k, dual)
	}
	return nil
}
