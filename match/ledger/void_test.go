package ledger_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

func TestEventDateBounds(t *testing.T) {
	tests := []struct {
		on string
		ok bool
	}{
		{"9999-12-31", false}, // the case
		{"0001-01-01", false}, // the case
		{"1999-12-31", false},
		{"2100-01-01", false},
		{"2000-01-01", true},
		{"2099-12-31", true},
	}
	for _, tt := range tests {
		t.Run(tt.on, func(t *testing.T) {
			line := `{"on":"` + tt.on + `","event":"applied","side":"mentee","id":"me-1"}`
			l, err := ledger.Read(strings.NewReader(jsonl(line)), ledger.Options{})
			if tt.ok {
				require.NoError(t, err)
				assert.Equal(t, 1, l.Len())
				return
			}
			assertProblems(t, []problem{{1, "me-1", "on", "outside the years 2000 to 2099"}}, err)
			assert.NotContains(t, err.Error(), tt.on, "a value is echoed")
		})
	}
}

// void returns a void event of the line.
func void(on, line, reason string) string {
	return `{"on":"` + on + `","event":"void","reason":"` + reason + `","line":"` + line + `"}`
}

// TestVoidWrongDate is the case: a day mistyped far in the future
// puts every later event about the person out of date order; a void
// undoes it, in Add as in Read, and the file reads back the same.
func TestVoidWrongDate(t *testing.T) {
	l := ledger.New(ledger.Options{})
	for _, line := range []string{apMe1, apMo1, `{"on":"2062-01-20","event":"paused","id":"me-1"}`} {
		require.NoError(t, l.Add(event(line)))
	}
	err := l.Add(event(pr11))
	assertProblems(t, []problem{{4, "me-1,mo-1", "on", "before the event of line 3 about me-1 (2062-01-20)"}}, err)

	require.Equal(t, 3, l.Line(2), "the mistake is the third event, on line 3")
	require.NoError(t, l.Add(event(void("2026-01-21", "3", ledger.WrongDate))))
	assert.Equal(t, 4, l.VoidedBy(3))
	assert.Equal(t, 0, l.VoidedBy(2))
	require.NoError(t, l.Add(event(pr11)), "the voided event no longer counts")
	require.NoError(t, l.Add(event(st11)))
	round, _, err := l.NextRound(match.Round{On: day("2026-03-01")})
	require.NoError(t, err)
	assert.Empty(t, round.Mentees)

	var b bytes.Buffer
	_, err = l.WriteTo(&b)
	require.NoError(t, err)
	l2, err := ledger.Read(&b, ledger.Options{})
	require.NoError(t, err)
	assert.Equal(t, l.Events(), l2.Events())
	assert.Equal(t, 4, l2.VoidedBy(3))
	on := day("2026-09-01")
	assert.Equal(t, l.Worklist(on), l2.Worklist(on))
	assert.Equal(t, l.Indicators(day("2026-01-01"), on, nil), l2.Indicators(day("2026-01-01"), on, nil))
}

// TestVoidLatestFirst: only the latest event about each person can be
// undone; undoing an earlier one takes voiding the later ones first, after
// which the history is as if they had never been recorded.
func TestVoidLatestFirst(t *testing.T) {
	base := []string{apMe1, apMo1, pr11, st11} // lines 1 to 4
	tests := []struct {
		name  string
		lines []string
		want  []problem
	}{
		{"not the latest", append(base[:4:4], void("2026-02-09", "3", ledger.WrongPerson)),
			[]problem{{5, "me-1,mo-1", "line", "line 3 is not the latest event about me-1 (line 4 is later)"}}},
		{"a later line", append(base[:4:4], void("2026-02-09", "9", ledger.Other)),
			[]problem{{5, "", "line", "names line 9, not an earlier line"}}},
		{"a blank line", []string{apMe1, "", void("2026-02-09", "2", ledger.Other)},
			[]problem{{3, "", "line", "line 2 holds no event"}}},
		{"a void", append(base[:4:4], void("2026-02-09", "4", ledger.WrongDate), void("2026-02-09", "5", ledger.Other)),
			[]problem{{6, "", "line", "line 5 is a void"}}},
		{"twice", append(base[:4:4], void("2026-02-09", "4", ledger.WrongDate), void("2026-02-09", "4", ledger.Duplicate)),
			[]problem{{6, "me-1,mo-1", "line", "line 4 is already voided on line 5"}}},
		{"not a line number", append(base[:4:4], void("2026-02-09", "04", ledger.Other)),
			[]problem{{5, "", "line", "want a line number"}}},
		{"no reason", append(base[:4:4], `{"on":"2026-02-09","event":"void","line":"4"}`),
			[]problem{{5, "", "reason", "missing"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ledger.Read(strings.NewReader(jsonl(tt.lines...)), ledger.Options{})
			assert.Nil(t, l)
			assertProblems(t, tt.want, err)
		})
	}

	t.Run("latest first", func(t *testing.T) {
		lines := append(base[:4:4], void("2026-02-09", "4", ledger.WrongEvent), void("2026-02-09", "3", ledger.WrongPerson),
			`{"on":"2026-02-10","event":"applied","side":"mentor","id":"mo-2"}`,
			`{"on":"2026-02-10","event":"proposed","mentee_id":"me-1","mentor_id":"mo-2"}`)
		want := ledger.New(ledger.Options{})
		for _, line := range []string{apMe1, apMo1, lines[6], lines[7]} {
			require.NoError(t, want.Add(event(line)))
		}
		byAdd := ledger.New(ledger.Options{})
		for _, line := range lines {
			require.NoError(t, byAdd.Add(event(line)), line)
		}
		byRead, err := ledger.Read(strings.NewReader(jsonl(lines...)), ledger.Options{})
		require.NoError(t, err)
		on := day("2026-03-01")
		mentees, mentors := people([]string{"me-1"}, []string{"mo-1", "mo-2"})
		wantRound, _, err := want.NextRound(match.Round{On: on, Mentees: mentees, Mentors: mentors})
		require.NoError(t, err)
		for _, l := range []*ledger.Ledger{byAdd, byRead} {
			round, _, err := l.NextRound(match.Round{On: on, Mentees: mentees, Mentors: mentors})
			require.NoError(t, err)
			assert.Equal(t, wantRound, round, "as if lines 3 and 4 had never been")
			assert.Equal(t, want.Worklist(on), l.Worklist(on))
			assert.Equal(t, want.Indicators(day("2026-01-01"), on, nil), l.Indicators(day("2026-01-01"), on, nil))
		}
		// mo-1 is free again and me-1 + mo-1 is not an excluded pair.
		assert.Empty(t, wantRound.Excluded)
	})

	t.Run("a voided outcome is not counted", func(t *testing.T) {
		lines := append(base[:4:4], `{"on":"2026-08-10","event":"ended","mentee_id":"me-1","mentor_id":"mo-1","reason":"completed"}`,
			`{"on":"2026-08-12","event":"outcome","mentee_id":"me-1","result":"job_over_3_months"}`,
			void("2026-08-13", "6", ledger.WrongPerson))
		l, err := ledger.Read(strings.NewReader(jsonl(lines...)), ledger.Options{})
		require.NoError(t, err)
		r := l.Indicators(day("2026-01-01"), day("2026-12-31"), nil).Overall.AtEnd
		assert.Equal(t, 1, r.Reached)
		assert.Equal(t, 1, r.LostToFollowUp.Count)
		assert.Equal(t, 0, r.Positive.Total)
	})
}

func TestVoidRoundTripKeepsLines(t *testing.T) {
	input := jsonl(apMe1, "", apMo1, `{"on":"2026-01-07","event":"paused","id":"mo-1"}`, void("2026-01-08", "4", ledger.Duplicate))
	l, err := ledger.Read(strings.NewReader(input), ledger.Options{})
	require.NoError(t, err)
	var b bytes.Buffer
	_, err = l.WriteTo(&b)
	require.NoError(t, err)
	assert.Equal(t, input, b.String(), "the blank line is kept, so that line 4 is still line 4")
	assert.Equal(t, []int{1, 3, 4, 5}, []int{l.Line(0), l.Line(1), l.Line(2), l.Line(3)})
	require.NoError(t, l.Add(ledger.Event{On: profile.MustDate(2026, 1, 9), Kind: ledger.Paused, ID: "mo-1"}), "mo-1 is not paused: line 4 is voided")
}
