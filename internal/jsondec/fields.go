package jsondec

import (
	"reflect"
	"strings"
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
