package scoring_test

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// requireSameBits checks that two matrices hold the same float64 bits.
func requireSameBits(t *testing.T, want, got *mat.Dense) {
	t.Helper()
	r, c := want.Dims()
	gr, gc := got.Dims()
	require.Equal(t, [2]int{r, c}, [2]int{gr, gc})
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			require.Equal(t, math.Float64bits(want.At(i, j)), math.Float64bits(got.At(i, j)), "cell (%d, %d)", i, j)
		}
	}
}

func TestMatrixEqualsPair(t *testing.T) {
	sizes := []struct{ mentees, mentors int }{{1, 1}, {1, 9}, {9, 1}, {7, 13}, {60, 45}, {100, 80}}
	for k, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.mentees, sz.mentors), func(t *testing.T) {
			mentees, mentors := synth.Generate(synth.Config{Seed: uint64(100 + k), Mentees: sz.mentees, Mentors: sz.mentors, IneligibleShare: 0.1})
			for _, s := range []scoring.Scorer{
				{}, // the zero Scorer: Default
				func() scoring.Scorer {
					s := scoring.Default()
					s.Rules = scoring.Rules{MinSharedLevel: profile.B2, SameCity: true, DistanceScaleKm: 40, FullExperienceYears: 15}
					s.Weights.Personality = 0.5
					return s
				}(),
				{Rules: scoring.Rules{MaxDistanceKm: -1}}, // distance off: city-only people are not blocked
				{Weights: scoring.Weights{Interests: 1, Distance: 3}},
			} {
				m, err := s.Matrix(context.Background(), mentees, mentors)
				require.NoError(t, err)
				r, c := m.Dims()
				require.Equal(t, sz.mentees, r)
				require.Equal(t, sz.mentors, c)
				for i := range mentees {
					for j := range mentors {
						res := s.Pair(&mentees[i], &mentors[j])
						require.Equal(t, math.Float64bits(res.Score), math.Float64bits(m.At(i, j)), "cell (%d, %d)", i, j)
					}
				}
			}
		})
	}
}

func TestMatrixDeterministicAcrossCores(t *testing.T) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 77, Mentees: 203, Mentors: 151, IneligibleShare: 0.1})
	s := scoring.Default()
	saved := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(saved)
	one, err := s.Matrix(context.Background(), mentees, mentors)
	require.NoError(t, err)
	for _, procs := range []int{2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		got, err := s.Matrix(context.Background(), mentees, mentors)
		require.NoError(t, err)
		requireSameBits(t, one, got)
	}
}

func TestMatrixErrors(t *testing.T) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 1, Mentees: 3, Mentors: 3})
	bad := mentees[1]
	bad.Languages = append(bad.Languages, profile.Language{Tag: "fr", Level: "B9"})
	badMentor := mentors[2]
	badMentor.WeeklyHours = -1
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name     string
		s        scoring.Scorer
		ctx      context.Context
		mentees  []profile.Mentee
		mentors  []profile.Mentor
		is       []error
		contains []string
	}{
		{"no mentees", scoring.Default(), context.Background(), nil, mentors, []error{scoring.ErrEmptyPool}, []string{"no mentees"}},
		{"no mentors", scoring.Default(), context.Background(), mentees, []profile.Mentor{}, []error{scoring.ErrEmptyPool}, []string{"no mentors"}},
		{"nobody", scoring.Default(), context.Background(), nil, nil, []error{scoring.ErrEmptyPool}, nil},
		{"invalid weights", scoring.Scorer{Weights: scoring.Weights{Sector: -2}}, context.Background(), mentees, mentors, []error{scoring.ErrWeights}, []string{"weights.sector"}},
		{"invalid rules", scoring.Scorer{Weights: scoring.DefaultWeights(), Rules: scoring.Rules{MaxDistanceKm: math.NaN()}},
			context.Background(), mentees, mentors, []error{scoring.ErrRules}, []string{"rules.max_distance_km"}},
		{"invalid profiles", scoring.Default(), context.Background(),
			[]profile.Mentee{mentees[0], bad}, []profile.Mentor{mentors[0], badMentor},
			[]error{scoring.ErrInvalidProfile, profile.ErrInvalid}, []string{"me-0002", "mo-0003", "weekly_hours"}},
		{"cancelled", scoring.Default(), cancelled, mentees, mentors, []error{context.Canceled}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := tt.s.Matrix(tt.ctx, tt.mentees, tt.mentors)
			require.Error(t, err)
			assert.Nil(t, m)
			for _, target := range tt.is {
				assert.ErrorIs(t, err, target)
			}
			for _, s := range tt.contains {
				assert.Contains(t, err.Error(), s)
			}
		})
	}
}

// TestMatrixCancelledWhileFilling cancels the context from another
// goroutine while rows are being filled.
func TestMatrixCancelledWhileFilling(t *testing.T) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 1, Mentees: 1500, Mentors: 1500})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		m, err := scoring.Default().Matrix(ctx, mentees, mentors)
		if err != nil { // the fill may also finish first on a fast machine
			assert.ErrorIs(t, err, context.Canceled)
			assert.Nil(t, m)
		}
	}()
	cancel()
	<-done
}
