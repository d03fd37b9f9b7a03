//go:build !amd64 || purego

package lap

// hasAVX2 is false: the scalar relaxations serve every search.
const hasAVX2 = false

// relaxBestVec is relaxBestScalar where there is no vector kernel.
func (s *jv) relaxBestVec(i int, base float64, batch []int) (float64, int) {
	return s.relaxBestScalar(i, base, batch)
}

// relaxLevelVec is relaxLevelScalar where there is no vector kernel.
func (s *jv) relaxLevelVec(i int, base, level float64, batch []int, n int) (int, int) {
	return s.relaxLevelScalar(i, base, level, batch, n)
}

// top2Vec is top2 where there is no vector kernel.
func top2Vec(row, z []float64, y []int) (u1, u2 float64, j1, j2, jf int) {
	return top2(row, z, y, false)
}

// absMaxVec is absMax where there is no vector kernel.
func absMaxVec(row []float64) uint64 { return absMax(row, false) }

// colMaxRowVec is colMaxRow where there is no vector kernel.
func colMaxRowVec(row []float64, i int, cm []float64, ca []int) uint64 {
	return colMaxRow(row, i, cm, ca, false)
}

// checkRowVec is checkRow where there is no vector kernel.
func checkRowVec(row []float64) (allowed bool, absBits uint64, bad bool) {
	return checkRow(row, false)
}

// transposeVec copies nothing where there is no vector kernel.
func transposeVec(src []float64, stride int, dst []float64, nr, a0, a1, b0, b1 int) (a4, b4 int, ab uint64) {
	return a0, b0, 0
}
