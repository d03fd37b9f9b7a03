package profile

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// policyDoc is the policy JSON of issue 2: the model programme's rules.
const policyDoc = `{"mentee": {"min_age": 18, "max_age": 30, "non_eu_background": true, "registered_job_seeker": true, "agencies": ["Actiris", "VDAB", "Le Forem", "ADG"], "project": true}, "mentor": {"min_age": 50, "min_weekly_hours": 2, "min_experience_years": 1, "trained": false}}`

func TestDefaultPolicyJSON(t *testing.T) {
	b, err := json.Marshal(DefaultPolicy())
	require.NoError(t, err)
	assert.JSONEq(t, policyDoc, string(b))

	var p Policy
	require.NoError(t, json.Unmarshal([]byte(policyDoc), &p))
	assert.Equal(t, DefaultPolicy(), p)
	assert.NoError(t, p.Validate())
}

func TestPolicyPartialJSON(t *testing.T) {
	tests := []struct {
		name   string
		doc    string
		change func(p *Policy)
	}{
		{name: "empty document", doc: `{}`, change: func(*Policy) {}},
		{name: "one city's maximum age", doc: `{"mentee": {"max_age": 33}}`,
			change: func(p *Policy) { p.Mentee.MaxAge = 33 }},
		{name: "training required", doc: `{"mentor": {"trained": true}}`,
			change: func(p *Policy) { p.Mentor.Trained = On }},
		{name: "other agencies", doc: `{"mentee": {"agencies": ["VDAB"]}}`,
			change: func(p *Policy) { p.Mentee.Agencies = []Agency{"VDAB"} }},
		{name: "any agency", doc: `{"mentee": {"any_agency": true}}`,
			change: func(p *Policy) { p.Mentee.AnyAgency = true }},
		{name: "project rule turned off", doc: `{"mentee": {"project": false}}`,
			change: func(p *Policy) { p.Mentee.Project = Off }},
		{name: "rules turned off", doc: `{"mentee": {"non_eu_background": false, "max_age": -1}, "mentor": {"min_weekly_hours": -1}}`,
			change: func(p *Policy) { p.Mentee.NonEUBackground = Off; p.Mentee.MaxAge = Off; p.Mentor.MinWeeklyHours = Off }},
		{name: "null switch is the default", doc: `{"mentee": {"project": null}, "mentor": {"trained": null}}`,
			change: func(p *Policy) { p.Mentee.Project = 0; p.Mentor.Trained = 0 }},
		{name: "zero limits are the defaults", doc: `{"mentee": {"min_age": 0, "max_age": 0}, "mentor": {"min_weekly_hours": 0}}`,
			change: func(p *Policy) { p.Mentee.MinAge = 0; p.Mentee.MaxAge = 0; p.Mentor.MinWeeklyHours = 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DefaultPolicy()
			require.NoError(t, json.Unmarshal([]byte(tt.doc), &got))
			want := DefaultPolicy()
			tt.change(&want)
			assert.Equal(t, want, got)
			assert.NoError(t, got.Validate())

			// Decoding over the zero Policy applies the same rules.
			var fromZero Policy
			require.NoError(t, json.Unmarshal([]byte(tt.doc), &fromZero))
			assert.Equal(t, got.Resolved(), fromZero.Resolved())
		})
	}
	assert.Equal(t, []Agency{"Actiris", "VDAB", "Le Forem", "ADG"}, DefaultPolicy().Mentee.Agencies,
		"decoding over one DefaultPolicy does not change the next")
}

func TestPolicyBadJSON(t *testing.T) {
	for _, doc := range []string{
		`{"mentee": {"project": 1}}`,
		`{"mentee": {"project": "yes"}}`,
		`{"mentor": {"trained": [true]}}`,
		`{"mentee": {"non_eu_background": {}}}`,
	} {
		t.Run(doc, func(t *testing.T) {
			p := DefaultPolicy()
			err := json.Unmarshal([]byte(doc), &p)
			var te *json.UnmarshalTypeError
			require.ErrorAs(t, err, &te)
			assert.Contains(t, err.Error(), "profile.Switch")
			assert.NotEmpty(t, te.Field, "encoding/json names the field")
		})
	}
}

func TestPolicyResolved(t *testing.T) {
	def := DefaultPolicy()
	assert.Equal(t, def, Policy{}.Resolved(), "the zero Policy resolves to the default")
	assert.Equal(t, def, def.Resolved(), "the default is resolved")
	assert.Equal(t, Off, int(def.Mentor.Trained), "training is written out as off")

	tests := []struct {
		name   string
		policy Policy
		want   func(p *Policy) // applied to DefaultPolicy()
	}{
		{name: "zero", want: func(*Policy) {}},
		{name: "one limit", policy: Policy{Mentee: MenteeRules{MaxAge: 33}},
			want: func(p *Policy) { p.Mentee.MaxAge = 33 }},
		{name: "off limits are kept", policy: Policy{Mentee: MenteeRules{MinAge: Off}, Mentor: MentorRules{MinExperienceYears: Off}},
			want: func(p *Policy) { p.Mentee.MinAge = Off; p.Mentor.MinExperienceYears = Off }},
		{name: "switches", policy: Policy{Mentee: MenteeRules{Project: Off}, Mentor: MentorRules{Trained: On}},
			want: func(p *Policy) { p.Mentee.Project = Off; p.Mentor.Trained = On }},
		{name: "agencies and any agency", policy: Policy{Mentee: MenteeRules{Agencies: []Agency{"VDAB"}, AnyAgency: true}},
			want: func(p *Policy) { p.Mentee.Agencies = []Agency{"VDAB"}; p.Mentee.AnyAgency = true }},
		{name: "empty agencies are the default", policy: Policy{Mentee: MenteeRules{Agencies: []Agency{}}},
			want: func(*Policy) {}},
		{name: "invalid values are kept", policy: Policy{Mentee: MenteeRules{MaxAge: -7, Project: 5}},
			want: func(p *Policy) { p.Mentee.MaxAge = -7; p.Mentee.Project = 5 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := DefaultPolicy()
			tt.want(&want)
			got := tt.policy.Resolved()
			assert.Equal(t, want, got)
			assert.Equal(t, got, got.Resolved(), "idempotent")
			for _, s := range []Switch{got.Mentee.NonEUBackground, got.Mentee.RegisteredJobSeeker, got.Mentee.Project, got.Mentor.Trained} {
				assert.NotZero(t, s, "every switch written out")
			}
		})
	}
}

func TestDefaultPolicyNotShared(t *testing.T) {
	p := DefaultPolicy()
	p.Mentee.Agencies[0] = "changed"
	assert.Equal(t, Actiris, DefaultPolicy().Mentee.Agencies[0])
	z := Policy{}.Resolved()
	z.Mentee.Agencies[0] = "changed"
	assert.Equal(t, Actiris, Policy{}.Resolved().Mentee.Agencies[0])
}

func TestPolicyValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *Policy)
		want   []string
	}{
		{name: "default", change: func(*Policy) {}},
		{name: "zero", change: func(p *Policy) { *p = Policy{} }},
		{name: "zero but one field", change: func(p *Policy) { *p = Policy{Mentee: MenteeRules{MaxAge: 33}} }},
		{name: "no maximum age", change: func(p *Policy) { p.Mentee.MaxAge = Off }},
		{name: "no limits at all", change: func(p *Policy) {
			p.Mentee.MinAge, p.Mentee.MaxAge, p.Mentor.MinAge = Off, Off, Off
			p.Mentor.MinWeeklyHours, p.Mentor.MinExperienceYears = Off, Off
		}},
		{name: "zero maximum age is the default", change: func(p *Policy) { p.Mentee.MaxAge = 0 }},
		{name: "minimum equals maximum", change: func(p *Policy) { p.Mentee.MinAge = 30 }},
		{name: "minimum above maximum", change: func(p *Policy) { p.Mentee.MinAge = 31 },
			want: []string{"mentee.max_age: the maximum age 30 is below the minimum age 31 (mentee.min_age)"}},
		{name: "minimum above the default maximum", change: func(p *Policy) { *p = Policy{Mentee: MenteeRules{MinAge: 35}} },
			want: []string{"mentee.max_age: the maximum age 30 is below the minimum age 35 (mentee.min_age)"}},
		{name: "maximum below the default minimum", change: func(p *Policy) { *p = Policy{Mentee: MenteeRules{MaxAge: 16}} },
			want: []string{"mentee.max_age: the maximum age 16 is below the minimum age 18 (mentee.min_age)"}},
		{name: "minimum above maximum off", change: func(p *Policy) { p.Mentee.MinAge = 40; p.Mentee.MaxAge = Off }},
		{name: "negative ages", change: func(p *Policy) { p.Mentee.MinAge = -2; p.Mentor.MinAge = -50 },
			want: []string{"mentee.min_age: outside 0..150 (0 for the default, -1 for no limit)",
				"mentor.min_age: outside 0..150 (0 for the default, -1 for no limit)"}},
		{name: "absurd maximum", change: func(p *Policy) { p.Mentee.MaxAge = 1000 },
			want: []string{"mentee.max_age: outside 0..150 (0 for the default, -1 for no limit)"}},
		{name: "blank and long agencies", change: func(p *Policy) {
			p.Mentee.Agencies = []Agency{"VDAB", " ", Agency(strings.Repeat("a", 65))}
		}, want: []string{"mentee.agencies[1]: blank", "mentee.agencies[2]: longer than 64 bytes"}},
		{name: "too many agencies", change: func(p *Policy) { p.Mentee.Agencies = make([]Agency, 51) },
			want: []string{"mentee.agencies: more than 50 entries"}},
		{name: "empty agencies, ambiguous", change: func(p *Policy) { p.Mentee.Agencies = []Agency{} },
			want: []string{"mentee.agencies: empty: leave it out for the default agencies, or set any_agency to accept any"}},
		{name: "nil agencies are the default", change: func(p *Policy) { p.Mentee.Agencies = nil }},
		{name: "hours", change: func(p *Policy) { p.Mentor.MinWeeklyHours = math.NaN(); p.Mentor.MinExperienceYears = 81 },
			want: []string{"mentor.min_weekly_hours: not a finite number",
				"mentor.min_experience_years: outside 0..80 (0 for the default, -1 for no limit)"}},
		{name: "negative hours other than off", change: func(p *Policy) { p.Mentor.MinWeeklyHours = -0.5 },
			want: []string{"mentor.min_weekly_hours: outside 0..168 (0 for the default, -1 for no limit)"}},
		{name: "invalid switches", change: func(p *Policy) {
			p.Mentee.NonEUBackground, p.Mentee.RegisteredJobSeeker, p.Mentee.Project, p.Mentor.Trained = 2, -2, 127, -128
		}, want: []string{
			"mentee.non_eu_background: Switch(2) is not a valid switch: want On (1), Off (-1) or 0 for the default",
			"mentee.registered_job_seeker: Switch(-2) is not a valid switch: want On (1), Off (-1) or 0 for the default",
			"mentee.project: Switch(127) is not a valid switch: want On (1), Off (-1) or 0 for the default",
			"mentor.trained: Switch(-128) is not a valid switch: want On (1), Off (-1) or 0 for the default",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultPolicy()
			tt.change(&p)
			err := p.Validate()
			assertProblems(t, err, tt.want)
			for _, e := range Problems(err) {
				assert.Empty(t, e.IDs)
			}
		})
	}
}

func codes(vs []Violation) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Code)
	}
	return out
}

func TestCheckMentee(t *testing.T) {
	bg := func(birth Country, nat, parentBirth, parentNat []Country) Background {
		return Background{BirthCountry: birth, Nationalities: nat, ParentBirthCountries: parentBirth, ParentNationalities: parentNat}
	}
	be := []Country{"BE"}
	max33 := DefaultPolicy()
	max33.Mentee.MaxAge = 33
	min20 := DefaultPolicy()
	min20.Mentee.MinAge = 20
	anyAgency := Policy{Mentee: MenteeRules{AnyAgency: true}}
	vdab := Policy{Mentee: MenteeRules{Agencies: []Agency{"VDAB"}}}
	unregistered := Policy{Mentee: MenteeRules{RegisteredJobSeeker: Off}}

	tests := []struct {
		name   string
		policy *Policy // nil: DefaultPolicy()
		on     Date    // zero: checkDay, unless zeroOn
		zeroOn bool    // check with the zero Date
		change func(m *Mentee)
		want   []string
	}{
		{name: "the issue's mentee is eligible", change: func(*Mentee) {}},

		// Age, on 2026-11-23.
		{name: "day before the 18th birthday", change: func(m *Mentee) { m.BirthDate = MustDate(2008, time.November, 24) },
			want: []string{CodeTooYoung}},
		{name: "18th birthday", change: func(m *Mentee) { m.BirthDate = MustDate(2008, time.November, 23) }},
		{name: "day before the 31st birthday", change: func(m *Mentee) { m.BirthDate = MustDate(1995, time.November, 24) }},
		{name: "31st birthday", change: func(m *Mentee) { m.BirthDate = MustDate(1995, time.November, 23) },
			want: []string{CodeTooOld}},
		{name: "33rd birthday, one city's maximum", policy: &max33, change: func(m *Mentee) { m.BirthDate = MustDate(1993, time.November, 23) }},
		{name: "34th birthday, one city's maximum", policy: &max33, change: func(m *Mentee) { m.BirthDate = MustDate(1992, time.November, 23) },
			want: []string{CodeTooOld}},
		{name: "29 February birth, 28 February of a common year", on: MustDate(2026, time.February, 28),
			change: func(m *Mentee) { m.BirthDate = MustDate(2008, time.February, 29) }, want: []string{CodeTooYoung}},
		{name: "29 February birth, 1 March of a common year", on: MustDate(2026, time.March, 1),
			change: func(m *Mentee) { m.BirthDate = MustDate(2008, time.February, 29) }},
		{name: "29 February birth, 31st birthday a common year, 28 February", on: MustDate(2027, time.February, 28),
			change: func(m *Mentee) { m.BirthDate = MustDate(1996, time.February, 29) }},
		{name: "29 February birth, 31st birthday a common year, 1 March", on: MustDate(2027, time.March, 1),
			change: func(m *Mentee) { m.BirthDate = MustDate(1996, time.February, 29) }, want: []string{CodeTooOld}},
		{name: "29 February birth, birthday in a leap year, 28 February", policy: &min20, on: MustDate(2028, time.February, 28),
			change: func(m *Mentee) { m.BirthDate = MustDate(2008, time.February, 29) }, want: []string{CodeTooYoung}},
		{name: "29 February birth, birthday in a leap year, 29 February", policy: &min20, on: MustDate(2028, time.February, 29),
			change: func(m *Mentee) { m.BirthDate = MustDate(2008, time.February, 29) }},
		{name: "no birth date", change: func(m *Mentee) { m.BirthDate = Date{} }, want: []string{CodeAgeUnknown}},
		{name: "birth after the check", change: func(m *Mentee) { m.BirthDate = checkDay.AddDays(1) }, want: []string{CodeAgeUnknown}},

		// Background.
		{name: "all Belgian", change: func(m *Mentee) { m.Background = bg("BE", be, be, be) },
			want: []string{CodeNoNonEUBackground}},
		{name: "EU but not Belgian", change: func(m *Mentee) { m.Background = bg("PL", []Country{"PL", "FR"}, []Country{"RO"}, nil) },
			want: []string{CodeNoNonEUBackground}},
		{name: "no background", change: func(m *Mentee) { m.Background = Background{} },
			want: []string{CodeBackgroundUnknown}},
		{name: "only unknown codes", change: func(m *Mentee) { m.Background = bg("UK", []Country{"ZZ", ""}, nil, nil) },
			want: []string{CodeBackgroundUnknown}},
		{name: "unknown codes beside EU ones", change: func(m *Mentee) { m.Background = bg("UK", be, nil, nil) },
			want: []string{CodeNoNonEUBackground}},
		{name: "born outside the EU", change: func(m *Mentee) { m.Background = bg("MA", be, be, be) }},
		{name: "non-EU nationality", change: func(m *Mentee) { m.Background = bg("BE", []Country{"BE", "TR"}, be, be) }},
		{name: "second generation, parent born outside", change: func(m *Mentee) { m.Background = bg("BE", be, []Country{"BE", "CD"}, be) }},
		{name: "second generation, parent's nationality", change: func(m *Mentee) { m.Background = bg("BE", be, be, []Country{"SY"}) }},
		{name: "second generation, only parents given", change: func(m *Mentee) { m.Background = bg("", nil, nil, []Country{"MA"}) }},
		{name: "lower-case codes from a Go caller", change: func(m *Mentee) { m.Background = bg("be", nil, []Country{"ma"}, nil) }},
		{name: "born in the UK, the day before Brexit", on: MustDate(2020, time.January, 31),
			change: func(m *Mentee) { m.BirthDate = MustDate(1995, time.May, 1); m.Background = bg("GB", be, be, be) },
			want:   []string{CodeNoNonEUBackground}},
		{name: "born in the UK, the day of Brexit", on: MustDate(2020, time.February, 1),
			change: func(m *Mentee) { m.BirthDate = MustDate(1995, time.May, 1); m.Background = bg("GB", be, be, be) }},
		{name: "Croatian parent, the day before Croatia joined", on: MustDate(2013, time.June, 30),
			change: func(m *Mentee) {
				m.BirthDate = MustDate(1990, time.May, 1)
				m.Background = bg("BE", be, []Country{"HR"}, be)
			}},
		{name: "Croatian parent, the day Croatia joined", on: MustDate(2013, time.July, 1),
			change: func(m *Mentee) {
				m.BirthDate = MustDate(1990, time.May, 1)
				m.Background = bg("BE", be, []Country{"HR"}, be)
			},
			want: []string{CodeNoNonEUBackground}},

		// Registration.
		{name: "not registered", change: func(m *Mentee) { m.JobSeeker = JobSeeker{} }, want: []string{CodeNotRegistered}},
		{name: "not registered, with an agency", change: func(m *Mentee) { m.JobSeeker = JobSeeker{Agency: "Jobcentre"} },
			want: []string{CodeNotRegistered}},
		{name: "other agency", change: func(m *Mentee) { m.JobSeeker.Agency = "Jobcentre" }, want: []string{CodeAgencyNotAccepted}},
		{name: "no agency given", change: func(m *Mentee) { m.JobSeeker.Agency = "" }, want: []string{CodeAgencyNotAccepted}},
		{name: "agency in other case and spaces", change: func(m *Mentee) { m.JobSeeker.Agency = " le FOREM " }},
		{name: "any agency", policy: &anyAgency, change: func(m *Mentee) { m.JobSeeker.Agency = "Jobcentre" }},
		{name: "any agency, not registered", policy: &anyAgency, change: func(m *Mentee) { m.JobSeeker = JobSeeker{Agency: "Jobcentre"} },
			want: []string{CodeNotRegistered}},
		{name: "own agency list", policy: &vdab, change: func(m *Mentee) { m.JobSeeker.Agency = "vdab" }},
		{name: "own agency list, default agency", policy: &vdab, change: func(*Mentee) {}, want: []string{CodeAgencyNotAccepted}},
		{name: "registration not required", policy: &unregistered, change: func(m *Mentee) { m.JobSeeker = JobSeeker{Agency: "Jobcentre"} }},

		// Project.
		{name: "no project", change: func(m *Mentee) { m.Project = "" }, want: []string{CodeNoProject}},
		{name: "blank project", change: func(m *Mentee) { m.Project = " \n\t " }, want: []string{CodeNoProject}},

		// Several at once, in the order of the rules.
		{name: "every rule", change: func(m *Mentee) {
			m.BirthDate = MustDate(1980, time.January, 1)
			m.Background = bg("BE", be, nil, nil)
			m.JobSeeker.Registered = false
			m.Project = ""
		}, want: []string{CodeTooOld, CodeNoNonEUBackground, CodeNotRegistered, CodeNoProject}},
		{name: "the other codes", change: func(m *Mentee) {
			m.BirthDate = Date{}
			m.Background = Background{}
			m.JobSeeker.Agency = "Pôle emploi"
			m.Project = " "
		}, want: []string{CodeAgeUnknown, CodeBackgroundUnknown, CodeAgencyNotAccepted, CodeNoProject}},

		// Dates and policies.
		{name: "no check date", zeroOn: true, change: func(m *Mentee) { m.Project = "" }, want: []string{CodeDateUnknown}},
		{name: "zero policy is the default", policy: &Policy{}, change: func(m *Mentee) { *m = Mentee{ID: "me-2"} },
			want: []string{CodeAgeUnknown, CodeBackgroundUnknown, CodeNotRegistered, CodeNoProject}},
		{name: "zero policy, eligible mentee", policy: &Policy{}, change: func(*Mentee) {}},
		{name: "paused mentee is still eligible", change: func(m *Mentee) { m.Paused = true }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultPolicy()
			if tt.policy != nil {
				p = *tt.policy
			}
			on := tt.on
			if on.IsZero() && !tt.zeroOn {
				on = checkDay
			}
			m := decodeMentee(t)
			tt.change(&m)
			got := p.CheckMentee(m, on)
			if tt.want == nil {
				assert.Nil(t, got, "eligible: nil")
				return
			}
			assert.Equal(t, tt.want, codes(got))
			for _, v := range got {
				assert.NotEmpty(t, v.Message)
				if v.Code != CodeDateUnknown {
					assert.NotEmpty(t, v.Field)
				}
			}
		})
	}
}

func TestCheckMenteeMessages(t *testing.T) {
	m := decodeMentee(t)
	m.BirthDate = MustDate(2008, time.November, 24)
	m.JobSeeker.Agency = "Jobcentre"
	m.Background = Background{BirthCountry: "BE", ParentBirthCountries: []Country{"FR"}}
	got := DefaultPolicy().CheckMentee(m, checkDay)
	assert.Equal(t, []Violation{
		{Code: "too_young", Field: "birth_date", Message: "younger than the programme's minimum age of 18 on 2026-11-23", Args: []string{"18", "2026-11-23"}},
		{Code: "no_non_eu_background", Field: "background", Message: "neither the mentee nor a parent was born outside the EU or holds a non-EU nationality (EU as on 2026-11-23)", Args: []string{"2026-11-23"}},
		{Code: "agency_not_accepted", Field: "job_seeker.agency", Message: "registered with an employment service the programme does not accept (accepted: Actiris, VDAB, Le Forem, ADG)", Args: []string{"Actiris, VDAB, Le Forem, ADG"}},
	}, got)
	for _, v := range got {
		for _, secret := range []string{"2008", "BE", "FR", "Jobcentre", "me-001"} {
			assert.NotContains(t, v.Message, secret)
		}
	}

	b, err := json.Marshal(got[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"code": "too_young", "field": "birth_date", "message": "younger than the programme's minimum age of 18 on 2026-11-23", "args": ["18", "2026-11-23"]}`, string(b))
}

func TestCheckMentor(t *testing.T) {
	trained := Policy{Mentor: MentorRules{Trained: On}}

	tests := []struct {
		name   string
		policy *Policy
		on     Date // zero: checkDay, unless zeroOn
		zeroOn bool
		change func(m *Mentor)
		want   []string
	}{
		{name: "the issue's mentor is eligible", change: func(*Mentor) {}},
		{name: "day before the 50th birthday", change: func(m *Mentor) { m.BirthDate = MustDate(1976, time.November, 24) },
			want: []string{CodeTooYoung}},
		{name: "50th birthday", change: func(m *Mentor) { m.BirthDate = MustDate(1976, time.November, 23) }},
		{name: "29 February birth, 28 February of a common year", on: MustDate(2026, time.February, 28),
			change: func(m *Mentor) { m.BirthDate = MustDate(1976, time.February, 29) }, want: []string{CodeTooYoung}},
		{name: "29 February birth, 1 March of a common year", on: MustDate(2026, time.March, 1),
			change: func(m *Mentor) { m.BirthDate = MustDate(1976, time.February, 29) }},
		{name: "no maximum age", change: func(m *Mentor) { m.BirthDate = MustDate(1930, time.January, 1) }},
		{name: "no birth date", change: func(m *Mentor) { m.BirthDate = Date{} }, want: []string{CodeAgeUnknown}},
		{name: "below the hours", change: func(m *Mentor) { m.WeeklyHours = 1.5 }, want: []string{CodeTooFewHours}},
		{name: "at the hours", change: func(m *Mentor) { m.WeeklyHours = 2 }},
		{name: "hours NaN", change: func(m *Mentor) { m.WeeklyHours = math.NaN() }, want: []string{CodeTooFewHours}},
		{name: "below the experience", change: func(m *Mentor) { m.Experience = []Experience{{Sector: "K", Years: 0.5}} },
			want: []string{CodeTooLittleExperience}},
		{name: "at the experience, summed", change: func(m *Mentor) {
			m.Experience = []Experience{{Sector: "K", Years: 0.5}, {Sector: "J", Years: 0.5}}
		}},
		{name: "no experience", change: func(m *Mentor) { m.Experience = nil }, want: []string{CodeTooLittleExperience}},
		{name: "untrained, training not required", change: func(m *Mentor) { m.Trained = false }},
		{name: "untrained, training required", policy: &trained, change: func(m *Mentor) { m.Trained = false },
			want: []string{CodeNotTrained}},
		{name: "trained, training required", policy: &trained, change: func(*Mentor) {}},
		{name: "capacity zero means one", change: func(m *Mentor) { m.Capacity = 0 }},
		{name: "negative capacity", change: func(m *Mentor) { m.Capacity = -1 }, want: []string{CodeNoCapacity}},
		{name: "every rule", policy: &trained, change: func(m *Mentor) {
			m.BirthDate = MustDate(1990, time.January, 1)
			m.WeeklyHours = 0
			m.Experience = nil
			m.Trained = false
			m.Capacity = -3
		}, want: []string{CodeTooYoung, CodeTooFewHours, CodeTooLittleExperience, CodeNotTrained, CodeNoCapacity}},
		{name: "no check date", zeroOn: true, change: func(m *Mentor) { m.WeeklyHours = 0 }, want: []string{CodeDateUnknown}},
		{name: "zero policy is the default", policy: &Policy{}, change: func(m *Mentor) { *m = Mentor{ID: "mo-2"} },
			want: []string{CodeAgeUnknown, CodeTooFewHours, CodeTooLittleExperience}},
		{name: "zero policy, eligible mentor", policy: &Policy{}, change: func(*Mentor) {}},
		{name: "paused mentor is still eligible", change: func(m *Mentor) { m.Paused = true }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultPolicy()
			if tt.policy != nil {
				p = *tt.policy
			}
			on := tt.on
			if on.IsZero() && !tt.zeroOn {
				on = checkDay
			}
			m := decodeMentor(t)
			tt.change(&m)
			got := p.CheckMentor(m, on)
			if tt.want == nil {
				assert.Nil(t, got, "eligible: nil")
				return
			}
			assert.Equal(t, tt.want, codes(got))
		})
	}
}

func TestCheckMentorMessages(t *testing.T) {
	m := decodeMentor(t)
	m.WeeklyHours = 1
	m.Experience = nil
	p := DefaultPolicy()
	p.Mentor.Trained = On
	m.Trained = false
	m.Capacity = -1
	assert.Equal(t, []Violation{
		{Code: "too_few_hours", Field: "weekly_hours", Message: "offers fewer hours a week than the programme's minimum of 2", Args: []string{"2"}},
		{Code: "too_little_experience", Field: "experience", Message: "has less professional experience than the programme's minimum of 1 year", Args: []string{"1"}},
		{Code: "not_trained", Field: "trained", Message: "has not completed the programme's training"},
		{Code: "no_capacity", Field: "capacity", Message: "can take no mentee (capacity below 1)"},
	}, p.CheckMentor(m, checkDay))
}

// partialRule is one eligibility rule in the partial-policy tests: the code
// and a change to an eligible person that fails that rule alone.
type partialRule[P any] struct {
	code   string
	change func(m *P)
}

// partialPolicy is a Policy that sets one field, and the codes that setting
// turns off.
type partialPolicy struct {
	name string
	p    Policy
	off  []string
}

// checkPartial checks every rule under every policy: the changed person
// fails exactly that rule unless the policy turns it off, and the resolved
// policy gives the same answer.
func checkPartial[P any](t *testing.T, base func(testing.TB) P, check func(Policy, P, Date) []Violation,
	policies []partialPolicy, rules []partialRule[P]) {
	t.Helper()
	for _, pc := range policies {
		for _, rule := range rules {
			t.Run(pc.name+"/"+rule.code, func(t *testing.T) {
				m := base(t)
				require.Nil(t, check(pc.p, m, checkDay), "the base person is eligible")
				rule.change(&m)
				got := check(pc.p, m, checkDay)
				if slices.Contains(pc.off, rule.code) {
					assert.Nil(t, got)
				} else {
					assert.Equal(t, []string{rule.code}, codes(got))
				}
				assert.Equal(t, got, check(pc.p.Resolved(), m, checkDay), "the resolved policy applies the same rules")
			})
		}
	}
}

// TestPartialPolicyMentee is the regression test for partly set policies:
// setting one field of MenteeRules changes that rule only, and turning one
// rule off turns exactly that rule off.
func TestPartialPolicyMentee(t *testing.T) {
	rules := []partialRule[Mentee]{
		{CodeTooYoung, func(m *Mentee) { m.BirthDate = MustDate(2011, time.January, 1) }}, // 15
		{CodeTooOld, func(m *Mentee) { m.BirthDate = MustDate(1986, time.January, 1) }},   // 40
		{CodeNoNonEUBackground, func(m *Mentee) { m.Background = Background{BirthCountry: "BE", Nationalities: []Country{"BE"}} }},
		{CodeNotRegistered, func(m *Mentee) { m.JobSeeker = JobSeeker{} }},
		{CodeAgencyNotAccepted, func(m *Mentee) { m.JobSeeker.Agency = "Jobcentre" }},
		{CodeNoProject, func(m *Mentee) { m.Project = "" }},
	}
	mentee := func(r MenteeRules) Policy { return Policy{Mentee: r} }
	policies := []partialPolicy{
		{name: "zero", p: Policy{}},
		{name: "min age 16", p: mentee(MenteeRules{MinAge: 16})},
		{name: "min age off", p: mentee(MenteeRules{MinAge: Off}), off: []string{CodeTooYoung}},
		{name: "max age 33", p: mentee(MenteeRules{MaxAge: 33})},
		{name: "max age off", p: mentee(MenteeRules{MaxAge: Off}), off: []string{CodeTooOld}},
		{name: "background on", p: mentee(MenteeRules{NonEUBackground: On})},
		{name: "background off", p: mentee(MenteeRules{NonEUBackground: Off}), off: []string{CodeNoNonEUBackground}},
		{name: "registration on", p: mentee(MenteeRules{RegisteredJobSeeker: On})},
		{name: "registration off", p: mentee(MenteeRules{RegisteredJobSeeker: Off}), off: []string{CodeNotRegistered, CodeAgencyNotAccepted}},
		{name: "own agencies", p: mentee(MenteeRules{Agencies: []Agency{"Actiris", "VDAB"}})},
		{name: "any agency", p: mentee(MenteeRules{AnyAgency: true}), off: []string{CodeAgencyNotAccepted}},
		{name: "project on", p: mentee(MenteeRules{Project: On})},
		{name: "project off", p: mentee(MenteeRules{Project: Off}), off: []string{CodeNoProject}},
		{name: "mentor rules set", p: Policy{Mentor: MentorRules{MinAge: Off, Trained: On}}},
	}
	checkPartial(t, decodeMentee, Policy.CheckMentee, policies, rules)
}

// TestPartialPolicyMentor is TestPartialPolicyMentee for MentorRules.
// Training is off by default, so its rule applies only when set On.
func TestPartialPolicyMentor(t *testing.T) {
	rules := []partialRule[Mentor]{
		{CodeTooYoung, func(m *Mentor) { m.BirthDate = MustDate(1981, time.January, 1) }}, // 45
		{CodeTooFewHours, func(m *Mentor) { m.WeeklyHours = 1 }},
		{CodeTooLittleExperience, func(m *Mentor) { m.Experience = []Experience{{Sector: "K", Years: 0.5}} }},
		{CodeNotTrained, func(m *Mentor) { m.Trained = false }},
	}
	mentor := func(r MentorRules) Policy { return Policy{Mentor: r} }
	policies := []partialPolicy{
		{name: "zero", p: Policy{}, off: []string{CodeNotTrained}},
		{name: "min age 55", p: mentor(MentorRules{MinAge: 55}), off: []string{CodeNotTrained}},
		{name: "min age off", p: mentor(MentorRules{MinAge: Off}), off: []string{CodeTooYoung, CodeNotTrained}},
		{name: "hours 1.5", p: mentor(MentorRules{MinWeeklyHours: 1.5}), off: []string{CodeNotTrained}},
		{name: "hours off", p: mentor(MentorRules{MinWeeklyHours: Off}), off: []string{CodeTooFewHours, CodeNotTrained}},
		{name: "experience 0.8", p: mentor(MentorRules{MinExperienceYears: 0.8}), off: []string{CodeNotTrained}},
		{name: "experience off", p: mentor(MentorRules{MinExperienceYears: Off}), off: []string{CodeTooLittleExperience, CodeNotTrained}},
		{name: "training on", p: mentor(MentorRules{Trained: On})},
		{name: "training off", p: mentor(MentorRules{Trained: Off}), off: []string{CodeNotTrained}},
		{name: "mentee rules set", p: Policy{Mentee: MenteeRules{MaxAge: Off, Project: Off}}, off: []string{CodeNotTrained}},
	}
	checkPartial(t, decodeMentor, Policy.CheckMentor, policies, rules)
}

// TestPartialPolicyIssueMentee is the case of the issue: a Policy that sets
// only the maximum age keeps the registration, background and project rules.
func TestPartialPolicyIssueMentee(t *testing.T) {
	m := decodeMentee(t)
	m.JobSeeker = JobSeeker{}
	m.Background = Background{BirthCountry: "BE", Nationalities: []Country{"BE"}}
	m.Project = ""
	got := Policy{Mentee: MenteeRules{MaxAge: 33}}.CheckMentee(m, checkDay)
	assert.Equal(t, []string{CodeNoNonEUBackground, CodeNotRegistered, CodeNoProject}, codes(got))
}

func TestNoAgeRule(t *testing.T) {
	p := Policy{Mentee: MenteeRules{MinAge: Off, MaxAge: Off}, Mentor: MentorRules{MinAge: Off}}
	me := decodeMentee(t)
	me.BirthDate = Date{}
	assert.Nil(t, p.CheckMentee(me, checkDay), "no age rule: no age_unknown")
	mo := decodeMentor(t)
	mo.BirthDate = Date{}
	assert.Nil(t, p.CheckMentor(mo, checkDay), "no age rule: no age_unknown")
}

// TestEffectiveLimitMessages checks that messages state the limit applied,
// the default one when the setting is zero.
func TestEffectiveLimitMessages(t *testing.T) {
	old := decodeMentee(t)
	old.BirthDate = MustDate(1980, time.January, 1)
	young := decodeMentee(t)
	young.BirthDate = MustDate(2010, time.January, 1)
	idle := decodeMentor(t)
	idle.WeeklyHours = 0.5
	idle.Experience = nil
	idle.BirthDate = MustDate(1990, time.January, 1)

	tests := []struct {
		name string
		got  []Violation
		want []string
	}{
		{name: "zero policy, too old", got: Policy{}.CheckMentee(old, checkDay),
			want: []string{"older than the programme's maximum age of 30 on 2026-11-23"}},
		{name: "max age 33, too old", got: Policy{Mentee: MenteeRules{MaxAge: 33}}.CheckMentee(old, checkDay),
			want: []string{"older than the programme's maximum age of 33 on 2026-11-23"}},
		{name: "zero policy, too young", got: Policy{}.CheckMentee(young, checkDay),
			want: []string{"younger than the programme's minimum age of 18 on 2026-11-23"}},
		{name: "zero policy, mentor", got: Policy{}.CheckMentor(idle, checkDay), want: []string{
			"younger than the programme's minimum age of 50 on 2026-11-23",
			"offers fewer hours a week than the programme's minimum of 2",
			"has less professional experience than the programme's minimum of 1 year",
		}},
		{name: "own mentor limits", got: Policy{Mentor: MentorRules{MinAge: 55, MinWeeklyHours: 1.5, MinExperienceYears: 3}}.CheckMentor(idle, checkDay), want: []string{
			"younger than the programme's minimum age of 55 on 2026-11-23",
			"offers fewer hours a week than the programme's minimum of 1.5",
			"has less professional experience than the programme's minimum of 3 years",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var msgs []string
			for _, v := range tt.got {
				msgs = append(msgs, v.Message)
			}
			assert.Equal(t, tt.want, msgs)
		})
	}
}
