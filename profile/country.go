package profile

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Country is an ISO 3166-1 alpha-2 country code such as "BE" or "MA".
//
// In JSON it is a string; lower-case input is accepted and stored
// upper-case, so that "ma" and "MA" are the same country. Decoding does not
// reject unknown codes: [Mentee.Validate] and [Mentor.Validate] report them
// with the participant ID and the field, together with every other problem.
// [Country.Known] tells whether a code is assigned.
type Country string

// ParseCountry returns the country with code s (any case, surrounding
// spaces ignored). It returns an error for a code that is not an assigned
// ISO 3166-1 alpha-2 code (or XK, see [Country.Known]).
func ParseCountry(s string) (Country, error) {
	c := normCountry(s)
	if !c.Known() {
		return "", errors.New("unknown country code (want ISO 3166-1 alpha-2, such as BE)")
	}
	return c, nil
}

func normCountry(s string) Country {
	return Country(strings.ToUpper(strings.TrimSpace(s)))
}

// Known reports whether c is one of the 249 officially assigned ISO 3166-1
// alpha-2 codes, or XK. XK (Kosovo) is a user-assigned code, not part of the
// standard, that the European Commission and most registries use; it is
// accepted because many job seekers in the model programme were born there.
func (c Country) Known() bool {
	s := string(c)
	if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		return false
	}
	return strings.Contains(isoCountries[s[0]-'A'], s[1:])
}

// UnmarshalJSON reads a JSON string and stores it upper-case. null gives
// the empty Country.
func (c *Country) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*c = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a country must be a string such as \"BE\"")
	}
	*c = normCountry(s)
	return nil
}

// isoCountries lists the second letters of the assigned codes, indexed by
// the first letter (ISO 3166-1 alpha-2, officially assigned elements, 249
// codes), plus the user-assigned XK.
var isoCountries = [26]string{
	//lint:ignore SA4000 'A' - 'A' is index 0, written like the others for reading.
	'A' - 'A': "DEFGILMOQRSTUWXZ",
	'B' - 'A': "ABDEFGHIJLMNOQRSTVWYZ",
	'C' - 'A': "ACDFGHIKLMNORUVWXYZ",
	'D' - 'A': "EJKMOZ",
	'E' - 'A': "CEGHRST",
	'F' - 'A': "IJKMOR",
	'G' - 'A': "ABDEFGHILMNPQRSTUWY",
	'H' - 'A': "KMNRTU",
	'I' - 'A': "DELMNOQRST",
	'J' - 'A': "EMOP",
	'K' - 'A': "EGHIMNPRWYZ",
	'L' - 'A': "ABCIKRSTUVY",
	'M' - 'A': "ACDEFGHKLMNOPQRSTUVWXYZ",
	'N' - 'A': "ACEFGILOPRUZ",
	'O' - 'A': "M",
	'P' - 'A': "AEFGHKLMNRSTWY",
	'Q' - 'A': "A",
	'R' - 'A': "EOSUW",
	'S' - 'A': "ABCDEGHIJKLMNORSTVXYZ",
	'T' - 'A': "CDFGHJKLMNORTVWZ",
	'U' - 'A': "AGMSYZ",
	'V' - 'A': "ACEGINU",
	'W' - 'A': "FS",
	'X' - 'A': "K",
	'Y' - 'A': "ET",
	'Z' - 'A': "AMW",
}
