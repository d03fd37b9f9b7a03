package profile

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Date is a civil date: a year, a month and a day, with no time of day and
// no time zone. Birth dates, application dates and the day of a matching
// round are Dates, so that a person's age never depends on the zone of the
// machine that computes it.
//
// The zero Date is "unset"; [Date.IsZero] reports it. Dates compare with
// ==, [Date.Before], [Date.After] and [Date.Compare]. In JSON a Date is the
// string "YYYY-MM-DD"; the zero Date is written as "" and "" or null read
// back as the zero Date.
type Date struct {
	year  int32
	month uint8
	day   uint8
}

// NewDate returns the date year-month-day. It returns an error naming the
// offending part when the month is outside 1..12, the day does not exist in
// that month (30 February, 29 February in a common year) or the year is
// outside 1..9999.
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < 1 || year > 9999 {
		return Date{}, fmt.Errorf("year %d out of range 1..9999", year)
	}
	if month < time.January || month > time.December {
		return Date{}, fmt.Errorf("month %d out of range 1..12", int(month))
	}
	if day < 1 || day > daysIn(year, month) {
		return Date{}, fmt.Errorf("day %d does not exist in %04d-%02d", day, year, int(month))
	}
	return Date{year: int32(year), month: uint8(month), day: uint8(day)}, nil
}

// MustDate is like [NewDate] but panics on an invalid date. It is meant for
// constants in tests and examples, never for data.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic("profile.MustDate: " + err.Error())
	}
	return d
}

// ParseDate parses a date in the form "YYYY-MM-DD" (exactly ten
// characters). It returns an error for any other form or for a date that does
// not exist.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, errors.New("date is not of the form YYYY-MM-DD")
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, errors.New("date is not of the form YYYY-MM-DD")
	}
	return NewDate(y, time.Month(m), d)
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// Year returns the year of d.
func (d Date) Year() int { return int(d.year) }

// Month returns the month of d.
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns the day of the month of d.
func (d Date) Day() int { return int(d.day) }

// IsZero reports whether d is the zero (unset) Date.
func (d Date) IsZero() bool { return d == Date{} }

// Compare returns -1 if d is before e, 0 if they are the same day and +1 if
// d is after e. The zero Date is before every other date.
func (d Date) Compare(e Date) int {
	switch {
	case d.year != e.year:
		return cmpInt(int(d.year), int(e.year))
	case d.month != e.month:
		return cmpInt(int(d.month), int(e.month))
	default:
		return cmpInt(int(d.day), int(e.day))
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// DaysSince returns the number of days from e to d: positive when d is
// after e. Both dates must be set; for a zero argument it returns 0.
func (d Date) DaysSince(e Date) int {
	if d.IsZero() || e.IsZero() {
		return 0
	}
	return d.ordinal() - e.ordinal()
}

// AddDays returns the date n days after d (before it for negative n). The
// zero Date stays zero; a result outside the years 1..9999 is clamped to the
// nearest end of that range.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	const lo, hi = 0, 3652058 // ordinals of 0001-01-01 and 9999-12-31
	n = max(-hi, min(n, hi))  // so that the sum cannot overflow
	o := d.ordinal() + n
	if o < lo {
		o = lo
	}
	if o > hi {
		o = hi
	}
	return fromOrdinal(o)
}

// ordinal is the number of days since 0001-01-01 in the proleptic Gregorian
// calendar (the civil-from-days algorithm, shifted so that March starts the
// year and leap days fall last).
func (d Date) ordinal() int {
	y, m, day := int(d.year), int(d.month), int(d.day)
	if m <= 2 {
		y--
	}
	era := y / 400 // y >= 0 here, so no floor correction is needed
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 306
}

func fromOrdinal(o int) Date {
	z := o + 306
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{year: int32(y), month: uint8(m), day: uint8(day)}
}

// String returns d as "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
}

// MarshalJSON writes d as a JSON string "YYYY-MM-DD" ("" for the zero Date).
func (d Date) MarshalJSON() ([]byte, error) {
	return json.Marshal(d.String())
}

// UnmarshalJSON reads a JSON string "YYYY-MM-DD". The empty string and null
// give the zero Date. Any other form, or a day that does not exist, is an
// error.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a date must be a string \"YYYY-MM-DD\"")
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Age returns the age in completed years, on the day on, of a person born
// on birth. A person born on 29 February becomes one year older on 1 March
// in common years. The result is negative when on is before birth; callers
// that need a meaningful age check first that birth is set and not after on.
//
// Cost: O(1).
func Age(birth, on Date) int {
	years := int(on.year) - int(birth.year)
	if on.month < birth.month || (on.month == birth.month && on.day < birth.day) {
		years--
	}
	return years
}
