package scoring

import (
	"math"
	"math/bits"

	"gonum.org/v1/gonum/floats"
)

// earthRadiusKm is the mean radius of the Earth (IUGG), used for
// great-circle distances.
const earthRadiusKm = 6371.0088

// The hard rules as bits of eval.blocked, in the order Pair lists them.
const (
	blockLanguage = 1 << iota
	blockGender
	blockDistance
	blockTime
	blockExcluded
)

// sameRegion reports whether the localities a and b (gate.city values) are
// in the same region; a locality without a region is a region of its own,
// and no locality (0) is in none.
func (p *pool) sameRegion(a, b uint32) bool {
	if a == 0 || b == 0 {
		return false
	}
	ra, rb := p.places[a-1].region, p.places[b-1].region
	return a == b || (ra != 0 && ra == rb)
}

// grade turns a number of shared hierarchy levels (NACE or ISCO) into a
// value: same class or unit group 1, group 0.9, division 0.75, section 0.4,
// nothing 0.
var grade = [5]float64{0, 0.4, 0.75, 0.9, 1}

// Neutral is the value of a criterion for which either side gives no usable
// data (no target sector, no occupation, no interests, no shared trait, no
// language to practise, no place): missing data neither helps nor harms a
// pair.
const Neutral = 0.5

// further is the language criterion's credit per further shared language.
const further = 0.25

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

	// Hard rules, cheapest first.
	e.common = bits.OnesCount32(ag.avail & bg.avail &^ geoBit)
	if e.common == 0 {
		e.blocked |= blockTime
		if !full {
			return math.Inf(-1)
		}
	}
	if (ag.want != 0 && ag.want != bg.gender) || (bg.want != 0 && bg.want != ag.gender) {
		e.blocked |= blockGender
		if !full {
			return math.Inf(-1)
		}
	}
	e.shared = p.common(&ag.langOK, &bg.langOK, p.wideLangs)
	if e.shared == 0 {
		e.blocked |= blockLanguage
		if !full {
			return math.Inf(-1)
		}
	}
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

	// Criteria.
	p.sector(a, b, e)
	switch {
	case a.occupation == 0 || b.occN == 0:
		e.occLevel = -1
		e.v[cOccupation] = Neutral
	default:
		best := 0
		for _, x := range p.exps[b.expOff : b.expOff+b.expN] {
			best = max(best, a.occupation.shared(x.occupation))
		}
		e.occLevel = best
		e.v[cOccupation] = grade[best]
	}

	na, nb := a.interests.n, b.interests.n
	if na == 0 || nb == 0 {
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

	switch {
	case e.km >= 0:
		e.v[cDistance] = max(0, 1-e.km/s.scaleKm)
	case ag.city != 0 && bg.city != 0:
		if ag.city == bg.city {
			e.v[cDistance] = 1
		} else {
			e.v[cDistance] = 0
		}
	default:
		e.v[cDistance] = Neutral
	}

	switch e.common {
	case 0:
		e.v[cAvailability] = 0
	case 1:
		e.v[cAvailability] = 0.5
	default:
		e.v[cAvailability] = 1
	}

	if e.blocked != 0 {
		return math.Inf(-1)
	}
	return s.total(&e.v)
}

// asin returns the arcsine of x in [0, 1] (of 1 for larger x). Below 0.01
// (distances up to about 127 km) it sums the Taylor series to x⁷, whose
// remainder is below 4e-18·x, less than a rounding error, several times
// faster than math.Asin.
func asin(x float64) float64 {
	if x < 0.01 {
		x2 := x * x
		return x * (1 + x2*(1.0/6+x2*(3.0/40+x2*(15.0/336))))
	}
	return math.Asin(min(x, 1))
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

// sector fills the sector and experience criteria: the best-sharing pair
// of a target sector and an experience sector, and the most years among
// the experience entries that reach that level.
func (p *pool) sector(a *menteeC, b *mentorC, e *eval) {
	if a.secN == 0 || b.secN == 0 {
		e.secLevel, e.years = -1, 0
		e.v[cSector] = Neutral
		e.v[cExperience] = Neutral
		return
	}
	targets := p.sectors[a.secOff : a.secOff+a.secN]
	best, years, at := 0, 0.0, 0
	for _, x := range p.exps[b.expOff : b.expOff+b.expN] {
		l, k := 0, 0
		for i, t := range targets {
			if m := t.shared(x.sector); m > l {
				l, k = m, i
			}
		}
		if l > best || (l == best && x.years > years) {
			best, years, at = l, x.years, k
		}
	}
	e.secLevel, e.secMe, e.years = best, at, years
	e.v[cSector] = grade[best]
	if best == 0 {
		e.v[cExperience] = 0
	} else {
		e.v[cExperience] = min(years/p.set.fullYears, 1)
	}
}

// personality fills the personality criterion: 1 − the mean absolute
// difference over the traits both have, summed in the order of the traits'
// names; Neutral when they share none.
func (p *pool) personality(a *menteeC, b *mentorC, e *eval) {
	n := p.common(&a.traits, &b.traits, p.wideTraits)
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
		// values line up. floats.Distance with L = 1 sums |vb_i − va_i|
		// in index order, as the loops here do.
		sum = floats.Distance(va, vb, 1)
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
