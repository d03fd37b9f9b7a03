package ledger

import (
	"fmt"
	"maps"
	"slices"
)

// The reasons of a [Void] event: what was wrong with the event it undoes.
const (
	WrongDate   = "wrong_date"   // the day was mistyped
	WrongPerson = "wrong_person" // the event names the wrong person
	WrongEvent  = "wrong_event"  // the wrong kind, result or reason was recorded
	Duplicate   = "duplicate"    // the same thing was recorded twice
)

var voidReasons = []string{WrongDate, WrongPerson, WrongEvent, Duplicate, Other}

// maxLineDigits bounds a [Void] event's line: nine digits are more lines
// than [Options.MaxLines] allows by default a thousand times over.
const maxLineDigits = 9

// wholeNumber returns the number s writes, as a void's line and an
// application's capacity are written: a whole number from 1, without
// sign, spaces or leading zeros, of at most maxLineDigits digits; 0 when
// s is not one.
func wholeNumber(s string) int {
	if s == "" || len(s) > maxLineDigits || s[0] == '0' {
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// A void undoes a mistake in an append-only file. It names the line of
// the event to undo; that event then counts for nothing, on any day, as
// if it had never been recorded: every reading of the ledger (NextRound,
// Worklist, Indicators) and every later check leaves it out. A void is
// valid when the line it names holds an event of the ledger (recorded,
// not refused), not a void, not voided already, and that event is the
// latest about each person it names: to undo an earlier event, void the
// later ones first (latest first) and record them again. So a void never
// changes the meaning of an event recorded after the one it undoes, and
// the history without the voided events is one that [Read] would accept.
// A void names no person and is dated the day of the correction, which
// may be before the day of the event it undoes (a mistyped 2099).

// voidProblems checks the void e, on line line, against events (the
// events recorded before it, on lines, in order), voided (the lines
// already undone) and latest, which returns the line of the latest event
// in force about a person (0 for none).
func voidProblems(e Event, line int, l *Ledger, n int, voided map[int]int, latest func(id string) int) []error {
	target := wholeNumber(e.Line)
	k, found := slices.BinarySearch(l.lines[:n], target)
	var ev Event
	var ids []string
	if found {
		ev = l.event(k)
		ids = idNames(ev)
	}
	bad := func(code, format string, args ...any) []error {
		return []error{eventProblem(line, ids, "line", code, fmt.Sprintf(format, args...), args...)}
	}
	switch {
	case target >= line:
		return bad("void_not_earlier", "names line %d, not an earlier line", target)
	case !found:
		return bad("void_no_event", "line %d holds no event of the ledger", target)
	case ev.Kind == Void:
		return bad("void_of_void", "line %d is a void: record the event again instead", target)
	case voided[target] != 0:
		return bad("already_voided", "line %d is already voided on line %d", target, voided[target])
	}
	for _, id := range ev.IDs() {
		if later := latest(id); later != target {
			return bad("void_not_latest", "line %d is not the latest event about %s (line %d is later): void the later ones first", target, id, later)
		}
	}
	return nil
}

// addVoid checks and records the void e as line line, then rebuilds the
// state without the event it undoes. Cost: O(events).
func (l *Ledger) addVoid(e Event, line int) []error {
	latest := func(id string) int {
		if p := l.st.people[id]; p != nil {
			return p.lastLine
		}
		return 0
	}
	if errs := voidProblems(e, line, l, len(l.recs), l.voided, latest); len(errs) > 0 {
		return errs
	}
	l.record(e, line)
	l.voided = maps.Clone(l.voided) // a view may share it
	if l.voided == nil {
		l.voided = map[int]int{}
	}
	target := wholeNumber(e.Line)
	l.voided[target] = line
	k, _ := slices.BinarySearch(l.lines, target)
	l.unapply(k)
	return nil
}

// checkVoids checks the voids among events read from a file (valid
// each on its own, on lines, in order), as [Ledger.Add] would: each
// event is taken to be in force unless a valid void undoes it. It
// returns the lines undone (line → line of its void) and the problems
// of the other voids, by line. When every event is also valid against
// the history, which [Read] then checks leaving out the lines undone,
// this is exactly Add's check; when some is not, Read fails anyway.
// Cost: O(events).
func checkVoids(l *Ledger) (map[int]int, map[int][]error) {
	voided := map[int]int{}
	var refused map[int][]error
	stack := map[string][]int{} // the lines in force naming each person
	latest := func(id string) int {
		if s := stack[id]; len(s) > 0 {
			return s[len(s)-1]
		}
		return 0
	}
	lines := l.lines
	for i := range l.recs {
		e := l.event(i)
		if e.Kind != Void {
			for _, id := range e.IDs() {
				stack[id] = append(stack[id], lines[i])
			}
			continue
		}
		if errs := voidProblems(e, lines[i], l, i, voided, latest); len(errs) > 0 {
			if refused == nil {
				refused = map[int][]error{}
			}
			refused[lines[i]] = errs
			continue
		}
		target := wholeNumber(e.Line)
		voided[target] = lines[i]
		k, _ := slices.BinarySearch(lines, target)
		for _, id := range l.event(k).IDs() {
			stack[id] = stack[id][:len(stack[id])-1]
		}
	}
	return voided, refused
}

// counts reports whether the event at index i counts: it is not a void
// and no void undoes it.
func (l *Ledger) counts(i int) bool {
	if Kind(l.tab.strs[l.recs[i].kind]) == Void {
		return false
	}
	_, undone := l.voided[l.lines[i]]
	return !undone
}

// Line returns the line of the i-th event of [Ledger.Events], the number
// a [Void] names; it panics when i is out of range, as an index does.
// Cost: O(1).
func (l *Ledger) Line(i int) int { return l.lines[i] }

// VoidedBy returns the line of the [Void] event that undoes the event on
// line line, or 0 when none does. Cost: O(1).
func (l *Ledger) VoidedBy(line int) int { return l.voided[line] }
