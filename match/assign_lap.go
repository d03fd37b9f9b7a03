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
	n, m  int
	cost  []float64 // n*m, row-major
	v     []float64 // column duals
	x     []int     // x[i] is the column of row i, or -1
	y     []int     // y[j] is the row of column j, or -1
	d     []float64 // Dijkstra distances, scratch
	pred  []int     // Dijkstra predecessor rows, scratch
	rem   []int     // Dijkstra: the scanned columns
	saved []float64 // Dijkstra: v of the scanned columns
	dsc   []float64 // Dijkstra: d of the scanned columns
	free  []int
	done  <-chan struct{}

	// reduceCols selects Jonker & Volgenant's column reduction and
	// reduction transfer before the row reduction. It breaks the
	// invariant on free columns' duals, so it is only used when every
	// column should end up matched (n == m); see solveWorking.
	reduceCols bool
}

func newLAP(ctx context.Context, cost []float64, n, m int) *lap {
	s := &lap{
		n: n, m: m, cost: cost,
		v:     make([]float64, m),
		x:     make([]int, n),
		y:     make([]int, m),
		d:     make([]float64, m),
		pred:  make([]int, m),
		rem:   make([]int, 0, m),
		saved: make([]float64, m),
		dsc:   make([]float64, m),
		free:  make([]int, n),
		done:  ctx.Done(),
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
	if !s.reduceCols {
		for i := 0; i < s.n; i++ {
			free = append(free, i)
		}
	}
	if s.reduceCols {
		free = s.columnReduction(free)
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

// columnReduction is Jonker & Volgenant's column reduction and reduction
// transfer: each column's dual is its smallest cost; each column is given
// to the row of that smallest cost (the lowest such row) unless the row
// already has a column; a row that got exactly one column then transfers
// its slack to that column's dual. It appends the rows left without a
// column to free, in increasing order.
func (s *lap) columnReduction(free []int) []int {
	n, m := s.n, s.m
	v, x, y := s.v[:m], s.x[:n], s.y[:m]
	arg := s.pred[:m]
	for j := range v {
		v[j] = inf
		arg[j] = -1
	}
	for i := 0; i < n; i++ {
		row := s.cost[i*m : i*m+m]
		v := v[:len(row)]
		for j, c := range row {
			if c < v[j] {
				v[j] = c
				arg[j] = i
			}
		}
	}
	count := s.free[:n] // scratch: columns won by each row
	for i := range count {
		count[i] = 0
	}
	for j, i := range arg {
		if i < 0 {
			v[j] = 0 // a column without allowed entries
			continue
		}
		count[i]++
		if x[i] < 0 {
			x[i], y[j] = j, i
		}
	}
	for i := 0; i < n; i++ {
		if count[i] != 1 {
			continue
		}
		j1 := x[i]
		mu := inf
		row := s.cost[i*m : i*m+m]
		for j, c := range row {
			if h := c - v[j]; h < mu && j != j1 {
				mu = h
			}
		}
		if mu < inf {
			v[j1] -= mu
		}
	}
	free = free[:0]
	for i := 0; i < n; i++ {
		if x[i] < 0 {
			free = append(free, i)
		}
	}
	return free
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
			// u1 == u2: take the free column of lowest index among the
			// minima if there is one; else the second one found, and the
			// evicted row waits for the next pass.
			j1 = j2
			for j, c := range row {
				if y[j] < 0 && c-v[j] == u1 {
					j1 = j
					break
				}
			}
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
// The scan loops run over all columns in index order, without an index
// list: a scanned column is parked with v = -Inf (so it is never relaxed)
// and d = +Inf (so it is never selected), its values saved aside.
//
// Tie rule: among unscanned columns at equal distance, the free column of
// lowest index is taken if there is one, else the column of lowest index.
func (s *lap) augment(f int) (bool, error) {
	m := s.m
	cost := s.cost
	d, v, pred, y := s.d[:m], s.v[:m], s.pred[:m], s.y[:m]
	scanned := s.rem[:0]
	saved := s.saved[:m]
	for j := range d {
		d[j] = inf
	}
	i := f
	base := 0.0 // so that the reduced cost of (i, j) is base + row[j] - v[j]
	minVal := 0.0
	sink := -1
	ok := true
	for steps := 1; ; steps++ {
		row := cost[i*m : i*m+m]
		v := v[:len(row)]
		d := d[:len(row)]
		pred := pred[:len(row)]
		y := y[:len(row)]
		lowest, idx := inf, -1
		j := 0
		for ; j+1 < len(row); j += 2 {
			h0 := base + row[j] - v[j]
			h1 := base + row[j+1] - v[j+1]
			d0, d1 := d[j], d[j+1]
			if h0 < d0 {
				d[j] = h0
				pred[j] = i
				d0 = h0
			}
			if h1 < d1 {
				d[j+1] = h1
				pred[j+1] = i
				d1 = h1
			}
			if d0 <= lowest || d1 <= lowest {
				if d0 < lowest {
					lowest, idx = d0, j
				} else if d0 == lowest && y[j] < 0 && idx >= 0 && y[idx] >= 0 {
					idx = j
				}
				if d1 < lowest {
					lowest, idx = d1, j+1
				} else if d1 == lowest && y[j+1] < 0 && idx >= 0 && y[idx] >= 0 {
					idx = j + 1
				}
			}
		}
		for ; j < len(row); j++ {
			h := base + row[j] - v[j]
			dj := d[j]
			if h < dj {
				d[j] = h
				pred[j] = i
				dj = h
			}
			if dj <= lowest {
				if dj < lowest {
					lowest, idx = dj, j
				} else if y[j] < 0 && idx >= 0 && y[idx] >= 0 {
					idx = j
				}
			}
		}
		if lowest == inf {
			ok = false
			break
		}
		minVal = lowest
		if y[idx] < 0 {
			sink = idx
			break
		}
		j = idx
		// Park column j as scanned.
		scanned = append(scanned, j)
		vj := v[j]
		saved[j] = vj
		d[j] = inf
		v[j] = -inf
		s.dsc[j] = lowest
		i = y[j]
		base = minVal - (cost[i*m+j] - vj)
		if steps&255 == 0 && s.cancelled() {
			for _, j := range scanned {
				v[j] = saved[j]
			}
			return false, errCancelled
		}
	}
	dbgSteps = append(dbgSteps, len(scanned))
	if !ok {
		for _, j := range scanned {
			v[j] = saved[j]
		}
		return false, nil
	}
	dsc := s.dsc
	for _, j := range scanned {
		v[j] = saved[j] + dsc[j] - minVal
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

var dbgSteps []int
