package ledger_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// TestDuosByHand reads back the duos of the hand ledger, each stage and
// result worked out by hand from its events.
func TestDuosByHand(t *testing.T) {
	l := readHand(t)
	at := func(s string) *profile.Date { d := day(s); return &d }
	duo := func(mentee, mentor, proposed, stage string) ledger.DuoRecord {
		return ledger.DuoRecord{MenteeID: mentee, MentorID: mentor, Proposed: day(proposed), Stage: stage}
	}
	with := func(r ledger.DuoRecord, f func(*ledger.DuoRecord)) ledger.DuoRecord { f(&r); return r }
	cases := []struct {
		name string
		on   string
		want []ledger.DuoRecord
	}{
		{"before any proposal", "2025-06-30", []ledger.DuoRecord{}},
		{"early 2026", "2026-01-20", []ledger.DuoRecord{
			// Started 2025-07-08, ended 2026-01-10 after 186 days: its end
			// point is day 183; me-8 has no outcome.
			with(duo("me-8", "mo-6", "2025-07-01", "ended"), func(r *ledger.DuoRecord) {
				r.Started, r.Closed, r.Reason = at("2025-07-08"), at("2026-01-10"), "completed"
			}),
			with(duo("me-1", "mo-1", "2026-01-11", "failed"), func(r *ledger.DuoRecord) { r.Closed, r.Reason = at("2026-01-18"), "no_show" }),
		}},
		{"a year later", "2027-03-01", []ledger.DuoRecord{
			with(duo("me-8", "mo-6", "2025-07-01", "ended"), func(r *ledger.DuoRecord) {
				r.Started, r.Closed, r.Reason = at("2025-07-08"), at("2026-01-10"), "completed"
			}),
			with(duo("me-1", "mo-1", "2026-01-11", "failed"), func(r *ledger.DuoRecord) { r.Closed, r.Reason = at("2026-01-18"), "no_show" }),
			// Ended early on 2026-03-15: the end window runs to 2026-12-28,
			// before the outcome of 2027-01-20, which is the 12-month one.
			with(duo("me-2", "mo-2", "2026-01-21", "ended"), func(r *ledger.DuoRecord) {
				r.Started, r.Closed, r.Reason, r.At12Months = at("2026-01-28"), at("2026-03-15"), "mentor_left", "job_over_3_months"
			}),
			// Found a job on 2026-05-01; the outcome of 2026-06-01 is the
			// end's, none at 12 months.
			with(duo("me-6", "mo-3", "2026-01-21", "ended"), func(r *ledger.DuoRecord) {
				r.Started, r.Closed, r.Reason, r.AtEnd = at("2026-01-28"), at("2026-05-01"), "found_job", "job_short"
			}),
			// unknown on 2027-02-03, from 2027-01-01 (day 335): the 12-month result.
			with(duo("me-1", "mo-5", "2026-01-25", "ended"), func(r *ledger.DuoRecord) {
				r.Started, r.Closed, r.Reason, r.At12Months = at("2026-02-01"), at("2026-08-05"), "completed", "unknown"
			}),
			with(duo("me-4", "mo-4", "2026-02-10", "ended"), func(r *ledger.DuoRecord) {
				r.Started, r.Closed, r.Reason, r.At12Months = at("2026-02-17"), at("2026-08-20"), "completed", "none"
			}),
			with(duo("me-7", "mo-3", "2026-05-10", "started"), func(r *ledger.DuoRecord) { r.Started = at("2026-05-17") }),
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, l.Duos(day(c.on)))
		})
	}

	// A proposal declined before meeting, then the pair's mentee
	// proposed another mentor on the same day as a third pair: the order
	// is by day, then mentee and mentor.
	small := `{"on":"2026-03-01","event":"applied","side":"mentee","id":"me-b"}
{"on":"2026-03-01","event":"applied","side":"mentee","id":"me-a"}
{"on":"2026-03-01","event":"applied","side":"mentor","id":"mo-2"}
{"on":"2026-03-01","event":"applied","side":"mentor","id":"mo-1"}
{"on":"2026-03-02","event":"proposed","mentee_id":"me-b","mentor_id":"mo-1"}
{"on":"2026-03-02","event":"proposed","mentee_id":"me-a","mentor_id":"mo-2"}
{"on":"2026-03-03","event":"declined","mentee_id":"me-a","mentor_id":"mo-2","reason":"staff_declined"}
`
	sl, err := ledger.Read(strings.NewReader(small), ledger.Options{})
	require.NoError(t, err)
	assert.Equal(t, []ledger.DuoRecord{
		with(duo("me-a", "mo-2", "2026-03-02", "declined"), func(r *ledger.DuoRecord) { r.Closed, r.Reason = at("2026-03-03"), "staff_declined" }),
		duo("me-b", "mo-1", "2026-03-02", "proposed"),
	}, sl.Duos(day("2026-03-05")))
}

// TestDuosAgainstIndicators checks Duos on simulated programmes against
// the other readings of the same ledger: the duos proposed, started and
// failed in each month are Months' counts, the live ones NextRound's
// pins, and the results recorded at each point Indicators' counts over
// the whole history.
func TestDuosAgainstIndicators(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			l, _, _ := simulate(t, seed, 18)
			from, to := profile.MustDate(2024, 1, 1), profile.MustDate(2026, 6, 30)
			duos := l.Duos(to)
			require.NotEmpty(t, duos)
			for _, m := range l.Months(from, to) {
				var proposed, started, failed int
				for _, d := range duos {
					in := func(p *profile.Date) bool { return p != nil && !p.Before(m.From) && !p.After(m.To) }
					if in(&d.Proposed) {
						proposed++
					}
					if in(d.Started) {
						started++
					}
					if d.Stage == ledger.Failed && in(d.Closed) {
						failed++
					}
				}
				assert.Equal(t, m.Proposed, proposed, m.From.String())
				assert.Equal(t, m.Started, started, m.From.String())
				assert.Equal(t, m.Failed, failed, m.From.String())
			}
			var ended int
			for _, d := range duos {
				assert.Equal(t, d.Started != nil, d.Stage == ledger.Started || d.Stage == string(ledger.Ended), "%+v", d)
				assert.Equal(t, d.Closed != nil, d.Stage != ledger.Started && d.Stage != string(ledger.Proposed), "%+v", d)
				if d.Stage == string(ledger.Ended) && !d.Closed.Before(from) {
					ended++
				}
			}
			f := l.Indicators(from, to, nil).Overall
			assert.Equal(t, f.EarlyClosure.Total, ended, "every duo that ended in the period")
			// The results recorded at each point, for the duos whose point
			// falls in the period: the end of the mentorship (the ending,
			// when it came before DuoDays) and the 12-month follow-up.
			atEnd, at12 := map[string]int{}, map[string]int{}
			for _, d := range duos {
				if d.Started == nil {
					continue
				}
				end := d.Started.AddDays(ledger.DuoDays)
				if d.Stage == string(ledger.Ended) && d.Closed.DaysSince(*d.Started) < ledger.DuoDays {
					end = *d.Closed
				}
				if d.AtEnd != "" && !end.Before(from) && !end.After(to) {
					atEnd[d.AtEnd]++
				}
				if f12 := d.Started.AddDays(ledger.FollowUpDays); d.At12Months != "" && !f12.Before(from) && !f12.After(to) {
					at12[d.At12Months]++
				}
			}
			require.NotEmpty(t, f.AtEnd.Recorded, "the simulation records results")
			require.NotEmpty(t, f.At12Months.Recorded, "and 12-month results")
			assert.Equal(t, f.AtEnd.Recorded, atEnd)
			assert.Equal(t, f.At12Months.Recorded, at12)
		})
	}
}

// What became of each duo, read back as a coordinator's page does after
// accepting a round: a failed first meeting, then a duo that started,
// ended and has its results.
func ExampleLedger_Duos() {
	const file = `{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1"}
{"on":"2026-01-07","event":"applied","side":"mentor","id":"mo-1"}
{"on":"2026-01-07","event":"applied","side":"mentor","id":"mo-2"}
{"on":"2026-02-02","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"}
{"on":"2026-02-10","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"failed","reason":"mismatch"}
{"on":"2026-03-02","event":"proposed","mentee_id":"me-1","mentor_id":"mo-2"}
{"on":"2026-03-09","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-2","result":"started"}
{"on":"2026-09-10","event":"ended","mentee_id":"me-1","mentor_id":"mo-2","reason":"completed"}
{"on":"2026-09-20","event":"outcome","mentee_id":"me-1","result":"training"}
{"on":"2027-03-12","event":"outcome","mentee_id":"me-1","result":"job_over_3_months"}
`
	l, err := ledger.Read(strings.NewReader(file), ledger.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, on := range []profile.Date{profile.MustDate(2026, 3, 20), profile.MustDate(2027, 6, 1)} {
		fmt.Println("on", on)
		for _, d := range l.Duos(on) {
			fmt.Printf("  %s with %s, proposed %s: %s %s", d.MenteeID, d.MentorID, d.Proposed, d.Stage, d.Reason)
			if d.Started != nil {
				fmt.Printf(" (started %s; at the end: %q, at 12 months: %q)", d.Started, d.AtEnd, d.At12Months)
			}
			fmt.Println()
		}
	}
	// Output:
	// on 2026-03-20
	//   me-1 with mo-1, proposed 2026-02-02: failed mismatch
	//   me-1 with mo-2, proposed 2026-03-02: started  (started 2026-03-09; at the end: "", at 12 months: "")
	// on 2027-06-01
	//   me-1 with mo-1, proposed 2026-02-02: failed mismatch
	//   me-1 with mo-2, proposed 2026-03-02: ended completed (started 2026-03-09; at the end: "training", at 12 months: "job_over_3_months")
}
