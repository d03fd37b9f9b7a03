package profile

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProblemError(t *testing.T) {
	tests := []struct {
		name string
		p    Problem
		want string
	}{
		{"a field of a profile", Problem{IDs: []string{"me-001"}, Path: "languages[2].level", Detail: "unknown level"},
			"me-001: languages[2].level: unknown level"},
		{"a setting: no ID", Problem{Path: "mentee.max_age", Detail: "below mentee.min_age"}, "mentee.max_age: below mentee.min_age"},
		{"a cell of a sheet", Problem{Row: 7, Column: "Date de naissance", IDs: []string{"me-004"}, Path: "birth_date", Detail: "not a date"},
			`row 7, column "Date de naissance": me-004: birth_date: not a date`},
		{"a column missing from a sheet's header", Problem{Row: 1, Column: "birth_date", Path: "birth_date", Detail: "missing"},
			`row 1, column "birth_date": birth_date: missing`},
		{"a whole row", Problem{Row: 3, IDs: []string{"(no id)"}, Path: "(row)", Detail: "malformed CSV"}, "row 3: (no id): (row): malformed CSV"},
		{"a line of a ledger, two people", Problem{Line: 12, IDs: []string{"me-1", "mo-2"}, Path: "reason", Detail: "missing"},
			"line 12: me-1, mo-2: reason: missing"},
		{"a whole line", Problem{Line: 4, Detail: "longer than 9 bytes"}, "line 4: longer than 9 bytes"},
		{"only words", Problem{Detail: "3 more problems not listed"}, "3 more problems not listed"},
		{"a column heading is quoted as Go does", Problem{Column: `a"b`, Detail: "d"}, `column "a\"b": d`},
		{"code and args do not show", Problem{Path: "x", Code: "too_many", Args: []string{"5"}, Detail: "more than 5 entries"}, "x: more than 5 entries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.p.Error())
		})
	}
}

func TestProblemUnwrap(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		is    []error
		isNot []error
	}{
		{"one sentinel", ErrInvalid, []error{ErrInvalid}, []error{ErrTooMany}},
		{"two sentinels", errors.Join(ErrInvalid, ErrTooMany), []error{ErrInvalid, ErrTooMany}, nil},
		{"none", nil, nil, []error{ErrInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Problem{Path: "a", Detail: "b", Err: tt.err}
			assert.Equal(t, tt.err, p.Unwrap())
			// Through a join and a wrapping, as callers get them.
			err := fmt.Errorf("decoding: %w", errors.Join(io.EOF, p))
			for _, s := range tt.is {
				assert.ErrorIs(t, err, s)
			}
			for _, s := range tt.isNot {
				assert.NotErrorIs(t, err, s)
			}
			var got *Problem
			require.ErrorAs(t, err, &got)
			assert.Same(t, p, got)
		})
	}
}

func TestProblemID(t *testing.T) {
	assert.Equal(t, "", (&Problem{}).ID())
	assert.Equal(t, "me-1", (&Problem{IDs: []string{"me-1", "mo-2"}}).ID())
}

func TestProblems(t *testing.T) {
	a := &Problem{IDs: []string{"x"}, Path: "a", Detail: "p"}
	b := &Problem{IDs: []string{"x"}, Path: "b", Detail: "p"}
	c := &Problem{IDs: []string{"y"}, Path: "c", Detail: "p"}
	var typedNil *Problem
	tests := []struct {
		name string
		err  error
		want []*Problem
	}{
		{name: "nil", err: nil, want: nil},
		{name: "other error", err: io.EOF, want: nil},
		{name: "one", err: a, want: []*Problem{a}},
		{name: "joined", err: errors.Join(a, b), want: []*Problem{a, b}},
		{name: "wrapped join", err: fmt.Errorf("decoding: %w", errors.Join(a, b)), want: []*Problem{a, b}},
		{name: "nested joins in order", err: errors.Join(errors.Join(a, io.EOF), fmt.Errorf("%w", b), c), want: []*Problem{a, b, c}},
		{name: "typed nil skipped", err: fmt.Errorf("%w", typedNil), want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Problems(tt.err))
		})
	}
}

// TestProblemsOfThisPackage checks that every entry point of the package
// that reports bad input gives Problems that errors.Is, errors.As and
// Problems find through errors.Join, each with a code and words.
func TestProblemsOfThisPackage(t *testing.T) {
	_, decodeErr := DecodeMentees(strings.NewReader(`[{"id": "me-1", "birth_date": "1800-01-01", "x": 1}]`), DecodeOptions{})
	_, tooMany := DecodeMentees(strings.NewReader(`[1, 2]`), DecodeOptions{MaxPeople: 1})
	tests := []struct {
		name  string
		err   error
		codes []string
		also  error
	}{
		{"Mentee.Validate", Mentee{ID: "me-1"}.Validate(), []string{"missing"}, nil},
		{"Mentor.Validate", Mentor{ID: "mo 1\n", Capacity: -1}.Validate(), []string{"invisible_character", "missing", "negative"}, nil},
		{"Policy.Validate", Policy{Mentee: MenteeRules{MinAge: 200}}.Validate(), []string{"out_of_range_setting"}, nil},
		{"Decode", decodeErr, []string{"unknown_field", "before_year"}, nil},
		{"Decode over MaxPeople", tooMany, []string{"wrong_type", "too_many_entries"}, ErrTooMany},
		{"HomeError", HomeError("me-1", ErrUnknownPlace), []string{"unknown_place"}, nil},
		{"HomeError ambiguous", HomeError("me-1", ErrAmbiguousPlace), []string{"ambiguous_place"}, nil},
		{"HomeError unknown postcode", HomeError("me-1", ErrUnknownPostcode), []string{"unknown_postcode"}, nil},
		{"HomeError mismatch", HomeError("me-1", ErrPlaceMismatch), []string{"place_mismatch"}, nil},
		{"Sector.Parse", func() error { _, err := Sector("34").Parse(); return err }(), []string{"unknown_nace_division"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := errors.Join(io.EOF, fmt.Errorf("context: %w", tt.err))
			assert.ErrorIs(t, err, ErrInvalid)
			if tt.also != nil {
				assert.ErrorIs(t, err, tt.also)
			}
			var first *Problem
			require.ErrorAs(t, err, &first)
			var codes []string
			for _, p := range Problems(err) {
				assert.NotEmpty(t, p.Detail)
				codes = append(codes, p.Code)
			}
			assert.Equal(t, tt.codes, codes)
			assert.Equal(t, tt.codes[0], first.Code)
		})
	}
}

func TestProblemJSON(t *testing.T) {
	p := &Problem{Path: "home", IDs: []string{"me-1"}, Row: 7, Column: "Commune", Code: "unknown_place",
		Detail: "unknown place", Err: ErrInvalid}
	b, err := json.Marshal([]*Problem{p, {Code: "missing", Detail: "missing"}})
	require.NoError(t, err)
	assert.JSONEq(t, `[{"code":"unknown_place","detail":"unknown place","path":"home","ids":["me-1"],"row":7,"column":"Commune"},
		{"code":"missing","detail":"missing"}]`, string(b))
}
