package scoring_test

import (
	"golang.org/x/text/language"

	"context"
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
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
		{name: "25.1 km", want: []string{"too_far"}, msg: "both in Bruxelles, 25.1 km apart, more than the maximum of 25 km",
			edit: func(_ *testing.T, _ *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
				mo.Home.Lat = north(25.1)
			}},
		{name: "no limit", why: "MaxDistanceKm -1 turns the limit off", edit: func(_ *testing.T, s *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
			s.Rules.MaxDistanceKm = -1
			mo.Home.Lat = north(500)
		}},
		{name: "zero limit is 25 km", want: []string{"too_far"}, msg: "both in Bruxelles, 25.1 km apart, more than the maximum of 25 km",
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
			why: "Antwerp resolves to the gazetteer's coordinates", msg: "Bruxelles – Antwerpen, 41.3 km apart, more than the maximum of 25 km",
			edit: func(_ *testing.T, _ *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
				mo.Home = profile.Place{City: "Antwerp"}
			}},
		{name: "other city, no coordinates, same-city rule", want: []string{"too_far"},
			msg: "Bruxelles – Antwerpen: not the same municipality, which the programme requires",
			edit: func(_ *testing.T, s *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
				s.Rules.SameCity = true
				s.Rules.MaxDistanceKm = profile.Off
				mo.Home = profile.Place{Postcode: "2000"}
			}},
		{name: "same city written differently, same-city rule", edit: func(_ *testing.T, s *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
			s.Rules.SameCity = true
			mo.Home = profile.Place{City: "  BRUSSELS "}
		}},
		{name: "missing city, same-city rule", want: []string{"too_far"}, why: "a rule that cannot be checked blocks",
			msg: "unknown place – Antwerpen: not the same municipality, which the programme requires",
			edit: func(_ *testing.T, s *scoring.Scorer, me *profile.Mentee, mo *profile.Mentor) {
				s.Rules.SameCity = true
				s.Rules.MaxDistanceKm = profile.Off
				me.Home = profile.Place{}
				mo.Home = profile.Place{City: "Antwerp"}
			}},
		{name: "same city compares municipalities, not distances", want: []string{"too_far"},
			why: "Brussels and Schaerbeek are 2 km apart but two municipalities",
			msg: "Bruxelles – Schaerbeek: not the same municipality, which the programme requires",
			edit: func(_ *testing.T, s *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
				s.Rules.SameCity = true
				mo.Home.City = "Schaerbeek"
			}},
		{name: "same region: Brussels and Schaerbeek", why: "both in the Brussels-Capital Region",
			edit: func(_ *testing.T, s *scoring.Scorer, _ *profile.Mentee, mo *profile.Mentor) {
				s.Rules.SameRegion = true
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
				assert.Equal(t, tt.msg, r.Blocked[0].Text(language.English))
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

// settingsOf lists the settings named by the Problems in err.
func settingsOf(err error) []string {
	var out []string
	for _, p := range profile.Problems(err) {
		out = append(out, p.Path)
	}
	return out
}

func TestRulesJSON(t *testing.T) {
	b, err := json.Marshal(scoring.DefaultRules())
	require.NoError(t, err)
	assert.JSONEq(t, `{"min_shared_level":"B1","max_distance_km":25,"same_city":false,"same_region":false,"distance_scale_km":0,"full_experience_years":10}`, string(b))

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

// withoutCoords is the Belgian gazetteer with the coordinates of one
// municipality removed, as a table may lack them.
type withoutCoords struct{ id string }

func (g *withoutCoords) Resolve(p profile.Place) (profile.Locality, error) {
	l, err := belgium.Gazetteer().Resolve(p)
	if l.ID == g.id {
		l.Lat, l.Lon = 0, 0
	}
	return l, err
}

// woluweWithoutCoords has no coordinates for Woluwe-Saint-Pierre.
var woluweWithoutCoords profile.Gazetteer = &withoutCoords{id: "21019"}

// TestPlaceRule: homes resolve through the gazetteer (Belgium's by
// default); the distance rule measures resolved coordinates, SameCity
// compares municipalities and SameRegion regions; a home that does not
// resolve never passes a rule that is on, and Compile reports it.
func TestPlaceRule(t *testing.T) {
	const (
		sameCity   = ": not the same municipality, which the programme requires"
		sameRegion = ": not the same region, which the programme requires"
	)
	city := func(name string) profile.Place { return profile.Place{City: name} }
	at := func(name string, km float64) profile.Place {
		return profile.Place{City: name, Lat: north(km), Lon: lon0}
	}
	off := scoring.Rules{MaxDistanceKm: profile.Off}
	tests := []struct {
		name       string
		rules      scoring.Rules
		places     profile.Gazetteer // nil: Belgium's
		me, mo     profile.Place
		msg        string  // the too_far message; "" for an allowed pair
		distance   float64 // the distance criterion's value
		unresolved bool    // Compile reports a home
	}{
		{name: "Liège–Ghent, municipalities only", me: city("Liège"), mo: city("Gent"), msg: "Liège – Gent, 137.9 km apart, more than the maximum of 25 km"},
		{name: "Schaerbeek–Ixelles passes", me: city("Schaerbeek"), mo: city("Ixelles"), distance: 1 - 4.08/25},
		{name: "Bruxelles–Brussel: one municipality", me: city("Bruxelles"), mo: city("Brussel"), distance: 1},
		{name: "1000–Brussels: one municipality", me: profile.Place{Postcode: "1000"}, mo: city("Brussels"), distance: 1},
		{name: "Liège–LIEGE–liege", me: city("Liège"), mo: city(" liege "), distance: 1},
		{name: "hyphens and abbreviations", me: city("Saint-Josse-ten-Noode"), mo: city("st josse  ten noode"), distance: 1},
		{name: "unknown place, mentee", me: city("Atlantis"), mo: city("Gent"), unresolved: true, distance: scoring.Neutral,
			msg: "unknown place – Gent: the mentee's home was not found in the gazetteer, so the distance cannot be checked"},
		{name: "unknown place, mentor", me: city("Gent"), mo: profile.Place{}, unresolved: true, distance: scoring.Neutral,
			msg: "Gent – unknown place: the mentor's home was not found in the gazetteer, so the distance cannot be checked"},
		{name: "both unknown", unresolved: true, distance: scoring.Neutral,
			msg: "unknown place – unknown place: neither home was found in the gazetteer, so the distance cannot be checked"},
		{name: "coordinates without a name", me: profile.Place{Lat: lat0, Lon: lon0}, mo: city("Brussels"), distance: 1 - 0.3/25},
		{name: "coordinates win over the table", me: at("Gent", 0), mo: city("Brussels"), distance: 1 - 0.3/25},
		{name: "coordinates on both sides, no names", me: at("", 0), mo: at("", 5), distance: 0.8},
		{name: "a municipality without coordinates: same municipality passes", places: woluweWithoutCoords, me: city("Woluwe-Saint-Pierre"), mo: profile.Place{Postcode: "1150"}, distance: 1},
		{name: "a municipality without coordinates: other municipality blocked", places: woluweWithoutCoords, me: city("Woluwe-Saint-Pierre"), mo: city("Ixelles"),
			msg: "Woluwe-Saint-Pierre – Ixelles: different municipalities, and without coordinates for both the distance cannot be checked"},

		{name: "distance off: far apart passes", rules: off, me: city("Liège"), mo: city("Gent")},
		{name: "distance off: unknown place passes", rules: off, me: city("Atlantis"), mo: city("Gent"), distance: scoring.Neutral},
		{name: "distance off, same city: other municipalities blocked", rules: scoring.Rules{MaxDistanceKm: profile.Off, SameCity: true},
			me: city("Schaerbeek"), mo: city("Ixelles"), msg: "Schaerbeek – Ixelles" + sameCity, distance: 1 - 4.08/25},
		{name: "distance off, same city: same municipality passes", rules: scoring.Rules{MaxDistanceKm: profile.Off, SameCity: true},
			me: city("Liège"), mo: city("Luik"), distance: 1},
		{name: "same city: coordinates alone are not a municipality", rules: scoring.Rules{MaxDistanceKm: profile.Off, SameCity: true},
			me: at("", 0), mo: city("Brussels"), unresolved: true, msg: "coordinates – Bruxelles" + sameCity, distance: 1 - 0.3/25},
		{name: "same region: Schaerbeek and Ixelles pass", rules: scoring.Rules{SameRegion: true}, me: city("Schaerbeek"), mo: city("Elsene"),
			distance: 1 - 4.08/25},
		{name: "same region: Brussels and Vilvoorde are two regions", rules: scoring.Rules{SameRegion: true}, me: city("Bruxelles"), mo: city("Vilvoorde"),
			msg: "Bruxelles – Vilvoorde" + sameRegion, distance: 1 - 10.32/25},
		{name: "same city with a limit: both messages", rules: scoring.Rules{SameCity: true}, me: city("Liège"), mo: city("Gand"),
			msg: "Liège – Gent, 137.9 km apart, more than the maximum of 25 km; Liège – Gent" + sameCity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			me, mo := pair(t)
			me.Home, mo.Home = tt.me, tt.mo
			s := scoring.Scorer{Rules: tt.rules, Places: tt.places}
			r := s.Pair(me, mo)
			checkResult(t, r)
			if tt.msg == "" {
				assert.Empty(t, r.Blocked)
			} else {
				require.Equal(t, []string{scoring.CodeTooFar}, codes(r))
				assert.Equal(t, tt.msg, r.Blocked[0].Text(language.English))
			}
			assert.InDelta(t, tt.distance, part(t, r, "distance").Value, 0.01)
			assert.Equal(t, tt.unresolved, s.CheckHome(me.Home) != nil || s.CheckHome(mo.Home) != nil, "CheckHome")

			// A compiled pool of several people agrees with Pair, or
			// reports the home that did not resolve.
			other, otherMo := pair(t)
			other.ID, otherMo.ID = "me-2", "mo-2"
			pool, err := s.Compile(context.Background(), []profile.Mentee{*other, *me}, []profile.Mentor{*mo, *otherMo})
			if tt.unresolved {
				require.ErrorIs(t, err, scoring.ErrInvalidProfile)
				require.ErrorIs(t, err, profile.ErrInvalid)
				for _, fe := range profile.Problems(err) {
					assert.Equal(t, "home", fe.Path)
					assert.Contains(t, []string{"me-1", "mo-1"}, fe.ID())
					assert.Equal(t, "unknown place", fe.Detail)
					assert.Equal(t, "unknown_place", fe.Code)
				}
				return
			}
			require.NoError(t, err)
			m, err := pool.Matrix(context.Background())
			require.NoError(t, err)
			assert.Equal(t, math.Float64bits(r.Score), math.Float64bits(m.At(1, 0)))
			assert.Equal(t, r, pool.Pair(1, 0))
		})
	}
}

// TestRulesResolved: the zero value of each field is its default, field
// by field, and the distance scale follows the limit.
func TestRulesResolved(t *testing.T) {
	tests := []struct {
		name string
		r    scoring.Rules
		want scoring.Rules
	}{
		{"zero", scoring.Rules{}, scoring.Rules{MinSharedLevel: profile.B1, MaxDistanceKm: 25, DistanceScaleKm: 25, FullExperienceYears: 10}},
		{"limit 10 scales over 10", scoring.Rules{MaxDistanceKm: 10}, scoring.Rules{MinSharedLevel: profile.B1, MaxDistanceKm: 10, DistanceScaleKm: 10, FullExperienceYears: 10}},
		{"limit off keeps off, scale 25", scoring.Rules{MaxDistanceKm: profile.Off}, scoring.Rules{MinSharedLevel: profile.B1, MaxDistanceKm: profile.Off, DistanceScaleKm: 25, FullExperienceYears: 10}},
		{"set fields kept", scoring.Rules{MinSharedLevel: profile.C1, DistanceScaleKm: 40, FullExperienceYears: 5, SameRegion: true},
			scoring.Rules{MinSharedLevel: profile.C1, MaxDistanceKm: 25, DistanceScaleKm: 40, FullExperienceYears: 5, SameRegion: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.r.Resolved())
			assert.Equal(t, tt.want, tt.want.Resolved(), "resolving twice changes nothing")
		})
	}
	assert.Equal(t, scoring.Rules{}.Resolved(), scoring.DefaultRules().Resolved())
}

// TestHomeProblems: a home whose postcode and name disagree, or whose
// postcode is unknown, is reported by Compile with its own words, never
// resolved to one of the two.
func TestHomeProblems(t *testing.T) {
	tests := []struct {
		name          string
		home          profile.Place
		code, problem string
		err           error
	}{
		{"postcode of another municipality", profile.Place{Postcode: "1030", City: "Liège"}, "place_mismatch", "postcode and name disagree", profile.ErrPlaceMismatch},
		{"unknown postcode, known name", profile.Place{Postcode: "9999", City: "Gent"}, "unknown_postcode", "unknown postcode", profile.ErrUnknownPostcode},
		{"section without its postcode", profile.Place{City: "Deurne"}, "ambiguous_place", "ambiguous place name (add a postcode or coordinates)", profile.ErrAmbiguousPlace},
		{"unknown name", profile.Place{City: "Atlantis"}, "unknown_place", "unknown place", profile.ErrUnknownPlace},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			me, mo := pair(t)
			me.Home = tt.home
			var s scoring.Scorer
			assert.ErrorIs(t, s.CheckHome(me.Home), tt.err)
			_, err := s.Compile(context.Background(), []profile.Mentee{*me}, []profile.Mentor{*mo})
			require.ErrorIs(t, err, scoring.ErrInvalidProfile)
			ps := profile.Problems(err)
			require.Len(t, ps, 1)
			assert.Equal(t, "home", ps[0].Path)
			assert.Equal(t, me.ID, ps[0].ID())
			assert.Equal(t, tt.code, ps[0].Code)
			assert.Equal(t, tt.problem, ps[0].Detail)
		})
	}
}
