package scoring

import (
	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
)

// CriterionDistance is the criterion of distance: falling linearly from 1
// at 0 km to 0 at [Rules.DistanceScaleKm] (the distance limit by
// default); without coordinates for both, 1 in the same municipality and
// 0 in different ones; neutral when a home is unknown. The distance is
// the one the rule too_far measures (rule_distance.go). Its settings are
// its weight, [Weights].Distance, and DistanceScaleKm.
const CriterionDistance = "distance"

var criterionDistance = criterion{name: CriterionDistance, explain: func(p *pool, i, j int, e eval, _ *profile.Mentor) (string, []string) {
	ag, bg := &p.menteeGates[i], &p.mentorGates[j]
	a, b := p.placeArgs(i, j)
	switch {
	case e.km >= 0:
		return "km", []string{a, b, fmtFloat(e.km), fmtFloat(p.set.scaleKm)}
	case ag.city != 0 && bg.city != 0 && ag.city == bg.city:
		return "same_municipality", []string{a, b}
	case ag.city != 0 && bg.city != 0:
		return "different_municipalities", []string{a, b}
	}
	return "none", nil
}, words: []word{
	{Message: i18n.Message{Key: CriterionDistance + ".label", Text: i18n.Text{En: "distance", Fr: "distance", Nl: "afstand", De: "Entfernung"}}},
	{Message: i18n.Message{Key: "distance.km", Text: i18n.Text{
		En: "%s, %.1f km apart (0 at %.4g km)",
		Fr: "%s : %.1f km de distance (0 à partir de %.4g km)",
		Nl: "%s, %.1f km van elkaar (0 vanaf %.4g km)",
		De: "%s, %.1f km voneinander entfernt (0 ab %.4g km)"}},
		render: distanceText},
	{Message: i18n.Message{Key: "distance.same_place", Text: i18n.Text{
		En: "%s (0 at %.4g km)",
		Fr: "%s (0 à partir de %.4g km)",
		Nl: "%s (0 vanaf %.4g km)",
		De: "%s (0 ab %.4g km)"}}},
	{Message: i18n.Message{Key: "distance.same_municipality", Text: i18n.Text{
		En: "%s (same municipality)",
		Fr: "%s (même commune)",
		Nl: "%s (dezelfde gemeente)",
		De: "%s (dieselbe Gemeinde)"}},
		args: pairArg},
	{Message: i18n.Message{Key: "distance.different_municipalities", Text: i18n.Text{
		En: "different municipalities (%s), without coordinates",
		Fr: "communes différentes (%s), sans coordonnées",
		Nl: "verschillende gemeenten (%s), zonder coördinaten",
		De: "verschiedene Gemeinden (%s), ohne Koordinaten"}},
		args: pairArg},
	{Message: i18n.Message{Key: "distance.none", Text: i18n.Text{
		En: "place not given or not found (neutral)",
		Fr: "lieu non indiqué ou introuvable (neutre)",
		Nl: "woonplaats niet opgegeven of niet gevonden (neutraal)",
		De: "Wohnort nicht angegeben oder nicht gefunden (neutral)"}}},
}}

// distanceText writes the Args of the distance "km": the two homes, the
// distance and the scale; a distance of 0 between two homes written alike
// is not repeated.
func distanceText(t tr, a []string) string {
	pair, km, scale := placePair(t, at(a, 0), at(a, 1)), float(at(a, 2)), float(at(a, 3))
	if km == 0 && at(a, 0) == at(a, 1) && at(a, 0) != placeCoordinates && at(a, 0) != placeUnknown {
		return t.sprintf("distance.same_place", pair, scale)
	}
	return t.sprintf("distance.km", pair, km, scale)
}

// pairArg passes the two homes of Args as one named pair.
func pairArg(t tr, a []string) []any {
	return []any{placePair(t, at(a, 0), at(a, 1))}
}

// distanceValue fills the distance criterion and e.km from e.chord2, set
// by the rule too_far ([pool.tooFar]).
func distanceValue(ag, bg *gate, scaleKm float64, e *eval) {
	e.km = -1
	switch {
	case ag.avail&bg.avail&geoBit != 0:
		e.km = km(e.chord2)
		e.v[cDistance] = max(0, 1-e.km/scaleKm)
	case ag.city != 0 && bg.city != 0:
		if ag.city == bg.city {
			e.v[cDistance] = 1
		} else {
			e.v[cDistance] = 0
		}
	default:
		e.v[cDistance] = Neutral
	}
}
