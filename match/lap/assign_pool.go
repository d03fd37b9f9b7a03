package lap

import (
	"math/bits"
	"sync"
)

// Working copies, and the scratch of each solve (see arena), are recycled
// between calls of Assign, because fresh memory can cost as much in page
// faults as a fast solve: on the virtual machine duo is developed on, the
// first touch of a fresh 4 KiB page takes about 12 µs, so a megabyte
// costs 3 ms and the 100 KB of scratch a 500×500 solve used to allocate
// 0.3 ms. They are pooled by size class so that a solve never holds a
// buffer much larger than it needs: class k holds buffers of capacity in
// [2^k, 2^(k+1)), and get(n) accepts only a capacity in [n, 2n]. A pooled
// buffer is dropped by the garbage collector when unused (see sync.Pool).
type pool[T any] [bits.UintSize]sync.Pool // of *[]T

var (
	floatPool pool[float64]
	intPool   pool[int]
)

// get returns a slice of n values with arbitrary contents, of capacity at
// most 2n.
func (p *pool[T]) get(n int) []T {
	if n <= 0 {
		return nil
	}
	k := bits.Len(uint(n)) - 1 // 2^k <= n < 2^(k+1)
	for _, class := range []int{k, k + 1} {
		if class >= len(p) {
			break
		}
		if b, ok := p[class].Get().(*[]T); ok {
			if c := cap(*b); c >= n && c <= 2*n {
				return (*b)[:n]
			}
			p[class].Put(b)
		}
	}
	return make([]T, n)
}

// put gives a slice from get back for reuse. A nil or empty slice is
// ignored.
func (p *pool[T]) put(b []T) {
	if c := cap(b); c > 0 {
		bp := new([]T) // allocated only here, not for a nil b
		*bp = b
		p[bits.Len(uint(c))-1].Put(bp)
	}
}

// getBuf returns a slice of n float64s with arbitrary contents, of
// capacity at most 2n.
func getBuf(n int) []float64 { return floatPool.get(n) }

// putBuf gives a buffer from getBuf back for reuse.
func putBuf(b []float64) { floatPool.put(b) }
