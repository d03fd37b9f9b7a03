package profile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
)

// Switch is an on/off setting whose zero value means the setting's
// documented default. It lets a settings struct tell "not set" from "off",
// so that setting one field never turns another rule off.
//
// The valid values are [On], [Off] and 0 (the default). Other values are
// invalid: the Validate method of a struct holding a Switch reports them,
// and [Switch.Enabled] treats any positive value as On and any negative one
// as Off.
//
// In JSON, On is true, Off is false and the default is null; an absent
// field keeps the value it had (decoding over DefaultPolicy() keeps the
// default rules).
type Switch int8

// On turns a rule on, as a [Switch].
const On Switch = 1

// Off turns a rule off: as a [Switch], and as a numeric limit whose zero
// means its default (MaxAge: profile.Off, MinWeeklyHours: profile.Off,
// scoring's MaxDistanceKm: profile.Off, match's WaitBonus: profile.Off).
// See [Limit]. In JSON a limit is turned off with -1.
//
// Off is an untyped constant on purpose, so that it converts to Switch, int
// and float64.
const Off = -1

// Enabled reports whether the rule is on: true for [On], false for [Off],
// and def for the zero Switch (the setting's documented default). Cost: O(1).
func (s Switch) Enabled(def bool) bool {
	switch {
	case s > 0:
		return true
	case s < 0:
		return false
	}
	return def
}

// String returns "on", "off" or "default", or "Switch(n)" for an invalid
// value.
func (s Switch) String() string {
	switch s {
	case On:
		return "on"
	case Off:
		return "off"
	case 0:
		return "default"
	}
	return "Switch(" + strconv.Itoa(int(s)) + ")"
}

// valid reports whether s is On, Off or the default.
func (s Switch) valid() bool { return s >= Off && s <= On }

// MarshalJSON returns true for [On], false for [Off] and null for the
// default (0). An invalid value is an error.
func (s Switch) MarshalJSON() ([]byte, error) {
	switch s {
	case On:
		return []byte("true"), nil
	case Off:
		return []byte("false"), nil
	case 0:
		return []byte("null"), nil
	}
	return nil, fmt.Errorf("profile: invalid Switch value %d: want On (1), Off (-1) or the default (0)", int(s))
}

// UnmarshalJSON sets s from true ([On]), false ([Off]) or null (0, the
// default; unlike most types, null is not a no-op, because null means "the
// default" here). Any other JSON value is a *json.UnmarshalTypeError naming
// the kind of value (never the value itself); encoding/json adds the path of
// the field, as in "json: cannot unmarshal number into Go struct field
// MenteeRules.mentee.project of type profile.Switch".
func (s *Switch) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch string(b) {
	case "true":
		*s = On
		return nil
	case "false":
		*s = Off
		return nil
	case "null":
		*s = 0
		return nil
	}
	return &json.UnmarshalTypeError{Value: jsonKind(b), Type: reflect.TypeFor[Switch]()}
}

// jsonKind names the kind of a JSON value by its first byte, as
// encoding/json's errors do.
func jsonKind(b []byte) string {
	if len(b) == 0 {
		return "empty value"
	}
	switch b[0] {
	case '"':
		return "string"
	case '[':
		return "array"
	case '{':
		return "object"
	}
	return "number"
}

// Limit resolves a numeric limit whose zero value means its default: it
// returns (def, true) for 0, (0, false) for [Off] (-1: no limit, the rule is
// off), and (v, true) otherwise. Any other negative v is invalid (the
// Validate method of the struct holding it reports it) and Limit treats it
// as Off. A NaN v is returned as it is. Cost: O(1).
//
// It is the one rule for numeric settings in profile, scoring and match:
//
//	if maxAge, ok := profile.Limit(r.MaxAge, 30); ok && age > maxAge { … }
func Limit[T ~int | ~float64](v, def T) (T, bool) {
	switch {
	case v == 0:
		return def, true
	case v < 0:
		return 0, false
	}
	return v, true
}
