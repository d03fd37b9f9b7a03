package scoring_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
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
		{"every problem at once", scoring.Weights{Sector: -2, Occupation: math.NaN(), Availability: math.Inf(-1)},
			[]string{"weights.sector", "weights.occupation", "weights.availability"}},
		{"all zero: the default", scoring.Weights{}, nil},
		{"negative zero is zero: the default", scoring.Weights{Sector: math.Copysign(0, -1)}, nil},
		{"off is -1", scoring.Weights{Sector: profile.Off}, nil},
		{"other negatives are errors", scoring.Weights{Sector: -2, Language: -0.5}, []string{"weights.sector", "weights.language"}},
		{"all off", scoring.Weights{Sector: profile.Off, Occupation: profile.Off, Experience: profile.Off, Interests: profile.Off,
			Language: profile.Off, Personality: profile.Off, Distance: profile.Off, Availability: profile.Off}, []string{"weights"}},
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
	only.Weights = scoring.Weights{Sector: profile.Off, Occupation: profile.Off, Experience: profile.Off, Interests: 2,
		Language: profile.Off, Personality: profile.Off, Distance: profile.Off, Availability: profile.Off}
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

// plainNormalised returns w_k / Σw without the adjustment that scoring
// makes, and their sum in the order of the criteria.
func plainNormalised(w scoring.Weights) ([]float64, float64) {
	a := []float64{w.Sector, w.Occupation, w.Experience, w.Interests, w.Language, w.Personality, w.Distance, w.Availability}
	sum := 0.0
	for k, x := range a {
		if x == profile.Off {
			a[k] = 0
		}
		sum += a[k]
	}
	total := 0.0
	for k := range a {
		a[k] /= sum
		total += a[k]
	}
	return a, total
}

// randomWeights returns weights drawn from r, some of them switched off
// (none zero, so that plainNormalised need not know the defaults).
func randomWeights(r *rand.Rand) scoring.Weights {
	x := func() float64 {
		if r.IntN(5) == 0 {
			return profile.Off
		}
		return r.Float64() * math.Pow(10, float64(r.IntN(5)-2))
	}
	w := scoring.Weights{Sector: x(), Occupation: x(), Experience: x(), Interests: x(), Language: x(), Personality: x(), Distance: x(), Availability: x()}
	if w.Sector+w.Occupation+w.Experience+w.Interests+w.Language+w.Personality+w.Distance+w.Availability == -8 {
		w.Language = 1
	}
	return w
}

// perfectPair returns the fixture pair made to score 1 on every criterion.
func perfectPair(t *testing.T) (*profile.Mentee, *profile.Mentor) {
	me, mo := pair(t)
	mo.Interests = me.Interests
	mo.Traits = me.Traits
	mo.Home = me.Home
	return me, mo
}

// TestWeightsSumAtMostOne is the regression test for weights whose plain
// normalised sum is 1 + 1 ulp: the parts of a pair worth 1 on every
// criterion used to add up to 1.0000000000000002 while the score was
// clipped to 1. The weights are found by a seeded search.
func TestWeightsSumAtMostOne(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	var found []scoring.Weights
	for len(found) < 5 {
		w := randomWeights(r)
		if _, total := plainNormalised(w); total == math.Nextafter(1, 2) {
			found = append(found, w)
		}
	}
	me, mo := perfectPair(t)
	for k, w := range found {
		t.Run(fmt.Sprintf("weights %d", k), func(t *testing.T) {
			plain, _ := plainNormalised(w)
			res := scoring.Scorer{Weights: w}.Pair(me, mo)
			checkResult(t, res)
			require.Empty(t, res.Blocked)
			sum := 0.0
			for i, p := range res.Parts {
				require.Equal(t, 1.0, p.Value, p.Criterion)
				sum += p.Contribution
				assert.InDelta(t, plain[i], p.Weight, 1e-15, "a weight moves by a few ulps at most")
			}
			assert.LessOrEqual(t, res.Score, 1.0)
			assert.Equal(t, math.Float64bits(sum), math.Float64bits(res.Score), "score %v, parts %v", res.Score, sum)
		})
	}
}

// TestWeightsPerField: each weight is a setting of its own, in Go and in
// JSON alike: 0 (or absent) is the criterion's default, -1 switches it
// off, and setting one weight leaves the seven others at their defaults.
func TestWeightsPerField(t *testing.T) {
	d := scoring.DefaultWeights()
	me, mo := perfectPair(t)
	tests := []struct {
		name string
		w    scoring.Weights
		json string
		want scoring.Weights // the weights in effect, before normalising
	}{
		{"zero: the defaults", scoring.Weights{}, `{}`, d},
		{"interests 1 keeps the others", scoring.Weights{Interests: 1}, `{"interests": 1}`,
			func() scoring.Weights { w := d; w.Interests = 1; return w }()},
		{"interests off keeps the others", scoring.Weights{Interests: profile.Off}, `{"interests": -1}`,
			func() scoring.Weights { w := d; w.Interests = 0; return w }()},
		{"a JSON 0 is the default too", scoring.Weights{Sector: 0, Distance: 3}, `{"sector": 0, "distance": 3}`,
			func() scoring.Weights { w := d; w.Distance = 3; return w }()},
		{"two set, one off", scoring.Weights{Interests: 1, Distance: 3, Language: profile.Off}, `{"interests": 1, "distance": 3, "language": -1}`,
			func() scoring.Weights { w := d; w.Interests, w.Distance, w.Language = 1, 3, 0; return w }()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fromJSON scoring.Weights
			require.NoError(t, json.Unmarshal([]byte(tt.json), &fromJSON))
			assert.Equal(t, tt.w, fromJSON, "JSON and Go mean the same")
			require.NoError(t, tt.w.Validate())
			plain, _ := plainNormalised(tt.want)
			r := scoring.Scorer{Weights: tt.w}.Pair(me, mo)
			checkResult(t, r)
			require.Len(t, r.Parts, len(plain))
			for k, p := range r.Parts {
				assert.InDelta(t, plain[k], p.Weight, 1e-15, p.Criterion)
			}
		})
	}
	t.Run("off means no weight at all", func(t *testing.T) {
		r := scoring.Scorer{Weights: scoring.Weights{Interests: profile.Off}}.Pair(me, mo)
		assert.Equal(t, 0.0, part(t, r, "interests").Weight)
		assert.Equal(t, 0.0, part(t, r, "interests").Contribution)
		assert.Positive(t, part(t, r, "sector").Weight)
	})
	t.Run("resolved", func(t *testing.T) {
		assert.Equal(t, d, scoring.Weights{}.Resolved())
		w := scoring.Weights{Interests: profile.Off, Distance: 2}.Resolved()
		assert.Equal(t, float64(profile.Off), w.Interests)
		assert.Equal(t, 2.0, w.Distance)
		assert.Equal(t, d.Sector, w.Sector)
	})
}
