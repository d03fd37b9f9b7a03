package ledger

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/duomatch/duo/profile"

	"github.com/duomatch/duo/internal/msg"
)

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
//     capacity (their application's, or opt.Capacity), neither is paused, the pair is not
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
// A line {"batch":"N"} (exactly so, N a whole number from 2 without
// leading zeros) opens a batch: the N lines after it are the events of
// one [File.Append], written all or nothing. The marker's line counts (a
// [Void] names lines) but it is not an event. The N lines must be events:
// a blank line or another marker among them is a problem, and so is a
// batch cut short by the end of the input (OpenFile drops such a batch,
// the trace of an interrupted write). Files written before batch markers
// existed hold none and read as before.
//
// It returns the ledger, or nil and an error that joins one *[profile.Problem]
// per problem in the order of the lines, each with its line number and
// IDs, at most opt.MaxErrors plus one counting the others (errors.Is(err,
// [ErrInvalid]) holds). An event past opt.MaxLines events (blank lines
// and batch markers are not counted, as [Ledger.Add] counts) stops
// reading with a problem that also wraps [ErrTooLarge]. A read error of r
// is returned wrapped, alone; invalid options, the error of
// [Options.Validate], before anything is read.
//
// Lines in the form [Event.MarshalJSON] writes are decoded by a fast path
// that allocates nothing per line but the IDs it has not seen yet; any
// other line is decoded by encoding/json's tokenizer, with the same
// result and the same problems.
//
// Cost: O(bytes read) time; memory O(events + distinct IDs) plus one line.
func Read(r io.Reader, opt Options) (*Ledger, error) {
	l, _, err := read(r, opt, false)
	return l, err
}

// readTail is what read, repairing, found to drop at the end of the input.
type readTail struct {
	cut     int64 // the offset of the first byte to drop; -1 for none
	cutLine int   // the line of that byte
	events  int   // events of an incomplete batch dropped
	// lastNoNewline is set when the last line kept has no "\n".
	lastNoNewline bool
}

// read is [Read]; with repair, the trace of an interrupted write at the
// end of the input is not a problem but left out and described in the
// readTail: a last line without "\n" that is not a complete JSON value,
// and a batch cut short (with its marker).
func read(r io.Reader, opt Options, repair bool) (*Ledger, readTail, error) {
	tail := readTail{cut: -1}
	if err := opt.Validate(); err != nil {
		return nil, tail, err
	}
	l := New(opt)
	opt = l.opt
	br := bufio.NewReaderSize(r, opt.MaxLineBytes+2)
	// First the lines, each on its own; then the history, in the order of
	// the lines, leaving out the events that a void undoes.
	var lineErrs problemList
	// Sized once from the input when it can be counted, so that growing
	// does not hold two copies at once.
	n := min(countLines(r), opt.MaxLines)
	recs, lines := make([]rec, 0, withRoom(n)), make([]int, 0, withRoom(n))
	// About one line in three names a new person, in a programme's
	// history.
	l.tab = newTable(n / 3)
	dec := lineDecoder{t: &l.tab}
	hasVoid := false
	var tooMany *profile.Problem
	// The open batch: its marker's offset and line, the events it still
	// expects, and the number of events before it.
	var bStart int64
	bLine, bLeft, bFirst := 0, 0, 0
	interrupted := func(line int) {
		lineErrs.add(opt.MaxErrors, eventProblem(line, nil, "", "batch_interrupted",
			fmt.Sprintf("the batch of line %d lacks %d %s: a batch's events follow its marker, one a line", bLine, bLeft, msg.Plural(bLeft, "event", "events")), bLine, bLeft))
		bLeft = 0
	}
	var off int64
	count := 0
	for line := 1; ; line++ {
		b, n, tooLong, err := readLine(br, opt.MaxLineBytes)
		if err != nil && err != io.EOF {
			return nil, tail, fmt.Errorf("ledger: reading line %d: %w", line, err)
		}
		if n == 0 && err == io.EOF {
			break
		}
		start := off
		off += int64(n)
		last := err == io.EOF // a last line without "\n"
		blank := !tooLong && len(bytes.TrimSpace(b)) == 0
		if repair && last && !tooLong && !blank && !json.Valid(b) {
			tail.cut, tail.cutLine = start, line
			if bLeft > 0 {
				tail.cut, tail.cutLine, tail.events = bStart, bLine, len(recs)-bFirst
				recs, lines, bLeft = recs[:bFirst], lines[:bFirst], 0
			}
			break
		}
		tail.lastNoNewline = last
		if k, ok := batchMarker(b); ok && !tooLong {
			if bLeft > 0 {
				interrupted(line)
			}
			l.last = line
			bStart, bLine, bLeft, bFirst = start, line, k, len(recs)
			continue
		}
		if blank {
			if bLeft > 0 {
				interrupted(line)
			}
			l.last = line
			continue
		}
		if count++; count > opt.MaxLines {
			tooMany = eventProblem(line, nil, "", "too_many_events", "more than "+strconv.Itoa(opt.MaxLines)+" events", opt.MaxLines)
			tooMany.Err = errors.Join(ErrInvalid, ErrTooLarge)
			break
		}
		l.last = line
		if bLeft > 0 {
			bLeft--
		}
		if tooLong {
			lineErrs.add(opt.MaxErrors, eventProblem(line, nil, "", "line_too_long", "longer than "+strconv.Itoa(opt.MaxLineBytes)+" bytes", opt.MaxLineBytes))
			continue
		}
		r, e, list := dec.parse(b, line)
		lineErrs.add(opt.MaxErrors, list...)
		if len(list) == 0 {
			recs, lines = append(recs, r), append(lines, line)
			hasVoid = hasVoid || e.Kind == Void
		}
	}
	if bLeft > 0 && tooMany == nil {
		if repair {
			tail.cut, tail.cutLine, tail.events = bStart, bLine, len(recs)-bFirst
			recs, lines = recs[:bFirst], lines[:bFirst]
			tail.lastNoNewline = false
		} else {
			lineErrs.add(opt.MaxErrors, eventProblem(bLine, nil, "", "incomplete_batch",
				fmt.Sprintf("the batch of this line lacks %d %s at the end of the file: the trace of an interrupted write", bLeft, msg.Plural(bLeft, "event", "events")), bLeft))
		}
	}
	if tail.cut >= 0 {
		l.last = tail.cutLine - 1
	}
	l.recs, l.lines = recs, lines
	var voided map[int]int
	var refused map[int][]error
	if hasVoid {
		voided, refused = checkVoids(l)
	}
	l.st.reserve(l, profile.MustDate(MaxYear, 12, 31), true)
	// The events kept overwrite those read, in place: each is written at
	// or before the index it is read from.
	var histErrs problemList
	lastRead := l.last
	l.recs, l.lines = recs[:0], lines[:0]
	for i := range recs {
		e, line := l.tab.event(&recs[i]), lines[i]
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
			l.recs, l.lines, l.last = append(l.recs, recs[i]), append(l.lines, line), line
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
		return nil, tail, errors.Join(errs...)
	}
	return l, tail, nil
}

// withRoom returns a list's capacity for n elements read, with room for
// an eighth more: so that the first events a service adds after opening
// a large ledger do not copy its lists while a request waits (a list of
// a million applications is 170 MB).
func withRoom(n int) int { return n + n/8 }

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

// readLine returns the next line without its "\n" (and "\r") and the
// number of bytes it took in the input, or, for a line longer than max
// bytes, an empty line and tooLong after skipping it. At the end of the
// input it returns io.EOF, with the last line if it had no "\n" (n is 0
// when there is none).
func readLine(br *bufio.Reader, max int) (line []byte, n int, tooLong bool, err error) {
	b, err := br.ReadSlice('\n')
	n = len(b)
	for err == bufio.ErrBufferFull {
		tooLong = true
		b, err = br.ReadSlice('\n')
		n += len(b)
	}
	if tooLong {
		return []byte{}, n, true, err
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if len(b) > max {
		return []byte{}, n, true, err
	}
	return b, n, false, err
}

// countLines returns the number of lines of r when r can be read at any
// offset and knows its size (a file section, as [OpenFile] reads, or a
// bytes.Reader or strings.Reader), counted without consuming r, and 0
// otherwise. Cost: O(bytes), read in 64 KiB blocks.
func countLines(r io.Reader) int {
	sr, ok := r.(interface {
		io.ReaderAt
		Size() int64
	})
	if !ok {
		return 0
	}
	n := 1
	buf := make([]byte, 64<<10)
	for off := int64(0); off < sr.Size(); {
		k, err := sr.ReadAt(buf, off)
		n += bytes.Count(buf[:k], []byte("\n"))
		off += int64(k)
		if err != nil {
			break
		}
	}
	return n
}
