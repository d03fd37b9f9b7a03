package ledger_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

func TestValidReferral(t *testing.T) {
	for _, tc := range []struct {
		code string
		ok   bool
	}{
		{"pes", true},
		{"cpas", true},
		{"school_2", true},
		{"a", true},
		{strings.Repeat("a", 32), true},
		{strings.Repeat("a", 33), false},
		{"", false},
		{"PES", false},        // codes are lower case, never compared case-insensitively
		{"2school", false},    // starts with a letter
		{"cpas liège", false}, // free text
		{"cpas-liege", false},
		{"_pes", false},
	} {
		t.Run(tc.code, func(t *testing.T) {
			assert.Equal(t, tc.ok, ledger.ValidReferral(tc.code))
		})
	}
}

func TestReferralOnApplied(t *testing.T) {
	on := profile.MustDate(2026, 1, 5)
	applied := ledger.Event{On: on, Kind: ledger.Applied, Side: ledger.MenteeSide, ID: "me-1", Referral: "cpas"}
	b, err := applied.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1","referral":"cpas"}`, string(b))
	var back ledger.Event
	require.NoError(t, back.UnmarshalJSON(b))
	assert.Equal(t, applied, back)

	for _, tc := range []struct {
		name, line, code, path string
	}{
		{"free text", `{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1","referral":"CPAS de Liège"}`, "not_a_referral_code", "referral"},
		{"not on withdrawn", `{"on":"2026-01-05","event":"withdrawn","id":"me-1","reason":"moved","referral":"cpas"}`, "not_a_field_of_kind", "referral"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var e ledger.Event
			err := e.UnmarshalJSON([]byte(tc.line))
			require.Error(t, err)
			ps := profile.Problems(err)
			require.Len(t, ps, 1)
			assert.Equal(t, tc.code, ps[0].Code)
			assert.Equal(t, tc.path, ps[0].Path)
			assert.NotContains(t, err.Error(), "Liège", "a value is never quoted")
		})
	}

	l := ledger.New(ledger.Options{Referrals: []string{"pes", "cpas"}})
	require.NoError(t, l.Add(applied))
	err = l.Add(ledger.Event{On: on, Kind: ledger.Applied, Side: ledger.MenteeSide, ID: "me-2", Referral: "school"})
	require.Error(t, err)
	ps := profile.Problems(err)
	require.Len(t, ps, 1)
	assert.Equal(t, "unknown_referral", ps[0].Code)
	assert.Equal(t, []string{"me-2"}, ps[0].IDs)
	require.NoError(t, l.Add(ledger.Event{On: on, Kind: ledger.Applied, Side: ledger.MenteeSide, ID: "me-2"}), "referral is optional")

	// The latest application's referral, as recorded by a day.
	require.NoError(t, l.Add(ledger.Event{On: on.AddDays(3), Kind: ledger.Withdrawn, ID: "me-1", Reason: ledger.Moved}))
	require.NoError(t, l.Add(ledger.Event{On: on.AddDays(40), Kind: ledger.Applied, Side: ledger.MenteeSide, ID: "me-1", Referral: "pes"}))
	assert.Equal(t, "cpas", l.Referrals(on.AddDays(39))("me-1"))
	assert.Equal(t, "pes", l.Referrals(on.AddDays(40))("me-1"))
	assert.Equal(t, "", l.Referrals(on.AddDays(40))("me-2"))
	assert.Equal(t, "", l.Referrals(on.AddDays(40))("nobody"))
}

func TestOptionsReferrals(t *testing.T) {
	require.NoError(t, ledger.Options{Referrals: []string{"pes", "cpas"}}.Validate())
	err := ledger.Options{Referrals: []string{"pes", "CPAS Liège"}}.Validate()
	require.Error(t, err)
	ps := profile.Problems(err)
	require.Len(t, ps, 1)
	assert.Equal(t, "options.referrals[1]", ps[0].Path)
	assert.Equal(t, "not_a_referral_code", ps[0].Code)
	assert.ErrorIs(t, err, ledger.ErrOptions)
	assert.NotContains(t, err.Error(), "Liège")
}
