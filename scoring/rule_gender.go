package scoring

// CodeGenderWish is the rule that blocks a pair when the mentee's
// wants.mentor_gender or the mentor's wants.mentee_gender is set and the
// other's gender is not that one (or not given). Genders compare case- and
// space-insensitively. It has no setting: a wish is the person's own.
const CodeGenderWish = "gender_wish"

var ruleGender = hardRule{
	code:    CodeGenderWish,
	message: func(*pool, int, int, eval) string { return "a wish about the partner's gender is not met" },
}

// genderWishUnmet reports whether a gender wish of either side is not met.
func genderWishUnmet(ag, bg *gate) bool {
	return (ag.want != 0 && ag.want != bg.gender) || (bg.want != 0 && bg.want != ag.gender)
}
