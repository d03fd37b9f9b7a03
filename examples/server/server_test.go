package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/duomatch/duo/examples/internal/sample"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func testConfig() config {
	cfg := defaultConfig()
	cfg.maxConcurrent, cfg.maxQueue = 4, 16
	return cfg
}

// syncBuffer is a log destination that concurrent requests may share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func newTestHandler(cfg config) (http.Handler, *syncBuffer) {
	logs := &syncBuffer{}
	return newHandler(cfg, slog.New(slog.NewTextHandler(logs, nil)), nil), logs
}

// do sends one request through h in-process.
func do(h http.Handler, method, path, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// sampleRequest returns a request body holding the sample round, with
// extra top-level fields.
func sampleRequest(t testing.TB, extra map[string]any) string {
	t.Helper()
	r, err := sample.Round()
	require.NoError(t, err)
	doc := map[string]any{
		"on": r.On, "mentees": r.Mentees, "mentors": r.Mentors,
		"pinned": r.Pinned, "excluded": r.Excluded,
	}
	for k, v := range extra {
		doc[k] = v
	}
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	return string(b)
}

func sampleEligibility(t testing.TB) string {
	t.Helper()
	r, err := sample.Round()
	require.NoError(t, err)
	b, err := json.Marshal(map[string]any{"on": r.On, "mentees": r.Mentees, "mentors": r.Mentors})
	require.NoError(t, err)
	return string(b)
}

// golden compares got with testdata/name, or rewrites the file (indented)
// with -update. Numbers are compared to 9 significant digits: the last
// bits of a float may differ between architectures (fused multiply-add).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, json.Indent(&buf, got, "", "  "))
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	assert.True(t, bytes.Equal(rounded(t, want), rounded(t, got)),
		"%s differs from the answer; inspect with go test -update and git diff", path)
}

// rounded re-encodes a JSON document with every number rounded to 9
// significant digits.
func rounded(t *testing.T, doc []byte) []byte {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(doc, &v))
	var walk func(any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case float64:
			r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 9, 64), 64)
			return r
		case []any:
			for i := range v {
				v[i] = walk(v[i])
			}
		case map[string]any:
			for k := range v {
				v[k] = walk(v[k])
			}
		}
		return v
	}
	b, err := json.MarshalIndent(walk(v), "", "  ")
	require.NoError(t, err)
	return b
}

func TestGoldenEligibility(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	rec := do(h, "POST", "/v1/eligibility", sampleEligibility(t))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	golden(t, "eligibility.json", rec.Body.Bytes())

	var resp profile.Eligibility
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &resp))
	assert.Len(t, resp.Mentees, 60)
	assert.Len(t, resp.Mentors, 45)
	eligible := 0
	for _, v := range resp.Mentees {
		assert.Equal(t, v.Eligible, len(v.Violations) == 0, v.ID)
		if v.Eligible {
			eligible++
		}
	}
	assert.Less(t, eligible, 60, "the sample has ineligible mentees")
}

func TestGoldenProposals(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	rec := do(h, "POST", "/v1/proposals", sampleRequest(t, map[string]any{"alternatives": 3}))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	golden(t, "proposals.json", rec.Body.Bytes())

	var resp struct {
		match.Proposal
		Alternatives map[string][]match.Alternative `json:"alternatives"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &resp))
	pinned := 0
	for _, d := range resp.Duos {
		if d.Pinned {
			pinned++
			assert.NotContains(t, resp.Alternatives, d.MenteeID, "no alternatives for a pinned mentee")
			continue
		}
		assert.Contains(t, resp.Alternatives, d.MenteeID)
		assert.LessOrEqual(t, len(resp.Alternatives[d.MenteeID]), 3)
		assert.False(t, d.MenteeID == "me-011" && d.MentorID == "mo-017", "the excluded pair is proposed")
	}
	assert.Equal(t, 4, pinned)
	for _, u := range resp.UnmatchedMentees {
		if u.Reason == match.ReasonIneligible {
			assert.NotContains(t, resp.Alternatives, u.ID)
		} else {
			assert.Contains(t, resp.Alternatives, u.ID)
		}
	}
}

// TestAlternativesFor checks that "alternatives_for" answers, for each
// mentee named, exactly the alternatives of the whole round's answer (the
// oracle), and nothing for the others.
func TestAlternativesFor(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	type answer struct {
		Alternatives map[string][]match.Alternative `json:"alternatives"`
	}
	get := func(extra map[string]any) answer {
		rec := do(h, "POST", "/v1/proposals", sampleRequest(t, extra))
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		var a answer
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &a))
		return a
	}
	all := get(map[string]any{"alternatives": 3})
	require.Greater(t, len(all.Alternatives), 3)
	ids := slices.Sorted(maps.Keys(all.Alternatives))
	for _, some := range [][]string{ids[:1], {ids[len(ids)-1], ids[1]}} {
		got := get(map[string]any{"alternatives": 3, "alternatives_for": some})
		want := map[string][]match.Alternative{}
		for _, id := range some {
			want[id] = all.Alternatives[id]
		}
		assert.Equal(t, want, got.Alternatives, "%v", some)
	}
}

// TestProposalsDefaults checks that policy and scorer decode over the
// defaults: a partial setting changes only what it names, and without
// "alternatives" there is no such field.
func TestProposalsDefaults(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	plain := do(h, "POST", "/v1/proposals", sampleRequest(t, nil))
	require.Equal(t, http.StatusOK, plain.Code, plain.Body.String())
	assert.NotContains(t, plain.Body.String(), `"alternatives"`)

	// The defaults spelt out give the same answer.
	explicit := do(h, "POST", "/v1/proposals", sampleRequest(t, map[string]any{
		"policy":     map[string]any{"mentee": map[string]any{"max_age": 30}},
		"scorer":     map[string]any{"rules": map[string]any{"max_distance_km": 25}},
		"wait_bonus": match.DefaultWaitBonus,
	}))
	require.Equal(t, http.StatusOK, explicit.Code, explicit.Body.String())
	assert.Equal(t, plain.Body.String(), explicit.Body.String())

	// A different setting changes it.
	older := do(h, "POST", "/v1/proposals", sampleRequest(t, map[string]any{
		"policy": map[string]any{"mentee": map[string]any{"max_age": 33}},
	}))
	require.Equal(t, http.StatusOK, older.Code, older.Body.String())
	assert.NotEqual(t, plain.Body.String(), older.Body.String())
}

func TestHealthz(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	rec := do(h, "GET", "/healthz", "")
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.JSONEq(t, `{"status":"ok"}`, rec.Body.String())
	assert.Equal(t, http.StatusOK, do(h, "HEAD", "/healthz", "").Code)
}

// errorDoc is the shape of every error answer; decoding it strictly
// checks that there is nothing else.
type errorDoc struct {
	Error struct {
		Code    string    `json:"code"`
		Message string    `json:"message"`
		Field   string    `json:"field"`
		ID      string    `json:"id"`
		Details []problem `json:"details"`
	} `json:"error"`
}

func errorOf(t *testing.T, body []byte) errorDoc {
	t.Helper()
	var e errorDoc
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&e), "error body %s", body)
	require.NotEmpty(t, e.Error.Code)
	require.NotEmpty(t, e.Error.Message)
	return e
}

// mentee returns a valid, eligible mentee document with the given ID and
// changes.
func mentee(id string, changes string) string {
	base := `"id": "` + id + `", "birth_date": "2001-04-17", "background": {"birth_country": "MA"},
		"job_seeker": {"registered": true, "agency": "Actiris"}, "project": "a job in IT",
		"languages": [{"tag": "fr", "level": "C1"}], "home": {"city": "Brussels", "lat": 50.85, "lon": 4.35},
		"availability": ["mon-evening", "sat-morning"]`
	if changes != "" {
		base += ", " + changes
	}
	return "{" + base + "}"
}

func mentor(id string, changes string) string {
	base := `"id": "` + id + `", "birth_date": "1958-09-02", "experience": [{"sector": "62.01", "years": 20}],
		"languages": [{"tag": "fr", "level": "native"}], "home": {"city": "Brussels", "lat": 50.84, "lon": 4.36},
		"availability": ["mon-evening"], "weekly_hours": 2`
	if changes != "" {
		base += ", " + changes
	}
	return "{" + base + "}"
}

func round(fields string) string {
	return `{"on": "2026-11-23", "mentees": [` + mentee("me-1", "") + `], "mentors": [` + mentor("mo-1", "") + `]` + fields + `}`
}

func TestBadRequests(t *testing.T) {
	tests := []struct {
		name   string
		cfg    func(*config)
		method string // default POST
		path   string // default /v1/proposals
		body   string
		status int
		code   string
		field  string
		id     string
	}{
		{name: "malformed JSON", body: `{"on": "2026-11-23",}`, status: 400, code: "invalid_request", field: "(document)"},
		{name: "empty body", body: ``, status: 400, code: "invalid_request", field: "(document)"},
		{name: "truncated", body: `{"on": "2026-11-23"`, status: 400, code: "invalid_request", field: "(document)"},
		{name: "trailing data", body: round("") + ` {}`, status: 400, code: "invalid_request", field: "(document)"},
		{name: "NaN literal", body: `{"min_score": NaN}`, status: 400, code: "invalid_request", field: "min_score"},
		{name: "not an object", body: `[1, 2]`, status: 400, code: "invalid_request", field: "(document)"},
		{name: "unknown field", body: round(`, "mentess": []`), status: 400, code: "invalid_request", field: "mentess"},
		{name: "field name in another case", body: round(`, "Objective": "best_total"`), status: 400, code: "invalid_request", field: "Objective"},
		{name: "duplicate field", body: round(`, "min_score": 0.1, "min_score": 0.2`), status: 400, code: "invalid_request", field: "min_score"},
		{name: "unknown field in a profile", body: `{"strict": true, "on": "2026-11-23", "mentees": [` + mentee("me-1", "") + `, ` + mentee("me-2", `"nmae": "x"`) + `]}`,
			status: 400, code: "invalid_profile", field: "mentees[1].nmae", id: "me-2"},
		{name: "unknown nested field", body: `{"strict": true, "mentors": [` + mentor("mo-7", `"wants": {"mentee_age": 20}`) + `]}`,
			status: 400, code: "invalid_profile", field: "mentors[0].wants.mentee_age", id: "mo-7"},
		{name: "unknown scorer setting", body: round(`, "scorer": {"weights": {"sectr": 1}}`), status: 400, code: "invalid_request", field: "scorer.weights.sectr"},
		{name: "wrong type", body: round(`, "min_score": "high"`), status: 400, code: "invalid_request", field: "min_score"},
		{name: "wrong type in a profile", body: `{"strict": true, "mentees": [` + mentee("me-1", "") + `, {"id": "me-2", "home": {"lat": "north"}}]}`,
			status: 400, code: "invalid_profile", field: "mentees[1].home.lat", id: "me-2"},
		{name: "date of the wrong type", body: `{"strict": true, "mentees": [{"id": "me-3", "birth_date": 2001}]}`,
			status: 400, code: "invalid_profile", field: "mentees[0].birth_date", id: "me-3"},
		{name: "date that does not exist", body: `{"strict": true, "mentees": [{"id": "me-3", "birth_date": "2001-02-30"}]}`,
			status: 400, code: "invalid_profile", field: "mentees[0].birth_date", id: "me-3"},
		{name: "unknown slot", body: `{"strict": true, "mentors": [{"id": "mo-3", "availability": ["someday"]}]}`,
			status: 400, code: "invalid_profile", field: "mentors[0].availability", id: "mo-3"},
		{name: "invalid UTF-8 in an ID", body: `{"on": "2026-11-23", "mentees": [` + mentee("me-\xff", "") + `]}`,
			status: 400, code: "invalid_profile", field: "mentees[0].id", id: "(bad id)"},
		{name: "unknown objective", body: round(`, "objective": "fairest"`), status: 400, code: "invalid_request", field: "objective"},
		{name: "objective as a number", body: round(`, "objective": 7`), status: 400, code: "invalid_request", field: "objective"},
		{name: "number out of range", body: round(`, "min_score": 1e400`), status: 400, code: "invalid_request", field: "min_score"},
		{name: "integer out of range", body: round(`, "alternatives": 1e30`), status: 400, code: "invalid_request", field: "alternatives"},
		{name: "negative weight", body: round(`, "scorer": {"weights": {"sector": -2}}`), status: 400, code: "invalid_request", field: "scorer.weights.sector"},
		{name: "distance neither default nor off", body: round(`, "scorer": {"rules": {"max_distance_km": -2}}`), status: 400, code: "invalid_request", field: "scorer.rules.max_distance_km"},
		{name: "policy out of range", body: round(`, "policy": {"mentee": {"max_age": 200}}`), status: 400, code: "invalid_request", field: "policy.mentee.max_age"},
		{name: "invalid profile", body: `{"strict": true, "on": "2026-11-23", "mentees": [{"id": "me-9"}]}`, status: 400, code: "invalid_profile", field: "mentees[0].birth_date", id: "me-9"},
		{name: "explicit capacity 0", body: `{"strict": true, "on": "2026-11-23", "mentors": [` + mentor("mo-9", `"capacity": 0`) + `]}`, status: 400, code: "invalid_profile", field: "mentors[0].capacity", id: "mo-9"},
		{name: "invalid mentor", body: `{"strict": true, "on": "2026-11-23", "mentors": [` + mentor("mo-9", `"capacity": -1`) + `]}`, status: 400, code: "invalid_profile", field: "mentors[0].capacity", id: "mo-9"},
		{name: "profile without ID", body: `{"on": "2026-11-23", "mentees": [` + mentee("", "") + `]}`, status: 400, code: "invalid_profile", field: "mentees[0].id", id: "(no id)"},
		{name: "duplicate IDs", body: `{"on": "2026-11-23", "mentees": [` + mentee("me-1", "") + `, ` + mentee("me-1", "") + `]}`,
			status: 400, code: "invalid_round", field: "mentees[1].id", id: "me-1"},
		{name: "no date", body: `{"mentees": [` + mentee("me-1", "") + `]}`, status: 400, code: "invalid_round", field: "on"},
		{name: "pinned unknown mentee", body: round(`, "pinned": [{"mentee_id": "me-404", "mentor_id": "mo-1"}]`), status: 400, code: "invalid_round", field: "pinned[0].mentee_id", id: "me-404"},
		{name: "pinned and excluded", body: round(`, "pinned": [{"mentee_id": "me-1", "mentor_id": "mo-1"}], "excluded": [{"mentee_id": "me-1", "mentor_id": "mo-1"}]`),
			status: 400, code: "invalid_round", field: "excluded[0]", id: "me-1"},
		{name: "wait bonus neither default nor off", body: round(`, "wait_bonus": -2`), status: 400, code: "invalid_round", field: "wait_bonus"},
		{name: "huge wait bonus", body: round(`, "wait_bonus": 5e306`), status: 400, code: "invalid_round", field: "wait_bonus"},
		{name: "negative alternatives", body: round(`, "alternatives": -1`), status: 400, code: "invalid_request", field: "alternatives"},
		{name: "too many alternatives", body: round(`, "alternatives": 21`), status: 400, code: "invalid_request", field: "alternatives"},
		{name: "alternatives for a mentee not in the round", body: round(`, "alternatives": 2, "alternatives_for": ["me-1", "me-404"]`),
			status: 400, code: "invalid_request", field: "alternatives_for[1]"},
		{name: "body too large", cfg: func(c *config) { c.maxBody = 100 }, body: round(""), status: 413, code: "body_too_large"},
		{name: "list too long", cfg: func(c *config) { c.maxPool = 2 }, body: `{"mentees": [{}, {}, {}]}`, status: 422, code: "pool_too_large", field: "mentees"},
		{name: "pool too large", cfg: func(c *config) { c.maxPool = 2 },
			body:   `{"on": "2026-11-23", "mentees": [{"id": "me-1", "birth_date": "2001-04-17"}, {"id": "me-2", "birth_date": "2001-04-17"}], "mentors": [{"id": "mo-1", "birth_date": "1958-09-02"}]}`,
			status: 422, code: "pool_too_large"},
		{name: "wrong method", method: "GET", status: 405, code: "method_not_allowed"},
		{name: "wrong method on healthz", method: "DELETE", path: "/healthz", status: 405, code: "method_not_allowed"},
		{name: "unknown path", path: "/v2/proposals", body: round(""), status: 404, code: "not_found"},
		{name: "timeout", cfg: func(c *config) { c.timeout = time.Nanosecond }, body: round(""), status: 503, code: "timeout"},

		{name: "eligibility: no date", path: "/v1/eligibility", body: `{"mentees": [` + mentee("me-1", "") + `]}`, status: 400, code: "invalid_request", field: "on"},
		{name: "eligibility: invalid profile", path: "/v1/eligibility", body: `{"on": "2026-11-23", "mentors": [{"id": "mo-2", "birth_date": "1960-01-01", "weekly_hours": 500}]}`,
			status: 400, code: "invalid_profile", field: "mentors[0].weekly_hours", id: "mo-2"},
		{name: "eligibility: bad policy", path: "/v1/eligibility", body: `{"on": "2026-11-23", "policy": {"mentor": {"min_weekly_hours": -2}}}`,
			status: 400, code: "invalid_request", field: "policy.mentor.min_weekly_hours"},
		{name: "eligibility: unknown field", path: "/v1/eligibility", body: `{"on": "2026-11-23", "pinned": []}`, status: 400, code: "invalid_request", field: "pinned"},
		{name: "eligibility: wrong method", method: "PUT", path: "/v1/eligibility", status: 405, code: "method_not_allowed"},
		{name: "eligibility: pool too large", cfg: func(c *config) { c.maxPool = 1 }, path: "/v1/eligibility",
			body: `{"on": "2026-11-23", "mentees": [{"id": "me-1", "birth_date": "2001-04-17"}], "mentors": [{"id": "mo-1", "birth_date": "1958-09-02"}]}`, status: 422, code: "pool_too_large"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		require.False(t, seen[tt.name], "duplicate case name %q", tt.name)
		seen[tt.name] = true
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			h, _ := newTestHandler(cfg)
			method, path := cmpOr(tt.method, "POST"), cmpOr(tt.path, "/v1/proposals")
			rec := do(h, method, path, tt.body)
			require.Equal(t, tt.status, rec.Code, rec.Body.String())
			assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
			e := errorOf(t, rec.Body.Bytes())
			assert.Equal(t, tt.code, e.Error.Code, e.Error.Message)
			assert.Equal(t, tt.field, e.Error.Field, e.Error.Message)
			assert.Equal(t, tt.id, e.Error.ID)
			if tt.status == 405 {
				assert.NotEmpty(t, rec.Header().Get("Allow"))
			}
			// Messages never echo a profile's values.
			for _, secret := range []string{"2001", "1958", "1960", "Brussels", "north", "someday", "a job in IT"} {
				assert.NotContains(t, e.Error.Message, secret)
			}
		})
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// TestTooManyCells sends a round within -max-pool whose assignment
// problem exceeds match.MaxCells (mentors with several places): 422, not
// 400.
func TestTooManyCells(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a round of 13 000 people")
	}
	var b strings.Builder
	b.WriteString(`{"on": "2026-11-23", "mentees": [`)
	for i := range 12000 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(mentee(fmt.Sprintf("me-%d", i), ""))
	}
	b.WriteString(`], "mentors": [`)
	for j := range 1200 {
		if j > 0 {
			b.WriteString(",")
		}
		b.WriteString(mentor(fmt.Sprintf("mo-%d", j), `"capacity": 10`))
	}
	b.WriteString(`]}`)
	cfg := testConfig()
	cfg.maxBody = 64 << 20
	h, _ := newTestHandler(cfg)
	rec := do(h, "POST", "/v1/proposals", b.String())
	require.Equal(t, http.StatusUnprocessableEntity, rec.Code, rec.Body.String())
	assert.Equal(t, "pool_too_large", errorOf(t, rec.Body.Bytes()).Error.Code)
}

// TestErrorDetails checks that every problem of a request is listed, not
// only the first.
func TestErrorDetails(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	rec := do(h, "POST", "/v1/proposals", `{"on": "2026-11-23", "strict": true,
		"mentees": [{"id": "me-1", "birth_date": "2001-01-01", "background": {"birth_country": "ZZ"}, "languages": [{"tag": "fr", "level": "B3"}]}],
		"mentors": [{"id": "mo-1"}]}`)
	require.Equal(t, 400, rec.Code)
	e := errorOf(t, rec.Body.Bytes())
	var fields []string
	for _, p := range e.Error.Details {
		fields = append(fields, p.Field)
		assert.Equal(t, "invalid_profile", p.Code)
		assert.NotContains(t, p.Message, "2001", "no value but a short token is echoed")
	}
	assert.Equal(t, []string{"mentees[0].background.birth_country", "mentees[0].languages[0].level", "mentors[0].birth_date"}, fields)
	require.Len(t, e.Error.Details, 3)
	assert.Equal(t, e.Error.Details[0].Field, e.Error.Field)
}

// TestCancelledRequest checks that a request whose context ends before the
// solve gets 503.
func TestCancelledRequest(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("POST", "/v1/proposals", strings.NewReader(sampleRequest(t, nil))).WithContext(ctx)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, http.StatusServiceUnavailable, rec.Code)
	assert.Equal(t, "timeout", errorOf(t, rec.Body.Bytes()).Error.Code)
}

// TestLogHoldsNoPersonalData sends a profile and checks the log line: it
// has the request's method, path, status and counts, and none of the
// profile's values.
func TestLogHoldsNoPersonalData(t *testing.T) {
	h, logs := newTestHandler(testConfig())
	body := `{"on": "2026-11-23", "mentees": [` + mentee("me-1", `"gender": "female", "interests": ["chess"], "traits": {"openness": 0.77}`) + `], "mentors": [` + mentor("mo-1", "") + `]}`
	rec := do(h, "POST", "/v1/proposals", body)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	rec = do(h, "POST", "/v1/eligibility", `{"on": "2026-11-23", "mentees": [{"id": "me-1", "birth_date": "2001-02-30"}]}`)
	require.Equal(t, http.StatusBadRequest, rec.Code)

	log := logs.String()
	lines := strings.Split(strings.TrimSpace(log), "\n")
	require.Len(t, lines, 2, "one line per request")
	for _, want := range []string{"method=POST", `route="POST /v1/proposals"`, "status=200", "duration=", "mentees=1", "mentors=1"} {
		assert.Contains(t, lines[0], want)
	}
	assert.Contains(t, lines[1], "status=400")
	for _, secret := range []string{"2001", "1958", "Brussels", "50.85", "MA", "Actiris", "a job in IT", "female", "chess", "0.77", "fr", "mon-evening"} {
		assert.NotContains(t, log, secret)
	}
}

// TestConcurrentProposals sends 100 proposals at once through a real
// server: all are answered 200, with the same bytes. Run it with -race.
func TestConcurrentProposals(t *testing.T) {
	cfg := testConfig()
	cfg.maxQueue = 100
	h, _ := newTestHandler(cfg)
	srv := httptest.NewServer(h)
	defer srv.Close()
	body := sampleRequest(t, map[string]any{"alternatives": 2})

	const n = 100
	bodies := make([][]byte, n)
	statuses := make([]int, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := srv.Client().Post(srv.URL+"/v1/proposals", "application/json", strings.NewReader(body))
			if err != nil {
				errs[i] = err
				return
			}
			defer resp.Body.Close()
			statuses[i] = resp.StatusCode
			bodies[i], errs[i] = io.ReadAll(resp.Body)
		}()
	}
	wg.Wait()
	for i := range n {
		require.NoError(t, errs[i], i)
		require.Equal(t, http.StatusOK, statuses[i], "request %d: %s", i, bodies[i])
		require.True(t, bytes.Equal(bodies[0], bodies[i]), "request %d answered differently", i)
	}
	// And the same as one request alone.
	rec := do(h, "POST", "/v1/proposals", body)
	assert.True(t, bytes.Equal(bodies[0], rec.Body.Bytes()))
}

// TestGracefulShutdown cancels serve's context while a request is in
// flight: the request completes, then serve returns nil.
func TestGracefulShutdown(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		_, _ = io.WriteString(w, "done")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serve(ctx, ln, h, time.Second, slog.New(slog.NewTextHandler(io.Discard, nil))) }()

	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		got <- result{string(b), err}
	}()
	<-entered
	cancel() // as SIGINT would
	select {
	case err := <-served:
		t.Fatalf("serve returned before the request finished: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	r := <-got
	require.NoError(t, r.err)
	assert.Equal(t, "done", r.body)
	require.NoError(t, <-served)
}

// FuzzProposals sends arbitrary bodies to both endpoints: the answer is
// never a 500, and always JSON.
func FuzzProposals(f *testing.F) {
	f.Add(round(""))
	f.Add(round(`, "alternatives": 3, "objective": "best_total", "min_score": 0.5, "wait_bonus": 0.01`))
	f.Add(round(`, "scorer": {"weights": {"sector": 1e308, "language": 1e308}}`))
	f.Add(round(`, "policy": {"mentee": {"max_age": 0}}, "scorer": {"rules": {"same_city": true}}`))
	f.Add(`{"on": "2026-11-23", "mentees": [{"id": "me-1", "birth_date": "2001-02-30"}]}`)
	f.Add(`{"mentors": [{"id": "\u202e", "capacity": 100}]}`)
	f.Add(round(`, "wait_bonus": 1e6, "alternatives": 20`))
	f.Add(`[]`)
	f.Add(`null`)
	cfg := testConfig()
	cfg.maxBody, cfg.maxPool, cfg.timeout = 1<<20, 200, 10*time.Second
	h, _ := newTestHandler(cfg)
	f.Fuzz(func(t *testing.T, body string) {
		for _, path := range []string{"/v1/proposals", "/v1/eligibility"} {
			rec := do(h, "POST", path, body)
			if rec.Code == http.StatusInternalServerError {
				t.Fatalf("%s: 500 for %q: %s", path, body, rec.Body.String())
			}
			if !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("%s: answer is not JSON: %q", path, rec.Body.String())
			}
		}
	})
}

// TestProposalsNeeds checks "needs": true: the answer lists the needs and
// the outreach of the proposal, as the library computes them, and only
// when asked.
func TestProposalsNeeds(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	plain := do(h, "POST", "/v1/proposals", sampleRequest(t, nil))
	require.Equal(t, http.StatusOK, plain.Code, plain.Body.String())
	assert.NotContains(t, plain.Body.String(), `"needs"`)
	assert.NotContains(t, plain.Body.String(), `"outreach"`)

	rec := do(h, "POST", "/v1/proposals", sampleRequest(t, map[string]any{"needs": true}))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var resp struct {
		Needs    []match.Need     `json:"needs"`
		Outreach []match.Outreach `json:"outreach"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &resp))
	r, err := sample.Round()
	require.NoError(t, err)
	p, err := match.Propose(context.Background(), r)
	require.NoError(t, err)
	want, err := p.Needs(context.Background(), match.NeedsOptions{})
	require.NoError(t, err)
	require.NotEmpty(t, want, "the sample has mentees left out")
	assert.Equal(t, want, resp.Needs)
	wantOutreach, err := p.Outreach(context.Background(), match.NeedsOptions{})
	require.NoError(t, err)
	assert.Equal(t, wantOutreach, resp.Outreach)
	assert.NotNil(t, resp.Outreach, "outreach is a list when asked for, even empty")

	bad := do(h, "POST", "/v1/proposals", sampleRequest(t, map[string]any{"needs": 3}))
	assert.Equal(t, http.StatusBadRequest, bad.Code)
	assert.Contains(t, bad.Body.String(), `"needs"`)
}
