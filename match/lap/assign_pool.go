package lap

import (
	"math/bits"
	"sync"
)

// Working copies are recycled between calls of Assign, because a fresh
// copy of a large matrix costs as much in page faults as a fast solve.
// They are pooled by size class so that a solve never holds a buffer much
// larger than it needs: class k holds buffers of capacity in [2^k,
// 2^(k+1)), and getBuf(n) accepts only a capacity in [n, 2n]. A pooled
// buffer is dropped by the garbage collector when unused (see sync.Pool).
var bufPools [bits.UintSize]sync.Pool // of *[]float64

// getBuf returns a slice of n float64s with arbitrary contents, of
// capacity at most 2n.
func getBuf(n int) []float64 {
	if n <= 0 {
		return nil
	}
	k := bits.Len(uint(n)) - 1 // 2^k <= n < 2^(k+1)
	for _, class := range []int{k, k + 1} {
		if class >= len(bufPools) {
			break
		}
		if b, ok := bufPools[class].Get().(*[]float64); ok {
			if c := cap(*b); c >= n && c <= 2*n {
				return (*b)[:n]
			}
			bufPools[class].Put(b)
		}
	}
	return make([]float64, n)
}

// putBuf gives a buffer from getBuf back for reuse. A nil or empty buffer
// is ignored.
func putBuf(b []float64) {
	if c := cap(b); c > 0 {
		bp := new([]float64) // allocated only here, not for a nil b
		*bp = b
		bufPools[bits.Len(uint(c))-1].Put(bp)
	}
}
