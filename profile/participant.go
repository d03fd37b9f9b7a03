package profile

// Mentee is a young job seeker who applies to be mentored. The JSON field
// names are part of the API: services decode these documents.
type Mentee struct {
	// ID identifies the mentee within a programme. It is the only thing
	// error messages say about a person.
	ID        string `json:"id"`
	BirthDate Date   `json:"birth_date"`
	// Gender is [Female], [Male], [OtherGender] or "" (not given); JSON
	// accepts the words [ParseGender] reads.
	Gender     Gender     `json:"gender,omitempty"`
	Background Background `json:"background"`
	JobSeeker  JobSeeker  `json:"job_seeker"`
	// Project is the personal or professional goal the mentee states: a
	// job, a training or an internship in some field.
	Project string `json:"project"`
	// Sectors are the NACE Rev. 2 codes of the sectors the mentee aims for.
	Sectors []Sector `json:"sectors,omitempty"`
	// Occupation is the ISCO-08 code of the occupation the mentee aims for;
	// empty means not given.
	Occupation   Occupation   `json:"occupation,omitempty"`
	Interests    []string     `json:"interests,omitempty"`
	Languages    []Language   `json:"languages,omitempty"`
	Home         Place        `json:"home"`
	Availability Availability `json:"availability"`
	Traits       Traits       `json:"traits,omitempty"`
	Wants        MenteeWants  `json:"wants"`
	// AppliedOn is the day the application was made; waiting time is
	// counted from it.
	AppliedOn Date `json:"applied_on"`
	// Paused takes the mentee out of matching for a while (holidays,
	// illness) without removing them from the pool: a matching round lists
	// a paused mentee with the reason code "paused" and keeps their place in
	// the queue. It does not change eligibility ([Policy.CheckMentee]).
	// Default false.
	Paused bool `json:"paused,omitempty"`
}

// Mentor is an experienced volunteer who offers to mentor.
type Mentor struct {
	ID        string `json:"id"`
	BirthDate Date   `json:"birth_date"`
	// Gender is as [Mentee.Gender].
	Gender Gender `json:"gender,omitempty"`
	// Status is the mentor's working status: "employed", "self_employed",
	// "early_retired", "retired" or "other"; empty means not given.
	Status     string       `json:"status,omitempty"`
	Experience []Experience `json:"experience,omitempty"`
	Languages  []Language   `json:"languages,omitempty"`
	Home       Place        `json:"home"`
	// Availability is when the mentor is free each week.
	Availability Availability `json:"availability"`
	// WeeklyHours is how many hours a week the mentor can give.
	WeeklyHours float64 `json:"weekly_hours"`
	// Trained records that the mentor completed the programme's training.
	Trained bool `json:"trained"`
	// Capacity is how many mentees the mentor takes at once, at most
	// [MaxCapacity]. The zero value means the default, 1 (the model
	// programme's rule), like every zero setting; see
	// [Mentor.EffectiveCapacity]. Capacity 0 therefore never means "no
	// mentee": to take a mentor out of a round, set Paused. The strict JSON
	// decoder of a round rejects an explicit "capacity": 0 for that reason
	// and points to "paused"; leave the field out for the default (JSON
	// encoding leaves it out too). Negative values are invalid.
	Capacity  int         `json:"capacity,omitempty"`
	Interests []string    `json:"interests,omitempty"`
	Traits    Traits      `json:"traits,omitempty"`
	Wants     MentorWants `json:"wants"`
	// Paused takes the mentor out of matching for a while (holidays,
	// illness) without removing them from the pool: a matching round lists
	// a paused mentor with the reason code "paused" and proposes no new
	// mentee to them. It does not change eligibility ([Policy.CheckMentor])
	// or capacity. Default false.
	Paused bool `json:"paused,omitempty"`
}

// EffectiveCapacity returns how many mentees the mentor can take at once:
// Capacity, with 0 meaning the default, 1 (not "none": a mentor who takes
// no mentee for now is [Mentor.Paused]). A negative Capacity is returned as
// it is (it is a validation error and an eligibility violation). It ignores
// Paused. Cost: O(1).
func (m Mentor) EffectiveCapacity() int {
	if m.Capacity == 0 {
		return 1
	}
	return m.Capacity
}

// ExperienceYears returns the sum of the years of all experience entries.
func (m Mentor) ExperienceYears() float64 {
	var sum float64
	for _, e := range m.Experience {
		sum += e.Years
	}
	return sum
}

// Background is where a mentee and their parents come from. The model
// programme serves young people with a migration background from outside
// the European Union: born outside it, of a non-EU nationality, or with a
// parent born outside it or of a non-EU nationality (second generation).
type Background struct {
	BirthCountry         Country   `json:"birth_country,omitempty"`
	Nationalities        []Country `json:"nationalities,omitempty"`
	ParentBirthCountries []Country `json:"parent_birth_countries,omitempty"`
	ParentNationalities  []Country `json:"parent_nationalities,omitempty"`
}

// JobSeeker is a mentee's registration with a public employment service.
type JobSeeker struct {
	Registered bool `json:"registered"`
	// Agency is the public employment service: [Actiris] (Brussels),
	// [VDAB] (Flanders), [LeForem] (Wallonia), [ADG] (German-speaking
	// community), or "" (not given); JSON accepts the names [ParseAgency]
	// reads.
	Agency Agency `json:"agency,omitempty"`
	Since  Date   `json:"since"`
}

// Place is where a person lives, as an application form holds it: a
// postcode, a municipality's name and a country, any of which may be
// missing, and, optionally, coordinates in decimal degrees (WGS 84). Lat
// and Lon both zero means "no coordinates".
type Place struct {
	// Postcode is the postal code as written on a form, such as "1030".
	Postcode string `json:"postcode,omitempty"`
	// City is the municipality's name as written, in any language, such
	// as "Schaerbeek" or "Schaarbeek".
	City string `json:"city,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code of the country; empty means
	// the programme's own country.
	Country Country `json:"country,omitempty"`
	Lat     float64 `json:"lat,omitempty"`
	Lon     float64 `json:"lon,omitempty"`
}

// HasCoords reports whether the place has coordinates.
func (p Place) HasCoords() bool { return p.Lat != 0 || p.Lon != 0 }

// Experience is one part of a mentor's professional experience: a NACE
// sector, optionally an ISCO-08 occupation, and the number of years.
type Experience struct {
	Sector     Sector     `json:"sector"`
	Occupation Occupation `json:"occupation,omitempty"`
	Years      float64    `json:"years"`
}

// Traits are named personality scores in [0,1], e.g. {"openness": 0.7}.
// Which names a programme uses is its own choice; scoring compares the
// names both people have.
type Traits map[string]float64

// MenteeWants are a mentee's wishes about the mentorship.
type MenteeWants struct {
	// MentorGender, when set, is a hard requirement on the mentor's gender.
	MentorGender Gender `json:"mentor_gender,omitempty"`
	// PractiseLanguage is a BCP 47 tag of the language the mentee wants to
	// practise with the mentor (often the local one: Dutch in Antwerp and
	// Ghent, French in Brussels and Liège).
	PractiseLanguage string `json:"practise_language,omitempty"`
}

// MentorWants are a mentor's wishes about the mentorship.
type MentorWants struct {
	// MenteeGender, when set, is a hard requirement on the mentee's gender.
	MenteeGender Gender `json:"mentee_gender"`
}
