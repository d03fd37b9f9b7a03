package profile

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzDay is the fixed day of the checks in the fuzz targets.
var fuzzDay = MustDate(2026, time.November, 23)

// FuzzMentee decodes arbitrary bytes into a Mentee; when they decode,
// Validate and CheckMentee must not panic, and Validate must return nil or
// an error made of Problems naming the mentee. The string parsers must
// not panic on the input either.
func FuzzMentee(f *testing.F) {
	f.Add([]byte(menteeDoc))
	f.Add([]byte(mentorDoc))
	f.Add([]byte(`{"id": "", "birth_date": "2024-02-29", "background": {"birth_country": "uk"}, "languages": [{"tag": "und", "level": "B3"}], "traits": {"": 2}}`))
	f.Add([]byte(`{"sectors": ["34", "62.0x", "j"], "occupation": "99999", "home": {"lat": 1e308, "lon": -1e308}}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzParsers(string(b))
		var m Mentee
		if json.Unmarshal(b, &m) != nil {
			t.Skip()
		}
		checkValidateResult(t, m.Validate())
		vs := DefaultPolicy().CheckMentee(m, fuzzDay)
		checkViolations(t, vs)
		_ = Policy{}.CheckMentee(m, fuzzDay)
		_ = DefaultPolicy().CheckMentee(m, Date{})
		if m.Validate() == nil && m.BirthDate.Year() > 2010 {
			// Someone under 18 on the fuzz day is never eligible.
			assert.NotNil(t, vs)
		}
	})
}

// FuzzMentor is FuzzMentee for a Mentor.
func FuzzMentor(f *testing.F) {
	f.Add([]byte(mentorDoc))
	f.Add([]byte(menteeDoc))
	f.Add([]byte(`{"id": "mo-2", "status": "retired", "experience": [{"sector": "", "years": -5}], "weekly_hours": 200, "capacity": -1}`))
	f.Add([]byte(`{"capacity": 1000000, "languages": [{"tag": "x-foo"}], "availability": ["sun-evening"]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzParsers(string(b))
		var m Mentor
		if json.Unmarshal(b, &m) != nil {
			t.Skip()
		}
		checkValidateResult(t, m.Validate())
		vs := DefaultPolicy().CheckMentor(m, fuzzDay)
		checkViolations(t, vs)
		_ = Policy{}.CheckMentor(m, fuzzDay)
		_ = DefaultPolicy().CheckMentor(m, Date{})
		if m.Capacity < 0 {
			assert.Error(t, m.Validate(), "a negative capacity is a validation error")
			assert.Contains(t, codes(vs), CodeNoCapacity)
		}
	})
}

// FuzzPolicy decodes arbitrary bytes over DefaultPolicy and over the zero
// Policy; Validate and the checks must not panic, both decodings apply the
// same rules, Resolved is idempotent and changes no check, and a valid
// policy survives a JSON round trip.
func FuzzPolicy(f *testing.F) {
	f.Add([]byte(policyDoc))
	f.Add([]byte(`{"mentee": {"max_age": 33}}`))
	f.Add([]byte(`{"mentee": {"project": false, "any_agency": true, "min_age": -1}, "mentor": {"trained": null}}`))
	f.Add([]byte(`{"mentee": {"min_age": 40, "agencies": [""]}, "mentor": {"min_weekly_hours": -2}}`))
	f.Add([]byte(`{"mentee": {"project": 1}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := DefaultPolicy()
		if json.Unmarshal(b, &p) != nil {
			t.Skip()
		}
		var z Policy
		require.NoError(t, json.Unmarshal(b, &z), "decodes over the zero Policy too")
		r := p.Resolved()
		require.Equal(t, r, z.Resolved(), "over DefaultPolicy or the zero Policy: the same rules")
		require.Equal(t, r, r.Resolved(), "idempotent")
		checkValidateResult(t, p.Validate())
		me, mo := decodeMentee(t), decodeMentor(t)
		checkViolations(t, p.CheckMentee(me, fuzzDay))
		checkViolations(t, p.CheckMentor(mo, fuzzDay))
		require.Equal(t, p.CheckMentee(me, fuzzDay), r.CheckMentee(me, fuzzDay))
		require.Equal(t, p.CheckMentor(mo, fuzzDay), r.CheckMentor(mo, fuzzDay))
		if p.Validate() != nil {
			return
		}
		out, err := json.Marshal(p)
		require.NoError(t, err, "a valid policy marshals")
		var back Policy
		require.NoError(t, json.Unmarshal(out, &back))
		require.Equal(t, r, back.Resolved())
	})
}

// FuzzSwitch decodes arbitrary bytes into a Switch: only true, false and
// null decode, to a valid value that marshals back to the same literal.
func FuzzSwitch(f *testing.F) {
	for _, s := range []string{"true", "false", "null", " true ", "1", "0", "-1", `"on"`, "[]", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var s Switch
		if err := json.Unmarshal(b, &s); err != nil {
			return
		}
		require.True(t, s.valid())
		out, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, strings.TrimSpace(string(b)), string(out))
	})
}

// FuzzParseDate checks that a date that parses prints back as its input
// and survives a JSON round trip.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2001-04-12", "2024-02-29", "2023-02-29", "0001-01-01", "9999-12-31", "0000-00-00", "2001-4-12", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			assert.True(t, d.IsZero())
			return
		}
		require.Equal(t, s, d.String())
		b, err := json.Marshal(d)
		require.NoError(t, err)
		var back Date
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, d, back)
		if next := d.AddDays(1); next != d { // not clamped at 9999-12-31
			require.Equal(t, 1, next.DaysSince(d))
			require.Equal(t, d, next.AddDays(-1))
		}
		require.Equal(t, 0, Age(d, d))
	})
}

func fuzzParsers(s string) {
	_, _ = ParseDate(s)
	_, _ = ParseCountry(s)
	_, _ = Sector(s).Parse()
	_, _ = ParseSlot(s)
	_, _ = BaseLanguage(s)
	_ = Occupation(s).Valid()
	_ = Level(s).Rank()
}

func checkValidateResult(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	require.ErrorIs(t, err, ErrInvalid)
	fes := Problems(err)
	require.NotEmpty(t, fes)
	for _, fe := range fes {
		require.NotEmpty(t, fe.Path)
		require.NotEmpty(t, fe.Detail)
		require.NotEmpty(t, fe.Code)
	}
	require.Less(t, len(err.Error()), 64<<10, "the error is bounded")
}

func checkViolations(t *testing.T, vs []Violation) {
	t.Helper()
	if vs != nil {
		require.NotEmpty(t, vs, "nil, not empty, when eligible")
	}
	for _, v := range vs {
		require.NotEmpty(t, v.Code)
		require.NotEmpty(t, v.Message)
	}
}
