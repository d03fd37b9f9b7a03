package scoring_test

import (
	"golang.org/x/text/language"

	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// Brussels' centre, where the fixtures live.
const lat0, lon0 = 50.8503, 4.3517

// north returns the latitude km kilometres north of lat0 on the same
// meridian, where the great-circle distance is exactly the arc.
func north(km float64) float64 { return lat0 + km/6371.0088*180/math.Pi }

func slots(t testing.TB, names ...string) profile.Availability {
	t.Helper()
	var a profile.Availability
	for _, n := range names {
		s, err := profile.ParseSlot(n)
		require.NoError(t, err)
		a |= profile.AvailabilityOf(s)
	}
	return a
}

// pair returns a mentee and a mentor who may be matched, with data for
// every criterion; tests change what they look at.
func pair(t testing.TB) (*profile.Mentee, *profile.Mentor) {
	me := &profile.Mentee{
		ID:         "me-1",
		BirthDate:  profile.MustDate(2000, 5, 17),
		Gender:     "female",
		Background: profile.Background{BirthCountry: "MA", Nationalities: []profile.Country{"MA"}},
		JobSeeker:  profile.JobSeeker{Registered: true, Agency: "Actiris"},
		Project:    "a job as a developer",
		Sectors:    []profile.Sector{"62.01"},
		Occupation: "2512",
		Interests:  []string{"Chess", "cooking", "music"},
		Languages: []profile.Language{
			{Tag: "ar", Level: profile.Native}, {Tag: "fr", Level: profile.B2}, {Tag: "nl", Level: profile.A2},
		},
		Home:         profile.Place{City: "Brussels", Lat: lat0, Lon: lon0},
		Availability: slots(t, "mon-evening", "wed-afternoon", "sat-morning"),
		Traits:       profile.Traits{"openness": 0.8, "extraversion": 0.4},
		Wants:        profile.MenteeWants{PractiseLanguage: "nl"},
		AppliedOn:    profile.MustDate(2024, 12, 1),
	}
	mo := &profile.Mentor{
		ID:           "mo-1",
		BirthDate:    profile.MustDate(1958, 3, 2),
		Gender:       "male",
		Status:       "retired",
		Experience:   []profile.Experience{{Sector: "62.01", Occupation: "2512", Years: 12}},
		Languages:    []profile.Language{{Tag: "nl", Level: profile.Native}, {Tag: "fr", Level: profile.C1}, {Tag: "en", Level: profile.C1}},
		Home:         profile.Place{City: "Brussels", Lat: north(2), Lon: lon0},
		Availability: slots(t, "mon-evening", "sat-morning", "sun-morning"),
		WeeklyHours:  2,
		Trained:      true,
		Interests:    []string{"chess", " music ", "hiking"},
		Traits:       profile.Traits{"openness": 0.6, "extraversion": 0.4, "agreeableness": 0.9},
	}
	return me, mo
}

// part returns the part of r for criterion c.
func part(t testing.TB, r scoring.Result, c string) scoring.Part {
	t.Helper()
	for _, p := range r.Parts {
		if p.Criterion == c {
			return p
		}
	}
	t.Fatalf("no part %q in %+v", c, r)
	return scoring.Part{}
}

func codes(r scoring.Result) []string {
	var out []string
	for _, b := range r.Blocked {
		out = append(out, b.Code)
	}
	return out
}

// checkResult checks the invariants of every Result.
func checkResult(t testing.TB, r scoring.Result) {
	t.Helper()
	if len(r.Blocked) > 0 {
		require.True(t, math.IsInf(r.Score, -1), "a blocked pair scores -Inf, got %v", r.Score)
		for _, b := range r.Blocked {
			assert.NotEmpty(t, b.Text(language.English))
		}
		if r.Blocked[0].Code == scoring.CodeInvalidScorer {
			return
		}
	}
	require.Len(t, r.Parts, len(scoring.Criteria()))
	sum, weights := 0.0, 0.0
	for k, p := range r.Parts {
		assert.Equal(t, scoring.Criteria()[k], p.Criterion)
		assert.True(t, p.Value >= 0 && p.Value <= 1, "%s value %v", p.Criterion, p.Value)
		assert.Equal(t, p.Weight*p.Value, p.Contribution)
		assert.NotEmpty(t, p.Text(language.English), p.Criterion)
		sum += p.Contribution
		weights += p.Weight
	}
	assert.LessOrEqual(t, weights, 1.0, "the normalised weights sum to at most 1")
	assert.True(t, sum >= 0 && sum <= 1, "the contributions sum to %v, in [0, 1], blocked or not", sum)
	if len(r.Blocked) == 0 {
		assert.Equal(t, math.Float64bits(sum), math.Float64bits(r.Score),
			"the score %v is exactly the sum of the contributions %v", r.Score, sum)
	}
}

func TestPairGoodPair(t *testing.T) {
	me, mo := pair(t)
	r := scoring.Default().Pair(me, mo)
	checkResult(t, r)
	require.Empty(t, r.Blocked)
	want := map[string]struct {
		value  float64
		reason string
	}{
		"sector":       {1, "same NACE class 62.01: computer programming activities"},
		"occupation":   {1, "same ISCO unit group 2512: software developers"},
		"experience":   {1, "12 years in the best-matching sector (10 or more count fully)"},
		"interests":    {0.5, "shares 2 of 4 interests"},
		"language":     {1, "speaks Dutch natively, which the mentee practises; 1 further shared language"},
		"personality":  {0.9, "traits differ by 0.10 on average over 2 shared traits"},
		"distance":     {1 - 2.0/25, "both in Bruxelles, 2.0 km apart (0 at 25 km)"},
		"availability": {1, "2 common weekly slots"},
	}
	for c, w := range want {
		p := part(t, r, c)
		assert.InDelta(t, w.value, p.Value, 1e-9, c)
		assert.Equal(t, w.reason, p.Text(language.English), c)
	}
	assert.InDelta(t, 0.25+0.10+0.05+0.10*0.5+0.15+0.10*0.9+0.10*(1-2.0/25)+0.15, r.Score, 1e-9)
}

// TestPairNoPersonalData checks that explanations quote neither person's
// own data: not the interests, not the other languages, not the cities.
func TestPairNoPersonalData(t *testing.T) {
	me, mo := pair(t)
	me.Wants.MentorGender = "male"
	me.Home = profile.Place{Postcode: "1000", City: "bruxelles", Lat: lat0, Lon: lon0}
	mo.Home.Lat = north(30) // blocked too, so that messages are checked
	r := scoring.Default().Pair(me, mo)
	var text []string
	for _, p := range r.Parts {
		text = append(text, strings.ToLower(p.Text(language.English)))
	}
	for _, b := range r.Blocked {
		text = append(text, strings.ToLower(b.Text(language.English)))
	}
	all := " " + strings.Join(text, " | ") + " "
	for _, secret := range []string{"chess", "cooking", "hiking", "music", " ar ", " ar,", " en ", " en,", "female", " male", "morocco", "retired", "mon-", "sat-", "1000", "50.8", "4.35"} {
		assert.NotContains(t, all, secret)
	}
}

func TestPairBlockedListsEveryReasonInOrder(t *testing.T) {
	me, mo := pair(t)
	me.Languages = []profile.Language{{Tag: "ti", Level: profile.Native}}
	me.Wants.MentorGender = "female"
	mo.Home.Lat = north(40)
	mo.Availability = slots(t, "tue-morning")
	pool, err := scoring.Default().Compile(context.Background(), []profile.Mentee{*me}, []profile.Mentor{*mo})
	require.NoError(t, err)
	pool.Exclude(0, 0)
	r := pool.Pair(0, 0)
	checkResult(t, r)
	assert.Equal(t, []string{"no_shared_language", "gender_wish", "too_far", "no_shared_time", "excluded"}, codes(r))
	assert.Equal(t, "both in Bruxelles, 40.0 km apart, more than the maximum of 25 km", r.Blocked[2].Text(language.English))
	assert.Equal(t, "no language that both speak at B1 or above", r.Blocked[0].Text(language.English))
	assert.Len(t, r.Parts, 8, "parts are listed for blocked pairs too")
}

func TestPairInvalidScorer(t *testing.T) {
	me, mo := pair(t)
	tests := []struct {
		name string
		s    scoring.Scorer
	}{
		{"negative weight", scoring.Scorer{Weights: scoring.Weights{Sector: -2, Language: 1}}},
		{"bad level", scoring.Scorer{Weights: scoring.DefaultWeights(), Rules: scoring.Rules{MinSharedLevel: "B3"}}},
		{"bad level, default weights", scoring.Scorer{Rules: scoring.Rules{MinSharedLevel: "B3"}}},
		{"negative distance other than -1", scoring.Scorer{Rules: scoring.Rules{MaxDistanceKm: -2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.s.Pair(me, mo)
			checkResult(t, r)
			require.Equal(t, []string{scoring.CodeInvalidScorer}, codes(r))
			assert.Empty(t, r.Parts)
			// The words name every invalid setting by its path; the
			// validation's own words are in its error.
			ps := profile.Problems(tt.s.Validate())
			require.NotEmpty(t, ps)
			for _, p := range ps {
				assert.Contains(t, r.Blocked[0].Text(language.English), p.Path)
			}
		})
	}
}

func TestZeroScorerIsDefault(t *testing.T) {
	me, mo := pair(t)
	var zero scoring.Scorer
	assert.True(t, zero.IsZero())
	assert.False(t, scoring.Default().IsZero())
	assert.NoError(t, zero.Validate())
	assert.Equal(t, scoring.Default().Pair(me, mo), zero.Pair(me, mo))
}

func TestPairNilAndEmptyProfiles(t *testing.T) {
	me, mo := pair(t)
	s := scoring.Default()
	for _, r := range []scoring.Result{
		s.Pair(nil, nil), s.Pair(me, nil), s.Pair(nil, mo),
		s.Pair(&profile.Mentee{}, &profile.Mentor{}),
	} {
		checkResult(t, r)
		assert.Contains(t, codes(r), scoring.CodeNoSharedLanguage)
		assert.Contains(t, codes(r), scoring.CodeNoSharedTime)
	}
}

// TestPairNeutralWithoutData: criteria without data on either side are
// neutral.
func TestPairNeutralWithoutData(t *testing.T) {
	me, mo := pair(t)
	me.Sectors, me.Occupation, me.Interests, me.Traits, me.Wants.PractiseLanguage = nil, "", nil, nil, ""
	me.Home = profile.Place{}
	r := scoring.Default().Pair(me, mo)
	checkResult(t, r)
	for _, c := range []string{"sector", "occupation", "experience", "interests", "personality", "distance"} {
		p := part(t, r, c)
		assert.Equal(t, scoring.Neutral, p.Value, c)
		assert.Contains(t, p.Text(language.English), "neutral", c)
	}
	// No language to practise: neutral plus the further shared language (fr).
	assert.Equal(t, 0.75, part(t, r, "language").Value)
}

// TestPairBadDataIsAbsent: data that cannot be used counts as absent and
// never panics.
func TestPairBadDataIsAbsent(t *testing.T) {
	me, mo := pair(t)
	me.Sectors = []profile.Sector{"99.99.9", "Z", ""}
	me.Occupation = "25x"
	me.Languages = append(me.Languages, profile.Language{Tag: "!!", Level: profile.C2}, profile.Language{Tag: "nl", Level: "B9"})
	me.Home = profile.Place{City: "Brussels", Lat: math.NaN(), Lon: 500}
	me.Traits = profile.Traits{"openness": math.NaN(), "extraversion": 2, "": 0.5}
	me.Wants.PractiseLanguage = "not a tag"
	mo.Experience = append(mo.Experience, profile.Experience{Sector: "??", Years: math.Inf(1)}, profile.Experience{Sector: "62", Years: math.NaN()})
	mo.Capacity = -4
	r := scoring.Default().Pair(me, mo)
	checkResult(t, r)
	assert.Empty(t, r.Blocked)
	assert.Equal(t, scoring.Neutral, part(t, r, "sector").Value)
	assert.Equal(t, scoring.Neutral, part(t, r, "occupation").Value)
	assert.Equal(t, scoring.Neutral, part(t, r, "personality").Value)
	assert.InDelta(t, 1-2.2/25, part(t, r, "distance").Value, 0.01, "the gazetteer's coordinates in place of unusable ones")
}

func TestResultJSON(t *testing.T) {
	me, mo := pair(t)
	for _, mutate := range []func(){func() {}, func() { mo.Availability = 0 }} {
		mutate()
		r := scoring.Default().Pair(me, mo)
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back scoring.Result
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, r, back)
		if len(r.Blocked) > 0 {
			assert.Contains(t, string(b), `"score":null`)
		}
	}
	var r scoring.Result
	assert.Error(t, json.Unmarshal([]byte(`{"score": "high"}`), &r))
}

// TestPairSynthInvariants checks the invariants on many synthetic pairs.
func TestPairSynthInvariants(t *testing.T) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 12, Mentees: 40, Mentors: 40, IneligibleShare: 0.2})
	s := scoring.Default()
	blocked := 0
	for i := range mentees {
		for j := range mentors {
			r := s.Pair(&mentees[i], &mentors[j])
			checkResult(t, r)
			if len(r.Blocked) > 0 {
				blocked++
			}
		}
	}
	assert.Greater(t, blocked, 0)
	assert.Less(t, blocked, 40*40)
}

func TestSettingProblemUnwrap(t *testing.T) {
	err := scoring.Scorer{Weights: scoring.Weights{Sector: math.NaN()}, Rules: scoring.Rules{MaxDistanceKm: -2}}.Validate()
	require.Error(t, err)
	// Through a further join, as a round's error holds them.
	err = errors.Join(profile.ErrInvalid, fmt.Errorf("scorer: %w", err))
	assert.ErrorIs(t, err, scoring.ErrWeights)
	assert.ErrorIs(t, err, scoring.ErrRules)
	var se *profile.Problem
	require.True(t, errors.As(err, &se))
	assert.Equal(t, "weights.sector", se.Path)
	assert.Equal(t, "not_a_number", se.Code)
	assert.Equal(t, "weights.sector: not a number", se.Error())
	ps := profile.Problems(err)
	require.Len(t, ps, 2)
	assert.Equal(t, "rules.max_distance_km", ps[1].Path)
	assert.Equal(t, "negative_not_off", ps[1].Code)
	assert.ErrorIs(t, ps[0], scoring.ErrWeights)
	assert.NotErrorIs(t, ps[0], scoring.ErrRules)
	assert.ErrorIs(t, ps[1], scoring.ErrRules)
}

// TestScorerDefaultsPerField: each setting left zero means its default,
// whatever the others say, so that a partly set Scorer scores every pair
// of a pool bit for bit as Default does.
func TestScorerDefaultsPerField(t *testing.T) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 23, Mentees: 50, Mentors: 40, IneligibleShare: 0.1})
	want, err := scoring.Default().Matrix(context.Background(), mentees, mentors)
	require.NoError(t, err)
	tests := []struct {
		name string
		s    scoring.Scorer
	}{
		{"zero", scoring.Scorer{}},
		{"weights only keep the 25 km limit", scoring.Scorer{Weights: scoring.DefaultWeights()}},
		{"rules only use the default weights", scoring.Scorer{Rules: scoring.DefaultRules()}},
		{"zero rules but one: level", scoring.Scorer{Rules: scoring.Rules{MinSharedLevel: profile.B1}}},
		{"zero rules but one: limit", scoring.Scorer{Rules: scoring.Rules{MaxDistanceKm: 25}}},
		{"zero rules but one: scale", scoring.Scorer{Rules: scoring.Rules{DistanceScaleKm: 25}}},
		{"zero rules but one: years", scoring.Scorer{Rules: scoring.Rules{FullExperienceYears: 10}}},
		{"scaled weights", scoring.Scorer{Weights: scoring.Weights{Sector: 25, Occupation: 10, Experience: 5, Interests: 10,
			Language: 15, Personality: 10, Distance: 10, Availability: 15}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.s.Validate())
			got, err := tt.s.Matrix(context.Background(), mentees, mentors)
			require.NoError(t, err)
			requireSameBits(t, want, got)
		})
	}
}

// TestScorerPartlySet: the regressions of partly set Scorers, pair by pair.
func TestScorerPartlySet(t *testing.T) {
	tests := []struct {
		name  string
		s     scoring.Scorer
		edit  func(me *profile.Mentee, mo *profile.Mentor)
		codes []string
		why   string
	}{
		{name: "weights only: 30 km is too far", s: scoring.Scorer{Weights: scoring.DefaultWeights()},
			edit: func(_ *profile.Mentee, mo *profile.Mentor) { mo.Home.Lat = north(30) }, codes: []string{"too_far"},
			why: "MaxDistanceKm 0 is the 25 km default, not no limit"},
		{name: "weights only: different cities without coordinates", s: scoring.Scorer{Weights: scoring.Weights{Sector: 1}},
			edit: func(_ *profile.Mentee, mo *profile.Mentor) { mo.Home = profile.Place{City: "Ghent"} }, codes: []string{"too_far"}},
		{name: "rules only: valid, allowed", s: scoring.Scorer{Rules: scoring.Rules{SameCity: true}},
			edit: func(*profile.Mentee, *profile.Mentor) {}},
		{name: "rules only: B2 blocks B1", s: scoring.Scorer{Rules: scoring.Rules{MinSharedLevel: profile.B2}},
			edit: func(me *profile.Mentee, mo *profile.Mentor) {
				me.Languages = []profile.Language{{Tag: "fr", Level: profile.B1}}
				mo.Languages = []profile.Language{{Tag: "fr", Level: profile.Native}}
			}, codes: []string{"no_shared_language"}},
		{name: "distance off: 500 km passes", s: scoring.Scorer{Rules: scoring.Rules{MaxDistanceKm: -1}},
			edit: func(_ *profile.Mentee, mo *profile.Mentor) { mo.Home.Lat = north(500) }},
		{name: "distance off keeps the other rules", s: scoring.Scorer{Rules: scoring.Rules{MaxDistanceKm: -1}},
			edit: func(me *profile.Mentee, _ *profile.Mentor) { me.Wants.MentorGender = "female" }, codes: []string{"gender_wish"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			me, mo := pair(t)
			tt.edit(me, mo)
			require.NoError(t, tt.s.Validate())
			r := tt.s.Pair(me, mo)
			checkResult(t, r)
			assert.Equal(t, tt.codes, codes(r), tt.why)
			if tt.s.Weights == (scoring.Weights{}) {
				for _, p := range r.Parts {
					assert.Equal(t, part(t, scoring.Default().Pair(me, mo), p.Criterion).Weight, p.Weight, "default weight of %s", p.Criterion)
				}
			}
		})
	}
}
