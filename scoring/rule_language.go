package scoring

import "fmt"

// CodeNoSharedLanguage is the rule that blocks a pair with no language
// that both speak at [Rules.MinSharedLevel] or above (B1 by default;
// native counts as the highest level).
const CodeNoSharedLanguage = "no_shared_language"

var ruleLanguage = hardRule{
	code: CodeNoSharedLanguage,
	message: func(p *pool, _, _ int, _ eval) string {
		return fmt.Sprintf("no language that both speak at %s or above", levelName(p.set.minLevel))
	},
}

// sharedLanguages counts into e.shared the languages both speak at the
// shared level, and reports whether the rule blocks the pair.
func (p *pool) sharedLanguages(ag, bg *gate, e *eval) bool {
	e.shared = p.common(&ag.langOK, &bg.langOK, p.wideLangs)
	return e.shared == 0
}
