package i18n

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

var testCatalog = New(
	Message{Key: "greet", Text: Text{
		En: "%s is waiting since %s",
		Fr: "%s attend depuis le %s",
		Nl: "%s wacht sinds %s",
		De: "%s wartet seit dem %s",
	}},
	Message{Key: "mentees", Count: 1,
		One:   Text{En: "%d mentee", Fr: "%d mentoré", Nl: "%d mentee", De: "%d Mentee"},
		Other: Text{En: "%d mentees", Fr: "%d mentorés", Nl: "%d mentees", De: "%d Mentees"}},
	Message{Key: "score", Text: Text{En: "score %.2f", Fr: "score %.2f", Nl: "score %.2f", De: "Punktzahl %.2f"}},
)

func TestCatalogCheck(t *testing.T) {
	require.NoError(t, testCatalog.Check())
	tests := []struct {
		name string
		msg  Message
		want string
	}{
		{"missing language", Message{Key: "k", Text: Text{En: "a", Fr: "b", Nl: "c"}}, "no de-BE text"},
		{"other verb", Message{Key: "k", Text: Text{En: "%d", Fr: "%s", Nl: "%d", De: "%d"}}, "fr-BE: placeholders"},
		{"missing placeholder", Message{Key: "k", Text: Text{En: "%d %s", Fr: "%d", Nl: "%d %s", De: "%d %s"}}, "fr-BE: placeholders"},
		{"extra placeholder", Message{Key: "k", Text: Text{En: "%d", Fr: "%d", Nl: "%d %s", De: "%d"}}, "nl-BE: placeholders"},
		{"reordered is fine but wrong verb is not", Message{Key: "k", Text: Text{En: "%s %d", Fr: "%[2]d %[1]s", Nl: "%[2]s %[1]d", De: "%s %d"}}, "nl-BE: placeholders"},
		{"dangling percent", Message{Key: "k", Text: Text{En: "50%", Fr: "x", Nl: "x", De: "x"}}, "en: format ends with %"},
		{"count not used", Message{Key: "k", Count: 2, One: Text{En: "a", Fr: "a", Nl: "a", De: "a"}, Other: Text{En: "%d", Fr: "%d", Nl: "%d", De: "%d"}}, "counted argument 2"},
		{"one form uses more", Message{Key: "k", Count: 1, One: Text{En: "%d %s", Fr: "x", Nl: "x", De: "x"}, Other: Text{En: "%d", Fr: "%d", Nl: "%d", De: "%d"}}, "(one): en: placeholders"},
		{"no key", Message{Text: Text{En: "a", Fr: "a", Nl: "a", De: "a"}}, "has no key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := New(tt.msg).Check()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	dup := Message{Key: "k", Text: Text{En: "a", Fr: "a", Nl: "a", De: "a"}}
	assert.ErrorContains(t, New(dup, dup).Check(), "key given twice")
}

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		in   string
		want map[int]rune
	}{
		{"plain", map[int]rune{}},
		{"100%% sure", map[int]rune{}},
		{"%d of %s", map[int]rune{1: 'd', 2: 's'}},
		{"%[2]s then %[1]d", map[int]rune{1: 'd', 2: 's'}},
		{"%.2f and %5d and %-3s", map[int]rune{1: 'f', 2: 'd', 3: 's'}},
		{"%[1]d %[1]d %d", map[int]rune{1: 'd', 2: 'd'}},
		{"%*d", map[int]rune{1: '*', 2: 'd'}},
	}
	for _, tt := range tests {
		got, err := placeholders(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	for _, bad := range []string{"%", "%[", "%[x]d", "%[0]d", "%[1]d %[1]s", "%5"} {
		_, err := placeholders(bad)
		assert.Error(t, err, bad)
	}
}

func TestSprintf(t *testing.T) {
	tests := []struct {
		tag  language.Tag
		key  string
		args []any
		want string
	}{
		{English, "mentees", []any{1}, "1 mentee"},
		{English, "mentees", []any{0}, "0 mentees"},
		{French, "mentees", []any{0}, "0 mentoré"}, // French's "one" covers 0
		{French, "mentees", []any{2}, "2 mentorés"},
		{Dutch, "mentees", []any{1}, "1 mentee"},
		{German, "mentees", []any{3}, "3 Mentees"},
		{English, "score", []any{0.6875}, "score 0.69"},
		{French, "score", []any{0.6875}, "score 0,69"},
		{Dutch, "score", []any{0.6875}, "score 0,69"},
		{German, "score", []any{0.6875}, "Punktzahl 0,69"},
		{language.MustParse("fr-FR"), "greet", []any{"me-1", "x"}, "me-1 attend depuis le x"},
		{language.MustParse("nl"), "greet", []any{"me-1", "x"}, "me-1 wacht sinds x"},
		{language.Japanese, "greet", []any{"me-1", "x"}, "me-1 is waiting since x"},
		{language.Und, "greet", []any{"me-1", "x"}, "me-1 is waiting since x"},
		{French, "no such key", []any{1}, "no such key1"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, testCatalog.Sprintf(tt.tag, tt.key, tt.args...), "%s %s %v", tt.tag, tt.key, tt.args)
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		accept string
		want   language.Tag
	}{
		{"", English},
		{"fr-BE,fr;q=0.9,en;q=0.8", French},
		{"nl", Dutch},
		{"nl-NL", Dutch},
		{"de-DE,de;q=0.9", German},
		{"ja, fr;q=0.5", French},
		{"ja", English},
		{"en-GB", English},
		{";;;garbage", English},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, MatchAccept(tt.accept), tt.accept)
	}
	assert.Equal(t, French, Match(language.MustParse("fr-CA")))
	assert.Equal(t, English, Match(language.Und))
	assert.Equal(t, []language.Tag{English, French, Dutch, German}, Languages())
}

func TestDates(t *testing.T) {
	tests := []struct {
		tag         language.Tag
		short, long string
	}{
		{English, "03/11/2026", "3 November 2026"},
		{French, "03/11/2026", "3 novembre 2026"},
		{Dutch, "03/11/2026", "3 november 2026"},
		{German, "03.11.2026", "3. November 2026"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.short, ShortDate(tt.tag, 2026, time.November, 3))
		assert.Equal(t, tt.long, LongDate(tt.tag, 2026, time.November, 3))
	}
	assert.Equal(t, "1 13 2026", LongDate(English, 2026, 13, 1))
}

func TestInText(t *testing.T) {
	tests := []struct {
		tag        language.Tag
		name, want string
	}{
		{English, "INFORMATION AND COMMUNICATION", "information and communication"},
		{French, "Commerce de gros non spécialisé", "commerce de gros non spécialisé"},
		{Dutch, "Écoles", "écoles"},
		{German, "Großhandel ohne ausgeprägten Schwerpunkt", "Großhandel ohne ausgeprägten Schwerpunkt"},
		{German, "HANDEL", "HANDEL"},
		{French, "", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, InText(tt.name, tt.tag), tt.name)
	}
}
