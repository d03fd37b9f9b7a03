package ledger

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/duomatch/duo/profile"
)

// ErrBroken is the error of [File.Append] after a write to the file failed
// and could not be undone: the File then refuses every event until it is
// opened again.
var ErrBroken = errors.New("ledger: the file could not be restored after a failed write; open it again")

// File is a ledger kept in a file in JSON Lines and in memory, for a
// service that records events as they happen. Only [File.Append] writes
// the file, and only by appending whole lines:
//
//   - a batch of events is checked against the history ([Ledger.Add])
//     before it is written; a refused event changes neither the file nor
//     the ledger, and neither does any other event of its batch;
//   - the events of a batch are written in one write(2) to the file opened
//     with O_APPEND, then fsync(2)ed; only then does Append return. An
//     accepted event is on disk;
//   - a batch of more than one event is written after a marker line that
//     says how many events follow ([Read] documents the format), so that
//     [OpenFile] recognises a batch cut short by a crash and drops it,
//     marker included; a single event is one line, and a line cut short
//     is dropped too, as [Recovery] says;
//   - when the write or the fsync fails, the file is truncated back to its
//     last accepted line and the batch undone in memory; nothing of the
//     batch is accepted (when the truncation fails too, every later
//     Append returns [ErrBroken]).
//
// The file is locked (flock, on systems that have it) while it is open, so
// that two services never append to the same file.
//
// A File does I/O by design, unlike the rest of the package, but nothing
// else: it takes no clock and logs nothing; what OpenFile repaired is in
// [File.Recovery], for the service to log. Its methods are safe for
// concurrent use: Appends run one at a time, and [File.View] reads an
// unchanging view of the ledger, so readers and Append never wait for
// each other.
type File struct {
	path string
	opt  Options
	rec  Recovery

	mu sync.Mutex // held by Append and Close
	f  *os.File
	// w is where Append writes: f, or a writer that fails in tests.
	w    io.Writer
	l    *Ledger // the ledger Append adds to, under mu
	size int64   // the bytes of the accepted lines
	// broken is set when a failed write could not be undone.
	broken error
	// view is what View reads: a view of l ([Ledger.view]) as of the
	// last accepted batch, replaced (never changed) by Append.
	view atomic.Pointer[Ledger]
}

// Recovery says what [OpenFile] found and repaired.
type Recovery struct {
	// Created is set when the file did not exist and was created.
	Created bool
	// DroppedLine is the first line that was dropped, 0 when none was:
	// the trace of a write interrupted by a crash, a write that
	// [File.Append] never returned from with success, so no accepted
	// event. It is a last line without its newline that is not a complete
	// JSON value, or a batch cut short: its marker and the events after
	// it, fewer than it announces (see [Read]). DroppedBytes is the
	// length of what was dropped, DroppedEvents the number of whole events
	// of a batch that were dropped with it.
	DroppedLine   int
	DroppedBytes  int64
	DroppedEvents int
	// AddedNewline is set when the last line was a whole event without its
	// newline (a file edited by hand): it is kept and given its newline, so
	// that the next event starts a line of its own.
	AddedNewline bool
}

// OpenFile opens (or creates, with mode 0600) the ledger file at path,
// locks it and reads it with [Read] and opt. It refuses a file with a
// problem: the error joins every problem, each with its line number and
// IDs as Read reports them, except for the trace of an interrupted write
// (a line or a batch cut short at the end), dropped
// as [Recovery] describes. Invalid options are refused, before the file is
// touched, with the error of [Options.Validate]. A file in use by another File (in this process
// or another) is refused. Close the File to release its lock.
//
// Cost: that of Read on the file, O(bytes).
func OpenFile(path string, opt Options) (*File, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	_, err := os.Stat(path)
	created := errors.Is(err, fs.ErrNotExist)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	lf := &File{path: path, opt: opt, f: f, w: f, rec: Recovery{Created: created}}
	if err := lf.open(); err != nil {
		f.Close()
		return nil, fmt.Errorf("ledger %s: %w", path, err)
	}
	return lf, nil
}

func (lf *File) open() error {
	if err := lockFile(lf.f); err != nil {
		return err
	}
	if lf.rec.Created {
		// The new file's name must survive a crash too.
		if err := syncDir(filepath.Dir(lf.path)); err != nil {
			return err
		}
	}
	fi, err := lf.f.Stat()
	if err != nil {
		return err
	}
	lf.size = fi.Size()
	l, tail, err := read(io.NewSectionReader(lf.f, 0, lf.size), lf.opt, true)
	if err != nil {
		return err
	}
	if tail.cut >= 0 {
		if err := lf.f.Truncate(tail.cut); err != nil {
			return err
		}
		if err := lf.f.Sync(); err != nil {
			return err
		}
		lf.rec.DroppedLine, lf.rec.DroppedBytes, lf.rec.DroppedEvents = tail.cutLine, lf.size-tail.cut, tail.events
		lf.size = tail.cut
	}
	if tail.lastNoNewline {
		if _, err := lf.f.Write([]byte("\n")); err != nil {
			return err
		}
		if err := lf.f.Sync(); err != nil {
			return err
		}
		lf.size++
		lf.rec.AddedNewline = true
	}
	lf.l = l
	lf.view.Store(l.view())
	return nil
}

// syncDir makes the creation of a file in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Recovery returns what [OpenFile] found and repaired. Cost: O(1).
func (lf *File) Recovery() Recovery { return lf.rec }

// Append checks the batch's events against the history, in order, and
// writes them, all or nothing, as [File] describes. It returns the number
// of events in the ledger.
//
// Errors: when an event is refused, the error joins its *[EventError]
// problems with their Field under the event's path in the batch
// ([Batch.Path]: "[2].reason") and errors.Is(err, [ErrInvalid]) holds;
// [ErrBroken] after a failed write that could not be undone; a write or
// fsync error, wrapped, after which nothing of the batch is kept. An empty
// batch writes nothing.
//
// Cost: O(events of the batch), the file is never read again: a refused
// event, or a failed write, is undone in memory in O(events of the
// batch).
func (lf *File) Append(b Batch) (int, error) {
	lf.mu.Lock()
	defer lf.mu.Unlock()
	if lf.broken != nil {
		return 0, ErrBroken
	}
	if len(b.Events) == 0 {
		return lf.l.Len(), nil
	}
	skip := 0
	var buf []byte
	if len(b.Events) > 1 {
		skip = 1
		buf = appendBatchMarker(buf, len(b.Events))
	}
	undo, i, err := lf.l.addBatch(b.Events, skip)
	if err != nil {
		return 0, profile.AtPath(err, b.Path(i))
	}
	for _, e := range b.Events {
		m, _ := e.MarshalJSON() // Add validated e
		buf = append(append(buf, m...), '\n')
	}
	_, err = lf.w.Write(buf)
	if err == nil {
		err = lf.f.Sync()
	}
	if err != nil {
		undo.undo(lf.l)
		lf.restore()
		return 0, fmt.Errorf("ledger: writing %s: %w", lf.path, err)
	}
	lf.size += int64(len(buf))
	lf.view.Store(lf.l.view())
	return lf.l.Len(), nil
}

// restore cuts the file back to its accepted lines after a failed write.
// When that fails, the File is broken until it is opened again. lf.mu is
// held.
func (lf *File) restore() {
	err := lf.f.Truncate(lf.size)
	if err == nil {
		err = lf.f.Sync()
	}
	lf.broken = err
}

// View calls fn with the ledger as of the last accepted batch: every
// event that [File.Append] accepted before View was called, and none of
// a batch Append has not yet accepted. The ledger is read only: fn may
// call every method ([Ledger.Add] returns [ErrReadOnly]) and may keep
// it; it never changes.
//
// View takes no lock: it neither waits for Append nor makes Append wait,
// so a long reading (indicators over a million events) holds up no
// request. The ledger shares the File's memory; what it holds is never
// changed, only added to past its end. Cost: O(1), plus that of fn.
func (lf *File) View(fn func(l *Ledger)) {
	fn(lf.view.Load())
}

// Close closes the file, which releases its lock. Every accepted event is
// already on disk. Cost: O(1).
func (lf *File) Close() error {
	lf.mu.Lock()
	defer lf.mu.Unlock()
	return lf.f.Close()
}
