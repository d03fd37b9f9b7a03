package match

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/duomatch/duo/profile"
)

func TestUnmatchedDescribe(t *testing.T) {
	tests := []struct {
		name string
		u    Unmatched
		want string
	}{
		{"ineligible", Unmatched{Reason: ReasonIneligible, Violations: []profile.Violation{{Code: "too_old", Message: "older than 30"}, {Code: "no_project", Message: "no project"}}},
			"older than 30; no project"},
		{"paused", Unmatched{Reason: ReasonPaused}, "paused for this round"},
		{"paused and ineligible", Unmatched{Reason: ReasonPaused, Violations: []profile.Violation{{Message: "no project"}}},
			"paused for this round; would also not be eligible: no project"},
		{"blocked", Unmatched{Reason: ReasonNoCompatibleMentor, Blocked: map[string]int{"too_far": 3, "no_shared_language": 7, "excluded": 3}},
			"every possible pair is blocked by a hard rule: no shared language (7), excluded pair (3), too far (3)"},
		{"nobody", Unmatched{Reason: ReasonNoCompatibleMentee, Blocked: map[string]int{}}, "nobody available to pair with"},
		{"outcompeted", Unmatched{Reason: ReasonOutcompeted, Best: &Candidate{ID: "mo-2", Score: 0.4812, TakenBy: []string{"me-9"}}},
			"the best partner, mo-2 (score 0.48), went to me-9"},
		{"below minimum", Unmatched{Reason: ReasonBelowMinScore}, "every allowed pair scores below the round's minimum score"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.u.Describe())
		})
	}
}
