package scoring

import (
	"fmt"
	"strings"

	"github.com/duomatch/duo/profile"
)

// CriterionDistance is the criterion of distance: falling linearly from 1
// at 0 km to 0 at [Rules.DistanceScaleKm] (the distance limit by
// default); without coordinates for both, 1 in the same municipality and
// 0 in different ones; neutral when a home is unknown. The distance is
// the one the rule too_far measures (rule_distance.go). Its settings are
// its weight, [Weights].Distance, and DistanceScaleKm.
const CriterionDistance = "distance"

var criterionDistance = criterion{name: CriterionDistance, explain: func(p *pool, i, j int, e eval, _ *profile.Mentor) string {
	ag, bg := &p.menteeGates[i], &p.mentorGates[j]
	names := p.placePair(i, j)
	switch {
	case e.km >= 0:
		if e.km == 0 && strings.HasPrefix(names, "both in ") {
			return names + " (0 at " + num(p.set.scaleKm) + " km)"
		}
		return fmt.Sprintf("%s, %.1f km apart (0 at %s km)", names, e.km, num(p.set.scaleKm))
	case ag.city != 0 && bg.city != 0 && ag.city == bg.city:
		return names + " (same municipality)"
	case ag.city != 0 && bg.city != 0:
		return "different municipalities (" + names + "), without coordinates"
	}
	return "place not given or not found (neutral)"
}}

// distanceValue fills the distance criterion from e.km, set by the rule
// too_far.
func distanceValue(ag, bg *gate, scaleKm float64, e *eval) {
	switch {
	case e.km >= 0:
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
