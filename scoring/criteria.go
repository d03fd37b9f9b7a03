package scoring

import (
	"math"
	"math/bits"
)

// Neutral is the value of a criterion for which either side gives no usable
// data (no target sector, no occupation, no interests, no shared trait, no
// language to practise, no place): missing data neither helps nor harms a
// pair.
const Neutral = 0.5

// eval is the evaluation of one pair: which rules block it, the value of
// each criterion, and the facts behind them that explanations quote.
type eval struct {
	blocked uint8
	v       [numCriteria]float64

	chord2             float64 // squared chord of the homes, when both have coordinates
	km                 float64 // distance, or -1 without coordinates on both sides
	common             int     // common weekly slots
	shared             int     // languages both speak at the shared level
	secLevel, occLevel int     // best shared levels, -1 without data
	secMe              int     // the index of the mentee's sector behind secLevel
	years              float64 // in the best-matching sector
	interInter, interN int     // shared interests, interests of both
	practise           int     // 2 B2 or above, 1 B1, 0 not spoken, -1 nothing to practise
	furtherN           int     // shared languages besides the practised one
	traitN             int     // traits both have
	traitDiff          float64 // mean absolute difference over them
}

// score evaluates the pair (a, b) into e and returns its score: -Inf when a
// rule blocks it, otherwise [settings.total] of the values. With full unset it stops at the first blocking rule, leaving
// e partly filled; with full set it evaluates every rule and criterion.
//
// Cost: O(1) for narrow vocabularies (see pool), plus
// O(sectors × experience entries); no allocation.
func (p *pool) score(ag *gate, a *menteeC, bg *gate, b *mentorC, e *eval, full bool) float64 {
	s := p.set
	e.blocked = 0

	// Hard rules, cheapest first (see hardRules and the rule_*.go files).
	if commonSlots(ag, bg, e) {
		e.blocked |= blockTime
		if !full {
			return math.Inf(-1)
		}
	}
	if genderWishUnmet(ag, bg) {
		e.blocked |= blockGender
		if !full {
			return math.Inf(-1)
		}
	}
	if p.sharedLanguages(ag, bg, e) {
		e.blocked |= blockLanguage
		if !full {
			return math.Inf(-1)
		}
	}
	if s.tooFar(ag, bg, e) || p.otherPlace(ag, bg) {
		e.blocked |= blockDistance
		if !full {
			return math.Inf(-1)
		}
	}

	// Criteria, in the order of the criteria table (see criterion_*.go).
	// Sector fills the experience criterion too.
	p.sector(a, b, e)
	occupationValue(a, b, e)
	p.interests(&a.person, &b.person, e)
	languageValue(a, b, e)
	p.personality(a, b, e)
	distanceValue(ag, bg, s.scaleKm, e)
	availabilityValue(e)

	if e.blocked != 0 {
		return math.Inf(-1)
	}
	return s.total(&e.v)
}

// total returns Σ nw_k·v_k, added in the order of the criteria: bit for
// bit the sum of the contributions that [pool.parts] reports, and at most 1
// because the normalised weights sum to at most 1 (see
// [Weights.normalised]). The conversion keeps the compiler from fusing a
// multiplication and an addition, which would round differently.
func (s *settings) total(v *[numCriteria]float64) float64 {
	t := 0.0
	for k := range v {
		t += float64(s.nw[k] * v[k])
	}
	return t
}

// common returns the size of the intersection of two sets.
func (p *pool) common(a, b *tagSet, wide bool) int {
	if !wide {
		return a.narrowCommon(b)
	}
	return p.commonWide(a, b)
}

// narrowCommon returns the size of the intersection of two sets of a
// narrow vocabulary: two AND and two population counts, inlined where it
// is called.
func (a *tagSet) narrowCommon(b *tagSet) int {
	return bits.OnesCount64(a.bits[0]&b.bits[0]) + bits.OnesCount64(a.bits[1]&b.bits[1])
}

// commonWide returns the size of the intersection of two sets of a wide
// vocabulary: a merge of their sorted IDs.
func (p *pool) commonWide(a, b *tagSet) int {
	x := p.ids[a.off : a.off+a.n]
	y := p.ids[b.off : b.off+b.n]
	n := 0
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
