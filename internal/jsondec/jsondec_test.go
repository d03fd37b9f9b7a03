package jsondec

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type name string

func (n *name) UnmarshalText(b []byte) error {
	if string(b) == "bad" {
		return errors.New("bad name bad")
	}
	*n = name(strings.ToUpper(string(b)))
	return nil
}

type Inner struct {
	A int `json:"a"`
	B int `json:"b"`
}

type deep struct {
	C string `json:"c"`
}

type Outer struct {
	Inner          // promoted: a, b
	*deep          // unexported pointer to an unexported type: not decoded
	B     string   `json:"b"` // hides Inner.B
	P     *float64 `json:"p"`
	U     uint8    `json:"u"`
	Arr   [2]int   `json:"arr"`
	N     name     `json:"n"`
	Any   any      `json:"any"`
	Skip  int      `json:"-"`
	Plain bool
	hide  int // unexported: not decoded
}

func config() Config {
	return Config{MaxElems: 5, MaxErrors: 10, MaxDepth: 4}
}

func TestDecodeGenericTypes(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want Outer
		errs []Problem
	}{
		{
			name: "promoted fields, pointers, arrays, text, Go names",
			doc:  `{"a": 1, "b": "x", "p": 2.5, "u": 255, "arr": [3], "n": "ab", "Plain": true}`,
			want: Outer{Inner: Inner{A: 1}, B: "x", P: ptr(2.5), U: 255, Arr: [2]int{3, 0}, N: "AB", Plain: true},
		},
		{
			name: "null leaves zero values and clears pointers",
			doc:  `{"p": null, "n": null, "a": null, "arr": null}`,
			want: Outer{},
		},
		{
			name: "problems of generic types",
			doc:  `{"u": 256, "arr": [1, 2, 3], "n": "bad", "any": 1, "-": 1, "Skip": 1, "hide": 1, "c": "x", "plain": true}`,
			want: Outer{Arr: [2]int{1, 2}},
			errs: []Problem{
				{Path: "u", Code: "integer_out_of_range", Text: "integer out of range"},
				{Path: "arr[2]", Code: "too_many", Args: []string{"2"}, Text: "more than 2 entries"},
				{Path: "n", Code: "invalid_value", Text: "invalid value"},
				{Path: "any", Code: "undecodable_type", Text: "cannot be decoded into this Go type"},
				{Path: "-", Code: "unknown_field", Text: "unknown field"},
				{Path: "Skip", Code: "unknown_field", Text: "unknown field"},
				{Path: "hide", Code: "unknown_field", Text: "unknown field"},
				{Path: "c", Code: "unknown_field", Text: "unknown field"},
				{Path: "plain", Code: "unknown_field", Text: "unknown field"},
			},
		},
		{
			name: "text types take strings",
			doc:  `{"n": 5, "u": -1}`,
			errs: []Problem{
				{Path: "n", Code: "wrong_type", Args: []string{"a string", "a number"}, Text: "wrong type: want a string, not a number"},
				{Path: "u", Code: "integer_out_of_range", Text: "integer out of range"},
			},
		},
		{
			name: "depth is bounded",
			doc:  `{"x": [[[[1]]]]}`,
			errs: []Problem{{Path: "x", Code: "unknown_field", Text: "unknown field"}, {Path: "x", Code: "too_deep", Args: []string{"4"}, Text: "nested more than 4 levels deep"}},
		},
		{
			name: "an unknown field's value is checked for syntax",
			doc:  `{"x": [1, 2,]}`,
			errs: []Problem{{Path: "x", Code: "unknown_field", Text: "unknown field"}, {Path: "x", Code: "malformed_json", Args: []string{"12", "a comma before the end"}, Text: "malformed JSON at byte offset 12: a comma before the end"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got Outer
			problems, err := Decode(strings.NewReader(tt.doc), &got, config())
			require.NoError(t, err)
			assert.Equal(t, tt.errs, problems)
			if tt.errs == nil || tt.name == "problems of generic types" {
				assert.Equal(t, tt.want, got)
			}
		})
	}
}

func ptr(f float64) *float64 { return &f }

func TestUnexportedFieldsStayZero(t *testing.T) {
	got := Outer{hide: 7}
	problems, err := Decode(strings.NewReader(`{"hide": 1}`), &got, config())
	require.NoError(t, err)
	assert.Equal(t, []Problem{{Path: "hide", Code: "unknown_field", Text: "unknown field"}}, problems)
	assert.Equal(t, 7, got.hide)
}

func TestDecodeStrings(t *testing.T) {
	tests := []struct {
		name, doc, want string
		problem         string
	}{
		{name: "escapes", doc: `"a\"\\\/\b\f\n\r\t\u00e9"`, want: "a\"\\/\b\f\n\r\té"},
		{name: "surrogate pair", doc: `"\ud83d\ude00"`, want: "😀"},
		{name: "lone high surrogate", doc: `"\ud83d x"`, problem: "not valid UTF-8"},
		{name: "lone low surrogate", doc: `"\ude00"`, problem: "not valid UTF-8"},
		{name: "high then a letter escape", doc: `"\ud83d\u0041"`, problem: "not valid UTF-8"},
		{name: "raw invalid byte", doc: "\"a\xffb\"", problem: "not valid UTF-8"},
		{name: "bad escape", doc: `"\x"`, problem: "malformed JSON at byte offset 2: an invalid escape"},
		{name: "short \\u", doc: `"\u12"`, problem: "four hexadecimal digits"},
		{name: "control character", doc: "\"a\nb\"", problem: "a control character"},
		{name: "not closed", doc: `"abc`, problem: "ends too early at byte offset 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			problems, err := Decode(strings.NewReader(tt.doc), &got, config())
			require.NoError(t, err)
			if tt.problem == "" {
				require.Empty(t, problems)
				assert.Equal(t, tt.want, got)
				var std string
				require.NoError(t, json.Unmarshal([]byte(tt.doc), &std))
				assert.Equal(t, std, got, "as encoding/json")
				return
			}
			require.Len(t, problems, 1)
			assert.Contains(t, problems[0].Text, tt.problem)
		})
	}
}

func TestDecodeNumbers(t *testing.T) {
	for _, doc := range []string{"0", "-0", "1.5e3", "-12.25E-2", "1e308"} {
		var got, std float64
		problems, err := Decode(strings.NewReader(doc), &got, config())
		require.NoError(t, err)
		require.Empty(t, problems, doc)
		require.NoError(t, json.Unmarshal([]byte(doc), &std))
		assert.Equal(t, std, got, doc) //nolint:testifylint // exact: both parse the same text
	}
	for _, doc := range []string{"01", "1.", ".5", "+1", "1e", "-", "1.5x", "0x10", "NaN", "-Infinity"} {
		var got []float64
		problems, err := Decode(strings.NewReader("["+doc+"]"), &got, config())
		require.NoError(t, err)
		require.NotEmpty(t, problems, doc)
		assert.Contains(t, problems[0].Text, "malformed JSON", doc)
	}
}

func TestDecodeLimitsOnMapsAndCustomValues(t *testing.T) {
	var m map[string]int
	problems, err := Decode(strings.NewReader(`{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7}`), &m, config())
	require.NoError(t, err)
	require.Len(t, problems, 1)
	assert.Equal(t, Problem{Code: "too_many_entries", Args: []string{"5"}, Text: "more than 5 entries; decoding stopped here", TooMany: true}, problems[0])

	var raw struct {
		R json.RawMessage `json:"r"`
	}
	problems, err = Decode(strings.NewReader(`{"r": [[1, 2, 3, 4, 5, 6]]}`), &raw, config())
	require.NoError(t, err)
	assert.Equal(t, []Problem{{Path: "r", Code: "too_many_entries", Args: []string{"5"}, Text: "more than 5 entries; decoding stopped here", TooMany: true}}, problems)

	problems, err = Decode(strings.NewReader(`{"r": [1, {"a": "b"}]}`), &raw, config())
	require.NoError(t, err)
	assert.Empty(t, problems)
	assert.JSONEq(t, `[1, {"a": "b"}]`, string(raw.R))
}

type person struct {
	ID  string `json:"id"`
	Age int    `json:"age"`
}

func TestDecodeElements(t *testing.T) {
	cfg := config()
	cfg.MaxErrors = 4
	cfg.Element = func(t reflect.Type) bool { return t == reflect.TypeFor[person]() }
	cfg.Check = func(v reflect.Value) (string, []Problem) {
		p := v.Interface().(person)
		var out []Problem
		if p.Age < 18 {
			out = append(out, Problem{Path: "age", Code: "too_young", Text: "under 18"})
		}
		if p.ID == "" {
			out = append(out, Problem{Path: "id", Code: "missing", Text: "missing"})
		}
		return cmpOr(p.ID, "(no id)"), out
	}
	cfg.ExplicitZero = func(t reflect.Type, key string) string {
		if key == "age" {
			return "0 is not an age"
		}
		return ""
	}
	var got []person
	problems, err := Decode(strings.NewReader(`[{"age": 0, "id": "p1"}, {"id": "p2", "age": "x"}, {"age": 12}, {"id": "p4", "age": null}, {"id": 7}]`), &got, cfg)
	require.NoError(t, err)
	assert.Equal(t, []Problem{
		{ID: "p1", Path: "[0].age", Code: "explicit_zero", Text: "0 is not an age"},
		{ID: "p2", Path: "[1].age", Code: "wrong_type", Args: []string{"an integer", "a string"}, Text: "wrong type: want an integer, not a string"},
		{ID: "(no id)", Path: "[2].age", Code: "too_young", Text: "under 18"},
		{ID: "(no id)", Path: "[2].id", Code: "missing", Text: "missing"},
		// p4's age (null is not an explicit 0, but is under 18); [4].id's
		// type, and [4]'s age and missing id: a decoding problem that is
		// not listed does not hide a check's problem from the count.
		{Code: "more_not_listed", Args: []string{"4", "4"}, Text: "4 more problems not listed (reporting stops after 4)"},
	}, problems, "the check's problem on [1].age is hidden by the decoding problem")
}

func TestDecodeReaders(t *testing.T) {
	var got []int
	problems, err := Decode(iotest.OneByteReader(strings.NewReader(` [1, 2,3] `)), &got, config())
	require.NoError(t, err)
	assert.Empty(t, problems)
	assert.Equal(t, []int{1, 2, 3}, got)

	_, err = Decode(iotest.ErrReader(iotest.ErrTimeout), &got, config())
	assert.ErrorIs(t, err, iotest.ErrTimeout)

	_, err = Decode(strings.NewReader(`1`), got, config())
	assert.Error(t, err, "not a pointer")
}

func TestJoin(t *testing.T) {
	tests := []struct{ prefix, field, want string }{
		{"mentees", "[3].id", "mentees[3].id"},
		{"policy", "mentee.max_age", "policy.mentee.max_age"},
		{"", "a", "a"},
		{"a", "", "a"},
		{"mentees[1]", `traits["x"]`, `mentees[1].traits["x"]`},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s+%s", tt.prefix, tt.field), func(t *testing.T) {
			assert.Equal(t, tt.want, Join(tt.prefix, tt.field))
		})
	}
}

type sample struct {
	A []string           `json:"a"`
	B map[string]float64 `json:"b"`
	C int16              `json:"c"`
	D *bool              `json:"d"`
	E [2]uint8           `json:"e"`
	F []Inner            `json:"f"`
}

// FuzzDecodeLikeEncodingJSON: whatever Decode accepts, encoding/json
// accepts too (it is less strict) and decodes to the same value.
func FuzzDecodeLikeEncodingJSON(f *testing.F) {
	f.Add(`{"a": ["x", "\u00e9"], "b": {"k": 1.5}, "c": -3, "d": true, "e": [1, 2], "f": [{"a": 1}]}`)
	f.Add(`{"a": null, "b": {}, "c": 1e2, "e": [256]}`)
	f.Add(`{"A": [], "a": [], "b": {"k": 1, "k": 2}}`)
	f.Add(` {"f": [{"b": 1}, null]} `)
	f.Fuzz(func(t *testing.T, doc string) {
		var got sample
		problems, err := Decode(strings.NewReader(doc), &got, config())
		require.NoError(t, err)
		for _, p := range problems {
			require.NotEmpty(t, p.Text)
			require.NotEmpty(t, p.Code)
		}
		if len(problems) > 0 {
			return
		}
		var std sample
		require.NoError(t, json.Unmarshal([]byte(doc), &std))
		assert.Equal(t, std, got)
	})
}
