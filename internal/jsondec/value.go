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

// typeInfo is what the decoder needs to know of a Go type, computed once
// per type and call.
type typeInfo struct {
	json, text bool // *T implements json.Unmarshaler, encoding.TextUnmarshaler
	element    bool // arrays of T hold named elements
	fields     map[string]int
	names      []string // of each field
	index      [][]int  // of each field, for FieldByIndex
}

func (d *decoder) info(t reflect.Type) *typeInfo {
	if ti, ok := d.types[t]; ok {
		return ti
	}
	pt := reflect.PointerTo(t)
	ti := &typeInfo{json: pt.Implements(jsonUnmarshaler), text: pt.Implements(textUnmarshaler)}
	ti.element = d.cfg.Element != nil && d.cfg.Element(t)
	if t.Kind() == reflect.Struct {
		ti.fields = map[string]int{}
		for _, f := range structFields(t) {
			ti.fields[f.name] = len(ti.index)
			ti.names = append(ti.names, f.name)
			ti.index = append(ti.index, f.index)
		}
	}
	d.types[t] = ti
	return ti
}

type field struct {
	name   string
	index  []int
	tagged bool
}

// structFields lists the fields encoding/json would decode into a struct
// of type t: exported fields by their tag name or Go name, the fields of
// embedded structs promoted, a shallower field hiding a deeper one, and
// names that are ambiguous at one depth dropped.
func structFields(t reflect.Type) []field {
	type cand struct {
		field
		depth int
	}
	var all []cand
	var walk func(t reflect.Type, index []int, depth int, seen map[reflect.Type]bool)
	walk = func(t reflect.Type, index []int, depth int, seen map[reflect.Type]bool) {
		if seen[t] {
			return
		}
		seen[t] = true
		defer delete(seen, t)
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			idx := append(append([]int(nil), index...), i)
			if sf.Anonymous && name == "" {
				et := sf.Type
				if et.Kind() == reflect.Pointer {
					et = et.Elem()
				}
				if et.Kind() == reflect.Struct && (sf.Type.Kind() != reflect.Pointer || sf.IsExported() || et.Name() == "") {
					walk(et, idx, depth+1, seen)
					continue
				}
			}
			if !sf.IsExported() {
				continue
			}
			all = append(all, cand{field{name: cmpOr(name, sf.Name), index: idx, tagged: name != ""}, depth})
		}
	}
	walk(t, nil, 0, map[reflect.Type]bool{})
	var out []field
	byName := map[string][]cand{}
	var order []string
	for _, c := range all {
		if _, ok := byName[c.name]; !ok {
			order = append(order, c.name)
		}
		byName[c.name] = append(byName[c.name], c)
	}
	for _, name := range order {
		cs := byName[name]
		best := cs[0].depth
		for _, c := range cs {
			best = min(best, c.depth)
		}
		var top []cand
		for _, c := range cs {
			if c.depth == best {
				top = append(top, c)
			}
		}
		if len(top) > 1 {
			var tagged []cand
			for _, c := range top {
				if c.tagged {
					tagged = append(tagged, c)
				}
			}
			top = tagged
		}
		if len(top) == 1 {
			out = append(out, top[0].field)
		}
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

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
	d.problem(string(d.path), "cannot be decoded into this Go type")
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
	d.problem(string(d.path), "wrong type: want "+want(v.Type(), ti)+", not "+jsonKind(c))
	return d.skip()
}

// invalid reports a value that its type's own decoder refused; the
// decoder's message is not used, since it may quote the value.
func (d *decoder) invalid(t reflect.Type) {
	text := "invalid value"
	if d.cfg.Form != nil {
		if f := d.cfg.Form(t); f != "" {
			text += "; want " + f
		}
	}
	d.problem(string(d.path), text)
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
		d.problem(string(d.path), "not valid UTF-8")
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
			d.problem(string(d.path), "number out of range")
			return true
		}
		v.SetFloat(f)
		return true
	}
	if strings.ContainsAny(s, ".eE") {
		d.problem(string(d.path), "wrong type: want an integer, not a fraction or an exponent")
		return true
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v.OverflowInt(n) {
			d.problem(string(d.path), "integer out of range")
			return true
		}
		v.SetInt(n)
	default:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || v.OverflowUint(n) {
			d.problem(string(d.path), "integer out of range")
			return true
		}
		v.SetUint(n)
	}
	return true
}

// object decodes a JSON object into the struct v.
func (d *decoder) object(v reflect.Value, ti *typeInfo) bool {
	d.src.next() // {
	if !d.enter() {
		return false
	}
	defer d.leave()
	seen := make([]bool, len(ti.index))
	for first := true; ; first = false {
		d.src.skipSpace()
		c, ok := d.src.peek()
		if ok && c == '}' && first {
			d.src.next()
			return true
		}
		if !ok || c != '"' {
			d.syntax("want a field name in quotes")
			return false
		}
		d.src.next()
		kb, valid, ok := d.key()
		if !ok {
			return false
		}
		i, known := ti.fields[string(kb)]
		var n int
		switch {
		case !valid:
			n = len(d.path)
			d.problem(string(d.path), "a field name is not valid UTF-8")
			known = false
		case !known:
			n = d.pushUnknown(string(kb))
			d.problem(string(d.path), "unknown field")
		case seen[i]:
			n = d.pushKey(ti.names[i])
			d.problem(string(d.path), "duplicate field")
			known = false
		default:
			n = d.pushKey(ti.names[i])
			seen[i] = true
		}
		if known {
			f := fieldByIndex(v, ti.index[i])
			d.src.skipSpace()
			c, _ := d.src.peek()
			before := d.errorCount()
			if !d.value(f) {
				return false
			}
			if c != 'n' && d.errorCount() == before && d.cfg.ExplicitZero != nil && f.IsZero() && isNumber(f.Kind()) {
				if p := d.cfg.ExplicitZero(v.Type(), ti.names[i]); p != "" {
					d.problem(string(d.path), p)
				}
			}
		} else if !d.skip() {
			return false
		}
		d.pop(n)
		if !d.endMember('}') {
			return false
		}
		if c, _ := d.src.peek(); c == '}' {
			d.src.next()
			return true
		}
	}
}

// key reads an object key, whose quote was consumed, and the colon after
// it. The key is in d.scratch, valid only until the next string or number.
func (d *decoder) key() (key []byte, valid, ok bool) {
	s, syntax, valid := d.src.str(d.scratch[:0])
	d.scratch = s
	if syntax != "" {
		d.syntax(syntax)
		return nil, false, false
	}
	d.src.skipSpace()
	if c, ok := d.src.peek(); !ok || c != ':' {
		d.syntax("want a colon after a field name")
		return nil, false, false
	}
	d.src.next()
	return s, valid, true
}

// endMember consumes the comma after a member or an element, or checks
// that the closing byte follows (and leaves it).
func (d *decoder) endMember(closing byte) bool {
	d.src.skipSpace()
	c, ok := d.src.peek()
	switch {
	case ok && c == ',':
		d.src.next()
		d.src.skipSpace()
		if c, ok := d.src.peek(); ok && c == closing {
			d.syntax("a comma before the end")
			return false
		}
		return true
	case ok && c == closing:
		return true
	}
	if closing == '}' {
		d.syntax("want a comma or the end of the object")
	} else {
		d.syntax("want a comma or the end of the array")
	}
	return false
}

func isNumber(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Float64
}

// fieldByIndex is v.FieldByIndex, allocating nil embedded pointers.
func fieldByIndex(v reflect.Value, index []int) reflect.Value {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// mapping decodes a JSON object into the map v, whose keys are strings.
func (d *decoder) mapping(v reflect.Value) bool {
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		d.problem(string(d.path), "cannot be decoded into this Go type")
		return d.skip()
	}
	d.src.next() // {
	if !d.enter() {
		return false
	}
	defer d.leave()
	if v.IsNil() {
		v.Set(reflect.MakeMap(t))
	}
	elem := reflect.New(t.Elem()).Elem()
	for n := 0; ; n++ {
		d.src.skipSpace()
		c, ok := d.src.peek()
		if ok && c == '}' && n == 0 {
			d.src.next()
			return true
		}
		if n == d.cfg.MaxElems {
			d.stop(string(d.path), "more than "+strconv.Itoa(d.cfg.MaxElems)+" entries; decoding stopped here", true)
			return false
		}
		if !ok || c != '"' {
			d.syntax("want a key in quotes")
			return false
		}
		d.src.next()
		kb, valid, ok := d.key()
		if !ok {
			return false
		}
		key := string(kb)
		var at int
		if !valid {
			at = len(d.path)
			d.problem(string(d.path), "a key is not valid UTF-8")
			if !d.skip() {
				return false
			}
		} else {
			at = d.pushQuoted(d.clip(key))
			k := reflect.ValueOf(key).Convert(t.Key())
			dup := v.MapIndex(k).IsValid()
			if dup {
				d.problem(string(d.path), "duplicate key")
			}
			elem.SetZero()
			if !d.value(elem) {
				return false
			}
			if !dup {
				v.SetMapIndex(k, elem)
			}
		}
		d.pop(at)
		if !d.endMember('}') {
			return false
		}
		if c, _ := d.src.peek(); c == '}' {
			d.src.next()
			return true
		}
	}
}

func (d *decoder) clip(s string) string {
	if d.cfg.Clip != nil {
		return d.cfg.Clip(s)
	}
	return s
}

// array decodes a JSON array into the slice or array v.
func (d *decoder) array(v reflect.Value) bool {
	d.src.next() // [
	if !d.enter() {
		return false
	}
	defer d.leave()
	t := v.Type()
	slice := t.Kind() == reflect.Slice
	if slice {
		v.Set(reflect.MakeSlice(t, 0, 0))
	} else {
		v.SetZero()
	}
	named := d.info(t.Elem()).element
	for i := 0; ; i++ {
		d.src.skipSpace()
		c, ok := d.src.peek()
		if ok && c == ']' && i == 0 {
			d.src.next()
			return true
		}
		if i == d.cfg.MaxElems {
			d.stop(string(d.path), "more than "+strconv.Itoa(d.cfg.MaxElems)+" entries; decoding stopped here", true)
			return false
		}
		at := d.pushIndex(i)
		var ok2 bool
		switch {
		case !slice && i >= v.Len():
			d.problem(string(d.path), "more than "+strconv.Itoa(v.Len())+" entries")
			ok2 = d.skip()
		case slice:
			if i == v.Cap() {
				grown := reflect.MakeSlice(t, i, max(4, 2*i))
				reflect.Copy(grown, v)
				v.Set(grown)
			}
			v.SetLen(i + 1)
			ok2 = d.entry(v.Index(i), named)
		default:
			ok2 = d.entry(v.Index(i), named)
		}
		if !ok2 {
			return false
		}
		d.pop(at)
		if !d.endMember(']') {
			return false
		}
		if c, _ := d.src.peek(); c == ']' {
			d.src.next()
			return true
		}
	}
}

// entry decodes an array element; a named one gets its ID on its problems
// and is checked.
func (d *decoder) entry(v reflect.Value, named bool) bool {
	if !named || d.cfg.Check == nil {
		return d.value(v)
	}
	outer := d.elem
	e := &element{path: string(d.path)}
	d.elem = e
	ok := d.value(v)
	d.elem = outer
	id, checked := d.cfg.Check(v)
	for _, p := range e.problems {
		p.ID = id
		d.add(p)
	}
	if !ok {
		return false
	}
	for _, c := range checked {
		path := Join(e.path, c.Path)
		if covered(e.problems, path) {
			continue // already reported as a decoding problem
		}
		d.report(Problem{ID: id, Path: path, Text: c.Text})
	}
	return true
}

// covered reports whether path is at or under the path of a problem.
func covered(problems []Problem, path string) bool {
	for _, p := range problems {
		if path == p.Path || (strings.HasPrefix(path, p.Path) && (path[len(p.Path)] == '.' || path[len(p.Path)] == '[')) {
			return true
		}
	}
	return false
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
				d.stop(string(d.path), "more than "+strconv.Itoa(d.cfg.MaxElems)+" entries; decoding stopped here", true)
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
