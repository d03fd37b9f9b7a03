package match_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
)

// A service decodes a round with the library's strict decoder. A bad
// entry sets its person aside: the round goes on for everyone else, and
// Propose lists them with their problems, each naming the JSON path and
// the ID. A document that asks for "strict" (or a problem outside the
// people, or a pool over the limit, which wraps profile.ErrTooMany: an
// HTTP service answers 422) refuses the round, every problem at once.
func ExampleDecodeRound() {
	people := `"mentees": [{"id": "me-1", "birth_date": "2001-04-12", "wants": {"mentor_gender": "female", "languge": "nl"}},
	                {"id": "me-2", "birth_date": "2001-05-12", "home": {"city": "Gent"}}],
	  "mentors": [{"id": "mo-1", "birth_date": "1960-01-01", "capacity": 0}]`
	round, err := match.DecodeRound(strings.NewReader(`{"on": "2026-11-23", `+people+`}`), profile.DecodeOptions{})
	fmt.Println(len(round.Mentees), len(round.Problems), err)
	p, err := match.Propose(context.Background(), round)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range slices.Concat(p.UnmatchedMentees, p.UnmatchedMentors) {
		fmt.Println(u.ID, u.Reason, u.Problems)
	}

	_, err = match.DecodeRound(strings.NewReader(`{"on": "2026-11-23", "strict": true, `+people+`}`), profile.DecodeOptions{})
	fmt.Println(err)

	_, err = match.DecodeRound(strings.NewReader(`{"mentees": [{}, {}, {}]}`), profile.DecodeOptions{MaxPeople: 2})
	fmt.Println(errors.Is(err, profile.ErrTooMany))
	// Output:
	// 2 2 <nil>
	// me-1 invalid_profile [me-1: wants.languge: unknown field]
	// me-2 ineligible []
	// mo-1 invalid_profile [mo-1: capacity: 0 is not a capacity; leave it out for 1, or set paused to true to take no mentee this round]
	// me-1: mentees[0].wants.languge: unknown field
	// mo-1: mentors[0].capacity: 0 is not a capacity; leave it out for 1, or set paused to true to take no mentee this round
	// true
}
