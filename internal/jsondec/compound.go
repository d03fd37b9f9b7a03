package jsondec

import (
	"reflect"
	"strconv"
	"strings"
)

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
			d.problem(string(d.path), "not_utf8_name", "a field name is not valid UTF-8")
			known = false
		case !known:
			n = d.pushUnknown(string(kb))
			d.problem(string(d.path), "unknown_field", "unknown field")
		case seen[i]:
			n = d.pushKey(ti.names[i])
			d.problem(string(d.path), "duplicate_field", "duplicate field")
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
					d.problem(string(d.path), "explicit_zero", p)
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

// mapping decodes a JSON object into the map v, whose keys are strings.
func (d *decoder) mapping(v reflect.Value) bool {
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		d.problem(string(d.path), "undecodable_type", "cannot be decoded into this Go type")
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
			d.tooMany()
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
			d.problem(string(d.path), "not_utf8_key", "a key is not valid UTF-8")
			if !d.skip() {
				return false
			}
		} else {
			at = d.pushQuoted(d.clip(key))
			k := reflect.ValueOf(key).Convert(t.Key())
			dup := v.MapIndex(k).IsValid()
			if dup {
				d.problem(string(d.path), "duplicate_key", "duplicate key")
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
			d.tooMany()
			return false
		}
		at := d.pushIndex(i)
		var ok2 bool
		switch {
		case !slice && i >= v.Len():
			d.problem(string(d.path), "too_many", "more than "+strconv.Itoa(v.Len())+" entries", strconv.Itoa(v.Len()))
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
		c.ID, c.Path = id, path
		d.report(c)
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
