package profile

import "slices"

// euMembership is one period during which a country or territory with its
// own ISO 3166-1 code was part of the European Union (or of the European
// Economic Community before it). state is false for territories that are
// part of a member state rather than members themselves.
type euMembership struct {
	country Country
	from    Date // first day in the Union
	until   Date // first day no longer in it; zero while still in it
	state   bool
}

// euMembers is the dated list of every state that was ever a member, and of
// the territories with their own ISO code that are or were part of the Union
// through a member state: the data behind [IsEU] and [EUMembers]. It is a
// table, not a rule, because the Union changes: the United Kingdom left at
// the end of 31 January 2020.
//
// The territories: France's outermost regions (Guadeloupe, Martinique,
// French Guiana and Réunion since 1958; Saint-Martin, part of Guadeloupe
// until 2007; Mayotte since it became an outermost region on 1 January
// 2014); Saint-Barthélemy, part of Guadeloupe until it became an overseas
// country on 1 January 2012; the Åland Islands with Finland; Gibraltar with
// the United Kingdom; Greenland with Denmark until it left on 1 February
// 1985. Someone born in Réunion was born in the Union. The overseas
// countries and territories (New Caledonia, French Polynesia, Aruba, …) were
// never part of it.
var euMembers = []euMembership{
	{"BE", d(1958, 1, 1), Date{}, true},
	{"DE", d(1958, 1, 1), Date{}, true},
	{"FR", d(1958, 1, 1), Date{}, true},
	{"IT", d(1958, 1, 1), Date{}, true},
	{"LU", d(1958, 1, 1), Date{}, true},
	{"NL", d(1958, 1, 1), Date{}, true},
	{"DK", d(1973, 1, 1), Date{}, true},
	{"IE", d(1973, 1, 1), Date{}, true},
	{"GB", d(1973, 1, 1), d(2020, 2, 1), true},
	{"GR", d(1981, 1, 1), Date{}, true},
	{"ES", d(1986, 1, 1), Date{}, true},
	{"PT", d(1986, 1, 1), Date{}, true},
	{"AT", d(1995, 1, 1), Date{}, true},
	{"FI", d(1995, 1, 1), Date{}, true},
	{"SE", d(1995, 1, 1), Date{}, true},
	{"CY", d(2004, 5, 1), Date{}, true},
	{"CZ", d(2004, 5, 1), Date{}, true},
	{"EE", d(2004, 5, 1), Date{}, true},
	{"HU", d(2004, 5, 1), Date{}, true},
	{"LT", d(2004, 5, 1), Date{}, true},
	{"LV", d(2004, 5, 1), Date{}, true},
	{"MT", d(2004, 5, 1), Date{}, true},
	{"PL", d(2004, 5, 1), Date{}, true},
	{"SI", d(2004, 5, 1), Date{}, true},
	{"SK", d(2004, 5, 1), Date{}, true},
	{"BG", d(2007, 1, 1), Date{}, true},
	{"RO", d(2007, 1, 1), Date{}, true},
	{"HR", d(2013, 7, 1), Date{}, true},

	{"GP", d(1958, 1, 1), Date{}, false},
	{"MQ", d(1958, 1, 1), Date{}, false},
	{"GF", d(1958, 1, 1), Date{}, false},
	{"RE", d(1958, 1, 1), Date{}, false},
	{"MF", d(1958, 1, 1), Date{}, false},
	{"BL", d(1958, 1, 1), d(2012, 1, 1), false},
	{"YT", d(2014, 1, 1), Date{}, false},
	{"AX", d(1995, 1, 1), Date{}, false},
	{"GI", d(1973, 1, 1), d(2020, 2, 1), false},
	{"GL", d(1973, 1, 1), d(1985, 2, 1), false},
}

func d(y, m, day int) Date {
	return Date{year: int32(y), month: uint8(m), day: uint8(day)}
}

// IsEU reports whether c was in the European Union (the European Economic
// Community before 1993) on the day on: a member state, or a territory with
// its own ISO code that is part of one (see the table's notes: Réunion is in
// the Union, New Caledonia is not). Lower-case codes
// are accepted. It is false for an unknown code and for a zero date.
//
// Cost: O(size of the table), under 40 rows.
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

// EUMembers returns the member states of the Union on the day on (not the
// territories that are part of them), in alphabetical order, in a new slice.
func EUMembers(on Date) []Country {
	var out []Country
	for _, m := range euMembers {
		if m.state && IsEU(m.country, on) {
			out = append(out, m.country)
		}
	}
	slices.Sort(out)
	return out
}
