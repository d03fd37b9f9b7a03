package match_test

import (
	"golang.org/x/text/language"

	"context"
	"fmt"
	"time"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
)

// Three young people in Antwerp who speak Dutch wait, while the only
// mentor lives in Brussels and speaks French; a second mentor in Liège
// finds no one. Needs describes the mentor to recruit and what one, two
// or three of them would bring; Outreach the mentee to look for.
func ExampleProposal_Needs() {
	on := profile.MustDate(2026, time.November, 23)
	mentee := func(id, city string, waited int, sector string) profile.Mentee {
		return profile.Mentee{
			ID:           id,
			BirthDate:    profile.MustDate(2002, time.May, 1),
			Background:   profile.Background{BirthCountry: "TR"},
			JobSeeker:    profile.JobSeeker{Registered: true, Agency: "VDAB"},
			Project:      "A job in construction",
			Sectors:      []profile.Sector{profile.Sector(sector)},
			Languages:    []profile.Language{{Tag: "tr", Level: profile.Native}, {Tag: "nl", Level: profile.B1}},
			Home:         profile.Place{City: city},
			Availability: profile.AvailabilityOf(2, 8), // mon-evening, wed-evening
			Wants:        profile.MenteeWants{PractiseLanguage: "nl"},
			AppliedOn:    on.AddDays(-waited),
		}
	}
	mentor := func(id, city, lang string) profile.Mentor {
		return profile.Mentor{
			ID:           id,
			BirthDate:    profile.MustDate(1958, time.June, 9),
			Experience:   []profile.Experience{{Sector: "47.11", Years: 25}},
			Languages:    []profile.Language{{Tag: lang, Level: profile.Native}},
			Home:         profile.Place{City: city},
			Availability: profile.AvailabilityOf(15), // sat-morning
			WeeklyHours:  2,
		}
	}
	round := match.Round{
		On: on,
		Mentees: []profile.Mentee{
			mentee("me-1", "Antwerp", 40, "41.20"),
			mentee("me-2", "Antwerp", 12, "43.21"),
			mentee("me-3", "Antwerp", 5, "41.20"),
		},
		Mentors: []profile.Mentor{mentor("mo-1", "Brussels", "fr"), mentor("mo-2", "Liège", "fr")},
	}
	p, err := match.Propose(context.Background(), round)
	if err != nil {
		fmt.Println(err)
		return
	}
	needs, err := p.Needs(context.Background(), match.NeedsOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range needs {
		fmt.Printf("%s: %s\n  for %v (waited %d days)\n", n.Mentor.ID, n.Text(language.English), n.MenteeIDs, n.WaitingDays)
		for _, g := range n.Value {
			fmt.Printf("  %d recruited: +%d duos, objective %+.3f, total %+.3f\n", g.Recruits, g.Duos, g.Objective, g.Total)
		}
	}
	outreach, err := p.Outreach(context.Background(), match.NeedsOptions{MaxRecruits: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range outreach {
		fmt.Printf("%s: %s\n  for %v, +%d duo\n", o.Mentee.ID, o.Text(language.English), o.MentorIDs, o.Value[0].Duos)
	}
	// The same words in a coordinator's language.
	fmt.Println(needs[0].Text(language.Dutch))
	fmt.Println(outreach[1].Text(language.French))
	// Output:
	// recruit-1: speaks Dutch, lives within 25 km of Antwerpen, free Monday evening or Wednesday evening; sector F, construction
	//   for [me-1 me-2 me-3] (waited 57 days)
	//   1 recruited: +1 duos, objective +1.000, total +0.850
	//   2 recruited: +2 duos, objective +1.875, total +1.700
	//   3 recruited: +3 duos, objective +2.635, total +2.400
	// outreach-1: aims at sector G, wholesale and retail trade; repair of motor vehicles and motorcycles; speaks French, lives within 25 km of Bruxelles, free Saturday morning
	//   for [mo-1], +1 duo
	// outreach-2: aims at sector G, wholesale and retail trade; repair of motor vehicles and motorcycles; speaks French, lives within 25 km of Liège, free Saturday morning
	//   for [mo-2], +1 duo
	// spreekt Nederlands, woont binnen 25 km van Antwerpen, vrij op maandagavond of woensdagavond; sector F, bouwnijverheid
	// vise le secteur G, commerce; réparation d'automobiles et de motocycles ; parle français, habite à Liège ou dans un rayon de 25 km, disponible samedi matin
}
