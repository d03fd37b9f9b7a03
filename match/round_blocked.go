package match

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// blockedJob is one person left without any allowed pair: its pool row
// (a mentee) or column (a mentor), and the map that counts the hard rules
// blocking each of its pairs.
type blockedJob struct {
	x      int
	counts map[string]int
}

// countBlocked counts, for each job, the rules blocking each of the n
// pairs of its person into its map: count(x, y, counts) adds those of the
// pair of person x with partner y. In a large round the people without
// any allowed pair can be thousands, each with tens of thousands of
// partners (a 50 000 × 40 000 round spent a tenth of its time here), so
// the jobs are shared among runtime.GOMAXPROCS(0) goroutines, all ended
// when countBlocked returns. Each map is filled by one goroutine, with
// counts that do not depend on the order of the pairs: the result is the
// same whatever the scheduling. count must be safe for concurrent use
// ([scoring.Pool.CountBlocked] is).
//
// Cost: O(len(jobs) · n) calls of count.
func countBlocked(jobs []blockedJob, n int, count func(x, y int, counts map[string]int)) {
	work := func(j blockedJob) {
		for y := 0; y < n; y++ {
			count(j.x, y, j.counts)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	if workers <= 1 {
		for _, j := range jobs {
			work(j)
		}
		return
	}
	var next atomic.Int64 // the first job not yet taken
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for {
				t := int(next.Add(1)) - 1
				if t >= len(jobs) {
					return
				}
				work(jobs[t])
			}
		}()
	}
	wg.Wait()
}
