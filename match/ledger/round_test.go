package ledger_test

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// TestNextRoundKeepsTheTemplate checks that every field of match.Round
// that the ledger does not set comes from the template as given: a field
// added to match.Round later is checked too (the test fails until it is
// given a value here), so no setting can be dropped on the way to
// match.Propose.
func TestNextRoundKeepsTheTemplate(t *testing.T) {
	l := readHand(t)
	mentees, mentors := people([]string{"me-1", "me-2"}, []string{"mo-1", "mo-5"})
	template := match.Round{
		On: day("2026-06-30"), Mentees: mentees, Mentors: mentors,
		Policy:    profile.Policy{Mentee: profile.MenteeRules{MaxAge: 40}},
		Scorer:    scoring.Scorer{Weights: scoring.Weights{Interests: 2}},
		MinScore:  0.25,
		Objective: match.BestTotal,
		WaitBonus: profile.Off,
		Strict:    true,
		Problems:  []*profile.Problem{{Path: "mentees[1].hobby", IDs: []string{"me-2"}, Code: "unknown_field", Detail: "unknown field"}},
	}
	fromLedger := map[string]bool{"Mentees": true, "Mentors": true, "Pinned": true, "Excluded": true}
	v := reflect.ValueOf(template)
	for i := range v.NumField() {
		if f := v.Type().Field(i); !fromLedger[f.Name] {
			require.False(t, v.Field(i).IsZero(), "give the template's %s a value that is not its zero", f.Name)
		}
	}

	round, _, err := l.NextRound(template)
	require.NoError(t, err)
	got := reflect.ValueOf(round)
	for i := range v.NumField() {
		if f := v.Type().Field(i); !fromLedger[f.Name] {
			assert.Equal(t, v.Field(i).Interface(), got.Field(i).Interface(), f.Name)
		}
	}
	assert.NotEmpty(t, round.Pinned, "the ledger's live duos")
}

// TestNextRoundRefusesItsOwnPins checks that a template's own pinned and
// excluded pairs are refused, with the missing day, all at once.
func TestNextRoundRefusesItsOwnPins(t *testing.T) {
	_, _, err := readHand(t).NextRound(match.Round{
		Pinned:   []match.Duo{{MenteeID: "me-1", MentorID: "mo-1"}},
		Excluded: []match.Duo{{MenteeID: "me-1", MentorID: "mo-5"}},
	})
	require.Error(t, err)
	assert.ErrorIs(t, err, ledger.ErrRound)
	var fields []string
	for _, p := range profile.Problems(err) {
		fields = append(fields, p.Path)
	}
	assert.Equal(t, []string{"on", "pinned", "excluded"}, fields)
}
