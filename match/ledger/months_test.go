package ledger_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// Months counts as Indicators does over each month, in one pass.
func TestMonthsAgainstIndicators(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			l, _, _ := simulate(t, seed, 18)
			for _, period := range [][2]profile.Date{
				{profile.MustDate(2025, 1, 1), profile.MustDate(2026, 6, 30)},
				{profile.MustDate(2025, 1, 17), profile.MustDate(2025, 11, 3)}, // cut months
				{profile.MustDate(2025, 3, 9), profile.MustDate(2025, 3, 9)},   // one day
			} {
				months := l.Months(period[0], period[1])
				require.NotEmpty(t, months)
				assert.Equal(t, period[0], months[0].From)
				assert.Equal(t, period[1], months[len(months)-1].To)
				for i, m := range months {
					if i > 0 {
						assert.Equal(t, months[i-1].To.AddDays(1), m.From, "the months follow each other")
					}
					f := l.Indicators(m.From, m.To, nil).Overall
					assert.Equal(t, f.MenteeApplications, m.MenteeApplications, m.From.String())
					assert.Equal(t, f.MentorApplications, m.MentorApplications, m.From.String())
					assert.Equal(t, f.FirstMeetingFailed.Count, m.Failed, m.From.String())
					assert.Equal(t, f.FirstMeetingFailed.Total-f.FirstMeetingFailed.Count, m.Started, m.From.String())
				}
			}
			assert.Empty(t, l.Months(profile.MustDate(2025, 2, 1), profile.MustDate(2025, 1, 31)))
		})
	}
}

func TestMonthsByHand(t *testing.T) {
	l := readEquity(t)
	months := l.Months(day("2026-01-10"), day("2026-03-31"))
	require.Len(t, months, 3)
	// January from the 10th: proposed m3 x1 f1 f2 f3; started m3 x1 f1;
	// the applications of the 5th are before the period.
	assert.Equal(t, ledger.Month{From: day("2026-01-10"), To: day("2026-01-31"), Proposed: 5, Started: 3}, months[0])
	// February: f2 failed, f3 started, f4 proposed.
	assert.Equal(t, ledger.Month{From: day("2026-02-01"), To: day("2026-02-28"), Proposed: 1, Started: 1, Failed: 1}, months[1])
	// March: f4 m1 m2 started; m1 m2 proposed.
	assert.Equal(t, ledger.Month{From: day("2026-03-01"), To: day("2026-03-31"), Proposed: 2, Started: 3}, months[2])
}
