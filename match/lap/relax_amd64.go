//go:build amd64 && !purego

package lap

// The AVX2 kernels of relax_amd64.s. n is a multiple of 4; the pointers
// are to the first entries of slices of at least n entries.

//go:noescape
func relaxMaxAVX2(row, z, d *float64, pred *int, n int, base float64, i int) float64

//go:noescape
func relaxLevelAVX2(row, z, d *float64, pred *int, n, j int, base, level float64, i int) int

//go:noescape
func collectAVX2(d *float64, n int, v float64, batch *int) int

func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

func xgetbv() (eax, edx uint32)

// hasAVX2 reports whether the processor has AVX2 and the operating system
// saves its registers. It is set once, when the package is initialised.
var hasAVX2 = detectAVX2()

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
	z, d, pred, y := s.z[:m], s.d[:m], s.pred[:m], s.y[:m]
	k := m &^ 3
	for j := 0; j < m; {
		if j < k {
			j = relaxLevelAVX2(&row[0], &z[0], &d[0], &pred[0], k, j, base, level, i)
		}
		for end := min(j+4, m); j < end; j++ {
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
	}
	return -1, n
}
