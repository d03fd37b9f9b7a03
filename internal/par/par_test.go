package par

import (
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDo: every piece is done exactly once, whatever the number of
// goroutines and pieces; each goroutine keeps its own scratch.
func TestDo(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 3, 100, 1000} {
			done := make([]atomic.Int32, n)
			var scratches atomic.Int32
			Do(n, func(k int, s *[]int) bool {
				if *s == nil {
					*s = make([]int, 0, 1)
					scratches.Add(1)
				}
				done[k].Add(1)
				return true
			})
			for k := range done {
				assert.Equal(t, int32(1), done[k].Load(), "procs %d, n %d, piece %d", procs, n, k)
			}
			assert.LessOrEqual(t, int(scratches.Load()), min(procs, n), "one scratch per goroutine at most")
		}
	}
}

// TestDoStops: once work returns false no further piece is given out.
// On one goroutine that is exact; on several, the pieces other goroutines
// took before the stop still finish (how many depends on scheduling, so
// only the piece that stopped is checked).
func TestDoStops(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		var calls atomic.Int32
		var stopped atomic.Bool
		Do(1000, func(k int, _ *struct{}) bool {
			calls.Add(1)
			if k == 10 {
				stopped.Store(true)
			}
			return k != 10
		})
		assert.True(t, stopped.Load(), "procs %d", procs)
		if procs == 1 {
			assert.Equal(t, int32(11), calls.Load(), "pieces 0 to 10, then none")
		}
	}
}
