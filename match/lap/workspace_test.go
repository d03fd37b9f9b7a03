package lap

import (
	"context"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// countingRows is a RowReader that counts its calls of ReadRow and At.
type countingRows struct {
	d             *mat.Dense
	rowReads, ats int
}

func (m *countingRows) Dims() (int, int)    { return m.d.Dims() }
func (m *countingRows) At(i, j int) float64 { m.ats++; return m.d.At(i, j) }
func (m *countingRows) T() mat.Matrix       { return mat.Transpose{Matrix: m} }
func (m *countingRows) ReadRow(i int, dst []float64) {
	m.rowReads++
	mat.Row(dst, i, m.d)
}

// TestRowReaderIsUsed checks that a matrix implementing RowReader is read
// through ReadRow only (twice per kept row, once per row to validate),
// and that the result is the one of the same values as a *mat.Dense.
func TestRowReaderIsUsed(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, dims := range [][2]int{{30, 30}, {20, 35}, {35, 20}, {1, 9}} {
		d := randMatrix(rng, dims[0], dims[1], rng.Float64)
		m := &countingRows{d: d}
		a, err := Assign(context.Background(), m)
		require.NoError(t, err)
		want, err := Assign(context.Background(), d)
		require.NoError(t, err)
		assert.Equal(t, want, a, "%v", dims)
		// Assemble reads each pair's score through At: nothing else.
		assert.Equal(t, len(a.Pairs), m.ats, "%v: At calls", dims)
		assert.Equal(t, 2*dims[0], m.rowReads, "%v: ReadRow calls", dims)
	}
}

// TestWorkspaceReused checks that a Workspace keeps one working copy:
// solving a RowReader again allocates far less than the r·c entries of
// a copy (it allocates 64 rows of scratch and O(r+c)), the buffer is the same, and Release hands it to the caller with
// room for r·c entries and empties the workspace.
func TestWorkspaceReused(t *testing.T) {
	const r, c = 400, 300
	rng := rand.New(rand.NewPCG(9, 10))
	m := rowMatrix{randMatrix(rng, r, c, rng.Float64)}
	ctx := context.Background()
	var ws Workspace
	first, err := ws.Assign(ctx, m)
	require.NoError(t, err)
	require.GreaterOrEqual(t, cap(ws.buf), r*c)
	buf := &ws.buf[0]

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	again, err := ws.Assign(ctx, m)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	assert.Equal(t, first, again)
	assert.Same(t, buf, &ws.buf[0], "the workspace's buffer is reused")
	copyBytes := uint64(r * c * 8)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, copyBytes/2,
		"a second solve allocates no new working copy")

	got := ws.Release()
	assert.GreaterOrEqual(t, len(got), r*c)
	assert.Same(t, buf, &got[0])
	assert.Nil(t, ws.Release(), "Release empties the workspace")

	// A larger matrix replaces the buffer; a smaller one reuses it.
	var ws2 Workspace
	_, err = ws2.Assign(ctx, rowMatrix{randMatrix(rng, 10, 10, rng.Float64)})
	require.NoError(t, err)
	small := cap(ws2.buf)
	_, err = ws2.Assign(ctx, m)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, cap(ws2.buf), r*c)
	assert.Greater(t, cap(ws2.buf), small)
	big := &ws2.buf[0]
	_, err = ws2.Assign(ctx, rowMatrix{randMatrix(rng, 10, 10, rng.Float64)})
	require.NoError(t, err)
	assert.Same(t, big, &ws2.buf[0])
}

// TestWorkspaceSameResult checks that solving through one Workspace, in
// any order of shapes and kinds of matrix, gives what Assign gives.
func TestWorkspaceSameResult(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	var ws Workspace
	ctx := context.Background()
	for k := range 40 {
		r, c := 1+rng.IntN(25), 1+rng.IntN(25)
		d := randMatrix(rng, r, c, func() float64 { return float64(rng.IntN(5)) })
		var in mat.Matrix
		switch k % 3 {
		case 0:
			in = d
		case 1:
			in = rowMatrix{d}
		default:
			in = d.T()
		}
		want, err := Assign(ctx, in)
		require.NoError(t, err)
		got, err := ws.Assign(ctx, in)
		require.NoError(t, err)
		assert.Equal(t, want, got, "case %d (%d×%d)", k, r, c)
		assert.NoError(t, Verify(in, got))
	}
}
