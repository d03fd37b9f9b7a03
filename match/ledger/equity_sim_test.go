package ledger_test

import (
	"fmt"
	"hash/fnv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/match/ledger/stat"
	"github.com/duomatch/duo/profile"
)

// hashGroup puts each person in one of k groups by a hash of their ID.
func hashGroup(k int) func(string) string {
	return func(id string) string {
		h := fnv.New32a()
		h.Write([]byte(id))
		return fmt.Sprint("g", h.Sum32()%uint32(k))
	}
}

// The equity report over simulated programmes: without suppression each
// group's figures are those of Indicators for the group and add up to the
// overall ones, and every p-value is the test's on the group against the
// rest; with it, no figure shown counts fewer than the threshold, and no
// figure is the only one hidden in its grouping.
func TestEquitySimulated(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			l, _, _ := simulate(t, seed, 18)
			from, to := profile.MustDate(2025, 1, 1), profile.MustDate(2025, 1, 6).AddDays(30*18)
			for _, k := range []int{1, 3, 12, 40} {
				of := hashGroup(k)
				in := l.Indicators(from, to, of)
				eq := l.Equity(from, to, ledger.EquityOptions{MinCell: profile.Off}, ledger.Grouping{Name: "hash", Of: of})
				assert.Equal(t, in.Overall.MatchedWithin30Days, eq.Overall.MatchedWithin30Days.Proportion)
				assert.Equal(t, in.Overall.DaysToMatch.MedianDays, eq.Overall.DaysToMatch.MedianDays)
				g := eq.Groupings[0]
				var matched, total int
				for _, grp := range g.Groups {
					var want ledger.Figures
					for _, x := range in.Groups {
						if x.Name == grp.Name {
							want = x.Figures
						}
					}
					f := grp.Figures
					assert.Equal(t, want.MatchedWithin30Days, f.MatchedWithin30Days.Proportion, grp.Name)
					assert.Equal(t, want.FirstMeetingFailed, f.FirstMeetingFailed.Proportion, grp.Name)
					assert.Equal(t, want.EarlyClosure, f.EarlyClosure.Proportion, grp.Name)
					assert.Equal(t, want.AtEnd.Positive, f.PositiveAtEnd.Proportion, grp.Name)
					assert.Equal(t, want.At12Months.Positive, f.PositiveAt12Months.Proportion, grp.Name)
					assert.Equal(t, want.DaysToMatch.MedianDays, f.DaysToMatch.MedianDays, grp.Name)
					matched += f.MatchedWithin30Days.Count
					total += f.MatchedWithin30Days.Total
					// The test against the rest: the overall less the group.
					o, c := eq.Overall.MatchedWithin30Days, f.MatchedWithin30Days
					if c.Total > 0 && o.Total > c.Total {
						want := stat.Fisher(c.Count, c.Total-c.Count, o.Count-c.Count, (o.Total-c.Total)-(o.Count-c.Count))
						assertP(t, want, c.P, grp.Name)
					} else {
						assert.Nil(t, c.P, grp.Name)
					}
					for _, p := range []*float64{f.MatchedWithin30Days.P, f.FirstMeetingFailed.P, f.EarlyClosure.P, f.DaysToMatch.P} {
						if p != nil {
							assert.True(t, *p >= 0 && *p <= 1+1e-12, grp.Name)
						}
					}
					if k == 1 {
						assert.Nil(t, f.DaysToMatch.P, "one group: no rest")
					}
					if f.DaysToMatch.MedianDays != nil && f.DaysToMatch.MedianLow != nil {
						assert.LessOrEqual(t, *f.DaysToMatch.MedianLow, *f.DaysToMatch.MedianDays, grp.Name)
					}
					if f.DaysToMatch.MedianDays != nil && f.DaysToMatch.MedianHigh != nil {
						assert.GreaterOrEqual(t, *f.DaysToMatch.MedianHigh, *f.DaysToMatch.MedianDays, grp.Name)
					}
				}
				assert.Equal(t, eq.Overall.MatchedWithin30Days.Count, matched, "the groups add up")
				assert.Equal(t, eq.Overall.MatchedWithin30Days.Total, total)

				for _, minCell := range []int{0, 5, 12} {
					eq := l.Equity(from, to, ledger.EquityOptions{MinCell: minCell}, ledger.Grouping{Name: "hash", Of: of})
					threshold := minCell
					if minCell == 0 {
						threshold = ledger.DefaultMinCell
					}
					require.Equal(t, threshold, eq.MinCell)
					g := eq.Groupings[0]
					for _, grp := range g.Groups {
						assert.NotContains(t, g.Merged, grp.Name)
						if grp.Suppressed {
							assert.Zero(t, grp.People)
							continue
						}
						if !grp.PeopleSuppressed {
							assert.GreaterOrEqual(t, grp.People, threshold, grp.Name)
						}
						for _, c := range []ledger.Compared{grp.Figures.MatchedWithin30Days, grp.Figures.FirstMeetingFailed, grp.Figures.EarlyClosure, grp.Figures.PositiveAtEnd, grp.Figures.PositiveAt12Months} {
							if !c.Suppressed && c.Total > 0 {
								assert.GreaterOrEqual(t, c.Total, threshold, grp.Name)
							} else {
								assert.Zero(t, c.Total)
								assert.Nil(t, c.P)
							}
						}
						if !grp.Figures.DaysToMatch.Suppressed && grp.Figures.DaysToMatch.Applications > 0 {
							assert.GreaterOrEqual(t, grp.Figures.DaysToMatch.Applications, threshold)
						}
					}
					hidden := func(c func(ledger.EquityFigures) bool) int {
						n := 0
						for _, grp := range g.Groups {
							if c(grp.Figures) {
								n++
							}
						}
						return n
					}
					for name, c := range map[string]func(ledger.EquityFigures) bool{
						"matched": func(f ledger.EquityFigures) bool { return f.MatchedWithin30Days.Suppressed },
						"days":    func(f ledger.EquityFigures) bool { return f.DaysToMatch.Suppressed },
						"failed":  func(f ledger.EquityFigures) bool { return f.FirstMeetingFailed.Suppressed },
						"early":   func(f ledger.EquityFigures) bool { return f.EarlyClosure.Suppressed },
					} {
						if len(g.Groups) > 1 {
							assert.NotEqual(t, 1, hidden(c), "k=%d min %d: %s hidden in one group only", k, minCell, name)
						}
					}
				}
			}
		})
	}
}
