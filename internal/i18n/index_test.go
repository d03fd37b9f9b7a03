package i18n

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

func TestIndexFollowsMatch(t *testing.T) {
	for _, s := range []string{"en", "fr", "fr-BE", "fr-FR", "nl", "nl-BE", "nl-NL", "de", "de-BE", "de-AT", "ar", "und", "es"} {
		tag := language.MustParse(s)
		assert.Equal(t, Match(tag), Languages()[Index(tag)], s)
	}
	assert.Equal(t, []int{0, 1, 2, 3}, []int{Index(English), Index(French), Index(Dutch), Index(German)})
	assert.Equal(t, 0, Index(language.Tag{}), "the zero Tag is English")
}
