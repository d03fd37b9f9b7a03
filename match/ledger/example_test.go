package ledger_test

import (
	"fmt"
	"strings"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// A programme's history, read from JSON Lines: a failed first meeting, a
// re-match, a completed duo and its follow-up. The worklist and the
// indicators are read from it on any day.
func Example() {
	const file = `{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-2"}
{"on":"2026-01-07","event":"applied","side":"mentor","id":"mo-1"}
{"on":"2026-01-07","event":"applied","side":"mentor","id":"mo-2"}
{"on":"2026-02-02","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"}
{"on":"2026-02-10","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"failed","reason":"mismatch"}
{"on":"2026-03-02","event":"proposed","mentee_id":"me-1","mentor_id":"mo-2"}
{"on":"2026-03-09","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-2","result":"started"}
{"on":"2026-09-10","event":"ended","mentee_id":"me-1","mentor_id":"mo-2","reason":"completed"}
{"on":"2027-03-12","event":"outcome","mentee_id":"me-1","result":"job_over_3_months"}
`
	l, err := ledger.Read(strings.NewReader(file), ledger.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	w := l.Worklist(profile.MustDate(2026, 3, 16))
	for _, t := range w.Overdue {
		fmt.Printf("overdue: %s, waiting %d days\n", t.MenteeID, t.Days)
	}

	in := l.Indicators(profile.MustDate(2026, 1, 1), profile.MustDate(2026, 12, 31), nil)
	f := in.Overall
	fmt.Printf("applications: %d mentees, %d mentors\n", f.MenteeApplications, f.MentorApplications)
	fmt.Printf("matched within 30 days: %d of %d (95%% CI %.2f–%.2f)\n",
		f.MatchedWithin30Days.Count, f.MatchedWithin30Days.Total, f.MatchedWithin30Days.Low, f.MatchedWithin30Days.High)
	fmt.Printf("median days to a first proposal: %d (%d still waiting, censored)\n", *f.DaysToMatch.MedianDays, f.DaysToMatch.Censored)
	fmt.Printf("first meetings failed: %d of %d\n", f.FirstMeetingFailed.Count, f.FirstMeetingFailed.Total)

	_, err = ledger.Read(strings.NewReader(file+`{"on":"2027-04-01","event":"proposed","mentee_id":"me-2","mentor_id":"mo-3"}`), ledger.Options{})
	fmt.Println(err)
	// Output:
	// overdue: me-2, waiting 70 days
	// applications: 2 mentees, 2 mentors
	// matched within 30 days: 1 of 2 (95% CI 0.09–0.91)
	// median days to a first proposal: 28 (1 still waiting, censored)
	// first meetings failed: 1 of 2
	// line 11: me-2, mo-3: mentor_id: never applied
}

// Results as funders count them: at the end of the mentorship and at 12
// months, positive = a job over 3 months, a training or an internship;
// people with no known result are lost to follow-up, counted apart. A duo
// that ends because the mentee found a job is a success, not an early
// closure.
func ExampleLedger_Indicators_results() {
	const file = `{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-2"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-3"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-4"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo-1"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo-2"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo-3"}
{"on":"2026-01-20","event":"ineligible","id":"me-4","reason":"too_old"}
{"on":"2026-01-26","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"}
{"on":"2026-01-26","event":"proposed","mentee_id":"me-2","mentor_id":"mo-2"}
{"on":"2026-01-26","event":"proposed","mentee_id":"me-3","mentor_id":"mo-3"}
{"on":"2026-02-02","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"started"}
{"on":"2026-02-02","event":"first_meeting","mentee_id":"me-2","mentor_id":"mo-2","result":"started"}
{"on":"2026-02-02","event":"first_meeting","mentee_id":"me-3","mentor_id":"mo-3","result":"started"}
{"on":"2026-04-15","event":"ended","mentee_id":"me-1","mentor_id":"mo-1","reason":"found_job"}
{"on":"2026-04-20","event":"outcome","mentee_id":"me-1","result":"job_over_3_months"}
{"on":"2026-05-04","event":"ended","mentee_id":"me-2","mentor_id":"mo-2","reason":"mentee_left"}
{"on":"2026-08-04","event":"ended","mentee_id":"me-3","mentor_id":"mo-3","reason":"completed"}
{"on":"2026-08-10","event":"outcome","mentee_id":"me-3","result":"training"}
{"on":"2027-02-01","event":"outcome","mentee_id":"me-1","result":"job_over_3_months"}
{"on":"2027-02-03","event":"outcome","mentee_id":"me-2","result":"none"}
{"on":"2027-02-05","event":"outcome","mentee_id":"me-3","result":"internship"}
`
	l, err := ledger.Read(strings.NewReader(file), ledger.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	show := func(name string, p ledger.Proportion) {
		fmt.Printf("  %s: %d of %d (95%% CI %.2f–%.2f)\n", name, p.Count, p.Total, p.Low, p.High)
	}
	f := l.Indicators(profile.MustDate(2026, 1, 1), profile.MustDate(2026, 12, 31), nil).Overall
	fmt.Printf("2026: %d applications, %d ineligible\n", f.MenteeApplications, f.Ineligible)
	show("matched within 30 days", f.MatchedWithin30Days)
	show("successful endings", f.SuccessfulEnding)
	show("early closures", f.EarlyClosure)
	fmt.Printf("at the end of the mentorship, %d duos:\n", f.AtEnd.Reached)
	show("lost to follow-up", f.AtEnd.LostToFollowUp)
	show("positive", f.AtEnd.Positive)
	f = l.Indicators(profile.MustDate(2027, 1, 1), profile.MustDate(2027, 12, 31), nil).Overall
	fmt.Printf("at 12 months, %d duos:\n", f.At12Months.Reached)
	show("positive", f.At12Months.Positive)
	show("a job", f.At12Months.Job)
	show("a training or internship", f.At12Months.TrainingOrInternship)
	// Output:
	// 2026: 4 applications, 1 ineligible
	//   matched within 30 days: 3 of 3 (95% CI 0.44–1.00)
	//   successful endings: 1 of 3 (95% CI 0.06–0.79)
	//   early closures: 1 of 3 (95% CI 0.06–0.79)
	// at the end of the mentorship, 3 duos:
	//   lost to follow-up: 1 of 3 (95% CI 0.06–0.79)
	//   positive: 2 of 2 (95% CI 0.34–1.00)
	// at 12 months, 3 duos:
	//   positive: 2 of 3 (95% CI 0.21–0.94)
	//   a job: 1 of 3 (95% CI 0.06–0.79)
	//   a training or internship: 1 of 3 (95% CI 0.06–0.79)
}

// A day typed wrong (2062 for 2026) puts every later event about the
// person out of date order. The file is append-only: a void names the
// line of the mistake, which then counts for nothing.
func ExampleLedger_Add_void() {
	l := ledger.New(ledger.Options{})
	for _, e := range []ledger.Event{
		{On: profile.MustDate(2026, 1, 5), Kind: ledger.Applied, Side: ledger.MenteeSide, ID: "me-1"},
		{On: profile.MustDate(2062, 1, 12), Kind: ledger.Paused, ID: "me-1"}, // line 2, mistyped
	} {
		if err := l.Add(e); err != nil {
			fmt.Println(err)
		}
	}
	withdraw := ledger.Event{On: profile.MustDate(2026, 2, 1), Kind: ledger.Withdrawn, ID: "me-1", Reason: ledger.Moved}
	fmt.Println(l.Add(withdraw))
	fmt.Println(l.Add(ledger.Event{On: profile.MustDate(2026, 1, 13), Kind: ledger.Void, Line: "2", Reason: ledger.WrongDate}))
	fmt.Println(l.Add(withdraw), l.VoidedBy(2))
	// Output:
	// line 3: me-1: on: before the event of line 2 about me-1 (2062-01-12): events of a person must be in date order
	// <nil>
	// <nil> 3
}

// Who gets matched, and how fast, by referral partner: eleven mentees
// (five referred by the public employment service, five by a social
// welfare centre, one by a school), proposed a mentor after the days
// listed or never, with small cells switched off to show every figure.
func ExampleLedger_Equity() {
	var b strings.Builder
	for i, days := range []int{10, 20, 25, 50, -1, 60, 70, 5, -1, 100, 7} {
		me, mo := fmt.Sprintf("me-%d", i), fmt.Sprintf("mo-%d", i)
		referral := []string{"pes", "cpas", "school"}[min(i/5, 2)]
		fmt.Fprintf(&b, `{"on":"2026-01-05","event":"applied","side":"mentee","id":"%s","referral":"%s"}`+"\n", me, referral)
		fmt.Fprintf(&b, `{"on":"2026-01-05","event":"applied","side":"mentor","id":"%s"}`+"\n", mo)
		if days >= 0 {
			fmt.Fprintf(&b, `{"on":"%s","event":"proposed","mentee_id":"%s","mentor_id":"%s"}`+"\n", profile.MustDate(2026, 1, 5).AddDays(days), me, mo)
		}
	}
	l, err := ledger.Read(strings.NewReader(b.String()), ledger.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	to := profile.MustDate(2026, 12, 31)
	eq := l.Equity(profile.MustDate(2026, 1, 1), to, ledger.EquityOptions{MinCell: profile.Off},
		ledger.Grouping{Name: "referral", Of: l.Referrals(to)})
	for _, g := range eq.Groupings[0].Groups {
		m, w := g.Figures.MatchedWithin30Days, g.Figures.DaysToMatch
		fmt.Printf("%-6s matched within 30 days %d of %d (Fisher p = %.2f), median %d days (log-rank p = %.3f)\n",
			g.Name, m.Count, m.Total, *m.P, *w.MedianDays, *w.P)
	}
	// Output:
	// cpas   matched within 30 days 1 of 5 (Fisher p = 0.24), median 70 days (log-rank p = 0.378)
	// pes    matched within 30 days 3 of 5 (Fisher p = 0.57), median 25 days (log-rank p = 0.755)
	// school matched within 30 days 1 of 1 (Fisher p = 0.45), median 7 days (log-rank p = 0.052)
}
