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

// lex is a value of the lexicographic objective: a count of pairs and a
// real part, compared count first.
type lex struct {
	n int
	x float64
}

func (a lex) add(b lex) lex { return lex{a.n + b.n, a.x + b.x} }

func (a lex) less(b lex) bool { return a.n < b.n || (a.n == b.n && a.x < b.x) }

var lexInf = lex{math.MaxInt, math.Inf(1)}

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
