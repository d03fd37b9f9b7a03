package stat_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/duomatch/duo/match/ledger/stat"
)

// The references were computed independently in Python with NumPy, and
// the p-value with SciPy 1.10.1's scipy.stats.chi2.sf(x, 1) (Debian's
// python3-scipy; this SciPy has no logrank function), summing at each
// event day over the observations at risk as the formula of LogRank says.
func TestLogRankReference(t *testing.T) {
	for _, tc := range []struct {
		name    string
		a, b    []stat.Obs
		chi2, p float64
	}{
		{"alike",
			[]stat.Obs{{5, true}, {10, true}, {12, false}, {20, true}, {30, true}, {40, false}},
			[]stat.Obs{{8, true}, {10, true}, {15, true}, {25, false}, {50, true}, {60, false}, {70, true}},
			0.6145253168907472, 0.43308901830449653},
		{"a group matched sooner, with ties and censoring",
			[]stat.Obs{{3, true}, {4, true}, {4, true}, {7, true}, {9, false}, {11, true}},
			[]stat.Obs{{14, true}, {20, true}, {28, false}, {35, true}, {42, true}, {60, false}, {60, false}},
			10.65466653443, 0.001097935372635537},
	} {
		t.Run(tc.name, func(t *testing.T) {
			chi2, p := stat.LogRank(tc.a, tc.b)
			assert.InDelta(t, tc.chi2, chi2, 1e-9)
			assert.InDelta(t, tc.p, p, 1e-12)
		})
	}
}

func TestLogRankEdges(t *testing.T) {
	chi2, p := stat.LogRank(nil, []stat.Obs{{3, true}})
	assert.Equal(t, 0.0, chi2)
	assert.Equal(t, 1.0, p)
	chi2, p = stat.LogRank([]stat.Obs{{3, false}}, []stat.Obs{{4, false}})
	assert.Equal(t, 0.0, chi2, "no event")
	assert.Equal(t, 1.0, p)
	assert.Equal(t, 1.0, stat.ChiSquared1(0))
	assert.InDelta(t, 0.05, stat.ChiSquared1(3.841458820694124), 1e-12)
}

// naiveLogRank is the test's oracle: the formula, day by day, counting
// the numbers at risk afresh each day.
func naiveLogRank(a, b []stat.Obs) float64 {
	days := map[int]bool{}
	for _, o := range append(append([]stat.Obs{}, a...), b...) {
		if o.Event {
			days[o.Days] = true
		}
	}
	var diff, v float64
	for t := range days {
		var n, nA, d, dA float64
		for i, o := range append(append([]stat.Obs{}, a...), b...) {
			inA := i < len(a)
			if o.Days >= t {
				n++
				if inA {
					nA++
				}
			}
			if o.Days == t && o.Event {
				d++
				if inA {
					dA++
				}
			}
		}
		diff += dA - d*nA/n
		if n > 1 {
			v += d * (nA / n) * (1 - nA/n) * (n - d) / (n - 1)
		}
	}
	if v <= 0 {
		return 0
	}
	return diff * diff / v
}

func TestLogRankProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 8))
	draw := func(n, scale int) []stat.Obs {
		out := make([]stat.Obs, n)
		for i := range out {
			out[i] = stat.Obs{Days: rng.IntN(scale), Event: rng.Float64() < 0.7}
		}
		return out
	}
	for i := 0; i < 300; i++ {
		a, b := draw(1+rng.IntN(20), 60), draw(1+rng.IntN(40), 90)
		chi2, p := stat.LogRank(a, b)
		assert.InDelta(t, naiveLogRank(a, b), chi2, 1e-9)
		back, pBack := stat.LogRank(b, a)
		assert.InDelta(t, chi2, back, 1e-9, "symmetric")
		assert.InDelta(t, p, pBack, 1e-12)
		assert.GreaterOrEqual(t, p, 0.0)
		assert.LessOrEqual(t, p, 1.0)
	}
}
