package scoring

import (
	"strconv"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
)

// CriterionAvailability is the criterion of availability: 0.5 for one
// weekly slot in which both are free, 1 for two or more (none blocks the
// pair: rule no_shared_time). Its setting is its weight,
// [Weights].Availability.
const CriterionAvailability = "availability"

var criterionAvailability = criterion{name: CriterionAvailability, explain: func(_ *pool, _, _ int, e eval, _ *profile.Mentor) (string, []string) {
	if e.common == 0 {
		return "none", nil
	}
	return "slots", []string{strconv.Itoa(e.common)}
}, words: []word{
	{Message: i18n.Message{Key: CriterionAvailability + ".label", Text: i18n.Text{En: "availability", Fr: "disponibilités", Nl: "beschikbaarheid", De: "Verfügbarkeit"}}},
	{Message: i18n.Message{Key: "availability.none", Text: i18n.Text{
		En: "no common weekly slot",
		Fr: "aucun créneau hebdomadaire commun",
		Nl: "geen gemeenschappelijk vast moment in de week",
		De: "kein gemeinsames wöchentliches Zeitfenster"}}},
	{Message: i18n.Message{Key: "availability.slots", Count: 1,
		One: i18n.Text{
			En: "%d common weekly slot (2 or more count fully)",
			Fr: "%d créneau hebdomadaire commun (2 ou plus comptent pleinement)",
			Nl: "%d gemeenschappelijk vast moment in de week (vanaf 2 telt het volledig)",
			De: "%d gemeinsames wöchentliches Zeitfenster (ab 2 zählt es voll)"},
		Other: i18n.Text{
			En: "%d common weekly slots",
			Fr: "%d créneaux hebdomadaires communs",
			Nl: "%d gemeenschappelijke vaste momenten in de week",
			De: "%d gemeinsame wöchentliche Zeitfenster"}},
		args: counts},
}}

// availabilityValue fills the availability criterion from e.common, set
// by the rule no_shared_time.
func availabilityValue(e *eval) {
	switch e.common {
	case 0:
		e.v[cAvailability] = 0
	case 1:
		e.v[cAvailability] = 0.5
	default:
		e.v[cAvailability] = 1
	}
}
