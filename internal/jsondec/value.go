package jsondec

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// jsonKind names the JSON type of a value starting with c.
func jsonKind(c byte) string {
	switch {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || (c >= '0' && c <= '9'):
		return "a number"
	}
	return "something else"
}

// want names what a value of type t takes in JSON.
func want(t reflect.Type, ti *typeInfo) string {
	if ti.text && !ti.json {
		return "a string"
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "another type"
}

// value decodes the next JSON value into v (settable). It returns false
// when decoding stopped.
func (d *decoder) value(v reflect.Value) bool {
	d.src.skipSpace()
	c, ok := d.src.peek()
	if !ok {
		d.syntax("want a value")
		return false
	}
	t := v.Type()
	ti := d.info(t)
	switch {
	case ti.json:
		return d.custom(v, ti)
	case c == 'n':
		if !d.src.literal("null") {
			d.syntax("a malformed literal")
			return false
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
			v.SetZero()
		}
		return true
	case t.Kind() == reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(t.Elem()))
		}
		return d.value(v.Elem())
	case ti.text:
		if c != '"' {
			return d.mismatch(v, ti, c)
		}
		d.src.next()
		s, ok := d.string()
		if !ok {
			return false
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(s); err != nil {
			d.invalid(t)
		}
		return true
	}
	switch t.Kind() {
	case reflect.Struct:
		if c != '{' {
			return d.mismatch(v, ti, c)
		}
		return d.object(v, ti)
	case reflect.Map:
		if c != '{' {
			return d.mismatch(v, ti, c)
		}
		return d.mapping(v)
	case reflect.Slice, reflect.Array:
		if c != '[' {
			return d.mismatch(v, ti, c)
		}
		return d.array(v)
	case reflect.String:
		if c != '"' {
			return d.mismatch(v, ti, c)
		}
		d.src.next()
		s, ok := d.string()
		if ok {
			v.SetString(string(s))
		}
		return ok
	case reflect.Bool:
		switch c {
		case 't':
			v.SetBool(true)
			return d.literal("true")
		case 'f':
			v.SetBool(false)
			return d.literal("false")
		}
		return d.mismatch(v, ti, c)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		if c != '-' && (c < '0' || c > '9') {
			return d.mismatch(v, ti, c)
		}
		return d.number(v)
	}
	d.problem(string(d.path), "undecodable_type", "cannot be decoded into this Go type")
	return d.skip()
}

func (d *decoder) literal(word string) bool {
	if !d.src.literal(word) {
		d.syntax("a malformed literal")
		return false
	}
	return true
}

// mismatch reports a value of the wrong JSON type and skips it.
func (d *decoder) mismatch(v reflect.Value, ti *typeInfo, c byte) bool {
	if jsonKind(c) == "something else" {
		d.syntax("want a value")
		return false
	}
	w, k := want(v.Type(), ti), jsonKind(c)
	d.problem(string(d.path), "wrong_type", "wrong type: want "+w+", not "+k, w, k)
	return d.skip()
}

// invalid reports a value that its type's own decoder refused; the
// decoder's message is not used, since it may quote the value.
func (d *decoder) invalid(t reflect.Type) {
	if d.cfg.Form != nil {
		if f := d.cfg.Form(t); f != "" {
			d.problem(string(d.path), "invalid_value_want", "invalid value; want "+f, f)
			return
		}
	}
	d.problem(string(d.path), "invalid_value", "invalid value")
}

// custom decodes a value of a type with its own UnmarshalJSON: its raw
// text is checked (syntax, UTF-8, depth, sizes) and captured first.
func (d *decoder) custom(v reflect.Value, ti *typeInfo) bool {
	if d.src.capturing { // a custom type inside a custom type's value
		return d.skip()
	}
	d.src.capturing = true
	d.src.capture = d.src.capture[:0]
	before := d.errorCount()
	ok := d.skip()
	d.src.capturing = false
	if !ok || d.errorCount() != before {
		return ok
	}
	if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(d.src.capture); err != nil {
		d.invalid(v.Type())
	}
	return true
}

func (d *decoder) errorCount() int {
	n := len(d.problems) + d.more
	if d.elem != nil {
		n += len(d.elem.problems)
	}
	return n
}

// string reads the rest of a string whose quote was consumed, into
// d.scratch; it reports invalid UTF-8 at the current path.
func (d *decoder) string() ([]byte, bool) {
	s, syntax, valid := d.src.str(d.scratch[:0])
	d.scratch = s
	if syntax != "" {
		d.syntax(syntax)
		return nil, false
	}
	if !valid {
		d.problem(string(d.path), "not_utf8", "not valid UTF-8")
	}
	return s, true
}

// number decodes a JSON number into v, a numeric value.
func (d *decoder) number(v reflect.Value) bool {
	lit, syntax := d.src.number(d.scratch[:0])
	d.scratch = lit
	if syntax != "" {
		d.syntax(syntax)
		return false
	}
	s := string(lit)
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(s, v.Type().Bits())
		if err != nil {
			d.problem(string(d.path), "number_out_of_range", "number out of range")
			return true
		}
		v.SetFloat(f)
		return true
	}
	if strings.ContainsAny(s, ".eE") {
		d.problem(string(d.path), "not_an_integer", "wrong type: want an integer, not a fraction or an exponent")
		return true
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v.OverflowInt(n) {
			d.problem(string(d.path), "integer_out_of_range", "integer out of range")
			return true
		}
		v.SetInt(n)
	default:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || v.OverflowUint(n) {
			d.problem(string(d.path), "integer_out_of_range", "integer out of range")
			return true
		}
		v.SetUint(n)
	}
	return true
}

func isNumber(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Float64
}

// skip consumes the next value, checking its syntax, its depth and, when
// it is captured for a custom decoder, the sizes of its arrays and
// objects.
func (d *decoder) skip() bool {
	d.src.skipSpace()
	c, ok := d.src.peek()
	if !ok {
		d.syntax("want a value")
		return false
	}
	switch {
	case c == '"':
		d.src.next()
		_, ok := d.string()
		return ok
	case c == '{' || c == '[':
		closing := byte('}')
		if c == '[' {
			closing = ']'
		}
		d.src.next()
		if !d.enter() {
			return false
		}
		defer d.leave()
		for n := 0; ; n++ {
			d.src.skipSpace()
			c, ok := d.src.peek()
			if ok && c == closing && n == 0 {
				d.src.next()
				return true
			}
			if d.src.capturing && n == d.cfg.MaxElems {
				d.tooMany()
				return false
			}
			if closing == '}' {
				if !ok || c != '"' {
					d.syntax("want a field name in quotes")
					return false
				}
				d.src.next()
				if _, _, ok := d.key(); !ok {
					return false
				}
			}
			if !d.skip() || !d.endMember(closing) {
				return false
			}
			if c, _ := d.src.peek(); c == closing {
				d.src.next()
				return true
			}
		}
	case c == 't':
		return d.literal("true")
	case c == 'f':
		return d.literal("false")
	case c == 'n':
		return d.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		lit, syntax := d.src.number(d.scratch[:0])
		d.scratch = lit
		if syntax != "" {
			d.syntax(syntax)
			return false
		}
		return true
	}
	d.syntax("want a value")
	return false
}
