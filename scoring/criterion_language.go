package scoring

import (
	"strconv"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
)

// CriterionLanguage is the criterion of language: 1 when the mentor
// speaks the language the mentee practises at B2 or above, 0.5 at B1, 0
// otherwise (neutral, 0.5, when the mentee practises none), plus
// [further] for each further language both speak at the shared level,
// at most 1. Its setting is its weight, [Weights].Language; the shared
// level is [Rules.MinSharedLevel], as for the rule no_shared_language.
const CriterionLanguage = "language"

// Its Args are the further shared languages' count, then the language the
// mentee practises and the mentor's level in it.
var criterionLanguage = criterion{name: CriterionLanguage, explain: func(p *pool, i, _ int, e eval, mo *profile.Mentor) (string, []string) {
	further := strconv.Itoa(e.furtherN)
	if e.practise < 0 {
		return "none", []string{further}
	}
	tag := p.langNames[p.mentees[i].practise]
	switch e.practise {
	case 2, 1:
		lvl, _ := profile.Speaks(mo.Languages, tag)
		if lvl.Rank() == profile.Native.Rank() {
			return "native", []string{further, tag}
		}
		return "level", []string{further, tag, levelName(lvl)}
	}
	return "not_spoken", []string{further, tag}
}, words: []word{
	{Message: i18n.Message{Key: CriterionLanguage + ".label", Text: i18n.Text{En: "language", Fr: "langue", Nl: "taal", De: "Sprache"}}},
	{Message: i18n.Message{Key: "language.none", Text: i18n.Text{
		En: "no language to practise given (neutral)%s",
		Fr: "aucune langue à pratiquer indiquée (neutre)%s",
		Nl: "geen oefentaal opgegeven (neutraal)%s",
		De: "keine Übungssprache angegeben (neutral)%s"}},
		args: languageArgs},
	{Message: i18n.Message{Key: "language.native", Text: i18n.Text{
		En: "speaks %[2]s natively, which the mentee practises%[1]s",
		Fr: "parle %[2]s comme langue maternelle, la langue que le jeune pratique%[1]s",
		Nl: "spreekt %[2]s als moedertaal, de taal die de mentee oefent%[1]s",
		De: "spricht %[2]s als Muttersprache, die Sprache, die der Mentee übt%[1]s"}},
		args: languageArgs},
	{Message: i18n.Message{Key: "language.level", Text: i18n.Text{
		En: "speaks %[2]s at %[3]s, which the mentee practises%[1]s",
		Fr: "parle %[2]s au niveau %[3]s, la langue que le jeune pratique%[1]s",
		Nl: "spreekt %[2]s op niveau %[3]s, de taal die de mentee oefent%[1]s",
		De: "spricht %[2]s auf Niveau %[3]s, die Sprache, die der Mentee übt%[1]s"}},
		args: languageArgs},
	{Message: i18n.Message{Key: "language.not_spoken", Text: i18n.Text{
		En: "does not speak %[2]s at B1 or above, which the mentee practises%[1]s",
		Fr: "ne parle pas %[2]s au niveau B1 ou plus, la langue que le jeune pratique%[1]s",
		Nl: "spreekt geen %[2]s op niveau B1 of hoger, de taal die de mentee oefent%[1]s",
		De: "spricht kein %[2]s auf Niveau B1 oder höher, die Sprache, die der Mentee übt%[1]s"}},
		args: languageArgs},
	{Message: i18n.Message{Key: "language.further", Count: 1,
		One: i18n.Text{
			En: "; %d further shared language",
			Fr: " ; %d autre langue en commun",
			Nl: "; nog %d gedeelde taal",
			De: "; %d weitere gemeinsame Sprache"},
		Other: i18n.Text{
			En: "; %d further shared languages",
			Fr: " ; %d autres langues en commun",
			Nl: "; nog %d gedeelde talen",
			De: "; %d weitere gemeinsame Sprachen"}}},
}}

// languageArgs turns the Args of the language criterion into the words of
// its further languages (none for 0), the practised language's name and
// the level.
func languageArgs(t tr, a []string) []any {
	further := ""
	if n := integer(at(a, 0)); n > 0 {
		further = t.sprintf("language.further", n)
	}
	out := []any{further}
	if len(a) > 1 {
		out = append(out, languageName(a[1], t.lang))
	}
	if len(a) > 2 {
		out = append(out, levelText(t, a[2]))
	}
	return out
}

// further is the language criterion's credit per further shared language.
const further = 0.25

// languageValue fills the language criterion from the language the mentee
// a practises and the languages of mentor b, and from e.shared, which the
// rule no_shared_language counted.
//
// Cost: O(the mentor's languages); small enough to be inlined in the
// scoring loop.
func languageValue(a *menteeC, b *mentorC, e *eval) {
	e.practise, e.furtherN = -1, e.shared
	credit := Neutral
	if a.practise >= 0 {
		l := b.speaks(uint32(a.practise))
		e.practise, credit = int(l.level), practiseCredit[l.level]
		if a.practiseOK && l.ok {
			e.furtherN--
		}
	}
	e.v[cLanguage] = min(1, credit+further*float64(e.furtherN))
}

// speaks returns how well b speaks the language id: its zero value when b
// does not speak it.
func (b *mentorC) speaks(id uint32) langLevel {
	for _, l := range b.langs {
		if l.id == id {
			return l
		}
	}
	return langLevel{}
}

// practiseCredit is the language criterion's credit for the mentor's level
// in the language the mentee practises (langLevel.level): below B1, B1, B2
// or above.
var practiseCredit = [3]float64{0, 0.5, 1}
