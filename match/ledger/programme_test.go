package ledger_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// handLedger is a small programme whose figures are worked out by hand in
// the tests below. The period of the first half of 2026 sees six mentee
// applications (me-1 to me-6); me-7 and me-8 applied earlier.
const handLedger = `{"on":"2025-06-01","event":"applied","side":"mentee","id":"me-8"}
{"on":"2025-06-01","event":"applied","side":"mentor","id":"mo-6"}
{"on":"2025-07-01","event":"proposed","mentee_id":"me-8","mentor_id":"mo-6"}
{"on":"2025-07-08","event":"first_meeting","mentee_id":"me-8","mentor_id":"mo-6","result":"started"}
{"on":"2025-12-01","event":"applied","side":"mentee","id":"me-7"}
{"on":"2026-01-01","event":"applied","side":"mentee","id":"me-1"}
{"on":"2026-01-01","event":"applied","side":"mentee","id":"me-2"}
{"on":"2026-01-01","event":"applied","side":"mentee","id":"me-3"}
{"on":"2026-01-01","event":"applied","side":"mentee","id":"me-4"}
{"on":"2026-01-01","event":"applied","side":"mentee","id":"me-6"}
{"on":"2026-01-01","event":"applied","side":"mentor","id":"mo-1"}
{"on":"2026-01-01","event":"applied","side":"mentor","id":"mo-2"}
{"on":"2026-01-01","event":"applied","side":"mentor","id":"mo-3"}
{"on":"2026-01-01","event":"applied","side":"mentor","id":"mo-4"}
{"on":"2026-01-01","event":"applied","side":"mentor","id":"mo-5"}
{"on":"2026-01-10","event":"ended","mentee_id":"me-8","mentor_id":"mo-6","reason":"completed"}
{"on":"2026-01-11","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"}
{"on":"2026-01-16","event":"withdrawn","id":"me-3","reason":"moved"}
{"on":"2026-01-18","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"failed","reason":"no_show"}
{"on":"2026-01-21","event":"proposed","mentee_id":"me-2","mentor_id":"mo-2"}
{"on":"2026-01-21","event":"proposed","mentee_id":"me-6","mentor_id":"mo-3"}
{"on":"2026-01-25","event":"proposed","mentee_id":"me-1","mentor_id":"mo-5"}
{"on":"2026-01-28","event":"first_meeting","mentee_id":"me-2","mentor_id":"mo-2","result":"started"}
{"on":"2026-01-28","event":"first_meeting","mentee_id":"me-6","mentor_id":"mo-3","result":"started"}
{"on":"2026-02-01","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-5","result":"started"}
{"on":"2026-02-10","event":"proposed","mentee_id":"me-4","mentor_id":"mo-4"}
{"on":"2026-02-17","event":"first_meeting","mentee_id":"me-4","mentor_id":"mo-4","result":"started"}
{"on":"2026-03-15","event":"ended","mentee_id":"me-2","mentor_id":"mo-2","reason":"mentor_left"}
{"on":"2026-05-01","event":"ended","mentee_id":"me-6","mentor_id":"mo-3","reason":"found_job"}
{"on":"2026-05-10","event":"proposed","mentee_id":"me-7","mentor_id":"mo-3"}
{"on":"2026-05-17","event":"first_meeting","mentee_id":"me-7","mentor_id":"mo-3","result":"started"}
{"on":"2026-06-01","event":"outcome","mentee_id":"me-6","result":"job_short"}
{"on":"2026-06-10","event":"applied","side":"mentee","id":"me-5"}
{"on":"2026-06-20","event":"paused","id":"mo-6"}
{"on":"2026-08-05","event":"ended","mentee_id":"me-1","mentor_id":"mo-5","reason":"completed"}
{"on":"2026-08-20","event":"ended","mentee_id":"me-4","mentor_id":"mo-4","reason":"completed"}
{"on":"2027-01-20","event":"outcome","mentee_id":"me-2","result":"job_over_3_months"}
{"on":"2027-02-03","event":"outcome","mentee_id":"me-1","result":"unknown"}
{"on":"2027-02-20","event":"outcome","mentee_id":"me-4","result":"none"}
`

func day(s string) profile.Date {
	d, err := profile.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func readHand(t *testing.T) *ledger.Ledger {
	t.Helper()
	l, err := ledger.Read(strings.NewReader(handLedger), ledger.Options{})
	require.NoError(t, err)
	return l
}

// city is the test's grouping: me-1 to me-3 and mo-1 to mo-3 in Brussels,
// the others in Ghent.
func city(id string) string {
	switch id {
	case "me-1", "me-2", "me-3", "mo-1", "mo-2", "mo-3":
		return "Brussels"
	}
	return "Ghent"
}

func TestIndicatorsFirstHalf(t *testing.T) {
	in := readHand(t).Indicators(day("2026-01-01"), day("2026-06-30"), city)
	f := in.Overall

	assert.Equal(t, 6, f.MenteeApplications) // me-1 to me-6
	assert.Equal(t, 5, f.MentorApplications) // mo-1 to mo-5

	// Time to a first proposal, in days, for the six applications:
	//   me-1 10 (proposed 01-11), me-2 20, me-6 20, me-4 40: matched;
	//   me-3 censored at 15 (withdrawn 01-16);
	//   me-5 censored at 20 (applied 06-10, still waiting on 06-30).
	// Kaplan–Meier:
	//   day 10: 6 at risk, 1 matched: S = 5/6
	//   day 15: me-3 censored, 4 left at risk
	//   day 20: 4 at risk (me-2, me-6, me-5 censored that day, me-4),
	//           2 matched: S = 5/6 · (1 − 2/4) = 5/12 ≈ 0.4167 ≤ 0.5: median 20
	//   day 40: 1 at risk, 1 matched: S = 0
	km := f.DaysToMatch
	assert.Equal(t, 6, km.Applications)
	assert.Equal(t, 4, km.Matched)
	assert.Equal(t, 2, km.Censored)
	require.NotNil(t, km.MedianDays)
	assert.Equal(t, 20, *km.MedianDays)
	require.Len(t, km.Curve, 3)
	for i, want := range []ledger.Point{{Day: 10, AtRisk: 6, Matched: 1, Waiting: 5.0 / 6}, {Day: 20, AtRisk: 4, Matched: 2, Waiting: 5.0 / 12}, {Day: 40, AtRisk: 1, Matched: 1, Waiting: 0}} {
		assert.Equal(t, want.Day, km.Curve[i].Day)
		assert.Equal(t, want.AtRisk, km.Curve[i].AtRisk)
		assert.Equal(t, want.Matched, km.Curve[i].Matched)
		assert.InDelta(t, want.Waiting, km.Curve[i].Waiting, 1e-12)
	}

	// Matched within 30 days: me-5's 30 days are not over on 06-30 (too
	// recent); of the other five, me-1, me-2 and me-6 were proposed within
	// 30 days, me-4 after 40, me-3 withdrew: 3 of 5. Wilson with z = 1.96:
	//   centre = (0.6 + 3.8415/10) / (1 + 3.8415/5) = 0.98415 / 1.76829 = 0.55655
	//   half   = 1.96 · sqrt(0.24/5 + 3.8415/100) / 1.76829 = 0.32582
	//   [0.2307, 0.8824]
	assert.Equal(t, 1, f.TooRecent)
	assertProportion(t, 3, 5, 0.6, 0.2307, 0.8824, f.MatchedWithin30Days)

	// First meetings in the period: me-1+mo-1 failed; me-2+mo-2, me-6+mo-3,
	// me-1+mo-5, me-4+mo-4, me-7+mo-3 started: 1 of 6 failed. Wilson 1/6:
	//   centre = (1/6 + 0.19207) / (1 + 0.64024) = 0.21423
	//   half   = 1.96 · sqrt((1/6)(5/6)/6 + 3.8415/144) / 1.64024 = 0.18428
	assertProportion(t, 1, 6, 1.0/6, 0.0300, 0.5635, f.FirstMeetingFailed)

	// Endings in the period: me-8+mo-6 completed (186 days), me-2+mo-2
	// mentor_left after 46 days, me-6+mo-3 found_job after 93 days: 1 of 3
	// early (a job found is a success, not an early closure), 1 of 3 a
	// success.
	assert.Equal(t, map[string]int{"completed": 1, "mentor_left": 1, "found_job": 1}, f.Endings)
	assert.Equal(t, 1, f.EarlyClosure.Count)
	assert.Equal(t, 3, f.EarlyClosure.Total)
	assert.Equal(t, map[string]int{"mentor_left": 1}, f.EarlyClosureReasons)
	assert.Equal(t, 1, f.SuccessfulEnding.Count)
	assert.Equal(t, 3, f.SuccessfulEnding.Total)

	// End points in the period: me-8+mo-6 on 2026-01-07 (183 days after
	// its start; it ended later), me-2+mo-2 on its ending 03-15, me-6+mo-3
	// on its ending 05-01. me-8 and me-2 have no result recorded by 06-30:
	// lost to follow-up, 2 of 3; me-6's job_short of 06-01 is in its window
	// (from 04-01): known, not positive.
	assert.Equal(t, 3, f.AtEnd.Reached)
	assert.Equal(t, 2, f.AtEnd.LostToFollowUp.Count)
	assert.Equal(t, 3, f.AtEnd.LostToFollowUp.Total)
	assertProportion(t, 0, 1, 0, 0, 0.7935, f.AtEnd.Positive)
	assert.Equal(t, map[string]int{"job_short": 1}, f.AtEnd.Recorded)

	// Mentors with a duo started in the period: mo-2, mo-3, mo-5, mo-4;
	// mo-3 started a second one (me-7): 1 of 4.
	assert.Equal(t, 1, f.SecondMentee.Count)
	assert.Equal(t, 4, f.SecondMentee.Total)

	// No follow-up falls in the period (the earliest, me-8's, is due
	// 2026-07-08).
	assert.Equal(t, 0, f.At12Months.Reached)
	assert.Equal(t, 0, f.At12Months.LostToFollowUp.Total)
	assert.Equal(t, map[string]int{}, f.At12Months.Recorded)

	// Groups: Brussels has me-1, me-2, me-3 and mo-1 to mo-3.
	require.Len(t, in.Groups, 2)
	assert.Equal(t, "Brussels", in.Groups[0].Name)
	bxl := in.Groups[0].Figures
	assert.Equal(t, 3, bxl.MenteeApplications)
	assert.Equal(t, 3, bxl.MentorApplications)
	// Brussels KM: me-1 10, me-3 censored 15, me-2 20: S(10) = 2/3, S(20) = 0.
	require.NotNil(t, bxl.DaysToMatch.MedianDays)
	assert.Equal(t, 20, *bxl.DaysToMatch.MedianDays)
	assert.InDelta(t, 2.0/3, bxl.DaysToMatch.Curve[0].Waiting, 1e-12)
	// me-1+mo-1 failed, me-2+mo-2 and me-1+mo-5 started: 1 of 3.
	assert.Equal(t, 1, bxl.FirstMeetingFailed.Count)
	assert.Equal(t, 3, bxl.FirstMeetingFailed.Total)
	// Ghent: me-4 not within 30 days, me-6 within, me-5 too recent.
	ghent := in.Groups[1].Figures
	assert.Equal(t, "Ghent", in.Groups[1].Name)
	assert.Equal(t, 1, ghent.MatchedWithin30Days.Count)
	assert.Equal(t, 2, ghent.MatchedWithin30Days.Total)
	assert.Equal(t, 1, ghent.TooRecent)
	// Mentors by their own group: mo-2, mo-3 in Brussels, mo-4, mo-5 in Ghent.
	assert.Equal(t, 2, bxl.SecondMentee.Total)
	assert.Equal(t, 1, bxl.SecondMentee.Count)
	assert.Equal(t, 0, ghent.SecondMentee.Count)
}

func TestIndicatorsFollowUps(t *testing.T) {
	in := readHand(t).Indicators(day("2027-01-01"), day("2027-03-31"), nil)
	f := in.Overall
	// Follow-ups due in the period: duos started 2026-01-28 (me-2, me-6),
	// 2026-02-01 (me-1) and 2026-02-17 (me-4).
	//   me-2: job_over_3_months on 2027-01-20 (from day 335 on): positive
	//   me-6: only job_short on 2026-06-01, its end-of-mentorship result:
	//         none recorded at 12 months
	//   me-1: unknown: recorded but not known
	//   me-4: none: known, not positive
	// Positive among known: 1 of 2; Wilson 1/2: centre 0.5,
	//   half = 1.96 · sqrt(0.125 + 3.8415/16) / 2.92073 = 0.40546.
	r := f.At12Months
	assert.Equal(t, 4, r.Reached)
	assertProportion(t, 1, 2, 0.5, 0.0945, 0.9055, r.Positive)
	assertProportion(t, 1, 2, 0.5, 0.0945, 0.9055, r.Job)
	assertProportion(t, 0, 2, 0, 0, 0.6576, r.TrainingOrInternship)
	assert.Equal(t, 2, r.LostToFollowUp.Count)
	assert.Equal(t, 4, r.LostToFollowUp.Total)
	assert.Equal(t, map[string]int{"job_over_3_months": 1, "unknown": 1, "none": 1}, r.Recorded)
	// No end point falls in 2027's first quarter (me-7's was 2026-11-16).
	assert.Equal(t, 0, f.AtEnd.Reached)
	assert.Equal(t, 0, f.MenteeApplications)
	assert.Nil(t, f.DaysToMatch.MedianDays)
	assert.Equal(t, 0, f.EarlyClosure.Total)
	require.Len(t, in.Groups, 1)
	assert.Equal(t, "all", in.Groups[0].Name)
	assert.Equal(t, f, in.Groups[0].Figures)

	b, err := json.Marshal(in)
	require.NoError(t, err)
	for _, key := range []string{`"from":"2027-01-01"`, `"matched_within_30_days":{"count":0,"total":0,"rate":0,"low":0,"high":0}`,
		`"median_days":null`, `"curve":[]`, `"early_closure_reasons":{}`, `"at_12_months":{"reached":4,"lost_to_follow_up":{"count":2,"total":4,"rate":0.5`, `"positive":{"count":1,"total":2,"rate":0.5`, `"groups":[{"name":"all"`} {
		assert.Contains(t, string(b), key)
	}
}

func assertProportion(t *testing.T, count, total int, rate, low, high float64, p ledger.Proportion) {
	t.Helper()
	assert.Equal(t, count, p.Count)
	assert.Equal(t, total, p.Total)
	assert.InDelta(t, rate, p.Rate, 1e-12)
	assert.InDelta(t, low, p.Low, 1e-4)
	assert.InDelta(t, high, p.High, 1e-4)
}

func TestWilson(t *testing.T) {
	tests := []struct {
		name            string
		count, total    int
		rate, low, high float64
	}{
		{"3 of 5", 3, 5, 0.6, 0.2307, 0.8824},
		{"none of 10 keeps a width", 0, 10, 0, 0, 0.2775},
		{"all of 10", 10, 10, 1, 0.7225, 1},
		// 74 of 100, the model programme's rate: p = 0.74, n = 100,
		// centre = (0.74 + 0.019207)/1.038415 = 0.73114,
		// half = 1.96·sqrt(0.001924 + 0.00009604)/1.038415 = 0.08483.
		{"74 of 100", 74, 100, 0.74, 0.6463, 0.8160},
		{"empty", 0, 0, 0, 0, 0},
		{"count above total is not a proportion", 3, 2, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertProportion(t, tt.count, tt.total, tt.rate, tt.low, tt.high, ledger.Wilson(tt.count, tt.total))
		})
	}
}

func TestWorklist(t *testing.T) {
	l := readHand(t)
	tests := []struct {
		name string
		on   string
		want ledger.Worklist
	}{
		{"mid 2026", "2026-06-30", ledger.Worklist{
			// me-2 waits again since mentor_left on 03-15: 107 days; me-5
			// has waited 20 days.
			Overdue:         []ledger.Task{{MenteeID: "me-2", Since: day("2026-03-15"), Days: 107}},
			FirstMeetingDue: []ledger.Task{}, PastEnd: []ledger.Task{},
			// me-2+mo-2 closed early (mentor_left) on 03-15 with no result
			// recorded; me-6+mo-3 ended with a job and has its result
			// (06-01); me-8+mo-6's window closed on 2026-06-07 (day 334).
			EndOutcomeDue: []ledger.Task{{MenteeID: "me-2", MentorID: "mo-2", Since: day("2026-03-15"), Days: 107, Reason: "mentor_left", Ending: ledger.EndingEarlyClosure}},
			// me-8+mo-6 started 2025-07-08: 357 days, not yet due.
			OutcomeDue: []ledger.Task{}}},
		{"early 2027", "2027-02-10", ledger.Worklist{
			Overdue: []ledger.Task{{MenteeID: "me-2", Since: day("2026-03-15"), Days: 332}, {MenteeID: "me-5", Since: day("2026-06-10"), Days: 245}},
			// me-7+mo-3 started 2026-05-17 and never ended: 269 days.
			FirstMeetingDue: []ledger.Task{},
			PastEnd:         []ledger.Task{{MenteeID: "me-7", MentorID: "mo-3", Since: day("2026-05-17"), Days: 269}},
			// me-7+mo-3 reached its six months on 2026-11-16, still running;
			// the other duos' end windows have closed.
			EndOutcomeDue: []ledger.Task{{MenteeID: "me-7", MentorID: "mo-3", Since: day("2026-11-16"), Days: 86}},
			// me-8's duo has no outcome; me-6's only outcome is an interim
			// one; me-2 (job_over_3_months) and me-1 (unknown) are
			// recorded; me-4's duo started 358 days ago.
			OutcomeDue: []ledger.Task{{MenteeID: "me-8", MentorID: "mo-6", Since: day("2025-07-08"), Days: 582},
				{MenteeID: "me-6", MentorID: "mo-3", Since: day("2026-01-28"), Days: 378}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.want.On = day(tt.on)
			assert.Equal(t, tt.want, l.Worklist(day(tt.on)))
		})
	}
}

func TestWorklistFirstMeetingDue(t *testing.T) {
	input := jsonl(apMe1, apMe2, apMo1, apMo2, pr11, `{"on":"2026-02-02","event":"proposed","mentee_id":"me-2","mentor_id":"mo-2"}`)
	for _, tt := range []struct {
		name string
		days int
		want []ledger.Task
	}{
		// On 2026-02-16, me-1+mo-1 was proposed 15 days ago, me-2+mo-2 14.
		{"default 14 days", 0, []ledger.Task{{MenteeID: "me-1", MentorID: "mo-1", Since: day("2026-02-01"), Days: 15}}},
		{"7 days", 7, []ledger.Task{{MenteeID: "me-1", MentorID: "mo-1", Since: day("2026-02-01"), Days: 15}, {MenteeID: "me-2", MentorID: "mo-2", Since: day("2026-02-02"), Days: 14}}},
		{"15 days", 15, []ledger.Task{}},
		{"off", profile.Off, []ledger.Task{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ledger.Read(strings.NewReader(input), ledger.Options{FirstMeetingDays: tt.days})
			require.NoError(t, err)
			assert.Equal(t, tt.want, l.Worklist(day("2026-02-16")).FirstMeetingDue)
		})
	}
}

// people returns synthetic, valid profiles with the given IDs.
func people(menteeIDs, mentorIDs []string) ([]profile.Mentee, []profile.Mentor) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 7, Mentees: len(menteeIDs), Mentors: len(mentorIDs), On: day("2026-06-30")})
	for i := range mentees {
		mentees[i].ID = menteeIDs[i]
	}
	for j := range mentors {
		mentors[j].ID = mentorIDs[j]
	}
	return mentees, mentors
}

func TestNextRound(t *testing.T) {
	l := readHand(t)
	mentees, mentors := people([]string{"me-9", "me-7", "me-5", "me-3", "me-2", "me-1"}, []string{"mo-6", "mo-5", "mo-4", "mo-3", "mo-1"})
	before, _ := json.Marshal([]any{mentees, mentors})

	round, rep, err := l.NextRound(match.Round{On: day("2026-06-30"), Mentees: mentees, Mentors: mentors})
	require.NoError(t, err)
	after, _ := json.Marshal([]any{mentees, mentors})
	assert.Equal(t, string(before), string(after), "the profiles given are not modified")

	ids := func(n int, id func(int) string) []string {
		var out []string
		for i := 0; i < n; i++ {
			out = append(out, id(i))
		}
		return out
	}
	assert.Equal(t, day("2026-06-30"), round.On)
	assert.Equal(t, []string{"me-1", "me-2", "me-5", "me-7"}, ids(len(round.Mentees), func(i int) string { return round.Mentees[i].ID }))
	assert.Equal(t, []string{"mo-1", "mo-3", "mo-5", "mo-6"}, ids(len(round.Mentors), func(i int) string { return round.Mentors[i].ID }))
	// me-1 keeps the day of their application through a failed first
	// meeting; me-2 waits from the end of their duo.
	assert.Equal(t, []string{"2026-01-01", "2026-03-15", "2026-06-10", "2025-12-01"},
		ids(4, func(i int) string { return round.Mentees[i].AppliedOn.String() }))
	assert.Equal(t, []match.Duo{{MenteeID: "me-1", MentorID: "mo-5"}, {MenteeID: "me-7", MentorID: "mo-3"}}, round.Pinned)
	assert.Equal(t, []match.Duo{{MenteeID: "me-1", MentorID: "mo-1"}}, round.Excluded)
	assert.True(t, round.Mentors[3].Paused, "mo-6 is paused by the ledger")

	assert.Equal(t, ledger.Report{
		NotInLedger: []ledger.Person{{ID: "me-9", Side: ledger.MenteeSide}},
		Closed:      []ledger.Person{{ID: "me-3", Side: ledger.MenteeSide}},
		NoProfile:   []ledger.Person{{ID: "me-4", Side: ledger.MenteeSide}},
		Unpinned:    []match.Duo{{MenteeID: "me-4", MentorID: "mo-4"}},
		Held:        []ledger.Person{{ID: "mo-4", Side: ledger.MentorSide}},
		Paused:      []ledger.Person{{ID: "mo-6", Side: ledger.MentorSide}},
	}, rep)

	p, err := match.Propose(context.Background(), round)
	require.NoError(t, err)
	for _, d := range p.Duos {
		assert.False(t, d.MenteeID == "me-1" && d.MentorID == "mo-1", "an excluded pair is proposed")
		if d.MenteeID == "me-1" || d.MenteeID == "me-7" {
			assert.True(t, d.Pinned, d.MenteeID)
		}
	}
}

func TestNextRoundErrors(t *testing.T) {
	hand := readHand(t)
	// With a capacity of 2 in the ledger, mo-1 is in two live duos on
	// 2026-02-02; its profile says 1.
	twice, err := ledger.Read(strings.NewReader(jsonl(apMe1, apMe2, apMo1, pr11, pr21)), ledger.Options{Capacity: func(string) int { return 2 }})
	require.NoError(t, err)
	mentees, mentors := people([]string{"me-1", "me-1"}, []string{"me-1", "mo-5"})
	twoMentees, oneMentor := people([]string{"me-1", "me-2"}, []string{"mo-1"})
	tests := []struct {
		name    string
		l       *ledger.Ledger
		on      profile.Date
		mentees []profile.Mentee
		mentors []profile.Mentor
		want    []string
	}{
		{"no day", hand, profile.Date{}, nil, nil, []string{"on: the day of the round is required"}},
		{"IDs given twice", hand, day("2026-06-30"), mentees, mentors, []string{"me-1: mentees[1].id: ID given twice", "me-1: mentors[0].id: ID given twice"}},
		{"capacity below the live duos", twice, day("2026-02-02"), twoMentees, oneMentor, []string{"mo-1: mentors[0].capacity: 2 live duos but a capacity of 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := tt.l.NextRound(match.Round{On: tt.on, Mentees: tt.mentees, Mentors: tt.mentors})
			require.Error(t, err)
			assert.ErrorIs(t, err, ledger.ErrRound)
			var p *profile.Problem
			require.ErrorAs(t, errors.Join(io.EOF, err), &p, "a Problem through joins")
			assert.ErrorIs(t, p, ledger.ErrRound)
			assert.NotEmpty(t, p.Code)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, tt := range []struct {
		name   string
		opt    ledger.Options
		fields []string
	}{
		{"zero", ledger.Options{}, nil},
		{"first meeting reminder off", ledger.Options{FirstMeetingDays: profile.Off}, nil},
		{"set", ledger.Options{MaxLineBytes: 1000, MaxLines: 2, MaxErrors: 1, FirstMeetingDays: 3}, nil},
		{"limits cannot be off", ledger.Options{MaxLineBytes: -1, MaxLines: -1, MaxErrors: -1},
			[]string{"options.max_line_bytes", "options.max_lines", "options.max_errors"}},
		{"other negatives", ledger.Options{MaxLines: -5, FirstMeetingDays: -2}, []string{"options.max_lines", "options.first_meeting_days"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opt.Validate()
			_, readErr := ledger.Read(strings.NewReader(jsonl(apMe1)), tt.opt)
			if tt.fields == nil {
				assert.NoError(t, err)
				assert.NoError(t, readErr)
				assert.NotPanics(t, func() { ledger.New(tt.opt) })
				return
			}
			require.ErrorIs(t, err, ledger.ErrOptions)
			assert.Equal(t, err, readErr, "Read returns the options' problems before reading")
			assert.PanicsWithError(t, err.Error(), func() { ledger.New(tt.opt) })
			for _, f := range tt.fields {
				assert.Contains(t, err.Error(), f)
			}
			assert.Len(t, strings.Split(err.Error(), "\n"), len(tt.fields), "one problem per field")
		})
	}
}
