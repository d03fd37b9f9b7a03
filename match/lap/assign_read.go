package lap

import (
	"gonum.org/v1/gonum/mat"
)

// reader reads a matrix's entries: through its row-major backing slice
// when it has one (a *mat.Dense, including a view made by Slice, or any
// other mat.RawMatrixer whose raw matrix matches its dimensions), else
// through At. It is the only place that reads raw backing data.
type reader struct {
	m      mat.Matrix
	raw    []float64 // nil when entries are read through At
	stride int
}

// newReader returns a reader for m, whose dimensions are r×c.
func newReader(m mat.Matrix, r, c int) reader {
	rd := reader{m: m}
	if rm, ok := m.(mat.RawMatrixer); ok && r > 0 && c > 0 {
		raw := rm.RawMatrix()
		if raw.Rows == r && raw.Cols == c && raw.Stride >= c &&
			len(raw.Data) >= c && r-1 <= (len(raw.Data)-c)/raw.Stride {
			rd.raw, rd.stride = raw.Data, raw.Stride
		}
	}
	return rd
}

// at returns entry (i, j).
func (rd reader) at(i, j int) float64 {
	if rd.raw != nil {
		return rd.raw[i*rd.stride+j]
	}
	return rd.m.At(i, j)
}

// rawRow returns row i of a reader with raw data.
func (rd reader) rawRow(i, c int) []float64 {
	return rd.raw[i*rd.stride : i*rd.stride+c]
}

// cancelled reports, without blocking, whether done is closed. A nil done
// (context.Background) is never closed.
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

// transposeInPlace transposes the n×m row-major matrix a (len n·m) into
// the m×n row-major matrix, in place, by following the cycles of the
// permutation k -> k·n mod (n·m-1). Cost: O(n·m) time, n·m bits of
// scratch.
func transposeInPlace(a []float64, n, m int) {
	size := len(a)
	if n <= 1 || m <= 1 {
		return // the row-major layout is the same
	}
	last := uint64(size - 1)
	done := make([]uint64, (size+63)/64)
	for start := 1; start < size-1; start++ {
		if done[start>>6]&(1<<(start&63)) != 0 {
			continue
		}
		x := a[start]
		k := uint64(start)
		for {
			k = k * uint64(n) % last
			x, a[k] = a[k], x
			done[k>>6] |= 1 << (k & 63)
			if k == uint64(start) {
				break
			}
		}
	}
}
