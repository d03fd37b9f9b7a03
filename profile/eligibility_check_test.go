package profile_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/profile"
)

// TestEligibilityCheck checks every verdict against the policy's own
// checks over seeded random pools, the lists sorted by ID and never null.
func TestEligibilityCheck(t *testing.T) {
	on := profile.MustDate(2026, 11, 23)
	policies := []profile.Policy{{}, {Mentee: profile.MenteeRules{MaxAge: 25}}}
	for seed := uint64(1); seed <= 20; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		mentees, mentors := synth.Generate(synth.Config{Seed: seed, Mentees: rng.IntN(30), Mentors: rng.IntN(20), On: on, IneligibleShare: 0.3})
		c := profile.EligibilityCheck{On: on, Policy: policies[seed%2], Mentees: mentees, Mentors: mentors}
		res, err := c.Check()
		require.NoError(t, err)
		name := fmt.Sprintf("seed %d", seed)
		assert.Equal(t, on, res.On)
		require.Len(t, res.Mentees, len(mentees), name)
		require.Len(t, res.Mentors, len(mentors), name)
		byID := map[string]profile.Verdict{}
		for i, v := range res.Mentees {
			if i > 0 {
				assert.LessOrEqual(t, res.Mentees[i-1].ID, v.ID, name)
			}
			byID[v.ID] = v
		}
		for _, m := range mentees {
			want := c.Policy.CheckMentee(m, on)
			assert.Equal(t, len(want) == 0, byID[m.ID].Eligible, name)
			assert.ElementsMatch(t, want, byID[m.ID].Violations, name)
			assert.NotNil(t, byID[m.ID].Violations)
		}
		for i, v := range res.Mentors {
			if i > 0 {
				assert.LessOrEqual(t, res.Mentors[i-1].ID, v.ID, name)
			}
			byID[v.ID] = v
		}
		for _, m := range mentors {
			assert.Equal(t, c.Policy.CheckMentor(m, on), nilIfEmpty(byID[m.ID].Violations), name)
		}
	}
	b, err := json.Marshal(must(profile.EligibilityCheck{On: on}.Check()))
	require.NoError(t, err)
	assert.JSONEq(t, `{"on":"2026-11-23","mentees":[],"mentors":[]}`, string(b))
}

func nilIfEmpty(vs []profile.Violation) []profile.Violation {
	if len(vs) == 0 {
		return nil
	}
	return vs
}

func must(e profile.Eligibility, err error) profile.Eligibility {
	if err != nil {
		panic(err)
	}
	return e
}

// TestEligibilityCheckErrors checks that a missing day and the policy's
// problems are reported together, under their paths.
func TestEligibilityCheckErrors(t *testing.T) {
	_, err := profile.EligibilityCheck{Policy: profile.Policy{Mentor: profile.MentorRules{MinWeeklyHours: -2}}}.Check()
	require.Error(t, err)
	assert.ErrorIs(t, err, profile.ErrInvalid)
	var fields []string
	for _, p := range profile.Problems(err) {
		fields = append(fields, p.Path)
	}
	assert.Equal(t, []string{"on", "policy.mentor.min_weekly_hours"}, fields)
}
