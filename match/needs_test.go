package match

import (
	"golang.org/x/text/language"

	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"testing"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withMentors returns r with n copies of mo added, under IDs mo.ID,
// mo.ID+"/2", ….
func withMentors(r Round, mo profile.Mentor, n int) Round {
	r.Mentors = slices.Clone(r.Mentors)
	for k := range n {
		c := mo
		if k > 0 {
			c.ID = fmt.Sprintf("%s/%d", mo.ID, k+1)
		}
		r.Mentors = append(r.Mentors, c)
	}
	return r
}

func withMentees(r Round, me profile.Mentee, n int) Round {
	r.Mentees = slices.Clone(r.Mentees)
	for k := range n {
		c := me
		if k > 0 {
			c.ID = fmt.Sprintf("%s/%d", me.ID, k+1)
		}
		r.Mentees = append(r.Mentees, c)
	}
	return r
}

// rerunGain re-runs the round grown and returns what it changed against p.
func rerunGain(t *testing.T, grown Round, p Proposal) Gain {
	t.Helper()
	q, err := Propose(context.Background(), grown)
	require.NoError(t, err)
	return Gain{Duos: countProposed(q) - countProposed(p), Objective: q.ObjectiveValue - p.ObjectiveValue, Total: q.Total - p.Total}
}

// checkGains checks every announced gain against re-running the round with
// that many new people, and that one more would bring nothing when the
// list stops before max. exactTotal is false where ties may make a re-run
// choose another optimum with another total or number of duos.
func checkGains(t *testing.T, name string, r Round, p Proposal, value []Gain, max int, grow func(n int) Round) {
	t.Helper()
	exact := r.Objective == MostMatched
	for k, g := range value {
		require.Equal(t, k+1, g.Recruits, name)
		got := rerunGain(t, grow(g.Recruits), p)
		if exact {
			assert.Equal(t, got.Duos, g.Duos, "%s: duos with %d", name, g.Recruits)
			assert.InDelta(t, got.Total, g.Total, 1e-9, "%s: total with %d", name, g.Recruits)
		}
		assert.InDelta(t, got.Objective, g.Objective, 1e-9, "%s: objective with %d", name, g.Recruits)
	}
	if n := len(value); n < max {
		last := Gain{}
		if n > 0 {
			last = value[n-1]
		}
		got := rerunGain(t, grow(n+1), p)
		assert.LessOrEqual(t, got.Objective, last.Objective+gainEpsilon, "%s: one more than announced brings nothing", name)
		if exact {
			assert.Equal(t, last.Duos, got.Duos, "%s: one more than announced brings no duo", name)
		}
	}
}

// checkNeeds checks every need and outreach of a round against re-running
// it, and their shape: eligible, valid, served people, ranked.
func checkNeeds(t *testing.T, name string, r Round, max int) ([]Need, []Outreach) {
	t.Helper()
	ctx := context.Background()
	p, err := Propose(ctx, r)
	require.NoError(t, err, name)
	needs, err := p.Needs(ctx, NeedsOptions{MaxRecruits: max})
	require.NoError(t, err, name)
	outreach, err := p.Outreach(ctx, NeedsOptions{MaxRecruits: max})
	require.NoError(t, err, name)
	max = cmpOr(max, DefaultMaxRecruits)

	unmatched := map[string]string{}
	for _, u := range p.UnmatchedMentees {
		unmatched[u.ID] = u.Reason
	}
	mentees := map[string]profile.Mentee{}
	for _, m := range r.Mentees {
		mentees[m.ID] = m
	}
	for k, need := range needs {
		nn := fmt.Sprintf("%s need %d (%s)", name, k, need.Text(language.English))
		require.NoError(t, need.Mentor.Validate(), nn)
		assert.Empty(t, r.Policy.CheckMentor(need.Mentor, r.On), nn)
		assert.NotEmpty(t, need.Value, nn)
		assert.True(t, slices.IsSorted(need.MenteeIDs), nn)
		reasons := map[string]int{}
		for _, id := range need.MenteeIDs {
			reasons[unmatched[id]]++
			me := mentees[id]
			sc := r.Scorer.Pair(&me, &need.Mentor).Score
			assert.True(t, !math.IsInf(sc, -1) && sc >= r.MinScore, "%s: %s can be paired with the mentor", nn, id)
		}
		assert.Equal(t, reasons, need.Reasons, nn)
		checkGains(t, nn, r, p, need.Value, max, func(n int) Round { return withMentors(r, need.Mentor, n) })
		if k > 0 {
			assert.LessOrEqual(t, cmpNeeds(needs[k-1].Value, need.Value, needs[k-1].WaitingDays, need.WaitingDays,
				needs[k-1].Wanted, need.Wanted, needs[k-1].MenteeIDs[0], need.MenteeIDs[0]), 0, nn)
		}
	}
	unmatchedMentors := map[string]string{}
	for _, u := range p.UnmatchedMentors {
		unmatchedMentors[u.ID] = u.Reason
	}
	mentors := map[string]profile.Mentor{}
	for _, m := range r.Mentors {
		mentors[m.ID] = m
	}
	for k, o := range outreach {
		on := fmt.Sprintf("%s outreach %d (%s)", name, k, o.Text(language.English))
		require.NoError(t, o.Mentee.Validate(), on)
		assert.Empty(t, r.Policy.CheckMentee(o.Mentee, r.On), on)
		assert.NotEmpty(t, o.Value, on)
		assert.True(t, slices.IsSorted(o.MentorIDs), on)
		for _, id := range o.MentorIDs {
			assert.Contains(t, []string{ReasonNoCompatibleMentee, ReasonOutcompeted, ReasonBelowMinScore}, unmatchedMentors[id], on)
			mo := mentors[id]
			sc := r.Scorer.Pair(&o.Mentee, &mo).Score
			assert.True(t, !math.IsInf(sc, -1) && sc >= r.MinScore, "%s: %s can be paired with the mentee", on, id)
		}
		checkGains(t, on, r, p, o.Value, max, func(n int) Round { return withMentees(r, o.Mentee, n) })
	}
	return needs, outreach
}

func cmpOr(x, def int) int {
	if x == 0 {
		return def
	}
	return x
}

// TestNeedsSynthetic checks needs and outreach on seeded synthetic pools
// with more mentees than mentors, and the reverse.
func TestNeedsSynthetic(t *testing.T) {
	tests := []struct {
		name              string
		seed              uint64
		mentees, mentors  int
		objective         Objective
		minScore          float64
		max               int
		wantNeeds, wantOR bool
	}{
		{name: "scarce mentors", seed: 1, mentees: 60, mentors: 40, wantNeeds: true},
		{name: "scarce mentors, another pool", seed: 2, mentees: 80, mentors: 50, wantNeeds: true},
		{name: "scarce mentees", seed: 3, mentees: 40, mentors: 60, wantNeeds: true, wantOR: true},
		{name: "best total", seed: 4, mentees: 60, mentors: 45, objective: BestTotal, wantNeeds: true},
		{name: "minimum score", seed: 5, mentees: 60, mentors: 45, minScore: 0.5, wantNeeds: true},
		{name: "up to 8 recruits", seed: 6, mentees: 90, mentors: 30, max: 8, wantNeeds: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := synthRound(t, tt.seed, tt.mentees, tt.mentors)
			r.Objective, r.MinScore = tt.objective, tt.minScore
			needs, outreach := checkNeeds(t, tt.name, r, tt.max)
			if tt.wantNeeds {
				assert.NotEmpty(t, needs)
			}
			if tt.wantOR {
				assert.NotEmpty(t, outreach)
			}
		})
	}
}

// TestNeedsRandomRounds checks needs and outreach on small random rounds
// with many ties, zero scores, capacities, pins and exclusions.
func TestNeedsRandomRounds(t *testing.T) {
	rounds := uint64(300)
	if testing.Short() {
		rounds = 60
	}
	for seed := uint64(1); seed <= rounds; seed++ {
		r, _ := randomRound(seed)
		checkNeeds(t, fmt.Sprint("seed ", seed), r, 3)
		if t.Failed() {
			return
		}
	}
}

// TestNeedsScarce checks hand-made pools where one kind of mentor is
// missing, with the needs described and their exact value.
func TestNeedsScarce(t *testing.T) {
	dutch := func(m *profile.Mentee) {
		m.Languages = []profile.Language{{Tag: "nl", Level: profile.B2}, {Tag: "ar", Level: profile.Native}}
		m.Home = profile.Place{City: "Antwerpen"}
		m.Availability = profile.AvailabilityOf(2, 8) // mon-evening, wed-evening
		m.Sectors = []profile.Sector{"41.20"}
		m.Wants.PractiseLanguage = "nl"
	}
	womanMentor := func(m *profile.Mentee) { m.Wants.MentorGender = "female" }
	evenings := func(m *profile.Mentee) { m.Availability = profile.AvailabilityOf(2) }
	tests := []struct {
		name     string
		mentees  []profile.Mentee
		mentors  []profile.Mentor
		want     []string // descriptions, in rank order
		wantDuos []int    // Value[k].Duos of the first need
	}{
		{
			name: "three Dutch speakers in Antwerp, no mentor there",
			mentees: []profile.Mentee{
				mentee("me-1", nil, dutch), mentee("me-2", nil, dutch), mentee("me-3", nil, dutch),
				mentee("me-4", nil),
			},
			mentors:  []profile.Mentor{mentor("mo-1", nil)},
			want:     []string{"speaks Dutch, lives within 25 km of Antwerpen, free Monday evening or Wednesday evening; sector F, construction"},
			wantDuos: []int{1, 2, 3},
		},
		{
			name: "a gender wish and one weekly slot",
			mentees: []profile.Mentee{
				mentee("me-1", nil, womanMentor, evenings), mentee("me-2", nil, womanMentor, evenings),
			},
			mentors:  []profile.Mentor{mentor("mo-1", nil)},
			want:     []string{"gender female, speaks French, lives within 25 km of Bruxelles, free Monday evening; sector J, information and communication"},
			wantDuos: []int{1, 2},
		},
		{
			name: "homes given by postcode: the municipality is named, never the postcode",
			mentees: []profile.Mentee{
				mentee("me-1", nil, func(m *profile.Mentee) { m.Home = profile.Place{Postcode: "1000"} }),
				mentee("me-2", nil, func(m *profile.Mentee) { m.Home = profile.Place{Postcode: "1000"} }),
			},
			want:     []string{"speaks French, lives within 25 km of Bruxelles, free Monday morning or Monday afternoon; sector J, information and communication"},
			wantDuos: []int{1, 2},
		},
		{
			name:    "no one is missing",
			mentees: []profile.Mentee{mentee("me-1", nil)},
			mentors: []profile.Mentor{mentor("mo-1", nil), mentor("mo-2", nil)},
		},
		{
			name:    "no mentors at all",
			mentees: []profile.Mentee{mentee("me-1", nil), mentee("me-2", nil, evenings)},
			want:    []string{"speaks French, lives within 25 km of Bruxelles, free Monday morning or Monday evening; sector J, information and communication"},
			// Both share mon-evening; a second slot, the earliest of me-1, lets the
			// availability criterion reach 1 for her.
			wantDuos: []int{1, 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Round{On: roundDay, Mentees: tt.mentees, Mentors: tt.mentors}
			needs, _ := checkNeeds(t, tt.name, r, 0)
			var got []string
			for _, n := range needs {
				got = append(got, n.Text(language.English))
			}
			assert.Equal(t, tt.want, got)
			if len(tt.wantDuos) > 0 {
				require.NotEmpty(t, needs)
				var duos []int
				for _, g := range needs[0].Value {
					duos = append(duos, g.Duos)
				}
				assert.Equal(t, tt.wantDuos, duos)
				assert.Equal(t, "recruit-1", needs[0].Mentor.ID)
			}
		})
	}
}

func TestNeedsErrors(t *testing.T) {
	ctx := context.Background()
	p, err := Propose(ctx, Round{On: roundDay, Mentees: []profile.Mentee{mentee("me-1", nil)}})
	require.NoError(t, err)
	tests := []struct {
		name string
		p    Proposal
		ctx  func() context.Context
		opt  NeedsOptions
		want string
	}{
		{name: "negative max", p: p, opt: NeedsOptions{MaxRecruits: -1}, want: "max_recruits"},
		{name: "max too large", p: p, opt: NeedsOptions{MaxRecruits: MaxRecruitsLimit + 1}, want: "max_recruits"},
		{name: "zero proposal", p: Proposal{}, want: "returned by Propose"},
		{name: "cancelled", p: p, ctx: func() context.Context {
			c, cancel := context.WithCancel(ctx)
			cancel()
			return c
		}, want: context.Canceled.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ctx
			if tt.ctx != nil {
				c = tt.ctx()
			}
			_, err := tt.p.Needs(c, tt.opt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			_, err = tt.p.Outreach(c, tt.opt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestNeedsDeterministic checks that needs do not depend on the order of
// the round's people.
func TestNeedsDeterministic(t *testing.T) {
	ctx := context.Background()
	r := synthRound(t, 9, 70, 40)
	p, err := Propose(ctx, r)
	require.NoError(t, err)
	want, err := p.Needs(ctx, NeedsOptions{})
	require.NoError(t, err)
	slices.Reverse(r.Mentees)
	slices.Reverse(r.Mentors)
	q, err := Propose(ctx, r)
	require.NoError(t, err)
	got, err := q.Needs(ctx, NeedsOptions{})
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

func BenchmarkNeeds(b *testing.B) {
	for _, size := range []struct{ mentees, mentors int }{{200, 150}, {1000, 800}} {
		b.Run(fmt.Sprintf("%dx%d", size.mentees, size.mentors), func(b *testing.B) {
			p, err := Propose(context.Background(), synthRound(b, 1, size.mentees, size.mentors))
			require.NoError(b, err)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.Needs(context.Background(), NeedsOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	forSpreadRounds(b, func(b *testing.B, p Proposal) {
		for b.Loop() {
			if _, err := p.Needs(context.Background(), NeedsOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestNeedsJSON checks the documented JSON fields, and that lists are
// never null.
func TestNeedsJSON(t *testing.T) {
	ctx := context.Background()
	r := Round{On: roundDay, Mentees: []profile.Mentee{mentee("me-1", nil)}, Mentors: []profile.Mentor{mentor("mo-1", nil), mentor("mo-2", nil)}}
	p, err := Propose(ctx, r)
	require.NoError(t, err)
	needs, err := p.Needs(ctx, NeedsOptions{})
	require.NoError(t, err)
	outreach, err := p.Outreach(ctx, NeedsOptions{})
	require.NoError(t, err)
	b, err := json.Marshal(map[string]any{"needs": needs, "outreach": outreach})
	require.NoError(t, err)
	var got struct {
		Needs    []map[string]any `json:"needs"`
		Outreach []map[string]json.RawMessage
	}
	require.NoError(t, json.Unmarshal(b, &got))
	assert.NotNil(t, got.Needs, "no needs is [], not null")
	require.Len(t, got.Outreach, 1)
	o := got.Outreach[0]
	assert.ElementsMatch(t, []string{"mentee", "wanted", "mentor_ids", "reasons", "value"}, slices.Collect(maps.Keys(o)))
	assert.JSONEq(t, string(mustJSON(t, outreach[0].Mentee)), string(o["mentee"]))
	assert.JSONEq(t, `["mo-2"]`, string(o["mentor_ids"]))
	assert.JSONEq(t, `{"outcompeted": 1}`, string(o["reasons"]))
	var value []map[string]any
	require.NoError(t, json.Unmarshal(o["value"], &value))
	require.Len(t, value, 1)
	assert.ElementsMatch(t, []string{"recruits", "duos", "objective", "total"}, slices.Collect(maps.Keys(value[0])))

	// A need's fields.
	r.Mentors = r.Mentors[:0]
	p, err = Propose(ctx, r)
	require.NoError(t, err)
	needs, err = p.Needs(ctx, NeedsOptions{})
	require.NoError(t, err)
	require.Len(t, needs, 1)
	var need map[string]any
	require.NoError(t, json.Unmarshal(mustJSON(t, needs[0]), &need))
	assert.ElementsMatch(t, []string{"mentor", "wanted", "mentee_ids", "reasons", "waiting_days", "value"}, slices.Collect(maps.Keys(need)))
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// TestNeedsNameOnlyMunicipalities: a recruit's description and profile
// name the municipality, never the home as written (a street address) nor
// the person's coordinates, whether the place rules are on or off (issue
// 21); a home the gazetteer cannot name gives no place at all.
func TestNeedsNameOnlyMunicipalities(t *testing.T) {
	street := func(m *profile.Mentee) {
		m.Home = profile.Place{City: "Rue Royale 12, 1000 Bruxelles", Postcode: "1000", Lat: 50.84731, Lon: 4.36277}
	}
	coordsOnly := func(m *profile.Mentee) { m.Home = profile.Place{Lat: 50.84731, Lon: 4.36277} }
	placeRulesOff := scoring.Scorer{Rules: scoring.Rules{MaxDistanceKm: profile.Off}}
	tests := []struct {
		name      string
		scorer    scoring.Scorer
		home      func(*profile.Mentee)
		wantPlace string // in the English text; "" for none
	}{
		{"street address, place rules on", scoring.Scorer{}, street, "within 25 km of Bruxelles"},
		{"street address, place rules off", placeRulesOff, street, "near Bruxelles"},
		{"coordinates only, place rules off", placeRulesOff, coordsOnly, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Round{On: roundDay, Scorer: tt.scorer,
				Mentees: []profile.Mentee{mentee("me-1", nil, tt.home), mentee("me-2", nil, tt.home)}}
			needs, _ := checkNeeds(t, tt.name, r, 0)
			require.NotEmpty(t, needs)
			for _, n := range needs {
				for _, lang := range []language.Tag{language.English, language.French, language.Dutch, language.German} {
					text := n.Text(lang)
					assert.NotContains(t, text, "Royale", lang)
					assert.NotContains(t, text, "50.8", lang)
					assert.NotContains(t, text, "50,8", lang)
					assert.NotContains(t, text, "4.36", lang)
					assert.NotContains(t, text, "4,36", lang)
				}
				home := n.Mentor.Home
				assert.NotContains(t, home.City, "Royale")
				assert.Empty(t, home.Postcode)
				if tt.wantPlace == "" {
					assert.Equal(t, profile.Place{}, home)
					assert.NotContains(t, n.Text(language.English), "lives")
					continue
				}
				assert.Equal(t, "Bruxelles", home.City)
				assert.NotEqual(t, 50.84731, home.Lat, "the municipality's coordinates, not the person's")
				assert.Contains(t, n.Text(language.English), "lives "+tt.wantPlace)
			}
		})
	}
}
