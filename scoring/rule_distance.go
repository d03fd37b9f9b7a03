package scoring

import (
	"math"
	"strings"

	"github.com/duomatch/duo/internal/i18n"
)

// CodeTooFar is the place rules' code. It blocks a pair farther apart than
// [Rules.MaxDistanceKm] (25 km by default; or, without coordinates for
// both, not in the same municipality); not in the same municipality with
// [Rules.SameCity], or not in the same region with [Rules.SameRegion]; or
// with a home that did not resolve while one of these rules is on. Its
// check is settings.tooFar and pool.otherPlace (below); the first leaves
// in eval.chord2 what the distance criterion (criterion_distance.go)
// turns into km.
const CodeTooFar = "too_far"

var ruleDistance = hardRule{code: CodeTooFar, args: (*pool).placeRuleArgs, words: placeRuleWords}

// The place rules' check is two functions, each small enough to be
// inlined in the scoring loop (Go inlines functions of a few dozen
// operations), which applies them in turn: tooFar measures, otherPlace
// compares localities.

// tooFar reports whether both homes of the pair of gates ag and bg have
// coordinates and lie farther apart than the distance limit, and sets
// e.chord2, the squared chord between them on the unit sphere, when both
// have coordinates. It compares squared chords, which grow with the
// great-circle distance, so that the check needs no trigonometry: the
// limit's chord is computed once (settings.maxChord2, +Inf for no limit).
//
// Cost: O(1), a few instructions.
func (s *settings) tooFar(ag, bg *gate, e *eval) bool {
	if ag.avail&bg.avail&geoBit == 0 {
		return false
	}
	dx, dy, dz := ag.geo[0]-bg.geo[0], ag.geo[1]-bg.geo[1], ag.geo[2]-bg.geo[2]
	e.chord2 = dx*dx + dy*dy + dz*dz
	return e.chord2 > s.maxChord2
}

// otherPlace reports whether the localities of the pair of gates ag and bg
// block it: with the distance limit on and no coordinates on a side, the
// distance cannot be measured and only the same municipality passes; with
// SameCity or SameRegion, their zones ([settings.zone]) must be equal.
// A home without a locality passes neither.
//
// Cost: O(1), a few instructions.
func (p *pool) otherPlace(ag, bg *gate) bool {
	s := p.set
	return (s.limit && ag.avail&bg.avail&geoBit == 0 && (ag.city != bg.city || ag.city == 0)) ||
		(s.zoned && (ag.city == 0 || bg.city == 0 || p.places[ag.city-1].zone != p.places[bg.city-1].zone))
}

// zone returns the zone of the locality numbered city (gate.city) in
// region (placeC.region, 0 for none) that SameCity and SameRegion
// compare: the locality itself under SameCity (which implies the same
// region), its region under SameRegion, where a locality without a region
// is a region of its own; 0 when neither rule is on.
func (s *settings) zone(city, region uint32) uint32 {
	switch {
	case s.sameCity:
		return city
	case s.sameRegion && region != 0:
		return region
	case s.sameRegion:
		return 1<<31 | city
	}
	return 0
}

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

// km returns the great-circle distance in km of two points whose squared
// chord on the unit sphere is chord2, by the haversine formula:
// hav(θ) = (chord/2)², θ = 2·asin(chord/2).
func km(chord2 float64) float64 {
	return 2 * earthRadiusKm * asin(math.Sqrt(chord2)/2)
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

// placeRuleArgs returns the Args of too_far for the evaluated pair of mentee
// i and mentor j: the two homes (as placeArgs stores them), the distance
// in km ("" when it could not be measured), the limit, then the code of
// each place rule that blocks the pair, in this order: over_limit, or
// not_found_both, not_found_mentee, not_found_mentor or no_coordinates for
// the distance; not_same_municipality; not_same_region.
func (p *pool) placeRuleArgs(i, j int, e eval) []string {
	s := p.set
	ag, bg := &p.menteeGates[i], &p.mentorGates[j]
	a, b := p.placeArgs(i, j)
	km := ""
	if e.km >= 0 {
		km = fmtFloat(e.km)
	}
	out := []string{a, b, km, fmtFloat(s.maxKm)}
	switch {
	case e.km >= 0 && e.km > s.maxKm && s.limit:
		out = append(out, "over_limit")
	case e.km < 0 && s.limit && ag.city == 0 && bg.city == 0:
		out = append(out, "not_found_both")
	case e.km < 0 && s.limit && ag.city == 0:
		out = append(out, "not_found_mentee")
	case e.km < 0 && s.limit && bg.city == 0:
		out = append(out, "not_found_mentor")
	case e.km < 0 && s.limit && ag.city != bg.city:
		out = append(out, "no_coordinates")
	}
	if s.sameCity && (ag.city != bg.city || ag.city == 0) {
		out = append(out, "not_same_municipality")
	}
	if s.sameRegion && !p.sameRegion(ag.city, bg.city) {
		out = append(out, "not_same_region")
	}
	return out
}

// placeText writes the Args of too_far in lang: every place rule that
// blocks the pair, joined by "; ".
func placeText(t tr, a []string) string {
	pair := placePair(t, at(a, 0), at(a, 1))
	var out []string
	for k := 4; k < len(a); k++ {
		key := CodeTooFar + "." + a[k]
		if a[k] == "over_limit" {
			out = append(out, t.sprintf(key, pair, float(at(a, 2)), float(at(a, 3))))
		} else {
			out = append(out, t.sprintf(key, pair))
		}
	}
	if len(out) == 0 { // the distance with a limit rounded away; cannot happen
		return t.sprintf(CodeTooFar, pair)
	}
	return strings.Join(out, t.sprintf("sep"))
}

// placeRuleWords are the words of too_far: one message per place rule,
// keyed too_far.<code>, and too_far itself for a pair that no longer
// breaks any.
var placeRuleWords = []word{
	{Message: i18n.Message{Key: CodeTooFar + ".label", Text: i18n.Text{En: "too far", Fr: "trop loin", Nl: "te ver", De: "zu weit entfernt"}}},
	{Message: i18n.Message{Key: CodeTooFar, Text: i18n.Text{
		En: "%s: too far", Fr: "%s : trop loin", Nl: "%s: te ver", De: "%s: zu weit entfernt"}},
		render: placeText},
	{Message: i18n.Message{Key: CodeTooFar + ".over_limit", Text: i18n.Text{
		En: "%s, %.1f km apart, more than the maximum of %.4g km",
		Fr: "%s : %.1f km de distance, plus que le maximum de %.4g km",
		Nl: "%s, %.1f km van elkaar, meer dan het maximum van %.4g km",
		De: "%s, %.1f km voneinander entfernt, mehr als das Maximum von %.4g km"}}},
	{Message: i18n.Message{Key: CodeTooFar + ".not_found_both", Text: i18n.Text{
		En: "%s: neither home was found in the gazetteer, so the distance cannot be checked",
		Fr: "%s : aucun des deux domiciles ne figure dans la liste des communes, la distance ne peut donc pas être vérifiée",
		Nl: "%s: geen van beide woonplaatsen staat in de lijst van gemeenten, dus de afstand kan niet worden nagegaan",
		De: "%s: keiner der beiden Wohnorte steht im Ortsverzeichnis, daher kann die Entfernung nicht geprüft werden"}}},
	{Message: i18n.Message{Key: CodeTooFar + ".not_found_mentee", Text: i18n.Text{
		En: "%s: the mentee's home was not found in the gazetteer, so the distance cannot be checked",
		Fr: "%s : le domicile du jeune ne figure pas dans la liste des communes, la distance ne peut donc pas être vérifiée",
		Nl: "%s: de woonplaats van de mentee staat niet in de lijst van gemeenten, dus de afstand kan niet worden nagegaan",
		De: "%s: der Wohnort des Mentees steht nicht im Ortsverzeichnis, daher kann die Entfernung nicht geprüft werden"}}},
	{Message: i18n.Message{Key: CodeTooFar + ".not_found_mentor", Text: i18n.Text{
		En: "%s: the mentor's home was not found in the gazetteer, so the distance cannot be checked",
		Fr: "%s : le domicile du mentor ne figure pas dans la liste des communes, la distance ne peut donc pas être vérifiée",
		Nl: "%s: de woonplaats van de mentor staat niet in de lijst van gemeenten, dus de afstand kan niet worden nagegaan",
		De: "%s: der Wohnort des Mentors steht nicht im Ortsverzeichnis, daher kann die Entfernung nicht geprüft werden"}}},
	{Message: i18n.Message{Key: CodeTooFar + ".no_coordinates", Text: i18n.Text{
		En: "%s: different municipalities, and without coordinates for both the distance cannot be checked",
		Fr: "%s : communes différentes, et sans coordonnées pour les deux la distance ne peut pas être vérifiée",
		Nl: "%s: verschillende gemeenten, en zonder coördinaten voor beiden kan de afstand niet worden nagegaan",
		De: "%s: verschiedene Gemeinden, und ohne Koordinaten für beide kann die Entfernung nicht geprüft werden"}}},
	{Message: i18n.Message{Key: CodeTooFar + ".not_same_municipality", Text: i18n.Text{
		En: "%s: not the same municipality, which the programme requires",
		Fr: "%s : pas dans la même commune, ce que le programme exige",
		Nl: "%s: niet in dezelfde gemeente, wat het programma vereist",
		De: "%s: nicht in derselben Gemeinde, was das Programm verlangt"}}},
	{Message: i18n.Message{Key: CodeTooFar + ".not_same_region", Text: i18n.Text{
		En: "%s: not the same region, which the programme requires",
		Fr: "%s : pas dans la même région, ce que le programme exige",
		Nl: "%s: niet in hetzelfde gewest, wat het programma vereist",
		De: "%s: nicht in derselben Region, was das Programm verlangt"}}},
}
