package main

import (
	"bufio"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A mentor's capacity is recorded on their applied event: a mentor with
// capacity 2 holds two duos and no third, and the ledger opens again
// after a restart with the same rule.
func TestLedgerMentorCapacity(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	ls := startLedgerServer(t, path, testConfig())
	status, body := ls.call(t, "POST", "/v1/ledger/events", `[
		{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1"},
		{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-2"},
		{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-3"},
		{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-1","capacity":"2"},
		{"on":"2026-02-01","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"},
		{"on":"2026-02-01","event":"proposed","mentee_id":"me-2","mentor_id":"mo-1"}]`)
	require.Equal(t, http.StatusOK, status, string(body))
	third := `{"on":"2026-02-01","event":"proposed","mentee_id":"me-3","mentor_id":"mo-1"}`
	status, body = ls.call(t, "POST", "/v1/ledger/events", third)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, string(body), "capacity 2")

	ls.stop()
	ls = startLedgerServer(t, path, testConfig())
	status, body = ls.call(t, "POST", "/v1/ledger/events", third)
	assert.Equal(t, http.StatusBadRequest, status, "the same rule after a restart: %s", body)
	status, body = ls.call(t, "POST", "/v1/ledger/events", `{"on":"2026-02-08","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"started"}`)
	assert.Equal(t, http.StatusOK, status, string(body))
}

// A request whose second event is refused, on a ledger of many events,
// is undone in memory, without reading the file again: it is answered,
// alone and while indicators and worklists are computed (which read a
// view of the ledger and hold no lock: ledger.File.View), and the file
// is left as it was. The ledger holds 20 000 events here; DUO_LEDGER_MILLION=1
// fills it to 1 000 000 (the default limit) less 10. The times are
// logged, not checked.
func TestLedgerRefusedBatchOnALargeLedger(t *testing.T) {
	n, cfg := 20_000, testConfig()
	if os.Getenv("DUO_LEDGER_MILLION") != "" {
		// Indicators over a million events take longer than the default
		// time limit on a loaded machine.
		n, cfg.timeout = 1_000_000-10, 10*time.Minute
	}
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	f, err := os.Create(path)
	require.NoError(t, err)
	w := bufio.NewWriter(f)
	for i := range n {
		w.WriteString(`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-` + strconv.Itoa(i) + "\"}\n")
	}
	require.NoError(t, w.Flush())
	require.NoError(t, f.Close())
	before, err := os.ReadFile(path)
	require.NoError(t, err)

	start := time.Now()
	ls := startLedgerServer(t, path, cfg)
	t.Logf("%d events opened in %v", n, time.Since(start))

	refuse := func() time.Duration {
		start := time.Now()
		status, body := ls.call(t, "POST", "/v1/ledger/events", `[
			{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-1"},
			{"on":"2026-01-06","event":"applied","side":"mentee","id":"me-1"}]`)
		assert.Equal(t, http.StatusBadRequest, status)
		assert.Contains(t, string(body), "already applied")
		return time.Since(start)
	}
	alone := refuse()
	// Then while indicators and worklists are computed (each O(events),
	// on a view of the ledger that the refused batch does not wait for).
	var wg sync.WaitGroup
	// Three, so that the test config's fourth request slot
	// (max-concurrent 4) is free for the batch: what is measured is the
	// ledger, not the admission.
	reads := []string{"/v1/ledger/indicators?from=2026-01-01&to=2026-12-31", "/v1/ledger/worklist?on=2026-03-01",
		"/v1/ledger/indicators?from=2026-01-01&to=2026-06-30"}
	others := make([]time.Duration, len(reads))
	started := make(chan struct{}, len(reads))
	for i, path := range reads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			started <- struct{}{}
			status, body := ls.call(t, "GET", path, "")
			others[i] = time.Since(start)
			assert.Equal(t, http.StatusOK, status, string(body))
		}()
	}
	for range reads {
		<-started
	}
	together := refuse()
	wg.Wait()
	t.Logf("refused batch answered in %v alone, %v among indicators and worklists answered in %v", alone, together, others)
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, string(before) == string(after), "the file is as it was")

	status, body := ls.call(t, "POST", "/v1/ledger/events", `{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-1"}`)
	assert.Equal(t, http.StatusOK, status, "the next request is accepted: %s", body)
}
