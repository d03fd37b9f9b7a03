// Package jsondec is the library's strict, bounded JSON decoder. It
// decodes one JSON value from a stream into a Go value by reflection, with
// the field names of the json struct tags, and reports every problem at
// once, each with its JSON path ("mentees[13].wants.foo"), instead of the
// first one:
//
//   - an unknown field, a duplicate field or map key, a wrong JSON type, a
//     number out of range, a string that is not valid UTF-8 (encoding/json
//     would replace it silently), a value its type's own decoder refuses;
//   - an empty input, data after the value, malformed JSON (with the byte
//     offset), nesting deeper than Config.MaxDepth, an array or map with more
//     than Config.MaxElems entries: these stop decoding.
//
// Field names match exactly (encoding/json ignores case). null leaves a
// value at its zero value, except for a type with its own UnmarshalJSON,
// which receives it. Problems never quote a value from the input; an unknown
// field's name is echoed through Config.Clip.
//
// Elements of arrays whose element type Config.Element selects (the people
// of a pool) get a name (their ID) on each of their problems, and a check
// after decoding (their validation), whose problems are put under the
// element's path.
//
// Cost: O(input bytes) time; memory O(the result + the largest string or
// custom-decoded value + a 32 KiB buffer). Decoding stops as soon as an
// array passes MaxElems, before it builds the next entry.
package jsondec

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/duomatch/duo/internal/msg"
)

// Config sets the bounds and the hooks of [Decode]. Every bound must be
// positive; every hook may be nil.
type Config struct {
	// MaxElems is the most entries an array or a map may hold.
	MaxElems int
	// MaxErrors is the most problems listed; the problem that stops
	// decoding is always listed, and a last one counts the others.
	MaxErrors int
	// MaxDepth is the deepest nesting of arrays and objects.
	MaxDepth int
	// Element reports whether arrays of t hold named, checked elements.
	Element func(t reflect.Type) bool
	// Check names a decoded element (v is addressable, of a type Element
	// selects) and returns the problems of its validation, with paths
	// relative to the element. It is not called when decoding stopped
	// inside the element, except to name it (problems are then ignored).
	Check func(v reflect.Value) (id string, problems []Problem)
	// Form says what a value of t, a type with its own decoder, must look
	// like ("an existing day as \"YYYY-MM-DD\""); "" for no hint.
	Form func(t reflect.Type) string
	// ExplicitZero returns the problem of a numeric field key of a struct
	// of type t set explicitly to 0 in the input, or "" when 0 is allowed.
	ExplicitZero func(t reflect.Type, key string) string
	// Clip shortens a field name from the input that a problem echoes.
	Clip func(string) string
}

// Problem is one thing wrong with the input.
type Problem struct {
	// ID names the element the problem is in ("" outside elements).
	ID string
	// Path is the JSON path of the value, "" for the whole document.
	Path string
	// Code is the stable snake_case code of the kind of problem.
	Code string
	// Args are the placeholders of Text that are not personal data.
	Args []string
	// Text says what is wrong, without quoting the value.
	Text string
	// TooMany marks the problem of an array or map over MaxElems.
	TooMany bool
}

// Decode decodes one JSON value from r into dst, a non-nil pointer, and
// returns every problem found (at most cfg.MaxErrors of them, plus the one
// that stopped decoding and a count of the others), or nil when there is
// none. A read error of r other than io.EOF is returned as err, with no
// problems. dst is left partly decoded when there are problems.
func Decode(r io.Reader, dst any, cfg Config) (problems []Problem, err error) {
	v := reflect.ValueOf(dst)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil, fmt.Errorf("jsondec: Decode needs a non-nil pointer, not %T", dst)
	}
	d := &decoder{
		cfg:   cfg,
		src:   source{r: r, buf: make([]byte, bufSize)},
		types: map[reflect.Type]*typeInfo{},
	}
	d.document(v.Elem())
	if d.src.err != nil {
		return nil, d.src.err
	}
	if d.more > 0 {
		d.problems = append(d.problems, Problem{Code: "more_not_listed", Args: []string{strconv.Itoa(d.more), strconv.Itoa(cfg.MaxErrors)}, Text: fmt.Sprintf(
			"%d more %s not listed (reporting stops after %d)", d.more, msg.Plural(d.more, "problem", "problems"), cfg.MaxErrors)})
	}
	return d.problems, nil
}

// Join puts the path field under the path prefix: "mentees" and "[3].id"
// give "mentees[3].id", "policy" and "mentee.max_age" give
// "policy.mentee.max_age"; an empty side gives the other.
func Join(prefix, field string) string {
	switch {
	case prefix == "":
		return field
	case field == "":
		return prefix
	case field[0] == '[':
		return prefix + field
	}
	return prefix + "." + field
}

// element is the state of a named element being decoded.
type element struct {
	path     string
	problems []Problem
}

type decoder struct {
	cfg      Config
	src      source
	path     []byte
	depth    int
	problems []Problem
	more     int
	elem     *element // the innermost named element, or nil
	scratch  []byte
	types    map[reflect.Type]*typeInfo
}

// document decodes the whole input into v.
func (d *decoder) document(v reflect.Value) {
	d.src.skipSpace()
	c, ok := d.src.peek()
	if !ok {
		if d.src.err == nil {
			w := want(v.Type(), d.info(v.Type()))
			d.stop(Problem{Code: "empty_document", Args: []string{w}, Text: "empty; want " + w})
		}
		return
	}
	if c == 'n' {
		if !d.src.literal("null") {
			d.syntax("a malformed literal")
			return
		}
		w := want(v.Type(), d.info(v.Type()))
		d.problem("", "null_document", "null; want "+w, w)
	} else if !d.value(v) {
		return
	}
	d.src.skipSpace()
	if _, ok := d.src.peek(); ok {
		off := strconv.FormatInt(d.src.offset(), 10)
		d.problem("", "data_after_value", "unexpected data after the JSON value at byte offset "+off, off)
	}
}

// problem records a problem at path that does not stop decoding.
func (d *decoder) problem(path, code, text string, args ...string) {
	d.report(Problem{Path: path, Code: code, Text: text, Args: args})
}

// report records p, or counts it when MaxErrors are listed.
func (d *decoder) report(p Problem) {
	n := len(d.problems)
	if d.elem != nil {
		n += len(d.elem.problems)
	}
	if n >= d.cfg.MaxErrors {
		d.more++
		return
	}
	d.add(p)
}

func (d *decoder) add(p Problem) {
	if d.elem != nil {
		d.elem.problems = append(d.elem.problems, p)
	} else {
		d.problems = append(d.problems, p)
	}
}

// stop records the problem that stops decoding; it is always listed.
func (d *decoder) stop(p Problem) { d.add(p) }

// tooMany stops decoding at an array or map over MaxElems.
func (d *decoder) tooMany() {
	n := strconv.Itoa(d.cfg.MaxElems)
	d.stop(Problem{Path: string(d.path), Code: "too_many_entries", Args: []string{n},
		Text: "more than " + n + " entries; decoding stopped here", TooMany: true})
}

func (d *decoder) syntax(what string) {
	if d.src.err != nil {
		return
	}
	if _, ok := d.src.peek(); !ok && d.src.err == nil {
		off := strconv.FormatInt(d.src.offset(), 10)
		d.stop(Problem{Path: string(d.path), Code: "json_ends_early", Args: []string{off},
			Text: "malformed JSON: the input ends too early at byte offset " + off})
		return
	}
	off := strconv.FormatInt(d.src.offset(), 10)
	d.stop(Problem{Path: string(d.path), Code: "malformed_json", Args: []string{off, what},
		Text: "malformed JSON at byte offset " + off + ": " + what})
}

// push appends a key or an index to the path and returns the length to
// restore.
func (d *decoder) pushKey(name string) int {
	n := len(d.path)
	if n > 0 {
		d.path = append(d.path, '.')
	}
	d.path = append(d.path, name...)
	return n
}

func (d *decoder) pushIndex(i int) int {
	n := len(d.path)
	d.path = append(d.path, '[')
	d.path = strconv.AppendInt(d.path, int64(i), 10)
	d.path = append(d.path, ']')
	return n
}

// pushQuoted appends ["name"], for map keys and odd field names.
func (d *decoder) pushQuoted(name string) int {
	n := len(d.path)
	d.path = append(d.path, '[')
	d.path = strconv.AppendQuote(d.path, name)
	d.path = append(d.path, ']')
	return n
}

// pushUnknown appends an unknown field's clipped name.
func (d *decoder) pushUnknown(name string) int {
	if d.cfg.Clip != nil {
		name = d.cfg.Clip(name)
	}
	if name == "" || strings.ContainsFunc(name, func(r rune) bool {
		return r <= ' ' || r == '.' || r == '[' || r == ']' || r == '"' || r == '\\' || r == 0x7f
	}) {
		return d.pushQuoted(name)
	}
	return d.pushKey(name)
}

func (d *decoder) pop(n int) { d.path = d.path[:n] }

// enter counts one level of nesting; it stops decoding past MaxDepth.
func (d *decoder) enter() bool {
	d.depth++
	if d.depth > d.cfg.MaxDepth {
		n := strconv.Itoa(d.cfg.MaxDepth)
		d.stop(Problem{Path: string(d.path), Code: "too_deep", Args: []string{n}, Text: "nested more than " + n + " levels deep"})
		return false
	}
	return true
}

func (d *decoder) leave() { d.depth-- }
