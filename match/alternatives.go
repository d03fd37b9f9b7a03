package match

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/internal/msg"
	"github.com/duomatch/duo/profile"
)

// Alternative is another mentor a mentee could be given, and what that
// would change in the round: the duos that would move, and what the pool
// would lose.
//
// The figures are those of re-running [Propose] with the pair pinned, up
// to floating-point rounding: Loss = ScoreLoss + PriorityLoss is the drop
// of [Proposal.ObjectiveValue], ScoreLoss the drop of [Proposal.Total] and
// PriorityLoss the drop of the waiting priority the matched mentees bring
// (both counting the imposed pair as a duo of the round). Applying Changes
// to the proposal gives an optimal round with the pair imposed; when
// several are optimal, the re-run may pick another one of the same value.
//
// Its JSON form, documented for pages that print it:
//
//	{"mentor_id": "mo-9", "score": 0.61, "lost_duos": 1, "loss": 0.42,
//	 "score_loss": 0.30, "priority_loss": 0.12,
//	 "changes": [{"mentee_id": "me-7", "loses": "mo-3", "gets": "mo-9"},
//	             {"mentee_id": "me-12", "loses": "mo-9", "gets": ""}]}
type Alternative struct {
	MentorID string `json:"mentor_id"`
	// Score is the pair's compatibility in [0,1].
	Score float64 `json:"score"`
	// LostDuos is how many fewer duos the round would form if this pair
	// were imposed and the rest re-optimised: the Changes that leave a
	// mentee unmatched, less those that match a mentee who had no mentor.
	// For MostMatched it is also the first part of the objective the
	// round optimises; BestTotal does not count duos, so there it may be
	// negative (a pair worth more to the pool than a duo more).
	LostDuos int `json:"lost_duos"`
	// Loss is the exact drop of [Proposal.ObjectiveValue] if this pair were
	// imposed and the rest re-optimised: ScoreLoss + PriorityLoss. It is
	// positive when the pool loses, negative only when the pair costs duos
	// (LostDuos > 0) but raises the total of the duos that remain.
	Loss float64 `json:"loss"`
	// ScoreLoss is the drop of the compatibility total ([Proposal.Total]),
	// the imposed pair counted: the scores of the duos that Changes undo
	// less those of the duos they form.
	ScoreLoss float64 `json:"score_loss"`
	// PriorityLoss is the drop of waiting priority: the priorities of the
	// mentees Changes leave unmatched less those of the mentees they match.
	PriorityLoss float64 `json:"priority_loss"`
	// Changes is the chain of duos that would move, in chain order: first
	// the mentee whose pair is imposed, then each mentee who would lose
	// their mentor (or get one). It is never empty.
	Changes []Change `json:"changes"`
}

// Change is what imposing an [Alternative] would do to one mentee: the
// mentor they would lose ("" when they had none) and the one they would
// get instead ("" when they would be left unmatched). The two always
// differ.
type Change struct {
	MenteeID string `json:"mentee_id"`
	Loses    string `json:"loses"`
	Gets     string `json:"gets"`
}

// String says the change in English: c.Text(language.English).
func (c Change) String() string { return c.Text(language.English) }

// Text says the change in lang, in words a coordinator can read out, e.g.
// "me-7 would lose mo-3 and get mo-9 instead", "me-12 would lose mo-9 and
// be left unmatched" or "me-20 would get mo-4"; in French "me-7 perdrait
// mo-3 et recevrait mo-9 à la place". IDs are printed as given. The zero
// Tag is English.
func (c Change) Text(lang language.Tag) string {
	switch {
	case c.Loses != "" && c.Gets != "":
		return catalog.Sprintf(lang, "change.swap", c.MenteeID, c.Loses, c.Gets)
	case c.Loses != "":
		return catalog.Sprintf(lang, "change.lose", c.MenteeID, c.Loses)
	case c.Gets != "":
		return catalog.Sprintf(lang, "change.get", c.MenteeID, c.Gets)
	}
	return catalog.Sprintf(lang, "change.keep", c.MenteeID)
}

// changeWords are the words of [Change.Text].
var changeWords = []i18n.Message{
	{Key: "change.swap", Text: i18n.Text{
		En: "%s would lose %s and get %s instead",
		Fr: "%s perdrait %s et recevrait %s à la place",
		Nl: "%s zou %s verliezen en in de plaats %s krijgen",
		De: "%s würde %s verlieren und stattdessen %s bekommen"}},
	{Key: "change.lose", Text: i18n.Text{
		En: "%s would lose %s and be left unmatched",
		Fr: "%s perdrait %s et resterait sans partenaire",
		Nl: "%s zou %s verliezen en zonder partner blijven",
		De: "%s würde %s verlieren und ohne Partner bleiben"}},
	{Key: "change.get", Text: i18n.Text{
		En: "%s would get %s", Fr: "%s recevrait %s", Nl: "%s zou %s krijgen", De: "%s würde %s bekommen"}},
	{Key: "change.keep", Text: i18n.Text{
		En: "%s would keep their place", Fr: "rien ne change pour %s", Nl: "voor %s verandert er niets", De: "für %s ändert sich nichts"}},
}

// Describe joins the Changes' sentences in English: a.Text(language.English).
func (a Alternative) Describe() string { return a.Text(language.English) }

// Text joins the Changes' sentences in lang with "; ", e.g. "me-1 would
// lose mo-2 and get mo-5 instead; me-7 would lose mo-5 and be left
// unmatched". The zero Tag is English.
//
// Cost: linear in the number of changes.
func (a Alternative) Text(lang language.Tag) string {
	parts := make([]string, len(a.Changes))
	for i, c := range a.Changes {
		parts[i] = c.Text(lang)
	}
	return strings.Join(parts, catalog.Sprintf(lang, "list.sep"))
}

var errNoState = errors.New("match: alternatives need a Proposal returned by Propose")

// Alternatives returns up to k mentors other than the proposed one for the
// mentee menteeID, best first, each with what imposing that pair and
// re-optimising everybody else would change (see [Alternative]): the
// numbers a coordinator needs to overrule a proposal knowingly. "Best"
// means, for MostMatched, the fewest lost duos, then the smallest Loss;
// for BestTotal, the smallest Loss; then the higher score, then the mentor
// ID. Only pairs the round allows (no hard rule blocks them, score at
// least MinScore) are alternatives.
//
// The figures come from the optimal dual solution the round already has,
// by shortest paths in the residual graph of the assignment, without
// solving again. The result is the same as the mentee's entry of
// [Proposal.AllAlternatives], which shares the code; to list the
// alternatives of many mentees, that batch is much faster.
//
// k ≤ 0 gives no alternatives. Errors: [ErrUnknownMentee] for an ID the
// round did not have; [ErrNotInPool] for a mentee who was pinned, paused
// or ineligible; an error for a Proposal that did not come from Propose;
// [ErrRoundTooLarge] in the case described below, never expected.
//
// Cost: O(E·log(m+n)) for E allowed pairs, m pool mentees and n mentor
// seats (E = m·n for a round solved dense, whose solver matrix holds
// every pair), and 16 bytes of memory per allowed pair. A round that
// [Propose] solved on its allowed pairs is priced on that sparse problem,
// with the certificate of its solve, without a dense matrix; its values
// are rounded to float32 there, so its figures are those of the problem
// it solved, within about 1e-7 per duo of the scores' (Loss itself is
// worked out from the scores). Should that certificate not prove the
// proposal optimal (for BestTotal, when the pairs worth exactly 0 that
// the proposal adds change the duals it needs), the dense scores are
// laid out and solved once instead, which costs what a dense round
// costs, and fails with ErrRoundTooLarge past [MaxCells].
func (p Proposal) Alternatives(menteeID string, k int) ([]Alternative, error) {
	st := p.state
	if st == nil {
		return nil, errNoState
	}
	row, ok := st.rowOf[menteeID]
	if !ok {
		if why, known := st.notInPool[menteeID]; known {
			return nil, fmt.Errorf("%w: %s is %s", ErrNotInPool, msg.Clip(menteeID), why)
		}
		return nil, fmt.Errorf("%w: %s", ErrUnknownMentee, msg.Clip(menteeID))
	}
	if k <= 0 || st.seats == 0 {
		return []Alternative{}, nil
	}
	ctx := context.Background()
	g, err := newAltGraph(ctx, st)
	if err != nil {
		return nil, err
	}
	return g.alternatives(ctx, g.newSearch(), row, k, true)
}

// AllAlternatives returns the alternatives of every mentee of the round's
// pool (eligible, not pinned, not paused), keyed by mentee ID: for each,
// exactly what [Proposal.Alternatives] returns for that mentee with the
// same k. Every pool mentee has an entry, an empty slice when there is no
// alternative or k ≤ 0; mentees outside the pool have none. (encoding/json
// writes a map's keys sorted, so its JSON is deterministic.)
//
// The work is shared between mentees. One search over the residual graph
// gives every seat's cost of handing its mentee on down to a free seat or
// out of the round, and a second the cost of refilling each seat from
// outside: together they price, at once, every pair of a mentee without a
// mentor, and bound every pair of the others. For a mentee with a mentor,
// only the way back to the seat they vacate needs a search of its own:
// over the assignment alone (a path through the outside is priced by the
// shared searches), and it stops as soon as the k-th best bound shows
// that no further mentor can enter the top k. The figures are exact (see
// the comment on altGraph.alternatives for the proof).
//
// It checks ctx between mentees and regularly inside each search, and
// returns ctx.Err() promptly when ctx is done. Errors: ctx.Err(); an error
// for a Proposal that did not come from Propose; [ErrRoundTooLarge] as for
// [Proposal.Alternatives], whose note on rounds solved on their allowed
// pairs holds here too.
//
// Cost: O(E·log(m+n)) for the shared part (building the residual graph,
// two searches) for E allowed pairs (E = m·n for a round solved dense),
// plus for each mentee with a mentor a search that only reads the arcs
// shorter than its limit; O(E·log(m+n)) per mentee in the worst case,
// far less on real rounds: every mentee of a 1000×800 round, k = 5,
// takes about 0.3 s on a 2-core machine, 2000×1600 about 1 s; a
// spread-out 5000×4000 round solved on its allowed pairs about 1 s of
// CPU time (README). Memory: 16 bytes per allowed pair, plus O(m+n) per
// search.
func (p Proposal) AllAlternatives(ctx context.Context, k int) (map[string][]Alternative, error) {
	st := p.state
	if st == nil {
		return nil, errNoState
	}
	rows := make([]int, len(st.menteeIDs))
	for i := range rows {
		rows[i] = i
	}
	return p.alternativesOf(ctx, rows, k)
}

// AlternativesOf returns the alternatives of the mentees ids, keyed by
// ID: for each, exactly what [Proposal.AllAlternatives] returns for that
// mentee with the same k, sharing the work as it does but searching for
// these mentees only; what a service asks when a coordinator looks at a
// few mentees of a large round. An ID given twice has one entry; no ID
// gives an empty map.
//
// An ID that is not a mentee of the round's pool is an error, every such
// ID at once and before any search: a *[profile.Problem] whose Path is
// the ID's position in ids ("[2]"), with the code "unknown_mentee"
// (wrapping [ErrUnknownMentee]) or "not_in_pool" (ineligible, paused,
// pinned or set aside; wrapping [ErrNotInPool]). It names no participant:
// it is a problem of the caller's list, which [profile.AtPath] puts under
// the list's own path. Other errors, and the cost for the mentees asked
// for: as for AllAlternatives.
func (p Proposal) AlternativesOf(ctx context.Context, ids []string, k int) (map[string][]Alternative, error) {
	st := p.state
	if st == nil {
		return nil, errNoState
	}
	var errs []error
	rows := make([]int, 0, len(ids))
	for i, id := range ids {
		row, ok := st.rowOf[id]
		if ok {
			rows = append(rows, row)
			continue
		}
		q := &profile.Problem{Path: "[" + strconv.Itoa(i) + "]", Code: "unknown_mentee",
			Detail: "no mentee of the round has this id", Err: ErrUnknownMentee}
		if _, known := st.notInPool[id]; known {
			q.Code, q.Detail, q.Err = "not_in_pool", "not a mentee of the round's pool (ineligible, paused, pinned or set aside)", ErrNotInPool
		}
		errs = append(errs, q)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return p.alternativesOf(ctx, rows, k)
}

// alternativesOf returns the alternatives of the mentees of the pool rows,
// keyed by mentee ID, sharing one residual graph and one search's memory.
func (p Proposal) alternativesOf(ctx context.Context, rows []int, k int) (map[string][]Alternative, error) {
	st := p.state
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make(map[string][]Alternative, len(rows))
	if k <= 0 || st.seats == 0 {
		for _, row := range rows {
			out[st.menteeIDs[row]] = []Alternative{}
		}
		return out, nil
	}
	g, err := newAltGraph(ctx, st)
	if err != nil {
		return nil, err
	}
	sr := g.newSearch()
	for _, row := range rows {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		alts, err := g.alternatives(ctx, sr, row, k, true)
		if err != nil {
			return nil, err
		}
		out[st.menteeIDs[row]] = alts
	}
	return out, nil
}
