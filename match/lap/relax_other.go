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
