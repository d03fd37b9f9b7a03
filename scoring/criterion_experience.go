package scoring

import (
	"fmt"

	"github.com/duomatch/duo/internal/msg"
	"github.com/duomatch/duo/profile"
)

// CriterionExperience is the criterion of experience: the mentor's years
// in the sector that best matches the mentee's, rising linearly to 1 at
// [Rules.FullExperienceYears] (10 by default); 0 without a shared
// section, neutral without data. Its value is found by the sector
// criterion's search ([pool.sector]), which finds that sector. Its
// settings are its weight, [Weights].Experience, and FullExperienceYears.
const CriterionExperience = "experience"

var criterionExperience = criterion{name: CriterionExperience, explain: func(p *pool, _, _ int, e eval, _ *profile.Mentor) string {
	switch {
	case e.secLevel < 0:
		return "no sector to compare (neutral)"
	case e.secLevel == 0:
		return "no experience in a related sector"
	}
	return fmt.Sprintf("%s %s in the best-matching sector (%s or more count fully)",
		num(e.years), msg.Plural(e.years, "year", "years"), num(p.set.fullYears))
}}
