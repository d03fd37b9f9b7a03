package belgium

import (
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
)

// Name returns the name in lang of the municipality with NIS code nis, and
// whether there is one: its official French, Dutch or German name for
// those languages (Bruxelles, Brussel, Brüssel; Anvers, Antwerpen,
// Antwerpen), its main name ([Municipality].Name) for any other. The words
// a coordinator reads name a place this way. Cost: O(1).
func (t *Table) Name(nis string, lang language.Tag) (string, bool) {
	k, ok := t.byNIS[nis]
	if !ok {
		return "", false
	}
	m := &t.munis[k]
	switch i18n.Index(lang) {
	case 1:
		return m.FR, true
	case 2:
		return m.NL, true
	case 3:
		return m.DE, true
	}
	return m.Name, true
}
