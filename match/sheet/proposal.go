package sheet

import (
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

// The columns of the proposal's tables: their English headings are the
// keys of their words in the catalog. The duos' table has, for each of the
// ReasonsShown criteria, three columns: criterion_k, points_k, reason_k.
var (
	unmatchedColumns   = []string{"side", "side_words", "id", "reason_code", "explanation", "best_partner", "best_score", "overdue"}
	alternativeColumns = []string{"mentee", "proposed_mentor", "rank", "mentor", "score", "lost_duos", "score_loss", "priority_loss", "changes"}
)

// header returns the headings of columns in the file's language.
func (x words) header(columns []string) []string {
	out := make([]string, len(columns))
	for k, c := range columns {
		out[k] = x.word(c)
	}
	return out
}

// duoHeader returns the headings of the duos' table.
func (x words) duoHeader() []string {
	h := x.header([]string{"mentee", "mentor", "score", "pinned"})
	for k := 1; k <= ReasonsShown; k++ {
		h = append(h, x.word("criterion", k), x.word("points", k), x.word("reason", k))
	}
	return append(h, x.word("blocked_codes"), x.word("blocked_today"))
}

// WriteDuos writes the duos of p as CSV, one row per duo in the
// proposal's order (by mentee ID): mentee, mentor, score, pinned (yes or
// no), then the ReasonsShown (3) criteria with the largest positive
// contributions, largest first (ties in the criteria's fixed order), each
// as three columns: criterion_k, the criterion's name (a code, such as
// sector), points_k, its contribution to the score, and reason_k, why, in
// words (such as "same NACE group 62.0"); then, for a pinned duo that
// today's hard rules would block, blocked_today_codes, the rules' codes,
// and blocked_today, the rules in words.
//
// The proposal is written as three files rather than one file with
// sections, because a spreadsheet sorts and filters a file with one table
// well and a file of sections badly: [WriteDuos], [WriteUnmatched] and
// [WriteAlternatives]. All are UTF-8 with a byte order mark (unless
// opt.NoBOM), separated by opt.Comma (';' by default), with scores to two
// decimals, and every text cell guarded against formulas (see the package
// documentation). Headings, yes and no and the words are in the language
// opt.Lang (the zero Tag is English, whose headings are the columns' stable
// names above); codes, IDs and numbers keep their own columns. Every
// number cell (scores, points, losses) is written with a decimal comma
// when the language writes one (French, Dutch, German) or the separator is
// ';' (Excel in Belgium), and a decimal point otherwise; numbers inside
// words follow the language. Only opt.Comma, opt.NoBOM and opt.Lang are
// used. Errors are those of w.
//
// Cost: O(size of p).
func WriteDuos(w io.Writer, p match.Proposal, opt Options) error {
	x := newWords(opt)
	rows := [][]string{x.duoHeader()}
	for _, d := range p.Duos {
		row := []string{guard(d.MenteeID), guard(d.MentorID), score(d.Score, x.nf), x.yesNo(d.Pinned)}
		strong := scoring.Strongest(d.Parts, ReasonsShown)
		for k := range ReasonsShown {
			if k >= len(strong) {
				row = append(row, "", "", "")
				continue
			}
			part := strong[k]
			row = append(row, guard(part.Criterion), score(part.Contribution, x.nf), guard(x.part(part)))
		}
		var codes, blocked []string
		for _, b := range d.Blocked {
			codes = append(codes, b.Code)
			blocked = append(blocked, x.blocked(b))
		}
		row = append(row, guard(strings.Join(codes, ", ")), guard(strings.Join(blocked, "; ")))
		rows = append(rows, row)
	}
	return writeRows(w, rows, opt)
}

// WriteUnmatched writes, as CSV, everyone the proposal leaves without a new
// duo: the mentees of p.UnmatchedMentees, then the mentors of
// p.UnmatchedMentors and of p.FullMentors (reason [ReasonFull]), each in
// ID order. The columns are side (the code mentee or mentor), role (the
// side in words), id, reason (the stable code, such as outcompeted),
// explanation (the reason in words with its details: the rules failed,
// the hard rules that blocked the pairs and how often, the best partner
// and who took them), best_partner and best_score (for outcompeted), and
// overdue (yes for a mentee in p.Overdue: eligible, unmatched and waiting
// more than [profile.MatchWithinDays] days). See [WriteDuos] for the
// format and the language.
//
// Cost: O(size of p).
func WriteUnmatched(w io.Writer, p match.Proposal, opt Options) error {
	x := newWords(opt)
	rows := [][]string{x.header(unmatchedColumns)}
	add := func(side string, u match.Unmatched, overdue bool) {
		best, bestScore := "", ""
		if u.Best != nil {
			best, bestScore = u.Best.ID, score(u.Best.Score, x.nf)
		}
		rows = append(rows, []string{side, x.word("role." + side), guard(u.ID), u.Reason, guard(x.unmatched(u)),
			guard(best), bestScore, x.yesNo(overdue)})
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
// alternative has no row. See [WriteDuos] for the format and the
// language.
//
// Errors: ctx.Err() when ctx ends first; those of AllAlternatives (such as
// a Proposal that did not come from match.Propose); those of w.
//
// Cost: that of AllAlternatives (about a second for 2 000 × 1 600 people),
// plus O(rows written).
func WriteAlternatives(ctx context.Context, w io.Writer, p match.Proposal, k int, opt Options) error {
	x := newWords(opt)
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
	rows := [][]string{x.header(alternativeColumns)}
	for _, id := range slices.Sorted(maps.Keys(all)) {
		for r, a := range all[id] {
			rows = append(rows, []string{guard(id), guard(proposed[id]), strconv.Itoa(r + 1), guard(a.MentorID),
				score(a.Score, x.nf), strconv.Itoa(a.LostDuos), score(a.ScoreLoss, x.nf), score(a.PriorityLoss, x.nf), guard(x.alternative(a))})
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
