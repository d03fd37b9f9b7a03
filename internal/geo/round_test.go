package geo

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundDensity(t *testing.T) {
	tests := []struct {
		name   string
		cfg    Config
		lo, hi float64 // share of allowed pairs
	}{
		{"defaults about 4.5%", Config{Mentees: 2000, Mentors: 1600, Seed: 1}, 0.035, 0.06},
		{"two shared slots about 2%", Config{Mentees: 2000, Mentors: 1600, MinShared: 2, Seed: 1}, 0.015, 0.03},
		{"33 km about 7%", Config{Mentees: 2000, Mentors: 1600, RadiusKm: 33, Seed: 1}, 0.06, 0.085},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Round(tt.cfg)
			r, c := g.Dims()
			require.Equal(t, [2]int{tt.cfg.Mentees, tt.cfg.Mentors}, [2]int{r, c})
			share := float64(g.Len()) / float64(r*c)
			t.Logf("allowed: %.2f%%", 100*share)
			assert.GreaterOrEqual(t, share, tt.lo)
			assert.LessOrEqual(t, share, tt.hi)
		})
	}
}

func TestRoundDeterministicAndPrefixStable(t *testing.T) {
	a := Round(Config{Mentees: 300, Mentors: 200, MaxSeats: 3, Seed: 9})
	b := Round(Config{Mentees: 300, Mentors: 200, MaxSeats: 3, Seed: 9})
	assert.Equal(t, a, b)
	c := Round(Config{Mentees: 300, Mentors: 200, MaxSeats: 3, Seed: 10})
	assert.NotEqual(t, a, c)

	// A larger round holds the smaller one: the same people, the same
	// seats, and the same pairs among them, in the same order.
	big := Round(Config{Mentees: 400, Mentors: 260, MaxSeats: 3, Seed: 9})
	for j := range 200 {
		require.Equal(t, a.Capacity(j), big.Capacity(j), "seats of mentor %d", j)
	}
	for i := range 300 {
		cols, scores := a.Row(i)
		cols, scores = append([]int32{}, cols...), append([]float32{}, scores...)
		bc, bs := big.Row(i)
		kc, ks := []int32{}, []float32{}
		for k, j := range bc {
			if j < 200 {
				kc, ks = append(kc, j), append(ks, bs[k])
			}
		}
		require.Equal(t, cols, kc, "row %d", i)
		require.Equal(t, scores, ks, "row %d", i)
	}
}

func TestRoundRespectsRules(t *testing.T) {
	cfg := Config{Mentees: 400, Mentors: 300, Seed: 3}
	g := Round(cfg)
	mentees := make([]person, cfg.Mentees)
	mentors := make([]person, cfg.Mentors)
	for i := range mentees {
		mentees[i] = draw(cfg.Seed, uint64(i)<<1, true)
	}
	for j := range mentors {
		mentors[j] = draw(cfg.Seed, uint64(j)<<1|1, false)
	}
	// Brute force over every pair: the generator's grid finds exactly the
	// pairs the rules allow.
	for i, m := range mentees {
		cols, scores := g.Row(i)
		got := map[int32]bool{}
		for k, j := range cols {
			got[j] = true
			assert.True(t, scores[k] >= 0 && scores[k] <= 1)
		}
		for j, o := range mentors {
			dx, dy := o.x-m.x, o.y-m.y
			want := dx*dx+dy*dy <= 25*25 && m.langs&o.langs != 0 && popcount(m.slots&o.slots) >= 1
			assert.Equal(t, want, got[int32(j)], "pair (%d, %d)", i, j)
		}
	}
}

func TestBorderHoldsTowns(t *testing.T) {
	for _, tw := range towns {
		assert.True(t, inside(border, tw.lat, tw.lon), "town at %.2f, %.2f", tw.lat, tw.lon)
	}
	assert.False(t, inside(border, 48.85, 2.35), "Paris")
	assert.False(t, inside(border, 52.37, 4.90), "Amsterdam")
}
