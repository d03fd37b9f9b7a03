package scoring_test

import (
	"context"
	"fmt"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// A mentee in Ghent who aims for a job in IT and wants to practise Dutch,
// and a retired mentor who worked in software for twelve years.
func examplePair() (profile.Mentee, profile.Mentor) {
	mon, _ := profile.ParseSlot("mon-evening")
	wed, _ := profile.ParseSlot("wed-afternoon")
	sat, _ := profile.ParseSlot("sat-morning")
	me := profile.Mentee{
		ID:           "me-017",
		BirthDate:    profile.MustDate(2001, 9, 14),
		Sectors:      []profile.Sector{"62.01"},
		Occupation:   "2512",
		Interests:    []string{"chess", "Cooking", "football"},
		Languages:    []profile.Language{{Tag: "ti", Level: profile.Native}, {Tag: "en", Level: profile.B2}, {Tag: "nl", Level: profile.A2}},
		Home:         profile.Place{City: "Ghent", Lat: 51.0543, Lon: 3.7174},
		Availability: profile.AvailabilityOf(mon, wed, sat),
		Traits:       profile.Traits{"openness": 0.8, "extraversion": 0.3},
		Wants:        profile.MenteeWants{PractiseLanguage: "nl"},
	}
	mo := profile.Mentor{
		ID:           "mo-004",
		BirthDate:    profile.MustDate(1957, 2, 3),
		Experience:   []profile.Experience{{Sector: "62.02", Occupation: "2511", Years: 12}, {Sector: "85.31", Years: 4}},
		Languages:    []profile.Language{{Tag: "nl-BE", Level: profile.Native}, {Tag: "en", Level: profile.C1}, {Tag: "fr", Level: profile.B2}},
		Home:         profile.Place{City: "Merelbeke", Lat: 51.0000, Lon: 3.7460},
		Availability: profile.AvailabilityOf(mon, sat),
		Interests:    []string{"cooking", "hiking"},
		Traits:       profile.Traits{"openness": 0.6, "extraversion": 0.5, "stability": 0.9},
	}
	return me, mo
}

func ExampleScorer_Pair() {
	me, mo := examplePair()
	r := scoring.Default().Pair(&me, &mo)
	fmt.Printf("score %.3f\n", r.Score)
	for _, p := range r.Parts {
		fmt.Printf("%-12s %.2f × %.2f = %.3f  %s\n", p.Criterion, p.Weight, p.Value, p.Contribution, p.Text(language.English))
	}
	// Output:
	// score 0.845
	// sector       0.25 × 0.90 = 0.225  same NACE group 62.0: computer programming, consultancy and related activities
	// occupation   0.10 × 0.90 = 0.090  same ISCO minor group 251: software and applications developers and analysts
	// experience   0.05 × 1.00 = 0.050  12 years in the best-matching sector (10 or more count fully)
	// interests    0.10 × 0.25 = 0.025  shares 1 of 4 interests
	// language     0.15 × 1.00 = 0.150  speaks Dutch natively, which the mentee practises; 1 further shared language
	// personality  0.10 × 0.80 = 0.080  traits differ by 0.20 on average over 2 shared traits
	// distance     0.10 × 0.75 = 0.075  Gent – Merelbeke-Melle, 6.4 km apart (0 at 25 km)
	// availability 0.15 × 1.00 = 0.150  2 common weekly slots
}

// The words of a score in the coordinator's language: Part.Text renders a
// criterion's explanation from its codes and values, with sectors,
// occupations and languages named in that language and numbers written
// with its decimal comma.
func ExamplePart_Text() {
	me, mo := examplePair()
	r := scoring.Default().Pair(&me, &mo)
	for _, lang := range []language.Tag{language.French, language.Dutch} {
		for _, p := range r.Parts[:2] {
			fmt.Println(p.Text(lang))
		}
		fmt.Println(r.Parts[4].Text(lang))
		fmt.Println(r.Parts[6].Text(lang))
	}
	// Output:
	// même groupe NACE 62.0 : programmation, conseil et autres activités informatiques
	// même sous-groupe CITP 251 : concepteurs et analystes de logiciels et de multimédia
	// parle néerlandais comme langue maternelle, la langue que le jeune pratique ; 1 autre langue en commun
	// Gand – Merelbeke-Melle : 6,4 km de distance (0 à partir de 25 km)
	// zelfde NACE-groep 62.0: computerprogrammering, consultancy en aanverwante activiteiten
	// zelfde ISCO-subgroep 251: software- en applicatieontwikkelaars en -analisten
	// spreekt Nederlands als moedertaal, de taal die de mentee oefent; nog 1 gedeelde taal
	// Gent – Merelbeke-Melle, 6,4 km van elkaar (0 vanaf 25 km)
}

// A pair can be blocked by several hard rules; Pair lists them all.
func ExampleScorer_Pair_blocked() {
	me, mo := examplePair()
	me.Wants.MentorGender = "female"
	mo.Gender = "male"
	mo.Home = profile.Place{City: "Liège", Lat: 50.6326, Lon: 5.5797}
	r := scoring.Default().Pair(&me, &mo)
	fmt.Println("score", r.Score)
	for _, b := range r.Blocked {
		fmt.Printf("%s: %s\n", b.Code, b.Text(language.English))
	}
	// Output:
	// score -Inf
	// gender_wish: a wish about the partner's gender is not met
	// too_far: Gent – Liège, 138.9 km apart, more than the maximum of 25 km
}

// Without coordinates on both sides the distance cannot be measured: only
// the same city passes the distance rule, compared ignoring case and
// accents, and a pair whose place is not known is blocked rather than
// passed unchecked.
func ExampleScorer_Pair_withoutCoordinates() {
	me, mo := examplePair()
	s := scoring.Default() // Places nil: the Belgian gazetteer
	for _, homes := range [][2]profile.Place{
		{{City: "Liège"}, {City: "LIEGE"}},
		{{City: "Liège"}, {City: "Gent"}},
		{{Postcode: "1030", City: "Schaarbeek"}, {City: "Ixelles"}},
		{{City: "Bruxelles"}, {Postcode: "1000"}},
		{{City: "Bruxelles"}, {}},
	} {
		me.Home, mo.Home = homes[0], homes[1]
		r := s.Pair(&me, &mo)
		if len(r.Blocked) == 0 {
			fmt.Printf("score %.3f: %s\n", r.Score, r.Parts[6].Text(language.English))
			continue
		}
		fmt.Printf("%s: %s\n", r.Blocked[0].Code, r.Blocked[0].Text(language.English))
	}
	// The distance rule turned off: places block nothing.
	s.Rules.MaxDistanceKm = profile.Off
	fmt.Printf("distance rule off: %d reasons\n", len(s.Pair(&me, &mo).Blocked))
	// Output:
	// score 0.870: both in Liège (0 at 25 km)
	// too_far: Liège – Gent, 137.9 km apart, more than the maximum of 25 km
	// score 0.854: Schaerbeek – Ixelles, 4.1 km apart (0 at 25 km)
	// score 0.870: both in Bruxelles (0 at 25 km)
	// too_far: Bruxelles – unknown place: the mentor's home was not found in the gazetteer, so the distance cannot be checked
	// distance rule off: 0 reasons
}

// Each setting left zero keeps its default: a Scorer that sets only a rule
// keeps the default weights and the 25 km limit.
func ExampleScorer_defaults() {
	me, mo := examplePair()
	onlyRule := scoring.Scorer{Rules: scoring.Rules{MinSharedLevel: profile.B2}}
	onlyWeights := scoring.Scorer{Weights: scoring.DefaultWeights()}
	mo.Home = profile.Place{City: "Antwerp", Lat: 51.2194, Lon: 4.4025}
	fmt.Println(onlyRule.Validate(), onlyRule.Pair(&me, &mo).Blocked[0].Text(language.English))
	fmt.Println(onlyWeights.Pair(&me, &mo).Blocked[0].Text(language.English))
	// Output:
	// <nil> Gent – Antwerpen, 51.2 km apart, more than the maximum of 25 km
	// Gent – Antwerpen, 51.2 km apart, more than the maximum of 25 km
}

// A round excludes pairs, such as those whose first meeting failed, on its
// compiled pool: the pair's cell is -Inf, and Pair tells why, with what the
// pair would have scored.
func ExamplePool_Exclude() {
	me, mo := examplePair()
	pool, err := scoring.Default().Compile(context.Background(), []profile.Mentee{me}, []profile.Mentor{mo})
	if err != nil {
		fmt.Println(err)
		return
	}
	pool.Exclude(0, 0)
	m, err := pool.Matrix(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	r := pool.Pair(0, 0)
	sum := 0.0
	for _, p := range r.Parts {
		sum += p.Contribution
	}
	fmt.Println("cell", m.At(0, 0))
	fmt.Printf("%s: %s (would score %.3f)\n", r.Blocked[0].Code, r.Blocked[0].Text(language.English), sum)
	// Output:
	// cell -Inf
	// excluded: the pair is on the excluded list (would score 0.845)
}

func ExampleScorer_Matrix() {
	me, mo := examplePair()
	other := mo
	other.ID = "mo-005"
	other.Home = profile.Place{City: "Antwerp", Lat: 51.2194, Lon: 4.4025}
	m, err := scoring.Default().Matrix(context.Background(), []profile.Mentee{me}, []profile.Mentor{mo, other})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.3f %.3f\n", m.At(0, 0), m.At(0, 1))
	// Output:
	// 0.845 -Inf
}
