package lap

// The solver's initialisation: Jonker and Volgenant's column reduction
// with reduction transfer, and the augmenting row reduction (see jv.go).

// columnReduction is Jonker & Volgenant's column reduction and reduction
// transfer: each column's dual is its largest weight; each column is given
// to the row of that weight (the lowest such row) unless the row already
// has a column; a row that got exactly one column then transfers its
// slack to that column's dual. It returns, in free, the rows left without
// a column, in increasing order, or nil if the context is done.
func (s *jv) columnReduction(free []int) []int {
	n, m := s.n, s.m
	z, x, y := s.z[:m], s.x[:n], s.y[:m]
	arg := s.pred[:m]
	if s.colArg != nil {
		arg = s.colArg[:m]
	} else {
		for j := range z {
			z[j] = negInf
			arg[j] = -1
		}
		for i := 0; i < n; i++ {
			if i&63 == 0 && cancelled(s.done) {
				return nil
			}
			row := s.row(i)
			z := z[:len(row)]
			arg := arg[:len(row)]
			for j, wij := range row {
				if wij > z[j] {
					z[j] = wij
					arg[j] = i
				}
			}
		}
	}
	count := s.free[:n] // scratch: the number of columns won by each row
	for i := range count {
		count[i] = 0
	}
	for j, i := range arg {
		if i < 0 {
			z[j] = 0 // a column without allowed entries
			continue
		}
		count[i]++
		if x[i] < 0 {
			x[i], y[j] = j, i
		}
	}
	for i := 0; i < n; i++ {
		if i&63 == 0 && cancelled(s.done) {
			return nil
		}
		if count[i] != 1 {
			continue
		}
		j1 := x[i]
		best := negInf
		row := s.row(i)
		z := z[:len(row)]
		for j, wij := range row {
			if h := wij - z[j]; h > best && j != j1 {
				best = h
			}
		}
		if best > negInf {
			z[j1] -= best
		}
	}
	free = free[:0]
	for i := 0; i < n; i++ {
		if x[i] < 0 {
			free = append(free, i)
		}
	}
	return free[:len(free):len(free)] // not nil, even when empty
}

// arr is Jonker & Volgenant's augmenting row reduction: each free row
// takes the column of largest reduced weight w - z, raising that column's
// dual until the row is indifferent with its second best column, and
// evicts the row that held it. An evicted row is processed again at once
// when the dual strictly rose (an auction step), else at the next pass.
// The number of immediate re-processings is capped, so a pass is O(n·m)
// even on adversarial data; rows left over go to augment. It returns nil
// if the context is done.
//
// A row with a single allowed column never evicts anyone (there is no
// second best to stop the raise at); augment handles it.
func (s *jv) arr(free []int) []int {
	m := s.m
	z, y, x := s.z[:m], s.y[:m], s.x
	budget := 2*len(free) + 16
	k, out, nfree := 0, 0, len(free)
	for steps := 1; k < nfree; steps++ {
		if steps&63 == 0 && cancelled(s.done) {
			return nil
		}
		i := free[k]
		k++
		u1, u2, j1, j2, jf := top2(s.row(i), z, y, s.vec)
		if j1 < 0 {
			free[out] = i
			out++
			continue
		}
		i0 := y[j1]
		raised := false
		if u1 > u2 {
			if u2 > negInf {
				z[j1] += u1 - u2
				raised = true
			} else if i0 >= 0 {
				free[out] = i
				out++
				continue
			}
		} else if i0 >= 0 {
			// u1 == u2: take the free column of lowest index among the
			// best if there is one; else the second one found, and the
			// evicted row waits for the next pass.
			j1 = j2
			if jf >= 0 {
				j1 = jf
			}
			i0 = y[j1]
		}
		x[i] = j1
		y[j1] = i
		if i0 >= 0 {
			x[i0] = -1
			if raised && budget > 0 {
				budget--
				k--
				free[k] = i0
			} else {
				free[out] = i0
				out++
			}
		}
	}
	return free[:out:out] // not nil, even when empty
}

// top2 returns the largest and second largest reduced weights
// row[j] - z[j] of a row, u1 >= u2, at the columns j1 and j2: j1 is the
// lowest column at u1, and j2 the second lowest at u1 when u1 == u2, else
// the lowest at u2. jf is the lowest free column (y[jf] < 0) at u1, or -1.
// A missing value is -Inf with the column -1. One pass over the row: the
// inner loop only skips the entries below u2, which are most of them (with
// vec, four at a time; see top2Vec).
func top2(row, z []float64, y []int, vec bool) (u1, u2 float64, j1, j2, jf int) {
	if vec {
		return top2Vec(row, z, y)
	}
	z = z[:len(row)]
	y = y[:len(row)]
	t := top2State{u1: negInf, u2: negInf, j1: -1, j2: -1, jf: -1}
	for j := 0; j < len(row); j++ {
		h := row[j] - z[j]
		for h < t.u2 {
			if j++; j == len(row) {
				return t.u1, t.u2, t.j1, t.j2, t.jf
			}
			h = row[j] - z[j]
		}
		t.take(h, j, y[j] < 0)
	}
	return t.u1, t.u2, t.j1, t.j2, t.jf
}

// top2State is what top2 has found so far.
type top2State struct {
	u1, u2     float64
	j1, j2, jf int
}

// take folds column j, of reduced weight h >= u2, into the state; free
// tells whether the column is free.
func (t *top2State) take(h float64, j int, free bool) {
	switch {
	case h > t.u1:
		t.u2, t.j2 = t.u1, t.j1
		t.u1, t.j1 = h, j
		t.jf = -1
		if free {
			t.jf = j
		}
	case h == t.u1:
		if h > t.u2 {
			t.u2, t.j2 = h, j
		}
		if t.jf < 0 && free {
			t.jf = j
		}
	case h > t.u2:
		t.u2, t.j2 = h, j
	}
}
