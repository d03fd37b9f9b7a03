package match

import "github.com/duomatch/duo/internal/par"

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
// the jobs are shared among goroutines (par.Do), all ended when
// countBlocked returns. Each map is filled by one goroutine, with
// counts that do not depend on the order of the pairs: the result is the
// same whatever the scheduling. count must be safe for concurrent use
// ([scoring.Pool.CountBlocked] is).
//
// Cost: O(len(jobs) · n) calls of count.
func countBlocked(jobs []blockedJob, n int, count func(x, y int, counts map[string]int)) {
	par.Do(len(jobs), func(t int, _ *struct{}) bool {
		for y := 0; y < n; y++ {
			count(jobs[t].x, y, jobs[t].counts)
		}
		return true
	})
}
