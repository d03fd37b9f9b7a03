package scoring

import (
	"errors"
	"math"
	"slices"
)

// Weights are the relative importance of the eight criteria. Only their
// ratios matter: the score is Σ weight·value / Σ weight. Each weight must be
// finite and non-negative, and at least one must be positive; a zero weight
// switches its criterion off. In JSON the fields are snake_case ("sector",
// "occupation", …).
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
// non-negative, at least one positive, and their sum finite. Otherwise it
// returns one *[SettingError] per problem (joined), each wrapping
// [ErrWeights]. The zero Weights is invalid (all zero); a zero [Scorer]
// stands for [Default], whose weights are valid.
//
// Cost: O(1).
func (w Weights) Validate() error {
	var errs []error
	bad := func(setting, problem string) {
		errs = append(errs, &SettingError{Setting: setting, Problem: problem, Err: ErrWeights})
	}
	a := w.array()
	sum := 0.0
	for k, x := range a {
		switch {
		case math.IsNaN(x):
			bad("weights."+criterionNames[k], "not a number")
		case math.IsInf(x, 0):
			bad("weights."+criterionNames[k], "infinite")
		case x < 0:
			bad("weights."+criterionNames[k], "negative")
		default:
			sum += x
		}
	}
	if len(errs) == 0 {
		switch {
		case sum == 0:
			bad("weights", "all zero (at least one weight must be positive)")
		case math.IsInf(sum, 0):
			bad("weights", "their sum overflows")
		}
	}
	return errors.Join(errs...)
}

// normalised returns w_k / Σw for each criterion. w must be valid.
func (w Weights) normalised() [numCriteria]float64 {
	a := w.array()
	sum := 0.0
	for _, x := range a {
		sum += x
	}
	for k := range a {
		a[k] /= sum
	}
	return a
}
