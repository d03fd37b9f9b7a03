package msg

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestClip(t *testing.T) {
	tests := []struct {
		name, in string
		limit    int
		want     string
	}{
		{"short stays", "mo-1", 32, "mo-1"},
		{"exactly the limit", strings.Repeat("a", 32), 32, strings.Repeat("a", 32)},
		{"one over", strings.Repeat("a", 33), 32, strings.Repeat("a", 32) + "…"},
		{"cut before a rune, not inside it", "aé", 2, "a…"},
		{"limit 0", "abc", 0, "…"},
		{"negative limit", "abc", -3, "…"},
		{"empty", "", 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ClipTo(tc.in, tc.limit)
			assert.Equal(t, tc.want, got)
			assert.True(t, utf8.ValidString(got))
		})
	}
	assert.Equal(t, ClipTo(strings.Repeat("é", 40), Clipped), Clip(strings.Repeat("é", 40)))
}

func TestPlural(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"int 1", Plural(1, "duo", "duos"), "duo"},
		{"int 0", Plural(0, "duo", "duos"), "duos"},
		{"float 1", Plural(1.0, "year", "years"), "year"},
		{"float 0.5", Plural(0.5, "year", "years"), "years"},
		{"count 1", Count(1, "mentee", "mentees"), "1 mentee"},
		{"count 3", Count(3, "mentee", "mentees"), "3 mentees"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.got, tc.name)
	}
}
