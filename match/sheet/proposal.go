package sheet

import (
	"golang.org/x/text/language"

	"context"
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
	alternativeHeader = []string{"mentee", "proposed_mentor", "rank", "mentor", "score", "lost_duos", "score_loss", "priority_loss", "changes"}
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
		strong := scoring.Strongest(d.Parts, ReasonsShown)
		for k := range ReasonsShown {
			cell := ""
			if k < len(strong) {
				part := strong[k]
				cell = part.Criterion + " +" + score(part.Contribution, numFormat{}) + ": " + part.Text(language.English)
			}
			row = append(row, guard(cell))
		}
		var blocked []string
		for _, b := range d.Blocked {
			blocked = append(blocked, b.Text(language.English))
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
// [profile.MatchWithinDays] days). See [WriteDuos] for the format.
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
		rows = append(rows, []string{side, guard(u.ID), u.Reason, guard(explain(u)), guard(best), bestScore, yesNo(overdue)})
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

// WriteAlternatives writes, as CSV, up to k alternatives for every mentee
// of the proposal's pool (each proposed duo's mentee and every unmatched
// mentee who was in the pool; pinned, paused and ineligible mentees have
// none), from [match.Proposal.AllAlternatives], sorted by mentee: mentee,
// proposed_mentor (empty when unmatched), rank (1 = best), mentor, score,
// lost_duos, score_loss and priority_loss (what the round would lose in
// compatibility and in waiting priority if that pair were imposed), and
// changes (the duos that would move, in words). A mentee without an
// alternative has no row. See [WriteDuos] for the format.
//
// Errors: ctx.Err() when ctx ends first; those of AllAlternatives (such as
// a Proposal that did not come from match.Propose); those of w.
//
// Cost: that of AllAlternatives (about a second for 2 000 × 1 600 people),
// plus O(rows written).
func WriteAlternatives(ctx context.Context, w io.Writer, p match.Proposal, k int, opt Options) error {
	nf := numFormat{decimalComma: comma(opt) == ';'}
	all, err := p.AllAlternatives(ctx, k)
	if err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	proposed := map[string]string{}
	for _, d := range p.Duos {
		if !d.Pinned {
			proposed[d.MenteeID] = d.MentorID
		}
	}
	rows := [][]string{alternativeHeader}
	for _, id := range slices.Sorted(maps.Keys(all)) {
		for r, a := range all[id] {
			rows = append(rows, []string{guard(id), guard(proposed[id]), strconv.Itoa(r + 1), guard(a.MentorID),
				score(a.Score, nf), strconv.Itoa(a.LostDuos), score(a.ScoreLoss, nf), score(a.PriorityLoss, nf), guard(a.Describe())})
		}
	}
	return writeRows(w, rows, opt)
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

// explain is the unmatched table's reason in words: the sheet's own code
// "full" for a mentor whose pinned duos fill them, and
// [match.Unmatched.Describe] for every other reason.
func explain(u match.Unmatched) string {
	if u.Reason == ReasonFull {
		return "pinned duos use all of the mentor's places"
	}
	return u.Describe()
}
