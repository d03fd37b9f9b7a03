package match_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
)

// propose is the snippet the README shows; TestReadmeSnippet keeps the two
// the same.
func propose(ctx context.Context, mentees []profile.Mentee, mentors []profile.Mentor) error {
	round := match.Round{
		On:       profile.MustDate(2026, time.November, 23),
		Mentees:  mentees, // decoded from your service's JSON
		Mentors:  mentors,
		Pinned:   []match.Duo{{MenteeID: "me-0002", MentorID: "mo-0005"}},
		Excluded: []match.Duo{{MenteeID: "me-0003", MentorID: "mo-0001"}},
	}
	p, err := match.Propose(ctx, round)
	if err != nil {
		return err // every problem at once, each naming an ID and a field
	}
	for _, d := range p.Duos {
		fmt.Printf("%s + %s  %.2f  pinned=%v\n", d.MenteeID, d.MentorID, d.Score, d.Pinned)
	}
	for _, u := range p.UnmatchedMentees {
		fmt.Printf("%s unmatched: %s\n", u.ID, u.Reason)
	}
	fmt.Printf("total %.2f\n", p.Total)
	return nil
}

// The README's round, on a small synthetic pool.
func Example_readme() {
	on := profile.MustDate(2026, time.November, 23)
	mentees, mentors := synth.Generate(synth.Config{Seed: 3, Mentees: 6, Mentors: 5, On: on})
	if err := propose(context.Background(), mentees, mentors); err != nil {
		fmt.Println("error:", err)
	}
	// Output:
	// me-0002 + mo-0005  0.31  pinned=true
	// me-0005 + mo-0003  0.72  pinned=false
	// me-0006 + mo-0001  0.51  pinned=false
	// me-0001 unmatched: no_compatible_mentor
	// me-0003 unmatched: outcompeted
	// me-0004 unmatched: outcompeted
	// total 1.22
}

func TestReadmeSnippet(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("example_readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(src), "func propose(")
	end := strings.Index(string(src[start:]), "\n}\n")
	snippet := string(src[start : start+end+3])
	if !strings.Contains(string(readme), "```go\n"+snippet+"```") {
		t.Errorf("README.md's Go snippet differs from propose in example_readme_test.go; copy it over:\n%s", snippet)
	}
}
