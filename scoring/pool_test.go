package scoring_test

import (
	"golang.org/x/text/language"

	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/profile"
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
	bad.Weights.Sector = -2
	_, err := bad.Compile(context.Background(), mentees, mentors)
	assert.ErrorIs(t, err, scoring.ErrWeights)
	_, err = scoring.Default().Compile(context.Background(), nil, mentors)
	assert.ErrorIs(t, err, scoring.ErrEmptyPool)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = scoring.Default().Compile(ctx, mentees, mentors)
	assert.ErrorIs(t, err, context.Canceled)
}

// TestScoreIsSumOfParts checks, over seeded random pools and random
// weights, that every score of Pool.Pair and of the matrix is exactly the
// sum of the contributions in criterion order, at most 1, and that the
// parts of blocked pairs also sum to at most 1 (checkResult).
func TestScoreIsSumOfParts(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	for k := 0; k < 12; k++ {
		t.Run(fmt.Sprintf("pool %d", k), func(t *testing.T) {
			mentees, mentors := synth.Generate(synth.Config{Seed: uint64(500 + k), Mentees: 15 + r.IntN(20), Mentors: 15 + r.IntN(20), IneligibleShare: 0.1})
			s := scoring.Scorer{Weights: randomWeights(r)}
			if k%3 == 1 {
				s.Rules.MaxDistanceKm = -1
			}
			pool, err := s.Compile(context.Background(), mentees, mentors)
			require.NoError(t, err)
			m, err := pool.Matrix(context.Background())
			require.NoError(t, err)
			allowed := 0
			for i := range mentees {
				for j := range mentors {
					res := pool.Pair(i, j)
					checkResult(t, res)
					require.Equal(t, math.Float64bits(res.Score), math.Float64bits(m.At(i, j)), "cell (%d, %d)", i, j)
					if len(res.Blocked) == 0 {
						allowed++
					}
				}
			}
			assert.Greater(t, allowed, 0, "some pairs are allowed")
		})
	}
}

func TestPoolExclude(t *testing.T) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 41, Mentees: 12, Mentors: 10})
	s := scoring.Default()
	plain, err := s.Compile(context.Background(), mentees, mentors)
	require.NoError(t, err)
	before, err := plain.Matrix(context.Background())
	require.NoError(t, err)

	// An allowed pair and a blocked one, each excluded; one twice.
	var allowed, blocked [2]int
	foundA, foundB := false, false
	for i := range mentees {
		for j := range mentors {
			if plain.Blocked(i, j) == nil && !foundA {
				allowed, foundA = [2]int{i, j}, true
			}
			if plain.Blocked(i, j) != nil && !foundB {
				blocked, foundB = [2]int{i, j}, true
			}
		}
	}
	require.True(t, foundA && foundB)
	pool, err := s.Compile(context.Background(), mentees, mentors)
	require.NoError(t, err)
	pool.Exclude(allowed[0], allowed[1])
	pool.Exclude(blocked[0], blocked[1])
	pool.Exclude(blocked[0], blocked[1])
	after, err := pool.Matrix(context.Background())
	require.NoError(t, err)

	for i := range mentees {
		for j := range mentors {
			cell := [2]int{i, j}
			got, want := pool.Pair(i, j), plain.Pair(i, j)
			checkResult(t, got)
			require.Equal(t, math.Float64bits(got.Score), math.Float64bits(after.At(i, j)), "cell (%d, %d)", i, j)
			assert.Equal(t, want.Parts, got.Parts, "parts of (%d, %d) do not change", i, j)
			if cell != allowed && cell != blocked {
				assert.Equal(t, math.Float64bits(before.At(i, j)), math.Float64bits(after.At(i, j)), "cell (%d, %d)", i, j)
				assert.Equal(t, want.Blocked, got.Blocked)
				continue
			}
			assert.True(t, math.IsInf(after.At(i, j), -1))
			wantCodes := append(codes(want), scoring.CodeExcluded)
			assert.Equal(t, wantCodes, codes(got), "excluded comes last, once")
			assert.Equal(t, got.Blocked, pool.Blocked(i, j))
		}
	}
	assert.Equal(t, []scoring.Reason{{Code: scoring.CodeExcluded}},
		pool.Blocked(allowed[0], allowed[1]))
	assert.Equal(t, "the pair is on the excluded list", pool.Blocked(allowed[0], allowed[1])[0].Text(language.English))
	assert.False(t, math.IsInf(before.At(allowed[0], allowed[1]), -1), "a matrix taken before does not change")

	for _, bad := range [][2]int{{-1, 0}, {12, 0}, {0, 10}, {0, -1}} {
		assert.Panics(t, func() { pool.Exclude(bad[0], bad[1]) }, "Exclude(%d, %d)", bad[0], bad[1])
	}
}

// TestPoolCountBlocked checks that CountBlocked counts exactly the codes
// Blocked lists, excluded pairs included, and allocates nothing once the
// map holds the codes.
func TestPoolCountBlocked(t *testing.T) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 77, Mentees: 30, Mentors: 25, IneligibleShare: 0.1})
	pool, err := scoring.Default().Compile(context.Background(), mentees, mentors)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(77, 1))
	for range 40 {
		pool.Exclude(rng.IntN(len(mentees)), rng.IntN(len(mentors)))
	}
	want, got := map[string]int{}, map[string]int{}
	blockedPairs := 0
	for i := range mentees {
		for j := range mentors {
			rs := pool.Blocked(i, j)
			if len(rs) > 0 {
				blockedPairs++
			}
			for _, r := range rs {
				want[r.Code]++
			}
			pool.CountBlocked(i, j, got)
		}
	}
	require.Positive(t, blockedPairs)
	assert.Equal(t, want, got)
	assert.Contains(t, got, scoring.CodeExcluded)
	allocs := testing.AllocsPerRun(10, func() { pool.CountBlocked(0, 0, got) })
	assert.Zero(t, allocs)
}

// TestCompileValidated checks that skipping the checks changes no score,
// and that invalid profiles then neither fail nor panic.
func TestCompileValidated(t *testing.T) {
	ctx := context.Background()
	mentees, mentors := synth.Generate(synth.Config{Seed: 91, Mentees: 25, Mentors: 20})
	s := scoring.Default()
	checked, err := s.Compile(ctx, mentees, mentors)
	require.NoError(t, err)
	trusted, err := s.CompileValidated(ctx, mentees, mentors)
	require.NoError(t, err)
	a, err := checked.Matrix(ctx)
	require.NoError(t, err)
	b, err := trusted.Matrix(ctx)
	require.NoError(t, err)
	assert.Equal(t, a.RawMatrix().Data, b.RawMatrix().Data)

	mentees[0].BirthDate = profile.Date{}
	mentees[1].Languages = append(mentees[1].Languages, profile.Language{Tag: "??", Level: "B9"})
	mentors[0].Home = profile.Place{City: "Atlantis"}
	_, err = s.Compile(ctx, mentees, mentors)
	assert.ErrorIs(t, err, scoring.ErrInvalidProfile)
	pool, err := s.CompileValidated(ctx, mentees, mentors)
	require.NoError(t, err)
	m, err := pool.Matrix(ctx)
	require.NoError(t, err)
	for i := range mentees {
		assert.True(t, math.IsInf(m.At(i, 0), -1), "a home that does not resolve blocks mentee %d", i)
	}
}
