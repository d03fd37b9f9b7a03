package ledger

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/duomatch/duo/profile"

	"github.com/duomatch/duo/internal/msg"
)

// Options bounds the work of [Read] and sets the rules of a [Ledger]. The
// zero value means the defaults, field by field.
type Options struct {
	// MaxLineBytes is the longest line accepted, in bytes; a longer line
	// is reported and skipped. 0 means 4096; an event line is under 300
	// bytes. Like MaxLines and MaxErrors, it bounds the work of reading and
	// cannot be switched off: a negative value is invalid ([Options.Validate]).
	MaxLineBytes int
	// MaxLines is the most lines read; reading stops with an error
	// wrapping [ErrTooLarge] at the first line past it, and [Ledger.Add]
	// refuses an event past it. 0 means 1 000 000.
	MaxLines int
	// MaxErrors is the most problems an error lists; one more problem
	// then says how many others were found. 0 means 50.
	MaxErrors int
	// Capacity returns how many live duos a mentor may be in at once
	// (proposed and not yet met, or started and not ended). nil means 1
	// for everyone, the model programme's rule; a result below 1 means 1,
	// as a mentor's capacity 0 means 1 in profile.Mentor. Use the same
	// capacities as the mentors' profiles, or [Ledger.NextRound] reports
	// a mentor whose pinned duos exceed their profile's capacity.
	Capacity func(mentorID string) int
	// Referrals are the referral partners' codes the programme uses
	// (see [Event].Referral): an applied event with another code is
	// refused (unknown_referral). nil means any well-formed code
	// ([ValidReferral]).
	Referrals []string
	// FirstMeetingDays is how many days after a proposal its first meeting
	// is due: [Ledger.Worklist] lists the proposals older than that. 0
	// means 14; [profile.Off] (-1) switches the reminder off (the worklist
	// lists no first meeting as due). Other negative values are invalid.
	FirstMeetingDays int
}

// The defaults of [Options].
const (
	DefaultMaxLineBytes     = 4096
	DefaultMaxLines         = 1_000_000
	DefaultMaxErrors        = 50
	DefaultFirstMeetingDays = 14
)

// Validate returns nil when o is usable, and otherwise one error per
// problem (joined), each a *[profile.Problem] wrapping [ErrOptions] with
// the field as its path: a
// negative limit (the limits bound the work of reading, so [profile.Off]
// does not switch them off), a negative FirstMeetingDays other than
// profile.Off, or a referral code that is not well-formed
// ([ValidReferral]). The zero Options is valid. Cost: O(len(Referrals)).
func (o Options) Validate() error {
	var errs []error
	for _, f := range []struct {
		name string
		v    int
	}{{"max_line_bytes", o.MaxLineBytes}, {"max_lines", o.MaxLines}, {"max_errors", o.MaxErrors}} {
		if f.v < 0 {
			errs = append(errs, &profile.Problem{Path: "options." + f.name, Code: "negative_limit",
				Detail: "negative (0 means the default; this limit cannot be switched off)", Err: ErrOptions})
		}
	}
	if o.FirstMeetingDays < 0 && o.FirstMeetingDays != profile.Off {
		errs = append(errs, &profile.Problem{Path: "options.first_meeting_days", Code: "negative_not_off",
			Detail: "negative (only -1, which turns the rule off, is allowed)", Err: ErrOptions})
	}
	for i, code := range o.Referrals {
		if !ValidReferral(code) {
			errs = append(errs, &profile.Problem{Path: fmt.Sprintf("options.referrals[%d]", i), Code: "not_a_referral_code",
				Detail: "want a referral partner's code: 1 to 32 lower-case letters a-z, digits or underscores, starting with a letter", Err: ErrOptions})
		}
	}
	return errors.Join(errs...)
}

// withDefaults returns o with every zero setting replaced by its default
// (FirstMeetingDays [profile.Off] stays). o must be valid.
func (o Options) withDefaults() Options {
	o.MaxLineBytes = cmp.Or(o.MaxLineBytes, DefaultMaxLineBytes)
	o.MaxLines = cmp.Or(o.MaxLines, DefaultMaxLines)
	o.MaxErrors = cmp.Or(o.MaxErrors, DefaultMaxErrors)
	o.FirstMeetingDays = cmp.Or(o.FirstMeetingDays, DefaultFirstMeetingDays)
	return o
}

// Ledger is a programme's history: a list of valid events in the order
// they were recorded, each consistent with those before it. Build one with
// [Read] or [New] and [Ledger.Add]. Its methods read it on any day; Add is
// the only one that changes it, and a Ledger is not safe for concurrent
// use while Add runs. The zero Ledger is not usable: use New.
type Ledger struct {
	opt    Options
	events []Event
	lines  []int // the line of each event
	last   int   // the line of the last line read or event added
	st     *state
	voided map[int]int // the line of each voided event → the line of its void
}

// New returns an empty ledger with the given options (only Capacity,
// MaxLines and FirstMeetingDays matter to it). Options are set in Go (they
// hold a function), so invalid options are a programmer's error: New
// panics with the error of [Options.Validate]; check them first when they
// come from elsewhere. Cost: O(1).
func New(opt Options) *Ledger {
	if err := opt.Validate(); err != nil {
		panic(err)
	}
	opt = opt.withDefaults()
	return &Ledger{opt: opt, st: newState(opt)}
}

// Len returns the number of events. Cost: O(1).
func (l *Ledger) Len() int { return len(l.events) }

// Events returns a copy of the events, in the order recorded, voids and
// the events they undo included (see [Ledger.VoidedBy]). Cost:
// O(events).
func (l *Ledger) Events() []Event { return append([]Event(nil), l.events...) }

// Add checks e as the next line of the ledger (on its own with
// [Event.Validate], then against the history as [Read] does) and, when
// there is no problem, records it. On error the ledger is unchanged; the
// error joins *[profile.Problem] values with the line e would have had. A
// service checks an event with Add before writing it with [Append].
//
// A [Void] is checked as the package documentation says; recording one
// rebuilds the state without the event it undoes.
//
// Cost: O(1) amortised, plus O(the person's live duos); O(events) for a
// void.
func (l *Ledger) Add(e Event) error {
	line := l.last + 1
	if len(l.events) >= l.opt.MaxLines {
		p := eventProblem(line, idNames(e), "", "ledger_full", fmt.Sprintf("the ledger holds %d events, its maximum", len(l.events)), len(l.events))
		p.Err = errors.Join(ErrInvalid, ErrTooLarge)
		return p
	}
	errs := e.problems(line)
	switch {
	case len(errs) > 0:
	case e.Kind == Void:
		errs = l.addVoid(e, line)
	default:
		if errs = l.st.apply(e, line); len(errs) == 0 {
			l.record(e, line)
		}
	}
	return joinProblems(errs)
}

func (l *Ledger) record(e Event, line int) {
	l.events = append(l.events, e)
	l.lines = append(l.lines, line)
	l.last = line
}

// WriteTo writes every event as one canonical line ([Append]), so that
// [Read] gives back the same events on the same lines: a blank line of
// the file read is written empty, since [Void] events name lines. It implements io.WriterTo. Cost: O(events +
// lines).
func (l *Ledger) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	line := 0
	for i, e := range l.events {
		for line++; line < l.lines[i]; line++ {
			bw.WriteByte('\n')
			n++
		}
		b, _ := e.MarshalJSON()
		k, _ := bw.Write(b) // a bufio.Writer error is returned by Flush
		bw.WriteByte('\n')
		n += int64(k) + 1
	}
	return n, bw.Flush()
}

// Read reads a ledger in JSON Lines, one [Event] per line, strictly and
// within bounds, and checks the history. Lines are numbered from 1; a line
// holding only spaces is skipped (its number counts), a "\r" before the
// "\n" is dropped, and the last line needs no "\n".
//
// Each line must be a JSON object of strings with known fields, no
// duplicate, valid UTF-8, at most opt.MaxLineBytes bytes, and an event
// valid on its own ([Event.Validate]). Each valid event is then checked
// against those before it, in the order of the lines:
//
//   - the people it names applied, on the side it says, and their
//     application is open (no event but outcome after a withdrawal or an
//     ending that closed it; applied re-opens it); one ID is one person,
//     a mentee or a mentor, never both;
//   - it is not dated before an earlier event naming the same person;
//   - applied: not already open; withdrawn: not in a live duo;
//     ineligible: not in a live duo, and no duo proposed in the
//     application; paused/resumed: not already paused/not paused;
//   - proposed: the mentee is in no live duo, the mentor is below
//     capacity (opt.Capacity), neither is paused, the pair is not
//     excluded (a failed first meeting, a decline, an ending in mismatch);
//   - declined and first_meeting: the pair has a proposal waiting for its
//     first meeting; ended: the pair has a started duo; outcome: the
//     mentee has started a duo;
//   - void: the line it names holds an event, not a void, not voided
//     already, and that event is the latest about each person it names
//     (leaving out the events voided before); the event it undoes is then
//     left out of the history, as if never recorded (see the package
//     documentation).
//
// An event with a problem is left out of the history, so later events
// about the same people may be reported as a consequence.
//
// It returns the ledger, or nil and an error that joins one *[profile.Problem]
// per problem in the order of the lines, each with its line number and
// IDs, at most opt.MaxErrors plus one counting the others (errors.Is(err,
// [ErrInvalid]) holds). A line past opt.MaxLines stops reading with a
// problem that also wraps [ErrTooLarge]. A read error of r is returned
// wrapped, alone; invalid options, the error of [Options.Validate], before
// anything is read.
//
// Cost: O(bytes read) time; memory O(events) plus one line.
func Read(r io.Reader, opt Options) (*Ledger, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	l := New(opt)
	opt = l.opt
	br := bufio.NewReaderSize(r, opt.MaxLineBytes+2)
	// First the lines, each on its own; then the history, in the order of
	// the lines, leaving out the events that a void undoes.
	var lineErrs problemList
	var events []Event
	var lines []int
	hasVoid := false
	var tooMany *profile.Problem
	for line := 1; ; line++ {
		b, tooLong, err := readLine(br, opt.MaxLineBytes)
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("ledger: reading line %d: %w", line, err)
		}
		if b == nil && err == io.EOF {
			break
		}
		if line > opt.MaxLines {
			tooMany = eventProblem(line, nil, "", "too_many_lines", "more than "+strconv.Itoa(opt.MaxLines)+" lines", opt.MaxLines)
			tooMany.Err = errors.Join(ErrInvalid, ErrTooLarge)
			break
		}
		l.last = line
		switch {
		case tooLong:
			lineErrs.add(opt.MaxErrors, eventProblem(line, nil, "", "line_too_long", "longer than "+strconv.Itoa(opt.MaxLineBytes)+" bytes", opt.MaxLineBytes))
		case len(bytes.TrimSpace(b)) == 0:
		default:
			e, list := parseLine(b, line)
			lineErrs.add(opt.MaxErrors, list...)
			if len(list) > 0 {
				break
			}
			events, lines = append(events, e), append(lines, line)
			hasVoid = hasVoid || e.Kind == Void
		}
		if err == io.EOF {
			break
		}
	}
	var voided map[int]int
	var refused map[int][]error
	if hasVoid {
		voided, refused = checkVoids(events, lines)
	}
	// The events kept overwrite those read, in place: each is written at
	// or before the index it is read from.
	var histErrs problemList
	lastRead := l.last
	l.events, l.lines = events[:0], lines[:0]
	for i := range events {
		e, line := events[i], lines[i]
		var list []error
		switch {
		case e.Kind == Void:
			list = refused[line]
		case voided[line] != 0:
			// Undone by a later void: recorded, never applied.
		default:
			list = l.st.apply(e, line)
		}
		if len(list) == 0 {
			l.record(e, line)
		}
		histErrs.add(opt.MaxErrors, list...)
	}
	l.last = lastRead
	if len(voided) > 0 {
		l.voided = voided
	}
	errs, more := mergeProblems(lineErrs, histErrs, opt.MaxErrors)
	if more > 0 {
		errs = append(errs, eventProblem(0, nil, "", "more_not_listed",
			fmt.Sprintf("%d more %s not listed (reporting stops after %d)", more, msg.Plural(more, "problem", "problems"), opt.MaxErrors), more, opt.MaxErrors))
	}
	if tooMany != nil {
		errs = append(errs, tooMany)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return l, nil
}

// problemList keeps the first problems found, up to a limit, and counts
// the others.
type problemList struct {
	errs []error
	more int
}

func (p *problemList) add(limit int, errs ...error) {
	for _, err := range errs {
		if len(p.errs) < limit {
			p.errs = append(p.errs, err)
		} else {
			p.more++
		}
	}
}

// mergeProblems merges two lists of problems, each in the order of the
// lines, into one in the order of the lines (a's first on the same line),
// keeps the first limit and counts the others.
func mergeProblems(a, b problemList, limit int) ([]error, int) {
	out := make([]error, 0, min(limit, len(a.errs)+len(b.errs)))
	i, j := 0, 0
	for len(out) < limit && (i < len(a.errs) || j < len(b.errs)) {
		if j == len(b.errs) || (i < len(a.errs) && a.errs[i].(*profile.Problem).Line <= b.errs[j].(*profile.Problem).Line) {
			out = append(out, a.errs[i])
			i++
		} else {
			out = append(out, b.errs[j])
			j++
		}
	}
	return out, a.more + b.more + len(a.errs) - i + len(b.errs) - j
}

// readLine returns the next line without its "\n" (and "\r"), or, for a
// line longer than max bytes, nil and tooLong after skipping it. At the
// end of the input it returns io.EOF, with the last line if it had no
// "\n" (nil when there is none).
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	b, err := br.ReadSlice('\n')
	for err == bufio.ErrBufferFull {
		tooLong = true
		_, err = br.ReadSlice('\n')
	}
	if tooLong {
		if err == io.EOF {
			return []byte{}, true, io.EOF
		}
		return []byte{}, true, err
	}
	if err == io.EOF && len(b) == 0 {
		return nil, false, io.EOF
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if len(b) > max {
		return []byte{}, true, err
	}
	return b, false, err
}

// at replays the events dated on or before on into a fresh state, leaving
// out voids and the events they undo. Events
// of one person are in date order, so the events kept are, for each
// person, a prefix of their history, and replaying them never fails.
// Cost: O(events).
func (l *Ledger) at(on profile.Date) *state {
	s := newState(l.opt)
	for i, e := range l.events {
		if !e.On.After(on) && (len(l.voided) == 0 || l.counts(i)) {
			s.apply1(e, l.lines[i])
		}
	}
	return s
}
