package scoring

import (
	"strconv"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
)

// CriterionInterests is the criterion of interests: the Jaccard
// similarity of the two sets of interests (shared over all); neutral
// when either gives none. Its setting is its weight, [Weights].Interests.
const CriterionInterests = "interests"

var criterionInterests = criterion{name: CriterionInterests, explain: func(_ *pool, _, _ int, e eval, _ *profile.Mentor) (string, []string) {
	if e.interN == 0 {
		return "none", nil
	}
	return "shared", []string{strconv.Itoa(e.interInter), strconv.Itoa(e.interN)}
}, words: []word{
	{Message: i18n.Message{Key: CriterionInterests + ".label", Text: i18n.Text{En: "interests", Fr: "centres d'intérêt", Nl: "interesses", De: "Interessen"}}},
	{Message: i18n.Message{Key: "interests.none", Text: i18n.Text{
		En: "interests not given (neutral)",
		Fr: "centres d'intérêt non indiqués (neutre)",
		Nl: "interesses niet opgegeven (neutraal)",
		De: "Interessen nicht angegeben (neutral)"}}},
	{Message: i18n.Message{Key: "interests.shared", Count: 2,
		One: i18n.Text{
			En: "shares %d of %d interest",
			Fr: "partage %d centre d'intérêt sur %d",
			Nl: "deelt %d van %d interesse",
			De: "teilt %d von %d Interesse"},
		Other: i18n.Text{
			En: "shares %d of %d interests",
			Fr: "partage %d des %d centres d'intérêt",
			Nl: "deelt %d van de %d interesses",
			De: "teilt %d von %d Interessen"}},
		args: counts},
}}

// interests fills the interests criterion: the Jaccard similarity of the
// two sets of interests; Neutral when either gives none. It is a call in
// the scoring loop, once per allowed pair: with a wide vocabulary's merge
// (see pool), it is beyond what Go inlines.
//
// Cost: O(1) for a narrow vocabulary, O(interests) for a wide one.
func (p *pool) interests(a, b *person, e *eval) {
	na, nb := a.interests.n, b.interests.n
	if na == 0 || nb == 0 {
		e.interInter, e.interN = 0, 0
		e.v[cInterests] = Neutral
		return
	}
	in := a.interests.narrowCommon(&b.interests) // common, without a call for a narrow vocabulary
	if p.wideTags {
		in = p.commonWide(&a.interests, &b.interests)
	}
	e.interInter, e.interN = in, int(na+nb)-in
	e.v[cInterests] = float64(in) / float64(e.interN)
}
