package sheet

import (
	"strconv"
	"strings"
	"time"

	"github.com/duomatch/duo/profile"
)

// parseDate reads YYYY-MM-DD, or a day first: D/M/YYYY, DD-MM-YYYY,
// DD.MM.YYYY (one or two digits for day and month). It never reads a month
// first.
func parseDate(c string) (profile.Date, cellProblem) {
	const want = "not a date (want YYYY-MM-DD or DD/MM/YYYY)"
	if c == "" {
		return profile.Date{}, cellProblem{}
	}
	var y, m, d int
	if len(c) == 10 && c[4] == '-' && c[7] == '-' {
		var ok bool
		if y, m, d, ok = numbers3(c[:4], c[5:7], c[8:]); !ok {
			return profile.Date{}, cellProblem{code: "not_a_date", detail: want}
		}
	} else {
		i := strings.IndexAny(c, "/-.")
		if i < 0 {
			return profile.Date{}, cellProblem{code: "not_a_date", detail: want}
		}
		sep := c[i]
		parts := strings.Split(c, string(sep))
		if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
			return profile.Date{}, cellProblem{code: "not_a_date", detail: want}
		}
		var ok bool
		if d, m, y, ok = numbers3(parts[0], parts[1], parts[2]); !ok {
			return profile.Date{}, cellProblem{code: "not_a_date", detail: want}
		}
	}
	date, err := profile.NewDate(y, time.Month(m), d)
	if err != nil {
		return profile.Date{}, cellProblem{code: "not_an_existing_day", detail: "not an existing day"}
	}
	return date, cellProblem{}
}

// numbers3 parses three non-empty runs of ASCII digits.
func numbers3(a, b, c string) (int, int, int, bool) {
	var out [3]int
	for k, s := range [3]string{a, b, c} {
		if s == "" {
			return 0, 0, 0, false
		}
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, 0, 0, false
			}
			out[k] = out[k]*10 + int(s[i]-'0')
		}
	}
	return out[0], out[1], out[2], true
}

var dateCodec = codec[profile.Date]{
	parse:   parseDate,
	format:  func(d profile.Date, _ numFormat) (string, unwritable) { return d.String(), unwritable{} },
	numeric: true,
	date:    true,
}

// widenYear returns the date cell c with a two-digit year written in four
// digits, day first as parseDate reads it (12/04/01 is 12/04/2001 read on
// 2026-11-23): the year of the century that puts the date within the 100
// years up to on (not after on, and less than 100 years before it); the
// window is 100 years wide, so exactly one century fits. A birth date,
// a registration or an application is never in the future, and nobody in
// a pool is 100. With a zero on, a two-digit year is the problem
// "two_digit_year". Other cells are returned as they are.
func widenYear(c string, on profile.Date) (string, cellProblem) {
	i := strings.IndexAny(c, "/-.")
	if i < 1 || i > 2 {
		return c, cellProblem{}
	}
	parts := strings.Split(c, c[i:i+1])
	if len(parts) != 3 || len(parts[1]) > 2 || len(parts[2]) != 2 {
		return c, cellProblem{}
	}
	d, m, yy, ok := numbers3(parts[0], parts[1], parts[2])
	if !ok {
		return c, cellProblem{}
	}
	if on.IsZero() {
		return c, cellProblem{code: "two_digit_year", detail: "a two-digit year: write the year in four digits (or read the sheet with Options.On, its day)"}
	}
	y := on.Year()/100*100 + yy
	if date, err := profile.NewDate(y, time.Month(m), d); err == nil && date.After(on) {
		y -= 100
	}
	return parts[0] + c[i:i+1] + parts[1] + c[i:i+1] + strconv.Itoa(y), cellProblem{}
}
