package lap

import (
	"context"

	"gonum.org/v1/gonum/mat"
)

// RowReader is a matrix that can write a whole row into a caller's slice,
// more cheaply than entry by entry through At, and whose rows may be read
// more than once: a matrix computed on the fly from other data, say. It is
// the optional-interface idiom of io.WriterTo: [Assign] and
// [Workspace.Assign] use ReadRow when the matrix implements it.
//
// ReadRow writes row i, the values At(i, j) gives for j = 0, 1, …, into
// dst, whose length is the number of columns. It is called with 0 <= i <
// rows only, and must give the same values on every call.
//
// A RowReader is read twice, a row at a time: once to validate it and find
// its largest entry and its all-forbidden rows and columns, once into the
// working copy. So the working copy is the only copy of its values that
// Assign makes, whatever the shape, and no r·c scratch is needed to change
// its orientation. A [*mat.Dense] needs no ReadRow: its backing slice is
// read directly, and solved in place when no copy is needed.
type RowReader interface {
	mat.Matrix
	ReadRow(i int, dst []float64)
}

// Workspace holds the working copy of a matrix between calls of its
// Assign method, so that solving matrices of similar size again and again
// allocates no new copy, and so that a caller can take that copy's memory
// back with [Workspace.Release] when the solve is done. The zero value is
// an empty workspace, ready to use. A Workspace must not be used by two
// goroutines at once.
type Workspace struct {
	buf []float64 // the working copy's buffer; its length is its capacity
}

// Assign is [Assign], with the working copy, when the matrix needs one,
// kept in the workspace: the buffer of a previous call is reused when it
// is large enough (it is never shrunk), else replaced by a larger one.
// Results, cost and errors are those of [Assign]; the workspace never
// changes the result.
func (ws *Workspace) Assign(ctx context.Context, scores mat.Matrix) (Assignment, error) {
	return assign(ctx, scores, ws)
}

// Release empties the workspace and returns its buffer, of arbitrary
// contents, with its length equal to its capacity, or nil when it has
// none. The caller owns the buffer: after a solve of an r×c [RowReader],
// it has room for at least r·c entries, so that the caller can lay out its
// own copy of the matrix in the memory the solve used. Cost: O(1).
func (ws *Workspace) Release() []float64 {
	b := ws.buf
	ws.buf = nil
	return b
}

// get returns a buffer of n entries with arbitrary contents, the
// workspace's own when it is large enough.
func (ws *Workspace) get(n int) []float64 {
	if n <= 0 {
		return nil
	}
	if cap(ws.buf) < n {
		putBuf(ws.buf)
		b := getBuf(n)
		ws.buf = b[:cap(b)]
	}
	return ws.buf[:n]
}
