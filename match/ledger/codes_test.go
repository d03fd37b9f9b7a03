package ledger_test

import (
	"context"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// template is p's Detail with each arg, in order, replaced by {i}: the
// message a translation will render from Code and Args.
func template(p *profile.Problem) string {
	d, out := p.Detail, ""
	for i, a := range p.Args {
		k := strings.Index(d, a)
		if k < 0 {
			return "(arg " + strconv.Itoa(i) + " not in the words) " + p.Detail
		}
		out += d[:k] + "{" + strconv.Itoa(i) + "}"
		d = d[k+len(a):]
	}
	return out + d
}

// TestOneCodePerMessage gathers the problems of every package of duo on
// bad inputs of many kinds and checks that each Code stands for one
// message: the words, with the args put back, are the same for every
// problem of a code, so that a code and its args can render the message
// in any language. Every problem has a code, and every arg is in its words.
func TestOneCodePerMessage(t *testing.T) {
	// Codes whose words have a form per plural of a count.
	counted := map[string]bool{"more_not_listed": true, "above_capacity": true, "more_problems": true,
		"batch_interrupted": true, "incomplete_batch": true}
	errs := gatherProblems(t)
	seen := map[string]string{} // code -> template
	known := map[string]bool{}
	for _, c := range profile.ProblemCodes() {
		known[c] = true
	}
	for _, err := range errs {
		for _, p := range profile.Problems(err) {
			require.NotEmpty(t, p.Code, "%v", p)
			// The catalog renders the code's words from its args: the
			// English rendering is the problem's own message.
			assert.True(t, known[p.Code], "code %s is not in profile's catalog", p.Code)
			assert.Equal(t, p.Error(), p.Text(language.English), "code %s", p.Code)
			for _, lang := range profile.Languages()[1:] {
				assert.NotEqual(t, p.Error(), p.Text(lang), "code %s in %s", p.Code, lang)
			}
			tm := template(p)
			assert.NotContains(t, tm, "not in the words", "%s: %v", p.Code, p)
			if counted[p.Code] {
				continue // a form per plural; the English check above covers it
			}
			if prev, ok := seen[p.Code]; ok {
				assert.Equal(t, prev, tm, "code %s stands for two messages", p.Code)
			} else {
				seen[p.Code] = tm
			}
		}
	}
	assert.Greater(t, len(seen), 60, "the inputs reach most codes")
}

// gatherProblems returns the errors of every package of duo on bad inputs
// of many kinds, reaching most problem codes.
func gatherProblems(t *testing.T) []error {
	var errs []error
	add := func(err error) {
		require.Error(t, err)
		errs = append(errs, err)
	}
	// Profiles: the synthetic pool, every field spoiled in turn.
	mentees, mentors := synth.Generate(synth.Config{Seed: 5, Mentees: 20, Mentors: 20})
	for i, m := range mentees {
		m.ID = []string{"", "me x ", "me\n1", strings.Repeat("x", 70)}[i%4]
		m.BirthDate = profile.Date{}
		m.Languages = append(m.Languages, profile.Language{Tag: "zz-!!", Level: profile.Level([]string{"", "B3"}[i%2])})
		m.Home.Lat, m.Home.Lon = 91, 500
		m.Sectors = append(m.Sectors, profile.Sector([]string{"99", "X9", "34", "J"}[i%4]))
		m.Traits = profile.Traits{"openness": float64(i) + 2, "": 0.5}
		m.Background.Nationalities = []profile.Country{"XX", ""}
		m.Interests = []string{" ", strings.Repeat("y", 70)}
		add(m.Validate())
	}
	for i, m := range mentors {
		m.Capacity = []int{-1, 101}[i%2]
		m.WeeklyHours = []float64{-1, 200}[i%2]
		m.Status = "sometimes"
		m.Experience = []profile.Experience{{Sector: "62.01", Years: float64(81 + i)}}
		add(m.Validate())
	}
	add(profile.Policy{Mentee: profile.MenteeRules{MinAge: 200, MaxAge: 20}, Mentor: profile.MentorRules{MinWeeklyHours: 500, Trained: 7}}.Validate())
	add(profile.Policy{Mentee: profile.MenteeRules{MinAge: 31, Agencies: []profile.Agency{" ", profile.Agency(strings.Repeat("a", 70))}}, Mentor: profile.MentorRules{MinExperienceYears: 90}}.Validate())
	// Documents.
	for _, doc := range []string{``, `null`, `[1, "x", {"id": 7}] 2`, `[{"id": "me-1", "x": 1, "x": 2, "birth_date": "2001-02-30"}]`, `[{"id": "me-1", "birth_date": "2001-01-01", "capacity": 0}`, `[[[[`} {
		_, err := profile.DecodeMentees(strings.NewReader(doc), profile.DecodeOptions{MaxPeople: 2, MaxErrors: 3})
		add(err)
	}
	_, err := match.DecodeRound(strings.NewReader(`{"objective": "most", "mentors": [{"capacity": 0}, {}, {}]}`), profile.DecodeOptions{MaxPeople: 2})
	add(err)
	// Rounds and settings.
	good, goodMo := synth.Generate(synth.Config{Seed: 6, Mentees: 3, Mentors: 3})
	_, err = match.Propose(context.Background(), match.Round{
		Mentees: append(good, good[0]), Mentors: goodMo, MinScore: math.Inf(1), WaitBonus: -3, Objective: 9,
		Pinned: []match.Duo{{MenteeID: "me-x", MentorID: "mo-x"}, {MenteeID: good[1].ID, MentorID: goodMo[0].ID}, {MenteeID: good[1].ID, MentorID: goodMo[1].ID}},
		Scorer: scoring.Scorer{Weights: scoring.Weights{Sector: -1, Language: 1e308, Distance: 1e308}, Rules: scoring.Rules{MaxDistanceKm: -5, MinSharedLevel: "Z9"}},
	})
	add(err)
	// Sheets.
	for _, csv := range []string{"", "id\n", "id;birth_date;birth_date\n", "id;birth_dat\n",
		"id;birth_date;registered;weekly_hours;availability;languages;traits;experience\n" +
			"me-1;31/02/2001;maybe;two;mon-night;fr;openness;62.01\n;x;;;;;openness:x;62.01:y\nme-1;2001-01-01;;1.5;;;a:1;a:1\nme-1;2001-01-01;;;;;a:0.1;a:0.2\n",
		"id;birth_date\nme-\"1;x\n"} {
		_, _, err := sheet.ReadMentees(strings.NewReader(csv), sheet.Options{MaxErrors: 4})
		add(err)
	}
	_, _, err = sheet.ReadMentors(strings.NewReader("id;birth_date;capacity\nmo-1;1960-01-01;0\nmo-2;1960-01-01;1.5\n"), sheet.Options{})
	add(err)
	// More settings, rounds, sheets and ledgers, for the codes the inputs
	// above do not reach.
	add(profile.Policy{Mentee: profile.MenteeRules{MinAge: -5, Agencies: []profile.Agency{}}, Mentor: profile.MentorRules{MinWeeklyHours: math.NaN()}}.Validate())
	add(scoring.Rules{DistanceScaleKm: -1, FullExperienceYears: math.Inf(1)}.Validate())
	add(scoring.Weights{Sector: math.NaN(), Language: math.Inf(1), Distance: math.MaxFloat64, Personality: math.MaxFloat64}.Validate())
	late := good[0]
	late.AppliedOn = profile.MustDate(2027, 1, 1)
	_, err = match.Propose(context.Background(), match.Round{
		On: profile.MustDate(2026, 11, 23), Mentees: []profile.Mentee{late, good[1]}, Mentors: []profile.Mentor{goodMo[0]},
		Pinned:   []match.Duo{{MenteeID: late.ID, MentorID: goodMo[0].ID}, {MenteeID: good[1].ID, MentorID: goodMo[0].ID}},
		Excluded: []match.Duo{{MenteeID: late.ID, MentorID: goodMo[0].ID}},
	})
	add(err)
	for _, csv := range []string{"id;birth_date;x;id\n", "naam;geboortedatm\n", "\xef\xbb\xbf\xff\n",
		"id;birth_date\nme-1;2001-01-01;extra\nme-2;\"2001\n", strings.Repeat("id;birth_date\n", 1) + strings.Repeat("me-1;2001-01-01\n", 3)} {
		_, _, err := sheet.ReadMentees(strings.NewReader(csv), sheet.Options{MaxErrors: 2, MaxRows: 2})
		add(err)
	}
	_, _, err = sheet.ReadMentees(strings.NewReader("id;birth_date\nme-1;"+strings.Repeat("1", 40)+"\n"), sheet.Options{MaxCellBytes: 20})
	add(err)
	_, _, err = sheet.ReadMentees(strings.NewReader("id;birth_date;capaciteit\n"), sheet.Options{Columns: map[string]string{"capaciteit": "capacity"}})
	add(err)
	_, _, err = sheet.ReadMentees(strings.NewReader("id;langauges\n"), sheet.Options{Required: sheet.RulesColumns()})
	add(err)
	// The alternatives of mentees outside the pool.
	p, err := match.Propose(context.Background(), match.Round{On: profile.MustDate(2026, 11, 23), Mentees: good, Mentors: goodMo,
		Pinned: []match.Duo{{MenteeID: good[0].ID, MentorID: goodMo[0].ID}}})
	require.NoError(t, err)
	_, err = p.AlternativesOf(context.Background(), []string{good[0].ID, "me-x", good[1].ID}, 2)
	add(err)
	add(ledgerErr(jsonl(apMe1, apMo1, pr11, pr11, fa11, fa11, `{"on":"2026-01-01","event":"paused","id":"me-1"}`,
		`{"on":"2026-03-01","event":"resumed","id":"mo-1"}`, `{"on":"2026-03-02","event":"ended","mentee_id":"me-1","mentor_id":"mo-1","reason":"completed"}`,
		`{"on":"2026-03-03","event":"outcome","mentee_id":"me-1","result":"training"}`, `{"on":"2026-03-03","event":"applied","side":"mentor","id":"me-1"}`,
		`{"on":"2026-03-04","event":"proposed","mentee_id":"mo-1","mentor_id":"me-1"}`, `{"on":"2026-03-05","event":"withdrawn","id":"me-2","reason":"moved"}`,
		`{"on":"2026-03-05","event":"paused","id":"mo-1"}`, `{"on":"2026-03-06","event":"paused","id":"mo-1"}`,
		`{"on":"2026-03-07","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"}`)))
	add(ledgerErr(jsonl(apMe1, apMe2, apMo1, pr11, pr21, `{"on":"2026-03-01","event":"withdrawn","id":"me-1","reason":"moved"}`,
		`{"on":"2026-03-02","event":"paused","id":"me-1"}`)))
	add(ledgerErr(strings.Repeat(apMe1+"\n", 5) + `{"on":"2026-01-05","event":"applied","side":"mentee","id":"` + strings.Repeat("x", 80) + `"}` + "\n"))
	// Ledgers.
	for _, l := range []string{"x\n{}\n[]\n{\"on\": 1}\n{\"on\": \"2026-13-01\", \"event\": \"nope\"}\n{\"x\": [1]}\n{} {}\n{\"on\":\"2026-01-01\"\n",
		jsonl(apMe1, apMe1, st11, `{"on":"2026-01-05","event":"applied","side":"both","id":"me-9","mentee_id":"me-9"}`,
			`{"on":"2026-01-05","event":"ended","mentee_id":"me-1","mentor_id":"me-1","reason":"bored"}`),
		// Days out of range, ineligible after a proposal, voids of every
		// kind of wrong line.
		jsonl(`{"on":"9999-12-31","event":"applied","side":"mentee","id":"me-9"}`, apMe1, apMo1, pr11, fa11,
			`{"on":"2026-02-09","event":"ineligible","id":"me-1","reason":"too_old"}`,
			`{"on":"2026-02-09","event":"ineligible","id":"mo-1","reason":"tall"}`,
			void("2026-02-09", "3", ledger.WrongDate), void("2026-02-09", "99", ledger.Other), void("2026-02-09", "1", ledger.Other),
			void("2026-02-09", "5", ledger.Duplicate), void("2026-02-09", "5", ledger.Duplicate), void("2026-02-09", "11", ledger.Other),
			void("2026-02-09", "007", ledger.Other))} {
		_, err := ledger.Read(strings.NewReader(l), ledger.Options{MaxErrors: 20})
		add(err)
	}

	return append(errs, moreProblems(t)...)
}

// ledgerErr returns the error of reading the ledger l.
func ledgerErr(l string) error {
	_, err := ledger.Read(strings.NewReader(l), ledger.Options{MaxErrors: 50})
	return err
}
