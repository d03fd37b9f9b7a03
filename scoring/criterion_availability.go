package scoring

import (
	"fmt"

	"github.com/duomatch/duo/profile"
)

// CriterionAvailability is the criterion of availability: 0.5 for one
// weekly slot in which both are free, 1 for two or more (none blocks the
// pair: rule no_shared_time). Its setting is its weight,
// [Weights].Availability.
const CriterionAvailability = "availability"

var criterionAvailability = criterion{name: CriterionAvailability, explain: func(_ *pool, _, _ int, e eval, _ *profile.Mentor) string {
	switch e.common {
	case 0:
		return "no common weekly slot"
	case 1:
		return "1 common weekly slot (2 or more count fully)"
	}
	return fmt.Sprintf("%d common weekly slots", e.common)
}}

// availabilityValue fills the availability criterion from e.common, set
// by the rule no_shared_time.
func availabilityValue(e *eval) {
	switch e.common {
	case 0:
		e.v[cAvailability] = 0
	case 1:
		e.v[cAvailability] = 0.5
	default:
		e.v[cAvailability] = 1
	}
}
