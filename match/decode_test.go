package match_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// secretDay is a value that no error message may echo.
const secretDay = "1999-02-30"

// roundDoc is a valid round document with n mentees and two mentors, and
// extra members appended to the round object.
func roundDoc(n int, extra string) string {
	var b strings.Builder
	b.WriteString(`{"on": "2026-11-23", "mentees": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"id": "me-%d", "birth_date": "2001-04-12", "project": "a job", "availability": ["mon-evening"]}`, i)
	}
	b.WriteString(`], "mentors": [{"id": "mo-1", "birth_date": "1960-01-01", "capacity": 2, "weekly_hours": 2},
		{"id": "mo-2", "birth_date": "1961-01-01", "capacity": 1}]`)
	b.WriteString(extra)
	b.WriteString("}")
	return b.String()
}

func TestDecodeRoundValid(t *testing.T) {
	doc := roundDoc(3, `, "pinned": [{"mentee_id": "me-0", "mentor_id": "mo-1"}],
		"excluded": [{"mentee_id": "me-1", "mentor_id": "mo-2"}], "min_score": 0.2,
		"objective": "best_total", "wait_bonus": 0.01, "policy": {"mentee": {"max_age": 33}},
		"scorer": {"weights": {"sector": 0.5}, "rules": {"same_city": true}}`)
	got, err := match.DecodeRound(strings.NewReader(doc), profile.DecodeOptions{})
	require.NoError(t, err)
	var std match.Round
	require.NoError(t, json.Unmarshal([]byte(doc), &std))
	assert.Equal(t, std, got, "same value as encoding/json on a valid document")
	assert.Equal(t, match.BestTotal, got.Objective)
	assert.Len(t, got.Mentees, 3)
	assert.Equal(t, 33, got.Policy.Mentee.MaxAge)
}

func TestDecodeRoundProblems(t *testing.T) {
	type want struct{ id, field, problem string }
	tests := []struct {
		name string
		doc  string
		opt  profile.DecodeOptions
		want []want
		// tooMany: the error wraps profile.ErrTooMany.
		tooMany bool
	}{
		{
			name: "unknown fields at every depth, with the index of the person",
			doc: roundDoc(14, `, "policy": {"mentee": {"max_age": 33, "maxage": 34}}, "scorer": {"weights": {"sector": 0.5, "sectr": 1}},
				"pinned": [{"mentee_id": "me-1", "mentor": "mo-1"}], "alternatives": 3`),
			want: []want{
				{"", "policy.mentee.maxage", "unknown field"},
				{"", "scorer.weights.sectr", "unknown field"},
				{"", "pinned[0].mentor", "unknown field"},
				{"", "alternatives", "unknown field"},
			},
		},
		{
			name: "a person's problems carry the index and the ID (strict)",
			doc: strings.Replace(roundDoc(14, `, "strict": true`), `{"id": "me-13", "birth_date": "2001-04-12"`,
				`{"id": "me-13", "birth_date": "2001-04-12", "applied_on": "`+secretDay+`", "wants": {"foo": 1}`, 1),
			want: []want{
				{"me-13", "mentees[13].applied_on", `want an existing day as "YYYY-MM-DD"`},
				{"me-13", "mentees[13].wants.foo", "unknown field"},
			},
		},
		{
			name: "capacity 0 in a round (strict)",
			doc:  strings.Replace(roundDoc(1, `, "strict": true`), `"capacity": 1`, `"capacity": 0`, 1),
			want: []want{{"mo-2", "mentors[1].capacity", "0 is not a capacity; leave it out for 1, or set paused to true"}},
		},
		{
			name: "type errors in settings",
			doc:  roundDoc(1, `, "min_score": "0.5", "objective": "max", "wait_bonus": true, "on": 20261123`),
			want: []want{
				{"", "min_score", "want a number, not a string"},
				{"", "objective", `invalid value; want "most_matched" or "best_total"`},
				{"", "wait_bonus", "want a number, not a boolean"},
				{"", "on", "duplicate field"},
			},
		},
		{
			name: "validation problems of people, re-pathed (strict)",
			doc:  strings.Replace(roundDoc(2, `, "strict": true`), `"id": "me-1", "birth_date": "2001-04-12"`, `"id": "me-1", "birth_date": "1850-01-01"`, 1),
			want: []want{{"me-1", "mentees[1].birth_date", "before 1900"}},
		},
		{
			name: "not an object",
			doc:  `[]`,
			want: []want{{"", "(document)", "want an object, not an array"}},
		},
		{
			name: "empty",
			doc:  ``,
			want: []want{{"", "(document)", "empty; want an object"}},
		},
		{
			name: "trailing data",
			doc:  `{} {}`,
			want: []want{{"", "(document)", "unexpected data after the JSON value at byte offset 3"}},
		},
		{
			name: "malformed JSON in a person",
			doc:  `{"mentees": [{"id": "me-1", "birth_date": 2001-04-12}]}`,
			want: []want{
				{"me-1", "mentees[0].birth_date", "invalid value"},
				{"me-1", "mentees[0]", "malformed JSON at byte offset 46: want a comma or the end of the object"},
			},
		},
		{
			name:    "too many mentees",
			doc:     roundDoc(30, ""),
			opt:     profile.DecodeOptions{MaxPeople: 20},
			want:    []want{{"", "mentees", "more than 20 entries; decoding stopped here"}},
			tooMany: true,
		},
		{
			name: "error cap",
			doc:  `{"a": 1, "b": 2, "c": 3, "d": 4}`,
			opt:  profile.DecodeOptions{MaxErrors: 2},
			want: []want{
				{"", "a", "unknown field"},
				{"", "b", "unknown field"},
				{"", "(document)", "2 more problems not listed (reporting stops after 2)"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := match.DecodeRound(strings.NewReader(tt.doc), tt.opt)
			assert.Zero(t, got)
			require.Error(t, err)
			assert.ErrorIs(t, err, profile.ErrInvalid)
			fes := profile.Problems(err)
			require.Len(t, fes, len(tt.want), "errors: %v", err)
			for i, w := range tt.want {
				assert.Equal(t, w.id, fes[i].ID(), "error %d", i)
				assert.Equal(t, w.field, fes[i].Path, "error %d", i)
				assert.Contains(t, fes[i].Detail, w.problem, "error %d", i)
			}
			assert.NotContains(t, err.Error(), "1999")
			assert.NotContains(t, err.Error(), "2001")
			assert.Equal(t, tt.tooMany, errors.Is(err, profile.ErrTooMany))
		})
	}
}

func FuzzDecodeRound(f *testing.F) {
	f.Add(roundDoc(2, `, "pinned": [{"mentee_id": "me-0", "mentor_id": "mo-1"}], "objective": "best_total", "wait_bonus": 0.5,
		"policy": {"mentee": {"max_age": 33, "agencies": ["VDAB"]}, "mentor": {"min_age": 55}},
		"scorer": {"weights": {"sector": 1}, "rules": {"max_distance_km": 10}}`))
	f.Add(roundDoc(1, `, "pinned": null, "excluded": [], "min_score": 1e-3`))
	f.Add(`{"mentees": [{"id": 1}], "x": [[[]]], "on": "2026-02-29"}`)
	f.Add(`{"mentors": [{"capacity": 0, "id": "\u0000"}]} 1`)
	f.Add(`{"on": "` + "\xed\xa0\x80" + `"`)
	f.Add(strings.Replace(roundDoc(3, ""), `"id": "me-1", "birth_date": "2001-04-12"`, `"id": "me-1", "birth_date": 5, "x": 1`, 1))
	f.Add(strings.Replace(roundDoc(2, `, "pinned": [{"mentee_id": "me-0", "mentor_id": "mo-2"}]`), `"capacity": 1`, `"capacity": 0`, 1))
	f.Fuzz(func(t *testing.T, doc string) {
		opt := profile.DecodeOptions{MaxPeople: 20, MaxErrors: 5}
		got, err := match.DecodeRound(strings.NewReader(doc), opt)
		if err != nil {
			assert.Zero(t, got)
			assert.ErrorIs(t, err, profile.ErrInvalid)
			fes := profile.Problems(err)
			require.NotEmpty(t, fes)
			assert.LessOrEqual(t, len(fes), 7)
			for _, fe := range fes {
				assert.NotEmpty(t, fe.Path)
				assert.NotEmpty(t, fe.Code)
			}
			return
		}
		// Partial intake: every problem kept names one person of the
		// round by ID, inside their entry; everyone else is valid.
		named := map[string]bool{}
		for _, p := range got.Problems {
			require.Len(t, p.IDs, 1, "%v", p)
			assert.ErrorIs(t, p, profile.ErrInvalid)
			assert.True(t, strings.HasPrefix(p.Path, "mentees[") || strings.HasPrefix(p.Path, "mentors["), p.Path)
			named[p.Path[:6]+" "+p.IDs[0]] = true
		}
		assert.False(t, got.Strict && len(got.Problems) > 0, "a strict document is refused whole")
		for _, m := range got.Mentees {
			if !named["mentee "+m.ID] {
				require.NoError(t, m.Validate())
			}
		}
		for _, m := range got.Mentors {
			if !named["mentor "+m.ID] {
				require.NoError(t, m.Validate())
			}
		}
		if len(got.Problems) > 0 {
			// Propose sets aside everyone named (or refuses the round).
			p, err := match.Propose(context.Background(), got)
			if err == nil {
				aside := map[string]bool{}
				for _, u := range p.UnmatchedMentees {
					aside["mentee "+u.ID] = u.Reason == match.ReasonInvalidProfile
				}
				for _, u := range p.UnmatchedMentors {
					aside["mentor "+u.ID] = u.Reason == match.ReasonInvalidProfile
				}
				for k := range named {
					assert.True(t, aside[k], "%s is set aside", k)
				}
			}
			return // the JSON form leaves the problems out: no round trip
		}
		// Round trip: what json.Marshal writes of a decoded round decodes
		// again to a round that marshals the same, and a third pass is a
		// fixed point (an empty list and a missing one are the same JSON).
		b1, err := json.Marshal(got)
		require.NoError(t, err)
		v2, err := match.DecodeRound(strings.NewReader(string(b1)), opt)
		require.NoError(t, err, "decoding %s", b1)
		b2, err := json.Marshal(v2)
		require.NoError(t, err)
		assert.JSONEq(t, string(b1), string(b2))
		v3, err := match.DecodeRound(strings.NewReader(string(b2)), opt)
		require.NoError(t, err)
		assert.Equal(t, v2, v3)
	})
}

func BenchmarkDecodeRound(b *testing.B) {
	doc := roundDoc(20000, "")
	b.ReportAllocs()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if _, err := match.DecodeRound(strings.NewReader(doc), profile.DecodeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
