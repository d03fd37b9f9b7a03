package scoring

import (
	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
)

// CriterionExperience is the criterion of experience: the mentor's years
// in the sector that best matches the mentee's, rising linearly to 1 at
// [Rules.FullExperienceYears] (10 by default); 0 without a shared
// section, neutral without data. Its value is found by the sector
// criterion's search ([pool.sector]), which finds that sector. Its
// settings are its weight, [Weights].Experience, and FullExperienceYears.
const CriterionExperience = "experience"

var criterionExperience = criterion{name: CriterionExperience, explain: func(p *pool, _, _ int, e eval, _ *profile.Mentor) (string, []string) {
	switch {
	case e.secLevel < 0:
		return "none", nil
	case e.secLevel == 0:
		return "unrelated", nil
	case e.years == 1:
		return "one_year", []string{fmtFloat(p.set.fullYears)}
	}
	return "years", []string{fmtFloat(e.years), fmtFloat(p.set.fullYears)}
}, words: []word{
	{Message: i18n.Message{Key: CriterionExperience + ".label", Text: i18n.Text{En: "experience", Fr: "expérience", Nl: "ervaring", De: "Erfahrung"}}},
	{Message: i18n.Message{Key: "experience.none", Text: i18n.Text{
		En: "no sector to compare (neutral)",
		Fr: "aucun secteur à comparer (neutre)",
		Nl: "geen sector om te vergelijken (neutraal)",
		De: "keine Branche zum Vergleichen (neutral)"}}},
	{Message: i18n.Message{Key: "experience.unrelated", Text: i18n.Text{
		En: "no experience in a related sector",
		Fr: "aucune expérience dans un secteur proche",
		Nl: "geen ervaring in een verwante sector",
		De: "keine Erfahrung in einer verwandten Branche"}}},
	{Message: i18n.Message{Key: "experience.one_year", Text: i18n.Text{
		En: "1 year in the best-matching sector (%.4g or more count fully)",
		Fr: "1 an dans le secteur le plus proche (%.4g ans ou plus comptent pleinement)",
		Nl: "1 jaar in de best passende sector (vanaf %.4g jaar telt het volledig)",
		De: "1 Jahr in der am besten passenden Branche (ab %.4g Jahren zählt es voll)"}},
		args: asFloats},
	{Message: i18n.Message{Key: "experience.years", Text: i18n.Text{
		En: "%.4g years in the best-matching sector (%.4g or more count fully)",
		Fr: "%.4g ans dans le secteur le plus proche (%.4g ans ou plus comptent pleinement)",
		Nl: "%.4g jaar in de best passende sector (vanaf %.4g jaar telt het volledig)",
		De: "%.4g Jahre in der am besten passenden Branche (ab %.4g Jahren zählt es voll)"}},
		args: asFloats},
}}
