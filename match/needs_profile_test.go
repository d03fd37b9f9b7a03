package match

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
)

// TestNeedsProfilesFollowPolicy: the mentors to recruit and the mentees to
// look for are eligible under the round's own policy, whatever it asks,
// and take from it what it sets (an agency, age bounds, training), never
// the model programme's values where the policy says otherwise.
func TestNeedsProfilesFollowPolicy(t *testing.T) {
	tests := []struct {
		name   string
		policy profile.Policy
		mentee func(t *testing.T, me profile.Mentee)
		mentor func(t *testing.T, mo profile.Mentor)
	}{
		{name: "model programme", policy: profile.Policy{}},
		{name: "Flanders: only VDAB", policy: profile.Policy{Mentee: profile.MenteeRules{Agencies: []profile.Agency{"VDAB"}}},
			mentee: func(t *testing.T, me profile.Mentee) { assert.Equal(t, profile.VDAB, me.JobSeeker.Agency) }},
		{name: "Wallonia, any agency listed first", policy: profile.Policy{Mentee: profile.MenteeRules{Agencies: []profile.Agency{"Le Forem", "ADG"}, AnyAgency: true}},
			mentee: func(t *testing.T, me profile.Mentee) { assert.Equal(t, profile.LeForem, me.JobSeeker.Agency) }},
		{name: "ages 18 to 33, mentors 45 or over", policy: profile.Policy{
			Mentee: profile.MenteeRules{MaxAge: 33}, Mentor: profile.MentorRules{MinAge: 45}},
			mentee: func(t *testing.T, me profile.Mentee) { assert.Equal(t, 25, profile.Age(me.BirthDate, roundDay)) },
			mentor: func(t *testing.T, mo profile.Mentor) { assert.Equal(t, 45, profile.Age(mo.BirthDate, roundDay)) }},
		{name: "ages 26 to 28", policy: profile.Policy{Mentee: profile.MenteeRules{MinAge: 26, MaxAge: 28}},
			mentee: func(t *testing.T, me profile.Mentee) { assert.Equal(t, 27, profile.Age(me.BirthDate, roundDay)) }},
		{name: "no age bounds", policy: profile.Policy{Mentee: profile.MenteeRules{MinAge: profile.Off, MaxAge: profile.Off}, Mentor: profile.MentorRules{MinAge: profile.Off}}},
		{name: "no background, no registration, no project rule", policy: profile.Policy{Mentee: profile.MenteeRules{
			NonEUBackground: profile.Off, RegisteredJobSeeker: profile.Off, Project: profile.Off}},
			mentee: func(t *testing.T, me profile.Mentee) {
				assert.Equal(t, profile.Background{}, me.Background, "nothing invented that the policy does not ask")
				assert.Equal(t, profile.JobSeeker{}, me.JobSeeker)
			}},
		{name: "trained mentors with 15 years and 6 hours", policy: profile.Policy{Mentor: profile.MentorRules{
			Trained: profile.On, MinExperienceYears: 15, MinWeeklyHours: 6}},
			mentor: func(t *testing.T, mo profile.Mentor) {
				assert.True(t, mo.Trained)
				assert.Equal(t, 6.0, mo.WeeklyHours)
				assert.GreaterOrEqual(t, mo.ExperienceYears(), 15.0)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.policy.Validate())
			for _, side := range []struct {
				name             string
				seed             uint64
				mentees, mentors int
			}{{"scarce mentors", 1, 150, 30}, {"scarce mentees", 3, 30, 150}} {
				r := synthRound(t, side.seed, side.mentees, side.mentors)
				r.Policy = tt.policy
				p, err := Propose(context.Background(), r)
				require.NoError(t, err)
				needs, err := p.Needs(context.Background(), NeedsOptions{})
				require.NoError(t, err)
				outreach, err := p.Outreach(context.Background(), NeedsOptions{})
				require.NoError(t, err)
				switch {
				case side.mentees > side.mentors:
					require.NotEmpty(t, needs, side.name)
				case tt.mentor == nil:
					// A policy that only tightens the mentors' rules may
					// leave no eligible mentor without a mentee.
					require.NotEmpty(t, outreach, side.name)
				}
				for _, n := range needs {
					assert.Empty(t, tt.policy.CheckMentor(n.Mentor, r.On), "%s: %s", side.name, n.Mentor.ID)
					require.NoError(t, n.Mentor.Validate())
					if tt.mentor != nil {
						tt.mentor(t, n.Mentor)
					}
				}
				for _, o := range outreach {
					assert.Empty(t, tt.policy.CheckMentee(o.Mentee, r.On), "%s: %s", side.name, o.Mentee.ID)
					require.NoError(t, o.Mentee.Validate())
					if tt.mentee != nil {
						tt.mentee(t, o.Mentee)
					}
				}
			}
		})
	}
}

func TestOutsideEU(t *testing.T) {
	for _, on := range []profile.Date{profile.MustDate(2019, 6, 1), roundDay} {
		c := outsideEU(on)
		require.True(t, c.Known())
		assert.False(t, profile.IsEU(c, on))
	}
}
