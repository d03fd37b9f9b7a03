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
	// ids holds each ID and code seen, so that the events of a ledger
	// share one copy of each: a person's ID is stored once, not once per
	// event naming them.
	ids map[string]string
}

// parse decodes line n (see parseLine).
func (d *lineDecoder) parse(line []byte, n int) (Event, []error) {
	if e, ok := d.fast(line); ok {
		return e, e.problems(n)
	}
	e, errs := parseLine(line, n)
	if len(errs) == 0 {
		for _, v := range e.values() {
			*v = d.intern(*v)
		}
	}
	return e, errs
}

func (d *lineDecoder) intern(s string) string {
	if s == "" {
		return ""
	}
	if t, ok := d.ids[s]; ok {
		return t
	}
	d.ids[s] = s
	return s
}

// internBytes is intern for bytes: a lookup allocates nothing.
func (d *lineDecoder) internBytes(b []byte) string {
	if t, ok := d.ids[string(b)]; ok {
		return t
	}
	s := string(b)
	d.ids[s] = s
	return s
}

// fast decodes a line of the form {"on":"YYYY-MM-DD","event":"…"} followed
// by ,"field":"value" for known fields, each once, in any order, with no
// space and no escape in any string: ok is false for any other line. It
// does not validate the event.
func (d *lineDecoder) fast(b []byte) (e Event, ok bool) {
	const head = `{"on":"`
	if len(b) < len(head)+10+len(`","event":"`)+2 || string(b[:len(head)]) != head || !utf8.Valid(b) {
		return Event{}, false
	}
	b = b[len(head):]
	on, ok := fastDate(b[:10])
	if !ok {
		return Event{}, false
	}
	e.On = on
	b = b[10:]
	const kind = `","event":"`
	if string(b[:len(kind)]) != kind {
		return Event{}, false
	}
	b = b[len(kind):]
	v, b, ok := fastString(b)
	if !ok {
		return Event{}, false
	}
	e.Kind = Kind(d.internBytes(v))
	var seen fieldSet
	vals := e.values()
	for len(b) > 0 && b[0] == ',' {
		if len(b) < 2 || b[1] != '"' {
			return Event{}, false
		}
		var key []byte
		if key, b, ok = fastString(b[2:]); !ok || len(b) < 2 || b[0] != ':' || b[1] != '"' {
			return Event{}, false
		}
		slot := fieldSlot(string(key)) - 2
		if slot < 0 || seen&(1<<slot) != 0 {
			return Event{}, false // unknown, on, event or duplicate: parseLine says which
		}
		seen |= 1 << slot
		if v, b, ok = fastString(b[2:]); !ok {
			return Event{}, false
		}
		*vals[slot] = d.internBytes(v)
	}
	if len(b) != 1 || b[0] != '}' {
		return Event{}, false
	}
	return e, true
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
