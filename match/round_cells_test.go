package match

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
)

// TestRoundCells checks Cells on rounds computed by hand.
func TestRoundCells(t *testing.T) {
	capacity := func(n int) func(*profile.Mentor) { return func(m *profile.Mentor) { m.Capacity = n } }
	pausedMentee := func(m *profile.Mentee) { m.Paused = true }
	pausedMentor := func(m *profile.Mentor) { m.Paused = true }
	tests := []struct {
		name string
		r    Round
		want int64
	}{
		{name: "empty", r: Round{}, want: 0},
		{name: "no mentor", r: Round{Mentees: []profile.Mentee{mentee("me-1", nil)}}, want: 0},
		{name: "three by two", r: Round{
			Mentees: []profile.Mentee{mentee("me-1", nil), mentee("me-2", nil), mentee("me-3", nil)},
			Mentors: []profile.Mentor{mentor("mo-1", nil), mentor("mo-2", nil)}}, want: 3 * 2},
		{name: "a capacity counts its seats", r: Round{
			Mentees: []profile.Mentee{mentee("me-1", nil), mentee("me-2", nil), mentee("me-3", nil)},
			Mentors: []profile.Mentor{mentor("mo-1", nil, capacity(2)), mentor("mo-2", nil)}}, want: 3 * 3},
		// Each mentor's seats are capped at the 2 mentees, not their sum.
		{name: "seats beyond the mentees are of no use", r: Round{
			Mentees: []profile.Mentee{mentee("me-1", nil), mentee("me-2", nil)},
			Mentors: []profile.Mentor{mentor("mo-1", nil, capacity(5)), mentor("mo-2", nil, capacity(3)), mentor("mo-3", nil)}}, want: 2 * (2 + 2 + 1)},
		{name: "pinned and paused people are not in the problem", r: Round{
			Mentees: []profile.Mentee{mentee("me-1", nil), mentee("me-2", nil), mentee("me-3", nil, pausedMentee), mentee("me-4", nil)},
			Mentors: []profile.Mentor{mentor("mo-1", nil, capacity(2)), mentor("mo-2", nil), mentor("mo-3", nil, pausedMentor)},
			Pinned:  []Duo{{MenteeID: "me-1", MentorID: "mo-1"}, {MenteeID: "me-2", MentorID: "mo-2"}}}, want: 1 * 1},
		{name: "a pin naming no one frees no seat", r: Round{
			Mentees: []profile.Mentee{mentee("me-1", nil)},
			Mentors: []profile.Mentor{mentor("mo-1", nil)},
			Pinned:  []Duo{{MenteeID: "me-404", MentorID: "mo-404"}}}, want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.r.Cells())
		})
	}
}

// TestRoundCellsAgainstPropose checks Cells against the problem Propose
// builds, over seeded random rounds: never smaller, and equal when every
// person is eligible.
func TestRoundCellsAgainstPropose(t *testing.T) {
	equal := 0
	for seed := uint64(1); seed <= 200; seed++ {
		r, _ := randomRound(seed)
		p, err := Propose(context.Background(), r)
		require.NoError(t, err, "seed %d", seed)
		got := int64(len(p.state.menteeIDs)) * int64(p.state.seats)
		if len(p.state.menteeIDs) == 0 {
			got = 0
		}
		all := true
		policy := r.Policy.Resolved()
		for _, m := range r.Mentees {
			all = all && len(policy.CheckMentee(m, r.On)) == 0
		}
		for _, m := range r.Mentors {
			all = all && len(policy.CheckMentor(m, r.On)) == 0
		}
		name := fmt.Sprintf("seed %d", seed)
		assert.GreaterOrEqual(t, r.Cells(), got, name)
		if all {
			assert.Equal(t, got, r.Cells(), name)
			equal++
		}
	}
	assert.Greater(t, equal, 20, "rounds where everyone is eligible")
}
