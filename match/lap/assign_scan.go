package lap

import "math"

// The passes over the caller's rows while loading (see assign_load.go):
// copies, with or without transposition, and the scans that validate the
// entries and gather what the load needs.

// fillRaw copies scores[rows×cols] into w, transposed if p.transposed,
// and returns the largest bit pattern of the magnitudes copied: it is
// below infBits exactly when every entry is finite.
func (p *problem) fillRaw(w []float64, rows, cols []int, vec bool) uint64 {
	data, stride, c := p.in.raw, p.in.stride, p.c
	nr, nc := len(rows), len(cols)
	identity := nc == c
	var ab uint64
	if !p.transposed {
		for a, i := range rows {
			src := data[i*stride : i*stride+c]
			dst := w[a*nc : a*nc+nc]
			for b, j := range cols {
				x := src[j]
				dst[b] = x
				ab = max(ab, math.Float64bits(x)&^(1<<63))
			}
		}
		return ab
	}
	// Transposed: working row b is the caller's column cols[b]. Copy in
	// blocks so that the reads and the writes both stay in cache; when
	// every row and column is kept, most of each block 4×4 at a time
	// where the processor can.
	const blk = 64
	vec = vec && identity && nr == p.r
	for a0 := 0; a0 < nr; a0 += blk {
		a1 := min(a0+blk, nr)
		for b0 := 0; b0 < nc; b0 += blk {
			b1 := min(b0+blk, nc)
			a4, b4 := a0, b0 // [a0, a4) × [b0, b4) is copied by the kernel
			if vec {
				var vab uint64
				a4, b4, vab = transposeVec(data, stride, w, nr, a0, a1, b0, b1)
				ab = max(ab, vab)
			}
			ab = max(ab, p.copyTransposed(w, rows, cols, a0, a4, b4, b1))
			ab = max(ab, p.copyTransposed(w, rows, cols, a4, a1, b0, b1))
		}
	}
	return ab
}

// copyTransposed copies the caller's rows rows[a0:a1] × columns
// cols[b0:b1] into the transposed working copy w, and returns the largest
// bit pattern of the magnitudes copied.
func (p *problem) copyTransposed(w []float64, rows, cols []int, a0, a1, b0, b1 int) uint64 {
	data, stride, c, nr := p.in.raw, p.in.stride, p.c, len(rows)
	var ab uint64
	for a := a0; a < a1; a++ {
		src := data[rows[a]*stride : rows[a]*stride+c]
		if len(cols) == c {
			for k, x := range src[b0:b1] {
				w[(b0+k)*nr+a] = x
				ab = max(ab, math.Float64bits(x)&^(1<<63))
			}
			continue
		}
		for b := b0; b < b1; b++ {
			x := src[cols[b]]
			w[b*nr+a] = x
			ab = max(ab, math.Float64bits(x)&^(1<<63))
		}
	}
	return ab
}

// colMaxRow folds row i of a square matrix read in place into the
// column maxima cm and their lowest rows ca (a later row replaces an
// earlier one only when strictly larger), and returns the largest bit
// pattern of the row's magnitudes (see fillRaw). With vec, it runs four
// columns at a time where the processor can (kernels_amd64.go).
func colMaxRow(row []float64, i int, cm []float64, ca []int, vec bool) uint64 {
	if vec {
		return colMaxRowVec(row, i, cm, ca)
	}
	cm = cm[:len(row)]
	ca = ca[:len(row)]
	var absBits uint64
	for j, x := range row {
		absBits = max(absBits, math.Float64bits(x)&^(1<<63))
		if x > cm[j] {
			cm[j], ca[j] = x, i
		}
	}
	return absBits
}

// absMax returns the largest bit pattern of a row's magnitudes (see
// fillRaw); with vec, four at a time where the processor can.
func absMax(row []float64, vec bool) uint64 {
	if vec {
		return absMaxVec(row)
	}
	var ab uint64
	for _, x := range row {
		ab = max(ab, math.Float64bits(x)&^(1<<63))
	}
	return ab
}

// checkRow returns whether a row has an allowed entry, the bits of its
// largest finite magnitude (see finiteAbsBits), and whether it holds a NaN
// or +Inf (then the other two are meaningless). It is branch-free but for
// the NaN check, which is never taken on valid input: its rows are those
// with -Inf entries, at random places. With vec, it runs four entries at
// a time where the processor can.
func checkRow(row []float64, vec bool) (allowed bool, absBits uint64, bad bool) {
	if vec {
		return checkRowVec(row)
	}
	const negInfBits = 0xFFF0000000000000
	var other uint64 // 0 exactly when every entry is -Inf
	for _, x := range row {
		if !valid(x) {
			bad = true
		}
		absBits = max(absBits, finiteAbsBits(x))
		other |= math.Float64bits(x) ^ negInfBits
	}
	return other != 0, absBits, bad
}

// scanRow validates the caller's row i and gathers its stats.
func (st *stats) scanRow(i int, src []float64) error {
	cm := st.colMax[:len(src)]
	rm := math.Inf(-1)
	ab := st.absBits
	for j, x := range src {
		if !valid(x) {
			return &ScoreError{Row: i, Col: j, Value: x}
		}
		if x > rm {
			rm = x
		}
		if x > cm[j] {
			cm[j] = x
		}
		if b := finiteAbsBits(x); b > ab {
			ab = b
		}
	}
	st.absBits = ab
	st.rowMax[i] = rm
	return nil
}
