package scoring

import (
	"errors"
	"math"

	"github.com/duomatch/duo/profile"
)

// Rules are the settings of the hard rules, which decide whether a pair is
// allowed at all, and the scales of the criteria that depend on them. The
// zero Rules is usable: shared languages at B1, no distance limit, no
// same-city requirement, distance scored over 25 km, experience saturating
// at 10 years. [DefaultRules] differs from it only by a 25 km limit. In
// JSON the fields are snake_case.
type Rules struct {
	// MinSharedLevel is the level at which both must speak a language for
	// it to count as shared (rule no_shared_language and the language
	// criterion); native counts as the highest level. "" means B1.
	MinSharedLevel profile.Level `json:"min_shared_level"`
	// MaxDistanceKm blocks a pair whose homes both have coordinates and are
	// more than this many kilometres apart (rule too_far). 0 means no
	// limit. Default 25 ([DefaultRules]); the zero Rules has no limit.
	MaxDistanceKm float64 `json:"max_distance_km"`
	// SameCity blocks a pair whose cities differ (rule too_far) when
	// either home has no coordinates; cities are compared case- and
	// space-insensitively, and a missing city blocks nothing. With
	// coordinates on both sides MaxDistanceKm decides instead. Default
	// false.
	SameCity bool `json:"same_city"`
	// DistanceScaleKm is the distance at which the distance criterion
	// reaches 0, falling linearly from 1 at 0 km. 0 means MaxDistanceKm,
	// or 25 km when there is no limit. Default 0.
	DistanceScaleKm float64 `json:"distance_scale_km"`
	// FullExperienceYears is the number of years in the best-matching
	// sector at which the experience criterion reaches 1, rising linearly
	// from 0. 0 means 10. Default 10.
	FullExperienceYears float64 `json:"full_experience_years"`
}

// The codes of [Reason], in the order in which [Scorer.Pair] lists them.
// They are stable: programs may store and compare them.
const (
	// CodeInvalidScorer: the Scorer's settings are invalid (see
	// [Scorer.Validate]); it is then the only reason. Matrix returns an
	// error instead.
	CodeInvalidScorer = "invalid_scorer"
	// CodeNoSharedLanguage: no language that both speak at
	// [Rules.MinSharedLevel] or above.
	CodeNoSharedLanguage = "no_shared_language"
	// CodeGenderWish: the mentee's wants.mentor_gender or the mentor's
	// wants.mentee_gender is set and the other's gender is not that one
	// (or not given). Genders compare case- and space-insensitively.
	CodeGenderWish = "gender_wish"
	// CodeTooFar: farther apart than [Rules.MaxDistanceKm], or (without
	// coordinates) in different cities when [Rules.SameCity] is set.
	CodeTooFar = "too_far"
	// CodeNoSharedTime: no weekly slot in which both are free.
	CodeNoSharedTime = "no_shared_time"
	// CodeExcluded: the pair is in [Scorer.Excluded].
	CodeExcluded = "excluded"
)

// Defaults of the settings whose zero value stands for them.
const (
	defaultScaleKm   = 25.0
	defaultFullYears = 10.0
	// DefaultMaxDistanceKm is the distance limit of [DefaultRules].
	DefaultMaxDistanceKm = 25.0
)

// DefaultRules returns the model programme's rules: shared languages at
// B1, at most 25 km apart, no same-city requirement (the programme's cities
// are compact), distance scored over those 25 km, experience saturating at
// 10 years.
func DefaultRules() Rules {
	return Rules{
		MinSharedLevel:      profile.B1,
		MaxDistanceKm:       DefaultMaxDistanceKm,
		FullExperienceYears: defaultFullYears,
	}
}

// Validate returns nil when r is usable, and otherwise one *[SettingError]
// per problem (joined), each wrapping [ErrRules]: an unknown
// MinSharedLevel, or a distance or number of years that is negative, NaN
// or infinite.
//
// Cost: O(1).
func (r Rules) Validate() error {
	var errs []error
	bad := func(setting, problem string) {
		errs = append(errs, &SettingError{Setting: "rules." + setting, Problem: problem, Err: ErrRules})
	}
	if r.MinSharedLevel != "" && !r.MinSharedLevel.Known() {
		bad("min_shared_level", "unknown level (want A1, A2, B1, B2, C1, C2 or native)")
	}
	amount := func(setting string, x float64) {
		switch {
		case math.IsNaN(x) || math.IsInf(x, 0):
			bad(setting, "not a finite number")
		case x < 0:
			bad(setting, "negative")
		}
	}
	amount("max_distance_km", r.MaxDistanceKm)
	amount("distance_scale_km", r.DistanceScaleKm)
	amount("full_experience_years", r.FullExperienceYears)
	return errors.Join(errs...)
}
