package profile

import "errors"

// ErrInvalid is the error that every validation error of this package
// wraps: errors.Is(err, ErrInvalid) reports whether err came from
// [Mentee.Validate], [Mentor.Validate], [Policy.Validate] or [Decode]
// (possibly joined with other errors). Use [Problems] or errors.As with a
// *[Problem] for the participant and the field.
var ErrInvalid = errors.New("profile: invalid")
