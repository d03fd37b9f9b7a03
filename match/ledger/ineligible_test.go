package ledger_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

func TestIneligibleProblems(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []problem
	}{
		{"unknown rule", []string{apMe1, `{"on":"2026-01-20","event":"ineligible","id":"me-1","reason":"too_short"}`},
			[]problem{{2, "me-1", "reason", "unknown reason"}}},
		{"no reason", []string{apMe1, `{"on":"2026-01-20","event":"ineligible","id":"me-1"}`},
			[]problem{{2, "me-1", "reason", "missing"}}},
		{"in a live duo", []string{apMe1, apMo1, pr11, `{"on":"2026-02-02","event":"ineligible","id":"me-1","reason":"too_old"}`},
			[]problem{{4, "me-1", "id", "in a live duo (me-1 + mo-1, line 3)"}}},
		{"after a proposal of the application", []string{apMe1, apMo1, pr11, fa11, `{"on":"2026-02-10","event":"ineligible","id":"me-1","reason":"too_old"}`},
			[]problem{{5, "me-1", "id", "had a duo proposed on 2026-02-01: record withdrawn with reason not_eligible"}}},
		{"closes the application", []string{apMe1, `{"on":"2026-01-20","event":"ineligible","id":"me-1","reason":"not_registered"}`,
			`{"on":"2026-01-21","event":"paused","id":"me-1"}`},
			[]problem{{3, "me-1", "id", "application closed on line 2 (ineligible: not_registered)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ledger.Read(strings.NewReader(jsonl(tt.lines...)), ledger.Options{})
			assert.Nil(t, l)
			assertProblems(t, tt.want, err)
		})
	}
}

// TestIneligibleLeavesRoundAndWaiting: a mentee found ineligible leaves
// the round (listed as closed), the overdue list and the 30-day figure;
// a new application re-opens them.
func TestIneligibleLeavesRoundAndWaiting(t *testing.T) {
	l, err := ledger.Read(strings.NewReader(jsonl(apMe1, apMe2, apMo1,
		`{"on":"2026-03-01","event":"ineligible","id":"me-2","reason":"no_project"}`)), ledger.Options{})
	require.NoError(t, err)
	on := day("2026-03-02")
	assert.Equal(t, []ledger.Task{{MenteeID: "me-1", Since: day("2026-01-05"), Days: 56}}, l.Worklist(on).Overdue)
	f := l.Indicators(day("2026-01-01"), on, nil).Overall
	assert.Equal(t, 2, f.MenteeApplications)
	assert.Equal(t, 1, f.Ineligible)
	assert.Equal(t, 1, f.MatchedWithin30Days.Total)
	assert.Equal(t, 1, f.DaysToMatch.Applications)
	mentees, mentors := people([]string{"me-1", "me-2"}, []string{"mo-1"})
	round, rep, err := l.NextRound(match.Round{On: on, Mentees: mentees, Mentors: mentors})
	require.NoError(t, err)
	assert.Equal(t, []ledger.Person{{ID: "me-2", Side: ledger.MenteeSide}}, rep.Closed)
	require.Len(t, round.Mentees, 1)

	require.NoError(t, l.Add(event(`{"on":"2026-09-01","event":"applied","side":"mentee","id":"me-2"}`)))
	f = l.Indicators(day("2026-01-01"), day("2026-12-31"), nil).Overall
	assert.Equal(t, 3, f.MenteeApplications)
	assert.Equal(t, 1, f.Ineligible)
	assert.Equal(t, 2, f.MatchedWithin30Days.Total, "the new application waits")
}

// TestIneligibleIssueCase is the issue's case: 4 of 17 overdue mentees
// were ineligible. Once recorded, they leave the overdue list and the
// 30-day denominator.
func TestIneligibleIssueCase(t *testing.T) {
	l := ledger.New(ledger.Options{})
	applied := profile.MustDate(2026, 1, 5)
	for k := 1; k <= 17; k++ {
		require.NoError(t, l.Add(ledger.Event{On: applied, Kind: ledger.Applied, Side: ledger.MenteeSide, ID: fmt.Sprintf("me-%02d", k)}))
	}
	on, from := profile.MustDate(2026, 3, 1), profile.MustDate(2026, 1, 1)
	require.Len(t, l.Worklist(on).Overdue, 17)
	assert.Equal(t, 17, l.Indicators(from, on, nil).Overall.MatchedWithin30Days.Total)
	for _, id := range []string{"me-03", "me-07", "me-11", "me-16"} {
		require.NoError(t, l.Add(ledger.Event{On: on, Kind: ledger.Ineligible, ID: id, Reason: profile.CodeTooOld}))
	}
	overdue := l.Worklist(on).Overdue
	require.Len(t, overdue, 13)
	for _, task := range overdue {
		assert.NotContains(t, []string{"me-03", "me-07", "me-11", "me-16"}, task.MenteeID)
	}
	f := l.Indicators(from, on, nil).Overall
	assert.Equal(t, 17, f.MenteeApplications)
	assert.Equal(t, 4, f.Ineligible)
	assert.Equal(t, 0, f.MatchedWithin30Days.Count)
	assert.Equal(t, 13, f.MatchedWithin30Days.Total)
	assert.Equal(t, 13, f.DaysToMatch.Applications)
}
