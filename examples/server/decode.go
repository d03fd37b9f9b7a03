package main

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"

	"github.com/duomatch/duo/profile"
)

// decode reads the body into dst, which holds the defaults: fields the
// document does not name keep them. It refuses unknown fields and anything
// after the JSON value. fresh returns a new zero value of dst's type; it is
// used to find where an error is.
func (s *server) decode(w http.ResponseWriter, r *http.Request, dst any, fresh func() any) *apiError {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return &apiError{status: http.StatusRequestEntityTooLarge, Code: "body_too_large",
				Message: fmt.Sprintf("the request body is larger than this server's limit of %d bytes", s.cfg.maxBody)}
		}
		return &apiError{status: http.StatusBadRequest, Code: "bad_json", Message: "the request body could not be read"}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err, body, fresh)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &apiError{status: http.StatusBadRequest, Code: "bad_json",
			Message: fmt.Sprintf("unexpected data after the JSON value at byte offset %d", dec.InputOffset())}
	}
	return nil
}

// decodeError describes a decoding error without echoing the value at
// fault (it may be a birth date): the kind of problem, the JSON path of
// the field and the ID of the person.
func decodeError(err error, body []byte, fresh func() any) *apiError {
	bad := func(code, msg string) *apiError {
		return &apiError{status: http.StatusBadRequest, Code: code, Message: msg}
	}
	var syntax *json.SyntaxError
	switch {
	case errors.As(err, &syntax):
		return bad("bad_json", fmt.Sprintf("malformed JSON at byte offset %d", syntax.Offset))
	case errors.Is(err, io.EOF):
		return bad("bad_json", "the request body is empty; want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return bad("bad_json", "the JSON value ends too early")
	}

	loc := locate(body, fresh)
	var e *apiError
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		field := strings.TrimPrefix(typeErr.Field, "Round.")
		e = bad("invalid_value", "wrong type or out-of-range value; want "+kind(typeErr))
		e.Field = loc.join(field)
		if field == "" && loc.key == "" {
			e.Message = "the body must be a JSON object"
		}
	} else if name, ok := strings.CutPrefix(err.Error(), `json: unknown field "`); ok {
		name = strings.TrimSuffix(name, `"`)
		e = bad("unknown_field", fmt.Sprintf("unknown field %q", clip(name)))
		e.Field = loc.path()
		if loc.leaf() != name {
			e.Field += "." + clip(name)
		}
		e.Field = strings.TrimPrefix(e.Field, ".")
	} else {
		// An error of a type's own decoder (a date that does not exist,
		// an unknown slot or objective): its message may quote the value.
		e = bad("invalid_value", "invalid value"+hint(loc.leaf()))
		e.Field = loc.path()
	}
	e.ID = loc.id
	return e
}

// kind names the JSON type that an UnmarshalTypeError wanted.
func kind(e *json.UnmarshalTypeError) string {
	if e.Type == nil {
		return "another type"
	}
	if reflect.PointerTo(e.Type).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return "a string" // such as an objective's name
	}
	switch e.Type.Kind().String() {
	case "bool":
		return "a boolean"
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64":
		return "an integer in range"
	case "float32", "float64":
		return "a finite number in range"
	case "string":
		return "a string"
	case "slice", "array":
		return "an array"
	case "struct", "map":
		return "an object"
	}
	return "another type"
}

// hint says what form the field of that name takes, for the fields whose
// decoders check the form.
func hint(leaf string) string {
	switch leaf {
	case "on", "birth_date", "applied_on", "since":
		return `; want an existing day as "YYYY-MM-DD"`
	case "availability":
		return `; want an array of slot names such as "mon-evening"`
	case "objective":
		return `; want "most_matched" or "best_total"`
	}
	return ""
}

// location is where in a request a decoding error is: the top-level key,
// for mentees and mentors the entry's index and key inside it, and the
// entry's ID.
type location struct {
	key      string
	index    int // -1 when not in a list of people
	entryKey string
	id       string
}

func (l location) path() string {
	switch {
	case l.key == "":
		return ""
	case l.index < 0:
		return l.key
	case l.entryKey == "":
		return fmt.Sprintf("%s[%d]", l.key, l.index)
	}
	return fmt.Sprintf("%s[%d].%s", l.key, l.index, l.entryKey)
}

func (l location) leaf() string {
	if l.entryKey != "" {
		return l.entryKey
	}
	return l.key
}

// join combines the location with the path of an UnmarshalTypeError
// ("mentees.home.lat"), which has no list indices, into
// "mentees[3].home.lat".
func (l location) join(field string) string {
	if l.index < 0 || field == "" {
		if field == "" {
			return l.path()
		}
		return field
	}
	_, rest, _ := strings.Cut(field, ".")
	if rest == "" {
		return l.path()
	}
	return fmt.Sprintf("%s[%d].%s", l.key, l.index, rest)
}

// locate finds where body fails to decode, by decoding its parts one at a
// time: each top-level key alone, and for mentees and mentors each entry
// and each key of it. It runs only on the error path; its cost is a few
// decodings of the body.
func locate(body []byte, fresh func() any) location {
	loc := location{index: -1}
	key, raw, ok := firstBadKey(body, fresh)
	if !ok {
		return loc
	}
	loc.key = key
	lower := strings.ToLower(key) // encoding/json matches keys case-insensitively
	if lower != "mentees" && lower != "mentors" {
		return loc
	}
	loc.key = lower
	var entries []json.RawMessage
	if json.Unmarshal(raw, &entries) != nil {
		return loc
	}
	freshEntry := func() any { return &profile.Mentee{} }
	if lower == "mentors" {
		freshEntry = func() any { return &profile.Mentor{} }
	}
	for i, entry := range entries {
		if strictDecode(entry, freshEntry()) == nil {
			continue
		}
		loc.index = i
		loc.entryKey, _, _ = firstBadKey(entry, freshEntry)
		var withID struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(entry, &withID) == nil && withID.ID != "" {
			loc.id = safeID(withID.ID)
		}
		break
	}
	return loc
}

// firstBadKey returns the first key, in sorted order, of the JSON object
// obj whose value does not decode alone into a fresh value.
func firstBadKey(obj []byte, fresh func() any) (string, json.RawMessage, bool) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(obj, &fields) != nil {
		return "", nil, false
	}
	for _, key := range slices.Sorted(maps.Keys(fields)) {
		one, err := json.Marshal(map[string]json.RawMessage{key: fields[key]})
		if err != nil || strictDecode(one, fresh()) != nil {
			return key, fields[key], true
		}
	}
	return "", nil, false
}

func strictDecode(b []byte, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(dst)
}

// clip shortens a string from the request that an answer or the log
// repeats.
func clip(s string) string {
	const max = 64
	if len(s) > max {
		s = s[:max] + "…"
	}
	return strings.ToValidUTF8(s, "�")
}
