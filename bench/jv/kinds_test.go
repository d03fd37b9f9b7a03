package main

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGenerate checks each kind's shape and distribution, and that the
// same seed gives the same matrix and another seed another one.
func TestGenerate(t *testing.T) {
	const n = 200
	tests := []struct {
		kind  string
		r, c  int
		check func(v float64) bool
	}{
		{"uniform", n, n, func(v float64) bool { return v >= 0 && v < 1 }},
		{"ties", n, n, func(v float64) bool { return v >= 0 && v <= 1 && math.Abs(v*100-math.Round(v*100)) < 1e-9 }},
		{"int", n, n, func(v float64) bool { return v >= 0 && v <= 100 && v == math.Trunc(v) }},
		{"forbidden", n, n, func(v float64) bool { return math.IsInf(v, -1) || (v >= 0 && v < 1) }},
		{"rect", n, n / 2, func(v float64) bool { return v >= 0 && v < 1 }},
		{"wide", n / 2, n, func(v float64) bool { return v >= 0 && v < 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			m, err := generate(tt.kind, n, 1)
			require.NoError(t, err)
			r, c := m.Dims()
			require.Equal(t, [2]int{tt.r, tt.c}, [2]int{r, c})
			forbidden := 0
			distinct := map[float64]bool{}
			for _, v := range m.RawMatrix().Data {
				require.True(t, tt.check(v), "value out of the kind's range")
				if math.IsInf(v, -1) {
					forbidden++
				}
				distinct[v] = true
			}
			frac := float64(forbidden) / float64(r*c)
			if tt.kind == "forbidden" {
				assert.InDelta(t, 0.3, frac, 0.02)
			} else {
				assert.Zero(t, forbidden)
			}
			switch tt.kind {
			case "ties":
				assert.Len(t, distinct, 101)
			case "int":
				assert.Len(t, distinct, 101)
			default:
				assert.Greater(t, len(distinct), (r*c-forbidden)*99/100)
			}
			again, err := generate(tt.kind, n, 1)
			require.NoError(t, err)
			assert.Equal(t, m.RawMatrix().Data, again.RawMatrix().Data)
			other, err := generate(tt.kind, n, 2)
			require.NoError(t, err)
			assert.NotEqual(t, m.RawMatrix().Data, other.RawMatrix().Data)
		})
	}
}

func TestGenerateRejects(t *testing.T) {
	_, err := generate("gaussian", 10, 1)
	assert.ErrorContains(t, err, `"gaussian"`)
	_, err = generate("uniform", 0, 1)
	assert.Error(t, err)
}

// TestScoresRoundTrip: what writeScores writes, readScores reads back
// bit for bit, -Inf included.
func TestScoresRoundTrip(t *testing.T) {
	m, err := generate("forbidden", 30, 3)
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "m.bin")
	require.NoError(t, writeScores(file, m))
	got, err := readScores(file)
	require.NoError(t, err)
	assert.Equal(t, m.RawMatrix().Data, got.RawMatrix().Data)
	r, c := got.Dims()
	assert.Equal(t, [2]int{30, 30}, [2]int{r, c})
}

func TestMedian(t *testing.T) {
	tests := []struct {
		xs   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
	}
	for _, tt := range tests {
		xs := append([]float64(nil), tt.xs...)
		assert.InDelta(t, tt.want, median(xs), 1e-12)
		assert.Equal(t, tt.xs, xs, "median must not reorder its input")
	}
}
