package match

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
	"gonum.org/v1/gonum/mat"
)

// MaxWaitDays caps the days of waiting that earn priority in a round (see
// [Round.WaitBonus]), and OverdueDays is how long a mentee may wait before
// the proposal lists them as overdue: the model programme promises a match
// within one month of applying.
const (
	MaxWaitDays = 30
	OverdueDays = 30
)

// MaxCells bounds the size of the assignment problem of a round: pool
// mentees times mentor seats (a mentor with capacity 3 has 3 seats, never
// more than there are mentees). A round beyond it is an error rather than
// an allocation of several gigabytes; 1<<27 cells is about 11 600 mentees
// by 11 600 seats, and 1 GiB per copy of the matrix.
const MaxCells = 1 << 27

// MaxWaitBonus bounds [Round.WaitBonus]: a priority of 1e6 a day already
// outweighs any difference of scores, and a bound keeps every sum of
// priorities finite.
const MaxWaitBonus = 1e6

// ErrRoundTooLarge is returned, wrapped in a
// [*RoundError], when a round's assignment problem exceeds [MaxCells].
var ErrRoundTooLarge = errors.New("match: round too large")

// The reasons an [Unmatched] person gives. They are stable codes: services
// may switch on them.
const (
	// ReasonIneligible: the person fails the programme's eligibility
	// policy; Violations lists every rule they fail.
	ReasonIneligible = "ineligible"
	// ReasonNoCompatibleMentor: every pair with an available mentor is
	// blocked by a hard rule; Blocked counts the rules.
	ReasonNoCompatibleMentor = "no_compatible_mentor"
	// ReasonNoCompatibleMentee: the mentor's counterpart of
	// ReasonNoCompatibleMentor.
	ReasonNoCompatibleMentee = "no_compatible_mentee"
	// ReasonBelowMinScore: some pairs are allowed, but all of them score
	// below the round's MinScore.
	ReasonBelowMinScore = "below_min_score"
	// ReasonOutcompeted: a compatible partner existed, but the pool did
	// better giving them to someone else; Best names the best such partner
	// and who took them.
	ReasonOutcompeted = "outcompeted"
	// ReasonAtCapacity: the mentor's pinned duos already use all of their
	// capacity, so they take no new mentee in this round.
	ReasonAtCapacity = "at_capacity"
)

// Objective says what a round optimises.
type Objective int

const (
	// MostMatched forms as many duos as possible and, among the ways to do
	// that, the one with the best total. It is the default: in the model
	// programme a mentee left out waits another month.
	MostMatched Objective = iota
	// BestTotal forms the duos with the best total, even if that leaves
	// someone out who could have been matched with a weaker duo.
	BestTotal
)

// String returns "most_matched" or "best_total".
func (o Objective) String() string {
	switch o {
	case MostMatched:
		return "most_matched"
	case BestTotal:
		return "best_total"
	}
	return fmt.Sprintf("Objective(%d)", int(o))
}

// MarshalText writes the objective's name.
func (o Objective) MarshalText() ([]byte, error) {
	if o != MostMatched && o != BestTotal {
		return nil, fmt.Errorf("match: unknown objective %d", int(o))
	}
	return []byte(o.String()), nil
}

// UnmarshalText reads "most_matched" or "best_total"; the empty string is
// MostMatched.
func (o *Objective) UnmarshalText(b []byte) error {
	switch string(b) {
	case "", "most_matched":
		*o = MostMatched
	case "best_total":
		*o = BestTotal
	default:
		return fmt.Errorf("unknown objective %q (want \"most_matched\" or \"best_total\")", clipText(string(b)))
	}
	return nil
}

// Duo names a mentee and a mentor.
type Duo struct {
	MenteeID string `json:"mentee_id"`
	MentorID string `json:"mentor_id"`
}

// Round is everything a matching round needs: the pools, the rules and the
// coordinators' decisions. The zero values of Policy and Scorer mean the
// model programme's defaults.
type Round struct {
	// On is the day of the round: ages, EU membership and waiting days are
	// taken on it. It is required.
	On      profile.Date     `json:"on"`
	Mentees []profile.Mentee `json:"mentees"`
	Mentors []profile.Mentor `json:"mentors"`
	// Policy decides who is eligible; the zero value is
	// [profile.DefaultPolicy].
	Policy profile.Policy `json:"policy"`
	// Scorer decides which pairs are allowed and how well they fit; the
	// zero value is [scoring.Default]. Its Excluded list applies together
	// with the round's.
	Scorer scoring.Scorer `json:"scorer"`
	// Pinned are duos that exist or that staff decided. They are kept as
	// they are, never broken, and use their mentor's capacity. Their
	// people are not proposed to anyone else, whatever their eligibility
	// today.
	Pinned []Duo `json:"pinned,omitempty"`
	// Excluded are pairs never to propose, e.g. because their first meeting
	// failed.
	Excluded []Duo `json:"excluded,omitempty"`
	// MinScore: allowed pairs scoring below it are not proposed. 0 (the
	// default) lets every allowed pair through, since scores lie in [0,1].
	MinScore float64 `json:"min_score,omitempty"`
	// Objective is MostMatched (the default) or BestTotal.
	Objective Objective `json:"objective"`
	// WaitBonus is the priority a mentee earns per day waited since
	// applied_on, up to MaxWaitDays days; 0 means none. Priority only moves
	// the objective (when mentors are scarce, the longest-waiting compatible
	// mentees are matched first); it never changes a duo's score.
	WaitBonus float64 `json:"wait_bonus,omitempty"`
}

// Proposal is the answer of a round: the duos to form, who is left out and
// why. Its JSON form is what a coordinator's tool shows.
type Proposal struct {
	// Duos are the pinned and the proposed duos, sorted by mentee ID.
	Duos []ProposedDuo `json:"duos"`
	// UnmatchedMentees are the mentees without a duo, sorted by ID.
	UnmatchedMentees []Unmatched `json:"unmatched_mentees"`
	// UnmatchedMentors are the mentors who get no new mentee in this round,
	// sorted by ID. A mentor with capacity 2 who gets one new mentee is not
	// listed.
	UnmatchedMentors []Unmatched `json:"unmatched_mentors"`
	// Total is the sum of the proposed (not pinned) duos' compatibility
	// scores.
	Total float64 `json:"total"`
	// ObjectiveValue is the value the round maximised: the sum over
	// proposed duos of score plus priority. [Alternative.Loss] is a change
	// of it.
	ObjectiveValue float64 `json:"objective_value"`
	// Overdue lists the eligible mentees left unmatched who applied more
	// than OverdueDays days before the round, sorted.
	Overdue []string `json:"overdue"`

	state *roundState
}

// ProposedDuo is one duo of a proposal.
type ProposedDuo struct {
	MenteeID string `json:"mentee_id"`
	MentorID string `json:"mentor_id"`
	// Score is the duo's compatibility in [0,1] and Parts explain it,
	// criterion by criterion. For a pinned duo that today's hard rules would
	// block, Score is the weighted sum of the parts and Blocked lists the
	// rules (the duo is kept all the same).
	Score   float64          `json:"score"`
	Parts   []scoring.Part   `json:"parts"`
	Blocked []scoring.Reason `json:"blocked,omitempty"`
	// Pinned marks a duo that was given, not proposed.
	Pinned bool `json:"pinned"`
	// Priority is the waiting priority the mentee brought to the objective
	// (0 for pinned duos).
	Priority float64 `json:"priority"`
}

// Unmatched is a person without a (new) duo and the reason.
type Unmatched struct {
	ID     string `json:"id"`
	Reason string `json:"reason"`
	// Violations are the eligibility rules the person fails
	// (ReasonIneligible).
	Violations []profile.Violation `json:"violations,omitempty"`
	// Blocked counts, over the available partners, the hard rules that
	// blocked each pair (ReasonNoCompatibleMentor, ReasonNoCompatibleMentee),
	// e.g. {"no_shared_language": 12, "too_far": 3}. A pair blocked by two
	// rules counts for both.
	Blocked map[string]int `json:"blocked,omitempty"`
	// Best is the best compatible partner the person could have had
	// (ReasonOutcompeted).
	Best *Candidate `json:"best,omitempty"`
}

// Candidate is a partner an unmatched person could have had: its ID, the
// pair's score, and who the proposal gave that partner to instead.
type Candidate struct {
	ID      string   `json:"id"`
	Score   float64  `json:"score"`
	TakenBy []string `json:"taken_by"`
}

// roundState is what a Proposal keeps so that Alternatives can answer
// without solving again.
type roundState struct {
	objective  Objective
	minScore   float64
	menteeIDs  []string // pool rows
	mentorIDs  []string // pool mentors (columns of scores)
	seatMentor []int    // seat (solver column) -> pool mentor
	scores     *mat.Dense
	solver     []float64 // rows x seats, -Inf where not allowed
	seats      int
	priority   []float64
	assignment Assignment
	rowOf      map[string]int    // mentee ID -> pool row
	notInPool  map[string]string // mentee ID -> why it has no alternatives
}

// ErrInvalidRound is returned, wrapped in [*RoundError] values joined
// together, by [Propose] when the round itself is malformed: no date, a
// NaN setting, duplicate IDs, a pinned or excluded duo naming an unknown
// person. Malformed profiles are reported with the profile package's
// errors (test with errors.Is(err, profile.ErrInvalid)). Test for it with
// errors.Is.
var ErrInvalidRound = errors.New("match: invalid round")

// ErrUnknownMentee is returned by [Proposal.Alternatives] for a mentee ID
// the round did not have, and ErrNotInPool for a mentee who was not part of
// the optimisation (ineligible or pinned).
var (
	ErrUnknownMentee = errors.New("match: unknown mentee")
	ErrNotInPool     = errors.New("match: mentee was not in the round's pool")
)

// RoundError is one problem of a malformed round: the JSON field it is in,
// the participant ID it concerns (if any) and what is wrong. It unwraps to
// [ErrInvalidRound].
type RoundError struct {
	Field   string
	ID      string
	Problem string
	// Err, when set, is a more specific sentinel such as
	// [ErrRoundTooLarge]; errors.Is finds it as well as ErrInvalidRound.
	Err error
}

func (e *RoundError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("round: %s: %s: %s", e.Field, e.ID, e.Problem)
	}
	return fmt.Sprintf("round: %s: %s", e.Field, e.Problem)
}

// Unwrap returns [ErrInvalidRound], and Err when it is set.
func (e *RoundError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrInvalidRound, e.Err}
	}
	return []error{ErrInvalidRound}
}

// Propose runs a matching round: it checks the round, sets aside ineligible
// people and pinned duos, scores every remaining mentee against every
// remaining mentor seat, solves the assignment exactly with [Assign], and
// explains the result for every person.
//
// The proposal depends only on the round's content, not on the order of
// Mentees, Mentors, Pinned or Excluded: people are taken in ID order.
//
// Errors: every problem of a malformed round at once, joined — malformed
// profiles (profile.ErrInvalid), duplicate IDs, pinned or excluded duos
// naming unknown IDs, a mentee pinned twice, a mentor pinned beyond
// capacity, a pair both pinned and excluded, a missing date, NaN or
// infinite settings (ErrInvalidRound); an invalid Policy or Scorer; and
// ctx.Err() when ctx ends first. A round with no mentees or no mentors is
// valid: everybody is unmatched with the right reason.
//
// Cost: scoring is O(m·n) for m pool mentees and n mentor seats, solving
// O(min(m,n)²·max(m,n)) in the worst case, explanations O(m·n).
func Propose(ctx context.Context, r Round) (Proposal, error) {
	if err := ctx.Err(); err != nil {
		return Proposal{}, err
	}
	b, err := newBuilder(r)
	if err != nil {
		return Proposal{}, err
	}
	return b.run(ctx)
}

// builder holds one round's working state.
type builder struct {
	r       Round
	scorer  scoring.Scorer
	mentees []profile.Mentee // sorted by ID
	mentors []profile.Mentor // sorted by ID
	meIdx   map[string]int
	moIdx   map[string]int

	pinnedMentor map[int]int // mentee index -> mentor index
	pinnedCount  []int       // per mentor
	pinnedDuos   [][2]int    // (mentee, mentor) sorted

	menteeViol [][]profile.Violation
	mentorViol [][]profile.Violation
	compiled   *scoring.Pool // the pool's compiled profiles; nil when a side is empty
}

func newBuilder(r Round) (*builder, error) {
	var errs []error
	bad := func(field, id, format string, args ...any) {
		errs = append(errs, &RoundError{Field: field, ID: id, Problem: fmt.Sprintf(format, args...)})
	}
	if r.On.IsZero() {
		bad("on", "", "the day of the round is required")
	}
	if math.IsNaN(r.MinScore) || math.IsInf(r.MinScore, 0) {
		bad("min_score", "", "must be a finite number")
	}
	if !(r.WaitBonus >= 0 && r.WaitBonus <= MaxWaitBonus) {
		bad("wait_bonus", "", "must be a number from 0 to %g", float64(MaxWaitBonus))
	}
	if r.Objective != MostMatched && r.Objective != BestTotal {
		bad("objective", "", "unknown objective %d", int(r.Objective))
	}
	if r.Policy.IsZero() {
		r.Policy = profile.DefaultPolicy()
	} else if err := r.Policy.Validate(); err != nil {
		errs = append(errs, err)
	}
	scorer := r.Scorer
	if scorer.IsZero() {
		scorer = scoring.Default()
	}
	if err := scorer.Validate(); err != nil {
		errs = append(errs, err)
	}

	b := &builder{r: r}
	b.mentees = slices.Clone(r.Mentees)
	slices.SortStableFunc(b.mentees, func(x, y profile.Mentee) int { return strings.Compare(x.ID, y.ID) })
	b.mentors = slices.Clone(r.Mentors)
	slices.SortStableFunc(b.mentors, func(x, y profile.Mentor) int { return strings.Compare(x.ID, y.ID) })

	b.meIdx = make(map[string]int, len(b.mentees))
	for i := range b.mentees {
		m := &b.mentees[i]
		if err := m.Validate(); err != nil {
			errs = append(errs, err)
		}
		if _, dup := b.meIdx[m.ID]; dup {
			bad("mentees", m.ID, "duplicate mentee id")
		}
		b.meIdx[m.ID] = i
	}
	b.moIdx = make(map[string]int, len(b.mentors))
	for j := range b.mentors {
		m := &b.mentors[j]
		if err := m.Validate(); err != nil {
			errs = append(errs, err)
		}
		if _, dup := b.moIdx[m.ID]; dup {
			bad("mentors", m.ID, "duplicate mentor id")
		}
		b.moIdx[m.ID] = j
	}

	// Pinned and excluded duos, taken in a canonical order so that the
	// errors, too, do not depend on the input order.
	pinned := sortedDuos(r.Pinned)
	excluded := sortedDuos(r.Excluded)
	b.pinnedMentor = make(map[int]int)
	b.pinnedCount = make([]int, len(b.mentors))
	for _, d := range pinned {
		i, okI := b.meIdx[d.MenteeID]
		j, okJ := b.moIdx[d.MentorID]
		if !okI {
			bad("pinned", d.MenteeID, "pinned duo names an unknown mentee")
		}
		if !okJ {
			bad("pinned", d.MentorID, "pinned duo names an unknown mentor")
		}
		if !okI || !okJ {
			continue
		}
		if prev, dup := b.pinnedMentor[i]; dup {
			if prev != j {
				bad("pinned", d.MenteeID, "mentee is pinned to two mentors")
			}
			continue
		}
		b.pinnedMentor[i] = j
		b.pinnedCount[j]++
		b.pinnedDuos = append(b.pinnedDuos, [2]int{i, j})
	}
	for j, n := range b.pinnedCount {
		if c := b.mentors[j].EffectiveCapacity(); n > c && c >= 1 {
			bad("pinned", b.mentors[j].ID, "mentor is pinned to %d mentees but has capacity %d", n, c)
		}
	}
	for _, d := range excluded {
		i, okI := b.meIdx[d.MenteeID]
		j, okJ := b.moIdx[d.MentorID]
		if !okI {
			bad("excluded", d.MenteeID, "excluded duo names an unknown mentee")
		}
		if !okJ {
			bad("excluded", d.MentorID, "excluded duo names an unknown mentor")
		}
		if okI && okJ {
			if pj, ok := b.pinnedMentor[i]; ok && pj == j {
				bad("excluded", d.MenteeID, "duo with %s is both pinned and excluded", d.MentorID)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	scorer.Excluded = append(slices.Clone(scorer.Excluded), toExclusions(excluded)...)
	b.scorer = scorer
	return b, nil
}

func sortedDuos(ds []Duo) []Duo {
	out := slices.Clone(ds)
	slices.SortFunc(out, func(a, b Duo) int {
		if c := strings.Compare(a.MenteeID, b.MenteeID); c != 0 {
			return c
		}
		return strings.Compare(a.MentorID, b.MentorID)
	})
	return slices.Compact(out)
}

func toExclusions(ds []Duo) []scoring.Exclusion {
	out := make([]scoring.Exclusion, len(ds))
	for k, d := range ds {
		out[k] = scoring.Exclusion{MenteeID: d.MenteeID, MentorID: d.MentorID}
	}
	return out
}

// pool is the part of a round that is optimised: eligible, unpinned
// mentees (rows) and eligible mentors with free seats (columns).
type pool struct {
	rows       []int // mentee indices
	cols       []int // mentor indices
	seatsOf    []int // per pool column
	seatMentor []int // seat -> pool column
	priority   []float64
}

func (b *builder) run(ctx context.Context) (Proposal, error) {
	r := &b.r
	b.menteeViol = make([][]profile.Violation, len(b.mentees))
	b.mentorViol = make([][]profile.Violation, len(b.mentors))
	var p pool
	for i := range b.mentees {
		b.menteeViol[i] = r.Policy.CheckMentee(b.mentees[i], r.On)
		if _, pinned := b.pinnedMentor[i]; !pinned && len(b.menteeViol[i]) == 0 {
			p.rows = append(p.rows, i)
		}
	}
	for j := range b.mentors {
		b.mentorViol[j] = r.Policy.CheckMentor(b.mentors[j], r.On)
		free := b.mentors[j].EffectiveCapacity() - b.pinnedCount[j]
		if len(b.mentorViol[j]) == 0 && free > 0 {
			// More seats than mentees are of no use to anyone.
			free = min(free, len(p.rows))
			if free > 0 {
				p.cols = append(p.cols, j)
				p.seatsOf = append(p.seatsOf, free)
			}
		}
	}
	for c, s := range p.seatsOf {
		for range s {
			p.seatMentor = append(p.seatMentor, c)
		}
	}
	p.priority = make([]float64, len(p.rows))
	if r.WaitBonus > 0 {
		for k, i := range p.rows {
			applied := b.mentees[i].AppliedOn
			if applied.IsZero() {
				continue
			}
			days := min(max(r.On.DaysSince(applied), 0), MaxWaitDays)
			p.priority[k] = r.WaitBonus * float64(days)
		}
	}

	if len(p.rows) > 0 && len(p.seatMentor) > MaxCells/len(p.rows) {
		return Proposal{}, &RoundError{Field: "mentors", Err: ErrRoundTooLarge, Problem: fmt.Sprintf(
			"%d eligible mentees times %d mentor seats is more than the limit of %d pairs (MaxCells)", len(p.rows), len(p.seatMentor), MaxCells)}
	}
	st := &roundState{
		objective:  r.Objective,
		minScore:   r.MinScore,
		seatMentor: p.seatMentor,
		seats:      len(p.seatMentor),
		priority:   p.priority,
		rowOf:      make(map[string]int, len(p.rows)),
		notInPool:  make(map[string]string),
	}
	for k, i := range p.rows {
		st.menteeIDs = append(st.menteeIDs, b.mentees[i].ID)
		st.rowOf[b.mentees[i].ID] = k
	}
	for _, j := range p.cols {
		st.mentorIDs = append(st.mentorIDs, b.mentors[j].ID)
	}
	for i := range b.mentees {
		switch _, pinned := b.pinnedMentor[i]; {
		case pinned:
			st.notInPool[b.mentees[i].ID] = "pinned"
		case len(b.menteeViol[i]) > 0:
			st.notInPool[b.mentees[i].ID] = "ineligible"
		}
	}

	// Score and solve.
	seatOf := make([]int, len(p.rows)) // pool row -> seat, or -1
	for k := range seatOf {
		seatOf[k] = -1
	}
	if len(p.rows) > 0 && len(p.cols) > 0 {
		poolMentees := make([]profile.Mentee, len(p.rows))
		for k, i := range p.rows {
			poolMentees[k] = b.mentees[i]
		}
		poolMentors := make([]profile.Mentor, len(p.cols))
		for k, j := range p.cols {
			poolMentors[k] = b.mentors[j]
		}
		compiled, err := b.scorer.Compile(ctx, poolMentees, poolMentors)
		if err != nil {
			return Proposal{}, err
		}
		scores, err := compiled.Matrix(ctx)
		if err != nil {
			return Proposal{}, err
		}
		b.compiled = compiled
		st.scores = scores
		st.solver = b.solverMatrix(scores, &p)
		a, err := Assign(ctx, mat.NewDense(len(p.rows), st.seats, st.solver))
		if err != nil {
			return Proposal{}, err
		}
		st.assignment = a
		for _, pr := range a.Pairs {
			if b.allowed(scores.At(pr.Row, p.seatMentor[pr.Col])) {
				seatOf[pr.Row] = pr.Col
			}
		}
		if r.Objective == BestTotal {
			b.fillZeroPairs(scores, &p, seatOf)
		}
	}
	if err := ctx.Err(); err != nil {
		return Proposal{}, err
	}
	return b.explain(&p, st, seatOf), nil
}

// allowed reports whether a pair with score v may be proposed.
func (b *builder) allowed(v float64) bool { return allowedScore(v, b.r.MinScore) }

func (st *roundState) allowed(v float64) bool { return allowedScore(v, st.minScore) }

func allowedScore(v, minScore float64) bool { return !math.IsInf(v, -1) && v >= minScore }

// solverMatrix lays out the matrix Assign solves: one column per mentor
// seat, score plus the mentee's priority where the pair is allowed. For
// MostMatched a pair that is not allowed is -Inf, a removed edge. For
// BestTotal it is 0 instead: every allowed value is ≥ 0, so a best-total
// assignment of the full matrix, less its 0-valued pairs that are not
// allowed, is a best-total assignment among allowed pairs — and on a full
// matrix the solver's "most pairs first" rule costs nothing.
func (b *builder) solverMatrix(scores *mat.Dense, p *pool) []float64 {
	rows, seats := len(p.rows), len(p.seatMentor)
	out := make([]float64, rows*seats)
	blocked := math.Inf(-1)
	if b.r.Objective == BestTotal {
		blocked = 0
	}
	for i := 0; i < rows; i++ {
		row := out[i*seats : (i+1)*seats]
		for s, c := range p.seatMentor {
			v := scores.At(i, c)
			if b.allowed(v) {
				row[s] = v + p.priority[i]
			} else {
				row[s] = blocked
			}
		}
	}
	return out
}

// fillZeroPairs adds, for BestTotal, allowed pairs worth exactly 0 between
// mentees and seats that the solver left free: they do not change the
// objective, and a coordinator would rather see them proposed. Rows and
// seats are taken in order, so the result is deterministic.
func (b *builder) fillZeroPairs(scores *mat.Dense, p *pool, seatOf []int) {
	used := make([]bool, len(p.seatMentor))
	for _, s := range seatOf {
		if s >= 0 {
			used[s] = true
		}
	}
	for i, s := range seatOf {
		if s >= 0 {
			continue
		}
		for t, c := range p.seatMentor {
			if !used[t] && b.allowed(scores.At(i, c)) && scores.At(i, c)+p.priority[i] == 0 {
				seatOf[i], used[t] = t, true
				break
			}
		}
	}
}

// explain turns the solution into a Proposal: duos with their parts,
// unmatched people with their reasons.
func (b *builder) explain(p *pool, st *roundState, seatOf []int) Proposal {
	r := &b.r
	out := Proposal{state: st, UnmatchedMentees: []Unmatched{}, UnmatchedMentors: []Unmatched{}, Overdue: []string{}}

	for _, d := range b.pinnedDuos {
		me, mo := &b.mentees[d[0]], &b.mentors[d[1]]
		res := b.scorer.Pair(me, mo)
		duo := ProposedDuo{MenteeID: me.ID, MentorID: mo.ID, Score: res.Score, Parts: res.Parts, Pinned: true}
		if len(res.Blocked) > 0 {
			duo.Blocked = res.Blocked
			duo.Score = sumContributions(res.Parts)
		}
		out.Duos = append(out.Duos, duo)
	}

	// Proposed duos, and who took each pool mentor.
	takenBy := make([][]string, len(p.cols))
	mentorOfRow := make([]int, len(p.rows)) // pool row -> pool column or -1
	for k, s := range seatOf {
		mentorOfRow[k] = -1
		if s < 0 {
			continue
		}
		c := p.seatMentor[s]
		mentorOfRow[k] = c
		me, mo := &b.mentees[p.rows[k]], &b.mentors[p.cols[c]]
		out.Duos = append(out.Duos, ProposedDuo{
			MenteeID: me.ID, MentorID: mo.ID,
			Score: st.scores.At(k, c), Parts: b.compiled.Pair(k, c).Parts, Priority: p.priority[k],
		})
		takenBy[c] = append(takenBy[c], me.ID)
	}
	slices.SortFunc(out.Duos, func(x, y ProposedDuo) int {
		if c := strings.Compare(x.MenteeID, y.MenteeID); c != 0 {
			return c
		}
		return strings.Compare(x.MentorID, y.MentorID)
	})
	for _, d := range out.Duos {
		if !d.Pinned {
			out.Total += d.Score
			out.ObjectiveValue += d.Score + d.Priority
		}
	}

	// Unmatched mentees, in ID order.
	rowOfMentee := make(map[int]int, len(p.rows))
	for k, i := range p.rows {
		rowOfMentee[i] = k
	}
	for i := range b.mentees {
		me := &b.mentees[i]
		if _, pinned := b.pinnedMentor[i]; pinned {
			continue
		}
		if len(b.menteeViol[i]) > 0 {
			out.UnmatchedMentees = append(out.UnmatchedMentees, Unmatched{ID: me.ID, Reason: ReasonIneligible, Violations: b.menteeViol[i]})
			continue
		}
		k := rowOfMentee[i]
		if mentorOfRow[k] >= 0 {
			continue
		}
		u := Unmatched{ID: me.ID}
		best := b.whyLeftOut(&u, ReasonNoCompatibleMentor, len(p.cols),
			func(c int) float64 { return st.scores.At(k, c) },
			func(c int) []scoring.Reason { return b.compiled.Blocked(k, c) })
		if best >= 0 {
			u.Best = &Candidate{ID: b.mentors[p.cols[best]].ID, Score: st.scores.At(k, best), TakenBy: sortedOrEmpty(takenBy[best])}
		}
		out.UnmatchedMentees = append(out.UnmatchedMentees, u)
		if applied := me.AppliedOn; !applied.IsZero() && r.On.DaysSince(applied) > OverdueDays {
			out.Overdue = append(out.Overdue, me.ID)
		}
	}

	// Unmatched mentors, in ID order.
	colOfMentor := make(map[int]int, len(p.cols))
	for c, j := range p.cols {
		colOfMentor[j] = c
	}
	for j := range b.mentors {
		mo := &b.mentors[j]
		if len(b.mentorViol[j]) > 0 {
			out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: mo.ID, Reason: ReasonIneligible, Violations: b.mentorViol[j]})
			continue
		}
		c, inPool := colOfMentor[j]
		if !inPool {
			if b.pinnedCount[j] > 0 {
				out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: mo.ID, Reason: ReasonAtCapacity})
			} else {
				// No mentee was left in the pool to consider.
				out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: mo.ID, Reason: ReasonNoCompatibleMentee, Blocked: map[string]int{}})
			}
			continue
		}
		if len(takenBy[c]) > 0 {
			continue
		}
		u := Unmatched{ID: mo.ID}
		best := b.whyLeftOut(&u, ReasonNoCompatibleMentee, len(p.rows),
			func(k int) float64 { return st.scores.At(k, c) },
			func(k int) []scoring.Reason { return b.compiled.Blocked(k, c) })
		if best >= 0 {
			var by []string
			if mc := mentorOfRow[best]; mc >= 0 {
				by = []string{b.mentors[p.cols[mc]].ID}
			}
			u.Best = &Candidate{ID: b.mentees[p.rows[best]].ID, Score: st.scores.At(best, c), TakenBy: sortedOrEmpty(by)}
		}
		out.UnmatchedMentors = append(out.UnmatchedMentors, u)
	}
	if out.Duos == nil {
		out.Duos = []ProposedDuo{}
	}
	return out
}

// whyLeftOut sets the reason of a pool member left unmatched, given the
// scores of its n possible partners and the rules blocking each pair:
// noneCompatible (with the rules counted) when every pair is blocked,
// below_min_score when no allowed pair reaches MinScore, outcompeted
// otherwise. For outcompeted it returns the best partner (highest score,
// lowest index among equals), else -1.
func (b *builder) whyLeftOut(u *Unmatched, noneCompatible string, n int, score func(int) float64, blocked func(int) []scoring.Reason) int {
	best, anyFinite := -1, false
	for x := 0; x < n; x++ {
		v := score(x)
		if !math.IsInf(v, -1) {
			anyFinite = true
		}
		if b.allowed(v) && (best < 0 || v > score(best)) {
			best = x
		}
	}
	switch {
	case !anyFinite:
		u.Reason = noneCompatible
		u.Blocked = map[string]int{}
		for x := 0; x < n; x++ {
			for _, reason := range blocked(x) {
				u.Blocked[reason.Code]++
			}
		}
		return -1
	case best < 0:
		u.Reason = ReasonBelowMinScore
		return -1
	}
	u.Reason = ReasonOutcompeted
	return best
}

func sortedOrEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

func sumContributions(parts []scoring.Part) float64 {
	var s float64
	for _, p := range parts {
		s += p.Contribution
	}
	return s
}

// clipText shortens a token echoed in an error message, on a rune
// boundary, so that a huge input cannot make a huge message.
func clipText(s string) string {
	const max = 32
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
