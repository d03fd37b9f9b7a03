package ledger

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/profile"
)

// FuzzFastLine checks the fast path of the line decoder against
// parseLine, the oracle: on every line it takes, the same event and the
// same problems.
func FuzzFastLine(f *testing.F) {
	f.Add(`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1"}`)
	f.Add(`{"on":"2026-02-08","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"failed","reason":"no_show"}`)
	f.Add(`{"on":"2026-02-08","event":"void","line":"12","reason":"duplicate"}`)
	f.Add(`{"on":"2026-02-30","event":"applied","id":"me-1","side":"mentor"}`)
	f.Add(`{"on":"2026-01-06","event":"applied","side":"mentor","id":"mo-1","referral":"pes","capacity":"2"}`)
	f.Add(`{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1","id":"x"}`)
	f.Add(`{"on":"2026-01-05","event":"applied","side":"mentee","on":"2026-01-05"}`)
	f.Add(`{"on":"0001-01-05","event":"withdrawn","id":"","reason":"moved"}`)
	f.Fuzz(func(t *testing.T, line string) {
		tab := newTable(0)
		d := lineDecoder{t: &tab}
		r, ok := d.fast([]byte(line))
		if !ok {
			t.Skip("not a line of the fast path")
		}
		e := tab.event(&r)
		want, wantErrs := parseLine([]byte(line), 3)
		require.Equal(t, want, e)
		require.Equal(t, wantErrs, e.problems(3))
	})
}

// randomEvent returns an event about a few people, often refused.
func randomEvent(rng *rand.Rand, on profile.Date, lines int) Event {
	me := fmt.Sprintf("me-%d", rng.IntN(4))
	mo := fmt.Sprintf("mo-%d", rng.IntN(3))
	e := Event{On: on}
	switch rng.IntN(12) {
	case 0:
		e.Kind, e.Side, e.ID = Applied, MenteeSide, me
	case 1:
		e.Kind, e.Side, e.ID = Applied, MentorSide, mo
	case 2:
		e.Kind, e.ID, e.Reason = Withdrawn, []string{me, mo}[rng.IntN(2)], Moved
	case 3:
		e.Kind, e.ID = []Kind{Paused, Resumed}[rng.IntN(2)], []string{me, mo}[rng.IntN(2)]
	case 4, 5:
		e.Kind, e.MenteeID, e.MentorID = Proposed, me, mo
	case 6:
		e.Kind, e.MenteeID, e.MentorID, e.Reason = Declined, me, mo, MentorDeclined
	case 7:
		e.Kind, e.MenteeID, e.MentorID, e.Result = FirstMeeting, me, mo, Started
	case 8:
		e.Kind, e.MenteeID, e.MentorID, e.Result, e.Reason = FirstMeeting, me, mo, Failed, NoShow
	case 9:
		e.Kind, e.MenteeID, e.MentorID, e.Reason = Ended, me, mo, []string{Completed, Mismatch, MentorLeft, FoundJob}[rng.IntN(4)]
	case 10:
		e.Kind, e.MenteeID, e.Result = Outcome, me, Training
	default:
		e.Kind, e.Reason, e.Line = Void, Duplicate, fmt.Sprint(1+rng.IntN(lines+1))
	}
	return e
}

// TestFileRefusedBatchUndone appends random batches, many refused at
// some event: after each, the ledger in memory, undone without reading
// the file again, equals the ledger read from the file (the oracle),
// state included, and the file holds exactly the accepted batches.
func TestFileRefusedBatchUndone(t *testing.T) {
	for seed := range uint64(20) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 21))
			lf := openTestFile(t)
			on := profile.MustDate(2026, 1, 1)
			refused := 0
			for step := range 150 {
				var b Batch
				for range 1 + rng.IntN(4) {
					b.Events = append(b.Events, randomEvent(rng, on, lf.l.last))
					if rng.IntN(3) == 0 {
						on = on.AddDays(1)
					}
				}
				before, strs := lf.l.Events(), len(lf.l.tab.strs)
				if _, err := lf.Append(b); err != nil {
					refused++
					require.ErrorIs(t, err, ErrInvalid)
					require.Equal(t, before, lf.l.Events(), "step %d: a refused batch leaves the events", step)
					require.Len(t, lf.l.tab.strs, strs, "step %d: a refused batch leaves no string behind", step)
					require.Len(t, lf.l.tab.index, strs, "step %d", step)
				}
				assertSameAsFile(t, lf, step)
			}
			assert.Greater(t, refused, 20, "the test refuses batches")
		})
	}
}

// testCapacity is the mentors' capacity in the random tests: mo-1 holds 2.
func testCapacity(id string) int { return 1 + len(id)%2 }

// openTestFile opens a new ledger file with testCapacity, closed at the
// end of the test.
func openTestFile(t *testing.T) *File {
	lf, err := OpenFile(filepath.Join(t.TempDir(), "ledger.jsonl"), Options{Capacity: testCapacity})
	require.NoError(t, err)
	t.Cleanup(func() { lf.Close() })
	return lf
}

// assertSameAsFile checks that the ledger of lf in memory is the one read
// again from its file, the oracle (see assertSameLedger).
func assertSameAsFile(t *testing.T, lf *File, step int) {
	t.Helper()
	raw, err := os.ReadFile(lf.path)
	require.NoError(t, err)
	want, err := Read(bytes.NewReader(raw), Options{Capacity: testCapacity})
	require.NoError(t, err, "step %d", step)
	assertSameLedger(t, want, lf.l, step)
}

// assertSameLedger checks that got is want: events, lines, voids and the
// state the checks and figures read (an empty slice or map is nil). The
// states are compared by what is in force (see inForce): after a void,
// got's lists may hold what the voided event created.
func assertSameLedger(t *testing.T, want, got *Ledger, step int) {
	t.Helper()
	msg := fmt.Sprint("step ", step)
	sameSlice(t, want.Events(), got.Events(), msg)
	sameSlice(t, want.lines, got.lines, msg)
	require.Equal(t, want.last, got.last, msg)
	require.Equal(t, len(want.voided), len(got.voided), msg)
	for k, v := range want.voided {
		require.Equal(t, v, got.voided[k], msg)
	}
	w, g := inForce(want.st), inForce(got.st)
	require.Equal(t, len(w.people), len(g.people), msg)
	for id, p := range w.people {
		require.Equal(t, p, g.people[id], msg, id)
	}
	sameSlice(t, w.duos, g.duos, msg)
	require.Equal(t, want.st.excluded, got.st.excluded, msg)
	require.Equal(t, len(want.st.outcomes), len(got.st.outcomes), msg)
	for id, o := range want.st.outcomes {
		require.Equal(t, o, got.st.outcomes[id], msg, id)
	}
}

// forcePerson is a person of a state, with their applications and live
// duos by value, latest first, instead of indices.
type forcePerson struct {
	person
	apps []application
	live []duo
}

// forceState is a state by value: its people, and its duos in order
// without those of voided proposals, each application and duo with the
// line of the application it refers to instead of its index.
type forceState struct {
	people map[string]forcePerson
	duos   []duo
}

// inForce returns s by value.
func inForce(s *state) forceState {
	line := func(i int) int {
		if i < 0 {
			return 0
		}
		return s.apps[i].line
	}
	duo := func(d duo) duo {
		d.menteeApp = line(d.menteeApp)
		return d
	}
	f := forceState{people: map[string]forcePerson{}}
	for id, p := range s.people {
		fp := forcePerson{person: *p}
		for i := p.app; i >= 0; i = s.apps[i].prev {
			a := s.apps[i]
			a.prev = line(a.prev)
			fp.apps = append(fp.apps, a)
		}
		for _, k := range p.live {
			fp.live = append(fp.live, duo(s.duos[k]))
		}
		fp.person.app, fp.person.live = 0, nil
		f.people[id] = fp
	}
	for _, d := range s.duos {
		if d.stage != stVoided {
			f.duos = append(f.duos, duo(d))
		}
	}
	return f
}

func sameSlice[T any](t *testing.T, want, got []T, msg ...any) {
	t.Helper()
	if len(want) == 0 && len(got) == 0 {
		return
	}
	require.Equal(t, want, got, msg...)
}
