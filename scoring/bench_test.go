package scoring_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/scoring"
)

// benchSizes are the pools of BenchmarkMatrix and BenchmarkCandidates:
// synth's pools in its sample of cities, and ("/spread") its spread-out
// pools, whose homes lie all over Belgium, so that the 25 km rule leaves a
// few % of the pairs.
var benchSizes = []struct {
	mentees, mentors int
	spread           bool
}{{500, 500, false}, {2000, 2000, false}, {2000, 2000, true}, {14000, 11200, true}}

// benchName names a pool of benchSizes.
func benchName(mentees, mentors int, spread bool) string {
	if spread {
		return fmt.Sprintf("%dx%d/spread", mentees, mentors)
	}
	return fmt.Sprintf("%dx%d", mentees, mentors)
}

func BenchmarkMatrix(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(benchName(sz.mentees, sz.mentors, sz.spread), func(b *testing.B) {
			mentees, mentors := synth.Generate(synth.Config{Seed: 1, Mentees: sz.mentees, Mentors: sz.mentors, IneligibleShare: 0.1, Spread: sz.spread})
			s := scoring.Default()
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := s.Matrix(ctx, mentees, mentors); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(sz.mentees*sz.mentors)*float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
		})
	}
}

// BenchmarkCandidates compiles the pool and lists its allowed pairs, as
// BenchmarkMatrix compiles it and fills every cell; it reports the share
// of pairs allowed.
func BenchmarkCandidates(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(benchName(sz.mentees, sz.mentors, sz.spread), func(b *testing.B) {
			mentees, mentors := synth.Generate(synth.Config{Seed: 1, Mentees: sz.mentees, Mentors: sz.mentors, IneligibleShare: 0.1, Spread: sz.spread})
			s := scoring.Default()
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			allowed := 0
			for b.Loop() {
				p, err := s.Compile(ctx, mentees, mentors)
				if err != nil {
					b.Fatal(err)
				}
				c, err := p.Candidates(ctx, 0)
				if err != nil {
					b.Fatal(err)
				}
				allowed = c.Len()
			}
			b.ReportMetric(float64(sz.mentees*sz.mentors)*float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
			b.ReportMetric(100*float64(allowed)/float64(sz.mentees*sz.mentors), "%allowed")
		})
	}
}

func BenchmarkPair(b *testing.B) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 1, Mentees: 64, Mentors: 64})
	s := scoring.Default()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		s.Pair(&mentees[i%64], &mentors[(i/64)%64])
		i++
	}
}
