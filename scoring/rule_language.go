package scoring

import (
	"github.com/duomatch/duo/internal/i18n"
)

// CodeNoSharedLanguage is the rule that blocks a pair with no language
// that both speak at [Rules.MinSharedLevel] or above (B1 by default;
// native counts as the highest level).
const CodeNoSharedLanguage = "no_shared_language"

var ruleLanguage = hardRule{
	code: CodeNoSharedLanguage,
	args: func(p *pool, _, _ int, _ eval) []string { return []string{levelName(p.set.minLevel)} },
	words: []word{
		{Message: i18n.Message{Key: CodeNoSharedLanguage + ".label", Text: i18n.Text{En: "no shared language", Fr: "pas de langue commune", Nl: "geen gemeenschappelijke taal", De: "keine gemeinsame Sprache"}}}, {
			Message: i18n.Message{Key: CodeNoSharedLanguage, Text: i18n.Text{
				En: "no language that both speak at %s or above",
				Fr: "aucune langue que les deux parlent au niveau %s ou plus",
				Nl: "geen taal die beiden op niveau %s of hoger spreken",
				De: "keine Sprache, die beide auf Niveau %s oder höher sprechen"}},
			args: func(t tr, a []string) []any { return []any{levelText(t, at(a, 0))} },
		}},
}

// sharedLanguages counts into e.shared the languages both speak at the
// shared level, and reports whether the rule blocks the pair.
func (p *pool) sharedLanguages(ag, bg *gate, e *eval) bool {
	e.shared = p.common(&ag.langOK, &bg.langOK, p.wideLangs)
	return e.shared == 0
}
