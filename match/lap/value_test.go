package lap

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestValue(t *testing.T) {
	tests := []struct {
		name        string
		a, b        Value
		less, above bool // a.Less(b), a.Above(b, 0.5)
	}{
		{"equal", Value{1, 2}, Value{1, 2}, false, false},
		{"count decides over a larger real part", Value{0, 100}, Value{1, -100}, true, false},
		{"larger count is above whatever the real part", Value{2, -100}, Value{1, 100}, false, true},
		{"same count, smaller real part", Value{1, 1}, Value{1, 2}, true, false},
		{"same count, above within tolerance", Value{1, 2.4}, Value{1, 2}, false, false},
		{"same count, above beyond tolerance", Value{1, 2.6}, Value{1, 2}, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.less, tc.a.Less(tc.b), "Less")
			assert.Equal(t, tc.above, tc.a.Above(tc.b, 0.5), "Above")
			sum := tc.a.Add(tc.b)
			assert.Equal(t, tc.a.N+tc.b.N, sum.N)
			assert.InDelta(t, tc.a.X+tc.b.X, sum.X, 1e-12)
			back := sum.Sub(tc.b)
			assert.Equal(t, tc.a.N, back.N, "(a+b)-b")
			assert.InDelta(t, tc.a.X, back.X, 1e-12, "(a+b)-b")
			assert.Equal(t, Value{}, tc.a.Sub(tc.a), "a-a is zero")
		})
	}
}
