package match

import (
	"context"
	"math"
)

var inf = math.Inf(1)

// lap is the core solver: a minimum-cost matching of an n×m cost matrix
// that tries to match every row, by shortest augmenting paths with column
// duals in the Jonker–Volgenant style. Absent edges cost +Inf.
//
// Invariants kept by every step, in the minimisation convention:
//   - v[j] <= 0 for every column, and v[j] == 0 while column j is free;
//   - for every matched row i (with the implicit row dual
//     u[i] = cost[i][x[i]] - v[x[i]]), the reduced cost
//     cost[i][j] - u[i] - v[j] is >= 0 on every edge and 0 on (i, x[i]).
//
// So the matched rows' matching is optimal among the matchings that cover
// exactly those rows (by complementary slackness), whatever the set of
// free columns. A row for which no augmenting path exists is left free
// without touching the duals: by Berge's lemma it never gets one later,
// and the caller repairs the choice of matched rows (see solveWorking).
type lap struct {
	n, m int
	cost []float64 // n*m, row-major
	v    []float64 // column duals
	x    []int     // x[i] is the column of row i, or -1
	y    []int     // y[j] is the row of column j, or -1
	d    []float64 // Dijkstra distances, scratch
	pred []int     // Dijkstra predecessor rows, scratch
	rem  []int     // Dijkstra: unscanned columns, then the scanned ones
	free []int
	done <-chan struct{}
}

func newLAP(ctx context.Context, cost []float64, n, m int) *lap {
	s := &lap{
		n: n, m: m, cost: cost,
		v:    make([]float64, m),
		x:    make([]int, n),
		y:    make([]int, m),
		d:    make([]float64, m),
		pred: make([]int, m),
		rem:  make([]int, m),
		free: make([]int, n),
		done: ctx.Done(),
	}
	for i := range s.x {
		s.x[i] = -1
	}
	for j := range s.y {
		s.y[j] = -1
	}
	return s
}

// cancelled reports whether the context is done, without blocking.
func (s *lap) cancelled() bool {
	if s.done == nil {
		return false
	}
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// run matches as many rows as it can, in increasing row order after the
// initialisation, and returns the rows left free (no augmenting path).
// It returns errCancelled when the context is done.
func (s *lap) run() (failed []int, err error) {
	free := s.free[:0]
	for i := 0; i < s.n; i++ {
		free = append(free, i)
	}
	// Augmenting row reduction, twice as in Jonker & Volgenant (1987).
	// It is bounded (see arr), so it needs no cancellation check.
	for pass := 0; pass < 2 && len(free) > 0; pass++ {
		free = s.arr(free)
	}
	for _, f := range free {
		if s.cancelled() {
			return nil, errCancelled
		}
		ok, err := s.augment(f)
		if err != nil {
			return nil, err
		}
		if !ok {
			failed = append(failed, f)
		}
	}
	return failed, nil
}

// arr is Jonker & Volgenant's augmenting row reduction: each free row
// takes the column with the smallest reduced cost, lowering that column's
// dual down to the row's second smallest reduced cost, and evicts the
// row that held it. An evicted row is processed again at once when the
// dual strictly decreased (an auction step), else at the next pass. The
// number of immediate re-processings is capped, so the pass is O(n·m)
// overall even on adversarial data; rows left over go to augment.
//
// A row with a single allowed column never evicts anyone (its second
// smallest reduced cost is +Inf, so there is nothing to lower the dual
// to); augment handles it.
func (s *lap) arr(free []int) []int {
	m := s.m
	v, y, x := s.v[:m], s.y[:m], s.x
	budget := 2*len(free) + 16
	k, out, nfree := 0, 0, len(free)
	for k < nfree {
		i := free[k]
		k++
		row := s.cost[i*m : i*m+m]
		u1, u2 := inf, inf
		j1, j2 := -1, -1
		for j, c := range row {
			h := c - v[j]
			if h < u2 {
				if h < u1 {
					u2, j2 = u1, j1
					u1, j1 = h, j
				} else {
					u2, j2 = h, j
				}
			}
		}
		if j1 < 0 {
			free[out] = i
			out++
			continue
		}
		i0 := y[j1]
		lowered := false
		if u1 < u2 {
			if u2 < inf {
				v[j1] -= u2 - u1
				lowered = true
			} else if i0 >= 0 {
				free[out] = i
				out++
				continue
			}
		} else if i0 >= 0 {
			// u1 == u2: take the second column if that evicts no one,
			// and leave the evicted row for the next pass otherwise.
			j1 = j2
			i0 = y[j1]
		}
		x[i] = j1
		y[j1] = i
		if i0 >= 0 {
			x[i0] = -1
			if lowered && budget > 0 {
				budget--
				k--
				free[k] = i0
			} else {
				free[out] = i0
				out++
			}
		}
	}
	return free[:out]
}

// augment grows a shortest-path tree from the free row f over reduced
// costs (Dijkstra, as in Jonker & Volgenant's augmentation phase) until it
// reaches a free column, then updates the duals of the scanned columns and
// flips the path. It reports false, changing nothing but scratch space,
// when no free column is reachable.
//
// Tie rule: among unscanned columns at equal distance, a free column is
// preferred, else the first one in the scan list (a fixed function of the
// input, independent of the machine).
func (s *lap) augment(f int) (bool, error) {
	m := s.m
	cost := s.cost
	d, v, pred, rem, y := s.d[:m], s.v[:m], s.pred[:m], s.rem[:m], s.y[:m]
	for j := range rem {
		rem[j] = j
		d[j] = inf
	}
	nrem := m
	i := f
	row := cost[f*m : f*m+m]
	base := 0.0 // so that the reduced cost of (i, j) is base + row[j] - v[j]
	minVal := 0.0
	sink := -1
	for steps := 1; ; steps++ {
		lowest, idx := inf, -1
		for k, j := range rem[:nrem] {
			h := base + row[j] - v[j]
			dj := d[j]
			if h < dj {
				d[j] = h
				pred[j] = i
				dj = h
			}
			if dj < lowest || (dj == lowest && y[j] < 0 && idx >= 0 && y[rem[idx]] >= 0) {
				lowest, idx = dj, k
			}
		}
		if idx < 0 || lowest == inf {
			return false, nil
		}
		j := rem[idx]
		minVal = lowest
		if y[j] < 0 {
			sink = j
			break
		}
		nrem--
		rem[idx], rem[nrem] = rem[nrem], rem[idx]
		i = y[j]
		row = cost[i*m : i*m+m]
		base = minVal - (row[j] - v[j])
		if steps&255 == 0 && s.cancelled() {
			return false, errCancelled
		}
	}
	for _, j := range rem[nrem:] {
		v[j] += d[j] - minVal
	}
	x := s.x
	for j := sink; ; {
		i := pred[j]
		y[j] = i
		j, x[i] = x[i], j
		if i == f {
			break
		}
	}
	return true, nil
}
