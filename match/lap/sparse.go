package lap

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// ErrInvalidSparse is wrapped by every error of [SparseBuilder.Build]: the
// input of a sparse problem is malformed. Each problem names its row (and
// column index) or column; none quotes a score. Test for it with
// errors.Is.
var ErrInvalidSparse = errors.New("lap: invalid sparse problem")

// MaxSparseSide is the largest rows+columns of a [Sparse]: indices are
// stored as int32.
const MaxSparseSide = math.MaxInt32 - 1

// maxProblems bounds the problems one Build reports; the rest are counted.
const maxProblems = 100

// Sparse is an assignment problem given by its allowed pairs only: rows,
// columns, for each row the columns it may be paired with and the score of
// each such pair, and for each column a capacity (how many rows it may
// take; a mentor's seats). A pair that is absent is forbidden. It is built
// by a [SparseBuilder], which validates it, and is immutable afterwards.
//
// Storage is compressed sparse rows: per allowed pair a 4-byte column index
// and a 4-byte float32 score, 8 bytes in all, plus 8 bytes per row and 4
// per column. Scores are float32 to halve the memory of the largest rounds
// (100 million allowed pairs take 800 MB): a score of the round, built from
// a few criteria with weights, needs no more than float32's 24 bits, and
// the solver computes in float64, where every float32 and every sum of up
// to 2^29 of them of like magnitude is exact enough that no scaling is ever
// needed (the [Assignment]'s DualExp is always 0).
//
// The zero value is a 0×0 problem.
type Sparse struct {
	rows, cols int
	start      []int // row i's pairs are [start[i], start[i+1]); nil when rows == 0
	col        []int32
	score      []float32
	capacity   []int32 // nil: every column takes one row
	seats      int     // sum of the capacities
}

// Dims returns the number of rows and columns.
func (g *Sparse) Dims() (rows, cols int) { return g.rows, g.cols }

// Len returns the number of allowed pairs.
func (g *Sparse) Len() int { return len(g.col) }

// Row returns row i's allowed pairs: their columns and scores, in the order
// they were added. The slices alias the problem and must not be modified.
// It panics if i is out of range (a programmer error).
func (g *Sparse) Row(i int) (cols []int32, scores []float32) {
	a, b := g.start[i], g.start[i+1]
	return g.col[a:b:b], g.score[a:b:b]
}

// Capacity returns how many rows column j may take (1 unless set with
// [SparseBuilder.SetCapacity]). It panics if j is out of range.
func (g *Sparse) Capacity(j int) int {
	if j < 0 || j >= g.cols {
		panic("lap: Sparse.Capacity: column out of range")
	}
	if g.capacity == nil {
		return 1
	}
	return int(g.capacity[j])
}

// capOf is Capacity without the range check.
func (g *Sparse) capOf(j int) int32 {
	if g.capacity == nil {
		return 1
	}
	return g.capacity[j]
}

// SparseBuilder builds a [Sparse] row by row. Its zero value is not usable:
// make one with [NewSparseBuilder]. Problems with the input are recorded as
// they are found and all reported by [SparseBuilder.Build]; adding never
// panics.
type SparseBuilder struct {
	g        Sparse
	seen     []int32 // seen[j] == row+1 when row has column j
	problems []error
	more     int // problems beyond maxProblems
	built    bool
}

// NewSparseBuilder returns a builder of a problem with cols columns, each
// of capacity 1, and no rows yet. A negative cols, or more than
// [MaxSparseSide], is reported by Build. Cost: O(cols).
func NewSparseBuilder(cols int) *SparseBuilder {
	b := &SparseBuilder{}
	if cols < 0 || cols > MaxSparseSide {
		b.problem(fmt.Errorf("%w: %d columns (want 0 to %d)", ErrInvalidSparse, cols, MaxSparseSide))
		cols = 0
	}
	b.g.cols = cols
	b.g.seats = cols
	b.g.start = []int{0}
	b.seen = make([]int32, cols)
	return b
}

func (b *SparseBuilder) problem(err error) {
	if len(b.problems) < maxProblems {
		b.problems = append(b.problems, err)
	} else {
		b.more++
	}
}

// AddRow adds the next row (row 0 first) with its allowed pairs: column
// cols[k] with score scores[k]. Scores are stored as float32 (rounded to
// nearest). The slices are copied. Problems, all reported by Build, each
// naming the row and the pair's position and column: slices of different
// lengths, a column out of range or given twice in the row, a score that
// is NaN, infinite or beyond float32's range. Cost: O(len(cols)).
func (b *SparseBuilder) AddRow(cols []int, scores []float64) {
	i := b.g.rows
	if b.built || i >= MaxSparseSide-b.g.cols {
		if !b.built {
			b.problem(fmt.Errorf("%w: row %d: more than %d rows and columns", ErrInvalidSparse, i, MaxSparseSide))
		}
		return
	}
	b.g.rows++
	if len(cols) != len(scores) {
		b.problem(fmt.Errorf("%w: row %d: %d columns but %d scores", ErrInvalidSparse, i, len(cols), len(scores)))
	}
	n := min(len(cols), len(scores))
	stamp := int32(i + 1)
	for k := 0; k < n; k++ {
		j, s := cols[k], scores[k]
		switch {
		case j < 0 || j >= b.g.cols:
			b.problem(fmt.Errorf("%w: row %d, pair %d: column %d out of range (the problem has %d columns)", ErrInvalidSparse, i, k, j, b.g.cols))
			continue
		case b.seen[j] == stamp:
			b.problem(fmt.Errorf("%w: row %d, pair %d: column %d given twice", ErrInvalidSparse, i, k, j))
			continue
		case math.IsNaN(s) || math.IsInf(s, 0):
			b.problem(fmt.Errorf("%w: row %d, column %d: score is NaN or infinite (absent pairs are forbidden; leave them out)", ErrInvalidSparse, i, j))
		case math.Abs(s) > math.MaxFloat32:
			b.problem(fmt.Errorf("%w: row %d, column %d: score beyond float32's range", ErrInvalidSparse, i, j))
		}
		b.seen[j] = stamp
		b.g.col = append(b.g.col, int32(j))
		b.g.score = append(b.g.score, float32(s))
	}
	b.g.start = append(b.g.start, len(b.g.col))
}

// Grow reserves room for n more pairs, so that a caller who knows the
// number of pairs builds without reallocating (a negative n is ignored).
// Cost: O(pairs so far + n).
func (b *SparseBuilder) Grow(n int) {
	if n > 0 && !b.built {
		b.g.col = slices.Grow(b.g.col, n)
		b.g.score = slices.Grow(b.g.score, n)
	}
}

// SetCapacity sets how many rows column j may take (its seats); 0 makes
// the column unusable. Problems, reported by Build: j out of range, seats
// negative or above 2^31-1. Cost: O(1), and O(columns) on the first call.
func (b *SparseBuilder) SetCapacity(j, seats int) {
	if b.built {
		return
	}
	switch {
	case j < 0 || j >= b.g.cols:
		b.problem(fmt.Errorf("%w: capacity of column %d: column out of range (the problem has %d columns)", ErrInvalidSparse, j, b.g.cols))
		return
	case seats < 0 || seats > math.MaxInt32:
		b.problem(fmt.Errorf("%w: column %d: capacity %d out of range (want 0 to %d)", ErrInvalidSparse, j, seats, math.MaxInt32))
		return
	}
	if b.g.capacity == nil {
		b.g.capacity = make([]int32, b.g.cols)
		for k := range b.g.capacity {
			b.g.capacity[k] = 1
		}
	}
	b.g.seats += seats - int(b.g.capacity[j])
	b.g.capacity[j] = int32(seats)
}

// Build returns the problem, or every problem found while adding (joined,
// each wrapping [ErrInvalidSparse]; past 100, a last error counts the
// rest). The builder must not be used afterwards: later calls do nothing
// and Build returns an error. Cost: O(1).
func (b *SparseBuilder) Build() (*Sparse, error) {
	if b.built {
		return nil, fmt.Errorf("%w: Build called twice", ErrInvalidSparse)
	}
	b.built = true
	b.seen = nil
	if len(b.problems) > 0 {
		errs := b.problems
		if b.more > 0 {
			errs = append(errs, fmt.Errorf("%w: and %d more problems", ErrInvalidSparse, b.more))
		}
		return nil, errors.Join(errs...)
	}
	g := b.g
	b.g = Sparse{}
	return &g, nil
}
