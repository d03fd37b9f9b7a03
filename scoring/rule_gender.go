package scoring

import "github.com/duomatch/duo/internal/i18n"

// CodeGenderWish is the rule that blocks a pair when the mentee's
// wants.mentor_gender or the mentor's wants.mentee_gender is set and the
// other's gender is not that one (or not given). Genders compare case- and
// space-insensitively. It has no setting: a wish is the person's own.
const CodeGenderWish = "gender_wish"

var ruleGender = hardRule{code: CodeGenderWish, words: []word{
	{Message: i18n.Message{Key: CodeGenderWish + ".label", Text: i18n.Text{En: "gender wish", Fr: "souhait de genre", Nl: "wens over geslacht", De: "Geschlechtswunsch"}}},
	{Message: i18n.Message{Key: CodeGenderWish, Text: i18n.Text{
		En: "a wish about the partner's gender is not met",
		Fr: "un souhait quant au genre du partenaire n'est pas respecté",
		Nl: "een wens over het geslacht van de partner wordt niet vervuld",
		De: "ein Wunsch zum Geschlecht des Partners ist nicht erfüllt"}}},
}}

// genderWishUnmet reports whether a gender wish of either side is not met.
func genderWishUnmet(ag, bg *gate) bool {
	return (ag.want != 0 && ag.want != bg.gender) || (bg.want != 0 && bg.want != ag.gender)
}
