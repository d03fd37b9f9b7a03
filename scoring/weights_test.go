package scoring_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/scoring"
)

func TestDefaultWeights(t *testing.T) {
	w := scoring.DefaultWeights()
	require.NoError(t, w.Validate())
	sum := w.Sector + w.Occupation + w.Experience + w.Interests + w.Language + w.Personality + w.Distance + w.Availability
	assert.InDelta(t, 1, sum, 1e-12)
	assert.Equal(t, []string{"sector", "occupation", "experience", "interests", "language", "personality", "distance", "availability"},
		scoring.Criteria())
	c := scoring.Criteria()
	c[0] = "changed"
	assert.Equal(t, "sector", scoring.Criteria()[0], "Criteria returns a new slice")
}

func TestWeightsValidate(t *testing.T) {
	tests := []struct {
		name     string
		w        scoring.Weights
		settings []string
	}{
		{"one positive", scoring.Weights{Language: 3}, nil},
		{"large but finite", scoring.Weights{Sector: 1e300, Language: 1e300}, nil},
		{"negative", scoring.Weights{Sector: -0.1, Language: 1}, []string{"weights.sector"}},
		{"NaN", scoring.Weights{Interests: math.NaN(), Language: 1}, []string{"weights.interests"}},
		{"infinite", scoring.Weights{Distance: math.Inf(1)}, []string{"weights.distance"}},
		{"every problem at once", scoring.Weights{Sector: -1, Occupation: math.NaN(), Availability: math.Inf(-1)},
			[]string{"weights.sector", "weights.occupation", "weights.availability"}},
		{"all zero: the default", scoring.Weights{}, nil},
		{"negative zero is zero: the default", scoring.Weights{Sector: math.Copysign(0, -1)}, nil},
		{"sum overflows", scoring.Weights{Sector: math.MaxFloat64, Language: math.MaxFloat64}, []string{"weights"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.w.Validate()
			s := scoring.Scorer{Weights: tt.w, Rules: scoring.Rules{SameCity: true}} // not the zero Scorer
			if tt.settings == nil {
				assert.NoError(t, err)
				assert.NoError(t, s.Validate())
				return
			}
			require.ErrorIs(t, err, scoring.ErrWeights)
			assert.Equal(t, tt.settings, settingsOf(err))
			assert.ErrorIs(t, s.Validate(), scoring.ErrWeights)
		})
	}
}

// TestWeightsScale: only the ratios of the weights matter.
func TestWeightsScale(t *testing.T) {
	me, mo := pair(t)
	a := scoring.Default()
	b := scoring.Default()
	b.Weights = scoring.Weights{Sector: 25, Occupation: 10, Experience: 5, Interests: 10, Language: 15, Personality: 10, Distance: 10, Availability: 15}
	assert.InDelta(t, a.Pair(me, mo).Score, b.Pair(me, mo).Score, 1e-12)

	only := scoring.Default()
	only.Weights = scoring.Weights{Interests: 2}
	r := only.Pair(me, mo)
	checkResult(t, r)
	assert.Equal(t, part(t, r, "interests").Value, r.Score, "a single criterion is the score")
	assert.Equal(t, 0.0, part(t, r, "sector").Contribution)
}

func TestWeightsJSON(t *testing.T) {
	b, err := json.Marshal(scoring.DefaultWeights())
	require.NoError(t, err)
	assert.JSONEq(t, `{"sector":0.25,"occupation":0.1,"experience":0.05,"interests":0.1,"language":0.15,"personality":0.1,"distance":0.1,"availability":0.15}`, string(b))
}
