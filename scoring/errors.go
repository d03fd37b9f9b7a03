package scoring

import "errors"

// Errors that [Scorer.Validate] and [Scorer.Matrix] return, wrapped. Test
// for them with errors.Is; errors.As with a *[profile.Problem] gives the
// setting at fault (its Path, such as "weights.sector" or
// "rules.max_distance_km", and its Code).
var (
	// ErrWeights: a weight is negative, NaN or infinite, or their sum
	// overflows. All-zero weights are valid: they are [DefaultWeights].
	ErrWeights = errors.New("scoring: invalid weights")
	// ErrRules: a rule setting is out of range (a non-finite distance or
	// number of years, a negative one other than MaxDistanceKm -1, an
	// unknown language level).
	ErrRules = errors.New("scoring: invalid rules")
	// ErrEmptyPool: Matrix was given no mentees or no mentors. What an
	// empty pool means (nothing to do, or a mistake) is the caller's call.
	ErrEmptyPool = errors.New("scoring: empty pool")
	// ErrTooManyPairs: [Pool.Candidates] found more allowed pairs than its
	// limit.
	ErrTooManyPairs = errors.New("scoring: too many allowed pairs")
	// ErrInvalidProfile: a profile in the pool is malformed. The error
	// Matrix returns also wraps the profile package's errors, so
	// errors.Is(err, profile.ErrInvalid) holds and profile.Problems
	// lists each problem with the participant's ID.
	ErrInvalidProfile = errors.New("scoring: invalid profile")
)
