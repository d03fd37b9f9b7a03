package profile_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/duomatch/duo/profile"
)

// Decoding a list of mentees reports every problem at once, each with its
// JSON path and the person's ID, and never a value of the document (the
// date that does not exist is not echoed).
func ExampleDecodeMentees() {
	doc := `[
	  {"id": "me-1", "birth_date": "2001-04-12", "project": "a job in IT", "languages": [{"tag": "fr", "level": "C1"}]},
	  {"id": "me-2", "birth_date": "2002-02-30", "prject": "care", "languages": [{"tag": "nl", "level": "B3"}]}
	]`
	_, err := profile.DecodeMentees(strings.NewReader(doc), profile.DecodeOptions{})
	for _, fe := range profile.Problems(err) {
		fmt.Printf("%s  %s  %s\n", fe.ID(), fe.Path, fe.Detail)
	}
	fmt.Println(errors.Is(err, profile.ErrInvalid))

	mentees, err := profile.DecodeMentees(strings.NewReader(`[{"id": "me-1", "birth_date": "2001-04-12"}]`), profile.DecodeOptions{})
	fmt.Println(len(mentees), err)
	// Output:
	// me-2  [1].birth_date  invalid value; want an existing day as "YYYY-MM-DD"
	// me-2  [1].prject  unknown field
	// me-2  [1].languages[0].level  unknown level (want A1, A2, B1, B2, C1, C2 or native)
	// true
	// 1 <nil>
}
