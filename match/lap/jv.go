package lap

import (
	"context"
	"math"
)

var (
	inf    = math.Inf(1)
	negInf = math.Inf(-1)
)

// jv is the core solver: a maximum-weight matching of an n×m weight
// matrix that tries to match every row, by shortest augmenting paths with
// column duals in the Jonker–Volgenant style. A weight of -Inf is an absent
// edge. Row i's weights are w[i*stride : i*stride+m]; w is only read, so it
// may be the caller's matrix.
//
// Invariants kept by every step (the column duals z are the real parts of
// the certificate's column duals):
//   - z[j] >= 0 for every column, and z[j] == 0 while column j is free;
//   - for every matched row i, with the implicit row dual
//     y[i] = w[i][x[i]] - z[x[i]], the slack y[i] + z[j] - w[i][j] is >= 0
//     on every edge and 0 on (i, x[i]).
//
// So the matched rows' matching is optimal among the matchings that cover
// exactly those rows (by complementary slackness), whatever the set of
// free columns. A row for which no augmenting path exists is left free
// without touching the duals: by Berge's lemma it never gets one later,
// and the caller repairs the choice of matched rows (see solveWorking).
type jv struct {
	n, m   int
	w      []float64
	stride int
	z      []float64 // column duals
	x      []int     // x[i] is the column of row i, or -1
	y      []int     // y[j] is the row of column j, or -1
	d      []float64 // Dijkstra: best path value to each column, scratch
	pred   []int     // Dijkstra: predecessor row of each column, scratch
	seen   []int     // Dijkstra: the scanned columns, in order
	saved  []float64 // Dijkstra: z of the scanned columns
	dsc    []float64 // Dijkstra: d of the scanned columns
	batch  []int     // Dijkstra: the columns at the best path value
	free   []int
	done   <-chan struct{}
	// vec selects the vector kernels (kernels_amd64.go) of the row
	// reduction and the relaxations where the processor has them; they
	// give the scalar code's results bit for bit.
	vec bool

	// reduceCols selects Jonker & Volgenant's column reduction and
	// reduction transfer before the row reduction. It breaks the
	// invariant on free columns' duals, so it is only used when every
	// column should end up matched (n == m); see solveWorking.
	reduceCols bool
	// colArg, when not nil, holds the lowest row of each column's largest
	// entry, and z those entries: the column reduction's first pass, done
	// by the loader while reading the matrix (see solveWorking).
	colArg []int
}

// newJV returns a solver of the n×m weights w, its scratch taken from ar.
func newJV(ctx context.Context, ar *arena, w []float64, stride, n, m int) *jv {
	return &jv{
		n: n, m: m, w: w, stride: stride,
		z:     ar.zeros(m),
		x:     ar.filled(n, -1),
		y:     ar.filled(m, -1),
		d:     ar.floats(m),
		pred:  ar.ints(m),
		seen:  ar.ints(m)[:0],
		saved: ar.floats(m),
		dsc:   ar.floats(m),
		batch: ar.ints(m),
		free:  ar.ints(n),
		done:  ctx.Done(),
		vec:   hasAVX2,
	}
}

// row returns row i's weights.
func (s *jv) row(i int) []float64 {
	return s.w[i*s.stride : i*s.stride+s.m]
}

// rowDual returns the implicit dual of the matched row i.
func (s *jv) rowDual(i int) float64 {
	j := s.x[i]
	return s.w[i*s.stride+j] - s.z[j]
}

// run matches as many rows as it can and returns the rows left free (no
// augmenting path). It returns errCancelled when the context is done.
func (s *jv) run() (failed []int, err error) {
	free := s.free[:0]
	if s.reduceCols {
		if free = s.columnReduction(free); free == nil {
			return nil, errCancelled
		}
	} else {
		for i := 0; i < s.n; i++ {
			free = append(free, i)
		}
	}
	// Augmenting row reduction, twice as in Jonker & Volgenant (1987).
	for pass := 0; pass < 2 && len(free) > 0; pass++ {
		if cancelled(s.done) {
			return nil, errCancelled
		}
		if free = s.arr(free); free == nil {
			return nil, errCancelled
		}
	}
	for _, f := range free {
		if cancelled(s.done) {
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
	if s.reduceCols && len(failed) == 0 {
		// Every column is matched: shift the duals so that min z = 0.
		lo := inf
		for _, zj := range s.z {
			lo = min(lo, zj)
		}
		for j := range s.z {
			s.z[j] -= lo
		}
	}
	return failed, nil
}

// augment grows a shortest-path tree from the free row f over reduced
// weights (Dijkstra, as in Jonker & Volgenant's augmentation phase, here
// maximising path values) until it reaches a free column, then updates the
// duals of the scanned columns and flips the path. It reports false,
// changing nothing but scratch space, when no free column is reachable.
//
// As in Jonker & Volgenant's SCAN list, the columns at the current best
// path value are taken as a batch: one pass over a row both relaxes the
// columns and collects every column at the new best value; if one of them
// is free, the path ends there; else they are scanned in turn, each scan a
// cheaper pass that only relaxes and picks up the columns that reach the
// same value, stopping at the first free one. Only when the batch is used
// up does the next pass look for a new best value. On matrices with many
// equal entries most scans are of the cheap kind.
//
// The passes run over all columns in index order, without an index list:
// a scanned column is parked with z = +Inf (so it is never relaxed) and
// d = -Inf (so it is never selected), its values saved aside; a column
// waiting in the batch has d = +Inf, so that it is never relaxed again.
//
// Tie rule: when a pass finds the new best value, the free column of
// lowest index at that value ends the path if there is one; else those
// columns are scanned in index order, then the columns that reach the same
// value during those scans, in the order they reach it (by index within a
// scan); the first free column that reaches it ends the path.
func (s *jv) augment(f int) (bool, error) {
	m := s.m
	d, z, pred, y := s.d[:m], s.z[:m], s.pred[:m], s.y[:m]
	seen := s.seen[:0]
	batch := s.batch[:m]
	saved, dsc := s.saved[:m], s.dsc[:m]
	for j := range d {
		d[j] = negInf
	}
	i := f
	base := 0.0 // the reduced value of (i, j) is base + w[i][j] - z[j]
	maxVal := 0.0
	sink := -1
	head, tail := 0, 0 // batch[head:tail] waits to be scanned
	for steps := 1; ; steps++ {
		if head == tail {
			var best float64
			best, tail = s.relaxBest(i, base, batch)
			head = 0
			if best == negInf {
				for _, j := range seen {
					z[j] = saved[j]
				}
				return false, nil
			}
			maxVal = best
			for _, j := range batch[:tail] {
				if y[j] < 0 {
					sink = j
					break
				}
				d[j] = inf
			}
			if sink >= 0 {
				break
			}
		} else {
			sink, tail = s.relaxLevel(i, base, maxVal, batch, tail)
			if sink >= 0 {
				break
			}
		}
		// Park the next column of the batch as scanned and continue from
		// its row.
		j := batch[head]
		head++
		seen = append(seen, j)
		zj := z[j]
		saved[j], dsc[j] = zj, maxVal
		d[j] = negInf
		z[j] = inf
		i = y[j]
		base = maxVal - (s.w[i*s.stride+j] - zj)
		if steps&255 == 0 && cancelled(s.done) {
			for _, j := range seen {
				z[j] = saved[j]
			}
			return false, errCancelled
		}
	}
	for _, j := range seen {
		z[j] = saved[j] + dsc[j] - maxVal
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

// relaxBest relaxes the columns with row i, whose reduced values are
// base + w[i][j] - z[j], and returns the best path value over all
// columns and, in batch[:n], the columns at that value in index order.
// The best value is -Inf when no column is reachable (n is then
// meaningless).
func (s *jv) relaxBest(i int, base float64, batch []int) (best float64, n int) {
	if s.vec {
		return s.relaxBestVec(i, base, batch)
	}
	return s.relaxBestScalar(i, base, batch)
}

// relaxBestScalar is relaxBest, one column at a time.
func (s *jv) relaxBestScalar(i int, base float64, batch []int) (best float64, n int) {
	row := s.row(i)
	z := s.z[:len(row)]
	d := s.d[:len(row)]
	pred := s.pred[:len(row)]
	batch = batch[:len(row)]
	best = negInf
	for j, wij := range row {
		h := base + wij - z[j]
		dj := d[j]
		if h > dj {
			d[j] = h
			pred[j] = i
			dj = h
		}
		if dj >= best {
			if dj > best {
				best, n = dj, 0
			}
			batch[n] = j
			n++
		}
	}
	return best, n
}

// relaxLevel relaxes the columns with row i, as relaxBest, when the best
// path value is level and batch[:n] holds the columns waiting at it. A
// column that reaches level is the sink if it is free (the pass stops
// there), else it joins the batch with d = +Inf. It returns the sink, or
// -1, and the new length of the batch.
func (s *jv) relaxLevel(i int, base, level float64, batch []int, n int) (sink, n2 int) {
	if s.vec {
		return s.relaxLevelVec(i, base, level, batch, n)
	}
	return s.relaxLevelScalar(i, base, level, batch, n)
}

// relaxLevelScalar is relaxLevel, one column at a time.
func (s *jv) relaxLevelScalar(i int, base, level float64, batch []int, n int) (sink, n2 int) {
	return s.relaxLevelRange(i, base, level, batch, n, 0, s.m)
}

// relaxLevelRange is relaxLevel over the columns [j0, j1) of row i only.
func (s *jv) relaxLevelRange(i int, base, level float64, batch []int, n, j0, j1 int) (sink, n2 int) {
	row := s.row(i)[:j1]
	z := s.z[:len(row)]
	d := s.d[:len(row)]
	pred := s.pred[:len(row)]
	y := s.y[:len(row)]
	for j := j0; j < len(row); j++ {
		h := base + row[j] - z[j]
		if h > d[j] {
			pred[j] = i
			if h < level {
				d[j] = h
				continue
			}
			if y[j] < 0 {
				return j, n
			}
			d[j] = inf
			batch[n] = j
			n++
		}
	}
	return -1, n
}
