package main

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// reasonsShown is how many of a duo's strongest criteria the report shows.
const reasonsShown = 3

// report writes the proposal p of round r as plain text: eligibility,
// duos, unmatched people, total, then a line per need (the mentors to
// recruit) and per outreach (the mentees to look for). Scores are printed
// with two decimals so that the output is stable. It writes IDs, codes
// and the library's reasons, nothing else about a person; a need's
// description names the place where the mentor should live, the mentees'
// municipality, which is what a recruiter needs.
func report(w io.Writer, r match.Round, p match.Proposal, needs []match.Need, outreach []match.Outreach) error {
	pw := &printer{w: w}
	pw.printf("Matching round of %s: %d mentees, %d mentors\n", r.On, len(r.Mentees), len(r.Mentors))
	eligibility(pw, r)
	duos(pw, p)
	unmatched(pw, "mentees", p.UnmatchedMentees, p.Overdue)
	unmatched(pw, "mentors", p.UnmatchedMentors, nil)
	if len(p.FullMentors) > 0 {
		pw.printf("  Full (pinned duos use all their places): %s\n", strings.Join(p.FullMentors, ", "))
	}
	if len(p.MissingAppliedOn) > 0 {
		pw.printf("\nNo applied_on (no waiting priority, never listed overdue): %s\n", strings.Join(p.MissingAppliedOn, ", "))
	}

	proposed := 0
	for _, d := range p.Duos {
		if !d.Pinned {
			proposed++
		}
	}
	pw.printf("\nTotal\n")
	pw.printf("  %d proposed duos, total score %.2f", proposed, p.Total)
	if proposed > 0 {
		pw.printf(" (mean %.2f)", p.Total/float64(proposed))
	}
	pw.printf("; %d pinned duos kept.\n", len(p.Duos)-proposed)
	if len(p.Overdue) > 0 {
		pw.printf("  Waiting more than %d days and still unmatched: %s.\n", match.OverdueDays, strings.Join(p.Overdue, ", "))
	}
	if len(needs) > 0 {
		pw.printf("\nMentors to recruit (duos gained with 1, 2, … such mentors)\n")
		for _, n := range needs {
			pw.printf("  %s  %s  %s  for %s\n", n.Mentor.ID, gained(n.Value), n.Description, strings.Join(n.MenteeIDs, ", "))
		}
	}
	if len(outreach) > 0 {
		pw.printf("\nMentees to look for (duos gained with 1, 2, … such mentees)\n")
		for _, o := range outreach {
			pw.printf("  %s  %s  %s  for %s\n", o.Mentee.ID, gained(o.Value), o.Description, strings.Join(o.MentorIDs, ", "))
		}
	}
	return pw.err
}

// gained writes the duos gained by 1, 2, … new people: "+1 +2 +2".
func gained(v []match.Gain) string {
	parts := make([]string, len(v))
	for k, g := range v {
		parts[k] = fmt.Sprintf("%+d", g.Duos)
	}
	return strings.Join(parts, " ")
}

// printer remembers the first write error, so that the report is written
// without checking every call.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// codeCount is how many mentees and mentors fail one eligibility rule.
type codeCount struct {
	code             string
	mentees, mentors int
	message          string
}

func eligibility(pw *printer, r match.Round) {
	policy := r.Policy // the zero value of each setting is its default
	counts := map[string]*codeCount{}
	var order []string // codes in order of first appearance
	tally := func(vs []profile.Violation, mentor bool) bool {
		for _, v := range vs {
			c := counts[v.Code]
			if c == nil {
				c = &codeCount{code: v.Code, message: v.Message}
				counts[v.Code] = c
				order = append(order, v.Code)
			}
			if mentor {
				c.mentors++
			} else {
				c.mentees++
			}
		}
		return len(vs) == 0
	}
	okMentees, okMentors := 0, 0
	for _, m := range r.Mentees {
		if tally(policy.CheckMentee(m, r.On), false) {
			okMentees++
		}
	}
	for _, m := range r.Mentors {
		if tally(policy.CheckMentor(m, r.On), true) {
			okMentors++
		}
	}
	pw.printf("\nEligibility\n")
	pw.printf("  %d of %d mentees and %d of %d mentors are eligible.\n", okMentees, len(r.Mentees), okMentors, len(r.Mentors))
	if len(order) == 0 {
		return
	}
	pw.printf("  The others fail these rules (a person may fail several):\n")
	for _, code := range order {
		c := counts[code]
		var who []string
		if c.mentees > 0 {
			who = append(who, plural(c.mentees, "mentee", "mentees"))
		}
		if c.mentors > 0 {
			who = append(who, plural(c.mentors, "mentor", "mentors"))
		}
		pw.printf("    %-22s %-20s %s\n", c.code, strings.Join(who, ", "), c.message)
	}
}

func duos(pw *printer, p match.Proposal) {
	pinned := 0
	for _, d := range p.Duos {
		if d.Pinned {
			pinned++
		}
	}
	pw.printf("\nDuos (%d proposed, %d pinned), score and strongest reasons\n", len(p.Duos)-pinned, pinned)
	for _, d := range p.Duos {
		pw.printf("  %s → %s  %.2f", d.MenteeID, d.MentorID, d.Score)
		if d.Pinned {
			pw.printf("  pinned")
			if len(d.Blocked) > 0 {
				pw.printf(" (today's rules would block it: %s)", strings.Join(blockedCodes(d.Blocked), ", "))
			}
		}
		pw.printf("\n")
		for _, part := range strongest(d.Parts, reasonsShown) {
			pw.printf("      +%.2f %-13s %s\n", part.Contribution, part.Criterion, part.Reason)
		}
	}
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

func unmatched(pw *printer, who string, us []match.Unmatched, overdue []string) {
	byReason := map[string]int{}
	for _, u := range us {
		byReason[u.Reason]++
	}
	var summary []string
	for _, reason := range slices.Sorted(maps.Keys(byReason)) {
		summary = append(summary, fmt.Sprintf("%d %s", byReason[reason], reason))
	}
	pw.printf("\nUnmatched %s (%d", who, len(us))
	if len(us) > 0 {
		pw.printf(": %s", strings.Join(summary, ", "))
	}
	pw.printf(")\n")
	for _, u := range us {
		pw.printf("  %s  %s", u.ID, explain(u))
		if slices.Contains(overdue, u.ID) {
			pw.printf(" [waiting more than %d days]", match.OverdueDays)
		}
		pw.printf("\n")
	}
}

// explain says in a line why a person is unmatched.
func explain(u match.Unmatched) string {
	switch u.Reason {
	case match.ReasonIneligible:
		codes := make([]string, len(u.Violations))
		for k, v := range u.Violations {
			codes[k] = v.Code
		}
		return "ineligible: " + strings.Join(codes, ", ")
	case match.ReasonNoCompatibleMentor, match.ReasonNoCompatibleMentee:
		if len(u.Blocked) == 0 {
			return u.Reason + ": nobody available to pair with"
		}
		return u.Reason + ": pairs blocked by " + countList(u.Blocked)
	case match.ReasonOutcompeted:
		if u.Best == nil {
			return u.Reason
		}
		s := fmt.Sprintf("outcompeted: best partner %s (%.2f)", u.Best.ID, u.Best.Score)
		if len(u.Best.TakenBy) > 0 {
			s += " went to " + strings.Join(u.Best.TakenBy, ", ")
		}
		return s
	case match.ReasonBelowMinScore:
		return u.Reason + ": every allowed pair scores below the round's minimum"
	case match.ReasonPaused:
		return u.Reason + ": paused for this round"
	}
	return u.Reason
}

// countList writes counts as "too_far 21, no_shared_time 18", largest first.
func countList(m map[string]int) string {
	keys := slices.Sorted(maps.Keys(m))
	slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(m[b], m[a]) })
	parts := make([]string, len(keys))
	for k, key := range keys {
		parts[k] = fmt.Sprintf("%s %d", key, m[key])
	}
	return strings.Join(parts, ", ")
}

func blockedCodes(rs []scoring.Reason) []string {
	out := make([]string, len(rs))
	for k, r := range rs {
		out[k] = r.Code
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
