package ledger

import (
	"errors"
	"fmt"

	"github.com/duomatch/duo/profile"
)

// ErrInvalid is the error that every problem of an event or a history
// wraps: errors.Is(err, ErrInvalid) reports whether [Read], [Ledger.Add],
// [Event.Validate] or [Event.UnmarshalJSON] refused the input. Each
// problem is a *[profile.Problem] with the line it is on (1 for the first
// line of the input; 0 for an event that is not from a file), the IDs it
// names (a malformed ID is named "(bad id)") and the JSON field ("" for
// the whole line); it never quotes a value other than an ID, a code or an
// unknown field's name, shortened.
var ErrInvalid = errors.New("ledger: invalid")

// ErrTooLarge is wrapped, with [ErrInvalid], by the problem that stops
// [Read] when the input has more lines than [Options.MaxLines], and by the
// error of [Ledger.Add] on a ledger that holds that many events already.
var ErrTooLarge = errors.New("ledger: too large")

// ErrReadOnly is returned by [Ledger.Add] on the ledger a [File.View]
// reads: that ledger is a view of the file as of its last batch and never
// changes; [File.Append] adds events.
var ErrReadOnly = errors.New("ledger: read-only view; add events with File.Append")

// ErrOptions is wrapped by the errors of [Options.Validate]: [Read]
// returns them, and [New] panics with them.
var ErrOptions = errors.New("ledger: invalid options")

// ErrRound is wrapped by the errors of [Ledger.NextRound]: the round
// given cannot be made with the ledger.
var ErrRound = errors.New("ledger: cannot make the round")

// eventProblem returns a problem of an event on line (0 when not from a
// file) naming ids, in field ("" for the whole line), wrapping
// [ErrInvalid]; its Args are args, formatted as fmt.Sprint does.
func eventProblem(line int, ids []string, field, code, detail string, args ...any) *profile.Problem {
	var as []string
	for _, a := range args {
		as = append(as, fmt.Sprint(a))
	}
	return &profile.Problem{Line: line, IDs: ids, Path: field, Code: code, Detail: detail, Args: as, Err: ErrInvalid}
}

// joinProblems joins errs, or returns a nil error (never a typed nil).
func joinProblems(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errors.Join(errs...)
}
