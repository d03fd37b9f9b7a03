package ledger

import (
	"unicode/utf8"

	"github.com/duomatch/duo/profile"
)

// lineDecoder decodes the lines of one reading. Lines in the form
// [Event.MarshalJSON] writes — the ledger's own — take a fast path; any
// other line is read by parseLine, which gives the same event and the
// same problems for a line both can read.
type lineDecoder struct {
	// t numbers each ID and code seen, so that the events of a ledger
	// share one copy of each: a person's ID is stored once, not once per
	// event naming them.
	t *table
}

// parse decodes line n (see parseLine) into a rec of d's table, and the
// event it holds.
func (d *lineDecoder) parse(line []byte, n int) (rec, Event, []error) {
	if r, ok := d.fast(line); ok {
		e := d.t.event(&r)
		return r, e, e.problems(n)
	}
	e, errs := parseLine(line, n)
	if len(errs) > 0 {
		return rec{}, e, errs
	}
	r := d.t.pack(e)
	return r, d.t.event(&r), nil
}

// fast decodes a line of the form {"on":"YYYY-MM-DD","event":"…"} followed
// by ,"field":"value" for known fields, each once, in any order, with no
// space and no escape in any string: ok is false for any other line. It
// does not validate the event.
//
// The strings it reads are added to d's table, even when ok is false: a
// line of the file that parseLine reads again adds the same ones.
func (d *lineDecoder) fast(b []byte) (r rec, ok bool) {
	const head = `{"on":"`
	if len(b) < len(head)+10+len(`","event":"`)+2 || string(b[:len(head)]) != head || !utf8.Valid(b) {
		return rec{}, false
	}
	b = b[len(head):]
	on, ok := fastDate(b[:10])
	if !ok {
		return rec{}, false
	}
	r.on = on
	b = b[10:]
	const kind = `","event":"`
	if string(b[:len(kind)]) != kind {
		return rec{}, false
	}
	b = b[len(kind):]
	v, b, ok := fastString(b)
	if !ok {
		return rec{}, false
	}
	r.kind = d.t.idBytes(v)
	var seen fieldSet
	for len(b) > 0 && b[0] == ',' {
		if len(b) < 2 || b[1] != '"' {
			return rec{}, false
		}
		var key []byte
		if key, b, ok = fastString(b[2:]); !ok || len(b) < 2 || b[0] != ':' || b[1] != '"' {
			return rec{}, false
		}
		slot := fieldSlot(string(key)) - 2
		if slot < 0 || seen&(1<<slot) != 0 {
			return rec{}, false // unknown, on, event or duplicate: parseLine says which
		}
		seen |= 1 << slot
		if v, b, ok = fastString(b[2:]); !ok {
			return rec{}, false
		}
		r.vals[slot] = d.t.idBytes(v)
	}
	if len(b) != 1 || b[0] != '}' {
		return rec{}, false
	}
	return r, true
}

// fastString returns the bytes of a string up to its closing quote and
// what follows the quote; ok is false when the string holds an escape or
// a control character, or does not end.
func fastString(b []byte) (s, rest []byte, ok bool) {
	for i, c := range b {
		switch {
		case c == '"':
			return b[:i], b[i+1:], true
		case c == '\\' || c < 0x20:
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// fastDate reads "YYYY-MM-DD" as parseLine does; ok is false when it is
// not an existing day in that form.
func fastDate(b []byte) (profile.Date, bool) {
	d, err := profile.ParseDate(string(b))
	return d, err == nil
}
