package lap

import (
	"context"
	"math"

	"gonum.org/v1/gonum/mat"
)

// problem is the working form of the input: the rows and columns of the
// caller's matrix that have an allowed entry, oriented so that working
// rows <= working columns, and scaled by 2^-exp. Row a of the working
// matrix is w[a*stride : a*stride+len(wcols)]. When no row or column is
// dropped, no transposition and no scaling is needed and the input has
// raw backing data (see [newReader]), w is the caller's backing slice
// itself (read only): no copy is made.
//
// The working problem depends on the matrix's values only, never on its
// type: the solver's tie rules then make the assignment a function of the
// values (see the package documentation).
type problem struct {
	in         reader // the caller's matrix
	r, c       int    // the caller's dimensions
	transposed bool   // working rows are the caller's columns
	wrows      []int  // working row -> caller's row (column if transposed)
	wcols      []int  // working column -> caller's column (row if transposed)
	w          []float64
	stride     int
	owned      bool // w is a working copy in ws, which the solver may overwrite
	exp        int
	done       <-chan struct{}
	ws         *Workspace // holds the working copy: the caller's, or &own
	own        Workspace
	ar         arena // the scratch of the load and the solve

	// colMax and colArg, when not nil, are the largest entry of each
	// working column and the lowest row holding it, found while loading:
	// the column reduction's first pass (see jv.colArg). Only set when
	// the working matrix is the caller's square matrix, read in place.
	colMax []float64
	colArg []int
}

// scaleExp returns the exponent e >= 0 such that scores times 2^-e are at
// most 2^1000/(4(r+c+2)) in magnitude, so that no sum formed by the solver
// overflows. maxAbs is the largest finite magnitude.
func scaleExp(maxAbs float64, r, c int) int {
	limit := math.Ldexp(1, 1000) / (4 * float64(r+c+2))
	if !(maxAbs > limit) {
		return 0
	}
	_, e := math.Frexp(maxAbs / limit)
	return e
}

// stats gathers, while the input is copied, what load needs besides the
// copy: each row's and column's largest entry (-Inf exactly when all its
// entries are forbidden) and the largest finite magnitude, as bits.
type stats struct {
	rowMax, colMax []float64
	absBits        uint64
}

func newStats(ar *arena, r, c int) *stats {
	st := &stats{rowMax: ar.floats(r), colMax: ar.floats(c)}
	for i := range st.rowMax {
		st.rowMax[i] = math.Inf(-1)
	}
	for j := range st.colMax {
		st.colMax[j] = math.Inf(-1)
	}
	return st
}

// finiteAbsBits returns the bits of |x|, or 0 when x is infinite (x is not
// NaN), without a branch: float64 magnitudes order as their bits do.
func finiteAbsBits(x float64) uint64 {
	a := math.Float64bits(x) &^ (1 << 63)
	inf := ((a >> 52) + 1) >> 11 // 1 when the exponent is all ones
	return a &^ -inf
}

// valid reports whether x is an allowed score: finite or -Inf.
func valid(x float64) bool { return x <= math.MaxFloat64 }

// load validates scores and builds the working problem, its working copy
// (if any) in ws, or in p.own when ws is nil. r×c is at most maxEntries.
func load(ctx context.Context, scores mat.Matrix, r, c int, ws *Workspace) (*problem, error) {
	p := &problem{r: r, c: c, done: ctx.Done(), ws: ws}
	if ws == nil {
		p.ws = &p.own
	}
	if r == 0 || c == 0 {
		return p, nil
	}
	p.in = newReader(scores, r, c)
	if rr, ok := scores.(RowReader); ok {
		return p, p.loadTwice(rr)
	}
	if p.in.raw != nil {
		return p, p.loadRaw()
	}
	return p, p.loadAt()
}

// loadTwice reads a [RowReader] twice: once to validate it and find the rows
// and columns without an allowed entry and the scale, once into a working
// copy of the kept rows and columns in the orientation [transposes]
// chooses. The working problem is the one loadRaw builds from the same
// values, so the result is too. Cost: two reads of every entry, one
// working copy, O(r+c) besides, and 64 rows of scratch.
func (p *problem) loadTwice(rr RowReader) error {
	r, c := p.r, p.c
	st := newStats(&p.ar, r, c)
	const blk = 64
	scratch := make([]float64, blk*c)
	row := scratch[:c]
	for i := 0; i < r; i++ {
		if i&63 == 0 && cancelled(p.done) {
			return errCancelled
		}
		rr.ReadRow(i, row)
		if err := st.scanRow(i, row); err != nil {
			return err
		}
	}
	rows, cols := p.kept(st.rowMax), p.kept(st.colMax)
	p.exp = scaleExp(math.Float64frombits(st.absBits), r, c)
	p.transposed = transposes(len(rows), len(cols))
	nr, nc := len(rows), len(cols)
	// A buffer for all r×c entries, so that the caller can reuse it for
	// a copy of the whole matrix (see Workspace.Release).
	w := p.ws.get(r * c)[:nr*nc]
	// Blocks of 64 rows, so that the writes of a transposed copy are 64
	// entries long.
	for a0 := 0; a0 < nr; a0 += blk {
		if cancelled(p.done) {
			return errCancelled
		}
		a1 := min(a0+blk, nr)
		for a := a0; a < a1; a++ {
			rr.ReadRow(rows[a], scratch[(a-a0)*c:(a-a0+1)*c])
		}
		if !p.transposed {
			for a := a0; a < a1; a++ {
				src, dst := scratch[(a-a0)*c:(a-a0+1)*c], w[a*nc:(a+1)*nc]
				for b, j := range cols {
					dst[b] = src[j]
				}
			}
			continue
		}
		for b, j := range cols {
			dst := w[b*nr+a0 : b*nr+a1]
			for k := range dst {
				dst[k] = scratch[k*c+j]
			}
		}
	}
	p.setIndices(rows, cols)
	p.w, p.stride, p.owned = scale(w, p.exp), len(p.wcols), true
	return nil
}

// transposes reports whether a working problem with rows kept rows and
// cols kept columns is solved transposed: exactly when it has more rows
// than columns. Both loaders orient by it, so that a matrix's type never
// changes the working problem.
func transposes(rows, cols int) bool { return rows > cols }

// loadRaw reads a matrix's backing slice: a read-only pass finds the
// largest magnitude (for a square matrix, the columns' maxima too, and
// the rows with an infinity are read again at once); only when it meets an infinity or a NaN (for a square matrix, a
// NaN or +Inf) does a second pass validate the entries and find the rows
// and columns without an allowed entry. The working matrix is then the backing slice itself when
// possible, else a copy of the kept rows and columns in the right
// orientation, scaled.
func (p *problem) loadRaw() error {
	r, c := p.r, p.c
	rows, cols := p.indices(r), p.indices(c)
	var w []float64
	var absBits uint64
	if transposes(r, c) {
		// Copy transposed while finding the largest magnitude.
		p.transposed = true
		w = p.ws.get(r * c)
		absBits = p.fillRaw(w, rows, cols, hasAVX2)
	} else if r == c {
		// The solver will start with the column reduction, whose first
		// pass this scan does too, while the rows stream by. A row that
		// holds an infinity or a NaN is read again at once, from the
		// cache, to validate it and find whether it has an allowed
		// entry, so that one pass over the matrix is enough unless an
		// entry is NaN or +Inf.
		cm, ca, allowed := p.ar.floats(c), p.ar.ints(c), p.ar.floats(r)
		for j := range cm {
			cm[j], ca[j] = negInf, -1
		}
		bad := false
		for i := 0; i < r; i++ {
			if i&63 == 0 && cancelled(p.done) {
				return errCancelled
			}
			row := p.in.rawRow(i, c)
			ab := colMaxRow(row, i, cm, ca, hasAVX2)
			allowed[i] = 0
			if ab >= infBits {
				ok, abf, b := checkRow(row, hasAVX2)
				if !ok {
					allowed[i] = negInf
				}
				ab, bad = abf, bad || b
			}
			absBits = max(absBits, ab)
		}
		if bad {
			absBits = infBits // the scan below finds the first bad entry
		} else {
			rows, cols = p.kept(allowed), p.kept(cm)
		}
		p.colMax, p.colArg = cm, ca
	} else {
		for i := 0; i < r; i++ {
			if i&63 == 0 && cancelled(p.done) {
				return errCancelled
			}
			absBits = max(absBits, absMax(p.in.rawRow(i, c), hasAVX2))
		}
	}
	if absBits >= infBits {
		st := newStats(&p.ar, r, c)
		for i := 0; i < r; i++ {
			if i&63 == 0 && cancelled(p.done) {
				return errCancelled
			}
			if err := st.scanRow(i, p.in.rawRow(i, c)); err != nil {
				return err
			}
		}
		rows, cols = p.kept(st.rowMax), p.kept(st.colMax)
		absBits = st.absBits
	}
	p.exp = scaleExp(math.Float64frombits(absBits), r, c)
	transposed := transposes(len(rows), len(cols))
	if !transposed && p.exp == 0 && len(rows) == r && len(cols) == c {
		p.transposed = false
		p.setIndices(rows, cols)
		p.w, p.stride = p.in.raw, p.in.stride
		return nil
	}
	p.colMax, p.colArg = nil, nil // they are not the working matrix's
	switch {
	case w == nil:
		p.transposed = transposed
		w = p.ws.get(len(rows) * len(cols))
		p.fillRaw(w, rows, cols, hasAVX2)
	case transposed && (len(rows) != r || len(cols) != c):
		w = compact(w, true, r, c, rows, cols)
	case !transposed:
		p.transposed = false
		w = w[:len(rows)*len(cols)]
		p.fillRaw(w, rows, cols, hasAVX2)
	}
	p.setIndices(rows, cols)
	p.w, p.stride, p.owned = scale(w, p.exp), len(p.wcols), true
	return nil
}

// loadAt reads any other mat.Matrix once, entry by entry in row-major
// order, into a working copy oriented by the matrix's shape, then drops
// the rows and columns without an allowed entry in place. When dropping
// changes which orientation [transposes] chooses, the copy is transposed
// in place, so that the working problem is the one loadRaw builds from
// the same values.
func (p *problem) loadAt() error {
	r, c := p.r, p.c
	p.transposed = transposes(r, c)
	cost := p.ws.get(r * c)
	st := newStats(&p.ar, r, c)
	for i := 0; i < r; i++ {
		if i&63 == 0 && cancelled(p.done) {
			return errCancelled
		}
		for j := 0; j < c; j++ {
			x := p.in.m.At(i, j)
			if !valid(x) {
				return &ScoreError{Row: i, Col: j, Value: x}
			}
			st.rowMax[i] = math.Max(st.rowMax[i], x)
			st.colMax[j] = math.Max(st.colMax[j], x)
			st.absBits = max(st.absBits, finiteAbsBits(x))
			if p.transposed {
				cost[j*r+i] = x
			} else {
				cost[i*c+j] = x
			}
		}
	}
	rows, cols := p.kept(st.rowMax), p.kept(st.colMax)
	if len(rows) != r || len(cols) != c {
		cost = compact(cost, p.transposed, r, c, rows, cols)
	}
	if want := transposes(len(rows), len(cols)); want != p.transposed {
		if p.transposed {
			transposeInPlace(cost, len(cols), len(rows))
		} else {
			transposeInPlace(cost, len(rows), len(cols))
		}
		p.transposed = want
	}
	p.setIndices(rows, cols)
	p.exp = scaleExp(math.Float64frombits(st.absBits), r, c)
	p.w, p.stride, p.owned = scale(cost, p.exp), len(p.wcols), true
	return nil
}

// infBits is the bit pattern of +Inf; a magnitude's bits are below it
// exactly when the value is finite.
const infBits = 0x7FF0000000000000

// indices returns 0, 1, …, n-1.
func (p *problem) indices(n int) []int {
	idx := p.ar.ints(n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// setIndices records the working rows and columns from the caller's kept
// rows and columns.
func (p *problem) setIndices(rows, cols []int) {
	p.wrows, p.wcols = rows, cols
	if p.transposed {
		p.wrows, p.wcols = cols, rows
	}
}

// kept returns the indices whose largest entry is not -Inf.
func (p *problem) kept(maxima []float64) []int {
	n := 0
	for _, x := range maxima {
		if x > math.Inf(-1) {
			n++
		}
	}
	idx := p.ar.ints(n)[:0]
	for i, x := range maxima {
		if x > math.Inf(-1) {
			idx = append(idx, i)
		}
	}
	return idx
}

// compact drops rows and columns from a working copy in place. The copy
// holds the caller's r×c matrix, transposed or not; rows and cols are the
// caller's rows and columns to keep. Destination indices never exceed
// source indices and both increase, so nothing unread is overwritten.
func compact(cost []float64, transposed bool, r, c int, rows, cols []int) []float64 {
	nc := c
	if transposed {
		rows, cols = cols, rows
		nc = r
	}
	kc := len(cols)
	for a, i := range rows {
		src := cost[i*nc : i*nc+nc]
		dst := cost[a*kc : a*kc+kc]
		for b, j := range cols {
			dst[b] = src[j]
		}
	}
	return cost[:len(rows)*kc]
}

// scale multiplies the working copy by 2^-exp when exp is not 0.
func scale(cost []float64, exp int) []float64 {
	if exp != 0 {
		f := math.Ldexp(1, -exp)
		for k := range cost {
			cost[k] *= f
		}
	}
	return cost
}
