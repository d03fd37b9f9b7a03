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
	// too_far (rule_distance.go), written here rather than called: the
	// call would cost a tenth of the loop.
	e.km = -1
	if ag.avail&bg.avail&geoBit != 0 {
		dx, dy, dz := ag.geo[0]-bg.geo[0], ag.geo[1]-bg.geo[1], ag.geo[2]-bg.geo[2]
		chord2 := dx*dx + dy*dy + dz*dz
		if chord2 > s.maxChord2 {
			e.blocked |= blockDistance
			if !full {
				return math.Inf(-1)
			}
		}
		// Haversine: hav(θ) = (chord/2)², θ = 2·asin(chord/2).
		e.km = 2 * earthRadiusKm * asin(math.Sqrt(chord2)/2)
	} else if s.limit && (ag.city != bg.city || ag.city == 0) {
		// Without coordinates on both sides the distance cannot be
		// measured: only the same municipality passes.
		e.blocked |= blockDistance
		if !full {
			return math.Inf(-1)
		}
	}
	if (s.sameCity && (ag.city != bg.city || ag.city == 0)) || (s.sameRegion && !p.sameRegion(ag.city, bg.city)) {
		e.blocked |= blockDistance
		if !full {
			return math.Inf(-1)
		}
	}

	// Criteria, in the order of the criteria table (see criterion_*.go).
	// Sector fills the experience criterion too.
	p.sector(a, b, e)

	// occupation (criterion_occupation.go), interests and language, written
	// here for the same reason.
	if a.occupation == 0 || b.occN == 0 {
		e.occLevel = -1
		e.v[cOccupation] = Neutral
	} else {
		best := 0
		for _, x := range p.exps[b.expOff : b.expOff+b.expN] {
			best = max(best, a.occupation.shared(x.occupation))
		}
		e.occLevel = best
		e.v[cOccupation] = grade[best]
	}

	if na, nb := a.interests.n, b.interests.n; na == 0 || nb == 0 {
		e.interInter, e.interN = 0, 0
		e.v[cInterests] = Neutral
	} else {
		in := p.common(&a.interests, &b.interests, p.wideTags)
		e.interInter, e.interN = in, int(na+nb)-in
		e.v[cInterests] = float64(in) / float64(e.interN)
	}

	credit := Neutral
	e.practise, e.furtherN = -1, e.shared
	if a.practise >= 0 {
		id := uint32(a.practise)
		switch {
		case p.has(&b.langB2, id, p.wideLangs):
			e.practise, credit = 2, 1
		case p.has(&b.langB1, id, p.wideLangs):
			e.practise, credit = 1, 0.5
		default:
			e.practise, credit = 0, 0
		}
		if p.has(&ag.langOK, id, p.wideLangs) && p.has(&bg.langOK, id, p.wideLangs) {
			e.furtherN--
		}
	}
	e.v[cLanguage] = min(1, credit+further*float64(e.furtherN))

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
		return bits.OnesCount64(a.bits[0]&b.bits[0]) + bits.OnesCount64(a.bits[1]&b.bits[1])
	}
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

// has reports whether id is in s.
func (p *pool) has(s *tagSet, id uint32, wide bool) bool {
	if !wide {
		return id < 2*64 && s.bits[id/64]&(1<<(id%64)) != 0
	}
	for _, x := range p.ids[s.off : s.off+s.n] {
		if x == id {
			return true
		}
	}
	return false
}
