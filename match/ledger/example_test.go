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
