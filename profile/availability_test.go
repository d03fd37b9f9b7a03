package profile

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSlots(t *testing.T) {
	for s := Slot(0); s < NumSlots; s++ {
		got, err := ParseSlot(s.String())
		require.NoError(t, err, s)
		assert.Equal(t, s, got)
	}
	assert.Equal(t, "mon-morning", Slot(0).String())
	assert.Equal(t, "wed-afternoon", Slot(7).String())
	assert.Equal(t, "sun-evening", Slot(20).String())
	assert.Equal(t, "", Slot(NumSlots).String())
}

func TestParseSlot(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Slot
		wantErr bool
	}{
		{name: "lower-case", in: "mon-evening", want: 2},
		{name: "upper-case and spaces", in: " SAT-Morning ", want: 15},
		{name: "full day name", in: "monday-evening", want: 2},
		{name: "no part", in: "mon", wantErr: true},
		{name: "night", in: "mon-night", wantErr: true},
		{name: "empty", in: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSlot(tt.in)
			if tt.wantErr {
				assert.ErrorContains(t, err, "unknown slot")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestAvailabilitySet(t *testing.T) {
	monEve, wedAft, satMor, thuMor := Slot(2), Slot(7), Slot(15), Slot(9)
	a := AvailabilityOf(monEve, wedAft, satMor, monEve, NumSlots+3)
	b := AvailabilityOf(monEve, thuMor)
	assert.Equal(t, 3, a.Count(), "duplicates and out-of-range slots are ignored")
	assert.True(t, a.Has(wedAft))
	assert.False(t, a.Has(thuMor))
	assert.False(t, a.Has(NumSlots))
	assert.Equal(t, []Slot{monEve, wedAft, satMor}, a.Slots())
	assert.Equal(t, AvailabilityOf(monEve), a.Common(b))
	assert.Equal(t, 0, Availability(0).Count())
	assert.Empty(t, Availability(0).Slots())
	assert.Equal(t, 1, (AvailabilityOf(monEve) | 1<<25).Count(), "bits beyond the week are not slots")
}

func TestAvailabilityJSON(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Availability
		out     string
		wantErr string
	}{
		{name: "in week order", in: `["mon-evening", "wed-afternoon", "sat-morning"]`, want: AvailabilityOf(2, 7, 15), out: `["mon-evening", "wed-afternoon", "sat-morning"]`},
		{name: "out of order with a duplicate", in: `["sat-morning", "MON-evening", "sat-morning"]`, want: AvailabilityOf(2, 15), out: `["mon-evening", "sat-morning"]`},
		{name: "empty", in: `[]`, want: 0, out: `[]`},
		{name: "null", in: `null`, want: 0, out: `[]`},
		{name: "unknown slot", in: `["mon-evening", "mon-night"]`, wantErr: "unknown slot (want"},
		{name: "not an array", in: `"mon-evening"`, wantErr: "availability must be an array"},
		{name: "numbers", in: `[1, 2]`, wantErr: "availability must be an array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := AvailabilityOf(20) // overwritten on success
			err := json.Unmarshal([]byte(tt.in), &a)
			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, a)
			b, err := json.Marshal(a)
			require.NoError(t, err)
			assert.JSONEq(t, tt.out, string(b))
		})
	}
}
