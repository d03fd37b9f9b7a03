package ledger_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// jsonl joins lines into a ledger file.
func jsonl(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// problem is what a test expects of one *profile.Problem of the ledger.
type problem struct {
	line  int
	ids   string
	field string
	text  string // a part of the problem
}

func problems(t *testing.T, err error) []problem {
	t.Helper()
	var out []problem
	for _, e := range profile.Problems(err) {
		out = append(out, problem{e.Line, strings.Join(e.IDs, ","), e.Path, e.Detail})
	}
	return out
}

func assertProblems(t *testing.T, want []problem, err error) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, ledger.ErrInvalid)
	got := problems(t, err)
	require.Len(t, got, len(want), "problems: %v", err)
	for i, w := range want {
		assert.Equal(t, w.line, got[i].line, "problem %d: %v", i, err)
		assert.Equal(t, w.ids, got[i].ids, "problem %d", i)
		assert.Equal(t, w.field, got[i].field, "problem %d", i)
		assert.Contains(t, got[i].text, w.text, "problem %d", i)
	}
}

const (
	apMe1 = `{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1"}`
	apMe2 = `{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-2"}`
	apMo1 = `{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-1"}`
	apMo2 = `{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-2"}`
	pr11  = `{"on":"2026-02-01","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"}`
	pr21  = `{"on":"2026-02-01","event":"proposed","mentee_id":"me-2","mentor_id":"mo-1"}`
	st11  = `{"on":"2026-02-08","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"started"}`
	fa11  = `{"on":"2026-02-08","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"failed","reason":"no_show"}`
)

func TestReadLineProblems(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []problem
	}{
		{"not an object", jsonl(apMe1, `[1]`), []problem{{2, "", "", "not a JSON object"}}},
		{"malformed", jsonl(`{"on":"2026-01-05",`), []problem{{1, "", "", "malformed JSON"}}},
		{"data after", jsonl(apMe1 + ` {}`), []problem{{1, "", "", "data after the object"}}},
		{"unknown field and kind", jsonl(`{"on":"2026-01-05","event":"joined","name":"x"}`),
			[]problem{{1, "", "name", "unknown field"}, {1, "", "event", `unknown kind "joined"`}}},
		{"duplicate field", jsonl(`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1","id":"me-2"}`),
			[]problem{{1, "me-1", "id", "duplicate field"}}},
		{"not a string", jsonl(`{"on":"2026-01-05","event":"applied","side":"mentee","id":7}`),
			[]problem{{1, "", "id", "want a string"}}},
		{"nested value", jsonl(`{"on":"2026-01-05","event":"paused","id":{"a":1}}`),
			[]problem{{1, "", "id", "want a string, not an array or an object"}}},
		{"bad date, no date echoed", jsonl(`{"on":"2001-02-29","event":"paused","id":"me-1"}`),
			[]problem{{1, "me-1", "on", "want an existing day"}}},
		{"missing and extra fields", jsonl(`{"on":"2026-01-05","event":"withdrawn","id":"me-1","mentor_id":"mo-1"}`),
			[]problem{{1, "me-1,mo-1", "mentor_id", "not a field of a withdrawn event"}, {1, "me-1,mo-1", "reason", "missing"}}},
		{"bad codes", jsonl(`{"on":"2026-01-05","event":"applied","side":"coach","id":"me-1"}`,
			`{"on":"2026-01-05","event":"ended","mentee_id":"me-1","mentor_id":"mo-1","reason":"bored"}`,
			`{"on":"2026-01-05","event":"outcome","mentee_id":"me-1","result":"job"}`),
			[]problem{{1, "me-1", "side", "unknown side"}, {2, "me-1,mo-1", "reason", "unknown reason"}, {3, "me-1", "result", "unknown result"}}},
		{"failed needs a reason, started takes none", jsonl(
			`{"on":"2026-01-05","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"failed"}`,
			`{"on":"2026-01-05","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"started","reason":"no_show"}`),
			[]problem{{1, "me-1,mo-1", "reason", "missing"}, {2, "me-1,mo-1", "reason", "not a field"}}},
		{"bad ids are not echoed", jsonl(`{"on":"2026-01-05","event":"proposed","mentee_id":" me-1","mentor_id":"me\u0007"}`),
			[]problem{{1, "(bad id),(bad id)", "mentee_id", "spaces"}, {1, "(bad id),(bad id)", "mentor_id", "control"}}},
		{"same id twice", jsonl(`{"on":"2026-01-05","event":"proposed","mentee_id":"x","mentor_id":"x"}`),
			[]problem{{1, "x,x", "mentor_id", "same as mentee_id"}}},
		{"missing day and kind", jsonl(`{"id":"me-1"}`), []problem{{1, "me-1", "on", "missing"}, {1, "me-1", "event", "missing"}}},
		{"invalid UTF-8", jsonl("{\"on\":\"2026-01-05\",\"event\":\"paused\",\"id\":\"\xff\"}"), []problem{{1, "", "", "UTF-8"}}},
		{"too long a line, then the next is read", jsonl(`{"on":"2026-01-05","event":"paused","id":"`+strings.Repeat("a", 5000)+`"}`, `{}`),
			[]problem{{1, "", "", "longer than 4096 bytes"}, {2, "", "on", "missing"}, {2, "", "event", "missing"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ledger.Read(strings.NewReader(tt.input), ledger.Options{})
			assert.Nil(t, l)
			assertProblems(t, tt.want, err)
			assert.NotContains(t, err.Error(), "2001-02-29", "a value is echoed")
		})
	}
}

func TestReadHistoryProblems(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []problem
	}{
		{"never applied", []string{apMe1, pr11}, []problem{{2, "me-1,mo-1", "mentor_id", "never applied"}}},
		{"wrong side", []string{apMe1, apMo1, `{"on":"2026-02-01","event":"proposed","mentee_id":"mo-1","mentor_id":"me-1"}`},
			[]problem{{3, "mo-1,me-1", "mentee_id", "applied as a mentor, not a mentee"}, {3, "mo-1,me-1", "mentor_id", "applied as a mentee, not a mentor"}}},
		{"one id, one person", []string{apMe1, `{"on":"2026-01-06","event":"applied","side":"mentor","id":"me-1"}`},
			[]problem{{2, "me-1", "id", "already applied as a mentee"}}},
		{"applied twice", []string{apMe1, "", apMe1}, []problem{{3, "me-1", "id", "already applied on line 1"}}},
		{"first meeting never proposed", []string{apMe1, apMo1, st11}, []problem{{3, "me-1,mo-1", "", "no proposal waiting"}}},
		{"first meeting twice", []string{apMe1, apMo1, pr11, st11, st11}, []problem{{5, "me-1,mo-1", "", "no proposal waiting"}}},
		{"ended before it started", []string{apMe1, apMo1, pr11,
			`{"on":"2026-02-09","event":"ended","mentee_id":"me-1","mentor_id":"mo-1","reason":"completed"}`},
			[]problem{{4, "me-1,mo-1", "", "no started duo"}}},
		{"mentor above capacity", []string{apMe1, apMe2, apMo1, pr11, pr21},
			[]problem{{5, "me-2,mo-1", "mentor_id", "above capacity: already in 1 live duo (capacity 1)"}}},
		{"second proposal for a mentee in a live duo", []string{apMe1, apMo1, apMo2, pr11, st11,
			`{"on":"2026-03-01","event":"proposed","mentee_id":"me-1","mentor_id":"mo-2"}`},
			[]problem{{6, "me-1,mo-2", "mentee_id", "already in a live duo with mo-1 (line 4)"}}},
		{"re-pairing after a failed first meeting", []string{apMe1, apMo1, pr11, fa11,
			`{"on":"2026-03-01","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"}`},
			[]problem{{5, "me-1,mo-1", "", "pair excluded since line 4"}}},
		{"dates out of order within a duo", []string{apMe1, apMo1, pr11,
			`{"on":"2026-01-31","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"started"}`},
			[]problem{{4, "me-1,mo-1", "on", "before the event of line 3 about me-1 (2026-02-01)"}, {4, "me-1,mo-1", "on", "about mo-1"}}},
		{"events after withdrawal", []string{apMe1,
			`{"on":"2026-01-10","event":"withdrawn","id":"me-1","reason":"moved"}`,
			`{"on":"2026-01-11","event":"paused","id":"me-1"}`},
			[]problem{{3, "me-1", "id", "application closed on line 2 (withdrawn: moved)"}}},
		{"withdrawn in a live duo", []string{apMe1, apMo1, pr11, `{"on":"2026-02-03","event":"withdrawn","id":"mo-1","reason":"no_time"}`},
			[]problem{{4, "mo-1", "id", "in a live duo (me-1 + mo-1, line 3)"}}},
		{"paused twice, resumed unpaused", []string{apMe1, `{"on":"2026-01-06","event":"paused","id":"me-1"}`,
			`{"on":"2026-01-07","event":"paused","id":"me-1"}`, `{"on":"2026-01-08","event":"resumed","id":"me-1"}`,
			`{"on":"2026-01-09","event":"resumed","id":"me-1"}`},
			[]problem{{3, "me-1", "id", "already paused"}, {5, "me-1", "id", "not paused"}}},
		{"proposed while paused", []string{apMe1, apMo1, `{"on":"2026-01-06","event":"paused","id":"mo-1"}`, pr11},
			[]problem{{4, "me-1,mo-1", "mentor_id", "paused"}}},
		{"outcome before any duo", []string{apMe1, `{"on":"2026-03-01","event":"outcome","mentee_id":"me-1","result":"none"}`},
			[]problem{{2, "me-1", "mentee_id", "no duo started"}}},
		{"every problem at once", []string{pr11, apMe1, `{"on":"2026-01-05","event":"nope"}`, st11},
			[]problem{{1, "me-1,mo-1", "mentee_id", "never applied"}, {1, "me-1,mo-1", "mentor_id", "never applied"},
				{3, "", "event", "unknown kind"}, {4, "me-1,mo-1", "mentor_id", "never applied"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ledger.Read(strings.NewReader(jsonl(tt.lines...)), ledger.Options{})
			assert.Nil(t, l)
			assertProblems(t, tt.want, err)
		})
	}
}

func TestReadAccepts(t *testing.T) {
	tests := []struct {
		name  string
		input string
		opt   ledger.Options
		n     int
	}{
		{"empty", "", ledger.Options{}, 0},
		{"blank lines, CRLF, no final newline", apMe1 + "\r\n\n  \n" + apMo1, ledger.Options{}, 2},
		{"capacity 2 by option", jsonl(apMe1, apMe2, apMo1, pr11, pr21),
			ledger.Options{Capacity: func(id string) int { return map[string]int{"mo-1": 2}[id] }}, 5},
		{"outcome after the application closed", jsonl(apMe1, apMo1, pr11, st11,
			`{"on":"2026-08-10","event":"ended","mentee_id":"me-1","mentor_id":"mo-1","reason":"completed"}`,
			`{"on":"2027-02-10","event":"outcome","mentee_id":"me-1","result":"training"}`), ledger.Options{}, 6},
		{"re-application after withdrawal", jsonl(apMe1, `{"on":"2026-01-10","event":"withdrawn","id":"me-1","reason":"moved"}`,
			`{"on":"2026-04-10","event":"applied","side":"mentee","id":"me-1"}`), ledger.Options{}, 3},
		{"late recording of another duo", jsonl(apMe1, apMe2, apMo1, apMo2, pr11,
			`{"on":"2026-01-20","event":"proposed","mentee_id":"me-2","mentor_id":"mo-2"}`), ledger.Options{}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ledger.Read(strings.NewReader(tt.input), tt.opt)
			require.NoError(t, err)
			assert.Equal(t, tt.n, l.Len())
		})
	}
}

func TestReadBounds(t *testing.T) {
	t.Run("max lines", func(t *testing.T) {
		_, err := ledger.Read(strings.NewReader(jsonl(apMe1, apMo1, pr11)), ledger.Options{MaxLines: 2})
		assertProblems(t, []problem{{3, "", "", "more than 2 events"}}, err)
		assert.ErrorIs(t, err, ledger.ErrTooLarge)
	})
	t.Run("max errors", func(t *testing.T) {
		_, err := ledger.Read(strings.NewReader(strings.Repeat("{}\n", 10)), ledger.Options{MaxErrors: 3})
		got := problems(t, err)
		require.Len(t, got, 4)
		assert.Equal(t, 2, got[2].line)
		assert.Equal(t, "17 more problems not listed (reporting stops after 3)", got[3].text)
	})
	t.Run("max line bytes", func(t *testing.T) {
		_, err := ledger.Read(strings.NewReader(jsonl(apMe1)), ledger.Options{MaxLineBytes: 20})
		assertProblems(t, []problem{{1, "", "", "longer than 20 bytes"}}, err)
	})
	t.Run("add past max lines", func(t *testing.T) {
		l := ledger.New(ledger.Options{MaxLines: 1})
		require.NoError(t, l.Add(event(`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1"}`)))
		err := l.Add(event(apMo1))
		assert.ErrorIs(t, err, ledger.ErrTooLarge)
		assert.Equal(t, 1, l.Len())
	})
}

// errReader fails after its data.
type errReader struct{ data *strings.Reader }

func (r errReader) Read(p []byte) (int, error) {
	if r.data.Len() == 0 {
		return 0, errors.New("disk on fire")
	}
	return r.data.Read(p)
}

func TestReadError(t *testing.T) {
	_, err := ledger.Read(errReader{strings.NewReader(jsonl(apMe1))}, ledger.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "disk on fire")
	assert.Contains(t, err.Error(), "line 2")
	assert.NotErrorIs(t, err, ledger.ErrInvalid)
}

func event(line string) ledger.Event {
	var e ledger.Event
	if err := e.UnmarshalJSON([]byte(line)); err != nil {
		panic(err)
	}
	return e
}

func TestAddChecksLikeRead(t *testing.T) {
	l := ledger.New(ledger.Options{})
	for _, line := range []string{apMe1, apMo1, pr11} {
		require.NoError(t, l.Add(event(line)))
	}
	err := l.Add(event(st11))
	require.NoError(t, err)
	err = l.Add(event(st11))
	assertProblems(t, []problem{{5, "me-1,mo-1", "", "no proposal waiting"}}, err)
	assert.Equal(t, 4, l.Len(), "a refused event is not recorded")
	err = l.Add(ledger.Event{On: profile.MustDate(2026, time.March, 1), Kind: ledger.Outcome, MenteeID: "me-1"})
	assertProblems(t, []problem{{5, "me-1", "result", "missing"}}, err)
}

func TestRoundTrip(t *testing.T) {
	input := jsonl(apMe1, apMe2, apMo1, apMo2, pr11, fa11,
		`{"on":"2026-03-01","event":"proposed","mentee_id":"me-1","mentor_id":"mo-2"}`,
		`{"on":"2026-03-02","event":"declined","mentee_id":"me-1","mentor_id":"mo-2","reason":"staff_declined"}`,
		`{"on":"2026-03-02","event":"paused","id":"me-2"}`,
		`{"on":"2026-03-09","event":"resumed","id":"me-2"}`,
		`{"on":"2026-03-10","event":"withdrawn","id":"mo-2","reason":"no_time"}`)
	l, err := ledger.Read(strings.NewReader(input), ledger.Options{})
	require.NoError(t, err)
	var out bytes.Buffer
	n, err := l.WriteTo(&out)
	require.NoError(t, err)
	assert.Equal(t, int64(len(input)), n)
	assert.Equal(t, input, out.String(), "canonical input is written back byte for byte")

	var appended bytes.Buffer
	for _, e := range l.Events() {
		require.NoError(t, ledger.Append(&appended, e))
	}
	assert.Equal(t, input, appended.String())

	l2, err := ledger.Read(&out, ledger.Options{})
	require.NoError(t, err)
	assert.Equal(t, l.Events(), l2.Events())
}

func TestAppendRefusesInvalid(t *testing.T) {
	var b bytes.Buffer
	err := ledger.Append(&b, ledger.Event{Kind: ledger.Applied, ID: "me-1"})
	assertProblems(t, []problem{{0, "me-1", "on", "missing"}, {0, "me-1", "side", "missing"}}, err)
	assert.Zero(t, b.Len())
	assert.Equal(t, "me-1: on: missing", profile.Problems(err)[0].Error())
}

func TestEventProblemMessage(t *testing.T) {
	_, err := ledger.Read(strings.NewReader(jsonl(apMe1, st11)), ledger.Options{})
	require.Error(t, err)
	assert.Equal(t, "line 2: me-1, mo-1: mentor_id: never applied", err.Error())
	var p *profile.Problem
	require.ErrorAs(t, errors.Join(io.EOF, fmt.Errorf("x: %w", err)), &p)
	assert.Equal(t, "never_applied", p.Code)
	assert.Equal(t, 2, p.Line)
	assert.ErrorIs(t, p, ledger.ErrInvalid)
	assert.NotErrorIs(t, p, ledger.ErrTooLarge)

	_, err = ledger.Read(strings.NewReader(jsonl(apMe1, apMo1)), ledger.Options{MaxLines: 1})
	require.ErrorAs(t, errors.Join(io.EOF, err), &p)
	assert.Equal(t, "too_many_events", p.Code)
	assert.Equal(t, []string{"1"}, p.Args)
	assert.ErrorIs(t, p, ledger.ErrTooLarge)
	assert.ErrorIs(t, p, ledger.ErrInvalid)
}
