package ledger

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
)

// TestViewDoesNotBlockAppend holds a View open on a channel while Append
// runs: Append completes without waiting for it, the open view still
// reads the ledger as it was, and a new View reads the batch.
func TestViewDoesNotBlockAppend(t *testing.T) {
	lf, err := OpenFile(filepath.Join(t.TempDir(), "ledger.jsonl"), Options{})
	require.NoError(t, err)
	defer lf.Close()
	_, err = lf.Append(Batch{Events: []Event{
		mustEvent(t, `{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1"}`),
		mustEvent(t, `{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-1"}`)}})
	require.NoError(t, err)

	inside, release, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
	var before, after []Event
	var worklist Worklist
	go func() {
		defer close(done)
		lf.View(func(l *Ledger) {
			before = l.Events()
			close(inside)
			<-release
			after = l.Events()
			worklist = l.Worklist(profile.MustDate(2026, 3, 1))
		})
	}()
	<-inside
	appended := make(chan error)
	go func() {
		_, err := lf.Append(Batch{Events: []Event{
			mustEvent(t, `{"on":"2026-02-01","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"}`),
			mustEvent(t, `{"on":"2026-02-02","event":"applied","side":"mentee","id":"me-2"}`)}})
		appended <- err
	}()
	select {
	case err := <-appended:
		require.NoError(t, err, "Append completes while a View runs")
	case <-time.After(time.Minute):
		close(release)
		t.Fatal("Append waited for a running View") // a deadlock guard, not a measure
	}
	var now int
	lf.View(func(l *Ledger) { now = l.Len() })
	assert.Equal(t, 4, now, "a new View reads the batch")
	close(release)
	<-done
	assert.Len(t, before, 2)
	assert.Equal(t, before, after, "an open view never changes")
	require.Len(t, worklist.Overdue, 1, "the open view's worklist: me-1, not yet proposed there")
	assert.Equal(t, "me-1", worklist.Overdue[0].MenteeID)
	lf.View(func(l *Ledger) {
		n := l.Len()
		assert.ErrorIs(t, l.Add(mustEvent(t, `{"on":"2026-02-03","event":"paused","id":"me-2"}`)), ErrReadOnly, "a view is read only")
		assert.Equal(t, n, l.Len())
	})
}

// TestViewsWhileAppending reads the ledger from several goroutines while
// random batches (many refused, some with voids) are appended: each view
// reads the same events from start to end of its reading, and they are
// the first events of the final ledger; its indicators and worklist are
// those of a ledger read again from its own events (the oracle). Run
// with -race, it checks that views share no memory Append writes.
func TestViewsWhileAppending(t *testing.T) {
	lf, err := OpenFile(filepath.Join(t.TempDir(), "ledger.jsonl"), Options{})
	require.NoError(t, err)
	defer lf.Close()
	type seen struct {
		events []Event
		ind    []byte
		wl     []byte
		file   []byte
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	views := make([][]seen, 3)
	for g := range views {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				lf.View(func(l *Ledger) {
					var s seen
					s.events = l.Events()
					s.ind, _ = json.Marshal(l.Indicators(profile.MustDate(2026, 1, 1), profile.MustDate(2026, 12, 31), nil))
					s.wl, _ = json.Marshal(l.Worklist(profile.MustDate(2026, 6, 1)))
					var b bytes.Buffer
					l.WriteTo(&b)
					s.file = b.Bytes()
					assert.Equal(t, s.events, l.Events(), "a view reads the same events throughout")
					views[g] = append(views[g], s)
				})
			}
		}()
	}
	rng := rand.New(rand.NewPCG(7, 21))
	on := profile.MustDate(2026, 1, 1)
	for range 300 {
		var b Batch
		for range 1 + rng.IntN(4) {
			b.Events = append(b.Events, randomEvent(rng, on, lf.l.Len()+1))
			if rng.IntN(3) == 0 {
				on = on.AddDays(1)
			}
		}
		lf.Append(b) // refused or not: the views must hold either way
	}
	close(stop)
	wg.Wait()
	var final []Event
	lf.View(func(l *Ledger) { final = l.Events() })
	n, lens := 0, map[int]bool{}
	for _, vs := range views {
		for _, s := range vs {
			n, lens[len(s.events)] = n+1, true
			require.LessOrEqual(t, len(s.events), len(final))
			require.Equal(t, final[:len(s.events)], s.events, "a view holds the first events of the ledger")
			again, err := Read(bytes.NewReader(s.file), Options{})
			require.NoError(t, err)
			ind, _ := json.Marshal(again.Indicators(profile.MustDate(2026, 1, 1), profile.MustDate(2026, 12, 31), nil))
			wl, _ := json.Marshal(again.Worklist(profile.MustDate(2026, 6, 1)))
			require.JSONEq(t, string(ind), string(s.ind))
			require.JSONEq(t, string(wl), string(s.wl))
		}
	}
	t.Logf("%d views of %d lengths checked, %d events in the end", n, len(lens), len(final))
	require.Greater(t, len(final), 20, "the test appends")
	require.Greater(t, len(lens), 3, "the views read the ledger as it grows")
}
