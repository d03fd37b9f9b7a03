package lap

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// TestSparseColLayout: a column's state fills exactly one 64-byte cache
// line, as sparseSolver.col's comment says (a field added must keep it so,
// or the comment and the padding change).
func TestSparseColLayout(t *testing.T) {
	assert.Equal(t, uintptr(64), unsafe.Sizeof(sparseCol{}))
}
