package profile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/duomatch/duo/internal/msg"
)

// Policy is a programme's eligibility rules: who may take part as a mentee
// and who as a mentor.
//
// The zero value of every setting means its documented default, the model
// programme's rule: the zero Policy applies the same rules as
// [DefaultPolicy], and a Policy that sets only some fields keeps the
// default for all the others. A rule is turned off only explicitly: a
// [Switch] set to [Off], or a numeric limit set to Off (-1). [Policy.Resolved] fills in the defaults; it is the policy
// that [Policy.CheckMentee] and [Policy.CheckMentor] apply.
//
//	p := profile.Policy{Mentee: profile.MenteeRules{MaxAge: 33}} // every other rule is the default
//	p.Mentee.Project = profile.Off                                // no project required
//
// In JSON, a Switch is true, false or null (the default), and a limit is a
// number with 0 for the default and -1 for off. Other programmes may decode
// a partial JSON document over DefaultPolicy() (or over the zero Policy,
// with the same effect):
//
//	p := profile.DefaultPolicy()
//	err := json.Unmarshal([]byte(`{"mentee": {"max_age": 33}}`), &p)
//
// keeps every rule but the maximum age, and `{"mentee": {"project": false}}`
// turns the project rule off. A limit of 0 in JSON means the default, not
// "no limit": use -1.
//
// Validation ([Mentee.Validate]) and eligibility are separate: Validate
// rejects malformed data, while [Policy.CheckMentee] and
// [Policy.CheckMentor] tell which of the programme's rules well-formed data
// fails.
type Policy struct {
	Mentee MenteeRules `json:"mentee"`
	Mentor MentorRules `json:"mentor"`
}

// The model programme's rules: the defaults of the zero settings.
const (
	defMenteeMinAge        = 18
	defMenteeMaxAge        = 30
	defMentorMinAge        = 50
	defMinWeeklyHours      = 2
	defMinExperienceYears  = 1
	defNonEUBackground     = true
	defRegisteredJobSeeker = true
	defProject             = true
	defTrained             = false
)

// defaultAgencies returns a new slice of the agencies a mentee may be
// registered with by default.
func defaultAgencies() []Agency { return []Agency{Actiris, VDAB, LeForem, ADG} }

// MenteeRules are the rules a mentee must meet. The zero value of each
// field means its default.
type MenteeRules struct {
	// MinAge is the lowest age in completed years on the day of the check,
	// inclusive. 0 means the default, 18; [Off] (-1) means no minimum.
	MinAge int `json:"min_age"`
	// MaxAge is the highest age in completed years on the day of the check,
	// inclusive (30 admits a person until the day before their 31st
	// birthday). 0 means the default, 30 (one city uses 33); [Off] (-1)
	// means no maximum.
	MaxAge int `json:"max_age"`
	// NonEUBackground requires a migration background from outside the EU
	// on the day of the check: the mentee's birth country, a nationality, a
	// parent's birth country or a parent's nationality outside the EU.
	// Default on.
	NonEUBackground Switch `json:"non_eu_background"`
	// RegisteredJobSeeker requires job_seeker.registered. Default on.
	RegisteredJobSeeker Switch `json:"registered_job_seeker"`
	// Agencies are the employment services a registration may be with,
	// each one of the four [Agency] values (JSON accepts the names
	// [ParseAgency] reads; another name is a validation error). nil means
	// the default: Actiris, VDAB, Le Forem and ADG. An empty, non-nil list
	// (JSON []) is a validation error, because it is ambiguous: leave the
	// field out for the default, or set AnyAgency. Agencies apply only when
	// RegisteredJobSeeker is on and AnyAgency is false.
	Agencies []Agency `json:"agencies"`
	// AnyAgency accepts a registration with any employment service,
	// whatever Agencies lists. Default false.
	AnyAgency bool `json:"any_agency,omitempty"`
	// Project requires a non-blank project. Default on.
	Project Switch `json:"project"`
}

// MentorRules are the rules a mentor must meet. The zero value of each
// field means its default.
type MentorRules struct {
	// MinAge is the lowest age in completed years on the day of the check,
	// inclusive. 0 means the default, 50; [Off] (-1) means no minimum.
	MinAge int `json:"min_age"`
	// MinWeeklyHours is the fewest hours a week a mentor must offer. 0 means
	// the default, 2; [Off] (-1) means no minimum.
	MinWeeklyHours float64 `json:"min_weekly_hours"`
	// MinExperienceYears is the least professional experience, the sum of
	// the years of all experience entries. 0 means the default, 1; [Off]
	// (-1) means no minimum.
	MinExperienceYears float64 `json:"min_experience_years"`
	// Trained requires the programme's training to be completed. Default
	// off: the model programme matches mentors before their training.
	Trained Switch `json:"trained"`
}

// DefaultPolicy returns the model programme's rules written out: mentees
// aged 18 to 30 with a non-EU background, registered as job seekers with
// Actiris, VDAB, Le Forem or ADG, with a project; mentors aged 50 or over
// who offer at least 2 hours a week and have at least 1 year of experience,
// trained or not (Trained is [Off]). It applies the same rules as the zero
// Policy, and equals Policy{}.Resolved(). Each call returns a new Policy
// (its Agencies slice is not shared).
func DefaultPolicy() Policy {
	return Policy{}.Resolved()
}

// Resolved returns p with every zero setting replaced by its default: the
// numbers written out, each [Switch] [On] or [Off], and Agencies the default
// list when p lists none (nil or empty). Settings that are set, including
// those set to Off, are kept, so Resolved is idempotent and
// DefaultPolicy().Resolved() equals DefaultPolicy(). [Policy.CheckMentee]
// and [Policy.CheckMentor] apply the resolved policy. Resolved does not
// validate p: invalid values are kept as they are.
//
// The result shares p's Agencies slice when p lists agencies; otherwise it
// holds a new slice. Cost: O(1).
func (p Policy) Resolved() Policy {
	m, o := &p.Mentee, &p.Mentor
	m.MinAge = resolveLimit(m.MinAge, defMenteeMinAge)
	m.MaxAge = resolveLimit(m.MaxAge, defMenteeMaxAge)
	m.NonEUBackground = resolveSwitch(m.NonEUBackground, defNonEUBackground)
	m.RegisteredJobSeeker = resolveSwitch(m.RegisteredJobSeeker, defRegisteredJobSeeker)
	if len(m.Agencies) == 0 {
		m.Agencies = defaultAgencies()
	}
	m.Project = resolveSwitch(m.Project, defProject)
	o.MinAge = resolveLimit(o.MinAge, defMentorMinAge)
	o.MinWeeklyHours = resolveLimit(o.MinWeeklyHours, defMinWeeklyHours)
	o.MinExperienceYears = resolveLimit(o.MinExperienceYears, defMinExperienceYears)
	o.Trained = resolveSwitch(o.Trained, defTrained)
	return p
}

// resolveLimit replaces a zero limit by def and keeps any other value
// (Off, and invalid values for Validate to report).
func resolveLimit[T int | float64](v, def T) T {
	if v == 0 {
		return def
	}
	return v
}

// resolveSwitch replaces a zero Switch by On or Off as def says and keeps
// any other value.
func resolveSwitch(s Switch, def bool) Switch {
	switch {
	case s != 0:
		return s
	case def:
		return On
	}
	return Off
}

// Limits that [Policy.Validate] enforces.
const (
	maxPolicyAge = 150
	maxAgencies  = 50
	maxAgencyLen = 64
)

// Validate reports every problem in p at once, as one error joining a
// *[Problem] per problem (with an empty ID and the JSON path of the
// setting, such as "mentee.max_age"), or nil. Zero settings mean their
// defaults and are valid, so the zero Policy is valid. Validate checks that
// ages are in 0..150 or [Off] (-1), and the mentee's minimum age is not
// above the maximum (both resolved: a MinAge of 31 with the default MaxAge
// of 30 is an error); that mentor.min_weekly_hours is in [0, 168] and
// mentor.min_experience_years in [0, 80], or Off; that every [Switch] is
// On, Off or 0; and that mentee.agencies is nil or lists at most 50
// agencies, each one of the four [Agency] values. errors.Is(err,
// [ErrInvalid]) holds for the result. Cost: O(number of agencies).
func (p Policy) Validate() error {
	v := problems{}
	m, o := p.Mentee, p.Mentor
	v.age("mentee.min_age", m.MinAge)
	v.age("mentee.max_age", m.MaxAge)
	minAge, minOK := Limit(m.MinAge, defMenteeMinAge)
	maxAge, maxOK := Limit(m.MaxAge, defMenteeMaxAge)
	if minOK && maxOK && minAge <= maxPolicyAge && maxAge <= maxPolicyAge && minAge > maxAge {
		v.add("mentee.max_age", "max_below_min", fmt.Sprintf("the maximum age %d is below the minimum age %d (mentee.min_age)", maxAge, minAge),
			strconv.Itoa(maxAge), strconv.Itoa(minAge))
	}
	v.switchValue("mentee.non_eu_background", m.NonEUBackground)
	v.switchValue("mentee.registered_job_seeker", m.RegisteredJobSeeker)
	switch {
	case m.Agencies != nil && len(m.Agencies) == 0:
		v.add("mentee.agencies", "empty_list", "empty: leave it out for the default agencies, or set any_agency to accept any")
	case v.fits("mentee.agencies", len(m.Agencies), maxAgencies):
		for i, a := range m.Agencies {
			switch {
			case strings.TrimSpace(string(a)) == "":
				v.add(index("mentee.agencies", i), "blank", "blank")
			case len(a) > maxAgencyLen:
				v.tooLong(index("mentee.agencies", i), maxAgencyLen)
			case !a.Known():
				v.unknownValue(index("mentee.agencies", i), agencyNames)
			}
		}
	}
	v.switchValue("mentee.project", m.Project)
	v.age("mentor.min_age", o.MinAge)
	v.limit("mentor.min_weekly_hours", o.MinWeeklyHours, maxWeeklyHours)
	v.limit("mentor.min_experience_years", o.MinExperienceYears, maxYears)
	v.switchValue("mentor.trained", o.Trained)
	return v.err()
}

func (v *problems) age(field string, a int) {
	if a != Off && (a < 0 || a > maxPolicyAge) {
		v.add(field, "out_of_range_setting", "outside 0.."+strconv.Itoa(maxPolicyAge)+" (0 for the default, -1 for no limit)", "0", strconv.Itoa(maxPolicyAge))
	}
}

// limit checks a numeric limit: finite, in [0, max] or Off.
func (v *problems) limit(field string, x, max float64) {
	switch {
	case !finite(x):
		v.add(field, "not_finite", "not a finite number")
	case x != Off && (x < 0 || x > max):
		m := strconv.FormatFloat(max, 'g', -1, 64)
		v.add(field, "out_of_range_setting", "outside 0.."+m+" (0 for the default, -1 for no limit)", "0", m)
	}
}

func (v *problems) switchValue(field string, s Switch) {
	if !s.valid() {
		v.add(field, "not_a_switch", s.String()+" is not a valid switch: want On (1), Off (-1) or 0 for the default", s.String())
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
	// Message says, in English words, which rule is not met;
	// [Violation.Text] says it in another language.
	Message string `json:"message"`
	// Args are the rule's figures that the words state, in order, never
	// the person's data: the programme's limit, the day of the check as
	// "YYYY-MM-DD", the accepted agencies. Each code's comment lists them.
	// It may be nil.
	Args []string `json:"args,omitempty"`
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
	// CodeTooYoung: younger than the minimum age. Args: the minimum age,
	// the day of the check.
	CodeTooYoung = "too_young"
	// CodeTooOld: older than the maximum age (mentees). Args: the maximum
	// age, the day of the check.
	CodeTooOld = "too_old"
	// CodeNoNonEUBackground: no known country in the mentee's background is
	// outside the EU on the day of the check. Args: the day of the check.
	CodeNoNonEUBackground = "no_non_eu_background"
	// CodeBackgroundUnknown: the background holds no known country at all.
	CodeBackgroundUnknown = "background_unknown"
	// CodeNotRegistered: not registered as a job seeker.
	CodeNotRegistered = "not_registered"
	// CodeAgencyNotAccepted: registered with an agency the programme does
	// not accept. Args: the accepted agencies, joined with ", ".
	CodeAgencyNotAccepted = "agency_not_accepted"
	// CodeNoProject: no project stated.
	CodeNoProject = "no_project"
	// CodeTooFewHours: offers fewer weekly hours than the minimum. Args:
	// the minimum.
	CodeTooFewHours = "too_few_hours"
	// CodeTooLittleExperience: less experience than the minimum. Args:
	// the minimum, in years.
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
// CheckMentee applies p.[Policy.Resolved]: a zero setting is its default
// (the zero Policy is [DefaultPolicy]), and only a rule set to [Off] is
// skipped. Messages state the limit applied, such as "older than the
// programme's maximum age of 30". Ages are in completed years ([Age]) and
// both bounds are inclusive. For the background, countries that are not
// assigned codes ([Country.Known]) are ignored: they are validation errors,
// not evidence of a background. CheckMentee does not validate m or p: run
// [Mentee.Validate] and [Policy.Validate] first. [Mentee.Paused] does not
// change eligibility.
//
// Cost: O(number of countries in the background × 29) plus O(number of
// agencies).
func (p Policy) CheckMentee(m Mentee, on Date) []Violation {
	if on.IsZero() {
		return dateUnknown()
	}
	var out []Violation
	r := p.Resolved().Mentee
	minAge, minOK := Limit(r.MinAge, defMenteeMinAge)
	maxAge, maxOK := Limit(r.MaxAge, defMenteeMaxAge)
	if v, ok := checkAge(m.BirthDate, on, minAge, minOK, maxAge, maxOK); !ok {
		out = append(out, v)
	}
	if r.NonEUBackground.Enabled(defNonEUBackground) {
		if v, ok := checkBackground(m.Background, on); !ok {
			out = append(out, v)
		}
	}
	if r.RegisteredJobSeeker.Enabled(defRegisteredJobSeeker) {
		switch {
		case !m.JobSeeker.Registered:
			out = append(out, Violation{CodeNotRegistered, "job_seeker.registered",
				"not registered as a job seeker with a public employment service", nil})
		case !r.AnyAgency && !acceptedAgency(r.Agencies, m.JobSeeker.Agency):
			accepted := joinAgencies(r.Agencies)
			out = append(out, Violation{CodeAgencyNotAccepted, "job_seeker.agency",
				"registered with an employment service the programme does not accept (accepted: " + accepted + ")",
				[]string{accepted}})
		}
	}
	if r.Project.Enabled(defProject) && strings.TrimSpace(m.Project) == "" {
		out = append(out, Violation{CodeNoProject, "project",
			"no personal or professional project stated", nil})
	}
	return out
}

// CheckMentor returns every rule of p that m fails on the day on, in this
// order: too_young (or age_unknown), too_few_hours, too_little_experience,
// not_trained (only when p requires training), no_capacity. It returns nil
// when m is eligible. With a zero on it returns the single violation
// date_unknown. Like [Policy.CheckMentee] it applies p.[Policy.Resolved]
// (a zero setting is its default; only [Off] skips a rule) and its
// messages state the limit applied. A weekly_hours or experience that is
// not a number (NaN) fails its rule. CheckMentor does not validate m or p.
// [Mentor.Paused] does not change eligibility; a zero Capacity is 1
// ([Mentor.EffectiveCapacity]).
//
// Cost: O(len(m.Experience)).
func (p Policy) CheckMentor(m Mentor, on Date) []Violation {
	if on.IsZero() {
		return dateUnknown()
	}
	var out []Violation
	r := p.Resolved().Mentor
	minAge, minOK := Limit(r.MinAge, defMentorMinAge)
	if v, ok := checkAge(m.BirthDate, on, minAge, minOK, 0, false); !ok {
		out = append(out, v)
	}
	// Written as !(x >= min) so that NaN fails.
	if hours, ok := Limit(r.MinWeeklyHours, defMinWeeklyHours); ok && !(m.WeeklyHours >= hours) {
		out = append(out, Violation{CodeTooFewHours, "weekly_hours",
			fmt.Sprintf("offers fewer hours a week than the programme's minimum of %g", hours), []string{num(hours)}})
	}
	if years, ok := Limit(r.MinExperienceYears, defMinExperienceYears); ok && !(m.ExperienceYears() >= years) {
		out = append(out, Violation{CodeTooLittleExperience, "experience",
			fmt.Sprintf("has less professional experience than the programme's minimum of %g %s",
				years, msg.Plural(years, "year", "years")), []string{num(years)}})
	}
	if r.Trained.Enabled(defTrained) && !m.Trained {
		out = append(out, Violation{CodeNotTrained, "trained",
			"has not completed the programme's training", nil})
	}
	if m.EffectiveCapacity() < 1 {
		out = append(out, Violation{CodeNoCapacity, "capacity",
			"can take no mentee (capacity below 1)", nil})
	}
	return out
}

// num writes x as %g does, for a violation's args.
func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func dateUnknown() []Violation {
	return []Violation{{CodeDateUnknown, "", "the check was made without a date", nil}}
}

// checkAge applies inclusive age bounds, each only when its ok flag is
// set; with no bound at all there is no age rule (so no age_unknown either).
func checkAge(birth, on Date, min int, minOK bool, max int, maxOK bool) (Violation, bool) {
	if !minOK && !maxOK {
		return Violation{}, true
	}
	if birth.IsZero() || birth.After(on) {
		return Violation{CodeAgeUnknown, "birth_date",
			"the age cannot be determined: no valid birth date", nil}, false
	}
	age := Age(birth, on)
	if minOK && age < min {
		return Violation{CodeTooYoung, "birth_date",
			fmt.Sprintf("younger than the programme's minimum age of %d on %s", min, on), []string{strconv.Itoa(min), on.String()}}, false
	}
	if maxOK && age > max {
		return Violation{CodeTooOld, "birth_date",
			fmt.Sprintf("older than the programme's maximum age of %d on %s", max, on), []string{strconv.Itoa(max), on.String()}}, false
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
			"no birth country or nationality of the mentee or a parent is given", nil}, false
	}
	return Violation{CodeNoNonEUBackground, "background",
		fmt.Sprintf("neither the mentee nor a parent was born outside the EU or holds a non-EU nationality (EU as on %s)", on), []string{on.String()}}, false
}

// acceptedAgency reports whether agency is in the accepted list, both
// read as [ParseAgency] reads them (a name outside the set is accepted by
// no list).
func acceptedAgency(accepted []Agency, agency Agency) bool {
	if len(accepted) == 0 {
		return true
	}
	a, ok := ParseAgency(string(agency))
	if !ok || a == "" {
		return false
	}
	for _, b := range accepted {
		if c, ok := ParseAgency(string(b)); ok && c == a {
			return true
		}
	}
	return false
}

// joinAgencies writes a list of agencies for a message: "Actiris, VDAB".
func joinAgencies(as []Agency) string {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = string(a)
	}
	return strings.Join(names, ", ")
}
