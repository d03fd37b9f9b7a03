package profile

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/duomatch/duo/internal/msg"
)

// MaxCapacity is the largest [Mentor.Capacity] that [Mentor.Validate]
// accepts. A capacity beyond it is a data error (no volunteer mentors a
// hundred people at once), and the bound keeps the size of a matching round,
// which copies a mentor once per place, from blowing up.
const MaxCapacity = 100

// Limits that Validate enforces, so that a huge document can produce neither
// a huge error nor much work. They are generous for real data.
const (
	maxIDLen        = 64  // bytes in an ID
	maxGenderLen    = 32  // bytes in a gender or a wished gender
	maxCityLen      = 100 // bytes in a city name
	maxPostcodeLen  = 16  // bytes in a postcode
	maxCountries    = 10  // entries in each list of countries
	maxSectors      = 20  // a mentee's sectors
	maxInterests    = 50  // entries in interests
	maxInterestLen  = 64  // bytes in one interest
	maxLanguages    = 20  // entries in languages
	maxExperience   = 50  // a mentor's experience entries
	maxYears        = 80  // years in one experience entry
	maxTraits       = 50  // entries in traits
	maxTraitNameLen = 64  // bytes in a trait's name
	maxWeeklyHours  = 168 // hours in a week
	minYear         = 1900
)

// mentorStatuses are the values of [Mentor.Status] that Validate accepts.
var mentorStatuses = []string{"", "employed", "self_employed", "early_retired", "retired", "other"}

// Validate reports every problem in m's data at once, as one error that
// joins a *[Problem] per problem, in the order of the fields; it returns
// nil when the data is well-formed. Each Problem names m by ID and the
// field by its JSON path, and errors.Is(err, [ErrInvalid]) holds; use
// [Problems] to list them.
//
// Validate checks form, not the programme's rules (see [Policy.CheckMentee]
// for those):
//   - id: not empty, at most 64 bytes, valid UTF-8, only printing
//     characters and ASCII spaces, no spaces at its ends (otherwise errors name the mentee "(no id)" or
//     "(bad id)");
//   - birth_date: set, year 1900 or later; job_seeker.since and applied_on,
//     when set, year 1900 or later;
//   - gender and wants.mentor_gender: "", female, male or x ([Gender]);
//   - job_seeker.agency: "" or one of the four agencies ([Agency]);
//   - background: every country an assigned ISO 3166-1 code
//     ([Country.Known]), at most 10 in each list;
//   - sectors: each a NACE Rev. 2 code ([Sector.Parse]), at most 20;
//   - occupation: an ISCO-08 code ([Occupation.Valid]) when set;
//   - interests: each non-blank and at most 64 bytes, at most 50;
//   - languages: each tag a BCP 47 tag ([BaseLanguage]), each level known
//     ([Level.Known]), at most 20;
//   - home: lat in [-90, 90], lon in [-180, 180], both finite; city at most
//     100 bytes;
//   - availability: only the 21 weekly slots;
//   - traits: names non-empty and at most 64 bytes, values finite in
//     [0, 1], at most 50, reported in the order of their names;
//   - wants.practise_language: a BCP 47 tag when set.
//
// A list longer than its limit is reported once and its entries are not
// checked. Cost: O(size of m), bounded by these limits.
func (m Mentee) Validate() error {
	v := problems{ids: []string{idName(m.ID)}}
	v.checkID(m.ID)
	v.birthDate(m.BirthDate)
	v.gender("gender", m.Gender)
	v.background(m.Background)
	if !m.JobSeeker.Agency.Known() {
		v.unknownValue("job_seeker.agency", agencyNames)
	}
	v.optionalDate("job_seeker.since", m.JobSeeker.Since)
	v.sectors(m.Sectors)
	v.occupation("occupation", m.Occupation)
	v.interests(m.Interests)
	v.languages(m.Languages)
	v.place(m.Home)
	v.availability(m.Availability)
	v.traits(m.Traits)
	v.gender("wants.mentor_gender", m.Wants.MentorGender)
	if t := m.Wants.PractiseLanguage; t != "" {
		if _, ok := BaseLanguage(t); !ok {
			v.add("wants.practise_language", "not_a_language_tag", "not a BCP 47 language tag")
		}
	}
	v.optionalDate("applied_on", m.AppliedOn)
	return v.err()
}

// Validate reports every problem in m's data at once, like
// [Mentee.Validate], and nil when the data is well-formed. It checks id,
// birth_date, gender, languages, home, availability, interests and traits
// as Mentee.Validate does, and also:
//   - status: one of "", "employed", "self_employed", "early_retired",
//     "retired", "other";
//   - experience: each sector a NACE Rev. 2 code, each occupation an
//     ISCO-08 code when set, each years finite in [0, 80]; at most 50
//     entries;
//   - weekly_hours: finite in [0, 168];
//   - capacity: in [0, [MaxCapacity]] (0 means the default, 1);
//   - wants.mentee_gender: "", female, male or x.
//
// Cost: O(size of m), bounded by the limits.
func (m Mentor) Validate() error {
	v := problems{ids: []string{idName(m.ID)}}
	v.checkID(m.ID)
	v.birthDate(m.BirthDate)
	v.gender("gender", m.Gender)
	if !slices.Contains(mentorStatuses, m.Status) {
		v.add("status", "unknown_status", "unknown status (want employed, self_employed, early_retired, retired or other)")
	}
	v.experience(m.Experience)
	v.languages(m.Languages)
	v.place(m.Home)
	v.availability(m.Availability)
	switch h := m.WeeklyHours; {
	case !finite(h):
		v.add("weekly_hours", "not_finite", "not a finite number")
	case h < 0 || h > maxWeeklyHours:
		v.add("weekly_hours", "out_of_range", "outside 0..168", "0", "168")
	}
	switch c := m.Capacity; {
	case c < 0:
		v.add("capacity", "negative", "negative")
	case c > MaxCapacity:
		v.add("capacity", "above_max", "more than "+strconv.Itoa(MaxCapacity), strconv.Itoa(MaxCapacity))
	}
	v.interests(m.Interests)
	v.traits(m.Traits)
	v.gender("wants.mentee_gender", m.Wants.MenteeGender)
	return v.err()
}

// idName is how error messages name a participant with this ID.
func idName(id string) string {
	switch {
	case id == "":
		return "(no id)"
	case !validID(id):
		return "(bad id)"
	}
	return id
}

// idProblem says what is wrong with a non-empty ID (its code, words and
// args), or "" when nothing is.
func idProblem(id string) (code, detail string, args []string) {
	switch {
	case len(id) > maxIDLen:
		return "too_long", "longer than " + strconv.Itoa(maxIDLen) + " bytes", []string{strconv.Itoa(maxIDLen)}
	case !utf8.ValidString(id):
		return "not_utf8", "not valid UTF-8", nil
	case strings.ContainsFunc(id, invisible):
		return "invisible_character", "contains a control or invisible character", nil
	case strings.TrimSpace(id) != id:
		return "spaces_at_ends", "has spaces at its ends", nil
	}
	return "", "", nil
}

// validID reports whether a non-empty id is well-formed.
func validID(id string) bool {
	code, _, _ := idProblem(id)
	return code == ""
}

// invisible reports whether r is a control, format (such as a
// right-to-left override) or other non-printing character; an ASCII space
// is printing.
func invisible(r rune) bool { return !unicode.IsPrint(r) }

func (v *problems) checkID(id string) {
	if id == "" {
		v.add("id", "missing", "missing")
	} else if code, detail, args := idProblem(id); code != "" {
		v.add("id", code, detail, args...)
	}
}

func (v *problems) birthDate(d Date) {
	if d.IsZero() {
		v.add("birth_date", "missing", "missing")
		return
	}
	v.optionalDate("birth_date", d)
}

func (v *problems) optionalDate(field string, d Date) {
	if !d.IsZero() && d.Year() < minYear {
		v.add(field, "before_year", "before "+strconv.Itoa(minYear), strconv.Itoa(minYear))
	}
}

func (v *problems) gender(field string, g Gender) {
	switch {
	case len(g) > maxGenderLen:
		v.tooLong(field, maxGenderLen)
	case !g.Known():
		v.unknownValue(field, "female, male or x")
	}
}

// unknownValue reports a value outside a closed vocabulary; want names the
// canonical values (never the value given).
func (v *problems) unknownValue(field, want string) {
	v.add(field, "unknown_value", "unknown value (want "+want+")", want)
}

func (v *problems) background(b Background) {
	if b.BirthCountry != "" && !b.BirthCountry.Known() {
		v.country("background.birth_country", b.BirthCountry)
	}
	v.countries("background.nationalities", b.Nationalities)
	v.countries("background.parent_birth_countries", b.ParentBirthCountries)
	v.countries("background.parent_nationalities", b.ParentNationalities)
}

func (v *problems) countries(field string, cs []Country) {
	if !v.fits(field, len(cs), maxCountries) {
		return
	}
	for i, c := range cs {
		if !c.Known() {
			v.country(index(field, i), c)
		}
	}
}

func (v *problems) country(field string, c Country) {
	if c == "" {
		v.add(field, "empty", "empty country code")
		return
	}
	v.add(field, "unknown_country", "unknown country code (want ISO 3166-1 alpha-2, such as BE)")
}

// tooLong reports a text longer than max bytes.
func (v *problems) tooLong(field string, max int) {
	v.add(field, "too_long", "longer than "+strconv.Itoa(max)+" bytes", strconv.Itoa(max))
}

// sector reports the problem of a sector that does not parse.
func (v *problems) sector(field string, s Sector) {
	if _, err := s.Parse(); err != nil {
		p := err.(*Problem)
		v.add(field, p.Code, p.Detail, p.Args...)
	}
}

func (v *problems) sectors(ss []Sector) {
	if !v.fits("sectors", len(ss), maxSectors) {
		return
	}
	for i, s := range ss {
		v.sector(index("sectors", i), s)
	}
}

func (v *problems) occupation(field string, o Occupation) {
	if o != "" && !o.Valid() {
		v.add(field, "not_an_isco_code", "not an ISCO-08 code of 1 to 4 digits")
	}
}

func (v *problems) interests(is []string) {
	if !v.fits("interests", len(is), maxInterests) {
		return
	}
	for i, s := range is {
		switch {
		case strings.TrimSpace(s) == "":
			v.add(index("interests", i), "blank", "blank")
		case len(s) > maxInterestLen:
			v.tooLong(index("interests", i), maxInterestLen)
		}
	}
}

func (v *problems) languages(ls []Language) {
	if !v.fits("languages", len(ls), maxLanguages) {
		return
	}
	for i, l := range ls {
		f := index("languages", i)
		if _, ok := BaseLanguage(l.Tag); !ok {
			v.add(f+".tag", "not_a_language_tag", "not a BCP 47 language tag")
		}
		switch {
		case l.Level == "":
			v.add(f+".level", "missing", "missing")
		case !l.Level.Known():
			v.add(f+".level", "unknown_level", "unknown level (want A1, A2, B1, B2, C1, C2 or native)")
		}
	}
}

func (v *problems) place(p Place) {
	if len(p.City) > maxCityLen {
		v.tooLong("home.city", maxCityLen)
	}
	if len(p.Postcode) > maxPostcodeLen {
		v.tooLong("home.postcode", maxPostcodeLen)
	}
	if p.Country != "" && !normCountry(string(p.Country)).Known() {
		v.add("home.country", "unknown_country", "unknown country code (want ISO 3166-1 alpha-2, such as BE)")
	}
	v.coordinate("home.lat", p.Lat, 90)
	v.coordinate("home.lon", p.Lon, 180)
}

func (v *problems) coordinate(field string, x, limit float64) {
	switch {
	case !finite(x):
		v.add(field, "not_finite", "not a finite number")
	case x < -limit || x > limit:
		l := strconv.FormatFloat(limit, 'g', -1, 64)
		v.add(field, "out_of_range", "outside -"+l+".."+l, "-"+l, l)
	}
}

func (v *problems) availability(a Availability) {
	if a&^allSlots != 0 {
		v.add("availability", "unknown_slot", "holds values outside the 21 weekly slots")
	}
}

func (v *problems) traits(t Traits) {
	if !v.fits("traits", len(t), maxTraits) {
		return
	}
	for _, name := range slices.Sorted(maps.Keys(t)) {
		f := fmt.Sprintf("traits[%q]", msg.Clip(name))
		switch x := t[name]; {
		case strings.TrimSpace(name) == "":
			v.add(f, "blank_name", "blank name")
		case len(name) > maxTraitNameLen:
			v.add(f, "name_too_long", "name longer than "+strconv.Itoa(maxTraitNameLen)+" bytes", strconv.Itoa(maxTraitNameLen))
		case !finite(x):
			v.add(f, "not_finite", "not a finite number")
		case x < 0 || x > 1:
			v.add(f, "out_of_range", "outside 0..1", "0", "1")
		}
	}
}

func (v *problems) experience(es []Experience) {
	if !v.fits("experience", len(es), maxExperience) {
		return
	}
	for i, e := range es {
		f := index("experience", i)
		v.sector(f+".sector", e.Sector)
		v.occupation(f+".occupation", e.Occupation)
		switch {
		case !finite(e.Years):
			v.add(f+".years", "not_finite", "not a finite number")
		case e.Years < 0 || e.Years > maxYears:
			v.add(f+".years", "out_of_range", "outside 0.."+strconv.Itoa(maxYears), "0", strconv.Itoa(maxYears))
		}
	}
}

// fits reports whether a list of n entries is within max, and reports the
// list otherwise.
func (v *problems) fits(field string, n, max int) bool {
	if n > max {
		v.add(field, "too_many", "more than "+strconv.Itoa(max)+" entries", strconv.Itoa(max))
		return false
	}
	return true
}

func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
