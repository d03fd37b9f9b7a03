package scoring

import (
	"fmt"
	"math"
	"strings"
)

// CodeTooFar is the place rules' code. It blocks a pair farther apart than
// [Rules.MaxDistanceKm] (25 km by default; or, without coordinates for
// both, not in the same municipality); not in the same municipality with
// [Rules.SameCity], or not in the same region with [Rules.SameRegion]; or
// with a home that did not resolve while one of these rules is on. Its
// check is written in pool.score (criteria.go), where it sets eval.km,
// the distance that the distance criterion (criterion_distance.go) reads.
const CodeTooFar = "too_far"

var ruleDistance = hardRule{code: CodeTooFar, message: (*pool).placeMessage}

// earthRadiusKm is the mean radius of the Earth (IUGG), used for
// great-circle distances.
const earthRadiusKm = 6371.0088

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

// placeMessage says why the place rules block the evaluated pair of
// mentee i and mentor j: every rule that does, joined by "; ".
func (p *pool) placeMessage(i, j int, e eval) string {
	s := p.set
	ag, bg := &p.menteeGates[i], &p.mentorGates[j]
	names := p.placePair(i, j)
	var out []string
	switch {
	case e.km >= 0 && e.km > s.maxKm && s.limit:
		out = append(out, fmt.Sprintf("%s, %.1f km apart, more than the maximum of %s km", names, e.km, num(s.maxKm)))
	case e.km < 0 && s.limit && (ag.city == 0 || bg.city == 0):
		out = append(out, names+": "+notFound(ag.city, bg.city)+", so the distance cannot be checked")
	case e.km < 0 && s.limit && ag.city != bg.city:
		out = append(out, names+": different municipalities, and without coordinates for both the distance cannot be checked")
	}
	if s.sameCity && (ag.city != bg.city || ag.city == 0) {
		out = append(out, names+": not the same municipality, which the programme requires")
	}
	if s.sameRegion && !p.sameRegion(ag.city, bg.city) {
		out = append(out, names+": not the same region, which the programme requires")
	}
	if len(out) == 0 { // the distance with a limit rounded away; cannot happen
		return names + ": too far"
	}
	return strings.Join(out, "; ")
}

// notFound says which homes did not resolve to a municipality.
func notFound(a, b uint32) string {
	switch {
	case a == 0 && b == 0:
		return "neither home was found in the gazetteer"
	case a == 0:
		return "the mentee's home was not found in the gazetteer"
	}
	return "the mentor's home was not found in the gazetteer"
}
