package profile

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

func TestParseCountry(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Country
		wantErr bool
	}{
		{name: "upper-case", in: "BE", want: "BE"},
		{name: "lower-case", in: "ma", want: "MA"},
		{name: "mixed case and spaces", in: " tR ", want: "TR"},
		{name: "Kosovo, user-assigned but accepted", in: "XK", want: "XK"},
		{name: "UK is reserved, not assigned: the code is GB", in: "UK", wantErr: true},
		{name: "unassigned", in: "ZZ", wantErr: true},
		{name: "alpha-3", in: "BEL", wantErr: true},
		{name: "one letter", in: "B", wantErr: true},
		{name: "empty", in: "", wantErr: true},
		{name: "digits", in: "12", wantErr: true},
		{name: "non-ASCII", in: "BÉ", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseCountry(tt.in)
			if tt.wantErr {
				assert.ErrorContains(t, err, "unknown country code")
				assert.Equal(t, Country(""), got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestCountryKnown(t *testing.T) {
	assert.False(t, Country("be").Known(), "Known does not fold case; decoding does")
	n := 0
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			c := Country([]byte{byte(a), byte(b)})
			if !c.Known() {
				continue
			}
			n++
			// Oracle: CLDR (through x/text) knows every assigned code as a
			// country or territory.
			r, err := language.ParseRegion(string(c))
			require.NoError(t, err, c)
			assert.True(t, r.IsCountry(), c)
		}
	}
	assert.Equal(t, 249+1, n, "249 assigned codes and XK")
}

func TestCountryJSON(t *testing.T) {
	var got struct {
		A Country   `json:"a"`
		B Country   `json:"b"`
		L []Country `json:"l"`
	}
	got.B = "XX"
	require.NoError(t, json.Unmarshal([]byte(`{"a": "ma", "b": null, "l": ["be", " Nl ", "UK"]}`), &got))
	assert.Equal(t, Country("MA"), got.A)
	assert.Equal(t, Country(""), got.B)
	assert.Equal(t, []Country{"BE", "NL", "UK"}, got.L, "unknown codes are kept for Validate to report")

	b, err := json.Marshal(got.L)
	require.NoError(t, err)
	assert.JSONEq(t, `["BE", "NL", "UK"]`, string(b))

	var c Country
	assert.ErrorContains(t, json.Unmarshal([]byte(`32`), &c), "a country must be a string")
}
