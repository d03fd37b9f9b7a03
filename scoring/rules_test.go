package scoring_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

func TestRulesEdges(t *testing.T) {
	type edit func(t *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor)
	lang := func(tag string, l profile.Level) []profile.Language { return []profile.Language{{Tag: tag, Level: l}} }
	tests := []struct {
		name string
		edit edit
		want []string // codes; nil for an allowed pair
		why  string
		msg  string // the expected message of the only reason, when checked
	}{
		{name: "fixture allowed", edit: func(*testing.T, *scoring.Scorer, *profile.Mentee, *profile.Mentor) {}},

		// no_shared_language
		{name: "shared at B1", want: nil, edit: func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Languages = lang("tr", profile.B1)
			mo.Languages = lang("tr", profile.C2)
		}},
		{name: "mentee at A2", want: []string{"no_shared_language"}, edit: func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Languages = lang("tr", profile.A2)
			mo.Languages = lang("tr", profile.C2)
		}},
		{name: "mentor at A2", want: []string{"no_shared_language"}, edit: func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Languages = lang("tr", profile.Native)
			mo.Languages = lang("tr", profile.A2)
		}},
		{name: "region subtags name the same language", edit: func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Languages = lang("nl-BE", profile.B1)
			mo.Languages = lang("NL", profile.Native)
		}},
		{name: "best level of a language counts", edit: func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Languages = []profile.Language{{Tag: "fr", Level: profile.A1}, {Tag: "fr-BE", Level: "b1"}}
			mo.Languages = lang("fr", profile.Native)
		}},
		{name: "setting B2 rejects B1", want: []string{"no_shared_language"}, edit: func(_ *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			s.Rules.MinSharedLevel = profile.B2
			me.Languages = lang("fr", profile.B1)
			mo.Languages = lang("fr", profile.Native)
		}},
		{name: "setting native accepts native", edit: func(_ *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			s.Rules.MinSharedLevel = profile.Native
			me.Languages = lang("fr", profile.Native)
			mo.Languages = lang("fr", profile.Native)
		}},
		{name: "unknown level counts as nothing", want: []string{"no_shared_language"}, edit: func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Languages = lang("fr", "fluent")
			mo.Languages = lang("fr", profile.Native)
		}},

		// gender_wish
		{name: "mentee wish met, case-insensitively", edit: func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Wants.MentorGender = " Male"
		}},
		{name: "mentee wish not met", want: []string{"gender_wish"}, edit: func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, _ *profile.Mentor) {
			me.Wants.MentorGender = "female"
		}},
		{name: "mentor wish met", edit: func(_ *testing.T, _ *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
			mo.Wants.MenteeGender = "FEMALE"
		}},
		{name: "mentor wish not met", want: []string{"gender_wish"}, edit: func(_ *testing.T, _ *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
			mo.Wants.MenteeGender = "male"
		}},
		{name: "wish with the other's gender not given", want: []string{"gender_wish"}, why: "an unknown gender cannot meet a wish",
			edit: func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
				me.Wants.MentorGender = "male"
				mo.Gender = ""
			}},
		{name: "both wishes fail: one reason", want: []string{"gender_wish"}, edit: func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
			me.Wants.MentorGender = "female"
			mo.Wants.MenteeGender = "male"
		}},

		// too_far
		{name: "24.9 km", edit: func(_ *testing.T, _ *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
			mo.Home.Lat = north(24.9)
		}},
		{name: "25.1 km", want: []string{"too_far"}, msg: "25.1 km apart, more than the maximum of 25 km",
			edit: func(_ *testing.T, _ *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
				mo.Home.Lat = north(25.1)
			}},
		{name: "no limit", why: "MaxDistanceKm -1 turns the limit off", edit: func(_ *testing.T, s *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
			s.Rules.MaxDistanceKm = -1
			mo.Home.Lat = north(500)
		}},
		{name: "zero limit is 25 km", want: []string{"too_far"}, msg: "25.1 km apart, more than the maximum of 25 km",
			edit: func(_ *testing.T, s *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
				s.Rules.MaxDistanceKm = 0
				mo.Home.Lat = north(25.1)
			}},
		{name: "a limit beyond half the Earth", edit: func(_ *testing.T, s *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
			s.Rules.MaxDistanceKm = 1e6
			mo.Home = profile.Place{Lat: -lat0, Lon: lon0 - 180}
		}},
		{name: "antipodes beyond 25 km", want: []string{"too_far"}, edit: func(_ *testing.T, _ *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
			mo.Home = profile.Place{Lat: -lat0, Lon: lon0 - 180}
		}},
		{name: "other city, no coordinates, no same-city rule", want: []string{"too_far"},
			why: "the distance cannot be checked", msg: "in different cities, and without coordinates for both the distance cannot be checked",
			edit: func(_ *testing.T, _ *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
				mo.Home = profile.Place{City: "Antwerp"}
			}},
		{name: "other city, no coordinates, same-city rule", want: []string{"too_far"},
			msg: "in different cities, and the programme requires the same city",
			edit: func(_ *testing.T, s *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
				s.Rules.SameCity = true
				mo.Home = profile.Place{City: "Antwerp"}
			}},
		{name: "same city written differently, same-city rule", edit: func(_ *testing.T, s *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
			s.Rules.SameCity = true
			mo.Home = profile.Place{City: "  BRUSSELS "}
		}},
		{name: "missing city, same-city rule", want: []string{"too_far"}, why: "a rule that cannot be checked blocks",
			msg: "no city given for the mentee, and the programme requires the same city",
			edit: func(_ *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
				s.Rules.SameCity = true
				me.Home = profile.Place{}
				mo.Home = profile.Place{City: "Antwerp"}
			}},
		{name: "coordinates decide over cities", why: "with coordinates on both sides only the distance counts",
			edit: func(_ *testing.T, s *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
				s.Rules.SameCity = true
				mo.Home.City = "Schaerbeek"
			}},

		// no_shared_time
		{name: "one common slot", edit: func(t *testing.T, _ *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
			mo.Availability = slots(t, "wed-afternoon", "thu-morning")
		}},
		{name: "no common slot", want: []string{"no_shared_time"}, edit: func(t *testing.T, _ *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
			mo.Availability = slots(t, "wed-morning", "thu-morning")
		}},
		{name: "no slot at all", want: []string{"no_shared_time"}, edit: func(_ *testing.T, _ *scoring.Scorer, me *profile.Mentee, _ *profile.Mentor) {
			me.Availability = 0
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			me, mo := pair(t)
			s := scoring.Default()
			tt.edit(t, &s, me, mo)
			r := s.Pair(me, mo)
			checkResult(t, r)
			assert.Equal(t, tt.want, codes(r), tt.why)
			if tt.msg != "" {
				require.Len(t, r.Blocked, 1)
				assert.Equal(t, tt.msg, r.Blocked[0].Message)
			}
		})
	}
}

func TestRulesValidate(t *testing.T) {
	tests := []struct {
		name     string
		r        scoring.Rules
		settings []string
	}{
		{"zero", scoring.Rules{}, nil},
		{"default", scoring.DefaultRules(), nil},
		{"lower-case level", scoring.Rules{MinSharedLevel: "c1"}, nil},
		{"unknown level", scoring.Rules{MinSharedLevel: "B3"}, []string{"rules.min_shared_level"}},
		{"distance off", scoring.Rules{MaxDistanceKm: -1}, nil},
		{"negative distance other than -1", scoring.Rules{MaxDistanceKm: -2}, []string{"rules.max_distance_km"}},
		{"small negative distance", scoring.Rules{MaxDistanceKm: -0.5}, []string{"rules.max_distance_km"}},
		{"negative scale", scoring.Rules{DistanceScaleKm: -1}, []string{"rules.distance_scale_km"}},
		{"negative years", scoring.Rules{FullExperienceYears: -1}, []string{"rules.full_experience_years"}},
		{"NaN scale, infinite years", scoring.Rules{DistanceScaleKm: math.NaN(), FullExperienceYears: math.Inf(1)},
			[]string{"rules.distance_scale_km", "rules.full_experience_years"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Validate()
			if tt.settings == nil {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, scoring.ErrRules)
			assert.NotErrorIs(t, err, scoring.ErrWeights)
			assert.Equal(t, tt.settings, settingsOf(err))
		})
	}
}

// settingsOf lists the settings named by the SettingErrors in err.
func settingsOf(err error) []string {
	var out []string
	var walk func(error)
	walk = func(err error) {
		var se *scoring.SettingError
		if errors.As(err, &se) && err == error(se) {
			out = append(out, se.Setting)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
		}
	}
	walk(err)
	return out
}

func TestRulesJSON(t *testing.T) {
	b, err := json.Marshal(scoring.DefaultRules())
	require.NoError(t, err)
	assert.JSONEq(t, `{"min_shared_level":"B1","max_distance_km":25,"same_city":false,"distance_scale_km":0,"full_experience_years":10}`, string(b))

	s := scoring.Default()
	require.NoError(t, json.Unmarshal([]byte(`{"rules":{"same_city":true},"weights":{"sector":0.5}}`), &s))
	assert.True(t, s.Rules.SameCity)
	assert.Equal(t, 25.0, s.Rules.MaxDistanceKm, "decoding over Default keeps what the document does not set")
	assert.Equal(t, 0.5, s.Weights.Sector)
	assert.Equal(t, 0.15, s.Weights.Language, "decoding over Default keeps the other weights")
	require.NoError(t, s.Validate())

	var off scoring.Scorer
	require.NoError(t, json.Unmarshal([]byte(`{"rules":{"max_distance_km":-1}}`), &off))
	assert.NoError(t, off.Validate(), "a document that turns the distance rule off is valid")
}

// TestPlaceRule: without coordinates on both sides the distance rule
// compares cities, case- and accent-insensitively, and never passes a pair
// whose place it cannot check; turned off, places block nothing unless
// SameCity is set.
func TestPlaceRule(t *testing.T) {
	const (
		unchecked = "without coordinates for both the distance cannot be checked"
		sameCity  = "the programme requires the same city"
	)
	city := func(name string) profile.Place { return profile.Place{City: name} }
	at := func(name string, km float64) profile.Place {
		return profile.Place{City: name, Lat: north(km), Lon: lon0}
	}
	tests := []struct {
		name     string
		rules    scoring.Rules
		me, mo   profile.Place
		msg      string  // the too_far message; "" for an allowed pair
		distance float64 // the distance criterion's value
	}{
		{name: "Liège–Ghent, cities only", me: city("Liège"), mo: city("Ghent"), msg: "in different cities, and " + unchecked},
		{name: "Bruxelles–BRUXELLES", me: city("Bruxelles"), mo: city("BRUXELLES"), distance: 1},
		{name: "Liège–LIEGE–liege", me: city("Liège"), mo: city(" liege "), distance: 1},
		{name: "LIÈGE–liege", me: city("LIÈGE"), mo: city("liege"), distance: 1},
		{name: "hyphens and apostrophes are spaces", me: city("Saint-Josse-ten-Noode"), mo: city("saint josse  ten noode"), distance: 1},
		{name: "typographic apostrophe", me: city("Braine-l’Alleud"), mo: city("braine l'alleud"), distance: 1},
		{name: "names in two languages are two cities", me: city("Bruxelles"), mo: city("Brussel"), msg: "in different cities, and " + unchecked},
		{name: "mentee place missing", me: profile.Place{}, mo: city("Ghent"), msg: "no city given for the mentee, and " + unchecked, distance: scoring.Neutral},
		{name: "mentor place missing", me: city("Ghent"), mo: profile.Place{}, msg: "no city given for the mentor, and " + unchecked, distance: scoring.Neutral},
		{name: "both places missing", msg: "no city given for either, and " + unchecked, distance: scoring.Neutral},
		{name: "coordinates without a city, other side a city", me: profile.Place{Lat: lat0, Lon: lon0}, mo: city("Brussels"),
			msg: "no city given for the mentee, and " + unchecked, distance: scoring.Neutral},
		{name: "one side with coordinates, same city", me: at("Brussels", 0), mo: city("brussels"), distance: 1},
		{name: "one side with coordinates, other city", me: at("Brussels", 0), mo: city("Ghent"), msg: "in different cities, and " + unchecked},
		{name: "coordinates on both sides decide", me: at("Brussels", 0), mo: at("Schaerbeek", 5), distance: 0.8},
		{name: "coordinates on both sides, no cities", me: at("", 0), mo: at("", 5), distance: 0.8},

		{name: "distance off: other cities pass", rules: scoring.Rules{MaxDistanceKm: -1}, me: city("Liège"), mo: city("Ghent")},
		{name: "distance off: missing place passes", rules: scoring.Rules{MaxDistanceKm: -1}, mo: city("Ghent"), distance: scoring.Neutral},
		{name: "distance off: far apart passes", rules: scoring.Rules{MaxDistanceKm: -1}, me: at("Brussels", 0), mo: at("Namur", 60)},
		{name: "distance off, same city: other cities blocked", rules: scoring.Rules{MaxDistanceKm: -1, SameCity: true},
			me: city("Liège"), mo: city("Ghent"), msg: "in different cities, and " + sameCity},
		{name: "distance off, same city: missing place blocked", rules: scoring.Rules{MaxDistanceKm: -1, SameCity: true},
			me: city("Liège"), msg: "no city given for the mentor, and " + sameCity, distance: scoring.Neutral},
		{name: "distance off, same city: same city passes", rules: scoring.Rules{MaxDistanceKm: -1, SameCity: true},
			me: city("Liège"), mo: city("LIÈGE"), distance: 1},
		{name: "same city with a limit", rules: scoring.Rules{SameCity: true}, me: city("Liège"), mo: city("Ghent"),
			msg: "in different cities, and " + sameCity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			me, mo := pair(t)
			me.Home, mo.Home = tt.me, tt.mo
			s := scoring.Scorer{Rules: tt.rules}
			r := s.Pair(me, mo)
			checkResult(t, r)
			if tt.msg == "" {
				assert.Empty(t, r.Blocked)
			} else {
				require.Equal(t, []string{scoring.CodeTooFar}, codes(r))
				assert.Equal(t, tt.msg, r.Blocked[0].Message)
			}
			assert.InDelta(t, tt.distance, part(t, r, "distance").Value, 1e-9)

			// A compiled pool of several people agrees with Pair.
			other, otherMo := pair(t)
			other.ID, otherMo.ID = "me-2", "mo-2"
			pool, err := s.Compile(context.Background(), []profile.Mentee{*other, *me}, []profile.Mentor{*mo, *otherMo})
			require.NoError(t, err)
			m, err := pool.Matrix(context.Background())
			require.NoError(t, err)
			assert.Equal(t, math.Float64bits(r.Score), math.Float64bits(m.At(1, 0)))
			assert.Equal(t, r, pool.Pair(1, 0))
		})
	}
}
