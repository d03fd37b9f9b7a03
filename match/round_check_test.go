package match

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"testing"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// problems returns "path: id" for every *profile.Problem in err's tree,
// in order.
func problems(err error) []string {
	var out []string
	for _, p := range profile.Problems(err) {
		out = append(out, p.Path+": "+p.ID())
	}
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
		{"applied after the round, strict", func(r *Round) { r.Strict = true; r.Mentees[1].AppliedOn = roundDay.AddDays(1) }, ErrInvalidRound, []string{"mentees[1].applied_on: me-1"}},
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
		{"malformed profile, strict", func(r *Round) { r.Strict = true; r.Mentors[1].Capacity = -1 }, profile.ErrInvalid, []string{"mentors[1].capacity: mo-1"}},
		{"malformed profiles, strict", func(r *Round) {
			r.Strict = true
			r.Mentees[2].Languages[0].Level = "B3"
			r.Mentees[0].ID = ""
		}, profile.ErrInvalid, []string{"mentees[0].id: (no id)", "mentees[2].languages[0].level: me-3"}},
		{"every problem at once", func(r *Round) {
			r.On = profile.Date{}
			r.Mentees[2].ID = "me-1"
			r.Pinned = []Duo{{"me-1", "mo-9"}}
		}, ErrInvalidRound, []string{"on: ", "mentees[2].id: me-1", "pinned[0].mentor_id: mo-9"}},
		{"bad policy", func(r *Round) { r.Policy = profile.DefaultPolicy(); r.Policy.Mentee.MaxAge = -3 }, profile.ErrInvalid, []string{"policy.mentee.max_age: "}},
		{"bad weights", func(r *Round) { r.Scorer = scoring.Default(); r.Scorer.Weights.Sector = -2 }, scoring.ErrWeights, []string{"scorer.weights.sector: "}},
		{"unknown places", func(r *Round) {
			r.Strict = true
			r.Mentees[1].Home = profile.Place{City: "Atlantis"}
			r.Mentors[0].Home = profile.Place{Postcode: "9999"}
		}, profile.ErrInvalid, []string{"mentees[1].home: me-1", "mentors[0].home: mo-2"}},
		{"coordinates alone and the same-city rule", func(r *Round) {
			r.Strict = true
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

// By default a person whose profile cannot be used is set aside with
// their problems (paths within the profile), and everyone else is matched
// as in a round without them: the oracle is the round with those people
// removed. Problems of the round itself, of a person without a usable ID
// or of a pinned person still refuse the round.
func TestProposeSetsAside(t *testing.T) {
	ok := func() Round {
		return Round{
			On:      roundDay,
			Mentees: []profile.Mentee{mentee("me-2", nil), mentee("me-1", nil), mentee("me-3", nil), mentee("me-4", nil)},
			Mentors: []profile.Mentor{mentor("mo-2", nil), mentor("mo-1", nil), mentor("mo-3", nil)},
		}
	}
	tests := []struct {
		name             string
		change           func(*Round)
		mentees, mentors map[string][]string // set aside: ID -> "path code" of each problem
	}{
		{"unknown place", func(r *Round) { r.Mentees[1].Home = profile.Place{City: "Atlantis"} },
			map[string][]string{"me-1": {"home unknown_place"}}, nil},
		{"invalid fields on both sides", func(r *Round) {
			r.Mentees[2].Languages[0].Level = "B3"
			r.Mentees[2].Gender = "vrouwen"
			r.Mentors[0].Capacity = -1
			r.Mentors[0].Home = profile.Place{Postcode: "9999"}
		}, map[string][]string{"me-3": {"gender unknown_value", "languages[0].level unknown_level"}},
			map[string][]string{"mo-2": {"capacity negative", "home unknown_postcode"}}},
		{"applied after the round", func(r *Round) { r.Mentees[0].AppliedOn = roundDay.AddDays(1) },
			map[string][]string{"me-2": {"applied_on after_round_day"}}, nil},
		{"everyone on one side", func(r *Round) {
			for k := range r.Mentors {
				r.Mentors[k].WeeklyHours = -1
			}
		}, nil, map[string][]string{"mo-1": {"weekly_hours out_of_range"}, "mo-2": {"weekly_hours out_of_range"}, "mo-3": {"weekly_hours out_of_range"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ok()
			tc.change(&r)
			got, err := Propose(context.Background(), r)
			require.NoError(t, err)

			// The oracle: the same round without the people set aside.
			without := ok()
			tc.change(&without)
			without.Mentees = slicesDelete(without.Mentees, func(m profile.Mentee) bool { return tc.mentees[m.ID] != nil })
			without.Mentors = slicesDelete(without.Mentors, func(m profile.Mentor) bool { return tc.mentors[m.ID] != nil })
			want, err := Propose(context.Background(), without)
			require.NoError(t, err)
			assert.Equal(t, want.Duos, got.Duos)
			assert.InDelta(t, want.Total, got.Total, 1e-12)

			aside := func(list []Unmatched) map[string][]string {
				out := map[string][]string{}
				for _, u := range list {
					if u.Reason != ReasonInvalidProfile {
						continue
					}
					for _, p := range u.Problems {
						assert.Equal(t, u.ID, p.ID())
						assert.ErrorIs(t, p, profile.ErrInvalid)
						out[u.ID] = append(out[u.ID], p.Path+" "+p.Code)
					}
					assert.Contains(t, u.Describe(), "the profile cannot be used")
				}
				if len(out) == 0 {
					return nil
				}
				return out
			}
			assert.Equal(t, tc.mentees, aside(got.UnmatchedMentees))
			assert.Equal(t, tc.mentors, aside(got.UnmatchedMentors))
			assert.Equal(t, len(tc.mentees), got.SetAsideMentees)
			assert.Equal(t, len(tc.mentors), got.SetAsideMentors)
			assert.Len(t, profile.Problems(got.SetAside()), countProblems(tc.mentees)+countProblems(tc.mentors))

			// Strict refuses the same round, naming the same problems
			// under the people's positions.
			r.Strict = true
			_, err = Propose(context.Background(), r)
			require.Error(t, err)
			assert.Len(t, profile.Problems(err), countProblems(tc.mentees)+countProblems(tc.mentors))
		})
	}

	refused := []struct {
		name   string
		change func(*Round)
		want   []string
	}{
		{"no id", func(r *Round) { r.Mentees[1].ID = "" }, []string{"mentees[1].id: (no id)"}},
		{"pinned person", func(r *Round) {
			r.Pinned = []Duo{{"me-1", "mo-1"}}
			r.Mentors[1].Home = profile.Place{City: "Atlantis"}
		}, []string{"mentors[1].home: mo-1"}},
		{"duplicate ids of people set aside", func(r *Round) {
			r.Mentees[2].ID = "me-2"
			r.Mentees[2].Gender = "?"
		}, []string{"mentees[2].id: me-2"}},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			r := ok()
			tc.change(&r)
			_, err := Propose(context.Background(), r)
			require.Error(t, err)
			assert.Equal(t, tc.want, problems(err))
		})
	}
}

func slicesDelete[P any](s []P, del func(P) bool) []P {
	var out []P
	for _, p := range s {
		if !del(p) {
			out = append(out, p)
		}
	}
	return out
}

func countProblems(m map[string][]string) int {
	n := 0
	for _, ps := range m {
		n += len(ps)
	}
	return n
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
		"me-2: mentees[1].applied_on: after the round's day 2026-11-23",
		"mo-9: pinned[1].mentor_id: no mentor of the round has this id",
		"me-1: excluded[0]: the duo with mentor mo-1 is also pinned (pinned[0]): a duo cannot be both kept and excluded",
	}, msgs)
	var codes [][]string
	for _, p := range profile.Problems(err) {
		codes = append(codes, append([]string{p.Code}, p.Args...))
	}
	assert.Equal(t, [][]string{
		{"after_round_day", "2026-11-23"},
		{"unknown_mentor"},
		{"pinned_and_excluded", "mo-1", "pinned[0]"},
	}, codes)
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

// TestRoundProblemsThroughJoins: a round's problems of every origin (the
// round, a profile, the policy, the scorer) are Problems that errors.As
// and errors.Is find through the round's joins, each with its sentinel.
func TestRoundProblemsThroughJoins(t *testing.T) {
	r := Round{
		Mentees: []profile.Mentee{mentee("me-1", nil)},
		Mentors: []profile.Mentor{mentor("mo-1", nil)},
		Policy:  profile.Policy{Mentee: profile.MenteeRules{MinAge: 200}},
		Scorer:  scoring.Scorer{Weights: scoring.Weights{Sector: -2}},
		Strict:  true, // a profile's problem is an error of the round
	}
	r.Mentees[0].BirthDate = profile.Date{}
	_, err := Propose(context.Background(), r)
	err = fmt.Errorf("request: %w", errors.Join(io.EOF, err))
	var first *profile.Problem
	require.ErrorAs(t, err, &first)
	assert.Equal(t, "on", first.Path)
	for _, s := range []error{ErrInvalidRound, profile.ErrInvalid, scoring.ErrWeights} {
		assert.ErrorIs(t, err, s)
	}
	type got struct{ path, code string }
	var ps []got
	var sentinels []error
	for _, p := range profile.Problems(err) {
		ps = append(ps, got{p.Path, p.Code})
		sentinels = append(sentinels, p.Err)
	}
	assert.Equal(t, []got{
		{"on", "missing_day"},
		{"policy.mentee.min_age", "out_of_range_setting"},
		{"scorer.weights.sector", "negative_not_off"},
		{"mentees[0].birth_date", "missing"},
	}, ps)
	assert.Equal(t, []error{ErrInvalidRound, profile.ErrInvalid, scoring.ErrWeights, profile.ErrInvalid}, sentinels)

	tooLarge := &profile.Problem{Path: "mentors", Err: errors.Join(ErrInvalidRound, ErrRoundTooLarge)}
	assert.ErrorIs(t, errors.Join(io.EOF, tooLarge), ErrRoundTooLarge)
	assert.ErrorIs(t, errors.Join(io.EOF, tooLarge), ErrInvalidRound)
	assert.NotErrorIs(t, roundProblem("on", "", "missing_day", "d"), ErrRoundTooLarge)
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
