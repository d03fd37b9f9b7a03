package ledger

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/duomatch/duo/profile"
)

// TestVoidIncremental appends random batches in which about one event in
// three voids the latest event about someone, in chains (the latest, then
// the one before it…), and some batches are refused after their voids:
// after each batch, the ledger in memory, whose voids undo their event in
// the state without replaying the history, is the ledger read again from
// the file (the oracle), state included.
func TestVoidIncremental(t *testing.T) {
	voided := map[string]int{} // kinds of the events voided
	for seed := range uint64(40) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 91))
			lf := openTestFile(t)
			on := profile.MustDate(2026, 1, 1)
			for step := range 300 {
				var b Batch
				for range max(1, rng.IntN(6)-2) {
					var e Event
					switch rng.IntN(6) {
					case 0:
						e = Event{On: on, Kind: Void, Reason: WrongEvent, Line: latestLine(rng, lf.l)}
					case 1, 2:
						e = progress(rng, lf.l, on)
					default:
						e = randomEvent(rng, on, lf.l.last)
					}
					b.Events = append(b.Events, e)
					if rng.IntN(4) == 0 {
						on = on.AddDays(1)
					}
				}
				if _, err := lf.Append(b); err == nil {
					for _, e := range b.Events {
						if e.Kind == Void {
							k, _ := slices.BinarySearch(lf.l.lines, wholeNumber(e.Line))
							v := lf.l.event(k)
							voided[string(v.Kind)+" "+v.Result+" "+v.Reason]++
						}
					}
				}
				assertSameAsFile(t, lf, step)
			}
		})
	}
	t.Log(voided)
	for _, kind := range []string{"applied  ", "withdrawn  moved", "paused  ", "resumed  ", "proposed  ",
		"declined  mentor_declined", "first_meeting started ", "first_meeting failed no_show",
		"ended  completed", "ended  mismatch", "ended  mentor_left", "ended  mentee_left", "ended  found_job",
		"ended  other", "outcome training ", "outcome none "} {
		assert.Greater(t, voided[kind], 3, "voids of %q", kind)
	}
}

// latestLine returns the line of the latest event in force of l, or of
// the latest event about a person of l picked at random ("1" when there
// is none).
func latestLine(rng *rand.Rand, l *Ledger) string {
	if rng.IntN(2) == 0 {
		for i := len(l.recs) - 1; i >= 0; i-- {
			if l.counts(i) {
				return strconv.Itoa(l.lines[i])
			}
		}
	}
	ids := make([]string, 0, len(l.st.people))
	for id := range l.st.people {
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return "1"
	}
	slices.Sort(ids)
	return strconv.Itoa(l.st.people[ids[rng.IntN(len(ids))]].lastLine)
}

// progress returns the next step of a live duo of l picked at random, so
// that duos meet and end: a first meeting, a decline, an ending or an
// outcome; an application when there is no live duo.
func progress(rng *rand.Rand, l *Ledger, on profile.Date) Event {
	var live []duo
	for i := range l.st.duos {
		if d := l.st.duos[i]; d.stage.live() {
			live = append(live, d)
		}
	}
	if len(live) == 0 {
		return Event{On: on, Kind: Applied, Side: MentorSide, ID: fmt.Sprintf("mo-%d", rng.IntN(3))}
	}
	d := live[rng.IntN(len(live))]
	e := Event{On: on, MenteeID: d.mentee, MentorID: d.mentor}
	switch r := rng.IntN(10); {
	case d.stage == stProposed && r < 6:
		e.Kind, e.Result = FirstMeeting, Started
	case d.stage == stProposed && r < 8:
		e.Kind, e.Result, e.Reason = FirstMeeting, Failed, NoShow
	case d.stage == stProposed:
		e.Kind, e.Reason = Declined, MentorDeclined
	case r < 3:
		e.Kind, e.MentorID, e.Result = Outcome, "", []string{Training, JobShort, NoResult}[rng.IntN(3)]
	default:
		e.Kind, e.Reason = Ended, endedReasons[rng.IntN(len(endedReasons))]
	}
	return e
}
