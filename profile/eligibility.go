package profile

import (
	"fmt"
	"strconv"
	"strings"
)

// Policy is a programme's eligibility rules: who may take part as a mentee
// and who as a mentor. [DefaultPolicy] returns the model programme's rules;
// other programmes change the settings they do differently, for example by
// decoding a partial JSON document over DefaultPolicy():
//
//	p := profile.DefaultPolicy()
//	err := json.Unmarshal([]byte(`{"mentee": {"max_age": 33}}`), &p)
//
// keeps every rule but the maximum age. A zero or false setting turns its
// rule off. The zero Policy has no rules at all; callers such as a matching
// round that treat it as "not given" check [Policy.IsZero] and use
// DefaultPolicy() instead.
//
// Validation ([Mentee.Validate]) and eligibility are separate: Validate
// rejects malformed data, while [Policy.CheckMentee] and
// [Policy.CheckMentor] tell which of the programme's rules well-formed data
// fails.
type Policy struct {
	Mentee MenteeRules `json:"mentee"`
	Mentor MentorRules `json:"mentor"`
}

// MenteeRules are the rules a mentee must meet.
type MenteeRules struct {
	// MinAge is the lowest age in completed years on the day of the check,
	// inclusive; 0 means no minimum. Default 18.
	MinAge int `json:"min_age"`
	// MaxAge is the highest age in completed years on the day of the check,
	// inclusive (30 admits a person until the day before their 31st
	// birthday); 0 means no maximum. Default 30 (one city uses 33).
	MaxAge int `json:"max_age"`
	// NonEUBackground requires a migration background from outside the EU
	// on the day of the check: the mentee's birth country, a nationality, a
	// parent's birth country or a parent's nationality outside the EU.
	// Default true.
	NonEUBackground bool `json:"non_eu_background"`
	// RegisteredJobSeeker requires job_seeker.registered. Default true.
	RegisteredJobSeeker bool `json:"registered_job_seeker"`
	// Agencies are the employment services a registration may be with,
	// compared case-insensitively and without surrounding spaces; empty
	// means any. They apply only when RegisteredJobSeeker is set. Default
	// Actiris, VDAB, Le Forem and ADG.
	Agencies []string `json:"agencies"`
	// Project requires a non-blank project. Default true.
	Project bool `json:"project"`
}

// MentorRules are the rules a mentor must meet.
type MentorRules struct {
	// MinAge is the lowest age in completed years on the day of the check,
	// inclusive; 0 means no minimum. Default 50.
	MinAge int `json:"min_age"`
	// MinWeeklyHours is the fewest hours a week a mentor must offer; 0
	// means no minimum. Default 2.
	MinWeeklyHours float64 `json:"min_weekly_hours"`
	// MinExperienceYears is the least professional experience, the sum of
	// the years of all experience entries; 0 means no minimum. Default 1.
	MinExperienceYears float64 `json:"min_experience_years"`
	// Trained requires the programme's training to be completed. Default
	// false: the model programme matches mentors before their training.
	Trained bool `json:"trained"`
}

// DefaultPolicy returns the model programme's rules: mentees aged 18 to 30
// with a non-EU background, registered as job seekers with Actiris, VDAB,
// Le Forem or ADG, with a project; mentors aged 50 or over who offer at least
// 2 hours a week and have at least 1 year of experience, trained or not.
// Each call returns a new Policy (its Agencies slice is not shared).
func DefaultPolicy() Policy {
	return Policy{
		Mentee: MenteeRules{
			MinAge:              18,
			MaxAge:              30,
			NonEUBackground:     true,
			RegisteredJobSeeker: true,
			Agencies:            []string{"Actiris", "VDAB", "Le Forem", "ADG"},
			Project:             true,
		},
		Mentor: MentorRules{
			MinAge:             50,
			MinWeeklyHours:     2,
			MinExperienceYears: 1,
		},
	}
}

// IsZero reports whether p is the zero Policy: every setting zero or false
// and no agencies listed.
func (p Policy) IsZero() bool {
	m, o := p.Mentee, p.Mentor
	return m.MinAge == 0 && m.MaxAge == 0 && !m.NonEUBackground && !m.RegisteredJobSeeker &&
		len(m.Agencies) == 0 && !m.Project && o == MentorRules{}
}

// Limits that [Policy.Validate] enforces.
const (
	maxPolicyAge = 150
	maxAgencies  = 50
	maxAgencyLen = 64
)

// Validate reports every problem in p at once, as one error joining a
// *[FieldError] per problem (with an empty ID and the JSON path of the
// setting, such as "mentee.max_age"), or nil. It checks that ages are in
// 0..150 and mentee.min_age is not above a non-zero mentee.max_age, that
// mentor.min_weekly_hours is finite in [0, 168] and
// mentor.min_experience_years finite in [0, 80], and that there are at most
// 50 agencies, each non-blank and at most 64 bytes. errors.Is(err,
// [ErrInvalid]) holds for the result.
func (p Policy) Validate() error {
	v := fieldErrors{}
	v.age("mentee.min_age", p.Mentee.MinAge)
	v.age("mentee.max_age", p.Mentee.MaxAge)
	if p.Mentee.MaxAge > 0 && p.Mentee.MinAge > p.Mentee.MaxAge {
		v.add("mentee.max_age", "below mentee.min_age")
	}
	if v.fits("mentee.agencies", len(p.Mentee.Agencies), maxAgencies) {
		for i, a := range p.Mentee.Agencies {
			switch {
			case strings.TrimSpace(a) == "":
				v.add(index("mentee.agencies", i), "blank")
			case len(a) > maxAgencyLen:
				v.add(index("mentee.agencies", i), "longer than "+strconv.Itoa(maxAgencyLen)+" bytes")
			}
		}
	}
	v.age("mentor.min_age", p.Mentor.MinAge)
	v.amount("mentor.min_weekly_hours", p.Mentor.MinWeeklyHours, maxWeeklyHours)
	v.amount("mentor.min_experience_years", p.Mentor.MinExperienceYears, maxYears)
	return v.err()
}

func (v *fieldErrors) age(field string, a int) {
	if a < 0 || a > maxPolicyAge {
		v.add(field, "outside 0.."+strconv.Itoa(maxPolicyAge))
	}
}

func (v *fieldErrors) amount(field string, x, max float64) {
	switch {
	case !finite(x):
		v.add(field, "not a finite number")
	case x < 0 || x > max:
		v.add(field, fmt.Sprintf("outside 0..%g", max))
	}
}

// Violation is one eligibility rule that a participant fails. Code is
// stable and meant for programs; Message is a sentence a coordinator can
// pass on to the person. Neither holds the person's data beyond what the
// rule states (the programme's limit, the day of the check).
type Violation struct {
	// Code is one of the Code… constants, such as [CodeTooYoung].
	Code string `json:"code"`
	// Field is the JSON path of the field the rule looks at, such as
	// "birth_date" or "job_seeker.agency".
	Field string `json:"field"`
	// Message says, in words, which rule is not met.
	Message string `json:"message"`
}

// The codes of [Violation]. They are stable: programs may store and compare
// them.
const (
	// CodeDateUnknown: the check was made without a date (a zero on). It is
	// returned alone, with an empty Field, because the age and EU
	// membership rules depend on the date. (An addition to the codes of the
	// issue.)
	CodeDateUnknown = "date_unknown"
	// CodeAgeUnknown: the policy has an age rule but the birth date is not
	// set, or is after the day of the check, so the rule cannot be applied.
	// It replaces too_young and too_old. (An addition to the codes of the
	// issue.)
	CodeAgeUnknown = "age_unknown"
	// CodeTooYoung: younger than the minimum age.
	CodeTooYoung = "too_young"
	// CodeTooOld: older than the maximum age (mentees).
	CodeTooOld = "too_old"
	// CodeNoNonEUBackground: no known country in the mentee's background is
	// outside the EU on the day of the check.
	CodeNoNonEUBackground = "no_non_eu_background"
	// CodeBackgroundUnknown: the background holds no known country at all.
	CodeBackgroundUnknown = "background_unknown"
	// CodeNotRegistered: not registered as a job seeker.
	CodeNotRegistered = "not_registered"
	// CodeAgencyNotAccepted: registered with an agency the programme does
	// not accept.
	CodeAgencyNotAccepted = "agency_not_accepted"
	// CodeNoProject: no project stated.
	CodeNoProject = "no_project"
	// CodeTooFewHours: offers fewer weekly hours than the minimum.
	CodeTooFewHours = "too_few_hours"
	// CodeTooLittleExperience: less experience than the minimum.
	CodeTooLittleExperience = "too_little_experience"
	// CodeNotTrained: has not completed the training the programme
	// requires.
	CodeNotTrained = "not_trained"
	// CodeNoCapacity: a capacity below 1 (only possible from a negative
	// [Mentor.Capacity], which is also a validation error).
	CodeNoCapacity = "no_capacity"
)

// CheckMentee returns every rule of p that m fails on the day on, in this
// order: too_young or too_old (or age_unknown), no_non_eu_background (or
// background_unknown), not_registered, agency_not_accepted, no_project. It
// returns nil when m is eligible. With a zero on it returns the single
// violation date_unknown.
//
// Ages are in completed years ([Age]) and both bounds are inclusive. For the
// background, countries that are not assigned codes ([Country.Known]) are
// ignored: they are validation errors, not evidence of a background.
// CheckMentee does not validate m or p: run [Mentee.Validate] and
// [Policy.Validate] first.
//
// Cost: O(number of countries in the background × 29) plus O(number of
// agencies).
func (p Policy) CheckMentee(m Mentee, on Date) []Violation {
	if on.IsZero() {
		return dateUnknown()
	}
	var out []Violation
	r := p.Mentee
	if v, ok := checkAge(m.BirthDate, on, r.MinAge, r.MaxAge); !ok {
		out = append(out, v)
	}
	if r.NonEUBackground {
		if v, ok := checkBackground(m.Background, on); !ok {
			out = append(out, v)
		}
	}
	if r.RegisteredJobSeeker {
		switch {
		case !m.JobSeeker.Registered:
			out = append(out, Violation{CodeNotRegistered, "job_seeker.registered",
				"not registered as a job seeker with a public employment service"})
		case !acceptedAgency(r.Agencies, m.JobSeeker.Agency):
			out = append(out, Violation{CodeAgencyNotAccepted, "job_seeker.agency",
				"registered with an employment service the programme does not accept (accepted: " +
					strings.Join(r.Agencies, ", ") + ")"})
		}
	}
	if r.Project && strings.TrimSpace(m.Project) == "" {
		out = append(out, Violation{CodeNoProject, "project",
			"no personal or professional project stated"})
	}
	return out
}

// CheckMentor returns every rule of p that m fails on the day on, in this
// order: too_young (or age_unknown), too_few_hours, too_little_experience,
// not_trained (only when p requires training), no_capacity. It returns nil
// when m is eligible. With a zero on it returns the single violation
// date_unknown. A weekly_hours or experience that is not a number (NaN)
// fails its rule. CheckMentor does not validate m or p.
//
// Cost: O(len(m.Experience)).
func (p Policy) CheckMentor(m Mentor, on Date) []Violation {
	if on.IsZero() {
		return dateUnknown()
	}
	var out []Violation
	r := p.Mentor
	if v, ok := checkAge(m.BirthDate, on, r.MinAge, 0); !ok {
		out = append(out, v)
	}
	// Written as !(x >= min) so that NaN fails.
	if !(m.WeeklyHours >= r.MinWeeklyHours) {
		out = append(out, Violation{CodeTooFewHours, "weekly_hours",
			fmt.Sprintf("offers fewer hours a week than the programme's minimum of %g", r.MinWeeklyHours)})
	}
	if !(m.ExperienceYears() >= r.MinExperienceYears) {
		out = append(out, Violation{CodeTooLittleExperience, "experience",
			fmt.Sprintf("has less professional experience than the programme's minimum of %g %s",
				r.MinExperienceYears, plural(r.MinExperienceYears, "year", "years"))})
	}
	if r.Trained && !m.Trained {
		out = append(out, Violation{CodeNotTrained, "trained",
			"has not completed the programme's training"})
	}
	if m.EffectiveCapacity() < 1 {
		out = append(out, Violation{CodeNoCapacity, "capacity",
			"can take no mentee (capacity below 1)"})
	}
	return out
}

func dateUnknown() []Violation {
	return []Violation{{CodeDateUnknown, "", "the check was made without a date"}}
}

// checkAge applies inclusive age bounds; 0 means no bound, and with no
// bound at all there is no age rule (so no age_unknown either).
func checkAge(birth, on Date, min, max int) (Violation, bool) {
	if min <= 0 && max <= 0 {
		return Violation{}, true
	}
	if birth.IsZero() || birth.After(on) {
		return Violation{CodeAgeUnknown, "birth_date",
			"the age cannot be determined: no valid birth date"}, false
	}
	age := Age(birth, on)
	if age < min {
		return Violation{CodeTooYoung, "birth_date",
			fmt.Sprintf("younger than the programme's minimum age of %d on %s", min, on)}, false
	}
	if max > 0 && age > max {
		return Violation{CodeTooOld, "birth_date",
			fmt.Sprintf("older than the programme's maximum age of %d on %s", max, on)}, false
	}
	return Violation{}, true
}

// checkBackground passes when some known country of b is outside the EU on
// the day on.
func checkBackground(b Background, on Date) (Violation, bool) {
	known := false
	check := func(c Country) bool {
		c = normCountry(string(c))
		if !c.Known() {
			return false
		}
		known = true
		return !IsEU(c, on)
	}
	if check(b.BirthCountry) {
		return Violation{}, true
	}
	for _, list := range [][]Country{b.Nationalities, b.ParentBirthCountries, b.ParentNationalities} {
		for _, c := range list {
			if check(c) {
				return Violation{}, true
			}
		}
	}
	if !known {
		return Violation{CodeBackgroundUnknown, "background",
			"no birth country or nationality of the mentee or a parent is given"}, false
	}
	return Violation{CodeNoNonEUBackground, "background",
		fmt.Sprintf("neither the mentee nor a parent was born outside the EU or holds a non-EU nationality (EU as on %s)", on)}, false
}

func acceptedAgency(accepted []string, agency string) bool {
	if len(accepted) == 0 {
		return true
	}
	agency = strings.TrimSpace(agency)
	for _, a := range accepted {
		if strings.EqualFold(strings.TrimSpace(a), agency) {
			return true
		}
	}
	return false
}

func plural(x float64, one, many string) string {
	if x == 1 {
		return one
	}
	return many
}
