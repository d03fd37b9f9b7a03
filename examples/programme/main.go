// Command programme walks a synthetic mentoring programme through 20
// months with a ledger (package match/ledger): people apply, a matching
// round runs each month on the round the ledger makes, first meetings
// start or fail (about one in four), failed pairs are re-matched with
// others, duos end (some early because the mentee found a job, a training
// or an internship), and results are recorded at the end of each duo and
// at the 12-month follow-up. Staff record the applications the round finds
// ineligible, which leave the waiting figures. It prints each month's
// round, then the worklist and the indicators of the first year, with the
// results at the end of the mentorship and at 12 months as the model
// programme counts them.
//
// Usage:
//
//	go run ./examples/programme [-seed N] [-ledger FILE] [-report FILE [-lang fr]]
//
// With -ledger, the history is also written to FILE in JSON Lines. With
// -report, the funder's report of the 20 months (package
// match/ledger/report) is written to FILE, an HTML page in the language
// of -lang (en, fr, nl or de), with its equity tables by gender, age
// band, region, referral partner and the mentor's sector. -lang also sets
// the language of what the program prints: the worklist's and indicators'
// words are the library's (ledger.Worklist.Text, ledger.Indicators.Text),
// days are written day first. Every
// person is synthetic (internal/synth) and the outcome of each meeting is
// drawn from a seeded generator, so the same seed prints the same report.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("programme", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Uint64("seed", 1, "seed of the synthetic programme")
	file := fs.String("ledger", "", "write the ledger to this file (JSON Lines)")
	out := fs.String("report", "", "write the funder's report of the programme's months to this file (HTML)")
	lang := fs.String("lang", "en", "language of the report: en, fr, nl or de")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		fmt.Fprintln(stderr, "programme: -lang: want a language tag such as en, fr, nl or de")
		return 2
	}
	l, mentees, mentors, err := simulate(*seed, 20, stdout, tag)
	if err == nil && *file != "" {
		err = writeFile(*file, l)
	}
	if err == nil && *out != "" {
		err = writeReport(*out, l, mentees, mentors, tag)
	}
	if err != nil {
		fmt.Fprintln(stderr, "programme:", err)
		return 1
	}
	return 0
}

func writeFile(name string, l *ledger.Ledger) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := l.WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// referrals are the programme's referral partners: the public employment
// service (twice as many as the others), a social welfare centre (CPAS,
// OCMW), an integration agency, a school.
var referrals = []string{"pes", "pes", "cpas", "integration", "school"}

// start is the first round's day.
var start = profile.MustDate(2026, 1, 5)

// simulate runs the programme for months monthly rounds, printing each
// round, then the worklist and the indicators.
func simulate(seed uint64, months int, w io.Writer, lang language.Tag) (*ledger.Ledger, []profile.Mentee, []profile.Mentor, error) {
	mentees, mentors := synth.Generate(synth.Config{Seed: seed, Mentees: 80, Mentors: 60, On: start, IneligibleShare: 0.1})
	rng := rand.New(rand.NewPCG(seed, 2026))
	capacity := map[string]int{}
	for _, m := range mentors {
		capacity[m.ID] = m.EffectiveCapacity()
	}
	l := ledger.New(ledger.Options{Capacity: func(id string) int { return capacity[id] }, Referrals: []string{"pes", "cpas", "integration", "school"}})
	var err error
	add := func(e ledger.Event) {
		if err == nil {
			err = l.Add(e)
		}
	}
	// Applications arrive over the first 8 months, a few every week,
	// the mentees' through a referral partner (drawn apart, so that the
	// rest of the programme draws the same numbers with or without them).
	var apps []ledger.Event
	channels := rand.New(rand.NewPCG(seed, 21))
	for _, m := range mentees {
		apps = append(apps, ledger.Event{On: start.AddDays(-20 + rng.IntN(240)), Kind: ledger.Applied, Side: ledger.MenteeSide, ID: m.ID,
			Referral: referrals[channels.IntN(len(referrals))]})
	}
	for _, m := range mentors {
		apps = append(apps, ledger.Event{On: start.AddDays(-20 + rng.IntN(240)), Kind: ledger.Applied, Side: ledger.MentorSide, ID: m.ID})
	}
	slices.SortStableFunc(apps, func(a, b ledger.Event) int { return a.On.Compare(b.On) })

	started := map[match.Duo]profile.Date{}
	var history []match.Duo // started duos, in order
	heads := strings.Fields(words(lang, "table"))
	widths := []int{10, 3, 6, 6, 5, 8} // the English table's
	for k, h := range heads {
		widths[k] = max(widths[k], utf8.RuneCountInString(h))
		if k == 0 {
			fmt.Fprintf(w, "%-*s", widths[k], h)
		} else {
			fmt.Fprintf(w, "  %*s", widths[k], h)
		}
	}
	fmt.Fprintln(w)
	for month := 0; month < months && err == nil; month++ {
		on := start.AddDays(28 * month)
		for len(apps) > 0 && apps[0].On.Before(on) {
			add(apps[0])
			apps = apps[1:]
		}
		round, _, rerr := l.NextRound(match.Round{On: on, Mentees: mentees, Mentors: mentors})
		if rerr != nil {
			return nil, nil, nil, rerr
		}
		p, perr := match.Propose(context.Background(), round)
		if perr != nil {
			return nil, nil, nil, perr
		}
		// Staff record the people the round finds ineligible, with the
		// first rule they fail, so that they leave the worklist and the
		// waiting figures. Someone proposed before in this application
		// is no longer eligible: withdrawn.
		for _, u := range slices.Concat(p.UnmatchedMentees, p.UnmatchedMentors) {
			if u.Reason != match.ReasonIneligible || err != nil {
				continue
			}
			e := ledger.Event{On: on, Kind: ledger.Ineligible, ID: u.ID, Reason: u.Violations[0].Code}
			if e.Validate() != nil {
				e.Reason = ledger.Other // a rule the ledger has no code for
			}
			if l.Add(e) != nil {
				add(ledger.Event{On: on, Kind: ledger.Withdrawn, ID: u.ID, Reason: ledger.NotEligible})
			}
		}
		var proposed []match.Duo
		for _, d := range p.Duos {
			if !d.Pinned {
				add(ledger.Event{On: on, Kind: ledger.Proposed, MenteeID: d.MenteeID, MentorID: d.MentorID})
				proposed = append(proposed, match.Duo{MenteeID: d.MenteeID, MentorID: d.MentorID})
			}
		}
		// A week later, the first meetings: about one in four fails.
		failed := 0
		for _, d := range proposed {
			e := ledger.Event{On: on.AddDays(7), Kind: ledger.FirstMeeting, MenteeID: d.MenteeID, MentorID: d.MentorID, Result: ledger.Started}
			if rng.Float64() < 0.25 {
				e.Result, e.Reason = ledger.Failed, []string{ledger.NoShow, ledger.Mismatch, ledger.Practical}[rng.IntN(3)]
				failed++
			} else {
				started[d] = e.On
				history = append(history, d)
			}
			add(e)
		}
		// Ten days after the round, duos end: after 6 months, or early.
		ended := 0
		for _, d := range history {
			s, live := started[d]
			if !live || s == on.AddDays(7) {
				continue
			}
			reason := ""
			switch {
			case on.AddDays(10).DaysSince(s) >= ledger.DuoDays:
				reason = ledger.Completed
			case rng.Float64() < 0.05:
				reason = []string{ledger.MentorLeft, ledger.Mismatch, ledger.FoundJob, ledger.FoundTraining, ledger.FoundInternship}[rng.IntN(5)]
			default:
				continue
			}
			add(ledger.Event{On: on.AddDays(10), Kind: ledger.Ended, MenteeID: d.MenteeID, MentorID: d.MentorID, Reason: reason})
			delete(started, d)
			ended++
		}
		// The worklist says whose result is due, at the end of a duo and
		// at the 12-month follow-up; one in five is never reached.
		outcomes := 0
		work := l.Worklist(on.AddDays(12))
		for _, t := range slices.Concat(work.EndOutcomeDue, work.OutcomeDue) {
			if rng.Float64() < 0.2 {
				continue
			}
			res := []string{ledger.JobOver3Months, ledger.JobOver3Months, ledger.Training, ledger.Internship, ledger.JobShort, ledger.NoResult}[rng.IntN(6)]
			add(ledger.Event{On: on.AddDays(12), Kind: ledger.Outcome, MenteeID: t.MenteeID, Result: res})
			outcomes++
		}
		fmt.Fprintf(w, "%-*s  %*d  %*d  %*d  %*d  %*d\n", widths[0], day(lang, on), widths[1], len(proposed), widths[2], len(round.Pinned),
			widths[3], failed, widths[4], ended, widths[5], outcomes)
	}
	if err != nil {
		return nil, nil, nil, err
	}

	end := start.AddDays(28 * months)
	fmt.Fprint(w, "\n"+l.Worklist(end).Text(lang, 3))
	fmt.Fprint(w, "\n"+l.Indicators(start, start.AddDays(364), nil).Text(lang))
	later := l.Indicators(start, end, nil).Overall
	fmt.Fprintf(w, "\n"+words(lang, "results")+"\n", day(lang, start), day(lang, end))
	fmt.Fprint(w, later.AtEnd.Text(lang, "at_end"))
	fmt.Fprint(w, later.At12Months.Text(lang, "at_12_months"))
	return l, mentees, mentors, nil
}

// The program's own words, in the order of profile.Languages (English,
// French, Dutch, German); the rest are the ledger's.
var reportWords = map[string][4]string{
	"table": {"month new pinned failed ended outcomes", "mois nouveaux fixés échecs fins résultats",
		"maand nieuw vastgezet mislukt beëindigd resultaten", "Monat neu festgelegt gescheitert beendet Ergebnisse"},
	"results": {"Results of the duos from %s to %s", "Résultats des duos du %s au %s", "Resultaten van de duo's van %s tot %s", "Ergebnisse der Tandems vom %s bis %s"},
}

// words returns the program's words key in lang (the closest of the four).
func words(lang language.Tag, key string) string { return reportWords[key][i18n.Index(lang)] }

// day writes d day first, as lang writes it.
func day(lang language.Tag, d profile.Date) string {
	return i18n.ShortDate(lang, d.Year(), d.Month(), d.Day())
}
