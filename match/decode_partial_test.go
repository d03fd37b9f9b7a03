package match_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
)

// partialDay is the day of the rounds below.
var partialDay = profile.MustDate(2026, 11, 23)

// partialDoc is the JSON of a valid round of synthetic people (everyone
// eligible), with spoil applied to its generic form: a test changes
// entries as a client's bad request would.
func partialDoc(t *testing.T, spoil func(doc map[string]any)) string {
	t.Helper()
	mentees, mentors := synth.Generate(synth.Config{Seed: 11, Mentees: 12, Mentors: 10, On: partialDay})
	b, err := json.Marshal(match.Round{On: partialDay, Mentees: mentees, Mentors: mentors})
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(b, &doc))
	spoil(doc)
	b, err = json.Marshal(doc)
	require.NoError(t, err)
	return string(b)
}

// entry returns the object of the person at k on side ("mentees").
func entry(doc map[string]any, side string, k int) map[string]any {
	return doc[side].([]any)[k].(map[string]any)
}

// spoilThree gives three people a problem each that the decoder finds: a
// wrong type (me 2), an unknown field and a non-existent day (me 5), an
// explicit capacity 0 (mentor 4). Mentee 7's birth year is before 1900,
// a problem of validation.
func spoilThree(doc map[string]any) {
	entry(doc, "mentees", 2)["birth_date"] = 5
	entry(doc, "mentees", 5)["hobby"] = "secret-hobby"
	entry(doc, "mentees", 5)["applied_on"] = secretDay
	entry(doc, "mentees", 7)["birth_date"] = "1850-01-01"
	entry(doc, "mentors", 4)["capacity"] = 0
}

// TestDecodeRoundPartial checks that the people whose entries have
// problems are kept aside with every problem (path and ID, no value) and
// the round goes on for everyone else: its duos are those of the round
// without them (the oracle), and they are listed as set aside.
func TestDecodeRoundPartial(t *testing.T) {
	doc := partialDoc(t, spoilThree)
	round, err := match.DecodeRound(strings.NewReader(doc), profile.DecodeOptions{})
	require.NoError(t, err)
	require.Len(t, round.Mentees, 12, "everyone stays, as far as their entry could be read")
	type where struct{ id, path, code string }
	var got []where
	for _, p := range round.Problems {
		got = append(got, where{p.ID(), p.Path, p.Code})
		assert.ErrorIs(t, p, profile.ErrInvalid)
		for _, secret := range []string{"secret-hobby", secretDay, "1850"} {
			assert.NotContains(t, p.Error(), secret)
		}
	}
	me, mo := func(k int) string { return round.Mentees[k].ID }, func(k int) string { return round.Mentors[k].ID }
	assert.ElementsMatch(t, []where{
		{me(2), "mentees[2].birth_date", "invalid_value_want"},
		{me(5), "mentees[5].applied_on", "invalid_value_want"},
		{me(5), "mentees[5].hobby", "unknown_field"},
		{me(7), "mentees[7].birth_date", "before_year"},
		{mo(4), "mentors[4].capacity", "explicit_zero"},
	}, got)

	p, err := match.Propose(context.Background(), round)
	require.NoError(t, err)
	assert.Equal(t, 3, p.SetAsideMentees)
	assert.Equal(t, 1, p.SetAsideMentors)
	aside := map[string][]string{}
	for _, u := range slices.Concat(p.UnmatchedMentees, p.UnmatchedMentors) {
		if u.Reason == match.ReasonInvalidProfile {
			for _, q := range u.Problems {
				aside[u.ID] = append(aside[u.ID], q.Path+" "+q.Code)
				assert.Equal(t, []string{u.ID}, q.IDs)
			}
		}
	}
	assert.Equal(t, map[string][]string{
		me(2): {"birth_date invalid_value_want"},
		me(5): {"applied_on invalid_value_want", "hobby unknown_field"},
		me(7): {"birth_date before_year"},
		mo(4): {"capacity explicit_zero"},
	}, sortedValues(aside), "each set aside with their problems, paths within the profile")

	// The oracle: the round without these people proposes the same duos.
	var without match.Round
	require.NoError(t, json.Unmarshal([]byte(partialDoc(t, func(doc map[string]any) {
		ms, mos := doc["mentees"].([]any), doc["mentors"].([]any)
		doc["mentees"] = slices.Concat(ms[:2], ms[3:5], ms[6:7], ms[8:])
		doc["mentors"] = slices.Concat(mos[:4], mos[5:])
	})), &without))
	require.Len(t, without.Mentees, 9)
	want, err := match.Propose(context.Background(), without)
	require.NoError(t, err)
	require.NotEmpty(t, want.Duos)
	assert.Equal(t, want.Duos, p.Duos)
	assert.Equal(t, want.Total, p.Total)
}

func sortedValues(m map[string][]string) map[string][]string {
	for _, v := range m {
		slices.Sort(v)
	}
	return m
}

// TestDecodeRoundRefused checks the documents a round refuses whole, with
// every problem at once (those of the people too), and the ones it takes
// in part.
func TestDecodeRoundRefused(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(doc map[string]any)
		opt   profile.DecodeOptions
		// refused: the zero Round and an error; want: the codes of every
		// problem listed, in the order of the document.
		refused bool
		want    []string
	}{
		{name: "people only: partial", spoil: spoilThree,
			want: []string{"invalid_value_want", "invalid_value_want", "unknown_field", "before_year", "explicit_zero"}},
		{name: "strict document", refused: true, spoil: func(doc map[string]any) { spoilThree(doc); doc["strict"] = true },
			want: []string{"invalid_value_want", "invalid_value_want", "unknown_field", "before_year", "explicit_zero"}},
		{name: "a setting too", refused: true, spoil: func(doc map[string]any) { spoilThree(doc); doc["min_score"] = "high" },
			want: []string{"invalid_value_want", "invalid_value_want", "unknown_field", "before_year", "explicit_zero", "wrong_type"}},
		{name: "a pinned pair's field", refused: true, spoil: func(doc map[string]any) {
			entry(doc, "mentees", 2)["birth_date"] = 5
			doc["pinned"] = []any{map[string]any{"mentee_id": "me-x", "mentor": "mo-x"}}
		}, want: []string{"invalid_value_want", "unknown_field"}},
		{name: "a person without an id", refused: true, spoil: func(doc map[string]any) {
			entry(doc, "mentees", 2)["birth_date"] = 5
			delete(entry(doc, "mentees", 4), "id")
		}, want: []string{"invalid_value_want", "missing"}},
		{name: "an id that is not text", refused: true, spoil: func(doc map[string]any) {
			entry(doc, "mentors", 1)["id"] = 42
		}, want: []string{"wrong_type"}},
		{name: "more problems than listed", refused: true, opt: profile.DecodeOptions{MaxErrors: 2},
			spoil: spoilThree, want: []string{"invalid_value_want", "invalid_value_want", "more_not_listed"}},
		{name: "too many people", refused: true, opt: profile.DecodeOptions{MaxPeople: 11},
			spoil: spoilThree, want: []string{"invalid_value_want", "invalid_value_want", "unknown_field", "before_year", "too_many_entries"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			round, err := match.DecodeRound(strings.NewReader(partialDoc(t, tt.spoil)), tt.opt)
			var codes []string
			problems := round.Problems
			if tt.refused {
				require.Error(t, err)
				assert.Zero(t, round)
				assert.ErrorIs(t, err, profile.ErrInvalid)
				problems = profile.Problems(err)
			} else {
				require.NoError(t, err)
			}
			for _, p := range problems {
				codes = append(codes, p.Code)
				assert.NotContains(t, p.Error(), secretDay)
				assert.NotContains(t, p.Error(), "secret-hobby")
			}
			assert.Equal(t, tt.want, codes)
		})
	}
}

// TestProposeDecodedProblems checks what Propose does with the problems
// of a decoded round: a person in a pinned duo, or anyone under
// Round.Strict set in Go, refuses the round with the problems at their
// JSON paths; a problem naming no one of the round is ignored.
func TestProposeDecodedProblems(t *testing.T) {
	round, err := match.DecodeRound(strings.NewReader(partialDoc(t, spoilThree)), profile.DecodeOptions{})
	require.NoError(t, err)
	me2, mo0 := round.Mentees[2].ID, round.Mentors[0].ID

	pinned := round
	pinned.Pinned = []match.Duo{{MenteeID: me2, MentorID: mo0}}
	_, err = match.Propose(context.Background(), pinned)
	require.Error(t, err)
	var paths []string
	for _, p := range profile.Problems(err) {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{"mentees[2].birth_date"}, paths, "the pinned mentee's problems refuse the round")

	strict := round
	strict.Strict = true
	_, err = match.Propose(context.Background(), strict)
	require.Error(t, err)
	assert.Len(t, profile.Problems(err), 5, "every problem of every person")

	gone := round
	gone.Mentees = slices.Delete(slices.Clone(round.Mentees), 2, 3)
	gone.Mentees = slices.DeleteFunc(gone.Mentees, func(m profile.Mentee) bool { return m.ID == round.Mentees[5].ID })
	p, err := match.Propose(context.Background(), gone)
	require.NoError(t, err)
	assert.Equal(t, 1, p.SetAsideMentees, "only the mentee still in the round")
	assert.Equal(t, 1, p.SetAsideMentors)
}

// TestPartialIntakeEmbedded checks partial intake for a service's request
// that embeds a Round: a person's problem sets them aside, a problem of
// the request's own field refuses it.
func TestPartialIntakeEmbedded(t *testing.T) {
	type request struct {
		match.Round
		Alternatives int `json:"alternatives"`
	}
	tests := []struct {
		name    string
		extra   func(doc map[string]any)
		refused bool
	}{
		{name: "a person's problem", extra: func(map[string]any) {}},
		{name: "and the request's own field", extra: func(doc map[string]any) { doc["alternatives"] = "three" }, refused: true},
		{name: "and a field of neither", extra: func(doc map[string]any) { doc["alternativs"] = 3 }, refused: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := partialDoc(t, func(doc map[string]any) {
				entry(doc, "mentors", 4)["capacity"] = 0
				doc["alternatives"] = 2
				tt.extra(doc)
			})
			var req request
			err := match.PartialIntake(&req.Round, profile.Decode(strings.NewReader(doc), &req, profile.DecodeOptions{}))
			if tt.refused {
				require.Error(t, err)
				assert.Len(t, profile.Problems(err), 2, "every problem")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, 2, req.Alternatives)
			require.Len(t, req.Problems, 1)
			assert.Equal(t, "mentors[4].capacity", req.Problems[0].Path)
		})
	}
	assert.NoError(t, match.PartialIntake(&match.Round{}, nil))
}
