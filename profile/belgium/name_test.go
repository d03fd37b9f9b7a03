package belgium_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/profile/belgium"
)

func TestName(t *testing.T) {
	g := belgium.Gazetteer()
	tests := []struct {
		nis  string
		lang language.Tag
		want string
	}{
		{"11002", language.French, "Anvers"},
		{"11002", language.Dutch, "Antwerpen"},
		{"11002", language.English, "Antwerpen"},
		{"21004", language.French, "Bruxelles"},
		{"21004", language.Dutch, "Brussel"},
		{"62063", language.Dutch, "Luik"},
		{"62063", language.German, "Lüttich"},
		{"62063", language.Japanese, "Liège"},
	}
	for _, tt := range tests {
		got, ok := g.Name(tt.nis, tt.lang)
		assert.True(t, ok, tt.nis)
		assert.Equal(t, tt.want, got, "%s in %s", tt.nis, tt.lang)
	}
	_, ok := g.Name("99999", language.French)
	assert.False(t, ok)
	for _, m := range g.Municipalities() {
		for _, lang := range []language.Tag{language.English, language.French, language.Dutch, language.German} {
			n, ok := g.Name(m.NIS, lang)
			assert.True(t, ok && n != "", "%s has a name in %s", m.NIS, lang)
		}
	}
}
