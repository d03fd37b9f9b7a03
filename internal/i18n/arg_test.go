package i18n

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

var argCatalog = New(
	Message{Key: "after", Text: Text{En: "after the round's day %s", Fr: "après le jour du tour, %s", Nl: "na de dag van de ronde, %s", De: "nach dem Tag der Runde, %s"}},
	Message{Key: "as_on", Text: Text{En: "EU as on %v", Fr: "UE au %v", Nl: "EU op %v", De: "EU am %v"}},
	Message{Key: "bonus", Text: Text{En: "at most %s a day", Fr: "au plus %s par jour", Nl: "hoogstens %s per dag", De: "höchstens %s pro Tag"}},
	Message{Key: "year", Text: Text{En: "before %d", Fr: "avant %d", Nl: "voor %d", De: "vor %d"}},
	Message{Key: "side", Text: Text{En: "applied as a %s", Fr: "inscrit comme %s", Nl: "aangemeld als %s", De: "angemeldet als %s"}},
	Message{Key: "term.mentee", Text: Text{En: "mentee", Fr: "jeune", Nl: "mentee", De: "Mentee"}},
	Message{Key: "more", Count: 1,
		One:   Text{En: "%d more problem", Fr: "%d autre problème", Nl: "nog %d probleem", De: "%d weiteres Problem"},
		Other: Text{En: "%d more problems", Fr: "%d autres problèmes", Nl: "nog %d problemen", De: "%d weitere Probleme"}},
)

func TestRender(t *testing.T) {
	fr, nl, de := French, Dutch, German
	tests := []struct {
		name string
		tag  language.Tag
		key  string
		args []string
		want string
	}{
		{"english keeps the day as written", English, "after", []string{"2026-11-23"}, "after the round's day 2026-11-23"},
		{"french short day", fr, "after", []string{"2026-11-23"}, "après le jour du tour, 23/11/2026"},
		{"german short day", de, "after", []string{"2026-11-23"}, "nach dem Tag der Runde, 23.11.2026"},
		{"long day with %v", nl, "as_on", []string{"2026-11-23"}, "EU op 23 november 2026"},
		{"not a day", fr, "after", []string{"2026-13-23"}, "après le jour du tour, 2026-13-23"},
		{"decimal comma", nl, "bonus", []string{"0.25"}, "hoogstens 0,25 per dag"},
		{"english decimal point", English, "bonus", []string{"0.25"}, "at most 0.25 a day"},
		{"an id with a point is not a number", fr, "bonus", []string{"me.1"}, "au plus me.1 par jour"},
		{"digits without grouping", nl, "year", []string{"1900"}, "voor 1900"},
		{"term", fr, "side", []string{"mentee"}, "inscrit comme jeune"},
		{"no term", fr, "side", []string{"mentor"}, "inscrit comme mentor"},
		{"english term as written", English, "side", []string{"mentee"}, "applied as a mentee"},
		{"plural one in french covers 0", fr, "more", []string{"0"}, "0 autre problème"},
		{"plural other", fr, "more", []string{"2"}, "2 autres problèmes"},
		{"plural one", de, "more", []string{"1"}, "1 weiteres Problem"},
		{"english plural", English, "more", []string{"3"}, "3 more problems"},
		{"english fraction is other", English, "more", []string{"1.5"}, "1.5 more problems"},
		{"french fraction below 2 is one", fr, "more", []string{"1.5"}, "1.5 autre problème"},
		{"missing key", fr, "nope", []string{"a"}, "nopea"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, argCatalog.Render(tt.tag, tt.key, tt.args))
		})
	}
	assert.NoError(t, argCatalog.Check())
}
