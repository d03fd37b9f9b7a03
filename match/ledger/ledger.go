package ledger

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/duomatch/duo/profile"
)

// Options bounds the work of [Read] and sets the rules of a [Ledger]. The
// zero value means the defaults, field by field.
type Options struct {
	// MaxLineBytes is the longest line accepted, in bytes; a longer line
	// is reported and skipped. 0 means 4096; an event line is under 300
	// bytes unless its IDs need escaping (at most about 1 300). Like MaxLines and MaxErrors, it bounds the work of reading and
	// cannot be switched off: a negative value is invalid ([Options.Validate]).
	MaxLineBytes int
	// MaxLines is the most events a ledger holds: reading stops with an
	// error wrapping [ErrTooLarge] at the first event past it, and
	// [Ledger.Add] refuses an event past it. Both count events the same
	// way (every line that holds an event, voids and voided events
	// included; blank lines and batch markers are not counted), so a
	// ledger that Add accepted always reads. 0 means 1 000 000.
	MaxLines int
	// MaxErrors is the most problems an error lists; one more problem
	// then says how many others were found. 0 means 50.
	MaxErrors int
	// Capacity returns how many live duos a mentor may be in at once
	// (proposed and not yet met, or started and not ended), for a mentor
	// whose application gave none (the capacity of an [Applied] event
	// comes first: a service that records it needs no function). nil
	// means 1 for everyone, the model programme's rule; a result below 1 means 1,
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
	opt   Options
	recs  []rec // the events
	lines []int // the line of each event
	tab   table // the strings of the events
	last  int   // the line of the last line read or event added
	// st is the state after every event in force, which Add checks an
	// event against; nil in a [File]'s view, which is read only.
	st *state
	// voided holds the line of each voided event → the line of its void.
	// It is replaced, never changed, when a void is added, since a view
	// shares it.
	voided map[int]int
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
	return &Ledger{opt: opt, st: newState(opt), tab: newTable(0)}
}

// Len returns the number of events. Cost: O(1).
func (l *Ledger) Len() int { return len(l.recs) }

// Events returns a copy of the events, in the order recorded, voids and
// the events they undo included (see [Ledger.VoidedBy]). Cost:
// O(events).
func (l *Ledger) Events() []Event {
	events := make([]Event, len(l.recs))
	for i := range l.recs {
		events[i] = l.event(i)
	}
	return events
}

// event returns the i-th event. Cost: O(1), no allocation.
func (l *Ledger) event(i int) Event { return l.tab.event(&l.recs[i]) }

// view returns a copy of l that reads the events l holds now and never
// sees a change of l: [File.View] gives one while [File.Append] adds to
// l. It shares l's memory (the events are only appended to, and the map
// of voids is replaced when it changes). Cost: O(1).
func (l *Ledger) view() *Ledger {
	n := len(l.recs)
	return &Ledger{opt: l.opt, recs: l.recs[:n:n], lines: l.lines[:n:n], tab: l.tab.view(), last: l.last, voided: l.voided}
}

// Add checks e as the next line of the ledger (on its own with
// [Event.Validate], then against the history as [Read] does) and, when
// there is no problem, records it. On error the ledger is unchanged; the
// error joins *[profile.Problem] values with the line e would have had. A
// service checks an event with Add before writing it with [Append]. Add
// refuses an event whose line would be longer than MaxLineBytes, as Read
// would.
//
// A [Void] is checked as the package documentation says; recording one
// takes the event it undoes out of the state, as if it had never been
// recorded.
//
// On the read-only ledger of [File.View], Add records nothing and returns
// [ErrReadOnly].
//
// Cost: O(1) amortised, plus O(the person's live duos); for a void,
// O(events since the previous event about the people of the event it
// undoes), a scan of numbers, and O(duos since) for an ending.
func (l *Ledger) Add(e Event) error {
	if l.st == nil {
		return ErrReadOnly
	}
	line := l.last + 1
	if len(l.recs) >= l.opt.MaxLines {
		p := eventProblem(line, idNames(e), "", "ledger_full", fmt.Sprintf("the ledger holds %d events, its maximum", len(l.recs)), len(l.recs))
		p.Err = errors.Join(ErrInvalid, ErrTooLarge)
		return p
	}
	errs := e.problems(line)
	switch {
	case len(errs) > 0:
	case lineLen(e) > l.opt.MaxLineBytes:
		// Read would refuse the line.
		errs = []error{eventProblem(line, idNames(e), "", "line_too_long", "longer than "+strconv.Itoa(l.opt.MaxLineBytes)+" bytes as a line", l.opt.MaxLineBytes)}
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
	l.recs = append(l.recs, l.tab.pack(e))
	l.lines = append(l.lines, line)
	l.last = line
}

// WriteTo writes every event as one canonical line ([Append]), so that
// [Read] gives back the same events on the same lines: a blank line or a
// batch marker of the file read is written empty, since [Void] events name lines. It implements io.WriterTo. Cost: O(events +
// lines).
func (l *Ledger) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	line := 0
	for i := range l.recs {
		e := l.event(i)
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

// at replays the events dated on or before on into a fresh state, leaving
// out voids and the events they undo. Events
// of one person are in date order, so the events kept are, for each
// person, a prefix of their history, and replaying them never fails.
// Cost: O(events).
func (l *Ledger) at(on profile.Date) *state {
	s := newState(l.opt)
	s.reserve(l, on, false)
	for i := range l.recs {
		if !l.recs[i].on.After(on) && (len(l.voided) == 0 || l.counts(i)) {
			s.apply1(l.event(i), l.lines[i])
		}
	}
	return s
}

// lineLen is the length of e's line in a file, without its newline.
func lineLen(e Event) int {
	b, _ := e.MarshalJSON()
	return len(b)
}
