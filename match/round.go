package match

import (
	"context"
	"errors"
	"fmt"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"

	"github.com/duomatch/duo/internal/msg"
)

// DefaultWaitBonus is the waiting priority a mentee earns per day waited
// when [Round.WaitBonus] is 0: 0.005 a day, so 0.15 after profile.MatchWithinDays
// (30) days. See [Round.WaitBonus] for the trade-off it makes.
const DefaultWaitBonus = 0.005

// MaxWaitBonus bounds [Round.WaitBonus]: a priority of 1e6 a day already
// outweighs any difference of scores, and a bound keeps every sum of
// priorities finite.
const MaxWaitBonus = 1e6

// MaxCells bounds the size of a round: the pairs of pool mentee and pool
// mentor that the hard rules allow (a mentor counts once per mentee,
// whatever their capacity). It is checked while the pairs are scored,
// which stops soon after the limit is passed: a round beyond it is an
// error ([ErrRoundTooLarge]) rather than an allocation of several
// gigabytes. 1<<27 pairs (134 million, e.g. 50 000 × 40 000 with 7 % of
// the pairs allowed) hold about 12 bytes each while scored and 8 more
// while solved, 2.7 GB in all. A round solved dense (see [Propose]) also
// has at most MaxCells mentee × seat cells, 8 bytes each per copy.
const MaxCells = 1 << 27

// The reasons an [Unmatched] person gives. They are stable codes: services
// may switch on them.
const (
	// ReasonIneligible: the person fails the programme's eligibility
	// policy; Violations lists every rule they fail.
	ReasonIneligible = "ineligible"
	// ReasonNoCompatibleMentor: every pair with an available mentor is
	// blocked by a hard rule, or no mentor has a free place; Blocked counts
	// the rules.
	ReasonNoCompatibleMentor = "no_compatible_mentor"
	// ReasonNoCompatibleMentee: the mentor's counterpart of
	// ReasonNoCompatibleMentor: every pair with a mentee of the round's
	// pool is blocked, or the pool has no mentee left to match.
	ReasonNoCompatibleMentee = "no_compatible_mentee"
	// ReasonBelowMinScore: some pairs are allowed, but all of them score
	// below the round's MinScore.
	ReasonBelowMinScore = "below_min_score"
	// ReasonOutcompeted: a compatible partner existed, but the pool did
	// better giving them to someone else; Best names the best such partner
	// and who took them.
	ReasonOutcompeted = "outcompeted"
	// ReasonPaused: the person is paused for this round (holidays,
	// illness: [profile.Mentee].Paused or [profile.Mentor].Paused) and is
	// not proposed to anyone. Their pinned duos are kept. Violations lists
	// the eligibility rules they would also fail today, if any.
	ReasonPaused = "paused"
	// ReasonInvalidProfile: the person's profile cannot be used (an
	// invalid field, a home the gazetteer does not know, an applied_on
	// after the round's day): they are set aside and everyone else is
	// matched. Problems lists every problem of the profile. See
	// [Round.Strict] to refuse the round instead.
	ReasonInvalidProfile = "invalid_profile"
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

// MarshalText writes the objective's name; an unknown objective is an
// error.
func (o Objective) MarshalText() ([]byte, error) {
	if o != MostMatched && o != BestTotal {
		return nil, fmt.Errorf("match: unknown objective %d", int(o))
	}
	return []byte(o.String()), nil
}

// UnmarshalText reads "most_matched" or "best_total"; the empty string is
// MostMatched. Anything else is an error that quotes the text, shortened.
func (o *Objective) UnmarshalText(b []byte) error {
	switch string(b) {
	case "", "most_matched":
		*o = MostMatched
	case "best_total":
		*o = BestTotal
	default:
		return fmt.Errorf("unknown objective %q (want \"most_matched\" or \"best_total\")", msg.Clip(string(b)))
	}
	return nil
}

// Duo names a mentee and a mentor.
type Duo struct {
	MenteeID string `json:"mentee_id"`
	MentorID string `json:"mentor_id"`
}

// Round is everything a matching round needs: the pools, the rules and the
// coordinators' decisions. Every setting's zero value means its documented
// default.
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
	// zero value is [scoring.Default].
	Scorer scoring.Scorer `json:"scorer"`
	// Pinned are duos that exist or that staff decided. They are kept as
	// they are, never broken, and use their mentor's capacity. Their
	// people are not proposed to anyone else, whatever their eligibility
	// today. A pinned duo must name a mentee and a mentor of the round.
	Pinned []Duo `json:"pinned,omitempty"`
	// Excluded are pairs never to propose, e.g. because their first meeting
	// failed. It is history: a programme's list only grows, so an entry
	// naming a mentee or a mentor who is not in the round is ignored and
	// counted in [Proposal.IgnoredExclusions], not an error.
	Excluded []Duo `json:"excluded,omitempty"`
	// MinScore: allowed pairs scoring below it are not proposed. 0 (the
	// default) lets every allowed pair through, since scores lie in [0,1].
	MinScore float64 `json:"min_score,omitempty"`
	// Objective is MostMatched (the default) or BestTotal.
	Objective Objective `json:"objective"`
	// WaitBonus is the priority a mentee earns per day waited since
	// applied_on, counted up to profile.MatchWithinDays days. 0 means
	// [DefaultWaitBonus], 0.005 a day; [profile.Off] (-1) turns the
	// priority off; other negative values and values above [MaxWaitBonus]
	// are errors.
	//
	// Priority moves the objective, never a duo's score. It decides who is
	// matched when mentors are scarce: among the ways to match the same
	// mentees, the priorities add up to the same amount, so scores alone
	// choose between them. With the default, a mentee who has waited 30 days
	// brings 0.15 and a newcomer 0: when one mentor suits both, the one who
	// waited gets the mentor unless the newcomer's pair scores more than
	// 0.15 higher (a pair of 0.60 for the one who waited beats 0.70 for the
	// newcomer; 0.50 does not). A week of waiting is worth 0.035. A mentee
	// without applied_on earns no priority and is listed in
	// [Proposal.MissingAppliedOn].
	WaitBonus float64 `json:"wait_bonus,omitempty"`
	// Strict refuses the round when a profile cannot be used: every
	// problem of every profile is then an error of [Propose]. By default
	// (false) a person whose profile cannot be used is set aside with
	// [ReasonInvalidProfile] and their problems, and everyone else is
	// matched: a coordinator's month is not blocked by one bad row, and
	// the proposal says who was set aside and why. A service that prefers
	// to refuse sets Strict, or refuses when [Proposal.SetAside] is not
	// nil. Set aside or not, some problems always refuse the round: those
	// of the round itself (no day, duplicate IDs, a pinned duo naming no
	// one of the round, bad settings), a person without a usable ID (the
	// proposal could not name them), and a person in a pinned duo (a kept
	// duo needs both profiles). [DecodeRound] follows it too: a document
	// with "strict": true is refused whole when a person's entry has a
	// problem.
	Strict bool `json:"strict,omitempty"`
	// Problems are the problems [DecodeRound] found in the entries of
	// mentees and mentors (a field of the wrong type, an unknown field, an
	// invalid profile), each with its JSON path ("mentees[3].birth_date")
	// and the person's ID: the people stay in Mentees and Mentors as far
	// as their entries could be read, and [Propose] sets aside each person
	// a problem names (by side and ID) with [ReasonInvalidProfile] and
	// these problems, in place of validating their profile, or refuses
	// the round as Strict says. A round built in Go leaves it nil; a
	// problem naming no one of the round is ignored. It is not part of
	// the JSON form.
	Problems []*profile.Problem `json:"-"`
}

// Proposal is the answer of a round: the duos to form, who is left out and
// why. Its JSON form is what a coordinator's tool shows; its lists are
// never null.
type Proposal struct {
	// Duos are the pinned and the proposed duos, sorted by mentee ID.
	Duos []ProposedDuo `json:"duos"`
	// UnmatchedMentees are the mentees without a duo, sorted by ID.
	UnmatchedMentees []Unmatched `json:"unmatched_mentees"`
	// UnmatchedMentors are the mentors who could take a new mentee but get
	// none in this round, sorted by ID. A mentor with capacity 2 who gets
	// one new mentee is not listed, nor is one in FullMentors.
	UnmatchedMentors []Unmatched `json:"unmatched_mentors"`
	// FullMentors are the mentors whose pinned duos use all of their
	// places, sorted: they take no new mentee in this round, whatever
	// their eligibility today.
	FullMentors []string `json:"full_mentors"`
	// Total is the sum of the proposed (not pinned) duos' compatibility
	// scores.
	Total float64 `json:"total"`
	// ObjectiveValue is the value the round maximised: the sum over
	// proposed duos of score plus priority. [Alternative.Loss] is a change
	// of it.
	ObjectiveValue float64 `json:"objective_value"`
	// Overdue lists the eligible mentees left unmatched who applied more
	// than profile.MatchWithinDays days before the round, sorted.
	Overdue []string `json:"overdue"`
	// MissingAppliedOn lists the mentees of the pool (eligible, not
	// pinned) without applied_on, sorted: they earn no waiting priority
	// and can never be listed as overdue.
	MissingAppliedOn []string `json:"missing_applied_on"`
	// IgnoredExclusions counts the entries of [Round.Excluded] that name a
	// mentee or a mentor who is not in the round.
	IgnoredExclusions int `json:"ignored_exclusions"`
	// SetAsideMentees and SetAsideMentors count the people set aside with
	// [ReasonInvalidProfile] (they are listed among the unmatched).
	SetAsideMentees int `json:"set_aside_mentees"`
	SetAsideMentors int `json:"set_aside_mentors"`

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

// Unmatched is a person without a (new) duo and the reason, one of the
// Reason constants.
type Unmatched struct {
	ID     string `json:"id"`
	Reason string `json:"reason"`
	// Violations are the eligibility rules the person fails
	// (ReasonIneligible, and ReasonPaused when the person would also be
	// ineligible).
	Violations []profile.Violation `json:"violations,omitempty"`
	// Blocked counts, over the available partners, the hard rules that
	// blocked each pair (ReasonNoCompatibleMentor, ReasonNoCompatibleMentee),
	// e.g. {"no_shared_language": 12, "too_far": 3}. A pair blocked by two
	// rules counts for both; it is empty when there was no partner at all.
	Blocked map[string]int `json:"blocked,omitempty"`
	// Best is the best compatible partner the person could have had
	// (ReasonOutcompeted).
	Best *Candidate `json:"best,omitempty"`
	// Problems are every problem of the profile (ReasonInvalidProfile),
	// each with the person's ID and the field's path within the profile
	// ("home", "languages[1].level"); a sheet's Report.Locate places them
	// in the sheet the person came from.
	Problems []*profile.Problem `json:"problems,omitempty"`
}

// Candidate is a partner an unmatched person could have had: its ID, the
// pair's score, and who the proposal gave that partner to instead.
type Candidate struct {
	ID      string   `json:"id"`
	Score   float64  `json:"score"`
	TakenBy []string `json:"taken_by"`
}

// Propose runs a matching round: it checks the round, sets aside ineligible
// people and pinned duos, scores the remaining mentees against the
// remaining mentors, solves the assignment exactly, and explains the result
// for every person.
//
// A round of at most 2^18 cells (pool mentees × mentor seats: 512 × 512)
// scores every cell and solves them with [lap.Assign]. A larger
// round scores only the pairs the hard rules allow
// ([scoring.Pool.Candidates]); when they are at most 20 % of the mentee ×
// mentor pairs, or the cells exceed MaxCells, it solves them with
// [lap.AssignSparse] (mentors as columns, seats as capacities), otherwise
// it lays them out dense for [lap.Assign]. Both solve the same problem
// exactly; where several proposals tie on the objective, the two solvers
// may choose different ones (the sparse solver rounds scores to float32,
// so its objective is within 1e-6 per duo of the dense one). The choice
// depends only on the round, so the same round gets the same proposal.
//
// The proposal depends only on the round's content, not on the order of
// Mentees, Mentors, Pinned or Excluded: people are taken in ID order.
//
// A person whose profile cannot be used (validation fails, the home does
// not resolve, applied_on is after the round's day, or [Round.Problems]
// names them: their entry in a decoded document had problems) is set aside with
// [ReasonInvalidProfile] and their problems, unless [Round.Strict] is set;
// see Round.Strict for the people never set aside.
//
// Errors: every problem of a malformed round at once, joined, each naming
// the JSON path with the position in the caller's slices (mentees[13],
// pinned[2].mentor_id) and the participant ID: malformed profiles that
// are not set aside (profile.ErrInvalid); duplicate IDs, pinned duos
// naming unknown IDs, a mentee pinned to two mentors, a
// mentor pinned beyond capacity, a pair both pinned and excluded, a
// missing date, NaN or out-of-range settings ([ErrInvalidRound], in
// [*profile.Problem] values); an invalid Policy (profile.ErrInvalid, with
// paths under "policy.") or Scorer; a round larger than
// [MaxCells] ([ErrRoundTooLarge]); and ctx.Err() when ctx ends first. A
// round with no mentees or no mentors is valid: everybody is unmatched with
// the right reason.
//
// Cost: checking is O(size of the round); for m pool mentees and n mentor
// seats, a dense round scores O(m·n) and solves in O(min(m,n)²·max(m,n))
// in the worst case, explanations O(m·n); a sparse round scores the pairs
// its place rules leave to check, solves in a small multiple of E·log E
// for E allowed pairs, and explains in O(E) plus the blocked pairs of those
// left with no allowed pair. Scoring and counting those blocked pairs run
// on runtime.GOMAXPROCS(0) goroutines, all ended when Propose returns; the
// proposal does not depend on their number or scheduling.
func Propose(ctx context.Context, r Round) (Proposal, error) {
	if err := ctx.Err(); err != nil {
		return Proposal{}, err
	}
	return propose(ctx, r, solveOptions{})
}

// solveOptions are what tests may force in a round: the path that solves
// it, and a smaller limit on its allowed pairs than MaxCells (0: MaxCells).
type solveOptions struct {
	path     solvePath
	maxPairs int
}

// propose is Propose with opt.
func propose(ctx context.Context, r Round, opt solveOptions) (Proposal, error) {
	b, err := check(r)
	if err != nil {
		return Proposal{}, err
	}
	b.opt = opt
	st, err := b.solve(ctx)
	if err != nil {
		return Proposal{}, err
	}
	return b.explain(st), nil
}

// SetAside returns the problems of the people the round set aside with
// [ReasonInvalidProfile], joined (mentees first, each side in ID order),
// or nil when it set no one aside: a service that prefers to refuse a
// round with an unusable profile refuses when it is not nil (or sets
// [Round.Strict]). errors.Is(err, profile.ErrInvalid) holds for it.
//
// Cost: O(number of problems).
func (p Proposal) SetAside() error {
	var errs []error
	for _, list := range [2][]Unmatched{p.UnmatchedMentees, p.UnmatchedMentors} {
		for _, u := range list {
			for _, pr := range u.Problems {
				errs = append(errs, pr)
			}
		}
	}
	return errors.Join(errs...)
}
