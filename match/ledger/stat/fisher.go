package stat

import "math"

// relTol is how close two table probabilities must be to count as equal
// when Fisher's test sums those as likely as the observed one or less:
// rounding of the log-gamma function must not drop a table that is
// exactly as likely (SciPy's fisher_exact uses the same 1e-7).
const relTol = 1e-7

// Fisher returns the two-sided p-value of Fisher's exact test on the 2×2
// table
//
//	a  b
//	c  d
//
// (for instance a of a+b people of a group matched within 30 days, c of
// c+d of the rest of the pool): with the margins fixed, the probability of
// the tables as likely as the one observed or less, under the hypothesis
// that the two rows share one proportion. Two-sided, because a group may
// be served worse or better than the rest, and either is news to the
// programme. It returns 1 for a table with an empty row or column (no
// evidence either way) and NaN when a count is negative.
//
// Cost: O(min(a+b, a+c)).
func Fisher(a, b, c, d int) float64 {
	if a < 0 || b < 0 || c < 0 || d < 0 {
		return math.NaN()
	}
	r1, c1, n := a+b, a+c, a+b+c+d
	if r1 == 0 || r1 == n || c1 == 0 || c1 == n {
		return 1
	}
	lo, hi := max(0, r1+c1-n), min(r1, c1)
	// logP(x) is the log of the hypergeometric probability of x in the
	// top-left cell; the terms of the margins are the same for every x.
	margins := lfact(r1) + lfact(n-r1) + lfact(c1) + lfact(n-c1) - lfact(n)
	logP := func(x int) float64 {
		return margins - lfact(x) - lfact(r1-x) - lfact(c1-x) - lfact(n-r1-c1+x)
	}
	observed := logP(a)
	limit := observed + math.Log1p(relTol)
	p := 0.0
	for x := lo; x <= hi; x++ {
		if lp := logP(x); lp <= limit {
			p += math.Exp(lp)
		}
	}
	return min(p, 1)
}

// lfact returns log(n!).
func lfact(n int) float64 {
	v, _ := math.Lgamma(float64(n) + 1)
	return v
}
