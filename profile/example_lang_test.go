package profile_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/duomatch/duo/profile"
)

// A coordinator in Liège reads the rules a mentee fails in French: the
// codes stay the same in every language, the words follow the language a
// service asks for (here from an Accept-Language header), and the day of
// the check is written day first.
func ExampleViolation_Text() {
	lang := profile.MatchLanguage("fr-BE,fr;q=0.9,en;q=0.5")
	m := profile.Mentee{
		ID:        "me-1",
		BirthDate: profile.MustDate(1990, time.May, 4),
		JobSeeker: profile.JobSeeker{Registered: true, Agency: "Le Forem"},
		Project:   "un emploi dans la logistique",
		Background: profile.Background{
			BirthCountry: "MA",
		},
	}
	on := profile.MustDate(2026, time.November, 23)
	for _, v := range profile.DefaultPolicy().CheckMentee(m, on) {
		fmt.Printf("%s: %s\n", v.Code, v.Text(lang))
	}
	// Output:
	// too_old: dépasse l'âge maximum du programme, 30 ans, au 23 novembre 2026
}

// A coordinator in Antwerp reads the problems of a profile in Dutch: the
// place (the participant's ID, the field) as the input names it, the words
// in Dutch. Error stays English.
func ExampleProblem_Text() {
	_, err := profile.DecodeMentees(strings.NewReader(`[{"id": "me-7", "birth_date": "2001-02-30", "languages": [{"tag": "nl"}]}]`), profile.DecodeOptions{})
	for _, p := range profile.Problems(err) {
		fmt.Println(p.Text(profile.MatchLanguage("nl-BE")))
		fmt.Println(p.Error())
	}
	// Output:
	// me-7: [0].birth_date: ongeldige waarde; verwacht: een bestaande dag als "JJJJ-MM-DD"
	// me-7: [0].birth_date: invalid value; want an existing day as "YYYY-MM-DD"
	// me-7: [0].languages[0].level: ontbreekt
	// me-7: [0].languages[0].level: missing
}
