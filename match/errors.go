package match

import (
	"errors"
	"strconv"

	"github.com/duomatch/duo/profile"
)

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
// too), when the pairs a round's hard rules allow exceed [MaxCells].
var ErrRoundTooLarge = errors.New("match: round too large")

// ErrUnknownMentee is returned by [Proposal.Alternatives] for a mentee ID
// the round did not have, and ErrNotInPool for a mentee who was not part of
// the optimisation (ineligible or pinned). Test for them with errors.Is.
var (
	ErrUnknownMentee = errors.New("match: unknown mentee")
	ErrNotInPool     = errors.New("match: mentee was not in the round's pool")
)

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
