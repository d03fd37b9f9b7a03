package lap

// This file stands in for what the package move of issue 18 brings to
// package lap (Pair, Assignment, the lexicographic value, the verification
// errors), copied from package match so that the sparse solver compiles
// before the move lands. It is deleted when the branch is rebased onto it.

import (
	"errors"
	"math"
)

// Pair is one chosen pair: row Row with column Col, and Score, its score.
type Pair struct {
	Row, Col int
	Score    float64
}

// Assignment is the result of a solve: the chosen pairs and a certificate
// of their optimality (see match.Assignment).
type Assignment struct {
	Pairs              []Pair
	Total              float64
	RowCover, ColCover []bool
	RowDual, ColDual   []float64
	DualExp            int
}

// ErrInvalidAssignment: an assignment that is not valid for its input.
var ErrInvalidAssignment = errors.New("lap: invalid assignment")

// ErrNotOptimal: a valid assignment whose certificate does not prove it
// optimal.
var ErrNotOptimal = errors.New("lap: optimality not proved")

var errCancelled = errors.New("lap: cancelled")

var errInternal = errors.New("lap: internal error: solver invariant broken")

// Value is a value of the lexicographic objective: a count of pairs N and
// a real part X, compared count first.
type Value struct {
	N int
	X float64
}

// Less reports whether a < b.
func (a Value) Less(b Value) bool { return a.N < b.N || (a.N == b.N && a.X < b.X) }

var unreachable = Value{math.MaxInt, math.Inf(1)}

func tolerance(maxAbs float64, r, c int) float64 {
	n := float64(r + c)
	return 4 * 0x1p-52 * n * n * maxAbs
}

func cancelled(done <-chan struct{}) bool {
	if done == nil {
		return false
	}
	select {
	case <-done:
		return true
	default:
		return false
	}
}
