package lap

// sparseWork is the problem the solver runs on: g itself, or, when g has
// more rows than usable seats, its transpose with one row per usable seat
// (seat copies of a column share its pairs). Searches from rows that
// cannot all be matched are the expensive ones, since each explores
// everything cheaper than giving up a pair; with fewer rows than seats
// nearly every search ends at a free seat instead.
type sparseWork struct {
	src        *Sparse
	transposed bool
	rows, cols int
	lo, hi     []int // row k's pairs are [lo[k], hi[k])
	col        []int32
	score      []float32
	cap        []int32 // per working column
	seatCol    []int32 // transposed: working row -> src's column
}

func newSparseWork(g *Sparse) *sparseWork {
	w := &sparseWork{src: g, rows: g.rows, cols: g.cols, col: g.col, score: g.score, cap: g.capacity}
	if w.cap == nil {
		w.cap = make([]int32, g.cols)
		for j := range w.cap {
			w.cap[j] = 1
		}
	}
	// Usable seats: a column takes at most as many rows as it has pairs.
	deg := make([]int, g.cols)
	for _, j := range g.col {
		deg[j]++
	}
	seats := 0
	for j, d := range deg {
		seats += min(int(w.cap[j]), d)
	}
	if g.rows <= seats {
		if g.rows > 0 {
			w.lo, w.hi = g.start[:g.rows], g.start[1:g.rows+1]
		}
		return w
	}

	// Transpose, skipping columns of capacity 0.
	start := make([]int, g.cols+1)
	for j, d := range deg {
		if w.cap[j] > 0 {
			start[j+1] = d
		}
		start[j+1] += start[j]
	}
	tcol := make([]int32, start[g.cols])
	tscore := make([]float32, start[g.cols])
	fill := append([]int(nil), start[:g.cols]...)
	for i := 0; i < g.rows; i++ {
		for e := g.start[i]; e < g.start[i+1]; e++ {
			j := g.col[e]
			if w.cap[j] > 0 {
				tcol[fill[j]] = int32(i)
				tscore[fill[j]] = g.score[e]
				fill[j]++
			}
		}
	}
	t := &sparseWork{src: g, transposed: true, rows: seats, cols: g.rows, col: tcol, score: tscore,
		cap: make([]int32, g.rows), lo: make([]int, seats), hi: make([]int, seats), seatCol: make([]int32, seats)}
	for i := range t.cap {
		t.cap[i] = 1
	}
	r := 0
	for j, d := range deg {
		for range min(int(w.cap[j]), d) {
			t.lo[r], t.hi[r], t.seatCol[r] = start[j], start[j+1], int32(j)
			r++
		}
	}
	return t
}

// assignment assembles the result of s, solved on w, and its certificate
// in the terms of w.src.
func (w *sparseWork) assignment(s *sparseSolver) (Assignment, error) {
	g := w.src
	a := Assignment{
		RowCover: make([]bool, g.rows),
		ColCover: make([]bool, g.cols),
		RowDual:  make([]float64, g.rows),
		ColDual:  make([]float64, g.cols),
	}
	if !w.transposed {
		n := 0
		for _, e := range s.mate {
			if e >= 0 {
				n++
			}
		}
		a.Pairs = make([]Pair, 0, n)
		for i, e := range s.mate {
			y := s.y(int32(i))
			if y.N != 0 && y.N != 1 {
				return Assignment{}, errInternal
			}
			a.RowCover[i], a.RowDual[i] = y.N == 1, y.X
			if e >= 0 {
				sc := float64(w.score[e])
				a.Pairs = append(a.Pairs, Pair{Row: i, Col: int(w.col[e]), Score: sc})
				a.Total += sc
			}
		}
		for j := range s.col {
			v := s.col[j].v
			if v.N != 0 && v.N != -1 {
				return Assignment{}, errInternal
			}
			a.ColCover[j], a.ColDual[j] = v.N == -1, -v.X
		}
		return a, nil
	}

	// Transposed: working columns are src's rows, working rows its seats.
	for i := range s.col {
		v := s.col[i].v
		if v.N != 0 && v.N != -1 {
			return Assignment{}, errInternal
		}
		a.RowCover[i], a.RowDual[i] = v.N == -1, -v.X
	}
	// A column's dual is its seats' (equal by complementary slackness,
	// up to rounding: the largest is taken). A column with a free seat
	// gets 0, and the rows it holds the dual (1, score), which only
	// raises them.
	load := make([]int32, g.cols)
	for r, e := range s.mate {
		if e >= 0 {
			load[w.seatCol[r]]++
		}
	}
	seen := make([]bool, g.cols)
	zs := make([]Value, g.cols)
	for r, e := range s.mate {
		j := w.seatCol[r]
		y := s.y(int32(r))
		if y.N != 0 && y.N != 1 {
			return Assignment{}, errInternal
		}
		if load[j] < g.capOf(int(j)) {
			if e >= 0 {
				i := w.col[e]
				a.RowCover[i], a.RowDual[i] = true, float64(w.score[e])
			}
			continue
		}
		switch {
		case !seen[j]:
			seen[j], zs[j] = true, y
		case zs[j].N != y.N:
			return Assignment{}, errInternal
		case y.X > zs[j].X:
			zs[j] = y
		}
	}
	for j, z := range zs {
		a.ColCover[j], a.ColDual[j] = z.N == 1, z.X
	}
	mateOf := make([]int32, g.rows) // src's row -> working row + 1
	for r, e := range s.mate {
		if e >= 0 {
			mateOf[w.col[e]] = int32(r) + 1
		}
	}
	n := 0
	for _, r := range mateOf {
		if r > 0 {
			n++
		}
	}
	a.Pairs = make([]Pair, 0, n)
	for i, r := range mateOf {
		if r > 0 {
			sc := float64(w.score[s.mate[r-1]])
			a.Pairs = append(a.Pairs, Pair{Row: i, Col: int(w.seatCol[r-1]), Score: sc})
			a.Total += sc
		}
	}
	return a, nil
}
