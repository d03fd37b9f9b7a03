package ledger

import (
	"errors"
	"strconv"
	"strings"

	"github.com/duomatch/duo/internal/errtree"
)

// ErrInvalid is the error that every problem of an event or a history
// wraps: errors.Is(err, ErrInvalid) reports whether [Read], [Ledger.Add],
// [Event.Validate] or [Event.UnmarshalJSON] refused the input. Each
// problem is an *[EventError].
var ErrInvalid = errors.New("ledger: invalid")

// ErrTooLarge is wrapped, with [ErrInvalid], by the problem that stops
// [Read] when the input has more lines than [Options.MaxLines], and by the
// error of [Ledger.Add] on a ledger that holds that many events already.
var ErrTooLarge = errors.New("ledger: too large")

// ErrRound is wrapped by the errors of [Ledger.NextRound]: the profiles
// given cannot make a round with the ledger.
var ErrRound = errors.New("ledger: cannot make the round")

// EventError is one problem of one event: the line it is on (1 for the
// first line of the input; 0 for an event that is not from a file), the
// IDs it names (a malformed ID is named "(bad id)"), the JSON field
// ("" for the whole line) and what is wrong. It never quotes a value
// other than an ID, a code or an unknown field's name, shortened. It
// unwraps to [ErrInvalid], and to [ErrTooLarge] for a bound.
type EventError struct {
	Line    int
	IDs     []string
	Field   string
	Problem string
	tooMany bool
}

// Error returns "ledger: line 12: me-1, mo-2: reason: missing", leaving out
// the parts that are empty or 0.
func (e *EventError) Error() string {
	var b strings.Builder
	b.WriteString("ledger: ")
	if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(": ")
	}
	if len(e.IDs) > 0 {
		b.WriteString(strings.Join(e.IDs, ", "))
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Problem)
	return b.String()
}

// Unwrap returns [ErrInvalid], and [ErrTooLarge] for a bound.
func (e *EventError) Unwrap() []error {
	if e.tooMany {
		return []error{ErrInvalid, ErrTooLarge}
	}
	return []error{ErrInvalid}
}

// EventErrors returns every *[EventError] in err's tree, in order, or nil.
// Cost: O(number of errors).
func EventErrors(err error) []*EventError { return errtree.All[*EventError](err) }

// joinProblems joins errs, or returns a nil error (never a typed nil).
func joinProblems(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errors.Join(errs...)
}
