package scoring

import (
	"fmt"

	"github.com/duomatch/duo/internal/msg"
	"github.com/duomatch/duo/profile"
)

// CriterionInterests is the criterion of interests: the Jaccard
// similarity of the two sets of interests (shared over all); neutral
// when either gives none. Its setting is its weight, [Weights].Interests.
// Its value is computed in pool.score (criteria.go), inlined for speed.
const CriterionInterests = "interests"

var criterionInterests = criterion{name: CriterionInterests, explain: func(_ *pool, _, _ int, e eval, _ *profile.Mentor) string {
	if e.interN == 0 {
		return "interests not given (neutral)"
	}
	return fmt.Sprintf("shares %d of %d %s", e.interInter, e.interN, msg.Plural(float64(e.interN), "interest", "interests"))
}}
