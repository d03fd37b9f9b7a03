package match

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var roundDay = profile.MustDate(2026, time.November, 23)

// mentee returns an eligible mentee in Brussels who speaks French, with the
// given interests; opts adjust it.
func mentee(id string, interests []string, opts ...func(*profile.Mentee)) profile.Mentee {
	m := profile.Mentee{
		ID:           id,
		BirthDate:    profile.MustDate(2001, time.April, 12),
		Gender:       "female",
		Background:   profile.Background{BirthCountry: "MA"},
		JobSeeker:    profile.JobSeeker{Registered: true, Agency: "Actiris"},
		Project:      "First job in IT",
		Sectors:      []profile.Sector{"62.01"},
		Interests:    interests,
		Languages:    []profile.Language{{Tag: "fr", Level: profile.C1}},
		Home:         profile.Place{City: "Brussels"},
		Availability: profile.AvailabilityOf(0, 1, 2),
		AppliedOn:    roundDay.AddDays(-10),
	}
	for _, o := range opts {
		o(&m)
	}
	return m
}

// mentor returns an eligible mentor in Brussels who speaks French, with the
// given interests; opts adjust it.
func mentor(id string, interests []string, opts ...func(*profile.Mentor)) profile.Mentor {
	m := profile.Mentor{
		ID:           id,
		BirthDate:    profile.MustDate(1960, time.March, 3),
		Gender:       "male",
		Status:       "retired",
		Experience:   []profile.Experience{{Sector: "62.01", Years: 20}},
		Languages:    []profile.Language{{Tag: "fr", Level: profile.Native}},
		Home:         profile.Place{City: "Brussels"},
		Availability: profile.AvailabilityOf(0, 1, 2),
		WeeklyHours:  2,
		Trained:      true,
		Interests:    interests,
	}
	for _, o := range opts {
		o(&m)
	}
	return m
}

// interestsOnly scores a pair by the Jaccard similarity of interests alone,
// so that tests can set scores exactly; the default hard rules still apply.
func interestsOnly() scoring.Scorer {
	s := scoring.Default()
	s.Weights = scoring.Weights{Sector: profile.Off, Occupation: profile.Off, Experience: profile.Off, Interests: 1,
		Language: profile.Off, Personality: profile.Off, Distance: profile.Off, Availability: profile.Off}
	return s
}

func duoPairs(p Proposal) map[string]string {
	out := map[string]string{}
	for _, d := range p.Duos {
		out[d.MenteeID] = d.MentorID
	}
	return out
}

func unmatchedByID(us []Unmatched) map[string]Unmatched {
	out := map[string]Unmatched{}
	for _, u := range us {
		out[u.ID] = u
	}
	return out
}

func TestProposeCleanRound(t *testing.T) {
	r := Round{
		On: roundDay,
		Mentees: []profile.Mentee{
			mentee("me-1", []string{"a", "b"}),
			mentee("me-2", []string{"a", "c"}),
		},
		Mentors: []profile.Mentor{
			mentor("mo-1", []string{"a", "b"}),
			mentor("mo-2", []string{"c"}),
		},
		Scorer: interestsOnly(),
	}
	p, err := Propose(context.Background(), r)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"me-1": "mo-1", "me-2": "mo-2"}, duoPairs(p))
	assert.Empty(t, p.UnmatchedMentees)
	assert.Empty(t, p.UnmatchedMentors)
	assert.InDelta(t, 1.5, p.Total, 1e-12)
	assert.InDelta(t, 1.5+2*10*DefaultWaitBonus, p.ObjectiveValue, 1e-12, "both waited 10 days: the default priority")
	for _, d := range p.Duos {
		assert.False(t, d.Pinned)
		assert.InDelta(t, 10*DefaultWaitBonus, d.Priority, 1e-12)
		require.NotEmpty(t, d.Parts, "every duo is explained")
		var sum float64
		for _, part := range d.Parts {
			sum += part.Contribution
		}
		assert.InDelta(t, d.Score, sum, 1e-12, "the parts add up to the score")
		res := r.Scorer.Pair(&r.Mentees[0], &r.Mentors[0])
		if d.MenteeID == "me-1" {
			assert.Equal(t, res.Score, d.Score, "a duo's score is the scorer's, bit for bit")
		}
	}
}

func TestProposeObjectives(t *testing.T) {
	// me-1 fits mo-1 perfectly and mo-2 a little; me-2 fits only mo-1, a
	// little, and cannot meet mo-2 (no shared time). Two weak duos beat one
	// perfect one for MostMatched; BestTotal keeps the perfect one.
	noTime := func(m *profile.Mentee) { m.Availability = profile.AvailabilityOf(20) }
	r := Round{
		On: roundDay,
		Mentees: []profile.Mentee{
			mentee("me-1", []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}, func(m *profile.Mentee) {
				m.Availability = profile.AvailabilityOf(0, 1, 2, 20)
			}),
			mentee("me-2", []string{"a", "x"}, noTime),
		},
		Mentors: []profile.Mentor{
			mentor("mo-1", []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}, func(m *profile.Mentor) {
				m.Availability = profile.AvailabilityOf(0, 20)
			}),
			mentor("mo-2", []string{"a", "y"}),
		},
		Scorer: interestsOnly(),
	}
	most, err := Propose(context.Background(), r)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"me-1": "mo-2", "me-2": "mo-1"}, duoPairs(most))

	r.Objective = BestTotal
	best, err := Propose(context.Background(), r)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"me-1": "mo-1"}, duoPairs(best))
	assert.InDelta(t, 1.0, best.Total, 1e-12)
	assert.Greater(t, best.Total, most.Total)
	u := unmatchedByID(best.UnmatchedMentees)["me-2"]
	assert.Equal(t, ReasonOutcompeted, u.Reason)
	require.NotNil(t, u.Best)
	assert.Equal(t, "mo-1", u.Best.ID)
	assert.Equal(t, []string{"me-1"}, u.Best.TakenBy)
}

func TestProposeWaitingPriority(t *testing.T) {
	// Three mentees fit the only mentor equally well. Without priority the
	// tie goes by the stable rule; with it, the longest wait wins.
	r := Round{
		On: roundDay,
		Mentees: []profile.Mentee{
			mentee("me-1", []string{"a"}, waited(5)),
			mentee("me-2", []string{"a"}, waited(20)),
			mentee("me-3", []string{"a"}, waited(45)),
		},
		Mentors:   []profile.Mentor{mentor("mo-1", []string{"a"})},
		Scorer:    interestsOnly(),
		WaitBonus: profile.Off,
	}
	plain, err := Propose(context.Background(), r)
	require.NoError(t, err)
	require.Len(t, plain.Duos, 1)
	require.NotEqual(t, "me-3", plain.Duos[0].MenteeID, "without priority the tie rule does not favour me-3, so the test shows what the bonus changes")
	assert.Zero(t, plain.Duos[0].Priority)
	assert.Equal(t, []string{"me-3"}, plain.Overdue, "without priority, the mentee who waited 45 days is overdue")

	tests := []struct {
		name      string
		bonus     float64
		wantBonus float64
	}{
		{"default", 0, DefaultWaitBonus},
		{"set", 0.01, 0.01},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r.WaitBonus = tc.bonus
			p, err := Propose(context.Background(), r)
			require.NoError(t, err)
			require.Len(t, p.Duos, 1)
			d := p.Duos[0]
			assert.Equal(t, "me-3", d.MenteeID, "the longest-waiting mentee is matched")
			assert.InDelta(t, 1.0, d.Score, 1e-12, "the score never includes the priority")
			assert.InDelta(t, profile.MatchWithinDays*tc.wantBonus, d.Priority, 1e-12, "waiting counts up to 30 days")
			assert.InDelta(t, 1.0, p.Total, 1e-12)
			assert.InDelta(t, 1+profile.MatchWithinDays*tc.wantBonus, p.ObjectiveValue, 1e-12)
			assert.Empty(t, p.Overdue, "the overdue mentee got a mentor")
		})
	}
}

// waited sets the mentee's applied_on the given number of days before the
// round.
func waited(days int) func(*profile.Mentee) {
	return func(m *profile.Mentee) { m.AppliedOn = roundDay.AddDays(-days) }
}

func TestProposeWaitingTradeOff(t *testing.T) {
	// One mentor, two compatible mentees: a newcomer whose pair scores 1.0
	// and one who has waited whose pair is worse by 0.1 or 0.2 (the
	// Jaccard similarity of 9 or 8 of the mentor's 10 interests).
	all := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	tests := []struct {
		name   string
		days   int
		shared int // of the mentor's 10 interests, for the one who waited
		bonus  float64
		want   string
	}{
		{"30 days beat a pair 0.10 better", 30, 9, 0, "me-waited"},
		{"30 days lose to a pair 0.20 better", 30, 8, 0, "me-new"},
		{"waiting beyond 30 days counts as 30", 90, 8, 0, "me-new"},
		{"10 days lose to a pair 0.10 better", 10, 9, 0, "me-new"},
		{"off: the better pair wins", 30, 9, profile.Off, "me-new"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Round{
				On: roundDay,
				Mentees: []profile.Mentee{
					mentee("me-new", all, waited(0)),
					mentee("me-waited", all[:tc.shared], waited(tc.days)),
				},
				Mentors:   []profile.Mentor{mentor("mo-1", all)},
				Scorer:    interestsOnly(),
				WaitBonus: tc.bonus,
			}
			p, err := Propose(context.Background(), r)
			require.NoError(t, err)
			require.Len(t, p.Duos, 1)
			assert.Equal(t, tc.want, p.Duos[0].MenteeID)
		})
	}
}

func TestProposeMissingAppliedOn(t *testing.T) {
	never := func(m *profile.Mentee) { m.AppliedOn = profile.Date{} }
	r := Round{
		On: roundDay,
		Mentees: []profile.Mentee{
			mentee("me-3", []string{"a"}, never),
			mentee("me-1", []string{"a"}, never),
			mentee("me-2", []string{"a"}, waited(40)),
			mentee("me-old", []string{"a"}, never, func(m *profile.Mentee) { m.BirthDate = profile.MustDate(1970, 1, 1) }),
			mentee("me-pin", []string{"a"}, never),
		},
		Mentors: []profile.Mentor{mentor("mo-1", []string{"a"}), mentor("mo-2", []string{"a"}), mentor("mo-3", []string{"a"})},
		Pinned:  []Duo{{"me-pin", "mo-3"}},
		Scorer:  interestsOnly(),
	}
	p, err := Propose(context.Background(), r)
	require.NoError(t, err)
	assert.Equal(t, []string{"me-1", "me-3"}, p.MissingAppliedOn, "the pool's mentees without applied_on, sorted; not the ineligible or pinned ones")
	got := duoPairs(p)
	assert.Contains(t, got, "me-2", "the one who waited is matched first")
	assert.Len(t, got, 3)
	for _, d := range p.Duos {
		if d.MenteeID != "me-2" {
			assert.Zero(t, d.Priority, "%s has no waiting priority", d.MenteeID)
		}
	}
	assert.Empty(t, p.Overdue, "a mentee without applied_on is never overdue")
}

func TestProposeCapacity(t *testing.T) {
	two := func(m *profile.Mentor) { m.Capacity = 2 }
	r := Round{
		On: roundDay,
		Mentees: []profile.Mentee{
			mentee("me-1", []string{"a"}),
			mentee("me-2", []string{"a", "b"}),
			mentee("me-3", []string{"a", "b", "c"}),
		},
		Mentors: []profile.Mentor{mentor("mo-1", []string{"a"}, two)},
		Scorer:  interestsOnly(),
	}
	p, err := Propose(context.Background(), r)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"me-1": "mo-1", "me-2": "mo-1"}, duoPairs(p))
	u := unmatchedByID(p.UnmatchedMentees)["me-3"]
	assert.Equal(t, ReasonOutcompeted, u.Reason)
	require.NotNil(t, u.Best)
	assert.Equal(t, "mo-1", u.Best.ID)
	assert.Equal(t, []string{"me-1", "me-2"}, u.Best.TakenBy)

	// One duo already exists: one seat is left.
	r.Pinned = []Duo{{MenteeID: "me-3", MentorID: "mo-1"}}
	p, err = Propose(context.Background(), r)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"me-1": "mo-1", "me-3": "mo-1"}, duoPairs(p))
	for _, d := range p.Duos {
		assert.Equal(t, d.MenteeID == "me-3", d.Pinned)
	}
	assert.InDelta(t, 1.0, p.Total, 1e-12, "the total counts proposed duos only")

	// A pinned duo is kept even when the mentee is no longer eligible.
	r.Mentees[2].BirthDate = profile.MustDate(1980, time.January, 1)
	p, err = Propose(context.Background(), r)
	require.NoError(t, err)
	assert.Equal(t, "mo-1", duoPairs(p)["me-3"], "an existing duo is never broken")
	assert.NotContains(t, unmatchedByID(p.UnmatchedMentees), "me-3")
	r.Mentees[2].BirthDate = profile.MustDate(2001, time.April, 12)

	// Both seats pinned: the mentor is full, not unmatched.
	r.Pinned = append(r.Pinned, Duo{MenteeID: "me-2", MentorID: "mo-1"})
	p, err = Propose(context.Background(), r)
	require.NoError(t, err)
	assert.Equal(t, []string{"mo-1"}, p.FullMentors)
	assert.Empty(t, p.UnmatchedMentors)
	assert.Equal(t, ReasonNoCompatibleMentor, unmatchedByID(p.UnmatchedMentees)["me-1"].Reason)
}

func TestProposeUnmatchedReasons(t *testing.T) {
	dutchOnly := func(m *profile.Mentee) { m.Languages = []profile.Language{{Tag: "nl", Level: profile.B2}} }
	tooOld := func(m *profile.Mentee) { m.BirthDate = profile.MustDate(1980, time.January, 1) }
	tooYoung := func(m *profile.Mentor) { m.BirthDate = profile.MustDate(1990, time.January, 1) }
	r := Round{
		On: roundDay,
		Mentees: []profile.Mentee{
			mentee("me-ok", []string{"a"}),
			mentee("me-out", []string{"a"}),
			mentee("me-old", []string{"a"}, tooOld),
			mentee("me-nl", []string{"a"}, dutchOnly),
			mentee("me-low", []string{"z"}),
		},
		Mentors: []profile.Mentor{
			mentor("mo-1", []string{"a"}),
			mentor("mo-young", []string{"a"}, tooYoung),
		},
		Scorer:   interestsOnly(),
		MinScore: 0.5,
	}
	p, err := Propose(context.Background(), r)
	require.NoError(t, err)
	require.Len(t, p.Duos, 1)
	me := unmatchedByID(p.UnmatchedMentees)
	mo := unmatchedByID(p.UnmatchedMentors)

	tests := []struct {
		name, id, reason string
		got              map[string]Unmatched
	}{
		{"outcompeted mentee", "me-out", ReasonOutcompeted, me},
		{"ineligible mentee", "me-old", ReasonIneligible, me},
		{"no shared language", "me-nl", ReasonNoCompatibleMentor, me},
		{"below the minimum score", "me-low", ReasonBelowMinScore, me},
		{"ineligible mentor", "mo-young", ReasonIneligible, mo},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, ok := tc.got[tc.id]
			require.True(t, ok, "%s is unmatched", tc.id)
			assert.Equal(t, tc.reason, u.Reason)
		})
	}
	assert.Equal(t, "too_old", me["me-old"].Violations[0].Code)
	assert.Equal(t, map[string]int{"no_shared_language": 1}, me["me-nl"].Blocked)
	assert.Equal(t, "too_young", mo["mo-young"].Violations[0].Code)
	assert.Equal(t, "mo-1", me["me-out"].Best.ID)

	// A mentor nobody can be matched with, and one whose pairs all fall
	// below the minimum score.
	r = Round{
		On:       roundDay,
		Mentees:  []profile.Mentee{mentee("me-1", []string{"a"})},
		Mentors:  []profile.Mentor{mentor("mo-nl", []string{"a"}, func(m *profile.Mentor) { m.Languages = []profile.Language{{Tag: "nl", Level: profile.Native}} }), mentor("mo-low", []string{"b"}), mentor("mo-1", []string{"a"})},
		Scorer:   interestsOnly(),
		MinScore: 0.5,
	}
	p, err = Propose(context.Background(), r)
	require.NoError(t, err)
	mo = unmatchedByID(p.UnmatchedMentors)
	assert.Equal(t, ReasonNoCompatibleMentee, mo["mo-nl"].Reason)
	assert.Equal(t, map[string]int{"no_shared_language": 1}, mo["mo-nl"].Blocked)
	assert.Equal(t, ReasonBelowMinScore, mo["mo-low"].Reason)
}

func TestProposeOutcompetedMentor(t *testing.T) {
	r := Round{
		On:      roundDay,
		Mentees: []profile.Mentee{mentee("me-1", []string{"a", "b"})},
		Mentors: []profile.Mentor{mentor("mo-1", []string{"a", "b"}), mentor("mo-2", []string{"a"})},
		Scorer:  interestsOnly(),
	}
	p, err := Propose(context.Background(), r)
	require.NoError(t, err)
	u := unmatchedByID(p.UnmatchedMentors)["mo-2"]
	assert.Equal(t, ReasonOutcompeted, u.Reason)
	require.NotNil(t, u.Best)
	assert.Equal(t, "me-1", u.Best.ID)
	assert.Equal(t, []string{"mo-1"}, u.Best.TakenBy)
}

func TestProposeEmptyPools(t *testing.T) {
	tests := []struct {
		name    string
		mentees []profile.Mentee
		mentors []profile.Mentor
	}{
		{"no one", nil, nil},
		{"no mentors", []profile.Mentee{mentee("me-1", nil)}, nil},
		{"no mentees", nil, []profile.Mentor{mentor("mo-1", nil)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Propose(context.Background(), Round{On: roundDay, Mentees: tc.mentees, Mentors: tc.mentors})
			require.NoError(t, err)
			assert.Empty(t, p.Duos)
			assert.Len(t, p.UnmatchedMentees, len(tc.mentees))
			assert.Len(t, p.UnmatchedMentors, len(tc.mentors))
			for _, u := range p.UnmatchedMentees {
				assert.Equal(t, ReasonNoCompatibleMentor, u.Reason)
			}
			for _, u := range p.UnmatchedMentors {
				assert.Equal(t, ReasonNoCompatibleMentee, u.Reason)
			}
			_, err = json.Marshal(p)
			assert.NoError(t, err)
		})
	}
}

func synthRound(t testing.TB, seed uint64, mentees, mentors int) Round {
	t.Helper()
	me, mo := synth.Generate(synth.Config{Seed: seed, Mentees: mentees, Mentors: mentors, On: roundDay, IneligibleShare: 0.1})
	// The default waiting priority, and exclusions from earlier rounds
	// that name people who have left.
	return Round{On: roundDay, Mentees: me, Mentors: mo, Excluded: []Duo{{"me-left", mo[0].ID}, {me[0].ID, "mo-left"}}}
}

func TestProposeDropOutRerun(t *testing.T) {
	r := synthRound(t, 7, 60, 45)
	first, err := Propose(context.Background(), r)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(first.Duos), 8)

	// A quarter of the first meetings fail: those pairs are excluded, the
	// others become pinned duos, and the round runs again.
	failed := map[Duo]bool{}
	for k, d := range first.Duos {
		duo := Duo{d.MenteeID, d.MentorID}
		if k%4 == 0 {
			failed[duo] = true
			r.Excluded = append(r.Excluded, duo)
		} else {
			r.Pinned = append(r.Pinned, duo)
		}
	}
	second, err := Propose(context.Background(), r)
	require.NoError(t, err)
	got := duoPairs(second)
	for _, d := range r.Pinned {
		assert.Equal(t, d.MentorID, got[d.MenteeID], "surviving duo %v is kept", d)
	}
	for _, d := range second.Duos {
		assert.False(t, failed[Duo{d.MenteeID, d.MentorID}], "%s is not paired again with %s", d.MenteeID, d.MentorID)
		assert.Equal(t, slices.Contains(r.Pinned, Duo{d.MenteeID, d.MentorID}), d.Pinned)
	}
	rematched := 0
	for d := range failed {
		if _, ok := got[d.MenteeID]; ok {
			rematched++
		}
	}
	assert.Positive(t, rematched, "people whose meeting failed go back into the pool")
}

func BenchmarkPropose(b *testing.B) {
	for _, size := range []struct{ mentees, mentors int }{{200, 150}, {1000, 800}, {5000, 4000}} {
		b.Run(fmt.Sprintf("%dx%d", size.mentees, size.mentors), func(b *testing.B) {
			r := synthRound(b, 1, size.mentees, size.mentors)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Propose(context.Background(), r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkProposePath runs the same rounds on each path (auto is what
// Propose chooses), to set and check the rule that chooses: synth's pools
// in its sample of cities ("cities", about 18 % of the pairs allowed) and
// spread all over Belgium ("spread", a few %). Run one size at a time:
// the largest take minutes and gigabytes on the dense path, which refuses
// 50 000 × 40 000.
func BenchmarkProposePath(b *testing.B) {
	for _, size := range []struct {
		mentees, mentors int
		spread           bool
	}{{200, 150, false}, {500, 400, false}, {700, 560, false}, {1000, 800, false}, {2000, 1600, false}, {5000, 4000, false}, {5000, 4000, true}, {14000, 11200, true}, {50000, 40000, true}} {
		r := synthRound(b, 1, size.mentees, size.mentors)
		kind := "cities"
		if size.spread {
			kind = "spread"
			r.Mentees, r.Mentors = synth.Generate(synth.Config{Seed: 1, Mentees: size.mentees, Mentors: size.mentors, On: roundDay, IneligibleShare: 0.1, Spread: true})
		}
		for _, path := range []struct {
			name string
			path solvePath
		}{{"auto", pathAuto}, {"dense", pathDense}, {"sparse", pathSparse}} {
			b.Run(fmt.Sprintf("%dx%d/%s/%s", size.mentees, size.mentors, kind, path.name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := propose(context.Background(), r, solveOptions{path: path.path}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestProposeTooLarge: MaxCells bounds the allowed pairs of a round (a
// mentor with several seats counts once per mentee), checked while they
// are scored. A round of 11 600 mentees and 117 mentors of capacity 100,
// once refused for its 136 million mentee × seat cells, has 1.4 million
// allowed pairs and is solved on them; here the limit is lowered so that
// a small round exceeds it. (A round small enough for the dense path,
// at most 2^18 cells, cannot exceed MaxCells.)
func TestProposeTooLarge(t *testing.T) {
	r := Round{On: roundDay}
	for i := range 40 {
		r.Mentees = append(r.Mentees, mentee(fmt.Sprintf("me-%02d", i), nil))
	}
	for j := range 30 {
		r.Mentors = append(r.Mentors, mentor(fmt.Sprintf("mo-%02d", j), nil, func(m *profile.Mentor) { m.Capacity = 3 }))
	}
	all, err := propose(context.Background(), r, solveOptions{path: pathSparse})
	require.NoError(t, err)
	pairs := all.state.cands.Len()
	require.Equal(t, 40*30, pairs, "every pair of this round is allowed")
	_, err = propose(context.Background(), r, solveOptions{path: pathSparse, maxPairs: pairs - 1})
	require.ErrorIs(t, err, ErrInvalidRound)
	require.ErrorIs(t, err, ErrRoundTooLarge)
	assert.Contains(t, err.Error(), "MaxCells")
	_, err = propose(context.Background(), r, solveOptions{path: pathSparse, maxPairs: pairs})
	require.NoError(t, err, "a round at the limit is solved")
}

func TestProposeFullMentors(t *testing.T) {
	capacity := func(n int) func(*profile.Mentor) { return func(m *profile.Mentor) { m.Capacity = n } }
	tooYoung := func(m *profile.Mentor) { m.BirthDate = profile.MustDate(1990, time.January, 1) }
	dutchOnly := func(m *profile.Mentee) { m.Languages = []profile.Language{{Tag: "nl", Level: profile.B2}} }
	tests := []struct {
		name    string
		mentor  profile.Mentor
		mentees []profile.Mentee
		pinned  []Duo
		full    []string
		reason  string // of mo-1 in UnmatchedMentors; "" when not listed there
	}{
		{"one of two places pinned, nobody left", mentor("mo-1", nil, capacity(2)),
			[]profile.Mentee{mentee("me-1", nil)}, []Duo{{"me-1", "mo-1"}}, []string{}, ReasonNoCompatibleMentee},
		{"one of two places pinned, only an incompatible mentee left", mentor("mo-1", nil, capacity(2)),
			[]profile.Mentee{mentee("me-1", nil), mentee("me-2", nil, dutchOnly)}, []Duo{{"me-1", "mo-1"}}, []string{}, ReasonNoCompatibleMentee},
		{"one of two places pinned, one proposed", mentor("mo-1", nil, capacity(2)),
			[]profile.Mentee{mentee("me-1", nil), mentee("me-2", nil)}, []Duo{{"me-1", "mo-1"}}, []string{}, ""},
		{"every place pinned", mentor("mo-1", nil, capacity(2)),
			[]profile.Mentee{mentee("me-1", nil), mentee("me-2", nil), mentee("me-3", nil)}, []Duo{{"me-1", "mo-1"}, {"me-2", "mo-1"}}, []string{"mo-1"}, ""},
		{"capacity 0 means 1, pinned", mentor("mo-1", nil),
			[]profile.Mentee{mentee("me-1", nil)}, []Duo{{"me-1", "mo-1"}}, []string{"mo-1"}, ""},
		{"full and no longer eligible", mentor("mo-1", nil, tooYoung),
			[]profile.Mentee{mentee("me-1", nil)}, []Duo{{"me-1", "mo-1"}}, []string{"mo-1"}, ""},
		{"free place, not eligible", mentor("mo-1", nil, tooYoung, capacity(2)),
			[]profile.Mentee{mentee("me-1", nil)}, []Duo{{"me-1", "mo-1"}}, []string{}, ReasonIneligible},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Round{On: roundDay, Mentees: tc.mentees, Mentors: []profile.Mentor{tc.mentor}, Pinned: tc.pinned}
			p, err := Propose(context.Background(), r)
			require.NoError(t, err)
			assert.Equal(t, tc.full, p.FullMentors)
			u, listed := unmatchedByID(p.UnmatchedMentors)["mo-1"]
			assert.Equal(t, tc.reason != "", listed, "listed as unmatched")
			assert.Equal(t, tc.reason, u.Reason)
		})
	}
}

func TestProposePaused(t *testing.T) {
	pausedMentee := func(m *profile.Mentee) { m.Paused = true }
	pausedMentor := func(m *profile.Mentor) { m.Paused = true }
	tooOld := func(m *profile.Mentee) { m.BirthDate = profile.MustDate(1980, time.January, 1) }
	capacity := func(n int) func(*profile.Mentor) { return func(m *profile.Mentor) { m.Capacity = n } }
	tests := []struct {
		name       string
		mentees    []profile.Mentee
		mentors    []profile.Mentor
		pinned     []Duo
		wantDuos   map[string]string
		wantReason map[string]string // ID -> reason among the unmatched
		wantFull   []string
		violations map[string]int // ID -> number of violations listed
	}{
		{"a paused mentee is not proposed, the other takes the mentor",
			[]profile.Mentee{mentee("me-1", nil, pausedMentee), mentee("me-2", nil)},
			[]profile.Mentor{mentor("mo-1", nil)}, nil,
			map[string]string{"me-2": "mo-1"}, map[string]string{"me-1": ReasonPaused}, []string{}, nil},
		{"a paused mentor takes nobody, even with a compatible mentee waiting",
			[]profile.Mentee{mentee("me-1", nil)},
			[]profile.Mentor{mentor("mo-1", nil, pausedMentor)}, nil,
			map[string]string{}, map[string]string{"me-1": ReasonNoCompatibleMentor, "mo-1": ReasonPaused}, []string{}, nil},
		{"a paused mentor keeps a pinned duo and takes no second mentee",
			[]profile.Mentee{mentee("me-1", nil), mentee("me-2", nil)},
			[]profile.Mentor{mentor("mo-1", nil, pausedMentor, capacity(2))}, []Duo{{"me-1", "mo-1"}},
			map[string]string{"me-1": "mo-1"}, map[string]string{"me-2": ReasonNoCompatibleMentor, "mo-1": ReasonPaused}, []string{}, nil},
		{"a paused, full mentor is full, not unmatched",
			[]profile.Mentee{mentee("me-1", nil)},
			[]profile.Mentor{mentor("mo-1", nil, pausedMentor)}, []Duo{{"me-1", "mo-1"}},
			map[string]string{"me-1": "mo-1"}, map[string]string{}, []string{"mo-1"}, nil},
		{"a paused mentee who is also ineligible is paused, with the violations",
			[]profile.Mentee{mentee("me-1", nil, pausedMentee, tooOld)},
			[]profile.Mentor{mentor("mo-1", nil)}, nil,
			map[string]string{}, map[string]string{"me-1": ReasonPaused, "mo-1": ReasonNoCompatibleMentee}, []string{},
			map[string]int{"me-1": 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Round{On: roundDay, Mentees: tc.mentees, Mentors: tc.mentors, Pinned: tc.pinned}
			p, err := Propose(context.Background(), r)
			require.NoError(t, err)
			assert.Equal(t, tc.wantDuos, duoPairs(p))
			got := map[string]string{}
			for _, u := range append(slices.Clone(p.UnmatchedMentees), p.UnmatchedMentors...) {
				got[u.ID] = u.Reason
				assert.Len(t, u.Violations, tc.violations[u.ID], "violations of %s", u.ID)
			}
			assert.Equal(t, tc.wantReason, got)
			assert.Equal(t, tc.wantFull, p.FullMentors)
			for id, reason := range tc.wantReason {
				if reason == ReasonPaused && id[:2] == "me" {
					_, err := p.Alternatives(id, 3)
					assert.ErrorIs(t, err, ErrNotInPool, "a paused mentee has no alternatives")
				}
			}
		})
	}
}
