package profile

import (
	"errors"

	"github.com/duomatch/duo/internal/errtree"
)

// ErrInvalid is the error that every validation error of this package
// wraps: errors.Is(err, ErrInvalid) reports whether err came from
// [Mentee.Validate], [Mentor.Validate] or [Policy.Validate] (possibly joined
// with other errors). Use [FieldErrors] or errors.As with a *[FieldError] for
// the participant and the field.
var ErrInvalid = errors.New("profile: invalid")

// FieldError is one problem in one field of a participant's data (or of a
// [Policy]). Its message has the form "<id>: <field>: <problem>", for
// example
//
//	me-001: languages[2].level: unknown level "B3"
//
// It names the participant only by ID and echoes at most the offending
// token, shortened, never other personal data. FieldError unwraps to
// [ErrInvalid].
type FieldError struct {
	// ID is the participant's ID, or "(no id)" when the ID is empty and
	// "(bad id)" when it is not a valid ID (the bad ID itself is never
	// echoed). It is empty for errors that concern no participant, such as
	// those of [Policy.Validate]; Error then omits it.
	ID string
	// Field is the JSON path of the field, such as "birth_date",
	// "languages[2].level" or "traits[\"openness\"]"; "mentee.max_age" for a
	// policy.
	Field string
	// Problem says what is wrong, in words.
	Problem string
}

// Error returns "<id>: <field>: <problem>", or "<field>: <problem>" when ID
// is empty.
func (e *FieldError) Error() string {
	if e.ID == "" {
		return e.Field + ": " + e.Problem
	}
	return e.ID + ": " + e.Field + ": " + e.Problem
}

// Unwrap returns [ErrInvalid].
func (e *FieldError) Unwrap() error { return ErrInvalid }

// FieldErrors returns every *[FieldError] in err's tree, in order (depth
// first, following both Unwrap() error and Unwrap() []error, as
// errors.Join builds them). It returns nil for a nil error or one that holds
// no FieldError.
//
// Cost: O(number of errors in the tree).
func FieldErrors(err error) []*FieldError { return errtree.All[*FieldError](err) }

// fieldErrors collects the problems of one participant or policy.
type fieldErrors struct {
	id   string
	errs []error
}

func (f *fieldErrors) add(field, problem string) {
	f.errs = append(f.errs, &FieldError{ID: f.id, Field: field, Problem: problem})
}

// err returns the joined errors, or a nil error (never a typed nil).
func (f *fieldErrors) err() error {
	if len(f.errs) == 0 {
		return nil
	}
	return errors.Join(f.errs...)
}
