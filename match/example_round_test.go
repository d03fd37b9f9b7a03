package match_test

import (
	"golang.org/x/text/language"

	"context"
	"fmt"
	"slices"
	"time"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// A small matching round: two mentees, two mentors, one of whom is too
// young for the programme. The proposal pairs the eligible people,
// explains the duo by its strongest criteria, and says why the others are
// left out; Alternatives tells what overruling it would cost.
func Example_round() {
	on := profile.MustDate(2026, time.November, 23)
	mentee := func(id, sector string, interests ...string) profile.Mentee {
		return profile.Mentee{
			ID:           id,
			BirthDate:    profile.MustDate(2001, time.April, 12),
			Background:   profile.Background{BirthCountry: "MA"},
			JobSeeker:    profile.JobSeeker{Registered: true, Agency: "Actiris"},
			Project:      "A first job in the sector",
			Sectors:      []profile.Sector{profile.Sector(sector)},
			Interests:    interests,
			Languages:    []profile.Language{{Tag: "ar", Level: profile.Native}, {Tag: "fr", Level: profile.B2}},
			Home:         profile.Place{City: "Brussels", Lat: 50.85, Lon: 4.35},
			Availability: profile.AvailabilityOf(0, 4, 12),
			Wants:        profile.MenteeWants{PractiseLanguage: "fr"},
			AppliedOn:    on.AddDays(-20),
		}
	}
	mentor := func(id string, born int, sector string, interests ...string) profile.Mentor {
		return profile.Mentor{
			ID:           id,
			BirthDate:    profile.MustDate(born, time.March, 3),
			Experience:   []profile.Experience{{Sector: profile.Sector(sector), Years: 20}},
			Interests:    interests,
			Languages:    []profile.Language{{Tag: "fr", Level: profile.Native}},
			Home:         profile.Place{City: "Brussels", Lat: 50.83, Lon: 4.37},
			Availability: profile.AvailabilityOf(0, 12),
			WeeklyHours:  2,
			Trained:      true,
		}
	}
	round := match.Round{
		On: on,
		Mentees: []profile.Mentee{
			mentee("me-1", "62.01", "football", "chess"),
			mentee("me-2", "86.10", "music"),
		},
		Mentors: []profile.Mentor{
			mentor("mo-1", 1960, "62.02", "chess"),
			mentor("mo-2", 1990, "86.10", "music"),
		},
	}
	p, err := match.Propose(context.Background(), round)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, d := range p.Duos {
		fmt.Printf("%s + %s  score %.2f\n", d.MenteeID, d.MentorID, d.Score)
		parts := slices.Clone(d.Parts)
		slices.SortStableFunc(parts, func(a, b scoring.Part) int {
			switch {
			case a.Contribution > b.Contribution:
				return -1
			case a.Contribution < b.Contribution:
				return 1
			}
			return 0
		})
		for _, part := range parts[:3] {
			fmt.Printf("  %-12s +%.2f  %s\n", part.Criterion, part.Contribution, part.Text(language.English))
		}
	}
	for _, u := range p.UnmatchedMentees {
		fmt.Printf("%s unmatched: %s", u.ID, u.Reason)
		if u.Best != nil {
			fmt.Printf(", best mentor %s (score %.2f) went to %v", u.Best.ID, u.Best.Score, u.Best.TakenBy)
		}
		fmt.Println()
	}
	for _, u := range p.UnmatchedMentors {
		fmt.Printf("%s unmatched: %s (%s)\n", u.ID, u.Reason, u.Violations[0].Code)
	}
	fmt.Printf("total %.2f\n", p.Total)

	alts, err := p.Alternatives("me-2", 3)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, a := range alts {
		fmt.Printf("me-2 could have %s: score %.2f, the pool would lose %.2f and %d duos\n", a.MentorID, a.Score, a.Loss, a.LostDuos)
	}
	// Output:
	// me-1 + mo-1  score 0.81
	//   sector       +0.23  same NACE group 62.0: computer programming, consultancy and related activities
	//   language     +0.15  speaks French natively, which the mentee practises
	//   availability +0.15  2 common weekly slots
	// me-2 unmatched: outcompeted, best mentor mo-1 (score 0.49) went to [me-1]
	// mo-2 unmatched: ineligible (too_young)
	// total 0.81
	// me-2 could have mo-1: score 0.49, the pool would lose 0.33 and 0 duos
}

// A person left out, in the words of a coordinator in Liège, Antwerp or
// Eupen: the reason's code stays the same, the words follow the language.
func ExampleUnmatched_Text() {
	u := match.Unmatched{ID: "me-12", Reason: match.ReasonNoCompatibleMentor,
		Blocked: map[string]int{"no_shared_language": 7, "too_far": 3}}
	for _, lang := range []language.Tag{language.English, language.French, language.Dutch, language.German} {
		fmt.Printf("%s  %s: %s\n", u.ID, u.Reason, u.Text(lang))
	}
	// Output:
	// me-12  no_compatible_mentor: every possible pair is blocked by a hard rule: no shared language (7), too far (3)
	// me-12  no_compatible_mentor: chaque paire possible est écartée par une règle stricte : pas de langue commune (7), trop loin (3)
	// me-12  no_compatible_mentor: elk mogelijk paar valt af door een harde regel: geen gemeenschappelijke taal (7), te ver (3)
	// me-12  no_compatible_mentor: jedes mögliche Paar scheitert an einer festen Regel: keine gemeinsame Sprache (7), zu weit entfernt (3)
}

// The words of a duo's score in the coordinator's language, beside the
// criteria's codes, which stay the API.
func ExampleProposal_PartTexts() {
	p, err := match.Propose(context.Background(), reviewRound())
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	texts := p.PartTexts(language.French)
	for i, part := range p.Duos[0].Parts[:3] {
		fmt.Printf("%s %s: %s\n", p.Duos[0].MenteeID, part.Criterion, texts[p.Duos[0].MenteeID][i])
	}
	// Output:
	// me-1 sector: même groupe NACE 62.0 : programmation, conseil et autres activités informatiques
	// me-1 occupation: aucun métier visé ou aucun métier exercé indiqué (neutre)
	// me-1 experience: 20 ans dans le secteur le plus proche (10 ans ou plus comptent pleinement)
}
