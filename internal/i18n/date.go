package i18n

import (
	"strconv"
	"time"

	"golang.org/x/text/language"
)

// months holds the month names of each supported language, in the order of
// supported; French and Dutch write them in lower case.
var months = [len(supported)][12]string{
	{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
}

// ShortDate writes a date day first, as the language writes it in
// Belgium: 23/11/2026 in English, French and Dutch, 23.11.2026 in German.
// A month outside 1..12 is written as a number all the same.
func ShortDate(tag language.Tag, year int, month time.Month, day int) string {
	sep := "/"
	if index(tag) == 3 {
		sep = "."
	}
	return pad2(day) + sep + pad2(int(month)) + sep + strconv.Itoa(year)
}

// LongDate writes a date with the month's name, day first: 23 November
// 2026, 23 novembre 2026, 23 november 2026, 23. November 2026.
func LongDate(tag language.Tag, year int, month time.Month, day int) string {
	i := index(tag)
	name := strconv.Itoa(int(month))
	if month >= time.January && month <= time.December {
		name = months[i][month-1]
	}
	d := strconv.Itoa(day)
	if i == 3 {
		d += "."
	}
	return d + " " + name + " " + strconv.Itoa(year)
}

func pad2(n int) string {
	if 0 <= n && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
