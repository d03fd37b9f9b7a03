package match

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/duomatch/duo/profile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

func TestAlternativesMatchPinnedReruns(t *testing.T) {
	for seed := uint64(1); seed <= 6; seed++ {
		for _, obj := range []Objective{MostMatched, BestTotal} {
			t.Run(fmt.Sprintf("seed=%d/%s", seed, obj), func(t *testing.T) {
				r := synthRound(t, seed, 14, 10)
				r.Objective = obj
				r.WaitBonus = 0.004
				p, err := Propose(context.Background(), r)
				require.NoError(t, err)
				proposed := countProposed(p)
				checked := 0
				for id := range p.state.rowOf {
					alts, err := p.Alternatives(id, 100)
					require.NoError(t, err)
					for k, a := range alts {
						if k > 0 {
							prev := alts[k-1]
							assert.True(t, prev.LostDuos < a.LostDuos || (prev.LostDuos == a.LostDuos && prev.Loss <= a.Loss), "best first")
						}
						forced := r
						forced.Pinned = append(slices.Clone(r.Pinned), Duo{id, a.MentorID})
						q, err := Propose(context.Background(), forced)
						require.NoError(t, err)
						row := p.state.rowOf[id]
						objective := q.ObjectiveValue + a.Score + p.state.priority[row]
						assert.InDelta(t, p.ObjectiveValue-objective, a.Loss, 1e-9, "%s with %s", id, a.MentorID)
						if obj == MostMatched {
							assert.Equal(t, proposed-(countProposed(q)+1), a.LostDuos, "%s with %s", id, a.MentorID)
						} else {
							assert.Zero(t, a.LostDuos, "BestTotal does not count duos")
						}
						checked++
					}
				}
				assert.Positive(t, checked)
			})
		}
	}
}

func TestAlternativesErrors(t *testing.T) {
	r := Round{
		On: roundDay,
		Mentees: []profile.Mentee{
			mentee("me-1", []string{"a"}),
			mentee("me-2", []string{"a"}),
			mentee("me-old", nil, func(m *profile.Mentee) { m.BirthDate = profile.MustDate(1970, 1, 1) }),
		},
		Mentors: []profile.Mentor{mentor("mo-1", []string{"a"}), mentor("mo-2", []string{"a"})},
		Pinned:  []Duo{{"me-2", "mo-2"}},
	}
	p, err := Propose(context.Background(), r)
	require.NoError(t, err)
	_, err = p.Alternatives("me-9", 3)
	assert.ErrorIs(t, err, ErrUnknownMentee)
	_, err = p.Alternatives("me-2", 3)
	assert.ErrorIs(t, err, ErrNotInPool)
	_, err = p.Alternatives("me-old", 3)
	assert.ErrorIs(t, err, ErrNotInPool)
	alts, err := p.Alternatives("me-1", 0)
	assert.NoError(t, err)
	assert.Empty(t, alts)
	_, err = Proposal{}.Alternatives("me-1", 3)
	assert.Error(t, err)
}

func TestAlternativesExcludeTheProposedMentor(t *testing.T) {
	// BestTotal, no priority: me-1's only allowed pair, with mo-b, is worth
	// exactly 0 (no shared interest); the pair with mo-a is blocked, and
	// worth 0 in the solver's matrix too. The solver may take either; the
	// proposal takes mo-b, and Alternatives must not offer mo-b again.
	noTime := func(m *profile.Mentor) { m.Availability = profile.AvailabilityOf(20) }
	r := Round{
		On:        roundDay,
		Mentees:   []profile.Mentee{mentee("me-1", []string{"x"}, waited(0)), mentee("me-2", []string{"y"}, waited(0))},
		Mentors:   []profile.Mentor{mentor("mo-a", []string{"a"}, noTime), mentor("mo-b", []string{"b"}), mentor("mo-c", []string{"y"})},
		Scorer:    interestsOnly(),
		Objective: BestTotal,
	}
	p, err := Propose(context.Background(), r)
	require.NoError(t, err)
	require.Equal(t, map[string]string{"me-1": "mo-b", "me-2": "mo-c"}, duoPairs(p))
	for _, id := range []string{"me-1", "me-2"} {
		alts, err := p.Alternatives(id, 10)
		require.NoError(t, err)
		for _, a := range alts {
			assert.NotEqual(t, duoPairs(p)[id], a.MentorID, "%s is offered the mentor it already has", id)
		}
	}
	alts, err := p.Alternatives("me-2", 10)
	require.NoError(t, err)
	require.Len(t, alts, 1)
	assert.Equal(t, "mo-b", alts[0].MentorID)
	assert.InDelta(t, 1.0, alts[0].Loss, 1e-12, "me-2 loses its pair worth 1; me-1 loses a pair worth 0")
	m := mat.NewDense(len(p.state.menteeIDs), p.state.seats, p.state.solver)
	assert.NoError(t, Verify(m, p.state.assignment), "the stored assignment, with the zero-valued pair, keeps its certificate")
}
