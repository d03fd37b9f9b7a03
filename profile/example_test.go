package profile_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/duomatch/duo/profile"
)

func ExampleAge() {
	// Born on 29 February: one year older on 1 March in common years.
	birth := profile.MustDate(2008, time.February, 29)
	for _, on := range []profile.Date{
		profile.MustDate(2026, time.February, 28),
		profile.MustDate(2026, time.March, 1),
		profile.MustDate(2028, time.February, 28),
		profile.MustDate(2028, time.February, 29),
	} {
		fmt.Println(on, profile.Age(birth, on))
	}
	// Output:
	// 2026-02-28 17
	// 2026-03-01 18
	// 2028-02-28 19
	// 2028-02-29 20
}

func ExampleIsEU() {
	for _, on := range []profile.Date{
		profile.MustDate(2020, time.January, 31),
		profile.MustDate(2020, time.February, 1),
	} {
		fmt.Printf("%s: GB in the EU: %t, %d member states\n", on, profile.IsEU("GB", on), len(profile.EUMembers(on)))
	}
	// Output:
	// 2020-01-31: GB in the EU: true, 28 member states
	// 2020-02-01: GB in the EU: false, 27 member states
}

func ExamplePolicy_CheckMentee() {
	docs := []string{
		// Born in Belgium to parents born in Morocco: a second-generation
		// non-EU background.
		`{"id": "me-001", "birth_date": "2001-04-12",
		  "background": {"birth_country": "BE", "nationalities": ["BE"], "parent_birth_countries": ["MA"]},
		  "job_seeker": {"registered": true, "agency": "Actiris", "since": "2026-05-02"},
		  "project": "First job as a web developer"}`,
		`{"id": "me-002", "birth_date": "2008-11-24",
		  "background": {"birth_country": "FR", "nationalities": ["FR"]},
		  "job_seeker": {"registered": true, "agency": "Pôle emploi"},
		  "project": ""}`,
	}
	// One city's programme admits mentees up to 33.
	policy := profile.DefaultPolicy()
	if err := json.Unmarshal([]byte(`{"mentee": {"max_age": 33}}`), &policy); err != nil {
		panic(err)
	}
	on := profile.MustDate(2026, time.November, 23)
	for _, doc := range docs {
		var m profile.Mentee
		if err := json.Unmarshal([]byte(doc), &m); err != nil {
			panic(err)
		}
		violations := policy.CheckMentee(m, on)
		if violations == nil {
			fmt.Printf("%s: eligible\n", m.ID)
			continue
		}
		fmt.Printf("%s: not eligible\n", m.ID)
		for _, v := range violations {
			fmt.Printf("  %s (%s): %s\n", v.Code, v.Field, v.Message)
		}
	}
	// Output:
	// me-001: eligible
	// me-002: not eligible
	//   too_young (birth_date): younger than the programme's minimum age of 18 on 2026-11-23
	//   no_non_eu_background (background): neither the mentee nor a parent was born outside the EU or holds a non-EU nationality (EU as on 2026-11-23)
	//   agency_not_accepted (job_seeker.agency): registered with an employment service the programme does not accept (accepted: Actiris, VDAB, Le Forem, ADG)
	//   no_project (project): no personal or professional project stated
}

func ExampleMentee_Validate() {
	doc := `{"id": "me-003", "birth_date": "1999-07-01",
	  "background": {"birth_country": "UK"},
	  "sectors": ["62.01", "34"],
	  "languages": [{"tag": "ar", "level": "native"}, {"tag": "fr", "level": "C1"}, {"tag": "nl", "level": "B3"}],
	  "traits": {"openness": 1.7}}`
	var m profile.Mentee
	if err := json.Unmarshal([]byte(doc), &m); err != nil {
		panic(err)
	}
	err := m.Validate()
	fmt.Println("invalid:", errors.Is(err, profile.ErrInvalid))
	for _, fe := range profile.Problems(err) {
		fmt.Println(fe)
	}
	// The first problem, for a reply that names one field:
	var first *profile.Problem
	if errors.As(err, &first) {
		fmt.Println("first:", first.ID(), first.Path)
	}
	// Output:
	// invalid: true
	// me-003: background.birth_country: unknown country code (want ISO 3166-1 alpha-2, such as BE)
	// me-003: sectors[1]: NACE Rev. 2 has no division 34
	// me-003: languages[2].level: unknown level (want A1, A2, B1, B2, C1, C2 or native)
	// me-003: traits["openness"]: outside 0..1
	// first: me-003 background.birth_country
}

func ExampleMentor_EffectiveCapacity() {
	// No capacity given: the default, one mentee at a time. A mentor who
	// takes no mentee for now is paused, not given capacity 0.
	var m profile.Mentor
	if err := json.Unmarshal([]byte(`{"id": "mo-001", "paused": true}`), &m); err != nil {
		panic(err)
	}
	fmt.Println(m.EffectiveCapacity(), m.Paused)
	// Output: 1 true
}

// A Policy that sets some fields keeps the default for all the others;
// turning a rule off is explicit.
func ExamplePolicy() {
	// Unregistered, born in Belgium to Belgian parents, no project, 32.
	m := profile.Mentee{
		ID:         "me-004",
		BirthDate:  profile.MustDate(1994, time.March, 2),
		Background: profile.Background{BirthCountry: "BE", Nationalities: []profile.Country{"BE"}},
	}
	on := profile.MustDate(2026, time.November, 23)

	// One city's programme admits mentees up to 33: every other rule stays.
	upTo33 := profile.Policy{Mentee: profile.MenteeRules{MaxAge: 33}}
	for _, v := range upTo33.CheckMentee(m, on) {
		fmt.Println(v.Code)
	}

	// The same, without the project rule.
	noProject := upTo33
	noProject.Mentee.Project = profile.Off
	fmt.Println("without the project rule:")
	for _, v := range noProject.CheckMentee(m, on) {
		fmt.Println(v.Code)
	}
	// Output:
	// no_non_eu_background
	// not_registered
	// no_project
	// without the project rule:
	// no_non_eu_background
	// not_registered
}

// Resolved writes the defaults out; in JSON a limit that is off is -1 and a
// switch that is off is false.
func ExamplePolicy_Resolved() {
	var p profile.Policy
	doc := `{"mentee": {"max_age": -1, "project": false}, "mentor": {"trained": true}}`
	if err := json.Unmarshal([]byte(doc), &p); err != nil {
		panic(err)
	}
	b, err := json.MarshalIndent(p.Resolved(), "", "  ")
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b))
	// Output:
	// {
	//   "mentee": {
	//     "min_age": 18,
	//     "max_age": -1,
	//     "non_eu_background": true,
	//     "registered_job_seeker": true,
	//     "agencies": [
	//       "Actiris",
	//       "VDAB",
	//       "Le Forem",
	//       "ADG"
	//     ],
	//     "project": false
	//   },
	//   "mentor": {
	//     "min_age": 50,
	//     "min_weekly_hours": 2,
	//     "min_experience_years": 1,
	//     "trained": true
	//   }
	// }
}

func ExampleLimit() {
	// A setting whose zero means a default of 25 km, and that Off turns off.
	for _, setting := range []float64{0, 40, profile.Off} {
		limit, ok := profile.Limit(setting, 25)
		fmt.Printf("%g: limit %g, applies %t\n", setting, limit, ok)
	}
	// Output:
	// 0: limit 25, applies true
	// 40: limit 40, applies true
	// -1: limit 0, applies false
}

func ExampleSwitch() {
	var rules struct {
		Project profile.Switch `json:"project"`
		Trained profile.Switch `json:"trained"`
	}
	if err := json.Unmarshal([]byte(`{"project": false}`), &rules); err != nil {
		panic(err)
	}
	// Project is off; Trained is not set, so it has its default.
	fmt.Println(rules.Project, rules.Project.Enabled(true))
	fmt.Println(rules.Trained, rules.Trained.Enabled(false))

	// Anything but true, false and null is an error naming the field.
	p := profile.DefaultPolicy()
	err := json.Unmarshal([]byte(`{"mentee": {"project": 1}}`), &p)
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		fmt.Println(te.Field, "is a", te.Value)
	}
	// Output:
	// off false
	// default false
	// mentee.project is a number
}
