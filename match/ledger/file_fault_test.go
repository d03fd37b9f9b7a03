package ledger

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tornWriter writes the first half of what it is given to w, then fails
// as a full disk does.
type tornWriter struct{ w *os.File }

func (t tornWriter) Write(p []byte) (int, error) {
	n, _ := t.w.Write(p[:len(p)/2])
	return n, syscall.ENOSPC
}

func mustEvent(t *testing.T, line string) Event {
	t.Helper()
	var e Event
	require.NoError(t, e.UnmarshalJSON([]byte(line)))
	return e
}

// TestFileWriteFailure fails the write of a batch as a full disk does,
// half written or not written at all: the file is cut back to its last
// accepted line, the ledger is as before, nothing of the batch is kept,
// and the next batch is written once the disk has room again. When the
// file cannot be cut back, the File refuses every batch with ErrBroken.
func TestFileWriteFailure(t *testing.T) {
	first := `{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1"}`
	batch := Batch{Events: []Event{
		mustEvent(t, `{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-1"}`),
		mustEvent(t, `{"on":"2026-02-01","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"}`),
	}}
	devFull, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		devFull = nil // not every system has one
	}
	tests := []struct {
		name  string
		fault func(lf *File)
	}{
		{name: "half written", fault: func(lf *File) { lf.w = tornWriter{lf.f} }},
		{name: "a full disk (/dev/full)", fault: func(lf *File) {
			if devFull == nil {
				t.Skip("no /dev/full")
			}
			lf.w = devFull
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ledger.jsonl")
			require.NoError(t, os.WriteFile(path, []byte(first+"\n"), 0o600))
			lf, err := OpenFile(path, Options{})
			require.NoError(t, err)
			defer lf.Close()
			tt.fault(lf)
			_, err = lf.Append(batch)
			require.Error(t, err)
			assert.ErrorIs(t, err, syscall.ENOSPC)
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, first+"\n", string(got), "the file is cut back")
			assert.Equal(t, 1, lf.l.Len(), "the ledger is as before")

			lf.w = lf.f // room again
			n, err := lf.Append(batch)
			require.NoError(t, err)
			assert.Equal(t, 3, n)
			got, err = os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, 4, strings.Count(string(got), "\n"), "a line, the batch's marker and its two events")
		})
	}

	t.Run("cannot be cut back", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "ledger.jsonl")
		require.NoError(t, os.WriteFile(path, []byte(first+"\n"), 0o600))
		lf, err := OpenFile(path, Options{})
		require.NoError(t, err)
		lf.w = tornWriter{lf.f}
		require.NoError(t, lf.f.Close()) // truncate fails too
		_, err = lf.Append(batch)
		require.Error(t, err)
		assert.False(t, errors.Is(err, ErrBroken), "the failed write itself is reported")
		_, err = lf.Append(Batch{Events: batch.Events[:1]})
		assert.ErrorIs(t, err, ErrBroken)
	})
}
