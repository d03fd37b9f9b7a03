package locale

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

func TestIndex(t *testing.T) {
	tests := []struct {
		name string
		tag  language.Tag
		want int
	}{
		{"english", language.English, 0},
		{"french of Belgium", language.MustParse("fr-BE"), 1},
		{"dutch of Belgium", language.MustParse("nl-BE"), 2},
		{"flemish alias vls is not Dutch", language.MustParse("vls"), 0},
		{"german of Belgium", language.MustParse("de-BE"), 3},
		{"swiss german", language.MustParse("gsw"), 0},
		{"arabic falls back to English", language.Arabic, 0},
		{"zero tag falls back to English", language.Tag{}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Index(tc.tag))
		})
	}
	for i, tag := range Tags {
		assert.Equal(t, i, Index(tag), "each tag is its own column")
	}
}
