package ledger_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// equityLedger is a small cohort whose figures are worked out by hand
// below: five mentees of group f (referred by pes), five of group m
// (cpas), one of group x (school), all applying on 5 January 2026.
//
//	     proposed after  first meeting  ending
//	f1   10 days         started        mentee_left after 59 days (early)
//	f2   20 days         failed
//	f3   25 days         started        found_job after 186 days; job_over_3_months
//	f4   50 days         started
//	f5   withdrawn on day 15 (censored)
//	m1   60 days         started        completed after 194 days; none
//	m2   70 days         started
//	m3    5 days         started        mismatch after 45 days (early)
//	m4   never (censored on 31 December, day 360)
//	m5  100 days         failed
//	x1    7 days         started        mentor_left after 13 days (early)
const equityLedger = `{"on":"2026-01-05","event":"applied","side":"mentee","id":"f1","referral":"pes"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"f2","referral":"pes"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"f3","referral":"pes"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"f4","referral":"pes"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"f5","referral":"pes"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"m1","referral":"cpas"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"m2","referral":"cpas"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"m3","referral":"cpas"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"m4","referral":"cpas"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"m5","referral":"cpas"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"x1","referral":"school"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo1"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo2"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo3"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo4"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo5"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo6"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo7"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo8"}
{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo9"}
{"on":"2026-01-10","event":"proposed","mentee_id":"m3","mentor_id":"mo7"}
{"on":"2026-01-12","event":"proposed","mentee_id":"x1","mentor_id":"mo9"}
{"on":"2026-01-15","event":"proposed","mentee_id":"f1","mentor_id":"mo1"}
{"on":"2026-01-15","event":"first_meeting","mentee_id":"m3","mentor_id":"mo7","result":"started"}
{"on":"2026-01-19","event":"first_meeting","mentee_id":"x1","mentor_id":"mo9","result":"started"}
{"on":"2026-01-20","event":"first_meeting","mentee_id":"f1","mentor_id":"mo1","result":"started"}
{"on":"2026-01-20","event":"withdrawn","id":"f5","reason":"moved"}
{"on":"2026-01-25","event":"proposed","mentee_id":"f2","mentor_id":"mo2"}
{"on":"2026-01-30","event":"proposed","mentee_id":"f3","mentor_id":"mo3"}
{"on":"2026-02-01","event":"first_meeting","mentee_id":"f2","mentor_id":"mo2","result":"failed","reason":"no_show"}
{"on":"2026-02-01","event":"ended","mentee_id":"x1","mentor_id":"mo9","reason":"mentor_left"}
{"on":"2026-02-05","event":"first_meeting","mentee_id":"f3","mentor_id":"mo3","result":"started"}
{"on":"2026-02-24","event":"proposed","mentee_id":"f4","mentor_id":"mo4"}
{"on":"2026-03-01","event":"first_meeting","mentee_id":"f4","mentor_id":"mo4","result":"started"}
{"on":"2026-03-01","event":"ended","mentee_id":"m3","mentor_id":"mo7","reason":"mismatch"}
{"on":"2026-03-06","event":"proposed","mentee_id":"m1","mentor_id":"mo5"}
{"on":"2026-03-10","event":"first_meeting","mentee_id":"m1","mentor_id":"mo5","result":"started"}
{"on":"2026-03-16","event":"proposed","mentee_id":"m2","mentor_id":"mo6"}
{"on":"2026-03-20","event":"first_meeting","mentee_id":"m2","mentor_id":"mo6","result":"started"}
{"on":"2026-03-20","event":"ended","mentee_id":"f1","mentor_id":"mo1","reason":"mentee_left"}
{"on":"2026-04-15","event":"proposed","mentee_id":"m5","mentor_id":"mo8"}
{"on":"2026-04-20","event":"first_meeting","mentee_id":"m5","mentor_id":"mo8","result":"failed","reason":"mismatch"}
{"on":"2026-08-10","event":"ended","mentee_id":"f3","mentor_id":"mo3","reason":"found_job"}
{"on":"2026-08-10","event":"outcome","mentee_id":"f3","result":"job_over_3_months"}
{"on":"2026-09-20","event":"ended","mentee_id":"m1","mentor_id":"mo5","reason":"completed"}
{"on":"2026-09-25","event":"outcome","mentee_id":"m1","result":"none"}
`

// gender is the test's grouping: the letter of the ID, mentors in none.
func gender(id string) string {
	if strings.HasPrefix(id, "mo") {
		return ""
	}
	return id[:1]
}

func readEquity(t *testing.T) *ledger.Ledger {
	t.Helper()
	l, err := ledger.Read(strings.NewReader(equityLedger), ledger.Options{})
	require.NoError(t, err)
	return l
}

func groupNamed(t *testing.T, g ledger.EquityGrouping, name string) ledger.EquityGroup {
	t.Helper()
	for _, x := range g.Groups {
		if x.Name == name {
			return x
		}
	}
	require.Failf(t, "no group", "%s", name)
	return ledger.EquityGroup{}
}

func assertP(t *testing.T, want float64, got *float64, what string) {
	t.Helper()
	if assert.NotNil(t, got, what) {
		assert.InDelta(t, want, *got, 1e-12, what)
	}
}

func assertDays(t *testing.T, want int, got *int, what string) {
	t.Helper()
	if assert.NotNil(t, got, what) {
		assert.Equal(t, want, *got, what)
	}
}

// The p-values were computed independently with SciPy 1.10.1 (Debian's
// python3-scipy): scipy.stats.fisher_exact([[a, b], [c, d]])[1] on the
// group's counts against the rest's; the log-rank statistic in Python
// from its formula, day by day, and scipy.stats.chi2.sf(x, 1); the
// median's interval in Python from Greenwood's sums with the log-log
// transform.
func TestEquityByHand(t *testing.T) {
	l := readEquity(t)
	from, to := day("2026-01-01"), day("2026-12-31")
	eq := l.Equity(from, to, ledger.EquityOptions{MinCell: profile.Off}, ledger.Grouping{Name: "gender", Of: gender})
	assert.Equal(t, 0, eq.MinCell)
	assert.Equal(t, 11, eq.People)

	// Overall: matched within 30 days f1 f2 f3 m3 x1 of 11; failed first
	// meetings f2 m5 of 9; early closures f1 m3 x1 of 5 endings (f3 found
	// a job, m1 completed); positive at the end f3 of the known results f3
	// (job) and m1 (none), the others lost to follow-up.
	o := eq.Overall
	assertProportion(t, 5, 11, 5.0/11, 0.2127127, 0.7199085, o.MatchedWithin30Days.Proportion)
	assert.Equal(t, 2, o.FirstMeetingFailed.Count)
	assert.Equal(t, 9, o.FirstMeetingFailed.Total)
	assert.Equal(t, 3, o.EarlyClosure.Count)
	assert.Equal(t, 5, o.EarlyClosure.Total)
	assert.Equal(t, 1, o.PositiveAtEnd.Count)
	assert.Equal(t, 2, o.PositiveAtEnd.Total)
	assert.Equal(t, 0, o.PositiveAt12Months.Total)
	assert.Nil(t, o.MatchedWithin30Days.P, "no test overall")
	// Times to match 5 7 10 20 25 50 60 70 100, censored 15 and 360:
	// the curve falls to 0.4156 on day 50; the log-log band's lower bound
	// reaches 0.5 on day 7 (0.4474), its upper bound on day 70 (0.4867).
	assert.Equal(t, 11, o.DaysToMatch.Applications)
	assert.Equal(t, 9, o.DaysToMatch.Matched)
	assertDays(t, 50, o.DaysToMatch.MedianDays, "overall median")
	assertDays(t, 7, o.DaysToMatch.MedianLow, "overall median low")
	assertDays(t, 70, o.DaysToMatch.MedianHigh, "overall median high")

	require.Len(t, eq.Groupings, 1)
	g := eq.Groupings[0]
	assert.Equal(t, "gender", g.Name)
	assert.Equal(t, 11, g.People)
	assert.Empty(t, g.Merged)
	require.Len(t, g.Groups, 3, "mentors only: no group")

	f := groupNamed(t, g, "f")
	assert.Equal(t, 5, f.People)
	assert.Equal(t, 3, f.Figures.MatchedWithin30Days.Count)
	assert.Equal(t, 5, f.Figures.MatchedWithin30Days.Total)
	assertP(t, 0.567099567099567, f.Figures.MatchedWithin30Days.P, "f matched: 3/5 against 2/6")
	assert.Equal(t, 1, f.Figures.FirstMeetingFailed.Count)
	assert.Equal(t, 4, f.Figures.FirstMeetingFailed.Total)
	assertP(t, 1.0, f.Figures.FirstMeetingFailed.P, "f failed: 1/4 against 1/5")
	assert.Equal(t, 1, f.Figures.EarlyClosure.Count)
	assert.Equal(t, 2, f.Figures.EarlyClosure.Total)
	assertP(t, 1.0, f.Figures.EarlyClosure.P, "f early: 1/2 against 2/3")
	assert.Equal(t, 1, f.Figures.PositiveAtEnd.Count)
	assert.Equal(t, 1, f.Figures.PositiveAtEnd.Total)
	assert.Nil(t, f.Figures.PositiveAt12Months.P, "nobody reached 12 months")
	// f waits 10 20 25 50, censored 15: 0.8, 0.5333, 0.2667 on day 25.
	assertDays(t, 25, f.Figures.DaysToMatch.MedianDays, "f median")
	assertDays(t, 10, f.Figures.DaysToMatch.MedianLow, "f median low")
	assertDays(t, 50, f.Figures.DaysToMatch.MedianHigh, "f median high")
	assertP(t, 0.19205733053901677, f.Figures.DaysToMatch.P, "f log-rank")

	m := groupNamed(t, g, "m")
	assert.Equal(t, 1, m.Figures.MatchedWithin30Days.Count)
	assertP(t, 0.24242424242424238, m.Figures.MatchedWithin30Days.P, "m matched: 1/5 against 4/6")
	// m waits 5 60 70 100, censored 360: 0.8, 0.6, 0.4 on day 70.
	assertDays(t, 70, m.Figures.DaysToMatch.MedianDays, "m median")
	assertP(t, 0.04522176245485977, m.Figures.DaysToMatch.P, "m log-rank")

	x := groupNamed(t, g, "x")
	assert.Equal(t, 1, x.People)
	assert.False(t, x.Suppressed, "suppression off")
	assert.Equal(t, 1, x.Figures.MatchedWithin30Days.Count)

	// The referral partners group the cohort the same way.
	byReferral := l.Equity(from, to, ledger.EquityOptions{MinCell: profile.Off}, ledger.Grouping{Name: "referral", Of: l.Referrals(to)})
	names := map[string]string{"pes": "f", "cpas": "m", "school": "x"}
	require.Len(t, byReferral.Groupings[0].Groups, 3)
	for _, r := range byReferral.Groupings[0].Groups {
		want := groupNamed(t, g, names[r.Name])
		assert.Equal(t, want.Figures, r.Figures, r.Name)
	}
}

func TestEquitySmallCells(t *testing.T) {
	l := readEquity(t)
	from, to := day("2026-01-01"), day("2026-12-31")
	for _, tc := range []struct {
		name string
		opt  ledger.EquityOptions
	}{
		{"default threshold", ledger.EquityOptions{}},
		{"threshold 5", ledger.EquityOptions{MinCell: 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			eq := l.Equity(from, to, tc.opt, ledger.Grouping{Name: "gender", Of: gender})
			assert.Equal(t, 5, eq.MinCell)
			g := eq.Groupings[0]
			assert.Equal(t, []string{"x"}, g.Merged, "x1 alone is merged")
			require.Len(t, g.Groups, 3)
			other := groupNamed(t, g, ledger.OtherGroup)
			assert.True(t, other.Suppressed, "still one person merged")
			assert.Equal(t, 0, other.People)
			assert.Equal(t, ledger.EquityFigures{}.MatchedWithin30Days.Count, other.Figures.MatchedWithin30Days.Count)
			assert.True(t, other.Figures.MatchedWithin30Days.Suppressed)

			f, m := groupNamed(t, g, "f"), groupNamed(t, g, "m")
			// The whole pool's 11 less m's 5 and f's 5 would tell that
			// (other) is one person: f's size, the first of the smallest,
			// is hidden.
			assert.True(t, f.PeopleSuppressed)
			assert.Zero(t, f.People)
			assert.False(t, f.Suppressed)
			assert.Equal(t, 5, m.People)
			// Matched within 30 days counts 5 in f and in m, and (other)
			// is hidden: f, the first of the smallest, is hidden too, or
			// the overall 5/11 less f's 3/5 and m's 1/5 would give
			// (other)'s 1/1 away.
			assert.True(t, f.Figures.MatchedWithin30Days.Suppressed)
			assert.Nil(t, f.Figures.MatchedWithin30Days.P)
			assert.Equal(t, 0, f.Figures.MatchedWithin30Days.Total)
			assert.False(t, m.Figures.MatchedWithin30Days.Suppressed)
			assertP(t, 0.24242424242424238, m.Figures.MatchedWithin30Days.P, "the test still counts everyone")
			assert.True(t, f.Figures.DaysToMatch.Suppressed)
			assert.Nil(t, f.Figures.DaysToMatch.MedianDays)
			assertP(t, 0.04522176245485977, m.Figures.DaysToMatch.P, "m log-rank")
			// 4 first meetings, 2 endings, 1 known result: under 5.
			for _, grp := range []ledger.EquityGroup{f, m} {
				assert.True(t, grp.Figures.FirstMeetingFailed.Suppressed, grp.Name)
				assert.True(t, grp.Figures.EarlyClosure.Suppressed, grp.Name)
				assert.True(t, grp.Figures.PositiveAtEnd.Suppressed, grp.Name)
			}
		})
	}

	eq := l.Equity(from, to, ledger.EquityOptions{MinCell: 6}, ledger.Grouping{Name: "gender", Of: gender})
	assert.Equal(t, []string{"f", "m", "x"}, eq.Groupings[0].Merged)
	require.Len(t, eq.Groupings[0].Groups, 1)
	assert.Equal(t, ledger.OtherGroup, eq.Groupings[0].Groups[0].Name)
	assert.False(t, eq.Groupings[0].Groups[0].Suppressed, "11 merged")
	assert.Equal(t, 11, eq.Groupings[0].Groups[0].People)
	assert.Nil(t, eq.Groupings[0].Groups[0].Figures.MatchedWithin30Days.P, "no rest to compare with")
}

// By the mentor: mo1 to mo5 (the duos of f1 to f4 and m1) against mo6 to
// mo9 (m2, m3, m5, x1).
func TestEquityByMentor(t *testing.T) {
	l := readEquity(t)
	from, to := day("2026-01-01"), day("2026-12-31")
	sector := func(id string) string {
		switch id {
		case "mo1", "mo2", "mo3", "mo4", "mo5":
			return "a"
		case "mo6", "mo7", "mo8", "mo9":
			return "b"
		}
		return "" // a mentee
	}
	eq := l.Equity(from, to, ledger.EquityOptions{MinCell: profile.Off}, ledger.Grouping{Name: "sector", Of: sector, ByMentor: true})
	g := eq.Groupings[0]
	require.Len(t, g.Groups, 2, "mentees are in no group of mentors")
	assert.True(t, g.ByMentor)
	assert.Equal(t, 9, g.People, "the mentors")
	a, b := groupNamed(t, g, "a"), groupNamed(t, g, "b")
	assert.Equal(t, 5, a.People)
	assert.Equal(t, 4, b.People)
	// First meetings: a f1 f2(failed) f3 f4 m1; b m2 m3 m5(failed) x1.
	assert.Equal(t, ledger.Proportion{Count: 1, Total: 5}, stripped(a.Figures.FirstMeetingFailed.Proportion))
	assert.Equal(t, ledger.Proportion{Count: 1, Total: 4}, stripped(b.Figures.FirstMeetingFailed.Proportion))
	assertP(t, 1.0, a.Figures.FirstMeetingFailed.P, "1/5 against 1/4")
	// Endings: a f1 (early) f3 (found a job) m1 (completed); b m3 x1, both early.
	assert.Equal(t, ledger.Proportion{Count: 1, Total: 3}, stripped(a.Figures.EarlyClosure.Proportion))
	assert.Equal(t, ledger.Proportion{Count: 2, Total: 2}, stripped(b.Figures.EarlyClosure.Proportion))
	// Waiting is about mentees: not by mentor.
	assert.Zero(t, a.Figures.MatchedWithin30Days.Total)
	assert.Nil(t, a.Figures.MatchedWithin30Days.P)
	assert.Zero(t, a.Figures.DaysToMatch.Applications)
	assert.Nil(t, a.Figures.DaysToMatch.P)
}

// stripped keeps a proportion's count and total.
func stripped(p ledger.Proportion) ledger.Proportion {
	return ledger.Proportion{Count: p.Count, Total: p.Total}
}
