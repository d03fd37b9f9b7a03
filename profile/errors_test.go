package profile

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFieldError(t *testing.T) {
	e := &FieldError{ID: "me-001", Field: "languages[2].level", Problem: `unknown level (want A1, A2, B1, B2, C1, C2 or native)`}
	assert.Equal(t, `me-001: languages[2].level: unknown level (want A1, A2, B1, B2, C1, C2 or native)`, e.Error())
	assert.ErrorIs(t, e, ErrInvalid)

	p := &FieldError{Field: "mentee.max_age", Problem: "below mentee.min_age"}
	assert.Equal(t, "mentee.max_age: below mentee.min_age", p.Error(), "no ID: omitted")
}

func TestFieldErrors(t *testing.T) {
	a := &FieldError{ID: "x", Field: "a", Problem: "p"}
	b := &FieldError{ID: "x", Field: "b", Problem: "p"}
	c := &FieldError{ID: "y", Field: "c", Problem: "p"}
	var typedNil *FieldError
	tests := []struct {
		name string
		err  error
		want []*FieldError
	}{
		{name: "nil", err: nil, want: nil},
		{name: "other error", err: io.EOF, want: nil},
		{name: "one", err: a, want: []*FieldError{a}},
		{name: "joined", err: errors.Join(a, b), want: []*FieldError{a, b}},
		{name: "wrapped join", err: fmt.Errorf("decoding: %w", errors.Join(a, b)), want: []*FieldError{a, b}},
		{name: "nested joins in order", err: errors.Join(errors.Join(a, io.EOF), fmt.Errorf("%w", b), c), want: []*FieldError{a, b, c}},
		{name: "typed nil skipped", err: fmt.Errorf("%w", typedNil), want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, FieldErrors(tt.err))
		})
	}
}

func TestFieldErrorsAs(t *testing.T) {
	err := fmt.Errorf("mentee: %w", errors.Join(
		&FieldError{ID: "me-1", Field: "id", Problem: "p"},
		&FieldError{ID: "me-1", Field: "birth_date", Problem: "q"},
	))
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "id", fe.Field, "errors.As finds the first")
	assert.ErrorIs(t, err, ErrInvalid)
}
