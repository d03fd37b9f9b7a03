package scoring

import (
	"fmt"

	"github.com/duomatch/duo/internal/msg"
	"github.com/duomatch/duo/profile"
)

// CriterionInterests is the criterion of interests: the Jaccard
// similarity of the two sets of interests (shared over all); neutral
// when either gives none. Its setting is its weight, [Weights].Interests.
const CriterionInterests = "interests"

var criterionInterests = criterion{name: CriterionInterests, explain: func(_ *pool, _, _ int, e eval, _ *profile.Mentor) string {
	if e.interN == 0 {
		return "interests not given (neutral)"
	}
	return fmt.Sprintf("shares %d of %d %s", e.interInter, e.interN, msg.Plural(float64(e.interN), "interest", "interests"))
}}

// interests fills the interests criterion.
func (p *pool) interests(a *menteeC, b *mentorC, e *eval) {
	na, nb := a.interests.n, b.interests.n
	if na == 0 || nb == 0 {
		e.interInter, e.interN = 0, 0
		e.v[cInterests] = Neutral
		return
	}
	in := p.common(&a.interests, &b.interests, p.wideTags)
	e.interInter, e.interN = in, int(na+nb)-in
	e.v[cInterests] = float64(in) / float64(e.interN)
}
