package match

import (
	"io"

	"github.com/duomatch/duo/profile"
)

// DecodeRound decodes the JSON form of a [Round] from r strictly and
// within bounds, as [profile.Decode] does: an unknown field at any depth,
// a wrong type, a duplicate field, invalid UTF-8, an explicit mentor
// "capacity": 0, malformed JSON, an empty document or data after it are
// errors; every mentee and mentor is validated; every problem is reported
// at once (up to opt.MaxErrors), each a *[profile.Problem] naming its
// JSON path ("mentees[13].applied_on", "policy.mentee.foo") and, inside a
// person, the person's ID, never a value. An array over opt.MaxPeople
// entries stops decoding with an error wrapping [profile.ErrTooMany].
//
// Fields that the document leaves out keep their zero value, which means
// the default for every setting (Policy, Scorer, Objective). DecodeRound
// checks the document, not the round as a whole: [Propose] checks that the
// pinned and excluded duos name people of the pools, that On is set, and
// so on.
//
// It returns the round, or the zero Round and an error that joins the
// problems (errors.Is(err, profile.ErrInvalid) holds).
//
// Cost: O(bytes read) time; memory O(the round + the largest string).
func DecodeRound(r io.Reader, opt profile.DecodeOptions) (Round, error) {
	var round Round
	if err := profile.Decode(r, &round, opt); err != nil {
		for _, p := range profile.Problems(err) {
			if p.Path == "objective" && p.Code == "invalid_value" {
				// The generic problem of a value its type refuses, made
				// specific for the one such type of this package.
				p.Code, p.Detail = "invalid_objective", `invalid value; want "most_matched" or "best_total"`
			}
		}
		return Round{}, err
	}
	return round, nil
}
