package scoring

import (
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
)

// Rules are the settings of the hard rules, which decide whether a pair is
// allowed at all, and the scales of the criteria that depend on them. The
// zero value of each field means its documented default, field by field,
// so the zero Rules is [DefaultRules] and a Rules that sets one field keeps
// the defaults of the others. A rule is turned off only by its own explicit
// setting (MaxDistanceKm = -1). In JSON the fields are snake_case.
type Rules struct {
	// MinSharedLevel is the level at which both must speak a language for
	// it to count as shared (rule no_shared_language and the language
	// criterion); native counts as the highest level. "" means B1.
	MinSharedLevel profile.Level `json:"min_shared_level"`
	// MaxDistanceKm is the distance rule (too_far): it blocks a pair whose
	// homes are more than this many kilometres apart. Homes are resolved
	// through the Scorer's gazetteer (a postcode, a municipality's name),
	// and coordinates given in a home win over the gazetteer's. When either
	// home has no coordinates even so (its locality has none in the table),
	// only the same municipality passes: the rule never passes a pair it
	// cannot check. 0 means 25 ([DefaultMaxDistanceKm]); [profile.Off] (-1)
	// turns the rule off. Other negative values are invalid.
	MaxDistanceKm float64 `json:"max_distance_km"`
	// SameCity requires both homes to resolve to the same municipality
	// (the same [profile.Locality] ID: "Bruxelles", "Brussel" and "1000"
	// are one, Schaerbeek is another), whatever the distance (rule
	// too_far). A home with coordinates but no municipality never passes.
	// Default false.
	SameCity bool `json:"same_city"`
	// SameRegion requires both homes to resolve to localities of the same
	// region (for Belgium: Brussels-Capital, Flanders or Wallonia, so that
	// Schaerbeek and Ixelles count as Brussels), whatever the distance
	// (rule too_far). A locality without a region counts as a region of
	// its own. Default false.
	SameRegion bool `json:"same_region"`
	// DistanceScaleKm is the distance at which the distance criterion
	// reaches 0, falling linearly from 1 at 0 km. 0 means the distance
	// limit (MaxDistanceKm, 25 km by default), or 25 km when the rule is
	// off.
	DistanceScaleKm float64 `json:"distance_scale_km"`
	// FullExperienceYears is the number of years in the best-matching
	// sector at which the experience criterion reaches 1, rising linearly
	// from 0. 0 means 10.
	FullExperienceYears float64 `json:"full_experience_years"`
}

// CodeInvalidScorer is the code of the [Reason] of a pair scored with
// invalid settings (see [Scorer.Validate]); it is then the only reason.
// Matrix returns an error instead. The codes of the hard rules are in
// their files (rule_*.go), listed in [hardRules]'s order. Codes are
// stable: programs may store and compare them.
const CodeInvalidScorer = "invalid_scorer"

// invalidWords are the words of invalid_scorer; its Args are the paths of
// the invalid settings.
var invalidWords = []word{{
	Message: i18n.Message{Key: CodeInvalidScorer, Text: i18n.Text{
		En: "the scorer's settings are invalid: %s",
		Fr: "les paramètres du calcul des scores ne sont pas valides : %s",
		Nl: "de instellingen van de scoreberekening zijn ongeldig: %s",
		De: "die Einstellungen der Punktberechnung sind ungültig: %s"}},
	args: func(_ tr, a []string) []any { return []any{strings.Join(a, ", ")} },
}}

// invalidArgs returns the paths of the settings err finds invalid, each
// once, in order.
func invalidArgs(err error) []string {
	var out []string
	for _, p := range profile.Problems(err) {
		if !slices.Contains(out, p.Path) {
			out = append(out, p.Path)
		}
	}
	return out
}

// Defaults of the settings whose zero value stands for them.
const (
	defaultScaleKm   = 25.0
	defaultFullYears = 10.0
	// DefaultMaxDistanceKm is the distance limit of [DefaultRules].
	DefaultMaxDistanceKm = 25.0
)

// DefaultRules returns the model programme's rules, each field set to the
// default that its zero value stands for: shared languages at B1, at most
// 25 km apart, no same-city requirement (the programme's cities are
// compact), distance scored over those 25 km (DistanceScaleKm 0: the
// limit, so that a stricter limit also scales the criterion), experience
// saturating at 10 years. It equals the zero Rules in effect; decoding JSON
// over it keeps what the document does not set.
func DefaultRules() Rules {
	r := Rules{}.Resolved()
	r.DistanceScaleKm = 0 // follows MaxDistanceKm when a document changes it
	return r
}

// Resolved returns r with every default filled in: MinSharedLevel B1,
// MaxDistanceKm [DefaultMaxDistanceKm] (or [profile.Off] kept as it is),
// DistanceScaleKm the distance limit (25 km when the rule is off), and
// FullExperienceYears 10. It is the one place that knows these defaults:
// scoring and the round read the rules through it. r should be valid (see
// [Rules.Validate]); Resolved does not check it.
//
// Cost: O(1).
func (r Rules) Resolved() Rules {
	if r.MinSharedLevel == "" {
		r.MinSharedLevel = profile.B1
	}
	if r.MaxDistanceKm == 0 {
		r.MaxDistanceKm = DefaultMaxDistanceKm
	}
	if r.DistanceScaleKm == 0 {
		r.DistanceScaleKm = defaultScaleKm
		if r.MaxDistanceKm != profile.Off {
			r.DistanceScaleKm = r.MaxDistanceKm
		}
	}
	if r.FullExperienceYears == 0 {
		r.FullExperienceYears = defaultFullYears
	}
	return r
}

// Validate returns nil when r is usable, and otherwise one *[profile.Problem]
// per problem (joined), each wrapping [ErrRules]: an unknown
// MinSharedLevel, or a distance or number of years that is NaN, infinite or
// negative (but MaxDistanceKm -1, which turns the distance rule off). The
// zero Rules is valid.
//
// Cost: O(1).
func (r Rules) Validate() error {
	var errs []error
	bad := func(setting, code, detail string) {
		errs = append(errs, &profile.Problem{Path: "rules." + setting, Code: code, Detail: detail, Err: ErrRules})
	}
	if r.MinSharedLevel != "" && !r.MinSharedLevel.Known() {
		bad("min_shared_level", "unknown_level", "unknown level (want A1, A2, B1, B2, C1, C2 or native)")
	}
	amount := func(setting string, x float64, negCode, negative string) {
		switch {
		case math.IsNaN(x) || math.IsInf(x, 0):
			bad(setting, "not_finite", "not a finite number")
		case x < 0:
			bad(setting, negCode, negative)
		}
	}
	if r.MaxDistanceKm != profile.Off {
		amount("max_distance_km", r.MaxDistanceKm, "negative_not_off", "negative (only -1, which turns the rule off, is allowed)")
	}
	amount("distance_scale_km", r.DistanceScaleKm, "negative", "negative")
	amount("full_experience_years", r.FullExperienceYears, "negative", "negative")
	return errors.Join(errs...)
}
