package match_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
)

// reviewRound is the round of the alternatives examples: three mentees
// who waited 30, 5 and 12 days, two mentors.
func reviewRound() match.Round {
	on := profile.MustDate(2026, time.November, 23)
	mentee := func(id string, waited int, sector string, interests ...string) profile.Mentee {
		return profile.Mentee{
			ID:           id,
			BirthDate:    profile.MustDate(2001, time.April, 12),
			Background:   profile.Background{BirthCountry: "MA"},
			JobSeeker:    profile.JobSeeker{Registered: true, Agency: "Actiris"},
			Project:      "A first job in the sector",
			Sectors:      []profile.Sector{profile.Sector(sector)},
			Interests:    interests,
			Languages:    []profile.Language{{Tag: "fr", Level: profile.B2}},
			Home:         profile.Place{City: "Brussels"},
			Availability: profile.AvailabilityOf(0, 4),
			AppliedOn:    on.AddDays(-waited),
		}
	}
	mentor := func(id, sector string, interests ...string) profile.Mentor {
		return profile.Mentor{
			ID:           id,
			BirthDate:    profile.MustDate(1960, time.March, 3),
			Experience:   []profile.Experience{{Sector: profile.Sector(sector), Years: 20}},
			Interests:    interests,
			Languages:    []profile.Language{{Tag: "fr", Level: profile.Native}},
			Home:         profile.Place{City: "Brussels"},
			Availability: profile.AvailabilityOf(0, 4),
			WeeklyHours:  2,
		}
	}
	return match.Round{
		On: on,
		Mentees: []profile.Mentee{
			mentee("me-1", 30, "62.01", "chess"),
			mentee("me-2", 5, "86.10", "music"),
			mentee("me-3", 12, "62.02", "music"),
		},
		Mentors: []profile.Mentor{
			mentor("mo-1", "62.02", "chess"),
			mentor("mo-2", "86.10", "music"),
		},
	}
}

// Every mentee's alternatives at once, as a coordinator's review page
// shows them: for each, the mentors they could have instead, what the
// pool would lose (in compatibility and in waiting priority), and the
// duos that would move.
func ExampleProposal_AllAlternatives() {
	round := reviewRound()
	p, err := match.Propose(context.Background(), round)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, d := range p.Duos {
		fmt.Printf("%s + %s  score %.2f\n", d.MenteeID, d.MentorID, d.Score)
	}
	all, err := p.AllAlternatives(context.Background(), 2)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	ids := make([]string, 0, len(all))
	for id := range all {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		for _, a := range all[id] {
			fmt.Printf("%s could have %s (score %.2f): lost duos %d, score loss %.3f, priority loss %.3f\n",
				id, a.MentorID, a.Score, a.LostDuos, a.ScoreLoss, a.PriorityLoss)
			fmt.Printf("  %s\n", a.Describe())
		}
	}
	// Output:
	// me-1 + mo-1  score 0.84
	// me-2 + mo-2  score 0.86
	// me-1 could have mo-2 (score 0.46): lost duos 0, score loss 0.475, priority loss -0.035
	//   me-1 would lose mo-1 and get mo-2 instead; me-2 would lose mo-2 and be left unmatched; me-3 would get mo-1
	// me-2 could have mo-1 (score 0.46): lost duos 0, score loss 0.675, priority loss 0.090
	//   me-2 would lose mo-2 and get mo-1 instead; me-1 would lose mo-1 and be left unmatched; me-3 would get mo-2
	// me-3 could have mo-1 (score 0.76): lost duos 0, score loss 0.075, priority loss 0.090
	//   me-3 would get mo-1; me-1 would lose mo-1 and be left unmatched
	// me-3 could have mo-2 (score 0.56): lost duos 0, score loss 0.300, priority loss -0.035
	//   me-3 would get mo-2; me-2 would lose mo-2 and be left unmatched
}

// The alternatives of the one mentee a coordinator looks at: the same
// figures as AllAlternatives gives for that mentee, without searching for
// the others. An ID outside the round's pool is a problem at its position
// in the list.
func ExampleProposal_AlternativesOf() {
	p, err := match.Propose(context.Background(), reviewRound())
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	alts, err := p.AlternativesOf(context.Background(), []string{"me-3"}, 2)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, a := range alts["me-3"] {
		fmt.Printf("me-3 could have %s (score %.2f): %s\n", a.MentorID, a.Score, a.Describe())
	}
	_, err = p.AlternativesOf(context.Background(), []string{"me-3", "me-9"}, 2)
	fmt.Println(err, errors.Is(err, match.ErrUnknownMentee))
	// Output:
	// me-3 could have mo-1 (score 0.76): me-3 would get mo-1; me-1 would lose mo-1 and be left unmatched
	// me-3 could have mo-2 (score 0.56): me-3 would get mo-2; me-2 would lose mo-2 and be left unmatched
	// [1]: no mentee of the round has this id true
}

// What a service computes beside a proposal when the body that brought
// the round asks for more (here as the page sends it): the alternatives
// of the mentee a coordinator looks at, and who to recruit for the
// mentees left without a mentor.
func ExampleProposal_Extras() {
	p, err := match.Propose(context.Background(), reviewRound())
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	var x match.Extras
	if err := json.Unmarshal([]byte(`{"alternatives": 1, "alternatives_for": ["me-3"], "needs": true}`), &x); err != nil {
		fmt.Println("error:", err)
		return
	}
	a, err := p.Extras(context.Background(), x)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, alt := range a.Alternatives["me-3"] {
		fmt.Printf("me-3 could have %s (score %.2f)\n", alt.MentorID, alt.Score)
	}
	for _, n := range a.Needs {
		fmt.Printf("recruit %s for %v\n", n.Mentor.ID, n.MenteeIDs)
	}
	fmt.Println(len(a.Outreach), "outreach")
	// Output:
	// me-3 could have mo-1 (score 0.76)
	// recruit recruit-1 for [me-3]
	// 0 outreach
}
