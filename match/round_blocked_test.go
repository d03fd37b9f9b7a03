package match

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
)

// TestCountBlockedParallel: the rules blocking the pairs of people left
// without any allowed pair are counted on several goroutines; the proposal
// is the same, reason for reason and count for count, on one core and on
// several, and on several the counts equal a serial recount of every pair
// with scoring's Blocked. Pools spread over Belgium leave many people
// without a partner in reach.
func TestCountBlockedParallel(t *testing.T) {
	for _, tc := range []struct {
		seed             uint64
		mentees, mentors int
	}{{1, 300, 240}, {2, 900, 700}} {
		t.Run(fmt.Sprintf("%dx%d", tc.mentees, tc.mentors), func(t *testing.T) {
			me, mo := synth.Generate(synth.Config{Seed: tc.seed, Mentees: tc.mentees, Mentors: tc.mentors, On: roundDay, IneligibleShare: 0.1, Spread: true})
			r := Round{On: roundDay, Mentees: me, Mentors: mo}
			prev := runtime.GOMAXPROCS(1)
			serial, err := Propose(context.Background(), r)
			runtime.GOMAXPROCS(max(prev, 4))
			par, perr := Propose(context.Background(), r)
			runtime.GOMAXPROCS(prev)
			require.NoError(t, err)
			require.NoError(t, perr)
			assert.Equal(t, serial.UnmatchedMentees, par.UnmatchedMentees)
			assert.Equal(t, serial.UnmatchedMentors, par.UnmatchedMentors)

			// A serial recount through scoring.Pool.Blocked.
			b, err := check(r)
			require.NoError(t, err)
			_, err = b.solve(context.Background())
			require.NoError(t, err)
			rowOf := map[string]int{}
			for k, i := range b.pool.rows {
				rowOf[me[i].ID] = k
			}
			colOf := map[string]int{}
			for c, j := range b.pool.cols {
				colOf[mo[j].ID] = c
			}
			recount := func(k, c int, want map[string]int) {
				for _, p := range b.compiled.Blocked(k, c) {
					want[p.Code]++
				}
			}
			counted := 0
			for _, u := range par.UnmatchedMentees {
				if u.Reason != ReasonNoCompatibleMentor {
					continue
				}
				want := map[string]int{}
				for c := range b.pool.cols {
					recount(rowOf[u.ID], c, want)
				}
				assert.Equal(t, want, u.Blocked, u.ID)
				counted++
			}
			for _, u := range par.UnmatchedMentors {
				c, ok := colOf[u.ID]
				if u.Reason != ReasonNoCompatibleMentee || !ok {
					continue
				}
				want := map[string]int{}
				for k := range b.pool.rows {
					recount(k, c, want)
				}
				assert.Equal(t, want, u.Blocked, u.ID)
				counted++
			}
			require.Greater(t, counted, 10, "people without any allowed pair")
		})
	}
}
