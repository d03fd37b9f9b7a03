package ledger_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
)

// fileEvents reads the ledger file at path with Read, the oracle of what
// is on disk.
func fileEvents(t *testing.T, path string) []ledger.Event {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	l, err := ledger.Read(f, ledger.Options{})
	require.NoError(t, err)
	return l.Events()
}

// viewEvents returns the events of the File's ledger in memory.
func viewEvents(lf *ledger.File) []ledger.Event {
	var events []ledger.Event
	lf.View(func(l *ledger.Ledger) { events = l.Events() })
	return events
}

func batch(lines ...string) ledger.Batch {
	b := ledger.Batch{}
	for _, line := range lines {
		b.Events = append(b.Events, event(line))
	}
	return b
}

// TestOpenFile checks what OpenFile does with the file it finds: a
// missing file is created; a last line cut by a crash is dropped and
// reported with its line number; a last line without its newline but
// whole is kept; any other problem is refused, naming the line, with the
// file left as it was.
func TestOpenFile(t *testing.T) {
	two := apMe1 + "\n" + apMe2 + "\n"
	tests := []struct {
		name   string
		file   *string // nil: no file
		events int     // when it opens
		after  string  // the file after opening
		rec    ledger.Recovery
		err    string // for a refusal: in the error
	}{
		{name: "no file", events: 0, after: "", rec: ledger.Recovery{Created: true}},
		{name: "an empty file", file: ptr(""), events: 0, after: ""},
		{name: "whole lines", file: ptr(two), events: 2, after: two},
		{name: "a last line cut by a crash", file: ptr(two + apMo1[:30]), events: 2, after: two,
			rec: ledger.Recovery{DroppedLine: 3, DroppedBytes: 30}},
		{name: "a last line cut inside a multi-byte character", file: ptr(two + `{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-` + "\xc3"), events: 2, after: two,
			rec: ledger.Recovery{DroppedLine: 3, DroppedBytes: 63}},
		{name: "a last line cut after blank lines", file: ptr(two + "\n\n" + apMo1[:10]), events: 2, after: two + "\n\n",
			rec: ledger.Recovery{DroppedLine: 5, DroppedBytes: 10}},
		{name: "a whole last line without its newline", file: ptr(two + apMo1), events: 3, after: two + apMo1 + "\n",
			rec: ledger.Recovery{AddedNewline: true}},
		{name: "a whole batch", file: ptr(two + jsonl(`{"batch":"2"}`, apMo1, pr11)), events: 4, after: two + jsonl(`{"batch":"2"}`, apMo1, pr11)},
		{name: "a batch cut short after whole events", file: ptr(two + jsonl(`{"batch":"3"}`, apMo1, pr11)), events: 2, after: two,
			rec: ledger.Recovery{DroppedLine: 3, DroppedBytes: int64(len(jsonl(`{"batch":"3"}`, apMo1, pr11))), DroppedEvents: 2}},
		{name: "a batch cut inside an event", file: ptr(two + jsonl(`{"batch":"2"}`, apMo1) + pr11[:25]), events: 2, after: two,
			rec: ledger.Recovery{DroppedLine: 3, DroppedBytes: int64(len(jsonl(`{"batch":"2"}`, apMo1)) + 25), DroppedEvents: 1}},
		{name: "a batch marker alone at the end", file: ptr(two + `{"batch":"2"}` + "\n"), events: 2, after: two,
			rec: ledger.Recovery{DroppedLine: 3, DroppedBytes: 14}},
		{name: "a batch marker cut short", file: ptr(two + `{"batch":"1`), events: 2, after: two,
			rec: ledger.Recovery{DroppedLine: 3, DroppedBytes: 11}},
		{name: "a batch after a batch cut short is a problem", file: ptr(two + jsonl(`{"batch":"3"}`, apMo1, `{"batch":"2"}`, pr11, apMo2)), err: "line 5"},
		{name: "a blank line inside a batch", file: ptr(two + jsonl(`{"batch":"2"}`, apMo1, "", pr11)), err: "line 5"},
		{name: "a problem in the middle", file: ptr(apMe1 + "\n{\"on\":\"2026-01-06\"\n" + apMe2 + "\n"), err: "line 2"},
		{name: "a whole last line that is not a valid event", file: ptr(two + `{"on":"2026-01-07","event":"applied","side":"mentor"}`), err: "line 3"},
		{name: "a cut line before the last one", file: ptr(apMe1 + "\n" + apMe2[:20] + "\n" + apMo1), err: "line 2"},
		{name: "a cut last line after a problem", file: ptr(apMe1 + "\n" + apMe1 + "\n" + apMo1[:20]), err: "line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ledger.jsonl")
			if tt.file != nil {
				require.NoError(t, os.WriteFile(path, []byte(*tt.file), 0o600))
			}
			lf, err := ledger.OpenFile(path, ledger.Options{})
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				assert.ErrorIs(t, err, ledger.ErrInvalid)
				got, rerr := os.ReadFile(path)
				require.NoError(t, rerr)
				assert.Equal(t, *tt.file, string(got), "the file is left as it was")
				return
			}
			require.NoError(t, err)
			defer lf.Close()
			assert.Equal(t, tt.rec, lf.Recovery())
			assert.Len(t, viewEvents(lf), tt.events)
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, tt.after, string(got))

			// The next event goes on a line of its own.
			n, err := lf.Append(batch(apMo2))
			require.NoError(t, err)
			assert.Equal(t, tt.events+1, n)
			assert.Equal(t, viewEvents(lf), fileEvents(t, path))
			assert.Len(t, fileEvents(t, path), tt.events+1)
		})
	}
}

func ptr(s string) *string { return &s }

// TestOpenFileOptions: invalid options are refused before the file is
// created.
func TestOpenFileOptions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	_, err := ledger.OpenFile(path, ledger.Options{MaxLineBytes: -5})
	require.ErrorIs(t, err, ledger.ErrOptions)
	assert.NoFileExists(t, path)
}

// TestFileAppend appends batches: an accepted batch is on disk at once;
// a batch with a refused event changes neither the file nor the ledger,
// and its problems are under the event's path in the batch.
func TestFileAppend(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	lf, err := ledger.OpenFile(path, ledger.Options{})
	require.NoError(t, err)
	defer lf.Close()
	single := func(line string) ledger.Batch { b := batch(line); b.Single = true; return b }
	tests := []struct {
		name   string
		b      ledger.Batch
		events int       // after, when accepted
		want   []problem // when refused
	}{
		{name: "one event", b: single(apMe1), events: 1},
		{name: "an empty batch writes nothing", b: ledger.Batch{}, events: 1},
		{name: "a batch", b: batch(apMe2, apMo1), events: 3},
		{name: "refused after an event that is not kept", b: batch(pr11, pr21),
			want: []problem{{line: 7, ids: "me-2,mo-1", field: "[1].mentor_id", text: "capacity"}}}, // line 5 is the batch marker
		{name: "the event before the refused one was not kept", b: batch(pr11), events: 4},
		{name: "a single event refused", b: single(apMe1), want: []problem{{line: 6, ids: "me-1", field: "id", text: "already"}}},
		{name: "an event of a batch refused alone", b: ledger.Batch{Events: []ledger.Event{event(apMo2), {}}},
			want: []problem{{line: 8, field: "[1].on", text: "missing"}, {line: 8, field: "[1].event", text: "missing"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, err := os.ReadFile(path)
			require.NoError(t, err)
			inMemory := viewEvents(lf)
			n, err := lf.Append(tt.b)
			if tt.want != nil {
				assertProblems(t, tt.want, err)
				after, err := os.ReadFile(path)
				require.NoError(t, err)
				assert.Equal(t, string(before), string(after), "a refused batch changes nothing on disk")
				assert.Equal(t, inMemory, viewEvents(lf), "nor in memory")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.events, n)
			assert.Len(t, fileEvents(t, path), tt.events, "every accepted event is on disk")
			assert.Equal(t, viewEvents(lf), fileEvents(t, path))
		})
	}
}

// TestFileConcurrentAppends appends from many goroutines while others
// read (run with -race): every accepted event is on disk once, on a line
// of its own.
func TestFileConcurrentAppends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	lf, err := ledger.OpenFile(path, ledger.Options{})
	require.NoError(t, err)
	defer lf.Close()
	const writers = 16
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for i := range writers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			id := strings.Repeat("x", i+1)
			_, errs[i] = lf.Append(batch(`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-`+id+`"}`,
				`{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo-`+id+`"}`))
		}()
		go func() {
			defer wg.Done()
			lf.View(func(l *ledger.Ledger) { l.Worklist(day("2026-03-01")) })
		}()
	}
	wg.Wait()
	for i, err := range errs {
		assert.NoError(t, err, "writer %d", i)
	}
	assert.Len(t, fileEvents(t, path), 2*writers)
	assert.ElementsMatch(t, viewEvents(lf), fileEvents(t, path))
}

// TestFileLimit fills a ledger to its limit of events: Append accepts
// events up to it and refuses the next, and the file it wrote opens
// again, batch markers and blank lines not counted, as Add counts. The
// limit is 1000 here; DUO_LEDGER_MILLION=1 runs the same code at the
// default limit, 1 000 000.
func TestFileLimit(t *testing.T) {
	limit := 1000
	opt := ledger.Options{MaxLines: limit}
	if os.Getenv("DUO_LEDGER_MILLION") != "" {
		limit, opt = ledger.DefaultMaxLines, ledger.Options{}
	}
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	// limit-3 events, written fast: blank lines, and batches of 3 with
	// their markers.
	var b bytes.Buffer
	for i := 0; i < limit-3; i++ {
		switch {
		case i%100 == 0:
			b.WriteString("\n   \n")
		case i%10 == 0 && i+3 <= limit-3:
			b.WriteString(`{"batch":"3"}` + "\n")
		}
		b.WriteString(`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-` + strconv.Itoa(i) + "\"}\n")
	}
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o600))
	applied := func(ids ...string) ledger.Batch {
		var lines []string
		for _, id := range ids {
			lines = append(lines, `{"on":"2026-01-06","event":"applied","side":"mentor","id":"`+id+`"}`)
		}
		return batch(lines...)
	}

	lf, err := ledger.OpenFile(path, opt)
	require.NoError(t, err)
	_, err = lf.Append(applied("mo-1", "mo-2", "mo-3", "mo-4"))
	assert.ErrorIs(t, err, ledger.ErrTooLarge, "a batch past the limit is refused")
	n, err := lf.Append(applied("mo-1", "mo-2"))
	require.NoError(t, err)
	assert.Equal(t, limit-1, n)
	n, err = lf.Append(applied("mo-3"))
	require.NoError(t, err)
	assert.Equal(t, limit, n)
	_, err = lf.Append(applied("mo-4"))
	assert.ErrorIs(t, err, ledger.ErrTooLarge)
	require.NoError(t, lf.Close())

	lf, err = ledger.OpenFile(path, opt)
	require.NoError(t, err, "a ledger that Append filled opens")
	lf.View(func(l *ledger.Ledger) { assert.Equal(t, limit, l.Len()) })
	require.NoError(t, lf.Close())

	// One more line, written by hand, is one too many.
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString(`{"on":"2026-01-07","event":"applied","side":"mentor","id":"mo-9"}` + "\n")
	require.NoError(t, err)
	require.NoError(t, f.Close())
	_, err = ledger.OpenFile(path, opt)
	assert.ErrorIs(t, err, ledger.ErrTooLarge)
}

// TestAddLineLength: Add refuses an event whose line would be longer
// than MaxLineBytes, which Read would refuse; the same event fits the
// default.
func TestAddLineLength(t *testing.T) {
	id := strings.Repeat("<", 64) // each "<" is written \u003c
	e := ledger.Event{On: day("2026-01-05"), Kind: ledger.Applied, Side: ledger.MenteeSide, ID: id}
	l := ledger.New(ledger.Options{MaxLineBytes: 300})
	err := l.Add(e)
	require.Error(t, err)
	assert.ErrorIs(t, err, ledger.ErrInvalid)
	assert.Contains(t, err.Error(), "longer than 300 bytes")
	var b bytes.Buffer
	require.NoError(t, ledger.Append(&b, e))
	_, err = ledger.Read(&b, ledger.Options{MaxLineBytes: 300})
	assert.Error(t, err, "Read refuses the line too")

	l = ledger.New(ledger.Options{})
	require.NoError(t, l.Add(e))
}
