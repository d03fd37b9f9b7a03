package profile

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLevelOrder(t *testing.T) {
	order := []Level{A1, A2, B1, B2, C1, C2, Native}
	for i, l := range order {
		assert.Equal(t, i+1, l.Rank(), l)
		assert.True(t, l.Known(), l)
		for j, m := range order {
			assert.Equal(t, i >= j, l.AtLeast(m), "%s at least %s", l, m)
		}
	}
}

func TestLevelRank(t *testing.T) {
	tests := []struct {
		name string
		l    Level
		want int
	}{
		{name: "lower-case", l: "b2", want: 4},
		{name: "capitalised native", l: "Native", want: 7},
		{name: "spaces", l: " C1 ", want: 5},
		{name: "B3 does not exist", l: "B3", want: 0},
		{name: "empty", l: "", want: 0},
		{name: "fluent is not a CEFR level", l: "fluent", want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.l.Rank())
			assert.Equal(t, tt.want > 0, tt.l.Known())
		})
	}
	assert.False(t, Level("B3").AtLeast(""), "an unknown level is at least nothing")
	assert.True(t, A1.AtLeast("B3"), "every known level is at least an unknown one")
}

func TestBaseLanguage(t *testing.T) {
	tests := []struct {
		name   string
		tag    string
		want   string
		wantOK bool
	}{
		{name: "plain", tag: "nl", want: "nl", wantOK: true},
		{name: "with region", tag: "nl-BE", want: "nl", wantOK: true},
		{name: "upper-case", tag: "FR-be", want: "fr", wantOK: true},
		{name: "spaces", tag: " ar ", want: "ar", wantOK: true},
		{name: "three letters", tag: "ber", want: "ber", wantOK: true},
		{name: "Serbo-Croatian is Serbian", tag: "sh", want: "sr", wantOK: true},
		{name: "Arabic of Morocco", tag: "ar-MA", want: "ar", wantOK: true},
		{name: "undetermined", tag: "und", wantOK: false},
		{name: "undetermined with a region", tag: "und-BE", wantOK: false},
		{name: "private use", tag: "x-foo", wantOK: false},
		{name: "unknown subtag", tag: "xx", wantOK: false},
		{name: "malformed", tag: "nl_BE!", wantOK: false},
		{name: "a name, not a tag", tag: "Dutch", wantOK: false},
		{name: "empty", tag: "", wantOK: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := BaseLanguage(tt.tag)
			assert.Equal(t, tt.wantOK, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestSpeaks(t *testing.T) {
	langs := []Language{
		{Tag: "nl-BE", Level: B1},
		{Tag: "fr", Level: "C1"},
		{Tag: "fr-BE", Level: Native},
		{Tag: "ar", Level: "B3"},
		{Tag: "not a tag", Level: Native},
	}
	tests := []struct {
		name      string
		tag       string
		want      Level
		wantFound bool
	}{
		{name: "nl-BE speaks nl", tag: "nl", want: B1, wantFound: true},
		{name: "and nl-NL", tag: "nl-NL", want: B1, wantFound: true},
		{name: "best of two entries", tag: "fr", want: Native, wantFound: true},
		{name: "unknown level ignored", tag: "ar", wantFound: false},
		{name: "not spoken", tag: "de", wantFound: false},
		{name: "invalid tag", tag: "??", wantFound: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, found := Speaks(langs, tt.tag)
			assert.Equal(t, tt.wantFound, found)
			assert.Equal(t, tt.want, got)
		})
	}
	_, found := Speaks(nil, "nl")
	assert.False(t, found)
}
