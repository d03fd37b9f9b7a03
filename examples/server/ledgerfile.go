package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"

	"github.com/duomatch/duo/match/ledger"
)

// ledgerFile is the programme's ledger (package match/ledger), kept in a
// file on disk in JSON Lines and in memory. Only this type writes the
// file, and only by appending whole lines:
//
//   - an event is checked against the history (ledger.Ledger.Add) before
//     it is written; a rejected event changes neither the file nor the
//     ledger;
//   - the events of a request are written in one write(2) to the file
//     opened with O_APPEND, then fsync(2)ed; only then is the request
//     answered 200. An accepted event is on disk;
//   - when the write or the fsync fails, the file is truncated back to its
//     last accepted line and the ledger read again from it; the request
//     gets 500 and nothing of it is accepted;
//   - at start, a last line without its newline is the trace of a write
//     interrupted by a crash (a write the server never acknowledged) when
//     it is not a complete JSON value: it is dropped, and the log says so
//     with its line number and length. A complete last line without a
//     newline (a file edited by hand) is kept and given its newline. Any
//     other problem of the file stops the server with every problem and
//     its line number (see openLedger).
//
// The file is locked (flock) while the server runs, so that two servers
// never append to the same file.
type ledgerFile struct {
	path string
	log  *slog.Logger

	mu   sync.RWMutex // Lock to add, RLock to read l
	f    *os.File
	l    *ledger.Ledger
	size int64 // the bytes of the accepted lines
	// broken is set when a failed write could not be undone: the server
	// then refuses every event until it is restarted.
	broken error
}

// errLedgerBroken is the error of an append after a write to the file
// failed and could not be undone.
var errLedgerBroken = errors.New("the ledger file could not be restored after a failed write; restart the server")

// openLedger opens (or creates) the ledger file at path and reads it with
// ledger.Read. It refuses a file with a problem (every problem, each with
// its line number and IDs, never another value), except for an
// incomplete last line, handled as ledgerFile describes.
func openLedger(path string, logger *slog.Logger) (*ledgerFile, error) {
	_, err := os.Stat(path)
	created := errors.Is(err, fs.ErrNotExist)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	lf := &ledgerFile{path: path, log: logger, f: f}
	if err := lf.open(created); err != nil {
		f.Close()
		return nil, fmt.Errorf("ledger %s: %w", path, err)
	}
	return lf, nil
}

func (lf *ledgerFile) open(created bool) error {
	if err := lockFile(lf.f); err != nil {
		return err
	}
	if created {
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
	tailStart, tail, err := lastLine(lf.f, lf.size)
	if err != nil {
		return err
	}
	complete := len(tail) == 0 // the file ends with a newline, or is empty
	l, err := ledger.Read(io.NewSectionReader(lf.f, 0, lf.size), ledger.Options{})
	switch {
	case err == nil && !complete:
		// A last line written by hand without its newline: keep it, and
		// end it so that the next event starts a line of its own.
		if _, err := lf.f.Write([]byte("\n")); err != nil {
			return err
		}
		if err := lf.f.Sync(); err != nil {
			return err
		}
		lf.size++
		lf.log.Info("ledger: added the newline missing at the end of the file")
	case err != nil && !complete && !json.Valid(tail):
		// An interrupted write: never acknowledged, so not an accepted
		// event. The lines before it must read without a problem.
		l, err = ledger.Read(io.NewSectionReader(lf.f, 0, tailStart), ledger.Options{})
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
		lf.log.Warn("ledger: dropped an incomplete last line left by an interrupted write",
			"line", line, "bytes", lf.size-tailStart)
		lf.size = tailStart
	case err != nil:
		return err
	}
	lf.l = l
	lf.log.Info("ledger", "events", l.Len())
	return nil
}

// lastLine returns where the file's last line starts and its bytes when
// the file does not end with a newline (nil when it does). A last line
// longer than ledger.DefaultMaxLineBytes is not looked at: Read reports
// it.
func lastLine(f *os.File, size int64) (int64, []byte, error) {
	n := min(size, ledger.DefaultMaxLineBytes+1)
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
func lineNumber(f *os.File, off int64) (int, error) {
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

// rejected is an event of a request that the ledger refused: its index in
// the request and the ledger's error.
type rejected struct {
	index int
	err   error
}

func (r *rejected) Error() string { return r.err.Error() }

// add checks events against the history, in order, and writes them. It
// is all or nothing: when one is refused (a *rejected error) or the
// write fails, none is kept. It returns the number of events in the
// ledger.
//
// Cost: O(events of the request), plus O(ledger) to read the file again
// when an event after the first is refused or the write fails.
func (lf *ledgerFile) add(events []ledger.Event) (int, error) {
	lf.mu.Lock()
	defer lf.mu.Unlock()
	if lf.broken != nil {
		return 0, errLedgerBroken
	}
	var buf bytes.Buffer
	for i, e := range events {
		if err := lf.l.Add(e); err != nil {
			if i > 0 {
				// The events before it are in memory only: read the
				// file again.
				lf.restore(false)
			}
			return 0, &rejected{index: i, err: err}
		}
		if err := ledger.Append(&buf, e); err != nil {
			lf.restore(false)
			return 0, err
		}
	}
	_, err := lf.f.Write(buf.Bytes())
	if err == nil {
		err = lf.f.Sync()
	}
	if err != nil {
		lf.restore(true)
		return 0, fmt.Errorf("writing the ledger: %w", err)
	}
	lf.size += int64(buf.Len())
	return lf.l.Len(), nil
}

// restore brings the ledger back to the accepted lines: the file is cut
// back to them (when truncate is set) and read again. When that fails,
// the ledger refuses every event until a restart. lf.mu is held.
func (lf *ledgerFile) restore(truncate bool) {
	err := error(nil)
	if truncate {
		if err = lf.f.Truncate(lf.size); err == nil {
			err = lf.f.Sync()
		}
	}
	if err == nil {
		var l *ledger.Ledger
		if l, err = ledger.Read(io.NewSectionReader(lf.f, 0, lf.size), ledger.Options{}); err == nil {
			lf.l = l
			return
		}
	}
	lf.broken = err
	lf.log.Error("ledger: cannot restore the file after a failed write", "error", err.Error())
}

// read calls fn with the ledger, which fn must not change or keep.
func (lf *ledgerFile) read(fn func(l *ledger.Ledger)) {
	lf.mu.RLock()
	defer lf.mu.RUnlock()
	fn(lf.l)
}

// close closes the file, which releases its lock.
func (lf *ledgerFile) close() error {
	lf.mu.Lock()
	defer lf.mu.Unlock()
	return lf.f.Close()
}
