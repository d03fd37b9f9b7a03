package ledger_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// TestDecodeEvents decodes one event or an array of events, and reports
// every problem of the events taken alone under its path.
func TestDecodeEvents(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		opt     profile.DecodeOptions
		want    ledger.Batch
		events  []problem // EventError problems (line 0), when refused
		fields  []string  // profile.FieldError fields, when refused by the decoder
		tooMany bool
	}{
		{name: "one event", doc: apMe1, want: ledger.Batch{Events: []ledger.Event{event(apMe1)}, Single: true}},
		{name: "one event after spaces", doc: " \n\t" + apMe1 + "\n", want: ledger.Batch{Events: []ledger.Event{event(apMe1)}, Single: true}},
		{name: "an array", doc: "[" + apMe1 + ",\n" + apMo1 + "]", want: ledger.Batch{Events: []ledger.Event{event(apMe1), event(apMo1)}}},
		{name: "an array of one", doc: " [" + apMe1 + "]", want: ledger.Batch{Events: []ledger.Event{event(apMe1)}}},
		{name: "every problem under its path",
			doc: `[{"on":"2026-02-02","event":"proposed","mentee_id":"me-1"},` +
				`{"on":"2026-02-02","event":"wed","id":"me-1"},` +
				`{"on":"2026-02-02","event":"withdrawn","id":"me-1","reason":"bored","phone":"0470"}, "text"]`,
			events: []problem{
				{ids: "me-1", field: "[0].mentor_id", text: "missing"},
				{ids: "me-1", field: "[1].event", text: "unknown kind"},
				{ids: "me-1", field: "[2].phone", text: "unknown field"},
				{ids: "me-1", field: "[2].reason", text: "unknown reason"},
				{field: "[3]", text: "not a JSON object"},
			}},
		{name: "a single event's problems have no index", doc: `{"on":"2026-02-02","event":"applied","id":"me-1"}`,
			events: []problem{{ids: "me-1", field: "side", text: "missing"}}},
		{name: "problems past MaxErrors are counted", opt: profile.DecodeOptions{MaxErrors: 2},
			doc:    `[{"on":"2026-02-02"},{"on":"2026-02-02"},{"on":"2026-02-02"}]`,
			events: []problem{{field: "[0].event", text: "missing"}, {field: "[1].event", text: "missing"}}},
		{name: "malformed JSON", doc: `[{"on":`, fields: []string{"[0]"}},
		{name: "an empty array", doc: `[]`, fields: []string{"(document)"}},
		{name: "an empty document", doc: ` `, fields: []string{"(document)"}},
		{name: "data after the event", doc: apMe1 + apMe1, fields: []string{"(document)"}},
		{name: "more events than MaxPeople", opt: profile.DecodeOptions{MaxPeople: 2}, doc: "[" + apMe1 + "," + apMe2 + "," + apMo1 + "]",
			fields: []string{}, tooMany: true}, // the path is profile.Decode's
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ledger.DecodeEvents(strings.NewReader(tt.doc), tt.opt)
			switch {
			case tt.events != nil:
				require.Error(t, err)
				assert.ErrorIs(t, err, ledger.ErrInvalid)
				got := problems(t, err)
				if tt.opt.MaxErrors > 0 {
					require.Len(t, got, len(tt.events)+1, "%v", err)
					assert.Contains(t, got[len(got)-1].text, "more problem")
					got = got[:len(got)-1]
				}
				require.Len(t, got, len(tt.events), "%v", err)
				for i, w := range tt.events {
					assert.Equal(t, w.ids, got[i].ids, "problem %d", i)
					assert.Equal(t, w.field, got[i].field, "problem %d", i)
					assert.Contains(t, got[i].text, w.text, "problem %d", i)
				}
				assert.NotContains(t, err.Error(), "0470")
				assert.NotContains(t, err.Error(), "bored")
			case tt.fields != nil:
				require.Error(t, err)
				assert.ErrorIs(t, err, profile.ErrInvalid)
				var fields []string
				for _, p := range profile.Problems(err) {
					fields = append(fields, p.Path)
				}
				assert.Equal(t, tt.fields, fields[:min(len(fields), len(tt.fields))], "%v", err)
				assert.Equal(t, tt.tooMany, errors.Is(err, profile.ErrTooMany))
			default:
				require.NoError(t, err)
				assert.Equal(t, tt.want, got)
			}
		})
	}
}

// FuzzDecodeEvents decodes arbitrary documents: never a panic; an
// accepted batch holds valid events whose canonical form decodes to the
// same batch; problems never quote a value other than an ID or a code.
func FuzzDecodeEvents(f *testing.F) {
	f.Add(apMe1)
	f.Add("[" + apMe1 + "," + pr11 + "]")
	f.Add(`[{"on":"2026-02-02","event":"wed","id":"me-1","x":"\xff"}, 3, null]`)
	f.Add(`[]`)
	f.Add(`{"on":"2026-02-30","event":"applied","side":"mentee","id":" me-1"}`)
	f.Fuzz(func(t *testing.T, doc string) {
		b, err := ledger.DecodeEvents(strings.NewReader(doc), profile.DecodeOptions{MaxPeople: 50})
		if err != nil {
			require.Empty(t, b.Events)
			return
		}
		require.NotEmpty(t, b.Events)
		var lines []string
		for _, e := range b.Events {
			require.NoError(t, e.Validate())
			line, err := json.Marshal(e)
			require.NoError(t, err)
			lines = append(lines, string(line))
		}
		again, err := ledger.DecodeEvents(strings.NewReader("["+strings.Join(lines, ",")+"]"), profile.DecodeOptions{})
		require.NoError(t, err)
		assert.Equal(t, b.Events, again.Events)
	})
}
