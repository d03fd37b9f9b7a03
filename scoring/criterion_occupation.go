package scoring

import (
	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
	isconames "github.com/duomatch/duo/profile/isco"
)

// CriterionOccupation is the criterion of the occupation: the deepest
// level of the ISCO-08 hierarchy that the mentee's target occupation
// shares with an occupation of the mentor's experience, graded by
// [grade]; neutral without data. Its setting is its weight,
// [Weights].Occupation.
const CriterionOccupation = "occupation"

// Its Detail names the deepest level shared: major_group, sub_major_group,
// minor_group or unit_group, with the mentee's code at that level as Args.
var criterionOccupation = criterion{name: CriterionOccupation, explain: func(p *pool, i, _ int, e eval, _ *profile.Mentor) (string, []string) {
	hier := [5]string{"unrelated", "major_group", "sub_major_group", "minor_group", "unit_group"}
	return levelDetail(&hier, e.occLevel, p.mentees[i].occupation.prefix)
}, words: []word{
	{Message: i18n.Message{Key: CriterionOccupation + ".label", Text: i18n.Text{En: "occupation", Fr: "métier", Nl: "beroep", De: "Beruf"}}},
	{Message: i18n.Message{Key: "occupation.none", Text: i18n.Text{
		En: "no target occupation or no experience occupation given (neutral)",
		Fr: "aucun métier visé ou aucun métier exercé indiqué (neutre)",
		Nl: "geen beoogd beroep of geen uitgeoefend beroep opgegeven (neutraal)",
		De: "kein Zielberuf oder kein ausgeübter Beruf angegeben (neutral)"}}},
	{Message: i18n.Message{Key: "occupation.unrelated", Text: i18n.Text{
		En: "no shared ISCO major group",
		Fr: "aucun grand groupe CITP en commun",
		Nl: "geen gemeenschappelijke ISCO-hoofdgroep",
		De: "keine gemeinsame ISCO-Berufshauptgruppe"}}},
	{Message: i18n.Message{Key: "occupation.major_group", Text: i18n.Text{
		En: "same ISCO major group %s: %s",
		Fr: "même grand groupe CITP %s : %s",
		Nl: "zelfde ISCO-hoofdgroep %s: %s",
		De: "gleiche ISCO-Berufshauptgruppe %s: %s"}}, args: classArgs(isconames.Name)},
	{Message: i18n.Message{Key: "occupation.sub_major_group", Text: i18n.Text{
		En: "same ISCO sub-major group %s: %s",
		Fr: "même sous-grand groupe CITP %s : %s",
		Nl: "zelfde ISCO-subhoofdgroep %s: %s",
		De: "gleiche ISCO-Berufsgruppe %s: %s"}}, args: classArgs(isconames.Name)},
	{Message: i18n.Message{Key: "occupation.minor_group", Text: i18n.Text{
		En: "same ISCO minor group %s: %s",
		Fr: "même sous-groupe CITP %s : %s",
		Nl: "zelfde ISCO-subgroep %s: %s",
		De: "gleiche ISCO-Berufsuntergruppe %s: %s"}}, args: classArgs(isconames.Name)},
	{Message: i18n.Message{Key: "occupation.unit_group", Text: i18n.Text{
		En: "same ISCO unit group %s: %s",
		Fr: "même groupe de base CITP %s : %s",
		Nl: "zelfde ISCO-beroepsgroep %s: %s",
		De: "gleiche ISCO-Berufsgattung %s: %s"}}, args: classArgs(isconames.Name)},
}}

// occupationValue fills the occupation criterion: the most ISCO-08 levels that
// the mentee's occupation shares with an occupation of the mentor's
// experience, graded; Neutral when either gives none.
//
// Cost: O(experience entries); small enough to be inlined in the scoring
// loop.
func occupationValue(a *menteeC, b *mentorC, e *eval) {
	e.occLevel, e.v[cOccupation] = -1, Neutral
	if a.occupation == 0 || len(b.occs) == 0 {
		return
	}
	best := 0
	for _, x := range b.occs {
		best = max(best, a.occupation.shared(x))
	}
	e.occLevel, e.v[cOccupation] = best, grade[best]
}
