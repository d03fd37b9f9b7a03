package lap

import (
	"fmt"
	"math"
)

// SparseTolerance returns the absolute tolerance that [VerifySparse] allows
// on each dual constraint of g, in the units of the scores: 4ε(r+c)²·M, as
// for the dense solver, where ε is the float64 machine epsilon, r and c the
// rows and columns and M the largest |score|. Cost: O(allowed pairs). A nil
// or empty g gives 0.
func SparseTolerance(g *Sparse) float64 {
	if g == nil {
		return 0
	}
	m := 0.0
	for _, x := range g.score {
		m = math.Max(m, math.Abs(float64(x)))
	}
	return tolerance(m, g.rows, g.cols)
}

// VerifySparse proves that a is optimal for g: it returns nil only if a is
// a valid assignment of g and its certificate shows that no assignment has
// more pairs, or as many pairs and a larger total. It recomputes
// everything from g and trusts nothing in a but what the certificate lets
// it check. The conditions are those of the dense Verify, with a column's
// capacity: y and z are RowDual and ColDual, which must be finite, the
// covers RowCover and ColCover, tol is [SparseTolerance](g), and a pair of
// g whose column has capacity 0 is not allowed:
//   - structure: DualExp 0, every Pair an allowed pair of g with its
//     score, sorted by Row with no row twice, no column more often than its
//     capacity, Total their sum within tol, certificate slices of lengths
//     rows, cols, rows, cols;
//   - every allowed pair (i, j) has RowCover[i] or ColCover[j], and if
//     exactly one of them, y[i] + z[j] >= score - tol;
//   - every chosen pair has exactly one endpoint covered and y[i] + z[j]
//     within tol of its score;
//   - a covered row is matched and a covered column full; an uncovered
//     row or column has a dual >= -tol, within tol of 0 if it is an
//     unmatched row or a column with a free seat.
//
// These are the conditions of linear-programming duality over Z×R, where
// a pair weighs (1, score) and column j's dual counts Capacity(j) times:
// they imply that the number of pairs is the largest possible, exactly,
// and the total the largest among assignments with that many pairs, up to
// 2·min(r, seats)·tol. Cost: O(allowed pairs + r + c) time, O(r + c)
// memory. A nil g is a 0×0 problem.
//
// Errors: [ErrInvalidAssignment] or [ErrNotOptimal], wrapped with what
// failed and where (row and column indices; no score is quoted).
func VerifySparse(g *Sparse, a Assignment) error {
	if g == nil {
		g = &Sparse{}
	}
	r, c := g.rows, g.cols
	if len(a.RowCover) != r || len(a.ColCover) != c || len(a.RowDual) != r || len(a.ColDual) != c {
		return fmt.Errorf("%w: certificate lengths %d, %d, %d, %d for %d rows and %d columns",
			ErrInvalidAssignment, len(a.RowCover), len(a.ColCover), len(a.RowDual), len(a.ColDual), r, c)
	}
	if a.DualExp != 0 {
		return fmt.Errorf("%w: DualExp is %d, want 0 for a sparse problem", ErrInvalidAssignment, a.DualExp)
	}
	tol := SparseTolerance(g)
	capOf := g.capOf

	// Structure.
	rowMate := make([]int32, r)
	for i := range rowMate {
		rowMate[i] = -1
	}
	load := make([]int32, c)
	total := 0.0
	for k, p := range a.Pairs {
		if err := checkPairPlace(a.Pairs, k, r, c); err != nil {
			return err
		}
		if load[p.Col] >= capOf(p.Col) {
			return fmt.Errorf("%w: column %d used more often than its capacity", ErrInvalidAssignment, p.Col)
		}
		cols, scores := g.Row(p.Row)
		found := false
		for e, j := range cols {
			if int(j) == p.Col {
				found = true
				if p.Score != float64(scores[e]) {
					return fmt.Errorf("%w: pair (%d, %d) has a score other than the problem's", ErrInvalidAssignment, p.Row, p.Col)
				}
			}
		}
		if !found {
			return fmt.Errorf("%w: pair (%d, %d) is not allowed", ErrInvalidAssignment, p.Row, p.Col)
		}
		rowMate[p.Row] = int32(p.Col)
		load[p.Col]++
		total += p.Score
	}
	if total != a.Total && !(math.Abs(total-a.Total) <= tol) {
		return fmt.Errorf("%w: Total differs from the sum of the pairs' scores", ErrInvalidAssignment)
	}

	// Vertices.
	for i := 0; i < r; i++ {
		if err := checkVertex("row", i, a.RowCover[i], a.RowDual[i], rowMate[i] >= 0, tol); err != nil {
			return err
		}
	}
	for j := 0; j < c; j++ {
		// A column counts as matched when it is full.
		if err := checkVertex("column", j, a.ColCover[j], a.ColDual[j], load[j] == capOf(j), tol); err != nil {
			return err
		}
	}
	// Allowed pairs.
	for i := 0; i < r; i++ {
		yi, ci := a.RowDual[i], a.RowCover[i]
		cols, scores := g.Row(i)
		for e, j := range cols {
			if capOf(int(j)) == 0 {
				continue
			}
			w, zj, cj := float64(scores[e]), a.ColDual[j], a.ColCover[j]
			if rowMate[i] == j {
				if ci == cj {
					return fmt.Errorf("%w: pair (%d, %d) does not have exactly one endpoint covered", ErrNotOptimal, i, j)
				}
				if !(math.Abs(yi+zj-w) <= tol) {
					return fmt.Errorf("%w: pair (%d, %d): duals differ from the score by more than the tolerance", ErrNotOptimal, i, j)
				}
				continue
			}
			switch {
			case !ci && !cj:
				return fmt.Errorf("%w: allowed pair (%d, %d) is not covered", ErrNotOptimal, i, j)
			case ci != cj && !(yi+zj >= w-tol):
				return fmt.Errorf("%w: pair (%d, %d): duals below the score by more than the tolerance", ErrNotOptimal, i, j)
			}
		}
	}
	return nil
}
