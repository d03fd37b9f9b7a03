package errtree

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

type leaf struct{ n int }

func (l *leaf) Error() string { return fmt.Sprint("leaf ", l.n) }

type wrapper struct{ err error }

func (w wrapper) Error() string { return "wrapped: " + w.err.Error() }
func (w wrapper) Unwrap() error { return w.err }

func TestAll(t *testing.T) {
	a, b, c := &leaf{1}, &leaf{2}, &leaf{3}
	var typedNil *leaf
	tests := []struct {
		name string
		err  error
		want []*leaf
	}{
		{"nil", nil, nil},
		{"one", a, []*leaf{a}},
		{"joined, in order", errors.Join(a, errors.New("other"), b), []*leaf{a, b}},
		{"nested joins and wrapping", errors.Join(errors.Join(a, wrapper{b}), fmt.Errorf("ctx: %w", c)), []*leaf{a, b, c}},
		{"a typed nil is skipped", errors.Join(typedNil, a), []*leaf{a}},
		{"none of the type", errors.New("plain"), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, All[*leaf](tc.err))
		})
	}
}

func TestLeaves(t *testing.T) {
	a, b, c := &leaf{1}, &leaf{2}, &leaf{3}
	w := wrapper{c}
	tests := []struct {
		name string
		err  error
		want []error
	}{
		{"nil", nil, nil},
		{"not a join", a, []error{a}},
		{"nested joins flattened", errors.Join(a, errors.Join(b, w)), []error{a, b, w}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Leaves(tc.err))
		})
	}
}
