package profile

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/msg"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Date
		wantErr string
	}{
		{name: "ordinary", in: "2001-04-12", want: MustDate(2001, time.April, 12)},
		{name: "leap day in a leap year", in: "2024-02-29", want: MustDate(2024, time.February, 29)},
		{name: "leap day in a 400-year leap year", in: "2000-02-29", want: MustDate(2000, time.February, 29)},
		{name: "first day", in: "0001-01-01", want: MustDate(1, time.January, 1)},
		{name: "last day", in: "9999-12-31", want: MustDate(9999, time.December, 31)},
		{name: "leap day in a common year", in: "2023-02-29", wantErr: "day 29 does not exist in 2023-02"},
		{name: "leap day in a century common year", in: "1900-02-29", wantErr: "day 29 does not exist in 1900-02"},
		{name: "31 April", in: "2001-04-31", wantErr: "day 31 does not exist"},
		{name: "day zero", in: "2001-04-00", wantErr: "day 0 does not exist"},
		{name: "month 13", in: "2001-13-01", wantErr: "month 13 out of range"},
		{name: "month zero", in: "2001-00-10", wantErr: "month 0 out of range"},
		{name: "year zero", in: "0000-01-01", wantErr: "year 0 out of range"},
		{name: "one-digit month", in: "2001-4-12", wantErr: "not of the form YYYY-MM-DD"},
		{name: "slashes", in: "2001/04/12", wantErr: "not of the form YYYY-MM-DD"},
		{name: "empty", in: "", wantErr: "not of the form YYYY-MM-DD"},
		{name: "letter", in: "2001-04-1a", wantErr: "not of the form YYYY-MM-DD"},
		{name: "sign", in: "+001-04-12", wantErr: "not of the form YYYY-MM-DD"},
		{name: "leading space", in: " 2001-04-1", wantErr: "not of the form YYYY-MM-DD"},
		{name: "time of day", in: "2001-04-12T00:00:00Z", wantErr: "not of the form YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.True(t, got.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.in, got.String())
		})
	}
}

func TestParseDateClipsLongInput(t *testing.T) {
	_, err := ParseDate(strings.Repeat("é", 1000))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 100)
}

func TestNewDate(t *testing.T) {
	d, err := NewDate(2026, time.November, 23)
	require.NoError(t, err)
	assert.Equal(t, 2026, d.Year())
	assert.Equal(t, time.November, d.Month())
	assert.Equal(t, 23, d.Day())
	assert.False(t, d.IsZero())

	_, err = NewDate(10000, time.January, 1)
	assert.ErrorContains(t, err, "year 10000 out of range")
	assert.Panics(t, func() { MustDate(2023, time.February, 29) })
}

func TestDateZero(t *testing.T) {
	var z Date
	assert.True(t, z.IsZero())
	assert.Equal(t, "", z.String())
	assert.True(t, z.Before(MustDate(1, time.January, 1)), "the zero Date is before every date")
}

func TestDateCompare(t *testing.T) {
	a := MustDate(2020, time.January, 31)
	tests := []struct {
		name string
		b    Date
		want int
	}{
		{name: "same day", b: MustDate(2020, time.January, 31), want: 0},
		{name: "next day", b: MustDate(2020, time.February, 1), want: -1},
		{name: "previous day", b: MustDate(2020, time.January, 30), want: 1},
		{name: "next year, earlier month", b: MustDate(2021, time.January, 1), want: -1},
		{name: "previous year, later month", b: MustDate(2019, time.December, 31), want: 1},
		{name: "zero", b: Date{}, want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, a.Compare(tt.b))
			assert.Equal(t, -tt.want, tt.b.Compare(a))
			assert.Equal(t, tt.want < 0, a.Before(tt.b))
			assert.Equal(t, tt.want > 0, a.After(tt.b))
		})
	}
}

// toTime is the oracle for day arithmetic: the standard library's calendar.
func toTime(d Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

func fromTime(t time.Time) Date { return MustDate(t.Year(), t.Month(), t.Day()) }

func TestDateArithmeticAgainstTime(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	lo, hi := toTime(MustDate(1, time.January, 1)), toTime(MustDate(9999, time.December, 31))
	span := int(hi.Sub(lo).Hours() / 24)
	for range 10000 {
		a := fromTime(lo.AddDate(0, 0, r.IntN(span+1)))
		b := fromTime(lo.AddDate(0, 0, r.IntN(span+1)))
		want := int(toTime(a).Sub(toTime(b)).Hours() / 24)
		require.Equal(t, want, a.DaysSince(b), "%s - %s", a, b)
		require.Equal(t, a, b.AddDays(want), "%s + %d", b, want)
		n := r.IntN(2000) - 1000
		if s := toTime(a).AddDate(0, 0, n); !s.Before(lo) && !s.After(hi) {
			require.Equal(t, fromTime(s), a.AddDays(n), "%s + %d", a, n)
		}
	}
}

func TestAddDays(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		n    int
		want Date
	}{
		{name: "into a leap day", d: MustDate(2024, time.February, 28), n: 1, want: MustDate(2024, time.February, 29)},
		{name: "over a common February", d: MustDate(2023, time.February, 28), n: 1, want: MustDate(2023, time.March, 1)},
		{name: "over a year end", d: MustDate(2020, time.December, 31), n: 1, want: MustDate(2021, time.January, 1)},
		{name: "backwards over Brexit", d: MustDate(2020, time.February, 1), n: -1, want: MustDate(2020, time.January, 31)},
		{name: "clamped at the start", d: MustDate(1, time.January, 5), n: -100, want: MustDate(1, time.January, 1)},
		{name: "clamped at the end", d: MustDate(9999, time.December, 1), n: 100, want: MustDate(9999, time.December, 31)},
		{name: "zero stays zero", d: Date{}, n: 10, want: Date{}},
		{name: "huge n does not overflow", d: MustDate(2000, time.January, 1), n: math.MaxInt, want: MustDate(9999, time.December, 31)},
		{name: "huge negative n does not overflow", d: MustDate(2000, time.January, 1), n: math.MinInt, want: MustDate(1, time.January, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.d.AddDays(tt.n))
		})
	}
}

func TestDaysSince(t *testing.T) {
	applied := MustDate(2026, time.October, 30)
	assert.Equal(t, 24, MustDate(2026, time.November, 23).DaysSince(applied))
	assert.Equal(t, -24, applied.DaysSince(MustDate(2026, time.November, 23)))
	assert.Equal(t, 366, MustDate(2025, time.January, 1).DaysSince(MustDate(2024, time.January, 1)))
	assert.Equal(t, 0, applied.DaysSince(Date{}), "zero argument")
	assert.Equal(t, 0, Date{}.DaysSince(applied), "zero receiver")
}

func TestDateJSON(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Date
		wantErr string
	}{
		{name: "date", in: `"2001-04-12"`, want: MustDate(2001, time.April, 12)},
		{name: "empty string", in: `""`},
		{name: "null", in: `null`},
		{name: "number", in: `20010412`, wantErr: "a date must be a string"},
		{name: "day that does not exist", in: `"2001-02-30"`, wantErr: "day 30 does not exist"},
		{name: "other form", in: `"12/04/2001"`, wantErr: "not of the form YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := MustDate(1999, time.December, 31) // overwritten on success
			err := json.Unmarshal([]byte(tt.in), &d)
			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, d)
		})
	}

	b, err := json.Marshal(struct {
		A Date `json:"a"`
		B Date `json:"b"`
	}{A: MustDate(2026, time.November, 23)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"a": "2026-11-23", "b": ""}`, string(b))
}

func TestAge(t *testing.T) {
	tests := []struct {
		name      string
		birth, on Date
		want      int
	}{
		{name: "day before the 18th birthday", birth: MustDate(2008, time.November, 24), on: MustDate(2026, time.November, 23), want: 17},
		{name: "18th birthday", birth: MustDate(2008, time.November, 23), on: MustDate(2026, time.November, 23), want: 18},
		{name: "day before the 31st birthday", birth: MustDate(1995, time.November, 24), on: MustDate(2026, time.November, 23), want: 30},
		{name: "31st birthday", birth: MustDate(1995, time.November, 23), on: MustDate(2026, time.November, 23), want: 31},
		{name: "earlier month", birth: MustDate(2001, time.April, 12), on: MustDate(2026, time.November, 23), want: 25},
		{name: "later month", birth: MustDate(2001, time.December, 1), on: MustDate(2026, time.November, 23), want: 24},
		{name: "29 February birth, 28 February of a common year", birth: MustDate(2008, time.February, 29), on: MustDate(2026, time.February, 28), want: 17},
		{name: "29 February birth, 1 March of a common year", birth: MustDate(2008, time.February, 29), on: MustDate(2026, time.March, 1), want: 18},
		{name: "29 February birth, 28 February of a leap year", birth: MustDate(2008, time.February, 29), on: MustDate(2028, time.February, 28), want: 19},
		{name: "29 February birth, 29 February of a leap year", birth: MustDate(2008, time.February, 29), on: MustDate(2028, time.February, 29), want: 20},
		{name: "day of birth", birth: MustDate(2026, time.November, 23), on: MustDate(2026, time.November, 23), want: 0},
		{name: "before birth is negative", birth: MustDate(2026, time.November, 24), on: MustDate(2026, time.November, 23), want: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Age(tt.birth, tt.on))
		})
	}
}

func TestClip(t *testing.T) {
	assert.Equal(t, "short", msg.Clip("short"))
	long := strings.Repeat("a", 31) + "éé"
	got := msg.Clip(long)
	assert.Equal(t, strings.Repeat("a", 31)+"…", got, "a rune is never cut in half")
	assert.Equal(t, strings.Repeat("b", 32), msg.Clip(strings.Repeat("b", 32)))
}
