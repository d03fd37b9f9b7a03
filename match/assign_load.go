package match

import (
	"context"
	"math"
	"sync"

	"gonum.org/v1/gonum/mat"
)

// problem is the working form of the input: the rows and columns of the
// caller's matrix that have an allowed entry, oriented when possible so
// that working rows <= working columns, and scaled by 2^-exp. Row a of the
// working matrix is w[a*stride : a*stride+len(wcols)]. When no row or
// column is dropped, no transposition and no scaling is needed and the
// input is a *mat.Dense, w is the caller's backing slice itself (read
// only): no copy is made.
type problem struct {
	scores     mat.Matrix
	raw        []float64 // the backing data when scores is a *mat.Dense
	rawStride  int
	r, c       int   // the caller's dimensions
	transposed bool  // working rows are the caller's columns
	wrows      []int // working row -> caller's row (column if transposed)
	wcols      []int // working column -> caller's column (row if transposed)
	w          []float64
	stride     int
	owned      bool // w is a working copy, which the solver may overwrite
	exp        int
	done       <-chan struct{}
}

// cancelled reports whether the context is done, without blocking.
func (p *problem) cancelled() bool {
	if p.done == nil {
		return false
	}
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// at returns the caller's entry (i, j).
func (p *problem) at(i, j int) float64 {
	if p.raw != nil {
		return p.raw[i*p.rawStride+j]
	}
	return p.scores.At(i, j)
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

func newStats(r, c int) *stats {
	st := &stats{rowMax: make([]float64, r), colMax: make([]float64, c)}
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

// load validates scores and builds the working problem.
func load(ctx context.Context, scores mat.Matrix, r, c int) (*problem, error) {
	p := &problem{scores: scores, r: r, c: c, done: ctx.Done()}
	if r == 0 || c == 0 {
		return p, nil
	}
	if d, ok := scores.(*mat.Dense); ok {
		raw := d.RawMatrix()
		if raw.Rows == r && raw.Cols == c && raw.Stride >= c && len(raw.Data) >= (r-1)*raw.Stride+c {
			p.raw, p.rawStride = raw.Data, raw.Stride
			return p, p.loadRaw()
		}
	}
	return p, p.loadAt()
}

// loadRaw reads a *mat.Dense's backing slice: a read-only pass finds the
// largest magnitude; only when it meets an infinity or a NaN does a second
// pass validate the entries and find the rows and columns without an
// allowed entry. The working matrix is then the backing slice itself when
// possible, else a copy of the kept rows and columns in the right
// orientation, scaled.
func (p *problem) loadRaw() error {
	r, c, stride := p.r, p.c, p.rawStride
	rows, cols := indices(r), indices(c)
	var w []float64
	var absBits uint64
	if r > c {
		// Transposed: copy while finding the largest magnitude.
		p.transposed = true
		w = getBuf(r * c)
		absBits = p.fillRaw(w, rows, cols)
	} else {
		for i := 0; i < r; i++ {
			if i&63 == 0 && p.cancelled() {
				return errCancelled
			}
			ab := absBits
			for _, x := range p.raw[i*stride : i*stride+c] {
				ab = max(ab, math.Float64bits(x)&^(1<<63))
			}
			absBits = ab
		}
	}
	if absBits >= infBits {
		st := newStats(r, c)
		for i := 0; i < r; i++ {
			if err := st.scanRow(i, p.raw[i*stride:i*stride+c]); err != nil {
				return err
			}
		}
		rows, cols = kept(st.rowMax), kept(st.colMax)
		absBits = st.absBits
	}
	p.exp = scaleExp(math.Float64frombits(absBits), r, c)
	transposed := len(rows) > len(cols)
	if !transposed && p.exp == 0 && len(rows) == r && len(cols) == c {
		p.transposed = false
		p.setIndices(rows, cols)
		p.w, p.stride = p.raw, stride
		return nil
	}
	switch {
	case w == nil:
		p.transposed = transposed
		w = getBuf(len(rows) * len(cols))
		p.fillRaw(w, rows, cols)
	case transposed && (len(rows) != r || len(cols) != c):
		w = compact(w, true, r, c, rows, cols)
	case !transposed:
		p.transposed = false
		w = w[:len(rows)*len(cols)]
		p.fillRaw(w, rows, cols)
	}
	p.setIndices(rows, cols)
	p.w, p.stride, p.owned = scale(w, p.exp), len(p.wcols), true
	return nil
}

// bufPool recycles working copies between calls of Assign: a fresh copy
// of a large matrix costs as much in page faults as a fast solve. A pooled
// buffer is dropped by the garbage collector when unused (see sync.Pool).
var bufPool sync.Pool // of *[]float64

// getBuf returns a slice of n float64s with arbitrary contents.
func getBuf(n int) []float64 {
	if b, ok := bufPool.Get().(*[]float64); ok && cap(*b) >= n {
		return (*b)[:n]
	}
	return make([]float64, n)
}

// putBuf gives a buffer from getBuf back for reuse.
func putBuf(b []float64) {
	if cap(b) > 0 {
		bufPool.Put(&b)
	}
}

// infBits is the bit pattern of +Inf; a magnitude's bits are below it
// exactly when the value is finite.
const infBits = 0x7FF0000000000000

func indices(n int) []int {
	idx := make([]int, n)
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
func kept(maxima []float64) []int {
	n := 0
	for _, x := range maxima {
		if x > math.Inf(-1) {
			n++
		}
	}
	idx := make([]int, 0, n)
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

// fillRaw copies scores[rows×cols] into w, transposed if p.transposed,
// and returns the largest bit pattern of the magnitudes copied: it is
// below infBits exactly when every entry is finite.
func (p *problem) fillRaw(w []float64, rows, cols []int) uint64 {
	data, stride, c := p.raw, p.rawStride, p.c
	nr, nc := len(rows), len(cols)
	identity := nc == c
	var ab uint64
	if !p.transposed {
		for a, i := range rows {
			src := data[i*stride : i*stride+c]
			dst := w[a*nc : a*nc+nc]
			for b, j := range cols {
				x := src[j]
				dst[b] = x
				ab = max(ab, math.Float64bits(x)&^(1<<63))
			}
		}
		return ab
	}
	// Transposed: working row b is the caller's column cols[b]. Copy in
	// blocks so that the reads and the writes both stay in cache.
	const blk = 64
	for a0 := 0; a0 < nr; a0 += blk {
		a1 := min(a0+blk, nr)
		for b0 := 0; b0 < nc; b0 += blk {
			b1 := min(b0+blk, nc)
			for a := a0; a < a1; a++ {
				src := data[rows[a]*stride : rows[a]*stride+c]
				if identity {
					for k, x := range src[b0:b1] {
						w[(b0+k)*nr+a] = x
						ab = max(ab, math.Float64bits(x)&^(1<<63))
					}
				} else {
					for b := b0; b < b1; b++ {
						x := src[cols[b]]
						w[b*nr+a] = x
						ab = max(ab, math.Float64bits(x)&^(1<<63))
					}
				}
			}
		}
	}
	return ab
}

// scanRow validates the caller's row i and gathers its stats.
func (st *stats) scanRow(i int, src []float64) error {
	cm := st.colMax[:len(src)]
	rm := math.Inf(-1)
	ab := st.absBits
	for j, x := range src {
		if !valid(x) {
			return &ScoreError{Row: i, Col: j, Value: x}
		}
		if x > rm {
			rm = x
		}
		if x > cm[j] {
			cm[j] = x
		}
		if b := finiteAbsBits(x); b > ab {
			ab = b
		}
	}
	st.absBits = ab
	st.rowMax[i] = rm
	return nil
}

// loadAt reads any other mat.Matrix once, entry by entry in row-major
// order, into the working copy oriented by the matrix's shape, then drops
// the rows and columns without an allowed entry in place. When dropping
// leaves more working rows than columns the orientation is kept (the
// entries cannot be read again): the solver's rebalancing step (see
// solveWorking) solves that shape exactly, only more slowly.
func (p *problem) loadAt() error {
	r, c := p.r, p.c
	p.transposed = r > c
	cost := getBuf(r * c)
	st := newStats(r, c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			x := p.scores.At(i, j)
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
	rows, cols := kept(st.rowMax), kept(st.colMax)
	p.setIndices(rows, cols)
	if len(rows) != r || len(cols) != c {
		cost = compact(cost, p.transposed, r, c, rows, cols)
	}
	p.exp = scaleExp(math.Float64frombits(st.absBits), r, c)
	p.w, p.stride, p.owned = scale(cost, p.exp), len(p.wcols), true
	return nil
}
