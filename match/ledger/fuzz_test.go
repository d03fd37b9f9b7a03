package ledger_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// FuzzRead checks that Read never panics, that every problem names a line
// of the input, and that a ledger it accepts is written back canonically
// and reads back to the same events, whose figures it computes without
// panicking.
func FuzzRead(f *testing.F) {
	f.Add(handLedger)
	f.Add(jsonl(apMe1, apMo1, pr11, fa11))
	f.Add(jsonl(apMe1, apMo1, pr11, st11, `{"on":"2026-03-01","event":"ended","mentee_id":"me-1","mentor_id":"mo-1","reason":"mismatch"}`))
	f.Add(cohort)
	f.Add(jsonl(apMe1, "", apMo1, pr11, st11, void("2026-02-09", "5", "wrong_date"), void("2026-02-09", "4", "wrong_person"),
		`{"on":"2026-02-10","event":"ineligible","id":"me-1","reason":"too_old"}`))
	f.Add(jsonl(apMe1, void("2026-02-09", "1", "duplicate"), void("2026-02-09", "1", "other"), void("2026-02-09", "2", "other")))
	f.Add(jsonl(`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1","referral":"cpas"}`, apMo1, pr11,
		`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-2","referral":"Sch ool"}`))
	f.Add(jsonl(apMe1, `{"batch":"2"}`, apMo1, pr11, void("2026-02-09", "4", "duplicate")))
	f.Add(jsonl(apMe1, `{"batch":"3"}`, apMo1, pr11))
	f.Add("{}\n[]\n\"x\"\n")
	f.Add(`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1","id":"x"}`)
	f.Fuzz(func(t *testing.T, input string) {
		lines := strings.Count(input, "\n") + 1
		l, err := ledger.Read(strings.NewReader(input), ledger.Options{MaxErrors: 1000})
		if err != nil {
			require.ErrorIs(t, err, ledger.ErrInvalid)
			for _, e := range profile.Problems(err) {
				require.LessOrEqual(t, e.Line, lines, "%v", e)
				require.NotEmpty(t, e.Code, "%v", e)
				require.ErrorIs(t, e, ledger.ErrInvalid)
			}
			return
		}
		var b bytes.Buffer
		_, err = l.WriteTo(&b)
		require.NoError(t, err)
		l2, err := ledger.Read(bytes.NewReader(b.Bytes()), ledger.Options{})
		require.NoError(t, err, "canonical form refused:\n%s", b.String())
		require.Equal(t, l.Events(), l2.Events())
		var b2 bytes.Buffer
		_, err = l2.WriteTo(&b2)
		require.NoError(t, err)
		require.Equal(t, b.String(), b2.String())
		day := profile.MustDate(2026, 6, 30)
		l.Worklist(day)
		l.Indicators(profile.MustDate(2000, 1, 1), day, func(id string) string { return id[:1] })
		eq := l.Equity(profile.MustDate(2000, 1, 1), day, ledger.EquityOptions{MinCell: 2},
			ledger.Grouping{Name: "first", Of: func(id string) string { return id[:1] }}, ledger.Grouping{Name: "referral", Of: l.Referrals(day)})
		for _, g := range eq.Groupings {
			for _, grp := range g.Groups {
				if p := grp.Figures.MatchedWithin30Days.P; p != nil {
					require.True(t, *p >= 0 && *p <= 1+1e-9, "p = %v", *p)
				}
			}
		}
		_, _, err = l.NextRound(match.Round{On: day})
		require.NoError(t, err)
	})
}
