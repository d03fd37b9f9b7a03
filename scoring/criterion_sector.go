package scoring

import (
	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
	nacenames "github.com/duomatch/duo/profile/nace"
)

// CriterionSector is the criterion of the sector: the deepest level of
// the NACE hierarchy that a sector the mentee aims for shares with a
// sector of the mentor's experience, graded by [grade]; neutral without
// data. Its setting is its weight, [Weights].Sector.
const CriterionSector = "sector"

// Its Detail names the deepest level shared: section, division, group or
// class, with the code of the mentee's sector at that level (NACE Rev. 2)
// as Args.
var criterionSector = criterion{name: CriterionSector, explain: func(p *pool, i, _ int, e eval, _ *profile.Mentor) (string, []string) {
	hier := [5]string{"unrelated", "section", "division", "group", "class"}
	// e.secMe means something only when a level is shared.
	return levelDetail(&hier, e.secLevel, func(l int) string { return p.mentees[i].sectors[e.secMe].prefix(l) })
}, words: []word{
	{Message: i18n.Message{Key: CriterionSector + ".label", Text: i18n.Text{En: "sector", Fr: "secteur", Nl: "sector", De: "Branche"}}},
	{Message: i18n.Message{Key: "sector.none", Text: i18n.Text{
		En: "no target sector or no experience sector given (neutral)",
		Fr: "aucun secteur visé ou aucun secteur d'expérience indiqué (neutre)",
		Nl: "geen beoogde sector of geen sector uit de ervaring opgegeven (neutraal)",
		De: "keine Zielbranche oder keine Branche aus der Erfahrung angegeben (neutral)"}}},
	{Message: i18n.Message{Key: "sector.unrelated", Text: i18n.Text{
		En: "no shared NACE section",
		Fr: "aucune section NACE en commun",
		Nl: "geen gemeenschappelijke NACE-sectie",
		De: "kein gemeinsamer NACE-Abschnitt"}}},
	{Message: i18n.Message{Key: "sector.section", Text: i18n.Text{
		En: "same NACE section %s: %s",
		Fr: "même section NACE %s : %s",
		Nl: "zelfde NACE-sectie %s: %s",
		De: "gleicher NACE-Abschnitt %s: %s"}}, args: classArgs(nacenames.Name)},
	{Message: i18n.Message{Key: "sector.division", Text: i18n.Text{
		En: "same NACE division %s: %s",
		Fr: "même division NACE %s : %s",
		Nl: "zelfde NACE-afdeling %s: %s",
		De: "gleiche NACE-Abteilung %s: %s"}}, args: classArgs(nacenames.Name)},
	{Message: i18n.Message{Key: "sector.group", Text: i18n.Text{
		En: "same NACE group %s: %s",
		Fr: "même groupe NACE %s : %s",
		Nl: "zelfde NACE-groep %s: %s",
		De: "gleiche NACE-Gruppe %s: %s"}}, args: classArgs(nacenames.Name)},
	{Message: i18n.Message{Key: "sector.class", Text: i18n.Text{
		En: "same NACE class %s: %s",
		Fr: "même classe NACE %s : %s",
		Nl: "zelfde NACE-klasse %s: %s",
		De: "gleiche NACE-Klasse %s: %s"}}, args: classArgs(nacenames.Name)},
}}

// levelDetail is the Detail and Args of a criterion of a hierarchy of
// codes (NACE, ISCO) whose names by depth are hier: "none" without data
// (level < 0), hier[0] when no level is shared, else the deepest level
// shared, with the mentee's code at that level, prefix(level), as Args.
func levelDetail(hier *[5]string, level int, prefix func(level int) string) (string, []string) {
	switch {
	case level < 0:
		return "none", nil
	case level == 0:
		return hier[0], nil
	}
	return hier[level], []string{prefix(level)}
}

// grade turns a number of shared hierarchy levels (NACE or ISCO) into a
// value: same class or unit group 1, group 0.9, division 0.75, section 0.4,
// nothing 0.
var grade = [5]float64{0, 0.4, 0.75, 0.9, 1}

// sector fills the sector and experience criteria: the best-sharing pair
// of a target sector and an experience sector, and the most years among
// the experience entries that reach that level (e.years and e.secMe mean
// something only when that level is above 0).
//
// Cost: O(1) when no section is shared (most pairs), otherwise
// O(target sectors × experience entries).
func (p *pool) sector(a *menteeC, b *mentorC, e *eval) {
	if len(a.sectors) == 0 || len(b.exps) == 0 {
		e.secLevel, e.years = -1, 0
		e.v[cSector] = Neutral
		e.v[cExperience] = Neutral
		return
	}
	if a.sections&b.sections == 0 {
		// No shared section: every pair of codes shares no level.
		e.secLevel, e.secMe, e.years = 0, 0, 0
		e.v[cSector], e.v[cExperience] = grade[0], 0
		return
	}
	best, years, at := 0, 0.0, 0
	for _, x := range b.exps {
		l, k := 0, 0
		for i, t := range a.sectors {
			if m := t.shared(x.sector); m > l {
				l, k = m, i
			}
		}
		if l > best || (l == best && x.years > years) {
			best, years, at = l, x.years, k
		}
	}
	e.secLevel, e.secMe, e.years = best, at, years
	e.v[cSector] = grade[best]
	if best == 0 {
		e.v[cExperience] = 0
	} else {
		e.v[cExperience] = min(years/p.set.fullYears, 1)
	}
}
