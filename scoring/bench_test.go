package scoring_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/scoring"
)

func BenchmarkMatrix(b *testing.B) {
	for _, n := range []int{500, 2000} {
		b.Run(fmt.Sprintf("%dx%d", n, n), func(b *testing.B) {
			mentees, mentors := synth.Generate(synth.Config{Seed: 1, Mentees: n, Mentors: n, IneligibleShare: 0.1})
			s := scoring.Default()
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := s.Matrix(ctx, mentees, mentors); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*n)*float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
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
