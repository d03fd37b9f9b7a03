package scoring

import (
	"errors"
	"math"
	"slices"

	"github.com/duomatch/duo/profile"
)

// Weights are the relative importance of the eight criteria. They are one
// setting, a vector of ratios, not eight: only their ratios matter, since
// each is divided by their sum (see [Part.Weight]). The zero Weights (all
// zero) means [DefaultWeights]; any other Weights is taken as given, so a
// zero weight in it switches its criterion off. Each weight must be finite
// and non-negative. In JSON the fields are snake_case ("sector",
// "occupation", …); a document that sets some weights over [Default] keeps
// the default of the others, which is what a caller adjusting one weight
// wants.
type Weights struct {
	Sector       float64 `json:"sector"`
	Occupation   float64 `json:"occupation"`
	Experience   float64 `json:"experience"`
	Interests    float64 `json:"interests"`
	Language     float64 `json:"language"`
	Personality  float64 `json:"personality"`
	Distance     float64 `json:"distance"`
	Availability float64 `json:"availability"`
}

// The criteria, by name, in the fixed order of [Result.Parts] and of the
// sum that makes the score.
const (
	CriterionSector       = "sector"
	CriterionOccupation   = "occupation"
	CriterionExperience   = "experience"
	CriterionInterests    = "interests"
	CriterionLanguage     = "language"
	CriterionPersonality  = "personality"
	CriterionDistance     = "distance"
	CriterionAvailability = "availability"
)

// Indices of the criteria in that order.
const (
	cSector = iota
	cOccupation
	cExperience
	cInterests
	cLanguage
	cPersonality
	cDistance
	cAvailability
	numCriteria
)

var criterionNames = [numCriteria]string{
	CriterionSector, CriterionOccupation, CriterionExperience, CriterionInterests,
	CriterionLanguage, CriterionPersonality, CriterionDistance, CriterionAvailability,
}

// Criteria returns the names of the eight criteria in the fixed order of
// [Result.Parts], in a new slice.
func Criteria() []string { return slices.Clone(criterionNames[:]) }

// DefaultWeights returns the model programme's weights, which sum to 1:
// sector 0.25 (the sector the mentee aims for is the first thing the model
// programme matches on), language 0.15 and availability 0.15 (a duo must
// talk and meet every week), occupation 0.10, interests 0.10,
// personality 0.10, distance 0.10, experience 0.05.
func DefaultWeights() Weights {
	return Weights{
		Sector:       0.25,
		Occupation:   0.10,
		Experience:   0.05,
		Interests:    0.10,
		Language:     0.15,
		Personality:  0.10,
		Distance:     0.10,
		Availability: 0.15,
	}
}

func (w Weights) array() [numCriteria]float64 {
	return [numCriteria]float64{w.Sector, w.Occupation, w.Experience, w.Interests,
		w.Language, w.Personality, w.Distance, w.Availability}
}

// Validate returns nil when w can weigh scores: every weight finite and
// non-negative, and their sum finite. Otherwise it returns one
// *[profile.Problem] per problem (joined), each wrapping [ErrWeights]. The zero
// Weights is valid: it stands for [DefaultWeights].
//
// Cost: O(1).
func (w Weights) Validate() error {
	var errs []error
	bad := func(setting, code, detail string) {
		errs = append(errs, &profile.Problem{Path: setting, Code: code, Detail: detail, Err: ErrWeights})
	}
	a := w.array()
	sum := 0.0
	for k, x := range a {
		switch {
		case math.IsNaN(x):
			bad("weights."+criterionNames[k], "not_a_number", "not a number")
		case math.IsInf(x, 0):
			bad("weights."+criterionNames[k], "infinite", "infinite")
		case x < 0:
			bad("weights."+criterionNames[k], "negative", "negative")
		default:
			sum += x
		}
	}
	if len(errs) == 0 && math.IsInf(sum, 0) {
		bad("weights", "sum_overflows", "their sum overflows")
	}
	return errors.Join(errs...)
}

// normalised returns w_k / Σw for each criterion (the zero Weights being
// [DefaultWeights]), adjusted so that their sum in the fixed order of the
// criteria, in float64, is at most 1: while it is above 1, the largest
// weight (the first of equals) is lowered by one ulp. Division rounds, so
// the plain quotients may sum to 1 + 1 ulp; after the adjustment, since
// rounded multiplication and addition are monotone and every value is in
// [0, 1], Σ w_k·v_k ≤ Σ w_k ≤ 1 holds in floating point too. w must be
// valid.
//
// Cost: O(1): the quotients sum to 1 within a few ulps, so a few steps of
// less than an ulp of 1 each bring the sum down.
func (w Weights) normalised() [numCriteria]float64 {
	if w == (Weights{}) {
		w = DefaultWeights()
	}
	a := w.array()
	sum := 0.0
	for _, x := range a {
		sum += x
	}
	for k := range a {
		a[k] /= sum
	}
	big := 0
	for k, x := range a {
		if x > a[big] {
			big = k
		}
	}
	for sumOf(&a) > 1 {
		a[big] = math.Nextafter(a[big], 0)
	}
	return a
}

// sumOf returns Σ a_k in the fixed order of the criteria.
func sumOf(a *[numCriteria]float64) float64 {
	t := 0.0
	for _, x := range a {
		t += x
	}
	return t
}
