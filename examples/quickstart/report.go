package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"

	"github.com/duomatch/duo/internal/msg"
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
		pw.printf("  Waiting more than %d days and still unmatched: %s.\n", profile.MatchWithinDays, strings.Join(p.Overdue, ", "))
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
			who = append(who, msg.Count(c.mentees, "mentee", "mentees"))
		}
		if c.mentors > 0 {
			who = append(who, msg.Count(c.mentors, "mentor", "mentors"))
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
		for _, part := range scoring.Strongest(d.Parts, reasonsShown) {
			pw.printf("      +%.2f %-13s %s\n", part.Contribution, part.Criterion, part.Reason)
		}
	}
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
		pw.printf("  %s  %s", u.ID, u.Reason+": "+u.Describe())
		if slices.Contains(overdue, u.ID) {
			pw.printf(" [waiting more than %d days]", profile.MatchWithinDays)
		}
		pw.printf("\n")
	}
}

func blockedCodes(rs []scoring.Reason) []string {
	out := make([]string, len(rs))
	for k, r := range rs {
		out[k] = r.Code
	}
	return out
}
