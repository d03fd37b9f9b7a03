package scoring

import (
	"math"
	"math/bits"
	"strconv"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
)

// CriterionPersonality is the criterion of personality: 1 − the mean
// absolute difference of the traits both give (each in [0, 1]); neutral
// when they share none. Its setting is its weight, [Weights].Personality.
const CriterionPersonality = "personality"

var criterionPersonality = criterion{name: CriterionPersonality, explain: func(_ *pool, _, _ int, e eval, _ *profile.Mentor) (string, []string) {
	if e.traitN == 0 {
		return "none", nil
	}
	return "differ", []string{fmtFloat(e.traitDiff), strconv.Itoa(e.traitN)}
}, words: []word{
	{Message: i18n.Message{Key: CriterionPersonality + ".label", Text: i18n.Text{En: "personality", Fr: "personnalité", Nl: "persoonlijkheid", De: "Persönlichkeit"}}},
	{Message: i18n.Message{Key: "personality.none", Text: i18n.Text{
		En: "no trait given by both (neutral)",
		Fr: "aucun trait de personnalité indiqué par les deux (neutre)",
		Nl: "geen eigenschap die beiden opgaven (neutraal)",
		De: "kein von beiden angegebenes Merkmal (neutral)"}}},
	{Message: i18n.Message{Key: "personality.differ", Count: 2,
		One: i18n.Text{
			En: "traits differ by %.2f on average over %d shared trait",
			Fr: "écart moyen de %.2f sur %d trait de personnalité commun",
			Nl: "gemiddeld verschil van %.2f over %d gedeelde eigenschap",
			De: "mittlere Abweichung von %.2f über %d gemeinsames Merkmal"},
		Other: i18n.Text{
			En: "traits differ by %.2f on average over %d shared traits",
			Fr: "écart moyen de %.2f sur %d traits de personnalité communs",
			Nl: "gemiddeld verschil van %.2f over %d gedeelde eigenschappen",
			De: "mittlere Abweichung von %.2f über %d gemeinsame Merkmale"}},
		args: func(_ tr, a []string) []any { return []any{float(at(a, 0)), integer(at(a, 1))} }},
}}

// personality fills the personality criterion: 1 − the mean absolute
// difference over the traits both have, summed in the order of the traits'
// names; Neutral when they share none.
func (p *pool) personality(a *menteeC, b *mentorC, e *eval) {
	n := a.traits.narrowCommon(&b.traits) // common, without a call for a narrow vocabulary
	if p.wideTraits {
		n = p.commonWide(&a.traits, &b.traits)
	}
	e.traitN = n
	if n == 0 {
		e.traitDiff = 0
		e.v[cPersonality] = Neutral
		return
	}
	va := p.traitVals[a.traitOff : a.traitOff+a.traits.n]
	vb := p.traitVals[b.traitOff : b.traitOff+b.traits.n]
	var sum float64
	switch {
	case p.wideTraits:
		ia := p.ids[a.traits.off : a.traits.off+a.traits.n]
		ib := p.ids[b.traits.off : b.traits.off+b.traits.n]
		for i, j := 0, 0; i < len(ia) && j < len(ib); {
			switch {
			case ia[i] < ib[j]:
				i++
			case ia[i] > ib[j]:
				j++
			default:
				sum += math.Abs(vb[j] - va[i])
				i++
				j++
			}
		}
	case a.traits.bits == b.traits.bits:
		// The usual case, both with the programme's set of traits: the
		// values line up.
		vb = vb[:len(va)]
		for i, x := range va {
			sum += math.Abs(vb[i] - x)
		}
	default:
		offA, offB := 0, 0
		for w := 0; w < 2; w++ {
			wa, wb := a.traits.bits[w], b.traits.bits[w]
			for c := wa & wb; c != 0; c &= c - 1 {
				below := uint64(1)<<bits.TrailingZeros64(c) - 1
				i := offA + bits.OnesCount64(wa&below)
				j := offB + bits.OnesCount64(wb&below)
				sum += math.Abs(vb[j] - va[i])
			}
			offA += bits.OnesCount64(wa)
			offB += bits.OnesCount64(wb)
		}
	}
	e.traitDiff = sum / float64(n)
	e.v[cPersonality] = 1 - e.traitDiff
}
