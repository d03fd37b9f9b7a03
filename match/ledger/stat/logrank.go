package stat

import (
	"cmp"
	"math"
	"slices"
)

// Obs is one observed time to an event: Days, and whether the event
// happened then (Event false: censored then, still without the event when
// last seen).
type Obs struct {
	Days  int
	Event bool
}

// LogRank returns the log-rank test of the hypothesis that the times in a
// and in b come from one survival curve: the chi-squared statistic with
// one degree of freedom and its p-value (two-sided: a group that waits
// longer or shorter both count). At each day with events, the events of a
// are compared with those expected from the pooled numbers at risk:
//
//	O − E = Σ (d_a − d·n_a/n),  V = Σ d·(n_a/n)·(1 − n_a/n)·(n − d)/(n − 1)
//
// and the statistic is (O − E)²/V. An observation censored on a day is
// still at risk on that day. With no event in either group, or when one
// group is empty, there is nothing to compare: it returns 0 and 1.
//
// Cost: O((len(a)+len(b))·log(len(a)+len(b))).
func LogRank(a, b []Obs) (chi2, p float64) {
	type tagged struct {
		Obs
		inA bool
	}
	xs := make([]tagged, 0, len(a)+len(b))
	for _, o := range a {
		xs = append(xs, tagged{o, true})
	}
	for _, o := range b {
		xs = append(xs, tagged{o, false})
	}
	slices.SortFunc(xs, func(x, y tagged) int { return cmp.Compare(x.Days, y.Days) })
	nA, n := float64(len(a)), float64(len(xs))
	var diff, v float64
	for i := 0; i < len(xs); {
		j := i
		var d, dA, leftA float64
		for ; j < len(xs) && xs[j].Days == xs[i].Days; j++ {
			if xs[j].inA {
				leftA++
			}
			if xs[j].Event {
				d++
				if xs[j].inA {
					dA++
				}
			}
		}
		if d > 0 {
			share := nA / n
			diff += dA - d*share
			if n > 1 {
				v += d * share * (1 - share) * (n - d) / (n - 1)
			}
		}
		nA -= leftA
		n -= float64(j - i)
		i = j
	}
	if v <= 0 {
		return 0, 1
	}
	chi2 = diff * diff / v
	return chi2, ChiSquared1(chi2)
}

// ChiSquared1 returns the upper tail P(X ≥ x) of the chi-squared
// distribution with one degree of freedom: erfc(√(x/2)). Cost: O(1).
func ChiSquared1(x float64) float64 {
	if x <= 0 {
		return 1
	}
	return math.Erfc(math.Sqrt(x / 2))
}
