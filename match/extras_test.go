package match

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
)

// TestExtras checks each thing Extras can ask for against the method that
// computes it, called on its own (the oracle), on seeded synthetic rounds
// with more mentees than mentors and the reverse.
func TestExtras(t *testing.T) {
	ctx := context.Background()
	for _, size := range []struct {
		name             string
		seed             uint64
		mentees, mentors int
	}{
		{"scarce mentors", 11, 40, 25},
		{"scarce mentees", 12, 25, 40},
	} {
		r := synthRound(t, size.seed, size.mentees, size.mentors)
		p, err := Propose(ctx, r)
		require.NoError(t, err)
		require.GreaterOrEqual(t, len(p.Duos), 2, size.name)
		some := []string{p.Duos[1].MenteeID, p.Duos[0].MenteeID}

		all, err := p.AllAlternatives(ctx, 2)
		require.NoError(t, err)
		of, err := p.AlternativesOf(ctx, some, 3)
		require.NoError(t, err)
		needs, err := p.Needs(ctx, NeedsOptions{})
		require.NoError(t, err)
		outreach, err := p.Outreach(ctx, NeedsOptions{})
		require.NoError(t, err)

		tests := []struct {
			name string
			x    Extras
			want ExtrasAnswer
		}{
			{name: "nothing", x: Extras{}, want: ExtrasAnswer{}},
			{name: "every mentee's alternatives", x: Extras{Alternatives: 2}, want: ExtrasAnswer{Alternatives: all}},
			{name: "some mentees' alternatives", x: Extras{Alternatives: 3, AlternativesFor: some}, want: ExtrasAnswer{Alternatives: of}},
			{name: "mentees named without k: nothing", x: Extras{AlternativesFor: some}, want: ExtrasAnswer{}},
			{name: "needs", x: Extras{Needs: true}, want: ExtrasAnswer{Needs: needs, Outreach: outreach}},
			{name: "everything", x: Extras{Alternatives: 2, Needs: true}, want: ExtrasAnswer{Alternatives: all, Needs: needs, Outreach: outreach}},
		}
		for _, tt := range tests {
			t.Run(size.name+"/"+tt.name, func(t *testing.T) {
				got, err := p.Extras(ctx, tt.x)
				require.NoError(t, err)
				assert.Equal(t, tt.want, got)
			})
		}
	}
}

// TestExtrasRandomRounds checks Extras against the methods it calls on
// small random rounds (ties, zero scores, capacities, pins, exclusions),
// asking for every mentee's alternatives, for those of the mentees in
// even positions (some of them outside the pool: then the error), and
// for the needs.
func TestExtrasRandomRounds(t *testing.T) {
	ctx := context.Background()
	refused, answered := 0, 0 // rounds of each kind for the mentees named
	for seed := uint64(1); seed <= 40; seed++ {
		r, _ := randomRound(seed)
		p, err := Propose(ctx, r)
		require.NoError(t, err, "seed %d", seed)
		var even []string
		for i := 0; i < len(r.Mentees); i += 2 {
			even = append(even, r.Mentees[i].ID)
		}
		all, err := p.AllAlternatives(ctx, 3)
		require.NoError(t, err)
		of, ofErr := p.AlternativesOf(ctx, even, 2)
		needs, err := p.Needs(ctx, NeedsOptions{})
		require.NoError(t, err)
		outreach, err := p.Outreach(ctx, NeedsOptions{})
		require.NoError(t, err)

		got, err := p.Extras(ctx, Extras{Alternatives: 3, Needs: true})
		require.NoError(t, err)
		assert.Equal(t, ExtrasAnswer{Alternatives: all, Needs: needs, Outreach: outreach}, got, "seed %d", seed)
		got, err = p.Extras(ctx, Extras{Alternatives: 2, AlternativesFor: even})
		if ofErr != nil {
			assert.Equal(t, profile.AtPath(ofErr, "alternatives_for").Error(), err.Error(), "seed %d", seed)
			assert.Equal(t, ExtrasAnswer{}, got, "seed %d", seed)
			refused++
			continue
		}
		require.NoError(t, err, "seed %d", seed)
		assert.Equal(t, ExtrasAnswer{Alternatives: of}, got, "seed %d", seed)
		answered++
	}
	assert.Positive(t, refused, "no round named a mentee outside its pool")
	assert.Positive(t, answered, "no round named only mentees of its pool")
}

// TestExtrasErrors checks that every error comes with the zero answer: a
// negative k, IDs outside the pool (at their path in the request), a
// cancelled context and a Proposal that did not come from Propose.
func TestExtrasErrors(t *testing.T) {
	ctx := context.Background()
	r := synthRound(t, 13, 20, 15)
	p, err := Propose(ctx, r)
	require.NoError(t, err)
	require.NotEmpty(t, p.Duos)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()

	type place struct{ path, code string }
	tests := []struct {
		name   string
		p      Proposal
		ctx    context.Context
		x      Extras
		is     []error
		places []place // the problems, when the error is the input's
	}{
		{name: "negative k", p: p, ctx: ctx, x: Extras{Alternatives: -1, Needs: true},
			is: []error{ErrInvalidRound}, places: []place{{"alternatives", "negative"}}},
		{name: "IDs outside the pool", p: p, ctx: ctx, x: Extras{Alternatives: 2, AlternativesFor: []string{p.Duos[0].MenteeID, "me-none", "me-gone"}},
			is: []error{ErrUnknownMentee}, places: []place{{"alternatives_for[1]", "unknown_mentee"}, {"alternatives_for[2]", "unknown_mentee"}}},
		{name: "cancelled alternatives", p: p, ctx: cancelled, x: Extras{Alternatives: 2}, is: []error{context.Canceled}},
		{name: "cancelled alternatives of a mentee", p: p, ctx: cancelled, x: Extras{Alternatives: 2, AlternativesFor: []string{p.Duos[0].MenteeID}}, is: []error{context.Canceled}},
		{name: "cancelled needs", p: p, ctx: cancelled, x: Extras{Needs: true}, is: []error{context.Canceled}},
		{name: "not from Propose", p: Proposal{}, ctx: ctx, x: Extras{Alternatives: 1}, is: []error{errNoState}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.p.Extras(tt.ctx, tt.x)
			require.Error(t, err)
			assert.Equal(t, ExtrasAnswer{}, got)
			for _, target := range tt.is {
				assert.ErrorIs(t, err, target)
			}
			var places []place
			for _, q := range profile.Problems(err) {
				assert.Empty(t, q.IDs, "a problem of the request names no participant")
				places = append(places, place{q.Path, q.Code})
			}
			assert.Equal(t, tt.places, places)
		})
	}
}

// TestExtrasJSON checks the JSON forms: the request's fields by name, and
// an answer that leaves out what was not asked for.
func TestExtrasJSON(t *testing.T) {
	var x Extras
	require.NoError(t, json.Unmarshal([]byte(`{"alternatives": 3, "alternatives_for": ["me-1"], "needs": true}`), &x))
	assert.Equal(t, Extras{Alternatives: 3, AlternativesFor: []string{"me-1"}, Needs: true}, x)

	tests := []struct {
		name string
		a    ExtrasAnswer
		want string
	}{
		{"nothing asked", ExtrasAnswer{}, `{}`},
		{"asked, none found", ExtrasAnswer{Alternatives: map[string][]Alternative{"me-1": {}}, Needs: []Need{}, Outreach: []Outreach{}},
			`{"alternatives":{"me-1":[]},"needs":[],"outreach":[]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.a)
			require.NoError(t, err)
			assert.JSONEq(t, tt.want, string(b))
		})
	}
}
