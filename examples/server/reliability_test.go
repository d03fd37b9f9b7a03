package main

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// emptyEntries returns {"mentees":[{},{},…]} with n empty entries: a small
// body that an unbounded decoder turns into a huge slice.
func emptyEntries(n int) string {
	return `{"mentees":[` + strings.Repeat("{},", n-1) + `{}]}`
}

// TestManyEmptyEntriesStopEarly sends the body of an 8 MiB attack (2.8
// million empty entries) over loopback: the decoder stops at the first
// entry past -max-pool, so the answer is 422 and the heap does not grow
// with the body. (The load test measures the process's peak RSS.)
func TestManyEmptyEntriesStopEarly(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	srv := httptest.NewServer(h)
	defer srv.Close()
	body := emptyEntries(8<<20/3 - 10)
	require.Less(t, len(body), 8<<20)
	resp, err := srv.Client().Post(srv.URL+"/v1/proposals", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	require.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode, string(b))
	e := errorOf(t, b)
	assert.Equal(t, "pool_too_large", e.Error.Code)
	assert.Equal(t, "mentees", e.Error.Field)
}

// TestQueueFull fills the queue with requests that wait for a slot: the
// next one gets 429 with Retry-After at once.
func TestQueueFull(t *testing.T) {
	cfg := testConfig()
	cfg.maxConcurrent, cfg.maxQueue = 1, 2
	h, _ := newTestHandler(cfg)
	srv := httptest.NewServer(h)
	defer srv.Close()

	// Two requests whose bodies never end hold the queue: the first its
	// slot, reading, the second waiting for the slot.
	for range 2 {
		defer slowRequest(t, srv.Listener.Addr().String()).Close()
	}
	var resp *http.Response
	// A probe admitted before both slow requests arrived (a busy machine)
	// would wait for the slot: the short timeout gives it up, and the
	// server forgets it when the connection closes.
	probe := &http.Client{Timeout: time.Second}
	require.Eventually(t, func() bool {
		r, err := probe.Post(srv.URL+"/v1/proposals", "application/json", strings.NewReader(round("")))
		if err != nil {
			return false
		}
		if r.StatusCode != http.StatusTooManyRequests {
			r.Body.Close()
			return false
		}
		resp = r
		return true
	}, 5*time.Second, 20*time.Millisecond)
	defer resp.Body.Close()
	assert.Equal(t, "2", resp.Header.Get("Retry-After"))
	b, _ := io.ReadAll(resp.Body)
	assert.Equal(t, "busy", errorOf(t, b).Error.Code)
}

// TestTimeoutFromArrival: a request whose body never ends is answered
// 503 when its time limit passes, counted from its arrival (not after the
// body is read, which would be never).
func TestTimeoutFromArrival(t *testing.T) {
	cfg := testConfig()
	cfg.timeout = 300 * time.Millisecond
	h, _ := newTestHandler(cfg)
	srv := httptest.NewServer(h)
	defer srv.Close()

	conn := slowRequest(t, srv.Listener.Addr().String())
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(10*time.Second)))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, string(b))
	assert.Equal(t, "timeout", errorOf(t, b).Error.Code)
}

// TestSlowReaderFreesTheSlot: a client that posts a round and never reads
// the answer does not hold the only computing slot.
func TestSlowReaderFreesTheSlot(t *testing.T) {
	cfg := testConfig()
	cfg.maxConcurrent = 1
	h, _ := newTestHandler(cfg)
	srv := httptest.NewServer(h)
	defer srv.Close()

	// A big answer (alternatives for the sample) that is never read.
	body := sampleRequest(t, map[string]any{"alternatives": 20})
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	_, err = io.WriteString(conn, "POST /v1/proposals HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "+
		itoa(len(body))+"\r\n\r\n"+body)
	require.NoError(t, err)
	time.Sleep(300 * time.Millisecond) // it computes, and its answer waits in the socket

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/v1/proposals", strings.NewReader(round("")))
	resp, err := srv.Client().Do(req)
	require.NoError(t, err, "an ordinary round waits for the slot the silent client holds")
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

// TestExpectContinueTooLarge announces a 100 GB body with Expect:
// 100-continue: the answer is 413 at once, never 100 Continue.
func TestExpectContinueTooLarge(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	srv := httptest.NewServer(h)
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(5*time.Second)))
	_, err = io.WriteString(conn, "POST /v1/proposals HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 100000000000\r\n\r\n")
	require.NoError(t, err)
	line, err := bufio.NewReader(conn).ReadString('\n')
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(line, "HTTP/1.1 413"), line)
}

// TestEchoes checks what answers and logs repeat of a request: a 900 KB
// unknown field name is clipped, an ID with invalid UTF-8 is an error, and
// a path is logged as its route, never whole.
func TestEchoes(t *testing.T) {
	h, logs := newTestHandler(testConfig())
	long := strings.Repeat("x", 900<<10)
	rec := do(h, "POST", "/v1/proposals", round(`, "`+long+`": 1`))
	require.Equal(t, http.StatusBadRequest, rec.Code)
	assert.Less(t, rec.Body.Len(), 1000, "the field name is clipped")
	e := errorOf(t, rec.Body.Bytes())
	assert.LessOrEqual(t, len(e.Error.Field), 40)

	rec = do(h, "POST", "/v1/eligibility", `{"on": "2026-11-23", "mentees": [`+mentee("me-\xff", "")+`]}`)
	require.Equal(t, http.StatusBadRequest, rec.Code)
	assert.Equal(t, "(bad id)", errorOf(t, rec.Body.Bytes()).Error.ID)
	assert.NotContains(t, rec.Body.String(), "\ufffd", "never replaced silently")

	do(h, "GET", "/v1/people/jane-doe-1990-04-17", "")
	assert.NotContains(t, logs.String(), "jane")
	assert.Contains(t, logs.String(), `route=/`)
}

// TestShutdownCancelsWork cancels serve's context while a request waits
// for work: the request's context ends at once, it is answered, and serve
// returns nil.
func TestShutdownCancelsWork(t *testing.T) {
	entered := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		select {
		case <-r.Context().Done():
			w.WriteHeader(http.StatusServiceUnavailable)
		case <-time.After(20 * time.Second):
			w.WriteHeader(http.StatusOK)
		}
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serve(ctx, ln, h, time.Second, slog.New(slog.NewTextHandler(io.Discard, nil))) }()
	got := make(chan int, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- 0
			return
		}
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	<-entered
	start := time.Now()
	cancel() // as SIGTERM would
	assert.Equal(t, http.StatusServiceUnavailable, <-got)
	require.NoError(t, <-served)
	assert.Less(t, time.Since(start), 10*time.Second)
}

// slowRequest starts a request to /v1/proposals whose body is announced
// but never sent in full, over its own connection.
func slowRequest(t *testing.T, addr string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	_, err = io.WriteString(conn, "POST /v1/proposals HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"on\": ")
	require.NoError(t, err)
	return conn
}

func itoa(n int) string { return strconv.Itoa(n) }
