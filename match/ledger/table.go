package ledger

import "github.com/duomatch/duo/profile"

// rec is an event as a [Ledger] keeps it: its day, and its kind and
// fields as indices into the ledger's [table]. It holds no pointer, so
// that the garbage collector never scans a ledger's million events, and
// takes 48 bytes where an [Event] takes 184.
type rec struct {
	on   profile.Date
	kind uint32
	vals [len(fieldNames)]uint32 // the fields, in the order of fieldNames
}

// table holds each string of a ledger (IDs and codes) once, numbered in
// the order first seen; 0 is "". Strings are only ever added, except
// that a refused batch takes back those it added ([table.truncate]), so
// a copy of strs cut at its length (as a [File]'s views hold) never sees
// a change.
type table struct {
	strs  []string
	index map[string]uint32 // nil in a view, which only reads strs
}

func newTable(size int) table {
	t := table{strs: make([]string, 1, size+1), index: make(map[string]uint32, size+1)}
	t.index[""] = 0
	return t
}

// id returns the number of s, adding it when it is new.
func (t *table) id(s string) uint32 {
	if k, ok := t.index[s]; ok {
		return k
	}
	return t.add(s)
}

// idBytes is id for bytes: a lookup allocates nothing.
func (t *table) idBytes(b []byte) uint32 {
	if k, ok := t.index[string(b)]; ok {
		return k
	}
	return t.add(string(b))
}

func (t *table) add(s string) uint32 {
	k := uint32(len(t.strs))
	t.strs = append(t.strs, s)
	t.index[s] = k
	return k
}

// truncate takes back the strings added after the first n.
func (t *table) truncate(n int) {
	for _, s := range t.strs[n:] {
		delete(t.index, s)
	}
	clear(t.strs[n:])
	t.strs = t.strs[:n]
}

// pack returns e as a rec, adding its strings to t.
func (t *table) pack(e Event) rec {
	r := rec{on: e.On, kind: t.id(string(e.Kind))}
	for i, v := range e.values() {
		r.vals[i] = t.id(*v)
	}
	return r
}

// event returns the event r holds; it allocates nothing, its strings are
// t's.
func (t *table) event(r *rec) Event {
	s := t.strs
	return Event{On: r.on, Kind: Kind(s[r.kind]), Side: Side(s[r.vals[0]]), ID: s[r.vals[1]],
		MenteeID: s[r.vals[2]], MentorID: s[r.vals[3]], Result: s[r.vals[4]], Reason: s[r.vals[5]],
		Line: s[r.vals[6]], Referral: s[r.vals[7]], Capacity: s[r.vals[8]]}
}

// view returns a copy of t that reads the strings t holds now, and never
// sees a change of t.
func (t *table) view() table {
	return table{strs: t.strs[:len(t.strs):len(t.strs)]}
}
