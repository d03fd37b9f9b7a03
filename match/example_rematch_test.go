package match_test

import (
	"context"
	"fmt"
	"time"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
)

// After a round, a coordinator attends each first meeting; about a quarter
// fail. The next round keeps the duos that work (pinned), never proposes a
// failed pair again (excluded), and matches the people whose meeting failed
// with others. The list of failed pairs is history: it keeps an entry whose
// mentor has left the programme, which the round ignores and counts.
func Example_rematch() {
	on := profile.MustDate(2026, time.November, 2)
	mentee := func(id string, interests ...string) profile.Mentee {
		return profile.Mentee{
			ID:           id,
			BirthDate:    profile.MustDate(2000, time.May, 9),
			Background:   profile.Background{BirthCountry: "CD"},
			JobSeeker:    profile.JobSeeker{Registered: true, Agency: "Actiris"},
			Project:      "A job in logistics",
			Sectors:      []profile.Sector{"52.10"},
			Interests:    interests,
			Languages:    []profile.Language{{Tag: "fr", Level: profile.C1}},
			Home:         profile.Place{City: "Brussels", Lat: 50.85, Lon: 4.35},
			Availability: profile.AvailabilityOf(0, 4, 12),
			AppliedOn:    on.AddDays(-14),
		}
	}
	mentor := func(id string, interests ...string) profile.Mentor {
		return profile.Mentor{
			ID:           id,
			BirthDate:    profile.MustDate(1958, time.June, 1),
			Experience:   []profile.Experience{{Sector: "52.10", Years: 25}},
			Interests:    interests,
			Languages:    []profile.Language{{Tag: "fr", Level: profile.Native}},
			Home:         profile.Place{City: "Brussels", Lat: 50.84, Lon: 4.36},
			Availability: profile.AvailabilityOf(0, 4, 12),
			WeeklyHours:  2,
			Trained:      true,
		}
	}
	round := match.Round{
		On:       on,
		Mentees:  []profile.Mentee{mentee("me-1", "chess", "music"), mentee("me-2", "football"), mentee("me-3", "cooking"), mentee("me-4", "music")},
		Mentors:  []profile.Mentor{mentor("mo-1", "chess", "music"), mentor("mo-2", "football"), mentor("mo-3", "cooking"), mentor("mo-4", "music")},
		Excluded: []match.Duo{{MenteeID: "me-3", MentorID: "mo-9"}}, // mo-9 has left
	}
	show := func(p match.Proposal) {
		for _, d := range p.Duos {
			status := "proposed"
			if d.Pinned {
				status = "pinned"
			}
			fmt.Printf("  %s + %s  %.2f  %s\n", d.MenteeID, d.MentorID, d.Score, status)
		}
		fmt.Printf("  unmatched mentees %d, ignored exclusions %d\n", len(p.UnmatchedMentees), p.IgnoredExclusions)
	}

	first, err := match.Propose(context.Background(), round)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("first round:")
	show(first)

	// The first meetings of me-1 and me-2 fail; the others become duos.
	failed := map[string]bool{"me-1": true, "me-2": true}
	for _, d := range first.Duos {
		duo := match.Duo{MenteeID: d.MenteeID, MentorID: d.MentorID}
		if failed[d.MenteeID] {
			round.Excluded = append(round.Excluded, duo)
		} else {
			round.Pinned = append(round.Pinned, duo)
		}
	}
	round.On = on.AddDays(28)
	next, err := match.Propose(context.Background(), round)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("next round:")
	show(next)
	// Output:
	// first round:
	//   me-1 + mo-1  0.86  proposed
	//   me-2 + mo-2  0.86  proposed
	//   me-3 + mo-3  0.86  proposed
	//   me-4 + mo-4  0.86  proposed
	//   unmatched mentees 0, ignored exclusions 1
	// next round:
	//   me-1 + mo-2  0.76  proposed
	//   me-2 + mo-1  0.76  proposed
	//   me-3 + mo-3  0.86  pinned
	//   me-4 + mo-4  0.86  pinned
	//   unmatched mentees 0, ignored exclusions 1
}
