package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/match/ledger/report"
	"github.com/duomatch/duo/profile"
)

// ledgerServer is a server with a ledger file, over loopback.
type ledgerServer struct {
	url  string
	logs *syncBuffer
	stop func()
}

// startLedgerServer serves the API with the ledger at path on a loopback
// port; stop shuts it down as SIGTERM would and closes the file.
func startLedgerServer(t *testing.T, path string, cfg config) *ledgerServer {
	t.Helper()
	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, nil))
	lf, err := openLedger(path, logger)
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serve(ctx, ln, newHandler(cfg, logger, lf), cfg.timeout, logger) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			require.NoError(t, <-served)
			require.NoError(t, lf.Close())
		})
	}
	t.Cleanup(stop)
	return &ledgerServer{url: "http://" + ln.Addr().String(), logs: logs, stop: stop}
}

// call sends a request and returns the status and the body.
func (ls *ledgerServer) call(t *testing.T, method, path, body string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, ls.url+path, strings.NewReader(body))
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, b
}

// programme is a small history: a mentee matched on the second try, a
// mentor who waits, a mentee who withdraws.
var programme = []string{
	`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1"}`,
	`{"on":"2026-01-06","event":"applied","side":"mentee","id":"me-2"}`,
	`{"on":"2026-01-07","event":"applied","side":"mentor","id":"mo-1"}`,
	`{"on":"2026-01-07","event":"applied","side":"mentor","id":"mo-2"}`,
	`{"on":"2026-02-02","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"}`,
	`{"on":"2026-02-10","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"failed","reason":"mismatch"}`,
	`{"on":"2026-02-20","event":"withdrawn","id":"me-2","reason":"moved"}`,
	`{"on":"2026-03-02","event":"proposed","mentee_id":"me-1","mentor_id":"mo-2"}`,
	`{"on":"2026-03-09","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-2","result":"started"}`,
}

// fileEvents reads the ledger file with the library.
func fileEvents(t *testing.T, path string) []ledger.Event {
	t.Helper()
	return fileLedger(t, path).Events()
}

// fileLedger reads the ledger file at path with the library.
func fileLedger(t *testing.T, path string) *ledger.Ledger {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	l, err := ledger.Read(f, ledger.Options{})
	require.NoError(t, err)
	return l
}

// ledgerEvents returns the events of the ledger in memory.
func ledgerEvents(lf *ledger.File) []ledger.Event {
	var events []ledger.Event
	lf.View(func(l *ledger.Ledger) { events = l.Events() })
	return events
}

func mustEvents(t *testing.T, lines ...string) []ledger.Event {
	t.Helper()
	out := make([]ledger.Event, len(lines))
	for i, line := range lines {
		require.NoError(t, out[i].UnmarshalJSON([]byte(line)))
	}
	return out
}

// TestLedgerEvents appends events one by one and in arrays, and refuses
// bad ones with every problem, each under its path with its IDs; a
// refused request leaves the file and the ledger as they were.
func TestLedgerEvents(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	ls := startLedgerServer(t, path, testConfig())
	tests := []struct {
		name     string
		body     string
		status   int
		accepted int
		events   int
		problems []problem // Field, ID, and Code of each, in order
	}{
		{name: "one event", body: programme[0], status: http.StatusOK, accepted: 1, events: 1},
		{name: "an array", body: "[" + strings.Join(programme[1:4], ",") + "]", status: http.StatusOK, accepted: 3, events: 4},
		{name: "every problem of the events alone", status: http.StatusBadRequest,
			body: `[{"on":"2026-02-02","event":"proposed","mentee_id":"me-1"},` +
				`{"on":"2026-02-02","event":"wed","id":"me-1"},` +
				`{"on":"2026-02-02","event":"withdrawn","id":"me-1","reason":"bored","phone":"0470"}]`,
			problems: []problem{
				{Code: "invalid_event", Field: "[0].mentor_id", ID: "me-1"},
				{Code: "invalid_event", Field: "[1].event", ID: "me-1"},
				{Code: "invalid_event", Field: "[2].phone", ID: "me-1"},
				{Code: "invalid_event", Field: "[2].reason", ID: "me-1"},
			}},
		{name: "refused by the history, after an event that is not kept", status: http.StatusBadRequest,
			body:     "[" + programme[4] + `,{"on":"2026-02-03","event":"proposed","mentee_id":"me-2","mentor_id":"mo-1"}]`,
			problems: []problem{{Code: "invalid_event", Field: "[1].mentor_id", ID: "me-2, mo-1"}}},
		{name: "the event before the refused one was not kept", body: programme[4], status: http.StatusOK, accepted: 1, events: 5},
		{name: "a single event refused by the history", status: http.StatusBadRequest, body: programme[0],
			problems: []problem{{Code: "invalid_event", Field: "id", ID: "me-1"}}},
		{name: "malformed JSON", body: `[{"on":`, status: http.StatusBadRequest, problems: []problem{{Code: "invalid_request", Field: "[0]"}}},
		{name: "an empty array", body: `[]`, status: http.StatusBadRequest, problems: []problem{{Code: "invalid_request", Field: "(document)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, err := os.ReadFile(path)
			require.NoError(t, err)
			status, body := ls.call(t, "POST", "/v1/ledger/events", tt.body)
			require.Equal(t, tt.status, status, string(body))
			after, err := os.ReadFile(path)
			require.NoError(t, err)
			if tt.status != http.StatusOK {
				assert.Equal(t, before, after, "a refused request changes nothing on disk")
				e := errorOf(t, body)
				require.Len(t, e.Error.Details, len(tt.problems), string(body))
				for i, want := range tt.problems {
					got := e.Error.Details[i]
					assert.Equal(t, want.Code, got.Code, "problem %d", i)
					assert.Equal(t, want.Field, got.Field, "problem %d", i)
					assert.Equal(t, want.ID, got.ID, "problem %d", i)
				}
				assert.NotContains(t, string(body), "0470")
				assert.NotContains(t, string(body), "bored")
				return
			}
			var got eventsResponse
			require.NoError(t, json.Unmarshal(body, &got))
			assert.Equal(t, eventsResponse{Accepted: tt.accepted, Events: tt.events}, got)
			assert.Len(t, fileEvents(t, path), tt.events, "every accepted event is on disk")
		})
	}
	assert.Equal(t, mustEvents(t, programme[:5]...), fileEvents(t, path))
}

// TestLedgerRestart records a programme, reads its worklist, indicators
// and next round, restarts the server on the same file and gets the same
// answers; the indicators are the library's on the file (the oracle).
func TestLedgerRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	ls := startLedgerServer(t, path, testConfig())
	status, body := ls.call(t, "POST", "/v1/ledger/events", "["+strings.Join(programme, ",")+"]")
	require.Equal(t, http.StatusOK, status, string(body))

	round := `{"on": "2026-04-01", "mentees": [` + mentee("me-1", "") + `,` + mentee("me-9", "") + `], "mentors": [` +
		mentor("mo-1", "") + `,` + mentor("mo-2", "") + `]}`
	queries := []struct{ method, path, body string }{
		{"GET", "/v1/ledger/worklist?on=2026-04-01", ""},
		{"GET", "/v1/ledger/indicators?from=2026-01-01&to=2026-12-31", ""},
		{"POST", "/v1/ledger/round", round},
		{"GET", "/v1/ledger/duos?on=2026-04-01", ""},
	}
	answers := make([][]byte, len(queries))
	for i, q := range queries {
		status, answers[i] = ls.call(t, q.method, q.path, q.body)
		require.Equal(t, http.StatusOK, status, "%s: %s", q.path, answers[i])
	}

	f, err := os.Open(path)
	require.NoError(t, err)
	l, err := ledger.Read(f, ledger.Options{})
	require.NoError(t, f.Close())
	require.NoError(t, err)
	from, to := profile.MustDate(2026, 1, 1), profile.MustDate(2026, 12, 31)
	want, err := json.Marshal(indicatorsResponse{l.Indicators(from, to, nil), l.Months(from, to)})
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(answers[1]))
	assert.Contains(t, string(answers[1]), `"months":[{"from":"2026-01-01","to":"2026-01-31",`)
	want, err = json.Marshal(l.Duos(profile.MustDate(2026, 4, 1)))
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(answers[3]))
	assert.Contains(t, string(answers[3]), `"mentor_id":"mo-2"`)

	// The round: me-1's duo with mo-2 is pinned, the failed pair
	// excluded, me-9 is not in the ledger.
	var got struct {
		Duos []struct {
			MenteeID string `json:"mentee_id"`
			MentorID string `json:"mentor_id"`
			Pinned   bool   `json:"pinned"`
		} `json:"duos"`
		Ledger ledger.Report `json:"ledger"`
	}
	require.NoError(t, json.Unmarshal(answers[2], &got))
	require.Len(t, got.Duos, 1, string(answers[2]))
	assert.Equal(t, "me-1", got.Duos[0].MenteeID)
	assert.Equal(t, "mo-2", got.Duos[0].MentorID)
	assert.True(t, got.Duos[0].Pinned)
	assert.Equal(t, []ledger.Person{{ID: "me-9", Side: ledger.MenteeSide}}, got.Ledger.NotInLedger)

	ls.stop()
	ls = startLedgerServer(t, path, testConfig())
	assert.Contains(t, ls.logs.String(), "msg=ledger events=9")
	for i, q := range queries {
		status, again := ls.call(t, q.method, q.path, q.body)
		require.Equal(t, http.StatusOK, status, q.path)
		assert.Equal(t, string(answers[i]), string(again), "%s after a restart", q.path)
	}
}

// TestLedgerOpen checks what the server does with the file it finds at
// start: a missing file is created; a last line cut by a crash is
// dropped and logged with its line number; a last line without its
// newline but whole is kept; any other problem stops it, naming the
// line.
func TestLedgerOpen(t *testing.T) {
	two := programme[0] + "\n" + programme[1] + "\n"
	tests := []struct {
		name   string
		file   *string // nil: no file
		events int     // for a start
		after  string  // the file after the start
		log    string
		err    string // for a refusal: in the error, with the file unchanged
	}{
		{name: "no file", events: 0, after: ""},
		{name: "an empty file", file: ptr(""), events: 0, after: ""},
		{name: "whole lines", file: ptr(two), events: 2, after: two},
		{name: "a last line cut by a crash", file: ptr(two + programme[2][:30]), events: 2, after: two,
			log: `msg="ledger: dropped the unacknowledged end of an interrupted write (a cut line or a cut batch)" line=3 bytes=30 events=0`},
		{name: "a batch cut by a crash", file: ptr(two + `{"batch":"3"}` + "\n" + programme[2] + "\n"), events: 2, after: two,
			log: "line=3 bytes=" + strconv.Itoa(len(`{"batch":"3"}`+"\n"+programme[2]+"\n")) + " events=1"},
		{name: "a last line cut inside a multi-byte character", file: ptr(two + `{"on":"2026-01-07","event":"applied","side":"mentor","id":"mo-` + "\xc3"), events: 2, after: two,
			log: "line=3"},
		{name: "a whole last line without its newline", file: ptr(two + programme[2]), events: 3, after: two + programme[2] + "\n",
			log: "added the newline"},
		{name: "a problem in the middle", file: ptr(programme[0] + "\n{\"on\":\"2026-01-06\"\n" + programme[1] + "\n"),
			err: "line 2"},
		{name: "a whole last line that is not a valid event", file: ptr(two + `{"on":"2026-01-07","event":"applied","side":"mentor"}`),
			err: "line 3"},
		{name: "a cut line before the last one", file: ptr(programme[0] + "\n" + programme[1][:20] + "\n" + programme[2]),
			err: "line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ledger.jsonl")
			if tt.file != nil {
				require.NoError(t, os.WriteFile(path, []byte(*tt.file), 0o600))
			}
			logs := &syncBuffer{}
			lf, err := openLedger(path, slog.New(slog.NewTextHandler(logs, nil)))
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				got, rerr := os.ReadFile(path)
				require.NoError(t, rerr)
				assert.Equal(t, *tt.file, string(got), "the file is left as it was")
				return
			}
			require.NoError(t, err)
			defer lf.Close()
			assert.Len(t, ledgerEvents(lf), tt.events)
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, tt.after, string(got))
			assert.Contains(t, logs.String(), tt.log)

			// The next event goes on a line of its own.
			n, err := lf.Append(ledger.Batch{Events: mustEvents(t, programme[3])})
			require.NoError(t, err)
			assert.Equal(t, tt.events+1, n)
			assert.Len(t, fileEvents(t, path), tt.events+1)
		})
	}
}

func ptr(s string) *string { return &s }

// TestLedgerLocked checks that a second server cannot use a ledger file
// in use.
func TestLedgerLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	lf, err := openLedger(path, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	_, err = openLedger(path, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "in use by another process")
	require.NoError(t, lf.Close())
	lf, err = openLedger(path, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err, "free again once closed")
	require.NoError(t, lf.Close())
}

// TestLedgerConcurrentAppends appends from many clients at once, some
// events valid and some refused, while others read: every accepted event
// is on disk once, on a line of its own (run with -race).
func TestLedgerConcurrentAppends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	cfg := testConfig()
	cfg.maxQueue = 64 // every request is admitted
	ls := startLedgerServer(t, path, cfg)
	const clients = 12
	statuses := make([]int, 2*clients)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(3)
		go func() {
			defer wg.Done()
			statuses[i], _ = ls.call(t, "POST", "/v1/ledger/events",
				fmt.Sprintf(`[{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-%d"},{"on":"2026-01-05","event":"applied","side":"mentor","id":"mo-%d"}]`, i, i))
		}()
		go func() {
			defer wg.Done()
			// Never valid: a first meeting for a pair never proposed.
			statuses[clients+i], _ = ls.call(t, "POST", "/v1/ledger/events",
				fmt.Sprintf(`{"on":"2026-01-06","event":"first_meeting","mentee_id":"me-%d","mentor_id":"mo-%d","result":"started"}`, i, i))
		}()
		go func() {
			defer wg.Done()
			status, _ := ls.call(t, "GET", "/v1/ledger/worklist?on=2026-03-01", "")
			assert.Equal(t, http.StatusOK, status)
		}()
	}
	wg.Wait()
	for i := range clients {
		assert.Equal(t, http.StatusOK, statuses[i], "client %d", i)
		assert.Equal(t, http.StatusBadRequest, statuses[clients+i], "client %d", i)
	}
	events := fileEvents(t, path)
	require.Len(t, events, 2*clients)
	seen := map[string]int{}
	for _, e := range events {
		seen[e.ID]++
	}
	for i := range clients {
		assert.Equal(t, 1, seen[fmt.Sprintf("me-%d", i)])
		assert.Equal(t, 1, seen[fmt.Sprintf("mo-%d", i)])
	}
	status, body := ls.call(t, "GET", "/v1/ledger/worklist?on=2026-03-01", "")
	require.Equal(t, http.StatusOK, status)
	var wl ledger.Worklist
	require.NoError(t, json.Unmarshal(body, &wl))
	assert.Len(t, wl.Overdue, clients, "every mentee waits")
}

// TestLedgerBadQueries checks the read endpoints' and the round's
// errors.
func TestLedgerBadQueries(t *testing.T) {
	ls := startLedgerServer(t, filepath.Join(t.TempDir(), "ledger.jsonl"), testConfig())
	tests := []struct {
		name, method, path, body string
		fields                   []string
	}{
		{name: "worklist without a day", method: "GET", path: "/v1/ledger/worklist", fields: []string{"on"}},
		{name: "worklist on a day that does not exist", method: "GET", path: "/v1/ledger/worklist?on=2026-02-30", fields: []string{"on"}},
		{name: "worklist with an unknown parameter", method: "GET", path: "/v1/ledger/worklist?on=2026-02-03&city=Gent", fields: []string{"(query)"}},
		{name: "indicators without a period", method: "GET", path: "/v1/ledger/indicators", fields: []string{"from", "to"}},
		{name: "indicators of a period that ends before it starts", method: "GET", path: "/v1/ledger/indicators?from=2026-02-01&to=2026-01-01", fields: []string{"to"}},
		{name: "duos without a day", method: "GET", path: "/v1/ledger/duos?from=2026-01-01", fields: []string{"on", "(query)"}},
		{name: "report without a period", method: "GET", path: "/v1/ledger/report?lang=fr", fields: []string{"from", "to"}},
		{name: "report in a language given twice", method: "GET", path: "/v1/ledger/report?from=2026-01-01&to=2026-12-31&lang=fr&lang=nl", fields: []string{"lang"}},
		{name: "report in no language", method: "GET", path: "/v1/ledger/report?from=2026-01-01&to=2026-12-31&lang=Gent!", fields: []string{"lang"}},
		{name: "report of a period that ends before it starts", method: "GET", path: "/v1/ledger/report?from=2026-02-01&to=2026-01-01", fields: []string{"to"}},
		{name: "report with an unknown parameter", method: "GET", path: "/v1/ledger/report?from=2026-01-01&to=2026-12-31&city=Gent", fields: []string{"(query)"}},
		{name: "a round without a day", method: "POST", path: "/v1/ledger/round", body: `{"mentees": [], "mentors": []}`, fields: []string{"on"}},
		{name: "a round with its own pins", method: "POST", path: "/v1/ledger/round",
			body:   `{"on": "2026-04-01", "pinned": [{"mentee_id": "me-1", "mentor_id": "mo-1"}], "excluded": [{"mentee_id": "me-1", "mentor_id": "mo-2"}]}`,
			fields: []string{"pinned", "excluded"}},
		{name: "a round with an ID twice", method: "POST", path: "/v1/ledger/round",
			body: `{"on": "2026-04-01", "mentees": [` + mentee("x-1", "") + `], "mentors": [` + mentor("x-1", "") + `]}`, fields: []string{"mentors[0].id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := ls.call(t, tt.method, tt.path, tt.body)
			require.Equal(t, http.StatusBadRequest, status, string(body))
			e := errorOf(t, body)
			var fields []string
			for _, p := range e.Error.Details {
				fields = append(fields, p.Field)
			}
			assert.Equal(t, tt.fields, fields)
			assert.NotContains(t, string(body), "Gent")
			assert.NotContains(t, string(body), "2026-02-30")
		})
	}
	status, _ := ls.call(t, "DELETE", "/v1/ledger/events", "")
	assert.Equal(t, http.StatusMethodNotAllowed, status)
}

// TestNoLedger checks that a server without a ledger has no ledger
// endpoints.
func TestNoLedger(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	rec := do(h, "POST", "/v1/ledger/events", programme[0])
	assert.Equal(t, http.StatusNotFound, rec.Code)
	assert.True(t, bytes.Contains(rec.Body.Bytes(), []byte("not_found")))
}

// FuzzLedgerEvents posts arbitrary bodies to /v1/ledger/events on a
// ledger holding the start of a programme: the answer is 200 or a
// client error, never a 500, and the file always holds exactly the
// events of the ledger in memory.
func FuzzLedgerEvents(f *testing.F) {
	f.Add(programme[4])
	f.Add("[" + strings.Join(programme[4:], ",") + "]")
	f.Add(`[` + programme[4] + `,{"on":"2026-02-03","event":"proposed","mentee_id":"me-2","mentor_id":"mo-1"}]`)
	f.Add(`{"on":"2026-02-02","event":"wed","id":"me-1","x":"\xff"}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, body string) {
		path := filepath.Join(t.TempDir(), "ledger.jsonl")
		require.NoError(t, os.WriteFile(path, []byte(strings.Join(programme[:4], "\n")+"\n"), 0o600))
		lf, err := openLedger(path, slog.New(slog.NewTextHandler(io.Discard, nil)))
		require.NoError(t, err)
		defer lf.Close()
		h := newHandler(testConfig(), slog.New(slog.NewTextHandler(io.Discard, nil)), lf)
		rec := do(h, "POST", "/v1/ledger/events", body)
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusUnprocessableEntity:
		default:
			t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
		if rec.Code != http.StatusOK {
			errorOf(t, rec.Body.Bytes())
		}
		assert.Equal(t, ledgerEvents(lf), fileEvents(t, path), "the file holds the ledger's events")
	})
}

// TestLedgerReport asks for the funder's report over loopback: the page
// the library writes from the same ledger, in the language asked for by
// ?lang= or else by Accept-Language, with a policy that lets nothing
// load or run.
func TestLedgerReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.jsonl")
	ls := startLedgerServer(t, path, testConfig())
	status, body := ls.call(t, "POST", "/v1/ledger/events", "["+strings.Join(programme, ",")+"]")
	require.Equal(t, http.StatusOK, status, string(body))
	f, err := os.Open(path)
	require.NoError(t, err)
	l, err := ledger.Read(f, ledger.Options{})
	require.NoError(t, f.Close())
	require.NoError(t, err)
	from, to := profile.MustDate(2026, 1, 1), profile.MustDate(2026, 12, 31)

	for _, tc := range []struct {
		name, query, accept string
		lang                language.Tag
	}{
		{"lang", "&lang=fr", "nl-BE,nl;q=0.9", language.French},
		{"Accept-Language", "", "nl-BE,nl;q=0.9,en;q=0.5", language.Dutch},
		{"neither", "", "", language.English},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest("GET", ls.url+"/v1/ledger/report?from=2026-01-01&to=2026-12-31"+tc.query, nil)
			require.NoError(t, err)
			if tc.accept != "" {
				req.Header.Set("Accept-Language", tc.accept)
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			got, err := io.ReadAll(resp.Body)
			require.NoError(t, resp.Body.Close())
			require.NoError(t, err)
			require.Equal(t, http.StatusOK, resp.StatusCode, string(got))
			assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
			assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "default-src 'none'")
			assert.Empty(t, resp.Header.Get("Content-Disposition"), "shown, not downloaded")

			var want bytes.Buffer
			opt := report.Options{Lang: tc.lang, Groupings: []ledger.Grouping{{Name: "referral", Of: l.Referrals(to)}}}
			require.NoError(t, report.Write(&want, l, from, to, opt))
			assert.Equal(t, want.String(), string(got))
		})
	}
}
