package ledger

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

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
//   - when the write or the fsync fails, the file is truncated back to its
//     last accepted line and the ledger read again from it; nothing of the
//     batch is accepted (when that fails too, every later Append returns
//     [ErrBroken]);
//   - [OpenFile] drops a last line cut by a crash, as [Recovery] says.
//
// The file is locked (flock, on systems that have it) while it is open, so
// that two services never append to the same file.
//
// A File does I/O by design, unlike the rest of the package, but nothing
// else: it takes no clock and logs nothing; what OpenFile repaired is in
// [File.Recovery], for the service to log. Its methods are safe for
// concurrent use.
type File struct {
	path string
	opt  Options
	rec  Recovery

	mu sync.RWMutex // Lock to append, RLock to read l
	f  *os.File
	// w is where Append writes: f, or a writer that fails in tests.
	w    io.Writer
	l    *Ledger
	size int64 // the bytes of the accepted lines
	// broken is set when a failed write could not be undone.
	broken error
}

// Recovery says what [OpenFile] found and repaired.
type Recovery struct {
	// Created is set when the file did not exist and was created.
	Created bool
	// DroppedLine is the number of a last line that was dropped, 0 when
	// none was: a last line without its newline that is not a complete
	// JSON value is the trace of a write interrupted by a crash, a write
	// that [File.Append] never returned from with success, so not an
	// accepted event. DroppedBytes is its length.
	DroppedLine  int
	DroppedBytes int64
	// AddedNewline is set when the last line was a whole event without its
	// newline (a file edited by hand): it is kept and given its newline, so
	// that the next event starts a line of its own.
	AddedNewline bool
}

// OpenFile opens (or creates, with mode 0600) the ledger file at path,
// locks it and reads it with [Read] and opt. It refuses a file with a
// problem: the error joins every problem, each with its line number and
// IDs as Read reports them, except for an incomplete last line, dropped
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
	tailStart, tail, err := lastLine(lf.f, lf.size, lf.opt.withDefaults().MaxLineBytes)
	if err != nil {
		return err
	}
	complete := len(tail) == 0 // the file ends with a newline, or is empty
	l, err := Read(io.NewSectionReader(lf.f, 0, lf.size), lf.opt)
	switch {
	case err == nil && !complete:
		if _, err := lf.f.Write([]byte("\n")); err != nil {
			return err
		}
		if err := lf.f.Sync(); err != nil {
			return err
		}
		lf.size++
		lf.rec.AddedNewline = true
	case err != nil && !complete && !json.Valid(tail):
		// The lines before an interrupted write must read without a
		// problem.
		l, err = Read(io.NewSectionReader(lf.f, 0, tailStart), lf.opt)
		if err != nil {
			return err
		}
		line, err := lineNumber(lf.f, tailStart)
		if err != nil {
			return err
		}
		if err := lf.f.Truncate(tailStart); err != nil {
			return err
		}
		if err := lf.f.Sync(); err != nil {
			return err
		}
		lf.rec.DroppedLine, lf.rec.DroppedBytes = line, lf.size-tailStart
		lf.size = tailStart
	case err != nil:
		return err
	}
	lf.l = l
	return nil
}

// lastLine returns where the file's last line starts and its bytes when
// the file does not end with a newline (nil when it does). A last line
// longer than max bytes is not looked at: Read reports it.
func lastLine(f io.ReaderAt, size int64, max int) (int64, []byte, error) {
	n := min(size, int64(max)+1)
	buf := make([]byte, n)
	if _, err := f.ReadAt(buf, size-n); err != nil && err != io.EOF {
		return 0, nil, err
	}
	if n == 0 || buf[n-1] == '\n' {
		return size, nil, nil
	}
	i := bytes.LastIndexByte(buf, '\n')
	if i < 0 && n < size {
		return size, nil, nil // too long to be a line
	}
	return size - n + int64(i) + 1, buf[i+1:], nil
}

// lineNumber is the number of the line starting at offset off.
func lineNumber(f io.ReaderAt, off int64) (int, error) {
	n := 1
	buf := make([]byte, 64<<10)
	r := io.NewSectionReader(f, 0, off)
	for {
		k, err := r.Read(buf)
		n += bytes.Count(buf[:k], []byte("\n"))
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return 0, err
		}
	}
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
// Cost: O(events of the batch), plus O(ledger) to read the file again
// when an event after the first is refused or the write fails.
func (lf *File) Append(b Batch) (int, error) {
	lf.mu.Lock()
	defer lf.mu.Unlock()
	if lf.broken != nil {
		return 0, ErrBroken
	}
	var buf bytes.Buffer
	for i, e := range b.Events {
		if err := lf.l.Add(e); err != nil {
			if i > 0 {
				// The events before it are in memory only: read the
				// file again.
				lf.restore(false)
			}
			return 0, profile.AtPath(err, b.Path(i))
		}
		if err := Append(&buf, e); err != nil {
			lf.restore(false) // not reached: Add validated e
			return 0, err
		}
	}
	if buf.Len() == 0 {
		return lf.l.Len(), nil
	}
	_, err := lf.w.Write(buf.Bytes())
	if err == nil {
		err = lf.f.Sync()
	}
	if err != nil {
		lf.restore(true)
		return 0, fmt.Errorf("ledger: writing %s: %w", lf.path, err)
	}
	lf.size += int64(buf.Len())
	return lf.l.Len(), nil
}

// restore brings the ledger back to the accepted lines: the file is cut
// back to them (when truncate is set) and read again. When that fails,
// the File is broken until it is opened again. lf.mu is held.
func (lf *File) restore(truncate bool) {
	var err error
	if truncate {
		if err = lf.f.Truncate(lf.size); err == nil {
			err = lf.f.Sync()
		}
	}
	if err == nil {
		var l *Ledger
		if l, err = Read(io.NewSectionReader(lf.f, 0, lf.size), lf.opt); err == nil {
			lf.l = l
			return
		}
	}
	lf.broken = err
}

// View calls fn with the ledger, which fn must not change or keep; Append
// waits while fn runs. Cost: that of fn.
func (lf *File) View(fn func(l *Ledger)) {
	lf.mu.RLock()
	defer lf.mu.RUnlock()
	fn(lf.l)
}

// Close closes the file, which releases its lock. Every accepted event is
// already on disk. Cost: O(1).
func (lf *File) Close() error {
	lf.mu.Lock()
	defer lf.mu.Unlock()
	return lf.f.Close()
}
