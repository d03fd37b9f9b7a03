package lap

import (
	"errors"
	"fmt"
)

// ErrBadScore is returned, wrapped in a [*ScoreError], by [Assign] and
// [Verify] when a score is NaN or +Inf. Test for it with errors.Is.
var ErrBadScore = errors.New("lap: score is NaN or +Inf")

// ErrTooLarge is returned, wrapped with the dimensions, by [Assign] and
// [Verify] when the matrix has more than [MaxEntries] entries (a zero
// dimension counts as 1).
var ErrTooLarge = errors.New("lap: matrix too large")

// ErrInvalidAssignment is returned, wrapped with what failed and where, by
// [Verify] when an [Assignment] is not a valid assignment for the matrix:
// an index out of range, a row or column used twice, a forbidden pair,
// Pairs not sorted by Row, a Score or Total that does not match the
// matrix, or certificate slices of the wrong length. Test for it with
// errors.Is.
var ErrInvalidAssignment = errors.New("lap: invalid assignment")

// ErrNotOptimal is returned, wrapped with what failed and where, by
// [Verify] when an [Assignment] is valid but its certificate does not prove
// it optimal. Test for it with errors.Is.
var ErrNotOptimal = errors.New("lap: optimality not proved")

// ScoreError reports a score that cannot be used: NaN or +Inf. Row and Col
// are the position in the caller's matrix (the first such entry in
// row-major order). It unwraps to [ErrBadScore].
type ScoreError struct {
	Row, Col int
	Value    float64
}

func (e *ScoreError) Error() string {
	return fmt.Sprintf("lap: score at row %d, column %d is %v (must be finite or -Inf)", e.Row, e.Col, e.Value)
}

// Unwrap returns [ErrBadScore].
func (e *ScoreError) Unwrap() error { return ErrBadScore }
