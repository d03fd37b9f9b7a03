package profile

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidateDocuments(t *testing.T) {
	require.NoError(t, decodeMentee(t).Validate())
	require.NoError(t, decodeMentor(t).Validate())
	// The interface must be nil, not a typed nil (STYLE: errors).
	assert.True(t, decodeMentee(t).Validate() == nil)
	assert.True(t, decodeMentor(t).Validate() == nil)
}

func TestMenteeValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(m *Mentee)
		want   []string // every message, in order
	}{
		{name: "unknown level", change: func(m *Mentee) { m.Languages[2].Level = "B3" },
			want: []string{`me-001: languages[2].level: unknown level (want A1, A2, B1, B2, C1, C2 or native)`}},
		{name: "missing level", change: func(m *Mentee) { m.Languages[0].Level = "" },
			want: []string{`me-001: languages[0].level: missing`}},
		{name: "bad tag", change: func(m *Mentee) { m.Languages[1].Tag = "French" },
			want: []string{`me-001: languages[1].tag: not a BCP 47 language tag`}},
		{name: "undetermined tag", change: func(m *Mentee) { m.Languages[1].Tag = "und" },
			want: []string{`me-001: languages[1].tag: not a BCP 47 language tag`}},
		{name: "too many languages", change: func(m *Mentee) { m.Languages = make([]Language, 21) },
			want: []string{`me-001: languages: more than 20 entries`}},
		{name: "20 languages are fine", change: func(m *Mentee) {
			m.Languages = slices.Repeat([]Language{{Tag: "nl", Level: B1}}, 20)
		}},
		{name: "missing id", change: func(m *Mentee) { m.ID = "" },
			want: []string{`(no id): id: missing`}},
		{name: "long id", change: func(m *Mentee) { m.ID = strings.Repeat("x", 65) },
			want: []string{`(bad id): id: longer than 64 bytes`}},
		{name: "64-byte id", change: func(m *Mentee) { m.ID = strings.Repeat("x", 64) }},
		{name: "id with a control character", change: func(m *Mentee) { m.ID = "me\n001" },
			want: []string{`(bad id): id: contains a control or invisible character`}},
		{name: "id with a right-to-left override", change: func(m *Mentee) { m.ID = "me-\u202e100" },
			want: []string{`(bad id): id: contains a control or invisible character`}},
		{name: "id with a no-break space", change: func(m *Mentee) { m.ID = "me\u00a0001" },
			want: []string{`(bad id): id: contains a control or invisible character`}},
		{name: "id with letters beyond ASCII", change: func(m *Mentee) { m.ID = "mentee-éç-001" }},
		{name: "id with a trailing space", change: func(m *Mentee) { m.ID = "me-001 " },
			want: []string{`(bad id): id: has spaces at its ends`}},
		{name: "id with an inner space", change: func(m *Mentee) { m.ID = "me 001" }},
		{name: "id not UTF-8", change: func(m *Mentee) { m.ID = "me\xff" },
			want: []string{`(bad id): id: not valid UTF-8`}},
		{name: "no birth date", change: func(m *Mentee) { m.BirthDate = Date{} },
			want: []string{`me-001: birth_date: missing`}},
		{name: "birth before 1900", change: func(m *Mentee) { m.BirthDate = MustDate(1899, time.December, 31) },
			want: []string{`me-001: birth_date: before 1900`}},
		{name: "birth in 1900", change: func(m *Mentee) { m.BirthDate = MustDate(1900, time.January, 1) }},
		{name: "long gender", change: func(m *Mentee) { m.Gender = Gender(strings.Repeat("g", 33)) },
			want: []string{`me-001: gender: longer than 32 bytes`}},
		{name: "unknown birth country", change: func(m *Mentee) { m.Background.BirthCountry = "UK" },
			want: []string{`me-001: background.birth_country: unknown country code (want ISO 3166-1 alpha-2, such as BE)`}},
		{name: "empty nationality", change: func(m *Mentee) { m.Background.Nationalities = []Country{"BE", ""} },
			want: []string{`me-001: background.nationalities[1]: empty country code`}},
		{name: "unknown parent country", change: func(m *Mentee) { m.Background.ParentBirthCountries = []Country{"ZZ"} },
			want: []string{`me-001: background.parent_birth_countries[0]: unknown country code (want ISO 3166-1 alpha-2, such as BE)`}},
		{name: "too many parent nationalities", change: func(m *Mentee) { m.Background.ParentNationalities = make([]Country, 11) },
			want: []string{`me-001: background.parent_nationalities: more than 10 entries`}},
		{name: "registered before 1900", change: func(m *Mentee) { m.JobSeeker.Since = MustDate(1800, time.January, 1) },
			want: []string{`me-001: job_seeker.since: before 1900`}},
		{name: "gap division", change: func(m *Mentee) { m.Sectors = []Sector{"62.01", "34"} },
			want: []string{`me-001: sectors[1]: NACE Rev. 2 has no division 34`}},
		{name: "too many sectors", change: func(m *Mentee) { m.Sectors = slices.Repeat([]Sector{"J"}, 21) },
			want: []string{`me-001: sectors: more than 20 entries`}},
		{name: "bad occupation", change: func(m *Mentee) { m.Occupation = "25121" },
			want: []string{`me-001: occupation: not an ISCO-08 code of 1 to 4 digits`}},
		{name: "blank interest", change: func(m *Mentee) { m.Interests = []string{"chess", " "} },
			want: []string{`me-001: interests[1]: blank`}},
		{name: "long interest", change: func(m *Mentee) { m.Interests = []string{strings.Repeat("i", 65)} },
			want: []string{`me-001: interests[0]: longer than 64 bytes`}},
		{name: "too many interests", change: func(m *Mentee) { m.Interests = make([]string, 51) },
			want: []string{`me-001: interests: more than 50 entries`}},
		{name: "latitude out of range", change: func(m *Mentee) { m.Home.Lat = 90.5 },
			want: []string{`me-001: home.lat: outside -90..90`}},
		{name: "longitude NaN", change: func(m *Mentee) { m.Home.Lon = math.NaN() },
			want: []string{`me-001: home.lon: not a finite number`}},
		{name: "latitude infinite", change: func(m *Mentee) { m.Home.Lat = math.Inf(-1) },
			want: []string{`me-001: home.lat: not a finite number`}},
		{name: "longitude at the limit", change: func(m *Mentee) { m.Home.Lon = -180 }},
		{name: "long city", change: func(m *Mentee) { m.Home.City = strings.Repeat("c", 101) },
			want: []string{`me-001: home.city: longer than 100 bytes`}},
		{name: "availability beyond the week", change: func(m *Mentee) { m.Availability |= 1 << 30 },
			want: []string{`me-001: availability: holds values outside the 21 weekly slots`}},
		{name: "traits in name order", change: func(m *Mentee) {
			m.Traits = Traits{"zest": 2, "openness": math.NaN(), "": 0.5, "calm": -0.1, "ok": 1}
		}, want: []string{
			`me-001: traits[""]: blank name`,
			`me-001: traits["calm"]: outside 0..1`,
			`me-001: traits["openness"]: not a finite number`,
			`me-001: traits["zest"]: outside 0..1`,
		}},
		{name: "too many traits", change: func(m *Mentee) {
			m.Traits = Traits{}
			for i := range 51 {
				m.Traits[fmt.Sprint("t", i)] = 0.5
			}
		}, want: []string{`me-001: traits: more than 50 entries`}},
		{name: "bad practise language", change: func(m *Mentee) { m.Wants.PractiseLanguage = "Dutch!" },
			want: []string{`me-001: wants.practise_language: not a BCP 47 language tag`}},
		{name: "long wished gender", change: func(m *Mentee) { m.Wants.MentorGender = Gender(strings.Repeat("g", 40)) },
			want: []string{`me-001: wants.mentor_gender: longer than 32 bytes`}},
		{name: "applied before 1900", change: func(m *Mentee) { m.AppliedOn = MustDate(1066, time.October, 14) },
			want: []string{`me-001: applied_on: before 1900`}},
		{name: "long token clipped", change: func(m *Mentee) { m.Occupation = Occupation(strings.Repeat("9", 100)) },
			want: []string{`me-001: occupation: not an ISCO-08 code of 1 to 4 digits`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := decodeMentee(t)
			tt.change(&m)
			assertProblems(t, m.Validate(), tt.want)
		})
	}
}

func TestMentorValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(m *Mentor)
		want   []string
	}{
		{name: "unknown status", change: func(m *Mentor) { m.Status = "pensioner" },
			want: []string{`mo-001: status: unknown status (want employed, self_employed, early_retired, retired or other)`}},
		{name: "each status", change: func(m *Mentor) { m.Status = "self_employed" }},
		{name: "no status", change: func(m *Mentor) { m.Status = "" }},
		{name: "bad experience", change: func(m *Mentor) {
			m.Experience = append(m.Experience, Experience{Sector: "", Occupation: "x", Years: 81})
		}, want: []string{
			`mo-001: experience[2].sector: not a NACE Rev. 2 code (forms: J, 62, 62.0, 62.01)`,
			`mo-001: experience[2].occupation: not an ISCO-08 code of 1 to 4 digits`,
			`mo-001: experience[2].years: outside 0..80`,
		}},
		{name: "negative years", change: func(m *Mentor) { m.Experience[0].Years = -1 },
			want: []string{`mo-001: experience[0].years: outside 0..80`}},
		{name: "infinite years", change: func(m *Mentor) { m.Experience[1].Years = math.Inf(1) },
			want: []string{`mo-001: experience[1].years: not a finite number`}},
		{name: "too much experience", change: func(m *Mentor) { m.Experience = make([]Experience, 51) },
			want: []string{`mo-001: experience: more than 50 entries`}},
		{name: "hours NaN", change: func(m *Mentor) { m.WeeklyHours = math.NaN() },
			want: []string{`mo-001: weekly_hours: not a finite number`}},
		{name: "hours beyond a week", change: func(m *Mentor) { m.WeeklyHours = 169 },
			want: []string{`mo-001: weekly_hours: outside 0..168`}},
		{name: "negative hours", change: func(m *Mentor) { m.WeeklyHours = -1 },
			want: []string{`mo-001: weekly_hours: outside 0..168`}},
		{name: "negative capacity", change: func(m *Mentor) { m.Capacity = -1 },
			want: []string{`mo-001: capacity: negative`}},
		{name: "capacity beyond MaxCapacity", change: func(m *Mentor) { m.Capacity = MaxCapacity + 1 },
			want: []string{`mo-001: capacity: more than 100`}},
		{name: "capacity MaxCapacity", change: func(m *Mentor) { m.Capacity = MaxCapacity }},
		{name: "capacity zero", change: func(m *Mentor) { m.Capacity = 0 }},
		{name: "long wished gender", change: func(m *Mentor) { m.Wants.MenteeGender = Gender(strings.Repeat("g", 33)) },
			want: []string{`mo-001: wants.mentee_gender: longer than 32 bytes`}},
		{name: "shared checks", change: func(m *Mentor) {
			m.ID = ""
			m.BirthDate = Date{}
			m.Languages[1].Level = "B3"
			m.Home.Lat = 91
			m.Interests = []string{""}
			m.Traits["openness"] = 1.5
		}, want: []string{
			`(no id): id: missing`,
			`(no id): birth_date: missing`,
			`(no id): languages[1].level: unknown level (want A1, A2, B1, B2, C1, C2 or native)`,
			`(no id): home.lat: outside -90..90`,
			`(no id): interests[0]: blank`,
			`(no id): traits["openness"]: outside 0..1`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := decodeMentor(t)
			tt.change(&m)
			assertProblems(t, m.Validate(), tt.want)
		})
	}
}

// TestValidateSeveralProblems checks that every problem is reported at
// once, in field order, testable with errors.Is and errors.As.
func TestValidateSeveralProblems(t *testing.T) {
	m := decodeMentee(t)
	m.BirthDate = Date{}
	m.Background.Nationalities = []Country{"XX"}
	m.Languages[2].Level = "B3"
	m.Home.Lon = 200
	err := m.Validate()
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalid)
	var fe *Problem
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, []string{"me-001"}, fe.IDs)
	assert.Equal(t, "birth_date", fe.Path)
	assert.Equal(t, "missing", fe.Code)

	fields := []string{}
	for _, e := range Problems(err) {
		fields = append(fields, e.Path)
	}
	assert.Equal(t, []string{"birth_date", "background.nationalities[0]", "languages[2].level", "home.lon"}, fields)
	assert.Equal(t, strings.Join([]string{
		`me-001: birth_date: missing`,
		`me-001: background.nationalities[0]: unknown country code (want ISO 3166-1 alpha-2, such as BE)`,
		`me-001: languages[2].level: unknown level (want A1, A2, B1, B2, C1, C2 or native)`,
		`me-001: home.lon: outside -180..180`,
	}, "\n"), err.Error())
}

// TestValidateKeepsPersonalDataOut checks that messages do not echo
// personal data that is not the offending token.
func TestValidateKeepsPersonalDataOut(t *testing.T) {
	m := decodeMentee(t)
	m.BirthDate = MustDate(1850, time.June, 7)
	m.Gender = Gender(strings.Repeat("secret", 10))
	m.ID = "Jane Doe, born 1850 "
	m.Home = Place{City: "Brussels", Lat: 95.123, Lon: 4.3525}
	m.Traits = Traits{"openness": 7.25}
	msg := m.Validate().Error()
	for _, secret := range []string{"1850", "secret", "Jane", "Brussels", "95.123", "7.25", "BE", "MA"} {
		assert.NotContains(t, msg, secret)
	}
	assert.Contains(t, msg, "(bad id): id: has spaces at its ends")
}

// TestValidateBoundedOutput checks that a huge document gives a bounded
// error.
func TestValidateBoundedOutput(t *testing.T) {
	m := Mentee{ID: "me-big", BirthDate: MustDate(2000, time.January, 1)}
	long := strings.Repeat("ü", 10000)
	m.Background.BirthCountry = Country(long)
	m.Sectors = []Sector{Sector(long)}
	m.Languages = []Language{{Tag: long, Level: Level(long)}}
	m.Interests = make([]string, 10000)
	m.Traits = Traits{long: 0.5}
	err := m.Validate()
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 2000)
	assert.Len(t, Problems(err), 6)
}

func assertProblems(t *testing.T, err error, want []string) {
	t.Helper()
	if len(want) == 0 {
		assert.NoError(t, err)
		assert.True(t, err == nil, "a nil interface, not a typed nil")
		return
	}
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalid))
	var got []string
	for _, e := range Problems(err) {
		got = append(got, e.Error())
	}
	assert.Equal(t, want, got)
}

// TestValidateNeverEchoesValues sets every free-text or coded field to a
// bad value holding a marker and checks that no message repeats it: a
// country, a language or a date says something about a person.
func TestValidateNeverEchoesValues(t *testing.T) {
	const marker = "Zq7marker"
	me := Mentee{ID: "me-1", Project: "p",
		Background: Background{BirthCountry: marker, Nationalities: []Country{marker},
			ParentBirthCountries: []Country{marker}, ParentNationalities: []Country{marker}},
		Sectors: []Sector{marker}, Occupation: marker,
		Languages: []Language{{Tag: marker, Level: marker}},
		Home:      Place{Country: marker},
		Wants:     MenteeWants{PractiseLanguage: marker},
	}
	mo := Mentor{ID: "mo-1", Status: marker,
		Experience: []Experience{{Sector: marker, Occupation: marker, Years: 1}},
		Languages:  []Language{{Tag: marker, Level: marker}},
		Home:       Place{Country: marker},
	}
	for name, err := range map[string]error{"mentee": me.Validate(), "mentor": mo.Validate()} {
		require.Error(t, err, name)
		assert.GreaterOrEqual(t, len(Problems(err)), 5, name)
		assert.NotContains(t, err.Error(), marker, name)
		for _, p := range Problems(err) {
			assert.NotEmpty(t, p.Code, name)
			for _, a := range p.Args {
				assert.NotContains(t, a, marker, name)
			}
		}
	}
	for _, parse := range []func(string) error{
		func(s string) error { _, err := ParseDate(s); return err },
		func(s string) error { _, err := ParseCountry(s); return err },
		func(s string) error { _, err := Sector(s).Parse(); return err },
	} {
		err := parse(marker)
		require.Error(t, err)
		assert.NotContains(t, err.Error(), marker)
	}
}
