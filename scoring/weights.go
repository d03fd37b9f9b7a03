package scoring

import (
	"errors"
	"math"
	"slices"

	"github.com/duomatch/duo/profile"
)

// Weights are the relative importance of the eight criteria. Only their
// ratios matter: each weight is divided by the sum of the eight (see
// [Part.Weight]). Each field is a setting of its own, like every other
// setting: 0 means that criterion's default weight (see [DefaultWeights],
// whose weights sum to 1, the scale on which to set the others), and
// [profile.Off] (-1) switches the criterion off (weight 0). So
// Weights{Interests: 1} keeps the seven other criteria at their defaults
// and gives interests 1 against their 0.75, while Weights{Interests:
// profile.Off} scores without interests. A weight must be finite and
// positive, 0, or -1; at least one criterion must stay on. In JSON the
// fields are snake_case ("sector", "occupation", …) and mean the same as in
// Go: a weight absent or 0 is its default, -1 switches it off.
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

// criteria are the criteria, each in its file criterion_<name>.go with
// its name, value and words, in the fixed order of [Result.Parts] and of
// the sum that makes the score.
var criteria = [numCriteria]criterion{
	cSector:       criterionSector,
	cOccupation:   criterionOccupation,
	cExperience:   criterionExperience,
	cInterests:    criterionInterests,
	cLanguage:     criterionLanguage,
	cPersonality:  criterionPersonality,
	cDistance:     criterionDistance,
	cAvailability: criterionAvailability,
}

// criterion is a criterion's name and words. Its value is computed by the
// function of its file that the fused loop of pool.score calls (for the
// experience criterion, the sector's, which finds the sector it reads).
type criterion struct {
	name string
	// explain says why the criterion has its value for the evaluated pair
	// of mentee i and mentor j (mo is the mentor's profile): the code of
	// the explanation ([Part.Detail]) and its values ([Part.Args]).
	explain func(p *pool, i, j int, e eval, mo *profile.Mentor) (string, []string)
	// words are the criterion's messages, keyed name.detail.
	words []word
}

// criterionNames are the names of the criteria, in order.
var criterionNames = func() (n [numCriteria]string) {
	for k, c := range criteria {
		n[k] = c.name
	}
	return n
}()

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
// positive, 0 (its default) or [profile.Off], at least one criterion on,
// and the sum of the weights in effect finite. Otherwise it returns one
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
		case x < 0 && x != profile.Off:
			bad("weights."+criterionNames[k], "negative_not_off", "negative (only -1, which turns the rule off, is allowed)")
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	for _, x := range w.Resolved().array() {
		sum += max(x, 0)
	}
	switch {
	case sum == 0:
		bad("weights", "every_criterion_off", "every criterion is switched off")
	case math.IsInf(sum, 0):
		bad("weights", "sum_overflows", "their sum overflows")
	}
	return errors.Join(errs...)
}

// Resolved returns w with every zero weight replaced by its criterion's
// default from [DefaultWeights]; [profile.Off] and the weights set stay as
// they are. Resolved of the zero Weights is DefaultWeights.
//
// Cost: O(1).
func (w Weights) Resolved() Weights {
	a, d := w.array(), DefaultWeights().array()
	for k := range a {
		if a[k] == 0 {
			a[k] = d[k]
		}
	}
	return weightsOf(a)
}

func weightsOf(a [numCriteria]float64) Weights {
	return Weights{Sector: a[cSector], Occupation: a[cOccupation], Experience: a[cExperience], Interests: a[cInterests],
		Language: a[cLanguage], Personality: a[cPersonality], Distance: a[cDistance], Availability: a[cAvailability]}
}

// normalised returns w_k / Σw for each criterion of the resolved weights
// (see [Weights.Resolved]; a criterion switched off weighs 0), adjusted so that their sum in the fixed order of the
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
	a := w.Resolved().array()
	sum := 0.0
	for k, x := range a {
		a[k] = max(x, 0) // profile.Off: switched off
		sum += a[k]
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
