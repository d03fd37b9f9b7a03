//go:build amd64 && !purego

package lap

// The AVX2 kernels of kernels_amd64.s. n is a multiple of 4; the pointers
// are to the first entries of slices of at least n entries.

//go:noescape
func relaxMaxAVX2(row, z, d *float64, pred *int, n int, base float64, i int) float64

//go:noescape
func relaxLevelAVX2(row, z, d *float64, pred *int, n, j int, base, level float64, i int) int

//go:noescape
func atLeastAVX2(row, z *float64, n, j int, u float64) int

//go:noescape
func absMaxAVX2(x *float64, n int) uint64

//go:noescape
func colMaxAVX2(row, cm *float64, ca *int, n, i int) uint64

//go:noescape
func checkAVX2(row *float64, n int) (other, absBits uint64, valid int)

//go:noescape
func transposeAVX2(src *float64, sstride int, dst *float64, dstride, rows4, cols4 int) uint64

//go:noescape
func collectAVX2(d *float64, n int, v float64, batch *int) int

// cpuid runs the CPUID instruction with EAX and ECX set to its arguments.
func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

// xgetbv reads the extended control register 0 (which register states the
// operating system saves).
func xgetbv() (eax, edx uint32)

// hasAVX2 reports whether the processor has AVX2 and the operating system
// saves its registers. It is set once, when the package is initialised.
var hasAVX2 = detectAVX2()

// detectAVX2 reports whether CPUID announces AVX2 (leaf 7, EBX bit 5) and
// AVX with OSXSAVE (leaf 1), and XGETBV says that the operating system
// saves the XMM and YMM registers.
func detectAVX2() bool {
	if maxID, _, _, _ := cpuid(0, 0); maxID < 7 {
		return false
	}
	const osxsave, avx = 1 << 27, 1 << 28
	if _, _, ecx, _ := cpuid(1, 0); ecx&osxsave == 0 || ecx&avx == 0 {
		return false
	}
	if eax, _ := xgetbv(); eax&6 != 6 { // XMM and YMM state
		return false
	}
	_, ebx, _, _ := cpuid(7, 0)
	return ebx&(1<<5) != 0
}

// relaxBestVec is relaxBest with the AVX2 kernels: one pass relaxes the
// columns and finds the best value, a second one, over d only, collects
// the columns at that value in index order. The best value returned is
// the first such column's (the scalar code's, even between 0 and -0).
func (s *jv) relaxBestVec(i int, base float64, batch []int) (best float64, n int) {
	row := s.row(i)
	m := len(row)
	z, d, pred := s.z[:m], s.d[:m], s.pred[:m]
	k := m &^ 3
	best = negInf
	if k > 0 {
		best = relaxMaxAVX2(&row[0], &z[0], &d[0], &pred[0], k, base, i)
	}
	for j := k; j < m; j++ {
		if h := base + row[j] - z[j]; h > d[j] {
			d[j], pred[j] = h, i
		}
		if d[j] > best {
			best = d[j]
		}
	}
	if best == negInf {
		return negInf, 0
	}
	batch = batch[:m]
	if k > 0 {
		n = collectAVX2(&d[0], k, best, &batch[0])
	}
	for j := k; j < m; j++ {
		if d[j] == best {
			batch[n] = j
			n++
		}
	}
	return d[batch[0]], n
}

// relaxLevelVec is relaxLevel with the AVX2 kernel, which stops at the
// first block of four columns where one reaches the level; that block is
// done here, in order, as relaxLevel does it, and the kernel goes on.
func (s *jv) relaxLevelVec(i int, base, level float64, batch []int, n int) (sink, n2 int) {
	row := s.row(i)
	m := len(row)
	z, d, pred := s.z[:m], s.d[:m], s.pred[:m]
	k := m &^ 3
	for j := 0; j < m; {
		if j < k {
			j = relaxLevelAVX2(&row[0], &z[0], &d[0], &pred[0], k, j, base, level, i)
		}
		end := min(j+4, m)
		if sink, n = s.relaxLevelRange(i, base, level, batch, n, j, end); sink >= 0 {
			return sink, n
		}
		j = end
	}
	return -1, n
}

// top2Vec is top2 with an AVX2 kernel that skips the blocks of four
// columns whose reduced weights are all below u2; a block with one at
// u2 or above is taken here, in order, as top2 takes it.
func top2Vec(row, z []float64, y []int) (u1, u2 float64, j1, j2, jf int) {
	z = z[:len(row)]
	y = y[:len(row)]
	t := top2State{u1: negInf, u2: negInf, j1: -1, j2: -1, jf: -1}
	k := len(row) &^ 3
	for j := 0; j < len(row); {
		if j < k {
			j = atLeastAVX2(&row[0], &z[0], k, j, t.u2)
		}
		for end := min(j+4, len(row)); j < end; j++ {
			if h := row[j] - z[j]; h >= t.u2 {
				t.take(h, j, y[j] < 0)
			}
		}
	}
	return t.u1, t.u2, t.j1, t.j2, t.jf
}

// absMaxVec is absMax with an AVX2 kernel.
func absMaxVec(row []float64) uint64 {
	k := len(row) &^ 3
	var ab uint64
	if k > 0 {
		ab = absMaxAVX2(&row[0], k)
	}
	return max(ab, absMax(row[k:], false))
}

// colMaxRowVec is colMaxRow with an AVX2 kernel.
func colMaxRowVec(row []float64, i int, cm []float64, ca []int) uint64 {
	k := len(row) &^ 3
	var ab uint64
	if k > 0 {
		ab = colMaxAVX2(&row[0], &cm[0], &ca[0], k, i)
	}
	return max(ab, colMaxRow(row[k:], i, cm[k:], ca[k:], false))
}

// checkRowVec is checkRow with an AVX2 kernel.
func checkRowVec(row []float64) (allowed bool, absBits uint64, bad bool) {
	k := len(row) &^ 3
	if k == 0 {
		return checkRow(row, false)
	}
	other, ab, valid := checkAVX2(&row[0], k)
	a, b, bd := checkRow(row[k:], false)
	return other != 0 || a, max(ab, b), valid != 15 || bd
}

// transposeVec copies the block rows [a0, a1) × columns [b0, b1) of the
// row-major src (rows stride apart) to dst transposed (dst's rows nr
// apart), the largest part whose sides are multiples of 4 with an AVX2
// kernel, and returns that part's ends a4 and b4 with the largest bit
// pattern of the magnitudes it copied; the caller copies the rest.
func transposeVec(src []float64, stride int, dst []float64, nr, a0, a1, b0, b1 int) (a4, b4 int, ab uint64) {
	a4, b4 = a0+(a1-a0)&^3, b0+(b1-b0)&^3
	if a4 == a0 || b4 == b0 {
		return a0, b0, 0
	}
	_ = src[(a4-1)*stride+b4-1]
	_ = dst[(b4-1)*nr+a4-1]
	return a4, b4, transposeAVX2(&src[a0*stride+b0], stride, &dst[b0*nr+a0], nr, (a4-a0)/4, (b4-b0)/4)
}
