package lap_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/lap"
)

func TestSparseBuilder(t *testing.T) {
	b := lap.NewSparseBuilder(3)
	b.SetCapacity(2, 4)
	b.AddRow([]int{2, 0}, []float64{1.5, -2})
	b.AddRow(nil, nil)
	b.AddRow([]int{1}, []float64{0.1})
	g, err := b.Build()
	require.NoError(t, err)
	r, c := g.Dims()
	assert.Equal(t, [2]int{3, 3}, [2]int{r, c})
	assert.Equal(t, 3, g.Len())
	cols, scores := g.Row(0)
	assert.Equal(t, []int32{2, 0}, cols)
	assert.Equal(t, []float32{1.5, -2}, scores)
	cols, _ = g.Row(1)
	assert.Empty(t, cols)
	_, scores = g.Row(2)
	assert.Equal(t, []float32{float32(0.1)}, scores, "rounded to float32")
	assert.Equal(t, []int{1, 1, 4}, []int{g.Capacity(0), g.Capacity(1), g.Capacity(2)})

	_, err = b.Build()
	assert.ErrorIs(t, err, lap.ErrInvalidSparse, "Build twice")
}

func TestSparseBuilderErrors(t *testing.T) {
	const secret = 12345.678 // a score that must never be quoted
	tests := []struct {
		name  string
		build func(b *lap.SparseBuilder)
		cols  int
		want  []string // each a substring of one problem
	}{
		{"negative columns", func(*lap.SparseBuilder) {}, -1, []string{"-1 columns"}},
		{"lengths differ", func(b *lap.SparseBuilder) { b.AddRow([]int{0, 1}, []float64{secret}) }, 2, []string{"row 0: 2 columns but 1 scores"}},
		{"column out of range", func(b *lap.SparseBuilder) { b.AddRow(nil, nil); b.AddRow([]int{5}, []float64{secret}) }, 2, []string{"row 1, pair 0: column 5 out of range"}},
		{"negative column", func(b *lap.SparseBuilder) { b.AddRow([]int{-1}, []float64{secret}) }, 2, []string{"row 0, pair 0: column -1 out of range"}},
		{"duplicate column", func(b *lap.SparseBuilder) { b.AddRow([]int{1, 1}, []float64{secret, secret}) }, 2, []string{"row 0, pair 1: column 1 given twice"}},
		{"NaN", func(b *lap.SparseBuilder) { b.AddRow([]int{0}, []float64{math.NaN()}) }, 2, []string{"row 0, column 0: score is NaN or infinite"}},
		{"-Inf is not a forbidden mark", func(b *lap.SparseBuilder) { b.AddRow([]int{1}, []float64{math.Inf(-1)}) }, 2, []string{"row 0, column 1: score is NaN or infinite"}},
		{"beyond float32", func(b *lap.SparseBuilder) { b.AddRow([]int{0}, []float64{1e39}) }, 2, []string{"row 0, column 0: score beyond float32"}},
		{"capacity column", func(b *lap.SparseBuilder) { b.SetCapacity(7, 1) }, 2, []string{"capacity of column 7: column out of range"}},
		{"negative capacity", func(b *lap.SparseBuilder) { b.SetCapacity(1, -2) }, 2, []string{"column 1: capacity -2 out of range"}},
		{"every problem at once", func(b *lap.SparseBuilder) {
			b.AddRow([]int{0, 9}, []float64{secret, secret})
			b.AddRow([]int{0}, []float64{math.NaN()})
		}, 2, []string{"row 0, pair 1: column 9", "row 1, column 0: score is NaN"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := lap.NewSparseBuilder(tt.cols)
			tt.build(b)
			g, err := b.Build()
			require.Error(t, err)
			assert.Nil(t, g)
			assert.ErrorIs(t, err, lap.ErrInvalidSparse)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.NotContains(t, err.Error(), "12345", "no score quoted")
		})
	}
}

func TestSparseBuilderBoundsProblems(t *testing.T) {
	b := lap.NewSparseBuilder(1)
	for range 1000 {
		b.AddRow([]int{3}, []float64{1})
	}
	_, err := b.Build()
	require.Error(t, err)
	var joined interface{ Unwrap() []error }
	require.True(t, errors.As(err, &joined))
	errs := joined.Unwrap()
	assert.Len(t, errs, 101)
	assert.Contains(t, errs[100].Error(), "and 900 more problems")
}

// FuzzSparseBuilder feeds arbitrary rows and capacities: Build never
// panics, and either succeeds with exactly the valid input or reports
// problems naming a row or column, never a score.
func FuzzSparseBuilder(f *testing.F) {
	f.Add(3, []byte{1, 2, 3, 0, 9, 200, 7}, 1.0)
	f.Add(-1, []byte{}, math.NaN())
	f.Add(2, []byte{0, 0, 0, 0}, 1e300)
	f.Fuzz(func(t *testing.T, cols int, data []byte, score float64) {
		if cols > 1000 || cols < -1000 {
			t.Skip()
		}
		b := lap.NewSparseBuilder(cols)
		valid := cols >= 0
		for len(data) >= 2 {
			op, n := data[0], int(data[1])
			data = data[2:]
			switch op % 3 {
			case 0:
				b.SetCapacity(n-3, n%5-1)
				valid = valid && n-3 >= 0 && n-3 < cols && n%5-1 >= 0
			default:
				js := make([]int, 0, n%4)
				ws := make([]float64, 0, n%4)
				seen := map[int]bool{}
				for k := range n % 4 {
					j := (n + 7*k) % 11
					js = append(js, j-1)
					ws = append(ws, score*float64(k))
					valid = valid && j-1 >= 0 && j-1 < cols && !seen[j-1]
					seen[j-1] = true
					x := score * float64(k)
					valid = valid && !math.IsNaN(x) && math.Abs(x) <= math.MaxFloat32
				}
				if op%3 == 2 && len(ws) > 0 {
					ws = ws[1:]
					valid = false
				}
				b.AddRow(js, ws)
			}
		}
		g, err := b.Build()
		if valid {
			require.NoError(t, err)
			require.NotNil(t, g)
			return
		}
		require.Error(t, err)
		assert.ErrorIs(t, err, lap.ErrInvalidSparse)
		for _, line := range strings.Split(err.Error(), "\n") {
			assert.True(t, strings.Contains(line, "row ") || strings.Contains(line, "column") || strings.Contains(line, "more problems"), line)
		}
	})
}
