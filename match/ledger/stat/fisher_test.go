package stat_test

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/duomatch/duo/match/ledger/stat"
)

// The references were computed independently with SciPy 1.10.1 (Debian's
// python3-scipy): scipy.stats.fisher_exact([[a, b], [c, d]],
// alternative="two-sided")[1].
func TestFisherSciPy(t *testing.T) {
	for _, tc := range []struct {
		name       string
		a, b, c, d int
		p          float64
	}{
		{"tea tasting", 3, 1, 1, 3, 0.48571428571428565},
		{"small group served worse", 1, 9, 11, 3, 0.0027594561852200836},
		{"all or none", 0, 5, 5, 0, 0.007936507936507938},
		{"group of 9", 2, 7, 8, 2, 0.02301413756522116},
		{"group of 10 against 50", 7, 3, 20, 30, 0.09701385860567119},
		{"group of 17 against 70", 12, 5, 30, 40, 0.057772708697685644},
		{"nobody of the group", 0, 4, 10, 10, 0.11396574440052701},
		{"everyone of the group", 4, 0, 3, 9, 0.01923076923076923},
		{"same rates", 10, 10, 10, 10, 1.0},
		{"ties in probability", 1, 2, 3, 4, 1.0},
		{"group of 30", 25, 5, 15, 15, 0.01269894629179263},
		{"large", 40, 60, 120, 80, 0.0013724477291244632},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.InDelta(t, tc.p, stat.Fisher(tc.a, tc.b, tc.c, tc.d), 1e-12)
		})
	}
}

func TestFisherEdges(t *testing.T) {
	assert.Equal(t, 1.0, stat.Fisher(0, 0, 3, 4), "empty row")
	assert.Equal(t, 1.0, stat.Fisher(0, 5, 0, 4), "empty column")
	assert.Equal(t, 1.0, stat.Fisher(0, 0, 0, 0))
	assert.True(t, math.IsNaN(stat.Fisher(-1, 2, 3, 4)))
}

// fisherExact is the test's oracle: the same sum over every table with
// the margins, in exact rational arithmetic.
func fisherExact(a, b, c, d int) float64 {
	r1, c1, n := a+b, a+c, a+b+c+d
	prob := func(x int) *big.Rat {
		num := new(big.Int).Mul(new(big.Int).Binomial(int64(c1), int64(x)), new(big.Int).Binomial(int64(n-c1), int64(r1-x)))
		return new(big.Rat).SetFrac(num, new(big.Int).Binomial(int64(n), int64(r1)))
	}
	obs := prob(a)
	sum := new(big.Rat)
	for x := max(0, r1+c1-n); x <= min(r1, c1); x++ {
		if p := prob(x); p.Cmp(obs) <= 0 {
			sum.Add(sum, p)
		}
	}
	f, _ := sum.Float64()
	return f
}

func TestFisherAgainstExactSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 7))
	for i := 0; i < 500; i++ {
		a, b, c, d := rng.IntN(15), rng.IntN(15), rng.IntN(40), rng.IntN(40)
		if a+b == 0 || c+d == 0 || a+c == 0 || b+d == 0 {
			continue
		}
		want := fisherExact(a, b, c, d)
		got := stat.Fisher(a, b, c, d)
		assert.InDelta(t, want, got, 1e-9, "%d %d %d %d", a, b, c, d)
		// Swapping the rows or the columns tests the same thing.
		assert.InDelta(t, got, stat.Fisher(c, d, a, b), 1e-9)
		assert.InDelta(t, got, stat.Fisher(b, a, d, c), 1e-9)
	}
}

// Five of a group of 10 were matched within 30 days, against 40 of the
// other 50: is the group served differently? (SciPy's fisher_exact gives
// 0.10216672745406784.)
func ExampleFisher() {
	fmt.Printf("p = %.4f\n", stat.Fisher(5, 5, 40, 10))
	// Output:
	// p = 0.1022
}
