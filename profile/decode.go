package profile

import (
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/duomatch/duo/internal/errtree"
	"github.com/duomatch/duo/internal/jsondec"
	"github.com/duomatch/duo/internal/msg"
)

// ErrTooMany is the error that a decoding error wraps when an array of the
// document (a pool of people, or any other list) holds more entries than
// [DecodeOptions.MaxPeople]: errors.Is(err, ErrTooMany) reports it, for
// example to answer an HTTP request with 422 rather than 400. Decoding
// stops at the first entry past the limit.
var ErrTooMany = errors.New("profile: too many entries")

// DecodeOptions bounds the work of [Decode], [DecodeMentees],
// [DecodeMentors] and match.DecodeRound. The zero value means the
// defaults.
type DecodeOptions struct {
	// MaxPeople is the most entries any array of the document may hold:
	// mentees, mentors, and any other list. Entries are counted while the
	// document is read, and decoding stops with an error wrapping
	// [ErrTooMany] at the first entry past the limit. 0 (or a negative
	// value) means 20 000.
	MaxPeople int
	// MaxErrors is the most problems an error lists; one more error then
	// says how many others were found. 0 (or a negative value) means 50.
	MaxErrors int
}

// Defaults of [DecodeOptions] and the nesting bound of every decoder.
const (
	defMaxPeople = 20000
	defMaxErrors = 50
	maxDepth     = 64
)

// documentField is the Path of a [Problem] about the whole document
// (empty, not an array, data after the value).
const documentField = "(document)"

// capacityZero is the problem of an explicit "capacity": 0.
const capacityZero = "0 is not a capacity; leave it out for 1, or set paused to true to take no mentee this round"

// Decode decodes one JSON document from r into dst, a non-nil pointer to
// any type with JSON struct tags (a []Mentee, a matching round, a
// service's request), strictly:
//
//   - an unknown field is an error, at any depth, and so is a duplicate
//     field or map key, a wrong JSON type, a number out of range, a string
//     that is not valid UTF-8 (encoding/json would replace it silently), a
//     value that its type refuses (a day that does not exist), an empty
//     document or data after the value; field names match exactly, not
//     ignoring case as encoding/json does;
//   - a mentor with an explicit "capacity": 0 is an error (0 means the
//     default 1 in Go, which a reader of the JSON would not guess);
//   - every [Mentee] and [Mentor] in an array is validated once decoded
//     ([Mentee.Validate], [Mentor.Validate]), and the problems are put
//     under the entry's path, as [AtPath] does;
//   - malformed JSON (reported with its byte offset), nesting deeper than
//     64 levels, and an array with more than opt.MaxPeople entries
//     (wrapping [ErrTooMany]) stop decoding.
//
// null leaves a field at its zero value (its default). The error joins a
// *[Problem] per problem, in the order of the document, at most
// opt.MaxErrors of them, plus the one that stopped decoding and one that
// counts those not listed; errors.Is(err, [ErrInvalid]) holds and
// [Problems] lists them. Each names the JSON path of the value
// ("mentees[13].wants.foo", "[13].applied_on" in an array, "(document)"
// for the whole document) and, inside a mentee or a mentor, the person's
// ID as [Problem.IDs] describes ("(no id)" when the entry has no
// readable string "id", for instance when decoding stopped before it); it
// never quotes a value, and echoes an unknown field's
// name shortened to 32 bytes. A read error of r (such as
// *http.MaxBytesError) is returned wrapped, with no other error. On error
// dst holds a partly decoded value.
//
// Cost: O(bytes read) time; memory O(the result + the largest string),
// whatever the document holds.
func Decode(r io.Reader, dst any, opt DecodeOptions) error {
	cfg := jsondec.Config{
		MaxElems:     opt.MaxPeople,
		MaxErrors:    opt.MaxErrors,
		MaxDepth:     maxDepth,
		Element:      isPerson,
		Check:        checkPerson,
		Form:         form,
		ExplicitZero: explicitZero,
		Clip:         msg.Clip,
	}
	if cfg.MaxElems <= 0 {
		cfg.MaxElems = defMaxPeople
	}
	if cfg.MaxErrors <= 0 {
		cfg.MaxErrors = defMaxErrors
	}
	problems, err := jsondec.Decode(r, dst, cfg)
	if err != nil {
		return fmt.Errorf("profile: reading the document: %w", err)
	}
	if len(problems) == 0 {
		return nil
	}
	errs := make([]error, len(problems))
	for i, p := range problems {
		pr := &Problem{Path: p.Path, Code: p.Code, Args: p.Args, Detail: p.Text, Err: ErrInvalid}
		if p.ID != "" {
			pr.IDs = []string{p.ID}
		}
		if pr.Path == "" {
			pr.Path = documentField
		}
		if p.TooMany {
			pr.Err = errors.Join(ErrInvalid, ErrTooMany)
		}
		errs[i] = pr
	}
	return errors.Join(errs...)
}

// DecodeMentees decodes a JSON array of mentees from r strictly, as
// [Decode] does; the paths of its errors start with the index,
// "[13].applied_on". It returns the mentees, each valid, or nil and the
// error.
//
// Cost: O(bytes read).
func DecodeMentees(r io.Reader, opt DecodeOptions) ([]Mentee, error) {
	var out []Mentee
	if err := Decode(r, &out, opt); err != nil {
		return nil, err
	}
	return out, nil
}

// DecodeMentors decodes a JSON array of mentors from r strictly, as
// [DecodeMentees] does.
//
// Cost: O(bytes read).
func DecodeMentors(r io.Reader, opt DecodeOptions) ([]Mentor, error) {
	var out []Mentor
	if err := Decode(r, &out, opt); err != nil {
		return nil, err
	}
	return out, nil
}

// AtPath returns err with every *[Problem] in its tree put under the
// JSON path prefix: a copy whose Path is prefix + "." + Path, or prefix +
// Path when Path starts with "[" ("mentees[13]" and "applied_on" give
// "mentees[13].applied_on"; "mentees" and "[13].id" give
// "mentees[13].id"); a Path of "(document)" or "" becomes prefix. The result
// joins the copies, in order, with errors.Join; errors in the tree that are
// neither a Problem nor a join of errors are kept as they are. err is
// not modified. AtPath returns nil for a nil err, and err itself for an
// empty prefix.
//
// A caller that validates the entries of a list uses it to report where
// each problem is: AtPath(m.Validate(), "mentees[13]").
//
// Cost: O(number of errors in the tree).
func AtPath(err error, prefix string) error {
	if err == nil || prefix == "" {
		return err
	}
	var out []error
	for _, e := range errtree.Leaves(err) {
		if p, ok := e.(*Problem); ok {
			out = append(out, p.at(prefix))
		} else {
			out = append(out, e)
		}
	}
	return errors.Join(out...)
}

// at returns a copy of p under the path prefix.
func (p *Problem) at(prefix string) *Problem {
	c := *p
	if c.Path == documentField {
		c.Path = prefix
	} else {
		c.Path = jsondec.Join(prefix, c.Path)
	}
	return &c
}

var (
	menteeType = reflect.TypeFor[Mentee]()
	mentorType = reflect.TypeFor[Mentor]()
)

func isPerson(t reflect.Type) bool { return t == menteeType || t == mentorType }

// checkPerson names a decoded mentee or mentor and validates it.
func checkPerson(v reflect.Value) (string, []jsondec.Problem) {
	var id string
	var err error
	switch p := v.Addr().Interface().(type) {
	case *Mentee:
		id, err = p.ID, p.Validate()
	case *Mentor:
		id, err = p.ID, p.Validate()
	}
	var problems []jsondec.Problem
	for _, p := range Problems(err) {
		problems = append(problems, jsondec.Problem{Path: p.Path, Code: p.Code, Args: p.Args, Text: p.Detail})
	}
	return idName(id), problems
}

// form says what the types of this package with their own JSON decoder
// take.
func form(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[Date]():
		return `an existing day as "YYYY-MM-DD"`
	case reflect.TypeFor[Availability]():
		return `an array of weekly slots such as "mon-evening"`
	case reflect.TypeFor[Country]():
		return `a string such as "BE"`
	case reflect.TypeFor[Switch]():
		return "true, false or null"
	}
	return ""
}

func explicitZero(t reflect.Type, key string) string {
	if t == mentorType && key == "capacity" {
		return capacityZero
	}
	return ""
}
