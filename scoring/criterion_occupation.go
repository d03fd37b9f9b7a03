package scoring

import "github.com/duomatch/duo/profile"

// CriterionOccupation is the criterion of the occupation: the deepest
// level of the ISCO-08 hierarchy that the mentee's target occupation
// shares with an occupation of the mentor's experience, graded by
// [grade]; neutral without data. Its setting is its weight,
// [Weights].Occupation.
// Its value is computed in pool.score (criteria.go), inlined for speed.
const CriterionOccupation = "occupation"

var criterionOccupation = criterion{name: CriterionOccupation, explain: func(p *pool, i, _ int, e eval, _ *profile.Mentor) string {
	hier := [5]string{"", "major group", "sub-major group", "minor group", "unit group"}
	switch {
	case e.occLevel < 0:
		return "no target occupation or no experience occupation given (neutral)"
	case e.occLevel == 0:
		return "no shared ISCO major group"
	}
	return "same ISCO " + hier[e.occLevel] + " " + p.mentees[i].occupation.prefix(e.occLevel)
}}
