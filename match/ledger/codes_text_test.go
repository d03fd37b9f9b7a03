package ledger_test

import (
	"context"
	"io"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// englishWords are words that no French, Dutch or German message holds: a
// sign that a sentence was left in English.
var englishWords = []string{"speaks", "lives", "waiting", "blocked", "left out", "same", "weekly",
	"did you mean", "missing", "not a ", "more than", "outside", "unknown", "the ", " or ", "already", "never", "line "}

// codeList is an arg that lists codes or column names, which stay as
// they are in every language.
var codeList = regexp.MustCompile(`^[a-z0-9_]+(, [a-z0-9_]+)*$`)

// TestProblemTextEveryPackage renders the problems of every package in
// every language: each code is in profile's catalog (TestOneCodePerMessage
// checks the English words), and the French, Dutch and German words hold
// no English. Most codes of the catalog are reached.
func TestProblemTextEveryPackage(t *testing.T) {
	reached := map[string]bool{}
	for _, err := range gatherProblems(t) {
		for _, p := range profile.Problems(err) {
			reached[p.Code] = true
			for _, lang := range profile.Languages()[1:] {
				// The place, IDs, path and args are the input's and the
				// API's: the words are the rest.
				q := *p
				q.Row, q.Line, q.Column, q.IDs, q.Path = 0, 0, "", nil, ""
				words := strings.ToLower(q.Text(lang))
				for _, a := range p.Args {
					// An arg of English words must be a term the catalog
					// translates: left as it is, it is an English sentence.
					if a := strings.ToLower(a); strings.Contains(words, a) && !codeList.MatchString(a) {
						for _, w := range englishWords {
							assert.NotContains(t, a, w, "%s in %s: an arg in English: %s", p.Code, lang, p.Text(lang))
						}
					}
					words = strings.ReplaceAll(words, strings.ToLower(a), "")
				}
				for _, w := range englishWords {
					if p.Code == "same_as_mentee" && w == "same" {
						continue // "mentee_id", a field's name, is not English words
					}
					assert.NotContains(t, words, w, "%s in %s: %s", p.Code, lang, p.Text(lang))
				}
			}
		}
	}
	var missed []string
	for _, c := range profile.ProblemCodes() {
		if !reached[c] {
			missed = append(missed, c)
		}
	}
	slices.Sort(missed)
	t.Logf("%d of %d codes reached; not reached: %v", len(reached), len(profile.ProblemCodes()), missed)
	assert.GreaterOrEqual(t, len(reached), 130, "the inputs reach most codes (the source test checks the rest)")
}

// moreProblems returns errors for the codes that the inputs of
// gatherProblems leave out: rarer limits and malformed documents.
func moreProblems(t *testing.T) []error {
	var errs []error
	add := func(err error) {
		require.Error(t, err)
		errs = append(errs, err)
	}
	mentees, mentors := synth.Generate(synth.Config{Seed: 7, Mentees: 2, Mentors: 2})
	me := mentees[0]
	me.ID = "me-\xff"
	me.BirthDate = profile.MustDate(1800, 1, 1)
	me.Traits = profile.Traits{strings.Repeat("t", 80): 0.5}
	me.Occupation = "12345"
	me.Sectors = slices.Repeat([]profile.Sector{"62"}, 30)
	me.Availability = profile.Availability(1 << 30)
	me.Home = profile.Place{City: "Nowhereville", Country: "BE"}
	add(me.Validate())
	for _, doc := range []string{`[{"id": "a", "id": "b"}]`, `[{"traits": {"a": 0.1, "a": 0.2}}]`, `[{"capacity": 99999999999999999999}]`,
		`[{"capacity": 1.5}]`, `[{"weekly_hours": 1e999}]`, `[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]`,
		`[{"id" 1}]`, "[{\"\xff\": 1}]", "[{\"traits\": {\"\xff\": 1}}]", `[{"birth_date": 5}, {"birth_date": 5}, {"birth_date": 5}]`, `[] ]`} {
		_, err := profile.DecodeMentors(strings.NewReader(doc), profile.DecodeOptions{MaxErrors: 2})
		add(err)
	}
	for _, csv := range []string{"id;birth_date;traits;experience\nme-1;x;a:x;62:x\nme-2;2001-01-01;a;x\nme-3;2001-01-01;\"a:0.1;a:0.3\";\n"} {
		_, _, err := sheet.ReadMentors(strings.NewReader(csv), sheet.Options{MaxErrors: 20})
		add(err)
	}
	add(scoring.Weights{Distance: math.MaxFloat64, Personality: math.MaxFloat64}.Validate())
	_, _, err := sheet.ReadMentees(strings.NewReader("id;birth_date\n"), sheet.Options{MaxBytes: 4})
	add(err)
	_, _, err = sheet.ReadMentees(strings.NewReader("id;birth_date;a;b\n"), sheet.Options{MaxColumns: 2})
	add(err)
	for _, l := range []string{
		jsonl(apMe1, apMo1, `{"on":"2026-01-07","event":"withdrawn","id":"me-1","reason":"moved"}`, `{"on":"2026-01-08","event":"paused","id":"me-1"}`,
			`{"on":"2026-01-08","event":"outcome","mentee_id":"me-1","result":"rich"}`),
		jsonl(apMe1, apMo1, `{"on":"2026-01-07","event":"paused","id":"me-1"}`, pr11),
		"{\"on\": 1 x}\n",
	} {
		add(ledgerErr(l))
	}
	_, err = ledger.Read(strings.NewReader(jsonl(apMe1, apMo1, pr11)), ledger.Options{MaxLines: 2, MaxErrors: 1})
	add(err)
	_, err = ledger.Read(strings.NewReader(apMe1+"\n"+strings.Repeat(" ", 100)+"\n"), ledger.Options{MaxLineBytes: 80})
	add(err)
	l, err := ledger.Read(strings.NewReader(jsonl(apMe1, apMe2, apMo1, pr11, pr21)), ledger.Options{Capacity: func(string) int { return 2 }})
	require.NoError(t, err)
	mo := mentors[0]
	mo.ID = "mo-1"
	mo.Capacity = 1
	me1 := mentees[1]
	me1.ID = "me-1"
	_, _, err = l.NextRound(match.Round{On: profile.MustDate(2026, 3, 1), Mentees: []profile.Mentee{me1, me1}, Mentors: []profile.Mentor{mo}})
	add(err)
	round := match.Round{On: profile.MustDate(2026, 3, 1), Mentees: mentees, Mentors: mentors}
	p, err := match.Propose(context.Background(), round)
	require.NoError(t, err)
	_, err = p.Needs(context.Background(), match.NeedsOptions{MaxRecruits: -1})
	add(err)
	add(sheet.Options{MaxRows: -1}.Validate())
	add(ledger.Options{MaxLines: -1, FirstMeetingDays: -3, Referrals: []string{"X y"}}.Validate())
	_, err = ledger.Read(strings.NewReader(`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1","referral":"ocmw"}`+"\n"),
		ledger.Options{Referrals: []string{"cpas"}})
	add(err)
	off := scoring.Weights{}
	for _, p := range []*float64{&off.Sector, &off.Occupation, &off.Experience, &off.Interests, &off.Language, &off.Personality, &off.Distance, &off.Availability} {
		*p = profile.Off
	}
	add(off.Validate())
	_, _, err = l.NextRound(match.Round{On: profile.MustDate(2026, 3, 1), Mentees: []profile.Mentee{me1}, Mentors: []profile.Mentor{mo},
		Pinned: []match.Duo{{MenteeID: "me-1", MentorID: "mo-1"}}})
	add(err)
	_, err = ledger.DecodeEvents(strings.NewReader("[]"), profile.DecodeOptions{})
	add(err)
	add(ledgerErr(jsonl(apMe1, apMo1, pr11, `{"on":"2026-02-09","event":"void","reason":"wrong_date","line":"3"}`,
		`{"on":"2026-02-10","event":"void","reason":"wrong_date","line":"3"}`)))
	// Closed vocabularies in a sheet and a profile, and values the people
	// writers cannot write (every reason of "unwritable_value").
	_, _, err = sheet.ReadMentees(strings.NewReader("id;birth_date;gender;agency\nme-1;2001-01-01;peut-être;Jobcentre\n"), sheet.Options{})
	add(err)
	bad := mentees[1]
	bad.Gender, bad.JobSeeker.Agency = "zz", "Jobcentre"
	add(bad.Validate())
	bad = mentees[1]
	bad.Project, bad.Occupation, bad.Home.Lat = "a\rb", "\xff", math.NaN()
	bad.Interests = []string{"a;b", " "}
	bad.Traits = profile.Traits{" a": 1}
	bad.Availability = profile.Availability(1 << 30)
	add(sheet.WriteMentees(io.Discard, []profile.Mentee{bad}, sheet.Options{}))
	bad = mentees[1]
	bad.Interests = []string{" "}
	bad.Languages = []profile.Language{{Tag: "fr", Level: "C1;"}}
	add(sheet.WriteMentees(io.Discard, []profile.Mentee{bad}, sheet.Options{}))
	badMo := mentors[1]
	badMo.Experience = []profile.Experience{{Sector: "62:01", Years: 1}}
	add(sheet.WriteMentors(io.Discard, []profile.Mentor{badMo}, sheet.Options{}))
	return errs
}
