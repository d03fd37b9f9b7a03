package profile

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestIsEU(t *testing.T) {
	tests := []struct {
		name string
		c    Country
		on   Date
		want bool
	}{
		{name: "BE before the founding", c: "BE", on: MustDate(1957, time.December, 31), want: false},
		{name: "BE on the founding", c: "BE", on: MustDate(1958, time.January, 1), want: true},
		{name: "BE today", c: "BE", on: MustDate(2026, time.November, 23), want: true},
		{name: "GB the day before joining", c: "GB", on: MustDate(1972, time.December, 31), want: false},
		{name: "GB on joining", c: "GB", on: MustDate(1973, time.January, 1), want: true},
		{name: "GB on its last day", c: "GB", on: MustDate(2020, time.January, 31), want: true},
		{name: "GB the day after Brexit", c: "GB", on: MustDate(2020, time.February, 1), want: false},
		{name: "gb in lower case", c: "gb", on: MustDate(2000, time.January, 1), want: true},
		{name: "HR the day before joining", c: "HR", on: MustDate(2013, time.June, 30), want: false},
		{name: "HR on joining", c: "HR", on: MustDate(2013, time.July, 1), want: true},
		{name: "GL on its last day", c: "GL", on: MustDate(1985, time.January, 31), want: true},
		{name: "GL after leaving", c: "GL", on: MustDate(1985, time.February, 1), want: false},
		{name: "PL the day before 2004", c: "PL", on: MustDate(2004, time.April, 30), want: false},
		{name: "PL on joining", c: "PL", on: MustDate(2004, time.May, 1), want: true},
		{name: "Réunion, an outermost region of France", c: "RE", on: MustDate(2026, time.November, 23), want: true},
		{name: "Mayotte the day before it became an outermost region", c: "YT", on: MustDate(2013, time.December, 31), want: false},
		{name: "Mayotte as an outermost region", c: "YT", on: MustDate(2014, time.January, 1), want: true},
		{name: "Saint-Barthélemy on its last day in the Union", c: "BL", on: MustDate(2011, time.December, 31), want: true},
		{name: "Saint-Barthélemy as an overseas country", c: "BL", on: MustDate(2012, time.January, 1), want: false},
		{name: "Åland with Finland", c: "AX", on: MustDate(1995, time.January, 1), want: true},
		{name: "Gibraltar after Brexit", c: "GI", on: MustDate(2020, time.February, 1), want: false},
		{name: "New Caledonia, never in the Union", c: "NC", on: MustDate(2026, time.November, 23), want: false},
		{name: "never a member", c: "MA", on: MustDate(2026, time.November, 23), want: false},
		{name: "Switzerland", c: "CH", on: MustDate(2026, time.November, 23), want: false},
		{name: "unknown code", c: "UK", on: MustDate(2000, time.January, 1), want: false},
		{name: "zero date", c: "BE", on: Date{}, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, IsEU(tt.c, tt.on))
		})
	}
}

// TestIsEUEveryBoundary checks both sides of every date in the table.
func TestIsEUEveryBoundary(t *testing.T) {
	for _, m := range euMembers {
		t.Run(string(m.country), func(t *testing.T) {
			assert.False(t, IsEU(m.country, m.from.AddDays(-1)), "day before %s", m.from)
			assert.True(t, IsEU(m.country, m.from), "on %s", m.from)
			if !m.until.IsZero() {
				assert.True(t, IsEU(m.country, m.until.AddDays(-1)), "last day before %s", m.until)
				assert.False(t, IsEU(m.country, m.until), "on %s", m.until)
			}
			assert.True(t, m.country.Known())
		})
	}
}

func TestEUMembers(t *testing.T) {
	tests := []struct {
		name string
		on   Date
		want int
	}{
		{name: "before the founding", on: MustDate(1957, time.December, 31), want: 0},
		{name: "the six founders", on: MustDate(1958, time.January, 1), want: 6},
		{name: "1973: Greenland was in through Denmark, not a member state", on: MustDate(1973, time.January, 1), want: 9},
		{name: "1985", on: MustDate(1985, time.February, 1), want: 10},
		{name: "the day before Croatia", on: MustDate(2013, time.June, 30), want: 27},
		{name: "with Croatia", on: MustDate(2013, time.July, 1), want: 28},
		{name: "the last day with the UK", on: MustDate(2020, time.January, 31), want: 28},
		{name: "after Brexit", on: MustDate(2020, time.February, 1), want: 27},
		{name: "today", on: MustDate(2026, time.November, 23), want: 27},
		{name: "zero date", on: Date{}, want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := EUMembers(tt.on)
			assert.Len(t, got, tt.want)
			assert.True(t, slices.IsSorted(got))
		})
	}
	assert.NotContains(t, EUMembers(MustDate(2020, time.February, 1)), Country("GB"))
	assert.Contains(t, EUMembers(MustDate(2020, time.January, 31)), Country("GB"))
}
