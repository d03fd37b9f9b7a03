package scoring

import (
	"math/bits"

	"github.com/duomatch/duo/internal/i18n"
)

// CodeNoSharedTime is the rule that blocks a pair with no weekly slot in
// which both are free. It has no setting.
const CodeNoSharedTime = "no_shared_time"

var ruleTime = hardRule{code: CodeNoSharedTime, words: []word{
	{Message: i18n.Message{Key: CodeNoSharedTime + ".label", Text: i18n.Text{En: "no shared time", Fr: "pas de créneau commun", Nl: "geen gemeenschappelijk moment", De: "kein gemeinsames Zeitfenster"}}},
	{Message: i18n.Message{Key: CodeNoSharedTime, Text: i18n.Text{
		En: "no weekly time slot in which both are free",
		Fr: "aucun créneau hebdomadaire où les deux sont libres",
		Nl: "geen vast moment in de week waarop beiden vrij zijn",
		De: "kein wöchentliches Zeitfenster, in dem beide frei sind"}}},
}}

// commonSlots counts into e.common the weekly slots in which both are
// free, and reports whether the rule blocks the pair.
func commonSlots(ag, bg *gate, e *eval) bool {
	e.common = bits.OnesCount32(ag.avail & bg.avail &^ geoBit)
	return e.common == 0
}
