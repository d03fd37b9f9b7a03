package ledger_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
)

// TestWilsonBounds checks every count of every total up to 200: exact
// bounds at the ends (the issue found Wilson(14, 14).High =
// 0.9999999999999999 and Wilson(0, 27).Low = 6.9e-18), Low ≤ Rate ≤ High,
// both bounds rising with the count, and each bound a root of the score
// equation that defines the interval, (p̂ − π)² = z²·π(1 − π)/n: an
// oracle that does not use the closed form.
func TestWilsonBounds(t *testing.T) {
	const z = 1.959963984540054
	for n := 1; n <= 200; n++ {
		prev := ledger.Wilson(0, n)
		for k := 0; k <= n; k++ {
			p := ledger.Wilson(k, n)
			require.Equal(t, float64(k)/float64(n), p.Rate, "%d/%d", k, n)
			require.LessOrEqual(t, p.Low, p.Rate, "%d/%d", k, n)
			require.LessOrEqual(t, p.Rate, p.High, "%d/%d", k, n)
			require.GreaterOrEqual(t, p.Low, 0.0, "%d/%d", k, n)
			require.LessOrEqual(t, p.High, 1.0, "%d/%d", k, n)
			if k == 0 {
				require.Equal(t, 0.0, p.Low, "%d/%d", k, n)
			} else {
				require.Greater(t, p.Low, prev.Low, "Low rises at %d/%d", k, n)
				require.Greater(t, p.High, prev.High, "High rises at %d/%d", k, n)
			}
			if k == n {
				require.Equal(t, 1.0, p.High, "%d/%d", k, n)
			} else {
				require.Less(t, p.High, 1.0, "%d/%d", k, n)
			}
			for _, b := range []float64{p.Low, p.High} {
				score := (p.Rate-b)*(p.Rate-b) - z*z*b*(1-b)/float64(n)
				require.InDelta(t, 0, score, 1e-12, "%d/%d: bound %v", k, n, b)
			}
			prev = p
		}
	}
}

// TestWilsonReference compares with values computed independently in
// Python 3 (statistics.NormalDist().inv_cdf(0.975) for z, then the
// centre ± half-width of the score interval).
func TestWilsonReference(t *testing.T) {
	tests := []struct {
		count, total int
		low, high    float64
	}{
		{14, 14, 0.7846891973, 1},
		{0, 27, 0, 0.1245550297},
		{1, 3, 0.0614919447, 0.7923403992},
		{37, 50, 0.6044684274, 0.8412847251},
		{148, 200, 0.6750925440, 0.7958616994},
		{199, 200, 0.9722262956, 0.9991168313},
	}
	for _, tt := range tests {
		p := ledger.Wilson(tt.count, tt.total)
		assert.InDelta(t, tt.low, p.Low, 1e-9, "%d/%d", tt.count, tt.total)
		assert.InDelta(t, tt.high, p.High, 1e-9, "%d/%d", tt.count, tt.total)
		assert.False(t, math.IsNaN(p.Low) || math.IsNaN(p.High))
	}
}
