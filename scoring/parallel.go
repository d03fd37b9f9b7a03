package scoring

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// scratch is what one goroutine of inBlocks keeps from block to block.
type scratch struct {
	e      eval
	buf    []int32 // candIndex.visit's
	cols   []int32 // a block of candidates before it is copied
	scores []float64
}

// inBlocks calls work(k, s) for every block k in [0, blocks), on
// runtime.GOMAXPROCS(0) goroutines (no more than there are blocks) that
// take blocks in turn, each with its own scratch. It stops giving out
// blocks when work returns false, and all goroutines have ended when it
// returns. Which goroutine fills a block never changes what it holds.
func inBlocks(blocks int, work func(k int, s *scratch) bool) {
	workers := min(runtime.GOMAXPROCS(0), blocks)
	var next atomic.Int64 // the first block not yet taken
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			var s scratch
			for !stop.Load() {
				k := int(next.Add(1)) - 1
				if k >= blocks {
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

// live reports whether ctx is not done: work's check before each row.
func live(ctx context.Context) bool { return ctx.Err() == nil }
