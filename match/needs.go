package match

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/duomatch/duo/profile"
	"gonum.org/v1/gonum/mat"
)

// DefaultMaxRecruits is how many new people of one profile [Proposal.Needs]
// and [Proposal.Outreach] value when [NeedsOptions.MaxRecruits] is 0, and
// MaxRecruitsLimit the most they accept.
const (
	DefaultMaxRecruits = 5
	MaxRecruitsLimit   = 50
)

// NeedsOptions are the settings of [Proposal.Needs] and
// [Proposal.Outreach]. The zero value means the defaults.
type NeedsOptions struct {
	// MaxRecruits is the most new people of one profile whose value is
	// computed: 1, 2, … MaxRecruits of them, stopping earlier at the first
	// that brings neither a duo nor a gain of the objective. 0 means
	// [DefaultMaxRecruits] (5); negative values and values above
	// [MaxRecruitsLimit] (50) are errors.
	MaxRecruits int `json:"max_recruits,omitempty"`
}

// Gain is what adding Recruits new people of a profile to the round would
// change, against the proposal: Duos more duos, and Objective and Total
// more in [Proposal.ObjectiveValue] and [Proposal.Total]. The round is
// re-optimised as a whole: the new people may take someone who was already
// matched, whose partner then goes to someone else.
type Gain struct {
	Recruits  int     `json:"recruits"`
	Duos      int     `json:"duos"`
	Objective float64 `json:"objective"`
	Total     float64 `json:"total"`
}

// Need is a kind of mentor the pool lacks: the profile to recruit, in a
// value and in a sentence, the unmatched mentees it is for, and what
// recruiting one, two, … such mentors would bring.
type Need struct {
	// Mentor is the profile to recruit: it meets the hard rules the
	// mentees need (a language both speak at the round's minimum level,
	// their place, a weekly slot they share, their gender wish) and the
	// soft ones that score well (the sector they aim for with the years
	// that give full experience, their occupation, the language they
	// practise). It has capacity 1, no interests or traits (neutral
	// criteria), and is built from the round's policy and eligible under
	// it (the youngest age, the hours, years and training it asks); its ID is
	// "recruit-" and the need's rank, unique in the round.
	Mentor profile.Mentor `json:"mentor"`
	// Wanted is the profile in codes that [Need.Text] writes in a sentence
	// a recruiter can read: "speaks Dutch, lives within 25 km of Antwerpen,
	// free Monday evening or Wednesday evening; sector F, construction".
	Wanted Wanted `json:"wanted"`
	// MenteeIDs are the unmatched mentees the need was drawn from, every
	// one of whom such a mentor could be paired with, sorted.
	MenteeIDs []string `json:"mentee_ids"`
	// Reasons counts MenteeIDs by the reason they were left out.
	Reasons map[string]int `json:"reasons"`
	// WaitingDays is the sum over MenteeIDs of the days waited since
	// applied_on (0 for a mentee without it).
	WaitingDays int `json:"waiting_days"`
	// Value[k] is what k+1 such mentors would bring. It stops before the
	// first mentor that would bring nothing, or at
	// [NeedsOptions.MaxRecruits].
	Value []Gain `json:"value"`
}

// Outreach is, for mentors left without a mentee, the kind of mentee to
// look for: the profile, in a value and in a sentence, the mentors it is
// for, and what one, two, … such mentees would bring.
type Outreach struct {
	// Mentee is the profile to look for: it meets the hard rules the
	// mentors need (a language, their place, a weekly slot, their gender
	// wish) and aims at the sector of their longest experience, in their
	// occupation, practising the language it shares with them. It is
	// built from the round's policy and eligible under it (a project; when
	// the policy asks for them, a registration with the first agency it
	// lists and a birth country outside the EU on the round's day; an age
	// in the middle of its bounds), applies on the round's day (so it
	// earns no waiting priority) and has the ID "outreach-" and its rank.
	Mentee profile.Mentee `json:"mentee"`
	// Wanted is the profile in codes that [Outreach.Text] writes in a
	// sentence: "aims at sector Q, human health and social work
	// activities; speaks French, lives in Gent, free Saturday morning".
	Wanted Wanted `json:"wanted"`
	// MentorIDs are the unmatched mentors the profile was drawn from, every
	// one of whom such a mentee could be paired with, sorted.
	MentorIDs []string `json:"mentor_ids"`
	// Reasons counts MentorIDs by the reason they were left out.
	Reasons map[string]int `json:"reasons"`
	// Value[k] is what k+1 such mentees would bring; as [Need.Value].
	Value []Gain `json:"value"`
}

// Needs tells which mentors to recruit: it groups the eligible mentees
// left unmatched (no_compatible_mentor, outcompeted, below_min_score) by
// the mentor they would need, describes that mentor as a profile and a
// sentence, and values it exactly: for 1, 2, … [NeedsOptions.MaxRecruits]
// such mentors, the extra duos and the change of the objective and of the
// total that re-running [Propose] with them added would give. The new
// mentors are scored against the pool with the round's scorer, rules and
// MinScore, exactly as Propose would score them.
//
// Needs are sorted by duos per mentor recruited (the best rate over
// Value: k mentors who bring d duos give d/k), then by WaitingDays, then by Wanted (its codes) and the first mentee ID; Mentor.ID
// numbers them in that order. A mentee who could be served by no mentor
// at all (no language at the minimum level, no weekly slot, no place
// where the distance rule needs one, or pairs below MinScore even with the
// mentor described) is in no need. Under BestTotal, a re-run that ties on
// the objective may form another number of duos with another total;
// under MostMatched Duos and Objective are the same for every optimum, and
// so is Total unless two optima tie on the objective but not on the total.
//
// Errors: an invalid opt (a *[profile.Problem] with Path "max_recruits", wrapping [ErrInvalidRound]); an
// error for a Proposal that did not come from [Propose]; ctx.Err() when
// ctx ends first; [ErrRoundTooLarge] as for [Proposal.Alternatives], whose
// note on rounds solved on their allowed pairs holds here too.
//
// Cost: scoring the described mentors against the pool on their allowed
// pairs (the scorer's candidate generation: with the distance rule, the
// mentees near each), then, per need and per mentor valued, one shortest
// augmenting path from the proposal's optimal assignment and its
// certificate, O(m·n) at most for m pool mentees and n mentor seats and
// usually far less. A round that [Propose] solved on its allowed pairs is
// valued on that sparse problem, each recruit a column of its allowed
// pairs, in time and memory that grow with the allowed pairs (the values
// rounded to float32 as in the solve; Value's figures are worked out from
// the scores); a spread-out 5000×4000 round takes about 1.3 s of CPU
// time (README).
func (p Proposal) Needs(ctx context.Context, opt NeedsOptions) ([]Need, error) {
	st, max, err := p.needsSetup(ctx, opt)
	if err != nil {
		return nil, err
	}
	groups, err := st.menteeGroups(ctx, p.UnmatchedMentees)
	if err != nil {
		return nil, err
	}
	recruits := make([]profile.Mentor, len(groups))
	for k, grp := range groups {
		recruits[k] = st.recruit(grp.spec)
		recruits[k].ID = "recruit-" + strconv.Itoa(k+1) // numbered by rank below
		if v := st.policy.CheckMentor(recruits[k], st.on); len(v) > 0 {
			return nil, fmt.Errorf("match: internal error: the described mentor is not eligible (%s)", v[0].Code)
		}
	}
	if len(groups) == 0 {
		return []Need{}, nil
	}
	cols, err := st.recruitPairs(ctx, recruits)
	if err != nil {
		return nil, err
	}
	var base *growth
	sbase, err := st.newSparseGrowth()
	if err != nil {
		return nil, err
	}
	if sbase == nil {
		if err := st.ensureDense(ctx); err != nil {
			return nil, err
		}
		base = newGrowth(st)
	}
	out := make([]Need, 0, len(groups))
	for k, grp := range groups {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		col := cols[k]
		need := Need{Mentor: recruits[k], Reasons: map[string]int{}, MenteeIDs: []string{}}
		for i, row := range grp.members {
			if _, ok := col.score(row); ok {
				need.MenteeIDs = append(need.MenteeIDs, st.menteeIDs[row])
				need.Reasons[grp.reasons[i]]++
				need.WaitingDays += st.waited(&st.poolMentees[row])
			}
		}
		if len(need.MenteeIDs) == 0 {
			continue
		}
		slices.Sort(need.MenteeIDs)
		if sbase != nil {
			need.Value = gains(sbase, max, func(g *sparseGrowth) { g.addMentor(col) })
		} else {
			val, sc := col.dense(st)
			need.Value = gains(base, max, func(g *growth) { g.addSeat(val, sc) })
		}
		need.Wanted = st.wanted(grp.spec, false)
		out = append(out, need)
	}
	slices.SortStableFunc(out, func(x, y Need) int {
		return cmpNeeds(x.Value, y.Value, x.WaitingDays, y.WaitingDays, x.Wanted, y.Wanted, x.MenteeIDs[0], y.MenteeIDs[0])
	})
	for k := range out {
		out[k].Mentor.ID = st.freshID("recruit-"+strconv.Itoa(k+1), st.mentorIdx)
	}
	return out, nil
}

// Outreach is the counterpart of [Proposal.Needs] for the eligible mentors
// left without a mentee (no_compatible_mentee, outcompeted,
// below_min_score): it groups them by the mentee who would match them,
// describes that mentee, and values 1, 2, … [NeedsOptions.MaxRecruits]
// such mentees exactly as re-running [Propose] with them added would
// (counting the seats a mentor of capacity above the pool's size gains
// when the pool grows). The new mentees apply on the round's day, so they
// earn no waiting priority.
//
// Outreach entries are sorted by duos per mentee found, then by the number
// of mentors, then by Wanted (its codes) and the first mentor ID. What [Proposal.Needs]
// says of mentees who cannot be served and of ties holds here for
// mentors. Errors and cost: as for Needs, with the roles swapped.
func (p Proposal) Outreach(ctx context.Context, opt NeedsOptions) ([]Outreach, error) {
	st, max, err := p.needsSetup(ctx, opt)
	if err != nil {
		return nil, err
	}
	groups, err := st.mentorGroups(ctx, p.UnmatchedMentors)
	if err != nil {
		return nil, err
	}
	found := make([]profile.Mentee, len(groups))
	for k, grp := range groups {
		found[k] = st.outreachMentee(grp.spec)
		found[k].ID = "outreach-" + strconv.Itoa(k+1) // numbered by rank below
		if v := st.policy.CheckMentee(found[k], st.on); len(v) > 0 {
			return nil, fmt.Errorf("match: internal error: the described mentee is not eligible (%s)", v[0].Code)
		}
	}
	if len(groups) == 0 {
		return []Outreach{}, nil
	}
	scores, err := st.scoreNew(ctx, found, st.spare)
	if err != nil {
		return nil, err
	}
	if err := st.ensureDense(ctx); err != nil {
		return nil, err
	}
	base := newGrowth(st)
	seatsOf := make([]int, len(st.spare)) // seats in the pool, per spare mentor
	firstSeat := make([]int, len(st.spare))
	for c := range firstSeat {
		firstSeat[c] = -1
	}
	for s, c := range st.seatMentor {
		if firstSeat[c] < 0 {
			firstSeat[c] = s
		}
		seatsOf[c]++
	}
	out := make([]Outreach, 0, len(groups))
	for k, grp := range groups {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		val, sc := make([]float64, len(st.spare)), make([]float64, len(st.spare))
		for c := range st.spare {
			sc[c] = scores.At(k, c)
			val[c] = st.value(sc[c], 0)
		}
		o := Outreach{Mentee: found[k], Reasons: map[string]int{}, MentorIDs: []string{}}
		for i, c := range grp.members {
			if st.allowed(sc[c]) {
				o.MentorIDs = append(o.MentorIDs, st.spare[c].ID)
				o.Reasons[grp.reasons[i]]++
			}
		}
		if len(o.MentorIDs) == 0 {
			continue
		}
		slices.Sort(o.MentorIDs)
		seats := slices.Clone(seatsOf) // per spare mentor, in the grown pool
		var extraMentor []int          // spare mentor of each seat added
		o.Value = gains(base, max, func(g *growth) { st.growRow(g, val, sc, seats, &extraMentor, firstSeat) })
		o.Wanted = st.wanted(grp.spec, true)
		out = append(out, o)
	}
	slices.SortStableFunc(out, func(x, y Outreach) int {
		return cmpNeeds(x.Value, y.Value, len(x.MentorIDs), len(y.MentorIDs), x.Wanted, y.Wanted, x.MentorIDs[0], y.MentorIDs[0])
	})
	for k := range out {
		out[k].Mentee.ID = st.freshID("outreach-"+strconv.Itoa(k+1), st.menteeIdx)
	}
	return out, nil
}

// growRow adds one new mentee to g: first a seat for every mentor whose
// free places the pool's size capped (a re-run has one row more), then the
// row, with the mentee's value val[c] and score sc[c] for each spare
// mentor c.
func (st *roundState) growRow(g *growth, val, sc []float64, seats []int, extraMentor *[]int, firstSeat []int) {
	for c := range st.spare {
		if seats[c] >= st.spareFree[c] || seats[c] >= g.rows()+1 {
			continue
		}
		cv, cs := make([]float64, g.rows()), make([]float64, g.rows())
		for r := range g.rows() {
			if r < g.rows0 {
				cv[r], cs[r] = g.at(r, firstSeat[c])
			} else {
				cv[r], cs[r] = val[c], sc[c]
			}
		}
		g.addSeat(cv, cs)
		seats[c]++
		*extraMentor = append(*extraMentor, c)
	}
	rv, rs := make([]float64, g.seats()), make([]float64, g.seats())
	for s := range g.seats() {
		c := 0
		if s < g.seats0 {
			c = st.seatMentor[s]
		} else {
			c = (*extraMentor)[s-g.seats0]
		}
		rv[s], rs[s] = val[c], sc[c]
	}
	g.addRow(rv, rs)
}

// gains grows a clone of base by one new person at a time with add, up to
// max, and returns the gains against base, stopping before the first
// person who brings neither a duo nor any objective.
func gains[G grower[G]](base G, max int, add func(G)) []Gain {
	duos0, obj0, total0 := base.outcome()
	g := base.clone()
	out := []Gain{}
	prevDuos, prevObj := duos0, obj0
	for n := 1; n <= max; n++ {
		add(g)
		duos, obj, total := g.outcome()
		if duos <= prevDuos && obj <= prevObj+gainEpsilon {
			break
		}
		out = append(out, Gain{Recruits: n, Duos: duos - duos0, Objective: obj - obj0, Total: total - total0})
		prevDuos, prevObj = duos, obj
	}
	return out
}

// grower is an optimal assignment of a round that grows by new people:
// [growth] on the round's dense matrix, [sparseGrowth] on its sparse
// problem.
type grower[G any] interface {
	// clone returns a copy that grows independently.
	clone() G
	// outcome returns the duos, the objective and the total of the
	// proposal the current assignment makes.
	outcome() (duos int, objective, total float64)
}

// gainEpsilon is the smallest gain of the objective that counts: less is
// rounding.
const gainEpsilon = 1e-9

// cmpNeeds orders needs and outreach: more duos per person recruited
// first (the best rate over Value: k people who bring d duos, d/k), then
// the larger weight (waiting days, mentors), then the description (its
// codes) and the first ID.
func cmpNeeds(vx, vy []Gain, wx, wy int, dx, dy Wanted, idx, idy string) int {
	rate := func(v []Gain) float64 {
		best := 0.0
		for _, g := range v {
			best = max(best, float64(g.Duos)/float64(g.Recruits))
		}
		return best
	}
	if rx, ry := rate(vx), rate(vy); rx != ry {
		if rx > ry {
			return -1
		}
		return 1
	}
	if wx != wy {
		if wx > wy {
			return -1
		}
		return 1
	}
	if c := dx.compare(dy); c != 0 {
		return c
	}
	return strings.Compare(idx, idy)
}

// needsSetup checks the proposal and the options and returns the round
// state and the number of recruits to value.
func (p Proposal) needsSetup(ctx context.Context, opt NeedsOptions) (*roundState, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	if p.state == nil {
		return nil, 0, errors.New("match: Needs and Outreach need a Proposal returned by Propose")
	}
	switch n := opt.MaxRecruits; {
	case n == 0:
		return p.state, DefaultMaxRecruits, nil
	case n < 0 || n > MaxRecruitsLimit:
		def, most := strconv.Itoa(DefaultMaxRecruits), strconv.Itoa(MaxRecruitsLimit)
		return nil, 0, roundProblem("max_recruits", "", "bad_max_recruits", "must be 0 (the default, "+def+") or from 1 to "+most, def, most)
	default:
		return p.state, n, nil
	}
}

// scoreNew scores mentees against mentors with the round's scorer; the new
// people have no exclusions.
func (st *roundState) scoreNew(ctx context.Context, mentees []profile.Mentee, mentors []profile.Mentor) (*mat.Dense, error) {
	pool, err := st.scorer.Compile(ctx, mentees, mentors)
	if err != nil {
		return nil, fmt.Errorf("match: scoring the described profiles: %w", err)
	}
	return pool.Matrix(ctx)
}

// value is the solver's value of a pair with score sc for a mentee of
// priority prio, as solverMatrix lays it out.
func (st *roundState) value(sc, prio float64) float64 {
	switch {
	case st.allowed(sc):
		return sc + prio
	case st.objective == BestTotal:
		return 0
	}
	return math.Inf(-1)
}

// freshID returns id, or id with a suffix, that no one in taken has.
func (st *roundState) freshID(id string, taken map[string]int) string {
	out := id
	for n := 2; ; n++ {
		if _, dup := taken[out]; !dup {
			return out
		}
		out = id + "-" + strconv.Itoa(n)
	}
}
