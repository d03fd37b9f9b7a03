package lap_test

import (
	"context"
	"fmt"
	"syscall"
	"testing"

	"github.com/duomatch/duo/internal/geo"
	"github.com/duomatch/duo/match/lap"
)

// BenchmarkAssignSparse solves round-like problems over Belgium-like
// geography (package internal/geo): mentees × mentors at 1 000 × 800 up
// to 50 000 × 40 000, with about 2 % (two shared weekly slots) and 7 % (a
// 33 km radius) of the pairs allowed. Run the large ones alone, e.g.
// -bench 'AssignSparse/n=14000'.
func BenchmarkAssignSparse(b *testing.B) {
	for _, n := range []int{1000, 2000, 5000, 10000, 14000, 50000} {
		for _, d := range []struct {
			name string
			cfg  geo.Config
		}{{"2%", geo.Config{MinShared: 2}}, {"7%", geo.Config{RadiusKm: 33}}} {
			b.Run(fmt.Sprintf("n=%d/d=%s", n, d.name), func(b *testing.B) {
				cfg := d.cfg
				cfg.Mentees, cfg.Mentors, cfg.Seed = n, n*4/5, 1
				g := geo.Round(cfg)
				b.ReportAllocs()
				b.ResetTimer()
				cpu0 := cpuTime()
				for range b.N {
					if _, err := lap.AssignSparse(context.Background(), g); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}

// cpuTime returns the process's user and system CPU time in nanoseconds:
// on a machine shared with other work it varies less than wall-clock time.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
