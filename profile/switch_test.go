package profile

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSwitchEnabled(t *testing.T) {
	tests := []struct {
		name string
		s    Switch
		def  bool
		want bool
	}{
		{name: "on, default off", s: On, def: false, want: true},
		{name: "on, default on", s: On, def: true, want: true},
		{name: "off, default off", s: Off, def: false, want: false},
		{name: "off, default on", s: Off, def: true, want: false},
		{name: "zero, default off", s: 0, def: false, want: false},
		{name: "zero, default on", s: 0, def: true, want: true},
		{name: "invalid positive is on", s: 7, def: false, want: true},
		{name: "invalid negative is off", s: -7, def: true, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.s.Enabled(tt.def))
		})
	}
}

func TestSwitchString(t *testing.T) {
	assert.Equal(t, "on", On.String())
	assert.Equal(t, "off", Switch(Off).String())
	assert.Equal(t, "default", Switch(0).String())
	assert.Equal(t, "Switch(3)", Switch(3).String())
}

func TestSwitchJSON(t *testing.T) {
	type doc struct {
		S Switch `json:"s"`
	}
	tests := []struct {
		name string
		s    Switch
		json string
	}{
		{name: "on", s: On, json: `{"s":true}`},
		{name: "off", s: Off, json: `{"s":false}`},
		{name: "default", s: 0, json: `{"s":null}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(doc{tt.s})
			require.NoError(t, err)
			assert.JSONEq(t, tt.json, string(b))
			for _, start := range []Switch{0, On, Off} {
				got := doc{start}
				require.NoError(t, json.Unmarshal(b, &got))
				assert.Equal(t, tt.s, got.S, "decoded over %v", start)
			}
		})
	}

	t.Run("absent keeps the value", func(t *testing.T) {
		for _, start := range []Switch{0, On, Off} {
			got := doc{start}
			require.NoError(t, json.Unmarshal([]byte(`{}`), &got))
			assert.Equal(t, start, got.S)
		}
	})
	t.Run("spaces around the value", func(t *testing.T) {
		var got doc
		require.NoError(t, json.Unmarshal([]byte("{\"s\": \n true \n}"), &got))
		assert.Equal(t, On, got.S)
	})
	t.Run("invalid value does not marshal", func(t *testing.T) {
		_, err := json.Marshal(doc{2})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "invalid Switch value 2")
	})
}

func TestSwitchBadJSON(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		kind string
	}{
		{name: "one", doc: `{"s": 1}`, kind: "number"},
		{name: "zero", doc: `{"s": 0}`, kind: "number"},
		{name: "minus one", doc: `{"s": -1}`, kind: "number"},
		{name: "string true", doc: `{"s": "true"}`, kind: "string"},
		{name: "string on", doc: `{"s": "on"}`, kind: "string"},
		{name: "array", doc: `{"s": [true]}`, kind: "array"},
		{name: "object", doc: `{"s": {}}`, kind: "object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got struct {
				S Switch `json:"s"`
			}
			err := json.Unmarshal([]byte(tt.doc), &got)
			var te *json.UnmarshalTypeError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tt.kind, te.Value)
			assert.Equal(t, "s", te.Field)
			assert.Contains(t, err.Error(), "cannot unmarshal "+tt.kind)
			assert.Contains(t, err.Error(), "profile.Switch")
			assert.NotContains(t, err.Error(), "true\"", "the value is not echoed")
		})
	}
	t.Run("direct call with an empty value", func(t *testing.T) {
		var s Switch
		var te *json.UnmarshalTypeError
		require.ErrorAs(t, s.UnmarshalJSON(nil), &te)
		assert.Equal(t, "empty value", te.Value)
	})
}

type hours float64

func TestLimit(t *testing.T) {
	t.Run("int", func(t *testing.T) {
		tests := []struct {
			name   string
			v, def int
			want   int
			wantOK bool
		}{
			{name: "zero is the default", v: 0, def: 30, want: 30, wantOK: true},
			{name: "set", v: 33, def: 30, want: 33, wantOK: true},
			{name: "off", v: Off, def: 30, want: 0, wantOK: false},
			{name: "invalid negative is off", v: -5, def: 30, want: 0, wantOK: false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, ok := Limit(tt.v, tt.def)
				assert.Equal(t, tt.want, got)
				assert.Equal(t, tt.wantOK, ok)
			})
		}
	})
	t.Run("float64", func(t *testing.T) {
		tests := []struct {
			name   string
			v, def float64
			want   float64
			wantOK bool
		}{
			{name: "zero is the default", v: 0, def: 25, want: 25, wantOK: true},
			{name: "negative zero is the default", v: math.Copysign(0, -1), def: 25, want: 25, wantOK: true},
			{name: "set", v: 0.5, def: 25, want: 0.5, wantOK: true},
			{name: "off", v: Off, def: 25, want: 0, wantOK: false},
			{name: "invalid negative is off", v: -0.5, def: 25, want: 0, wantOK: false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, ok := Limit(tt.v, tt.def)
				assert.InDelta(t, tt.want, got, 0)
				assert.Equal(t, tt.wantOK, ok)
			})
		}
		got, ok := Limit(math.NaN(), 25)
		assert.True(t, math.IsNaN(got), "NaN is kept for Validate to report")
		assert.True(t, ok)
	})
	t.Run("named type", func(t *testing.T) {
		got, ok := Limit(hours(0), 2)
		assert.Equal(t, hours(2), got)
		assert.True(t, ok)
	})
}
