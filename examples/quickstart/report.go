package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// reasonsShown is how many of a duo's strongest criteria the report shows.
const reasonsShown = 3

// report writes the proposal p of round r as plain text in lang:
// eligibility, duos, unmatched people, total, then a line per need (the
// mentors to recruit) and per outreach (the mentees to look for). Scores
// are printed with two decimals, with the language's decimal comma, so
// that the output is stable. It writes IDs, codes and the library's words
// (the Text and Label methods), nothing else about a person; a need's
// description names the place where the mentor should live, the mentees'
// municipality, which is what a recruiter needs. Its own headings are in
// words.go.
func report(w io.Writer, lang language.Tag, r match.Round, p match.Proposal, needs []match.Need, outreach []match.Outreach) error {
	pw := &printer{w: w, lang: lang, p: words.Printer(lang)}
	pw.line("title", i18n.LongDate(lang, r.On.Year(), r.On.Month(), r.On.Day()), len(r.Mentees), len(r.Mentors))
	eligibility(pw, r)
	duos(pw, p)
	unmatched(pw, "unmatched_mentees", p.UnmatchedMentees, p.Overdue)
	unmatched(pw, "unmatched_mentors", p.UnmatchedMentors, nil)
	if len(p.FullMentors) > 0 {
		pw.printf("  ")
		pw.line("full", strings.Join(p.FullMentors, ", "))
	}
	if len(p.MissingAppliedOn) > 0 {
		pw.printf("\n")
		pw.line("no_applied_on", strings.Join(p.MissingAppliedOn, ", "))
	}

	proposed := 0
	for _, d := range p.Duos {
		if !d.Pinned {
			proposed++
		}
	}
	pw.printf("\n")
	pw.line("total")
	pw.printf("  %s", pw.t("total_line", proposed, p.Total))
	if proposed > 0 {
		pw.printf("%s", pw.t("mean", p.Total/float64(proposed)))
	}
	pw.line("pinned_kept", len(p.Duos)-proposed)
	if len(p.Overdue) > 0 {
		pw.printf("  ")
		pw.line("overdue", profile.MatchWithinDays, strings.Join(p.Overdue, ", "))
	}
	if len(needs) > 0 {
		pw.printf("\n")
		pw.line("needs")
		for _, n := range needs {
			pw.printf("  %s  %s  %s  %s\n", n.Mentor.ID, gained(n.Value), n.Text(lang), pw.t("for", strings.Join(n.MenteeIDs, ", ")))
		}
	}
	if len(outreach) > 0 {
		pw.printf("\n")
		pw.line("outreach")
		for _, o := range outreach {
			pw.printf("  %s  %s  %s  %s\n", o.Mentee.ID, gained(o.Value), o.Text(lang), pw.t("for", strings.Join(o.MentorIDs, ", ")))
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

// printer writes the report in one language and remembers the first write
// error, so that the report is written without checking every call.
type printer struct {
	w    io.Writer
	lang language.Tag
	p    *message.Printer // formats numbers as lang writes them
	err  error
}

// printf writes a format that holds no words, numbers in the language.
func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = p.w.Write([]byte(p.p.Sprintf(format, args...)))
	}
}

// t renders one of the report's own messages.
func (p *printer) t(key string, args ...any) string { return words.Sprintf(p.lang, key, args...) }

// line writes one of the report's own messages and a new line.
func (p *printer) line(key string, args ...any) { p.printf("%s\n", p.t(key, args...)) }

// codeCount is how many mentees and mentors fail one eligibility rule.
type codeCount struct {
	code             string
	mentees, mentors int
	text             string
}

func eligibility(pw *printer, r match.Round) {
	policy := r.Policy // the zero value of each setting is its default
	counts := map[string]*codeCount{}
	var order []string // codes in order of first appearance
	tally := func(vs []profile.Violation, mentor bool) bool {
		for _, v := range vs {
			c := counts[v.Code]
			if c == nil {
				c = &codeCount{code: v.Code, text: violationText(v, pw.lang)}
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
	pw.printf("\n")
	pw.line("eligibility")
	pw.printf("  ")
	pw.line("eligible", okMentees, len(r.Mentees), okMentors, len(r.Mentors))
	if len(order) == 0 {
		return
	}
	pw.printf("  ")
	pw.line("fail_rules")
	for _, code := range order {
		c := counts[code]
		var who []string
		if c.mentees > 0 {
			who = append(who, pw.t("mentees", c.mentees))
		}
		if c.mentors > 0 {
			who = append(who, pw.t("mentors", c.mentors))
		}
		pw.printf("    %-22s %-20s %s\n", c.code, strings.Join(who, ", "), c.text)
	}
}

func duos(pw *printer, p match.Proposal) {
	pinned := 0
	for _, d := range p.Duos {
		if d.Pinned {
			pinned++
		}
	}
	pw.printf("\n")
	pw.line("duos", len(p.Duos)-pinned, pinned)
	for _, d := range p.Duos {
		pw.printf("  %s → %s  %.2f", d.MenteeID, d.MentorID, d.Score)
		if d.Pinned {
			pw.printf("  %s", pw.t("pinned"))
			if len(d.Blocked) > 0 {
				pw.printf("%s", pw.t("blocked_today", strings.Join(blockedLabels(d.Blocked, pw.lang), ", ")))
			}
		}
		pw.printf("\n")
		for _, part := range scoring.Strongest(d.Parts, reasonsShown) {
			pw.printf("      %+.2f %-16s %s\n", part.Contribution, scoring.Label(part.Criterion, pw.lang), part.Text(pw.lang))
		}
	}
}

func unmatched(pw *printer, key string, us []match.Unmatched, overdue []string) {
	byReason := map[string]int{}
	for _, u := range us {
		byReason[u.Reason]++
	}
	summary := ""
	if len(us) > 0 {
		var parts []string
		for _, reason := range slices.Sorted(maps.Keys(byReason)) {
			parts = append(parts, pw.t("reason_count", byReason[reason], match.ReasonLabel(reason, pw.lang)))
		}
		summary = pw.t("by_reason", strings.Join(parts, ", "))
	}
	pw.printf("\n")
	pw.line(key, len(us), summary)
	for _, u := range us {
		pw.printf("  %s  %s: %s", u.ID, u.Reason, u.Text(pw.lang))
		if slices.Contains(overdue, u.ID) {
			pw.printf("%s", pw.t("waiting_tag", profile.MatchWithinDays))
		}
		pw.printf("\n")
	}
}

// blockedLabels names the hard rules of rs in lang.
func blockedLabels(rs []scoring.Reason, lang language.Tag) []string {
	out := make([]string, len(rs))
	for k, r := range rs {
		out[k] = scoring.Label(r.Code, lang)
	}
	return out
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
