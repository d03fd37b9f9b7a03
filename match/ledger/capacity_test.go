package ledger_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
)

// TestApplicationCapacity: a mentor's applied event may carry their
// capacity; a mentor with capacity 2 holds two duos and no third, the
// capacity comes before Options.Capacity, a re-application without one
// falls back to it, and the capacity is read back from the file.
func TestApplicationCapacity(t *testing.T) {
	mo1cap2 := `{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-1","capacity":"2"}`
	apMe3 := `{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-3"}`
	pr31 := `{"on":"2026-02-01","event":"proposed","mentee_id":"me-3","mentor_id":"mo-1"}`
	tests := []struct {
		name  string
		lines []string
		opt   ledger.Options
		want  []problem
	}{
		{name: "capacity 2 holds two duos", lines: []string{apMe1, apMe2, mo1cap2, pr11, pr21}},
		{name: "and no third", lines: []string{apMe1, apMe2, apMe3, mo1cap2, pr11, pr21, pr31},
			want: []problem{{7, "me-3,mo-1", "mentor_id", "capacity 2"}}},
		{name: "the application's capacity comes before the option's", lines: []string{apMe1, apMe2, mo1cap2, pr11, pr21, apMe3, pr31},
			opt: ledger.Options{Capacity: func(string) int { return 5 }}, want: []problem{{7, "me-3,mo-1", "mentor_id", "capacity 2"}}},
		{name: "without one, the option's", lines: []string{apMe1, apMe2, apMo1, pr11, pr21},
			opt: ledger.Options{Capacity: func(string) int { return 2 }}},
		{name: "without one, 1", lines: []string{apMe1, apMe2, apMo1, pr11, pr21},
			want: []problem{{5, "me-2,mo-1", "mentor_id", "capacity 1"}}},
		{name: "a re-application without one falls back", lines: []string{apMe1, apMe2, mo1cap2,
			`{"on":"2026-01-07","event":"withdrawn","id":"mo-1","reason":"no_time"}`,
			`{"on":"2026-01-08","event":"applied","side":"mentor","id":"mo-1"}`, pr11, pr21},
			want: []problem{{7, "me-2,mo-1", "mentor_id", "capacity 1"}}},
		{name: "not a mentee's", lines: []string{`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1","capacity":"2"}`},
			want: []problem{{1, "me-1", "capacity", "mentee has no capacity"}}},
		{name: "not zero", lines: []string{`{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-1","capacity":"0"}`},
			want: []problem{{1, "mo-1", "capacity", "from 1 to 100"}}},
		{name: "not over 100", lines: []string{`{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-1","capacity":"101"}`},
			want: []problem{{1, "mo-1", "capacity", "from 1 to 100"}}},
		{name: "not a number", lines: []string{`{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-1","capacity":"02"}`},
			want: []problem{{1, "mo-1", "capacity", "leading zeros"}}},
		{name: "not on another kind", lines: []string{apMe1, apMo1, `{"on":"2026-02-01","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1","capacity":"2"}`},
			want: []problem{{3, "me-1,mo-1", "capacity", "not a field of a proposed event"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ledger.Read(strings.NewReader(jsonl(tt.lines...)), tt.opt)
			if tt.want != nil {
				assertProblems(t, tt.want, err)
				return
			}
			require.NoError(t, err)
			// Written back and read again: the same events.
			var b bytes.Buffer
			_, err = l.WriteTo(&b)
			require.NoError(t, err)
			assert.Equal(t, jsonl(tt.lines...), b.String())
		})
	}
}
