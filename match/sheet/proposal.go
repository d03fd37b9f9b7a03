package sheet

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/scoring"
)

// ReasonsShown is how many of a duo's strongest criteria [WriteDuos]
// writes.
const ReasonsShown = 3

// ReasonFull is the reason code [WriteUnmatched] gives the mentors of
// [match.Proposal.FullMentors]: their pinned duos use all of their places.
const ReasonFull = "full"

// The headings of the proposal's tables.
var (
	duoHeader         = []string{"mentee", "mentor", "score", "pinned", "reason_1", "reason_2", "reason_3", "blocked_today"}
	unmatchedHeader   = []string{"side", "id", "reason", "explanation", "best_partner", "best_score", "overdue"}
	alternativeHeader = []string{"mentee", "proposed_mentor", "rank", "mentor", "score", "lost_duos", "loss"}
)

// WriteDuos writes the duos of p as CSV, one row per duo in the
// proposal's order (by mentee ID): mentee, mentor, score, pinned (yes or
// no), then the ReasonsShown (3) criteria with the largest positive
// contributions, largest first (ties in the criteria's fixed order), each
// as "sector +0.23: same NACE group 62.0", and, for a pinned duo that
// today's hard rules would block, those rules in words.
//
// The proposal is written as three files rather than one file with
// sections, because a spreadsheet sorts and filters a file with one table
// well and a file of sections badly: [WriteDuos], [WriteUnmatched] and
// [WriteAlternatives]. All are UTF-8 with a byte order mark (unless
// opt.NoBOM), separated by opt.Comma (';' by default), with scores to two
// decimals (decimal comma with ';'), and every text cell guarded against
// formulas (see the package documentation). Only opt.Comma and opt.NoBOM
// are used. Errors are those of w.
//
// Cost: O(size of p).
func WriteDuos(w io.Writer, p match.Proposal, opt Options) error {
	nf := numFormat{decimalComma: comma(opt) == ';'}
	rows := [][]string{duoHeader}
	for _, d := range p.Duos {
		row := []string{guard(d.MenteeID), guard(d.MentorID), score(d.Score, nf), yesNo(d.Pinned)}
		strong := strongest(d.Parts, ReasonsShown)
		for k := range ReasonsShown {
			cell := ""
			if k < len(strong) {
				part := strong[k]
				cell = part.Criterion + " +" + score(part.Contribution, numFormat{}) + ": " + part.Reason
			}
			row = append(row, guard(cell))
		}
		var blocked []string
		for _, b := range d.Blocked {
			blocked = append(blocked, b.Message)
		}
		row = append(row, guard(strings.Join(blocked, "; ")))
		rows = append(rows, row)
	}
	return writeRows(w, rows, opt)
}

// WriteUnmatched writes, as CSV, everyone the proposal leaves without a new
// duo: the mentees of p.UnmatchedMentees, then the mentors of
// p.UnmatchedMentors and of p.FullMentors (reason [ReasonFull]), each in
// ID order. The columns are side (mentee or mentor), id, reason (the
// stable code, such as outcompeted), explanation (the reason in words with
// its details: the rules failed, the hard rules that blocked the pairs and
// how often, the best partner and who took them), best_partner and
// best_score (for outcompeted), and overdue (yes for a mentee in
// p.Overdue: eligible, unmatched and waiting more than
// [match.OverdueDays] days). See [WriteDuos] for the format.
//
// Cost: O(size of p).
func WriteUnmatched(w io.Writer, p match.Proposal, opt Options) error {
	nf := numFormat{decimalComma: comma(opt) == ';'}
	rows := [][]string{unmatchedHeader}
	add := func(side string, u match.Unmatched, overdue bool) {
		best, bestScore := "", ""
		if u.Best != nil {
			best, bestScore = u.Best.ID, score(u.Best.Score, nf)
		}
		rows = append(rows, []string{side, guard(u.ID), u.Reason, guard(Explain(u)), guard(best), bestScore, yesNo(overdue)})
	}
	for _, u := range p.UnmatchedMentees {
		_, overdue := slices.BinarySearch(p.Overdue, u.ID)
		add("mentee", u, overdue)
	}
	var mentors []match.Unmatched
	mentors = append(mentors, p.UnmatchedMentors...)
	for _, id := range p.FullMentors {
		mentors = append(mentors, match.Unmatched{ID: id, Reason: ReasonFull})
	}
	slices.SortStableFunc(mentors, func(a, b match.Unmatched) int { return strings.Compare(a.ID, b.ID) })
	for _, u := range mentors {
		add("mentor", u, false)
	}
	return writeRows(w, rows, opt)
}

// Explain says in words why a person is left out of a proposal, with the
// details the reason carries: every eligibility rule failed, the hard
// rules that blocked the pairs with their counts, the best partner and who
// took them. It names people by ID only.
//
// Cost: O(size of u).
func Explain(u match.Unmatched) string {
	var s string
	switch u.Reason {
	case match.ReasonIneligible:
		s = "not eligible: " + violations(u)
	case match.ReasonPaused:
		s = "paused for this round"
		if len(u.Violations) > 0 {
			s += "; would also not be eligible: " + violations(u)
		}
	case match.ReasonNoCompatibleMentor, match.ReasonNoCompatibleMentee:
		if len(u.Blocked) == 0 {
			s = "nobody available to pair with"
		} else {
			s = "every possible pair is blocked by a hard rule: " + countList(u.Blocked)
		}
	case match.ReasonBelowMinScore:
		s = "every allowed pair scores below the round's minimum score"
	case match.ReasonOutcompeted:
		s = "another pair was better for the pool"
		if u.Best != nil {
			s = fmt.Sprintf("the best partner, %s (score %s), ", u.Best.ID, score(u.Best.Score, numFormat{}))
			if len(u.Best.TakenBy) > 0 {
				s += "went to " + strings.Join(u.Best.TakenBy, ", ")
			} else {
				s += "was better used elsewhere in the pool"
			}
		}
	case ReasonFull:
		s = "pinned duos use all of the mentor's places"
	default:
		s = u.Reason
	}
	return s
}

func violations(u match.Unmatched) string {
	msgs := make([]string, len(u.Violations))
	for k, v := range u.Violations {
		msgs[k] = v.Message
	}
	return strings.Join(msgs, "; ")
}

// countList writes counts as "no_shared_language 38, too_far 19", largest
// first, then by code.
func countList(m map[string]int) string {
	keys := slices.Sorted(maps.Keys(m))
	slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(m[b], m[a]) })
	parts := make([]string, len(keys))
	for k, key := range keys {
		parts[k] = key + " " + strconv.Itoa(m[key])
	}
	return strings.Join(parts, ", ")
}

// WriteAlternatives writes, as CSV, up to k alternatives for every mentee
// of the proposal's pool (each proposed duo's mentee and every unmatched
// mentee who was in the pool; pinned, paused and ineligible mentees have
// none), from [match.Proposal.Alternatives]: mentee, proposed_mentor
// (empty when unmatched), rank (1 = best), mentor, score, lost_duos and
// loss (the drop of the round's objective if that pair were imposed). A
// mentee without an alternative has no row. See [WriteDuos] for the
// format.
//
// Errors: those of Alternatives other than [match.ErrNotInPool] (such as
// a Proposal that did not come from match.Propose), and those of w.
//
// Cost: one Alternatives call per pool mentee, O(m·((m+n)² + m·n)) for m
// pool mentees and n mentor seats: seconds for a few thousand people.
func WriteAlternatives(w io.Writer, p match.Proposal, k int, opt Options) error {
	nf := numFormat{decimalComma: comma(opt) == ';'}
	type entry struct{ mentee, proposed string }
	var entries []entry
	for _, d := range p.Duos {
		if !d.Pinned {
			entries = append(entries, entry{d.MenteeID, d.MentorID})
		}
	}
	for _, u := range p.UnmatchedMentees {
		switch u.Reason {
		case match.ReasonIneligible, match.ReasonPaused:
		default:
			entries = append(entries, entry{mentee: u.ID})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.mentee, b.mentee) })
	rows := [][]string{alternativeHeader}
	for _, e := range entries {
		alts, err := p.Alternatives(e.mentee, k)
		if errors.Is(err, match.ErrNotInPool) {
			continue
		}
		if err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
		for r, a := range alts {
			rows = append(rows, []string{guard(e.mentee), guard(e.proposed), strconv.Itoa(r + 1), guard(a.MentorID),
				score(a.Score, nf), strconv.Itoa(a.LostDuos), score(a.Loss, nf)})
		}
	}
	return writeRows(w, rows, opt)
}

// strongest returns up to n parts with the largest positive contributions,
// largest first; ties keep the fixed order of the criteria.
func strongest(parts []scoring.Part, n int) []scoring.Part {
	var out []scoring.Part
	for _, p := range parts {
		if p.Contribution > 0 {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b scoring.Part) int { return cmp.Compare(b.Contribution, a.Contribution) })
	return out[:min(n, len(out))]
}

// score writes a score with two decimals.
func score(x float64, nf numFormat) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	if nf.decimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
