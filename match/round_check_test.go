package match

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// problems returns "field: id" for every *RoundError and
// *profile.FieldError in err's tree, in order.
func problems(err error) []string {
	var out []string
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case *RoundError:
			out = append(out, e.Field+": "+e.ID)
		case *profile.FieldError:
			out = append(out, e.Field+": "+e.ID)
		case *scoring.SettingError:
			out = append(out, e.Setting+": ")
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				walk(inner)
			}
		case interface{ Unwrap() error }:
			walk(e.Unwrap())
		}
	}
	walk(err)
	return out
}

func TestProposeErrors(t *testing.T) {
	// The people are not in ID order, so that positions in the caller's
	// slices differ from positions in ID order.
	ok := func() Round {
		return Round{
			On:      roundDay,
			Mentees: []profile.Mentee{mentee("me-2", nil), mentee("me-1", nil), mentee("me-3", nil)},
			Mentors: []profile.Mentor{mentor("mo-2", nil), mentor("mo-1", nil)},
		}
	}
	tests := []struct {
		name   string
		change func(*Round)
		is     error
		want   []string // field: id of every problem, in order
	}{
		{"no date", func(r *Round) { r.On = profile.Date{} }, ErrInvalidRound, []string{"on: "}},
		{"duplicate mentee", func(r *Round) { r.Mentees[2].ID = "me-2" }, ErrInvalidRound, []string{"mentees[2].id: me-2"}},
		{"duplicate mentor", func(r *Round) { r.Mentors[1].ID = "mo-2" }, ErrInvalidRound, []string{"mentors[1].id: mo-2"}},
		{"applied after the round", func(r *Round) { r.Mentees[1].AppliedOn = roundDay.AddDays(1) }, ErrInvalidRound, []string{"mentees[1].applied_on: me-1"}},
		{"pinned unknown mentee", func(r *Round) { r.Pinned = []Duo{{"me-1", "mo-1"}, {"me-9", "mo-2"}} }, ErrInvalidRound, []string{"pinned[1].mentee_id: me-9"}},
		{"pinned unknown mentor", func(r *Round) { r.Pinned = []Duo{{"me-2", "mo-1"}, {"me-3", "mo-1"}, {"me-1", "mo-9"}} }, ErrInvalidRound,
			[]string{"pinned[1].mentor_id: mo-1", "pinned[2].mentor_id: mo-9"}},
		{"pinned unknown people", func(r *Round) { r.Pinned = []Duo{{"", "mo-\x00"}} }, ErrInvalidRound, []string{"pinned[0].mentee_id: (no id)", "pinned[0].mentor_id: (bad id)"}},
		{"mentee pinned twice", func(r *Round) { r.Pinned = []Duo{{"me-1", "mo-1"}, {"me-1", "mo-2"}} }, ErrInvalidRound, []string{"pinned[1].mentee_id: me-1"}},
		{"mentor pinned beyond capacity", func(r *Round) { r.Pinned = []Duo{{"me-1", "mo-1"}, {"me-2", "mo-1"}, {"me-3", "mo-1"}} }, ErrInvalidRound,
			[]string{"pinned[1].mentor_id: mo-1"}},
		{"pinned and excluded", func(r *Round) {
			r.Pinned = []Duo{{"me-1", "mo-1"}, {"me-1", "mo-1"}}
			r.Excluded = []Duo{{"me-2", "mo-2"}, {"me-1", "mo-1"}, {"me-1", "mo-1"}}
		}, ErrInvalidRound, []string{"excluded[1]: me-1"}},
		{"NaN minimum score", func(r *Round) { r.MinScore = math.NaN() }, ErrInvalidRound, []string{"min_score: "}},
		{"negative wait bonus", func(r *Round) { r.WaitBonus = -0.5 }, ErrInvalidRound, []string{"wait_bonus: "}},
		{"negative wait bonus below off", func(r *Round) { r.WaitBonus = -2 }, ErrInvalidRound, []string{"wait_bonus: "}},
		{"huge wait bonus", func(r *Round) { r.WaitBonus = 5e306 }, ErrInvalidRound, []string{"wait_bonus: "}},
		{"NaN wait bonus", func(r *Round) { r.WaitBonus = math.NaN() }, ErrInvalidRound, []string{"wait_bonus: "}},
		{"unknown objective", func(r *Round) { r.Objective = 7 }, ErrInvalidRound, []string{"objective: "}},
		{"malformed profile", func(r *Round) { r.Mentors[1].Capacity = -1 }, profile.ErrInvalid, []string{"mentors[1].capacity: mo-1"}},
		{"malformed profiles", func(r *Round) {
			r.Mentees[2].Languages[0].Level = "B3"
			r.Mentees[0].ID = ""
		}, profile.ErrInvalid, []string{"mentees[0].id: (no id)", "mentees[2].languages[0].level: me-3"}},
		{"every problem at once", func(r *Round) {
			r.On = profile.Date{}
			r.Mentees[2].ID = "me-1"
			r.Pinned = []Duo{{"me-1", "mo-9"}}
		}, ErrInvalidRound, []string{"on: ", "mentees[2].id: me-1", "pinned[0].mentor_id: mo-9"}},
		{"bad policy", func(r *Round) { r.Policy = profile.DefaultPolicy(); r.Policy.Mentee.MaxAge = -3 }, profile.ErrInvalid, []string{"policy.mentee.max_age: "}},
		{"bad weights", func(r *Round) { r.Scorer = scoring.Default(); r.Scorer.Weights.Sector = -1 }, scoring.ErrWeights, []string{"scorer.weights.sector: "}},
		{"unknown places", func(r *Round) {
			r.Mentees[1].Home = profile.Place{City: "Atlantis"}
			r.Mentors[0].Home = profile.Place{Postcode: "9999"}
		}, profile.ErrInvalid, []string{"mentees[1].home: me-1", "mentors[0].home: mo-2"}},
		{"coordinates alone and the same-city rule", func(r *Round) {
			r.Scorer.Rules = scoring.Rules{MaxDistanceKm: profile.Off, SameCity: true}
			r.Mentees[2].Home = profile.Place{Lat: 50.85, Lon: 4.35}
		}, profile.ErrInvalid, []string{"mentees[2].home: me-3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ok()
			tc.change(&r)
			_, err := Propose(context.Background(), r)
			if tc.name == "unknown places" {
				assert.Contains(t, err.Error(), "mentees[1].home: unknown place")
				assert.NotContains(t, err.Error(), "Atlantis", "the place is not echoed")
			}
			require.Error(t, err)
			if tc.is != nil {
				assert.ErrorIs(t, err, tc.is)
			}
			assert.Equal(t, tc.want, problems(err))
		})
	}

	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := Propose(ctx, ok())
		assert.ErrorIs(t, err, context.Canceled)
	})
}

func TestProposeErrorMessages(t *testing.T) {
	r := Round{
		On:       roundDay,
		Mentees:  []profile.Mentee{mentee("me-1", nil), mentee("me-2", nil)},
		Mentors:  []profile.Mentor{mentor("mo-1", nil)},
		Pinned:   []Duo{{"me-1", "mo-1"}, {"me-2", "mo-9"}},
		Excluded: []Duo{{"me-1", "mo-1"}},
	}
	r.Mentees[1].AppliedOn = roundDay.AddDays(3)
	_, err := Propose(context.Background(), r)
	require.Error(t, err)
	var msgs []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		msgs = append(msgs, e.Error())
	}
	assert.Equal(t, []string{
		"round: mentees[1].applied_on: me-2: after the round's day 2026-11-23",
		"round: pinned[1].mentor_id: mo-9: no mentor of the round has this id",
		"round: excluded[0]: me-1: the duo with mentor mo-1 is also pinned (pinned[0]): a duo cannot be both kept and excluded",
	}, msgs)
}

func TestProposeExclusionsAreHistory(t *testing.T) {
	tests := []struct {
		name     string
		excluded []Duo
		ignored  int
		want     map[string]string
	}{
		{"none", nil, 0, map[string]string{"me-1": "mo-1", "me-2": "mo-2"}},
		{"a mentee who left", []Duo{{"me-gone", "mo-1"}}, 1, map[string]string{"me-1": "mo-1", "me-2": "mo-2"}},
		{"a mentor who left", []Duo{{"me-1", "mo-gone"}}, 1, map[string]string{"me-1": "mo-1", "me-2": "mo-2"}},
		{"both left, twice", []Duo{{"me-gone", "mo-gone"}, {"me-gone", "mo-gone"}}, 2, map[string]string{"me-1": "mo-1", "me-2": "mo-2"}},
		{"known pairs are excluded, stale ones counted", []Duo{{"me-1", "mo-1"}, {"me-x", "mo-2"}, {"me-1", "mo-1"}}, 1,
			map[string]string{"me-1": "mo-2", "me-2": "mo-1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Round{
				On:       roundDay,
				Mentees:  []profile.Mentee{mentee("me-1", []string{"a"}), mentee("me-2", []string{"b"})},
				Mentors:  []profile.Mentor{mentor("mo-1", []string{"a"}), mentor("mo-2", []string{"b"})},
				Scorer:   interestsOnly(),
				Excluded: tc.excluded,
			}
			p, err := Propose(context.Background(), r)
			require.NoError(t, err)
			assert.Equal(t, tc.ignored, p.IgnoredExclusions)
			assert.Equal(t, tc.want, duoPairs(p))
		})
	}
}

func TestRoundErrorUnwrap(t *testing.T) {
	err := error(&RoundError{Field: "mentors", Problem: "too many", Err: ErrRoundTooLarge})
	assert.ErrorIs(t, err, ErrInvalidRound)
	assert.ErrorIs(t, err, ErrRoundTooLarge)
	assert.Equal(t, "round: mentors: too many", err.Error())
	assert.False(t, errors.Is(&RoundError{Field: "on"}, ErrRoundTooLarge))
}

// TestUnknownPlacesWithPlaceRulesOff: with the distance and same-city rules
// off, a home that does not resolve is no error.
func TestUnknownPlacesWithPlaceRulesOff(t *testing.T) {
	r := Round{
		On:      roundDay,
		Mentees: []profile.Mentee{mentee("me-1", nil)},
		Mentors: []profile.Mentor{mentor("mo-1", nil)},
		Scorer:  scoring.Scorer{Rules: scoring.Rules{MaxDistanceKm: profile.Off}},
	}
	r.Mentees[0].Home = profile.Place{City: "Atlantis"}
	_, err := Propose(context.Background(), r)
	assert.NoError(t, err)
}
