package profile

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// menteeDoc and mentorDoc are the two documents of issue 2.
const (
	menteeDoc = `{"id": "me-001","birth_date": "2001-04-12","gender": "female","background": {"birth_country": "BE", "nationalities": ["BE"], "parent_birth_countries": ["MA"], "parent_nationalities": ["MA"]},"job_seeker": {"registered": true, "agency": "Actiris", "since": "2026-05-02"},"project": "First job as a web developer","sectors": ["62.01"],"occupation": "2512","interests": ["football", "photography"],"languages": [{"tag": "ar", "level": "native"}, {"tag": "fr", "level": "C1"}, {"tag": "nl", "level": "A2"}],"home": {"city": "Brussels", "lat": 50.8467, "lon": 4.3525},"availability": ["mon-evening", "wed-afternoon", "sat-morning"],"traits": {"openness": 0.7, "extraversion": 0.4},"wants": {"mentor_gender": "female", "practise_language": "nl"},"applied_on": "2026-10-30"}`
	mentorDoc = `{"id": "mo-001","birth_date": "1962-09-03","gender": "male","status": "early_retired","experience": [{"sector": "62.01", "occupation": "2512", "years": 25}, {"sector": "K", "years": 5}],"languages": [{"tag": "fr", "level": "native"}, {"tag": "nl", "level": "B2"}],"home": {"city": "Brussels"},"availability": ["mon-evening", "thu-morning"],"weekly_hours": 3,"trained": true,"capacity": 1,"interests": ["photography"],"traits": {"openness": 0.6},"wants": {"mentee_gender": ""}}`
)

// checkDay is the day of the checks in the tests.
var checkDay = MustDate(2026, time.November, 23)

func decodeMentee(t testing.TB) Mentee {
	t.Helper()
	var m Mentee
	require.NoError(t, json.Unmarshal([]byte(menteeDoc), &m))
	return m
}

func decodeMentor(t testing.TB) Mentor {
	t.Helper()
	var m Mentor
	require.NoError(t, json.Unmarshal([]byte(mentorDoc), &m))
	return m
}

func TestMenteeJSON(t *testing.T) {
	m := decodeMentee(t)
	want := Mentee{
		ID:        "me-001",
		BirthDate: MustDate(2001, time.April, 12),
		Gender:    "female",
		Background: Background{
			BirthCountry:         "BE",
			Nationalities:        []Country{"BE"},
			ParentBirthCountries: []Country{"MA"},
			ParentNationalities:  []Country{"MA"},
		},
		JobSeeker:  JobSeeker{Registered: true, Agency: "Actiris", Since: MustDate(2026, time.May, 2)},
		Project:    "First job as a web developer",
		Sectors:    []Sector{"62.01"},
		Occupation: "2512",
		Interests:  []string{"football", "photography"},
		Languages:  []Language{{Tag: "ar", Level: Native}, {Tag: "fr", Level: C1}, {Tag: "nl", Level: A2}},
		Home:       Place{City: "Brussels", Lat: 50.8467, Lon: 4.3525},
		Availability: AvailabilityOf(
			2,  // mon-evening
			7,  // wed-afternoon
			15, // sat-morning
		),
		Traits:    Traits{"openness": 0.7, "extraversion": 0.4},
		Wants:     MenteeWants{MentorGender: "female", PractiseLanguage: "nl"},
		AppliedOn: MustDate(2026, time.October, 30),
	}
	assert.Equal(t, want, m)

	b, err := json.Marshal(m)
	require.NoError(t, err)
	assert.JSONEq(t, menteeDoc, string(b), "round trip to the same document")
	var back Mentee
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, m, back)
}

func TestMentorJSON(t *testing.T) {
	m := decodeMentor(t)
	want := Mentor{
		ID:        "mo-001",
		BirthDate: MustDate(1962, time.September, 3),
		Gender:    "male",
		Status:    "early_retired",
		Experience: []Experience{
			{Sector: "62.01", Occupation: "2512", Years: 25},
			{Sector: "K", Years: 5},
		},
		Languages:    []Language{{Tag: "fr", Level: Native}, {Tag: "nl", Level: B2}},
		Home:         Place{City: "Brussels"},
		Availability: AvailabilityOf(2, 9), // mon-evening, thu-morning
		WeeklyHours:  3,
		Trained:      true,
		Capacity:     1,
		Interests:    []string{"photography"},
		Traits:       Traits{"openness": 0.6},
	}
	assert.Equal(t, want, m)
	assert.False(t, m.Home.HasCoords())

	b, err := json.Marshal(m)
	require.NoError(t, err)
	assert.JSONEq(t, mentorDoc, string(b), "round trip to the same document")
	var back Mentor
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, m, back)
}

func TestParticipantJSONErrors(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		wantErr string
	}{
		{name: "bad birth date", doc: `{"id": "me-1", "birth_date": "2001-02-30"}`, wantErr: "day 30 does not exist"},
		{name: "unknown slot", doc: `{"id": "me-1", "availability": ["mon-night"]}`, wantErr: "unknown slot (want"},
		{name: "country not a string", doc: `{"id": "me-1", "background": {"birth_country": 3}}`, wantErr: "a country must be a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m Mentee
			assert.ErrorContains(t, json.Unmarshal([]byte(tt.doc), &m), tt.wantErr)
		})
	}
}

func TestEffectiveCapacity(t *testing.T) {
	tests := []struct {
		name     string
		capacity int
		paused   bool
		want     int
	}{
		{name: "zero means one", capacity: 0, want: 1},
		{name: "one", capacity: 1, want: 1},
		{name: "three", capacity: 3, want: 3},
		{name: "negative kept as it is", capacity: -2, want: -2},
		{name: "paused ignored", capacity: 2, paused: true, want: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Mentor{Capacity: tt.capacity, Paused: tt.paused}
			assert.Equal(t, tt.want, m.EffectiveCapacity())
		})
	}

	var m Mentor
	require.NoError(t, json.Unmarshal([]byte(`{"id": "mo-2", "capacity": 0}`), &m))
	assert.Equal(t, 1, m.EffectiveCapacity(), "0 in JSON means 1")
	require.NoError(t, json.Unmarshal([]byte(`{"id": "mo-3"}`), &m))
	assert.Equal(t, 1, m.EffectiveCapacity(), "absent in JSON means 1")

	b, err := json.Marshal(Mentor{ID: "mo-4"})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "capacity", "the default capacity is left out of JSON")
	b, err = json.Marshal(Mentor{ID: "mo-4", Capacity: 2})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"capacity":2`)
}

func TestPausedJSON(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want bool
	}{
		{name: "absent", doc: `{"id": "p-1"}`, want: false},
		{name: "false", doc: `{"id": "p-1", "paused": false}`, want: false},
		{name: "true", doc: `{"id": "p-1", "paused": true}`, want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var me Mentee
			require.NoError(t, json.Unmarshal([]byte(tt.doc), &me))
			assert.Equal(t, tt.want, me.Paused)
			var mo Mentor
			require.NoError(t, json.Unmarshal([]byte(tt.doc), &mo))
			assert.Equal(t, tt.want, mo.Paused)

			b, err := json.Marshal(me)
			require.NoError(t, err)
			assert.Equal(t, tt.want, strings.Contains(string(b), `"paused":true`))
			assert.Equal(t, tt.want, strings.Contains(string(b), `"paused"`), "omitted when false")
			b, err = json.Marshal(mo)
			require.NoError(t, err)
			assert.Equal(t, tt.want, strings.Contains(string(b), `"paused":true`))
			assert.Equal(t, tt.want, strings.Contains(string(b), `"paused"`), "omitted when false")
		})
	}
}

func TestExperienceYears(t *testing.T) {
	m := decodeMentor(t)
	assert.InDelta(t, 30, m.ExperienceYears(), 1e-9)
	assert.InDelta(t, 0, (&Mentor{}).ExperienceYears(), 0)
}

func TestPlaceHasCoords(t *testing.T) {
	assert.False(t, Place{City: "Ghent"}.HasCoords())
	assert.True(t, Place{Lat: 51.05, Lon: 3.72}.HasCoords())
	assert.True(t, Place{Lat: 0, Lon: 3.72}.HasCoords(), "on the equator")
}
