package ledger_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
)

// cohort is a small programme whose endings and results are worked out by
// hand below. Eight mentees apply on 2026-01-05; six duos start on
// 2026-02-01 and end in six ways:
//
//	a-1 + m-1  found_job after 59 days         success
//	a-2 + m-2  found_training after 28 days    success
//	a-3 + m-3  found_internship after 89 days  success
//	a-4 + m-4  mentee_left after 42 days       early closure
//	a-5 + m-5  completed after 183 days        normal
//	a-6 + m-6  mismatch after 19 days          early closure (a-6 waits again)
//
// a-7 is found ineligible (too old) on 2026-03-06, after 60 days in the
// queue; a-8 is never matched.
const cohort = `{"on":"2026-01-05","event":"applied","side":"mentee","id":"a-1"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"a-2"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"a-3"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"a-4"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"a-5"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"a-6"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"a-7"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"a-8"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"m-1"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"m-2"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"m-3"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"m-4"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"m-5"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"m-6"}
{"on":"2026-01-20","event":"proposed","mentee_id":"a-1","mentor_id":"m-1"}
{"on":"2026-01-20","event":"proposed","mentee_id":"a-2","mentor_id":"m-2"}
{"on":"2026-01-20","event":"proposed","mentee_id":"a-3","mentor_id":"m-3"}
{"on":"2026-01-20","event":"proposed","mentee_id":"a-4","mentor_id":"m-4"}
{"on":"2026-01-20","event":"proposed","mentee_id":"a-5","mentor_id":"m-5"}
{"on":"2026-01-20","event":"proposed","mentee_id":"a-6","mentor_id":"m-6"}
{"on":"2026-02-01","event":"first_meeting","mentee_id":"a-1","mentor_id":"m-1","result":"started"}
{"on":"2026-02-01","event":"first_meeting","mentee_id":"a-2","mentor_id":"m-2","result":"started"}
{"on":"2026-02-01","event":"first_meeting","mentee_id":"a-3","mentor_id":"m-3","result":"started"}
{"on":"2026-02-01","event":"first_meeting","mentee_id":"a-4","mentor_id":"m-4","result":"started"}
{"on":"2026-02-01","event":"first_meeting","mentee_id":"a-5","mentor_id":"m-5","result":"started"}
{"on":"2026-02-01","event":"first_meeting","mentee_id":"a-6","mentor_id":"m-6","result":"started"}
{"on":"2026-02-20","event":"ended","mentee_id":"a-6","mentor_id":"m-6","reason":"mismatch"}
{"on":"2026-03-01","event":"ended","mentee_id":"a-2","mentor_id":"m-2","reason":"found_training"}
{"on":"2026-03-05","event":"outcome","mentee_id":"a-2","result":"training"}
{"on":"2026-03-06","event":"ineligible","id":"a-7","reason":"too_old"}
{"on":"2026-03-15","event":"ended","mentee_id":"a-4","mentor_id":"m-4","reason":"mentee_left"}
{"on":"2026-03-20","event":"outcome","mentee_id":"a-4","result":"none"}
{"on":"2026-04-01","event":"ended","mentee_id":"a-1","mentor_id":"m-1","reason":"found_job"}
{"on":"2026-04-10","event":"outcome","mentee_id":"a-1","result":"job_over_3_months"}
{"on":"2026-05-01","event":"ended","mentee_id":"a-3","mentor_id":"m-3","reason":"found_internship"}
{"on":"2026-05-01","event":"outcome","mentee_id":"a-5","result":"job_short"}
{"on":"2026-08-03","event":"ended","mentee_id":"a-5","mentor_id":"m-5","reason":"completed"}
{"on":"2026-08-10","event":"outcome","mentee_id":"a-5","result":"unknown"}
{"on":"2027-01-10","event":"outcome","mentee_id":"a-2","result":"internship"}
{"on":"2027-02-01","event":"outcome","mentee_id":"a-4","result":"job_short"}
{"on":"2027-02-05","event":"outcome","mentee_id":"a-1","result":"job_over_3_months"}
`

func readCohort(t *testing.T) *ledger.Ledger {
	t.Helper()
	l, err := ledger.Read(strings.NewReader(cohort), ledger.Options{})
	require.NoError(t, err)
	return l
}

// TestIndicatorsEndingsAndResults checks every figure of the cohort by
// hand. The Wilson bounds were computed apart, in Python, from the
// formula of ledger.Wilson's documentation with z =
// statistics.NormalDist().inv_cdf(0.975).
func TestIndicatorsEndingsAndResults(t *testing.T) {
	l := readCohort(t)
	tests := []struct {
		name     string
		from, to string
		check    func(t *testing.T, f ledger.Figures)
	}{
		{"2026: applications and endings", "2026-01-01", "2026-12-31", func(t *testing.T, f ledger.Figures) {
			// a-7 was found ineligible: an application, left out of the
			// waiting figures. Of the seven others, a-1 to a-6 were
			// proposed after 15 days, a-8 never: 6 of 7 within 30 days.
			assert.Equal(t, 8, f.MenteeApplications)
			assert.Equal(t, 1, f.Ineligible)
			assertProportion(t, 6, 7, 6.0/7, 0.4869, 0.9743, f.MatchedWithin30Days)
			assert.Equal(t, 0, f.TooRecent)
			assert.Equal(t, 7, f.DaysToMatch.Applications)
			assert.Equal(t, 6, f.DaysToMatch.Matched)
			assert.Equal(t, 1, f.DaysToMatch.Censored) // a-8, on 12-31
			require.NotNil(t, f.DaysToMatch.MedianDays)
			assert.Equal(t, 15, *f.DaysToMatch.MedianDays)

			// Six endings: three successes whatever their length, two
			// early closures (mentee_left, mismatch), one completed.
			assert.Equal(t, map[string]int{"found_job": 1, "found_training": 1, "found_internship": 1,
				"mentee_left": 1, "mismatch": 1, "completed": 1}, f.Endings)
			assertProportion(t, 3, 6, 0.5, 0.1876, 0.8124, f.SuccessfulEnding)
			assertProportion(t, 2, 6, 2.0/6, 0.0968, 0.7000, f.EarlyClosure)
			assert.Equal(t, map[string]int{"mentee_left": 1, "mismatch": 1}, f.EarlyClosureReasons)

			// End points, all in 2026: a-1 04-01, a-2 03-01, a-3 05-01,
			// a-4 03-15, a-6 02-20 (their endings, before six months),
			// a-5 08-03 (183 days). Results in each window (from 30 days
			// before the end point to day 334):
			//   a-1 job_over_3_months (04-10)  known, positive, a job
			//   a-2 training (03-05)           known, positive, training
			//   a-3 none recorded              lost
			//   a-4 none (03-20)               known, not positive
			//   a-5 unknown (08-10); its job_short of 05-01 is before
			//       its window (07-04)         lost
			//   a-6 none recorded              lost
			r := f.AtEnd
			assertHalfLost(t, r)
			assert.Equal(t, map[string]int{"job_over_3_months": 1, "training": 1, "none": 1, "unknown": 1}, r.Recorded)
			// The follow-ups fall on 2027-02-01.
			assert.Equal(t, 0, f.At12Months.Reached)
		}},
		{"2027: the 12-month follow-ups", "2027-01-01", "2027-12-31", func(t *testing.T, f ledger.Figures) {
			// Window from day 335 (2027-01-02):
			//   a-1 job_over_3_months (02-05)  positive, a job
			//   a-2 internship (01-10)          positive, an internship
			//   a-3 none recorded               lost
			//   a-4 job_short (02-01)           known, not positive
			//   a-5 nothing after 2027-01-02    lost (unknown of 2026 is its end result)
			//   a-6 none recorded               lost
			r := f.At12Months
			assertHalfLost(t, r)
			assert.Equal(t, map[string]int{"job_over_3_months": 1, "internship": 1, "job_short": 1}, r.Recorded)
			assert.Equal(t, 0, f.AtEnd.Reached)
			assert.Equal(t, 0, f.EarlyClosure.Total)
		}},
		{"before the ineligible event, a-7 still waits", "2026-01-01", "2026-03-05", func(t *testing.T, f ledger.Figures) {
			// Figures read the events up to the period's end: a-7 and a-8
			// were not proposed within 30 days.
			assert.Equal(t, 0, f.Ineligible)
			assertProportion(t, 6, 8, 0.75, 0.4093, 0.9285, f.MatchedWithin30Days)
			// Only a-6's end point (02-20) and a-2's (03-01) have come.
			assert.Equal(t, 2, f.AtEnd.Reached)
			assert.Equal(t, 1, f.AtEnd.LostToFollowUp.Count)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := l.Indicators(day(tt.from), day(tt.to), nil)
			tt.check(t, in.Overall)
		})
	}
}

// assertHalfLost checks the cohort's results at either point, the same
// by construction: 6 duos, 3 lost to follow-up; of the 3 known, 2
// positive, 1 a job and 1 a training or internship.
func assertHalfLost(t *testing.T, r ledger.Results) {
	t.Helper()
	assert.Equal(t, 6, r.Reached)
	assertProportion(t, 3, 6, 0.5, 0.1876, 0.8124, r.LostToFollowUp)
	assertProportion(t, 2, 3, 2.0/3, 0.2077, 0.9385, r.Positive)
	assertProportion(t, 1, 3, 1.0/3, 0.0615, 0.7923, r.Job)
	assertProportion(t, 1, 3, 1.0/3, 0.0615, 0.7923, r.TrainingOrInternship)
}

// TestWorklistIneligibleAndEndings: the case of ineligible
// mentees among the overdue ones, and the end-of-mentorship results due,
// successes told apart from early closures.
func TestWorklistIneligibleAndEndings(t *testing.T) {
	l := readCohort(t)
	tests := []struct {
		name    string
		on      string
		overdue []ledger.Task
		endDue  []ledger.Task
	}{
		{"a-7 overdue until found ineligible", "2026-03-01",
			[]ledger.Task{{MenteeID: "a-7", Since: day("2026-01-05"), Days: 55}, {MenteeID: "a-8", Since: day("2026-01-05"), Days: 55}},
			// a-2 ended on 03-01 with no result yet; a-6 closed early on 02-20.
			[]ledger.Task{{MenteeID: "a-6", MentorID: "m-6", Since: day("2026-02-20"), Days: 9, Reason: "mismatch", Ending: ledger.EndingEarlyClosure},
				{MenteeID: "a-2", MentorID: "m-2", Since: day("2026-03-01"), Days: 0, Reason: "found_training", Ending: ledger.EndingSuccess}}},
		{"after the ineligible event", "2026-03-10",
			[]ledger.Task{{MenteeID: "a-8", Since: day("2026-01-05"), Days: 64}},
			// a-2's training is recorded (03-05).
			[]ledger.Task{{MenteeID: "a-6", MentorID: "m-6", Since: day("2026-02-20"), Days: 18, Reason: "mismatch", Ending: ledger.EndingEarlyClosure}}},
		{"a success waiting for its result", "2026-04-05",
			// a-6 waits again since its mismatch on 02-20: 44 days.
			[]ledger.Task{{MenteeID: "a-8", Since: day("2026-01-05"), Days: 90}, {MenteeID: "a-6", Since: day("2026-02-20"), Days: 44}},
			// a-4's none is recorded (03-20); a-1's result comes on 04-10.
			[]ledger.Task{{MenteeID: "a-6", MentorID: "m-6", Since: day("2026-02-20"), Days: 44, Reason: "mismatch", Ending: ledger.EndingEarlyClosure},
				{MenteeID: "a-1", MentorID: "m-1", Since: day("2026-04-01"), Days: 4, Reason: "found_job", Ending: ledger.EndingSuccess}}},
		{"a completed duo", "2026-08-05",
			// a-5 completed on 08-03 (its end point); a-3's internship has no
			// result recorded.
			[]ledger.Task{{MenteeID: "a-8", Since: day("2026-01-05"), Days: 212}, {MenteeID: "a-6", Since: day("2026-02-20"), Days: 166}},
			[]ledger.Task{{MenteeID: "a-6", MentorID: "m-6", Since: day("2026-02-20"), Days: 166, Reason: "mismatch", Ending: ledger.EndingEarlyClosure},
				{MenteeID: "a-3", MentorID: "m-3", Since: day("2026-05-01"), Days: 96, Reason: "found_internship", Ending: ledger.EndingSuccess},
				{MenteeID: "a-5", MentorID: "m-5", Since: day("2026-08-03"), Days: 2, Reason: "completed", Ending: ledger.EndingNormal}}},
		{"end windows close at day 335", "2027-01-02",
			[]ledger.Task{{MenteeID: "a-8", Since: day("2026-01-05"), Days: 362}, {MenteeID: "a-6", Since: day("2026-02-20"), Days: 316}},
			[]ledger.Task{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := l.Worklist(day(tt.on))
			assert.Equal(t, tt.overdue, w.Overdue)
			assert.Equal(t, tt.endDue, w.EndOutcomeDue)
		})
	}
}

func TestEndingClasses(t *testing.T) {
	tests := []struct {
		reason         string
		days           int
		success, early bool
	}{
		{ledger.FoundJob, 10, true, false},
		{ledger.FoundTraining, 10, true, false},
		{ledger.FoundInternship, 200, true, false},
		{ledger.MenteeLeft, 182, false, true},
		{ledger.MenteeLeft, 183, false, false},
		{ledger.MentorLeft, 0, false, true},
		{ledger.Mismatch, 50, false, true},
		{ledger.Other, 50, false, true},
		{ledger.Completed, 100, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			assert.Equal(t, tt.success, ledger.SuccessfulEnding(tt.reason))
			assert.Equal(t, tt.early, ledger.EarlyClosure(tt.reason, tt.days))
		})
	}
}
