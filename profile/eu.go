package profile

import "slices"

// euMembership is one period during which a country was a member state of
// the European Union (or of the European Economic Community before it).
type euMembership struct {
	country Country
	from    Date // first day of membership
	until   Date // first day no longer a member; zero while still a member
}

// euMembers is the dated list of every state that was ever a member, the
// data behind [IsEU]. It is a table, not a rule, because the Union changes:
// the United Kingdom left at the end of 31 January 2020. Greenland, which
// has its own ISO code, was part of the Community through Denmark from 1973
// until it left on 1 February 1985.
var euMembers = []euMembership{
	{"BE", d(1958, 1, 1), Date{}},
	{"DE", d(1958, 1, 1), Date{}},
	{"FR", d(1958, 1, 1), Date{}},
	{"IT", d(1958, 1, 1), Date{}},
	{"LU", d(1958, 1, 1), Date{}},
	{"NL", d(1958, 1, 1), Date{}},
	{"DK", d(1973, 1, 1), Date{}},
	{"IE", d(1973, 1, 1), Date{}},
	{"GB", d(1973, 1, 1), d(2020, 2, 1)},
	{"GL", d(1973, 1, 1), d(1985, 2, 1)},
	{"GR", d(1981, 1, 1), Date{}},
	{"ES", d(1986, 1, 1), Date{}},
	{"PT", d(1986, 1, 1), Date{}},
	{"AT", d(1995, 1, 1), Date{}},
	{"FI", d(1995, 1, 1), Date{}},
	{"SE", d(1995, 1, 1), Date{}},
	{"CY", d(2004, 5, 1), Date{}},
	{"CZ", d(2004, 5, 1), Date{}},
	{"EE", d(2004, 5, 1), Date{}},
	{"HU", d(2004, 5, 1), Date{}},
	{"LT", d(2004, 5, 1), Date{}},
	{"LV", d(2004, 5, 1), Date{}},
	{"MT", d(2004, 5, 1), Date{}},
	{"PL", d(2004, 5, 1), Date{}},
	{"SI", d(2004, 5, 1), Date{}},
	{"SK", d(2004, 5, 1), Date{}},
	{"BG", d(2007, 1, 1), Date{}},
	{"RO", d(2007, 1, 1), Date{}},
	{"HR", d(2013, 7, 1), Date{}},
}

func d(y, m, day int) Date {
	return Date{year: int32(y), month: uint8(m), day: uint8(day)}
}

// IsEU reports whether c was a member state of the European Union (the
// European Economic Community before 1993) on the day on. Lower-case codes
// are accepted. It is false for an unknown code and for a zero date.
//
// Cost: O(number of states that were ever members), 29 today.
func IsEU(c Country, on Date) bool {
	if on.IsZero() {
		return false
	}
	c = normCountry(string(c))
	for _, m := range euMembers {
		if m.country == c && !on.Before(m.from) && (m.until.IsZero() || on.Before(m.until)) {
			return true
		}
	}
	return false
}

// EUMembers returns the countries that were member states on the day on,
// in alphabetical order, in a new slice.
func EUMembers(on Date) []Country {
	var out []Country
	for _, m := range euMembers {
		if IsEU(m.country, on) {
			out = append(out, m.country)
		}
	}
	slices.Sort(out)
	return out
}
