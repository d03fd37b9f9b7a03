package scoring_test

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/scoring"
)

func TestPoolPairEqualsScorerPair(t *testing.T) {
	sizes := []struct{ mentees, mentors int }{{1, 1}, {7, 13}, {40, 30}}
	for k, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.mentees, sz.mentors), func(t *testing.T) {
			mentees, mentors := synth.Generate(synth.Config{Seed: uint64(300 + k), Mentees: sz.mentees, Mentors: sz.mentors, IneligibleShare: 0.1})
			s := scoring.Default()
			pool, err := s.Compile(context.Background(), mentees, mentors)
			require.NoError(t, err)
			n, m := pool.Size()
			require.Equal(t, [2]int{len(mentees), len(mentors)}, [2]int{n, m})
			matrix, err := pool.Matrix(context.Background())
			require.NoError(t, err)
			for i := range mentees {
				for j := range mentors {
					want := s.Pair(&mentees[i], &mentors[j])
					got := pool.Pair(i, j)
					require.Equal(t, math.Float64bits(want.Score), math.Float64bits(got.Score), "score (%d, %d)", i, j)
					require.Equal(t, math.Float64bits(want.Score), math.Float64bits(matrix.At(i, j)), "matrix (%d, %d)", i, j)
					assert.Equal(t, want.Blocked, got.Blocked, "reasons (%d, %d)", i, j)
					assert.Equal(t, want.Blocked, pool.Blocked(i, j), "Blocked (%d, %d)", i, j)
					assert.Equal(t, want.Parts, got.Parts, "parts (%d, %d)", i, j)
				}
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 1, Mentees: 2, Mentors: 2})
	bad := scoring.Default()
	bad.Weights.Sector = -1
	_, err := bad.Compile(context.Background(), mentees, mentors)
	assert.ErrorIs(t, err, scoring.ErrWeights)
	_, err = scoring.Default().Compile(context.Background(), nil, mentors)
	assert.ErrorIs(t, err, scoring.ErrEmptyPool)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = scoring.Default().Compile(ctx, mentees, mentors)
	assert.ErrorIs(t, err, context.Canceled)
}
