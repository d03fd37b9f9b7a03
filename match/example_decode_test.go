package match_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
)

// A service decodes a round with the library's strict decoder and passes
// its errors on: each names the JSON path and, for a person, the ID. A
// pool over the limit wraps profile.ErrTooMany (an HTTP service answers
// 422).
func ExampleDecodeRound() {
	doc := `{"on": "2026-11-23", "objective": "best_total",
	  "mentees": [{"id": "me-1", "birth_date": "2001-04-12", "wants": {"mentor_gender": "female", "languge": "nl"}}],
	  "mentors": [{"id": "mo-1", "birth_date": "1960-01-01", "capacity": 0}],
	  "policy": {"mentee": {"max_age": 33}}}`
	_, err := match.DecodeRound(strings.NewReader(doc), profile.DecodeOptions{})
	fmt.Println(err)

	_, err = match.DecodeRound(strings.NewReader(`{"mentees": [{}, {}, {}]}`), profile.DecodeOptions{MaxPeople: 2})
	fmt.Println(errors.Is(err, profile.ErrTooMany))

	round, err := match.DecodeRound(strings.NewReader(`{"on": "2026-11-23", "mentees": [{"id": "me-1", "birth_date": "2001-04-12"}]}`), profile.DecodeOptions{})
	fmt.Println(round.On, len(round.Mentees), round.Objective, err)
	// Output:
	// me-1: mentees[0].wants.languge: unknown field
	// mo-1: mentors[0].capacity: 0 is not a capacity; leave it out for 1, or set paused to true to take no mentee this round
	// true
	// 2026-11-23 1 most_matched <nil>
}
