package match

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/duomatch/duo/profile"
)

// ErrBadScore is returned, wrapped in a [*ScoreError], by [Assign] and
// [Verify] when a score is NaN or +Inf. Test for it with errors.Is.
var ErrBadScore = errors.New("match: score is NaN or +Inf")

// ErrTooLarge is returned, wrapped with the dimensions, by [Assign] and
// [Verify] when the matrix has more than [MaxEntries] entries (a zero
// dimension counts as 1).
var ErrTooLarge = errors.New("match: matrix too large")

// ErrInvalidAssignment is returned, wrapped with what failed and where, by
// [Verify] when an [Assignment] is not a valid assignment for the matrix:
// an index out of range, a row or column used twice, a forbidden pair,
// Pairs not sorted by Row, a Score or Total that does not match the
// matrix, or certificate slices of the wrong length. Test for it with
// errors.Is.
var ErrInvalidAssignment = errors.New("match: invalid assignment")

// ErrNotOptimal is returned, wrapped with what failed and where, by
// [Verify] when an [Assignment] is valid but its certificate does not prove
// it optimal. Test for it with errors.Is.
var ErrNotOptimal = errors.New("match: optimality not proved")

// ErrInvalidRound is returned, wrapped in [*profile.Problem] values joined
// together, by [Propose] when the round itself is malformed: no date, a
// NaN or out-of-range setting, duplicate IDs, an applied_on after the
// round's day, a pinned duo naming an unknown person, a pair both pinned
// and excluded. Malformed profiles are reported with the profile package's
// errors (test with errors.Is(err, profile.ErrInvalid)). Test for it with
// errors.Is.
var ErrInvalidRound = errors.New("match: invalid round")

// ErrRoundTooLarge is returned by [Propose], wrapped in a [*profile.Problem]
// with the code "round_too_large" (so that errors.Is finds ErrInvalidRound
// too), when a round's assignment
// problem exceeds [MaxCells].
var ErrRoundTooLarge = errors.New("match: round too large")

// ErrUnknownMentee is returned by [Proposal.Alternatives] for a mentee ID
// the round did not have, and ErrNotInPool for a mentee who was not part of
// the optimisation (ineligible or pinned). Test for them with errors.Is.
var (
	ErrUnknownMentee = errors.New("match: unknown mentee")
	ErrNotInPool     = errors.New("match: mentee was not in the round's pool")
)

// ScoreError reports a score that cannot be used: NaN or +Inf. Row and Col
// are the position in the caller's matrix (the first such entry in
// row-major order). It unwraps to [ErrBadScore].
type ScoreError struct {
	Row, Col int
	Value    float64
}

func (e *ScoreError) Error() string {
	return fmt.Sprintf("match: score at row %d, column %d is %v (must be finite or -Inf)", e.Row, e.Col, e.Value)
}

// Unwrap returns [ErrBadScore].
func (e *ScoreError) Unwrap() error { return ErrBadScore }

// roundProblem returns a problem of a malformed round at the JSON path
// field, naming the participant id ("" for none), wrapping
// [ErrInvalidRound].
func roundProblem(field, id, code, detail string, args ...string) *profile.Problem {
	p := &profile.Problem{Path: field, Code: code, Detail: detail, Args: args, Err: ErrInvalidRound}
	if id != "" {
		p.IDs = []string{id}
	}
	return p
}

// fmtFloat formats x as %g does, for a message's args.
func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
