package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls work(k, s) for every k in [0, n), on runtime.GOMAXPROCS(0)
// goroutines (no more than n) that take the pieces in turn, each with its
// own S, a zero value at first, that it keeps from piece to piece
// (scratch memory). It stops giving out pieces once work returns false
// (a cancelled context, say); the pieces already taken still finish. All
// goroutines have ended when Do returns.
func Do[S any](n int, work func(k int, s *S) bool) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64 // the first piece not yet taken
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Add(max(workers, 0))
	for range workers {
		go func() {
			defer wg.Done()
			var s S
			for !stop.Load() {
				k := int(next.Add(1)) - 1
				if k >= n {
					return
				}
				if !work(k, &s) {
					stop.Store(true)
					return
				}
			}
		}()
	}
	wg.Wait()
}
