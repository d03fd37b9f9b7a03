package match

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// explain turns the solved round into a Proposal: duos with their parts,
// unmatched people with their reasons, full mentors, and the notes on the
// input (mentees without applied_on, ignored exclusions).
func (b *builder) explain(st *roundState) Proposal {
	r, p := &b.r, &b.pool
	out := Proposal{
		state:             st,
		Duos:              []ProposedDuo{},
		UnmatchedMentees:  []Unmatched{},
		UnmatchedMentors:  []Unmatched{},
		FullMentors:       []string{},
		Overdue:           []string{},
		MissingAppliedOn:  []string{},
		IgnoredExclusions: b.ignoredExclusions,
	}

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
	for k, s := range st.seatOf {
		mentorOfRow[k] = -1
		if s < 0 {
			continue
		}
		c := p.seatMentor[s]
		mentorOfRow[k] = c
		me, mo := &b.mentees[p.rows[k]], &b.mentors[p.cols[c]]
		out.Duos = append(out.Duos, ProposedDuo{
			MenteeID: me.ID, MentorID: mo.ID,
			Score: st.score(k, c), Parts: b.compiled.Pair(k, c).Parts, Priority: p.priority[k],
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
	for _, i := range p.rows {
		if b.mentees[i].AppliedOn.IsZero() {
			out.MissingAppliedOn = append(out.MissingAppliedOn, b.mentees[i].ID)
		}
	}
	// The rules blocking every pair of those without any allowed pair
	// are counted after the loop, in parallel (see countBlocked).
	var menteeJobs []blockedJob
	rowOfMentee := make(map[int]int, len(p.rows))
	for k, i := range p.rows {
		rowOfMentee[i] = k
	}
	for i := range b.mentees {
		me := &b.mentees[i]
		if _, pinned := b.pinnedMentor[i]; pinned {
			continue
		}
		if ps := b.menteeAside[i]; ps != nil {
			out.UnmatchedMentees = append(out.UnmatchedMentees, Unmatched{ID: me.ID, Reason: ReasonInvalidProfile, Problems: ps})
			out.SetAsideMentees++
			continue
		}
		if me.Paused {
			out.UnmatchedMentees = append(out.UnmatchedMentees, Unmatched{ID: me.ID, Reason: ReasonPaused, Violations: b.menteeViol[i]})
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
		best, some := st.rowBest(k)
		if st.whyLeftOut(&u, ReasonNoCompatibleMentor, best, some) {
			menteeJobs = append(menteeJobs, blockedJob{k, u.Blocked})
		}
		if best >= 0 {
			u.Best = &Candidate{ID: b.mentors[p.cols[best]].ID, Score: st.score(k, best), TakenBy: sortedOrEmpty(takenBy[best])}
		}
		out.UnmatchedMentees = append(out.UnmatchedMentees, u)
		if applied := me.AppliedOn; !applied.IsZero() && r.On.DaysSince(applied) > profile.MatchWithinDays {
			out.Overdue = append(out.Overdue, me.ID)
		}
	}

	countBlocked(menteeJobs, len(p.cols), func(k, c int, counts map[string]int) { b.compiled.CountBlocked(k, c, counts) })

	// Full and unmatched mentors, in ID order.
	var mentorJobs []blockedJob
	var colBest []int // per pool mentor, for a sparse round: computed for the first one left out
	var colAny []bool
	colOfMentor := make(map[int]int, len(p.cols))
	for c, j := range p.cols {
		colOfMentor[j] = c
	}
	for j := range b.mentors {
		mo := &b.mentors[j]
		if ps := b.mentorAside[j]; ps != nil {
			out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: mo.ID, Reason: ReasonInvalidProfile, Problems: ps})
			out.SetAsideMentors++
			continue
		}
		if b.pinnedCount[j] > 0 && b.pinnedCount[j] >= mo.EffectiveCapacity() {
			out.FullMentors = append(out.FullMentors, mo.ID)
			continue
		}
		if mo.Paused {
			out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: mo.ID, Reason: ReasonPaused, Violations: b.mentorViol[j]})
			continue
		}
		if len(b.mentorViol[j]) > 0 {
			out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: mo.ID, Reason: ReasonIneligible, Violations: b.mentorViol[j]})
			continue
		}
		c, inPool := colOfMentor[j]
		if !inPool {
			// The mentor has free places, but no mentee is left in the pool.
			out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: mo.ID, Reason: ReasonNoCompatibleMentee, Blocked: map[string]int{}})
			continue
		}
		if len(takenBy[c]) > 0 {
			continue
		}
		u := Unmatched{ID: mo.ID}
		if colBest == nil && st.scores == nil {
			colBest, colAny = st.colBests()
		}
		var best int
		var some bool
		if colBest != nil {
			best, some = colBest[c], colAny[c]
		} else {
			best, some = st.colBest(c)
		}
		if st.whyLeftOut(&u, ReasonNoCompatibleMentee, best, some) {
			mentorJobs = append(mentorJobs, blockedJob{c, u.Blocked})
		}
		if best >= 0 {
			var by []string
			if mc := mentorOfRow[best]; mc >= 0 {
				by = []string{b.mentors[p.cols[mc]].ID}
			}
			u.Best = &Candidate{ID: b.mentees[p.rows[best]].ID, Score: st.score(best, c), TakenBy: sortedOrEmpty(by)}
		}
		out.UnmatchedMentors = append(out.UnmatchedMentors, u)
	}
	countBlocked(mentorJobs, len(p.rows), func(c, k int, counts map[string]int) { b.compiled.CountBlocked(k, c, counts) })
	return out
}

// whyLeftOut sets the reason of a pool member left unmatched, given its
// best partner (see [roundState.rowBest]; -1 for none) and whether some
// of its pairs is not blocked: noneCompatible when every pair is blocked,
// below_min_score when no allowed pair reaches MinScore, outcompeted
// otherwise. For noneCompatible it gives u an empty Blocked map and
// reports true: the caller has the rules blocking each pair counted into
// it (see countBlocked).
func (st *roundState) whyLeftOut(u *Unmatched, noneCompatible string, best int, some bool) (count bool) {
	switch {
	case !some:
		u.Reason = noneCompatible
		u.Blocked = map[string]int{}
		return true
	case best < 0:
		u.Reason = ReasonBelowMinScore
	default:
		u.Reason = ReasonOutcompeted
	}
	return false
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

// PartTexts returns, by mentee ID, the words of each part of the score of
// the mentee's duo ([scoring.Part.Text] in lang), in the order of
// [ProposedDuo.Parts]: what a service shows beside the codes, which stay
// the API. Every duo has an entry, pinned duos too.
//
// Cost: O(duos × criteria).
func (p Proposal) PartTexts(lang language.Tag) map[string][]string {
	out := make(map[string][]string, len(p.Duos))
	for _, d := range p.Duos {
		texts := make([]string, len(d.Parts))
		for i, part := range d.Parts {
			texts[i] = part.Text(lang)
		}
		out[d.MenteeID] = texts
	}
	return out
}

// Describe says in English why the person is left out:
// u.Text(language.English).
func (u Unmatched) Describe() string { return u.Text(language.English) }

// Text says in lang why the person is left out, with the details the
// reason carries: every eligibility rule failed (their words, joined by
// "; "), the hard rules that blocked the pairs with their counts (largest
// first), the best partner and who took them. It names people by ID only,
// and is what a coordinator's report or spreadsheet shows next to the
// reason's code. The zero Tag is English; a reason it does not know is
// given as its code.
//
// Cost: O(size of u).
func (u Unmatched) Text(lang language.Tag) string {
	sep := catalog.Sprintf(lang, "list.sep")
	violations := func() string {
		msgs := make([]string, len(u.Violations))
		for k, v := range u.Violations {
			msgs[k] = violationText(v, lang)
		}
		return strings.Join(msgs, sep)
	}
	switch u.Reason {
	case ReasonIneligible:
		return violations()
	case ReasonInvalidProfile:
		msgs := make([]string, len(u.Problems))
		for k, p := range u.Problems {
			msgs[k] = p.Path + ": " + p.Detail
		}
		return "the profile cannot be used: " + strings.Join(msgs, "; ")
	case ReasonPaused:
		if len(u.Violations) > 0 {
			return catalog.Sprintf(lang, "unmatched.paused_ineligible", violations())
		}
		return catalog.Sprintf(lang, "unmatched.paused")
	case ReasonNoCompatibleMentor, ReasonNoCompatibleMentee:
		if len(u.Blocked) == 0 {
			return catalog.Sprintf(lang, "unmatched.nobody")
		}
		keys := slices.Sorted(maps.Keys(u.Blocked))
		slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(u.Blocked[b], u.Blocked[a]) })
		parts := make([]string, len(keys))
		for k, key := range keys {
			parts[k] = catalog.Sprintf(lang, "unmatched.rule_count", scoring.Label(key, lang), u.Blocked[key])
		}
		return catalog.Sprintf(lang, "unmatched.blocked", strings.Join(parts, ", "))
	case ReasonBelowMinScore:
		return catalog.Sprintf(lang, "unmatched.below_min_score")
	case ReasonOutcompeted:
		if u.Best == nil {
			return catalog.Sprintf(lang, "unmatched.outcompeted")
		}
		if len(u.Best.TakenBy) > 0 {
			return catalog.Sprintf(lang, "unmatched.taken", u.Best.ID, u.Best.Score, strings.Join(u.Best.TakenBy, ", "))
		}
		return catalog.Sprintf(lang, "unmatched.elsewhere", u.Best.ID, u.Best.Score)
	}
	return u.Reason
}

// ReasonLabel names the reason code of an [Unmatched] in a few words in
// lang, for counts and headings: outcompeted is "a better pair for the
// pool", "une meilleure paire pour le vivier"…; a code it does not know is
// given as it is. The zero Tag is English.
func ReasonLabel(reason string, lang language.Tag) string {
	switch reason {
	case ReasonIneligible, ReasonNoCompatibleMentor, ReasonNoCompatibleMentee, ReasonBelowMinScore, ReasonOutcompeted, ReasonPaused:
		return catalog.Sprintf(lang, "reason."+reason)
	}
	return reason
}

// violationText says an eligibility rule failed in lang, with the words
// package profile gives it (Violation.Text, which lands with the
// eligibility rules' translations; until then, the English Message).
func violationText(v profile.Violation, lang language.Tag) string {
	if t, ok := any(v).(interface{ Text(language.Tag) string }); ok {
		return t.Text(lang)
	}
	return v.Message
}

// unmatchedWords are the words of [Unmatched.Text].
var unmatchedWords = []i18n.Message{
	{Key: "unmatched.paused", Text: i18n.Text{
		En: "paused for this round",
		Fr: "en pause pour ce tour",
		Nl: "gepauzeerd voor deze ronde",
		De: "für diese Runde pausiert"}},
	{Key: "unmatched.paused_ineligible", Text: i18n.Text{
		En: "paused for this round; would also not be eligible: %s",
		Fr: "en pause pour ce tour ; ne serait de toute façon pas admissible : %s",
		Nl: "gepauzeerd voor deze ronde; komt bovendien niet in aanmerking: %s",
		De: "für diese Runde pausiert; wäre außerdem nicht teilnahmeberechtigt: %s"}},
	{Key: "unmatched.nobody", Text: i18n.Text{
		En: "nobody available to pair with",
		Fr: "personne de disponible pour former un duo",
		Nl: "niemand beschikbaar om een duo mee te vormen",
		De: "niemand verfügbar, um ein Tandem zu bilden"}},
	{Key: "unmatched.blocked", Text: i18n.Text{
		En: "every possible pair is blocked by a hard rule: %s",
		Fr: "chaque paire possible est écartée par une règle stricte : %s",
		Nl: "elk mogelijk paar valt af door een harde regel: %s",
		De: "jedes mögliche Paar scheitert an einer festen Regel: %s"}},
	{Key: "unmatched.rule_count", Text: i18n.Text{
		En: "%s (%d)", Fr: "%s (%d)", Nl: "%s (%d)", De: "%s (%d)"}},
	{Key: "unmatched.below_min_score", Text: i18n.Text{
		En: "every allowed pair scores below the round's minimum score",
		Fr: "toutes les paires permises ont un score inférieur au minimum du tour",
		Nl: "elk toegelaten paar scoort onder de minimumscore van de ronde",
		De: "jedes zulässige Paar liegt unter der Mindestpunktzahl der Runde"}},
	{Key: "unmatched.outcompeted", Text: i18n.Text{
		En: "another pair was better for the pool",
		Fr: "une autre paire convenait mieux à l'ensemble du vivier",
		Nl: "een ander paar was beter voor de pool als geheel",
		De: "ein anderes Paar war für den Pool insgesamt besser"}},
	{Key: "unmatched.taken", Text: i18n.Text{
		En: "the best partner, %s (score %.2f), went to %s",
		Fr: "le meilleur partenaire, %s (score %.2f), a été attribué à %s",
		Nl: "de beste partner, %s (score %.2f), ging naar %s",
		De: "der beste Partner, %s (Punktzahl %.2f), ging an %s"}},
	{Key: "unmatched.elsewhere", Text: i18n.Text{
		En: "the best partner, %s (score %.2f), was better used elsewhere in the pool",
		Fr: "le meilleur partenaire, %s (score %.2f), était plus utile ailleurs dans le vivier",
		Nl: "de beste partner, %s (score %.2f), was elders in de pool nuttiger",
		De: "der beste Partner, %s (Punktzahl %.2f), wurde anderswo im Pool besser eingesetzt"}},
	{Key: "reason." + ReasonIneligible, Text: i18n.Text{
		En: "not eligible", Fr: "non admissible", Nl: "komt niet in aanmerking", De: "nicht teilnahmeberechtigt"}},
	{Key: "reason." + ReasonNoCompatibleMentor, Text: i18n.Text{
		En: "no compatible mentor", Fr: "aucun mentor compatible", Nl: "geen passende mentor", De: "kein passender Mentor"}},
	{Key: "reason." + ReasonNoCompatibleMentee, Text: i18n.Text{
		En: "no compatible mentee", Fr: "aucun jeune compatible", Nl: "geen passende mentee", De: "kein passender Mentee"}},
	{Key: "reason." + ReasonBelowMinScore, Text: i18n.Text{
		En: "below the minimum score", Fr: "sous le score minimum", Nl: "onder de minimumscore", De: "unter der Mindestpunktzahl"}},
	{Key: "reason." + ReasonOutcompeted, Text: i18n.Text{
		En: "a better pair for the pool", Fr: "une meilleure paire pour le vivier", Nl: "een beter paar voor de pool", De: "ein besseres Paar für den Pool"}},
	{Key: "reason." + ReasonPaused, Text: i18n.Text{
		En: "paused", Fr: "en pause", Nl: "gepauzeerd", De: "pausiert"}},
	{Key: "list.sep", Text: i18n.Text{En: "; ", Fr: " ; ", Nl: "; ", De: "; "}},
}
