package match

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/duomatch/duo/profile"
)

// DecodeRound decodes the JSON form of a [Round] from r strictly and
// within bounds, as [profile.Decode] does: an unknown field at any depth,
// a wrong type, a duplicate field, invalid UTF-8, an explicit mentor
// "capacity": 0, malformed JSON, an empty document or data after it are
// problems; every mentee and mentor is validated; every problem is found
// at once (up to opt.MaxErrors), each a *[profile.Problem] naming its
// JSON path ("mentees[13].applied_on", "policy.mentee.foo") and, inside a
// person, the person's ID, never a value. An array over opt.MaxPeople
// entries stops decoding with an error wrapping [profile.ErrTooMany].
//
// Partial intake: one person's bad entry does not cost the others their
// round. When every problem is inside the entry of a mentee or a mentor
// who has a usable ID, DecodeRound returns the round with no error: each
// such person stays in Mentees or Mentors as far as their entry could be
// read, and their problems are in [Round.Problems], so that [Propose]
// sets them aside with [ReasonInvalidProfile] and these problems, and
// matches everyone else (or refuses: a person in a pinned duo, or any of
// them when Strict). The round is refused, as the zero Round and an error
// joining every problem (errors.Is(err, profile.ErrInvalid) holds), when:
//
//   - the document sets "strict": true ([Round.Strict]) and has any
//     problem, as a service that wants all or nothing asks;
//   - a problem is outside the people's entries (a setting, a pinned or
//     excluded pair, the document as a whole);
//   - a person's entry has no usable ID (no "id", or one that is not a
//     string or that validation refuses): the proposal could not name
//     them;
//   - decoding stopped before the end (malformed JSON, nesting too deep,
//     too many entries) or found more problems than opt.MaxErrors: the
//     people it did not reach, or whose problems it did not list, could
//     not be told apart from the valid ones.
//
// Fields that the document leaves out keep their zero value, which means
// the default for every setting (Policy, Scorer, Objective). DecodeRound
// checks the document, not the round as a whole: [Propose] checks that the
// pinned and excluded duos name people of the pools, that On is set, and
// so on.
//
// Cost: O(bytes read) time; memory O(the round + the largest string).
func DecodeRound(r io.Reader, opt profile.DecodeOptions) (Round, error) {
	var round Round
	if err := PartialIntake(&round, profile.Decode(r, &round, opt)); err != nil {
		return Round{}, err
	}
	return round, nil
}

// PartialIntake applies the partial intake of [DecodeRound] to a round that
// [profile.Decode] decoded, alone or inside a service's larger request
// (a struct that embeds Round, whose other fields' problems then refuse
// the round): err is Decode's error. When err is nil, or every problem of
// err is in the entry of a person with a usable ID (see DecodeRound),
// PartialIntake sets r.Problems to those problems and returns nil;
// otherwise it returns err, with the problem of an invalid objective made
// specific ("invalid_objective"), and r should not be used. A read error
// of the document is returned as it is. Cost: O(number of problems).
func PartialIntake(r *Round, err error) error {
	if err == nil {
		return nil
	}
	ps := profile.Problems(err)
	if len(ps) == 0 {
		return err // a read error of the document
	}
	partial := !r.Strict
	for _, p := range ps {
		if p.Path == "objective" && p.Code == "invalid_value" {
			// The generic problem of a value its type refuses, made
			// specific for the one such type of this package.
			p.Code, p.Detail = "invalid_objective", `invalid value; want "most_matched" or "best_total"`
		}
		if !inPersonEntry(p) {
			partial = false
		}
	}
	if !partial {
		return err
	}
	r.Problems = ps
	return nil
}

// decodeStops are the codes of the problems after which the decoder reads
// no further (or lists no further problems).
var decodeStops = map[string]bool{
	"malformed_json": true, "json_ends_early": true, "too_deep": true, "too_many_entries": true,
	"more_not_listed": true, "empty_document": true,
}

// inPersonEntry reports whether p is a problem of the entry of one mentee
// or mentor with a usable ID, whom Propose can set aside: its path starts
// with "mentees[k]" or "mentors[k]", it names the person by an ID, and
// decoding went on after it.
func inPersonEntry(p *profile.Problem) bool {
	if decodeStops[p.Code] || errors.Is(p, profile.ErrTooMany) || len(p.IDs) != 1 {
		return false
	}
	switch p.IDs[0] {
	case "", "(no id)", "(bad id)":
		return false
	}
	_, _, _, ok := personAt(p.Path)
	return ok
}

// personAt splits a JSON path inside a person's entry, "mentees[3].home.lat",
// into the side's field ("mentees"), the index (3) and the path within the
// profile ("home.lat"; "" for the entry itself).
func personAt(path string) (field string, k int, rest string, ok bool) {
	for _, f := range [2]string{"mentees", "mentors"} {
		after, found := strings.CutPrefix(path, f+"[")
		if !found {
			continue
		}
		end := strings.IndexByte(after, ']')
		if end <= 0 {
			return "", 0, "", false
		}
		k, err := strconv.Atoi(after[:end])
		if err != nil || k < 0 {
			return "", 0, "", false
		}
		rest = after[end+1:]
		switch {
		case rest == "":
		case rest[0] == '.':
			rest = rest[1:]
		case rest[0] == '[':
		default:
			return "", 0, "", false
		}
		return f, k, rest, true
	}
	return "", 0, "", false
}
