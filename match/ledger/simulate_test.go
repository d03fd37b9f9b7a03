package ledger_test

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// model is the test's own, independent account of a simulated programme.
type model struct {
	open, paused map[string]bool
	live         map[match.Duo]bool         // proposed or started, not closed
	started      map[match.Duo]profile.Date // live duos that started
	failed       map[match.Duo]bool
	history      []startedDuo // every duo that started
	outcome      map[string]bool
	capacity     map[string]int
	meetings     struct{ failed, started int }
	endings      map[string]int  // ended events by reason
	proposedApp  map[string]bool // had a duo proposed in their current application
	ineligible   int             // applications closed by an ineligible event
	// ineligibleMentees counts those of mentees.
	ineligibleMentees int
	voids             int
}

func (m *model) inLive(id string) int {
	n := 0
	for d := range m.live {
		if d.MenteeID == id || d.MentorID == id {
			n++
		}
	}
	return n
}

type startedDuo struct {
	duo   match.Duo
	start profile.Date
}

// sortedDuos returns the keys of a set of duos in order, so that the
// simulation draws its random numbers in a fixed order.
func sortedDuos[V any](set map[match.Duo]V) []match.Duo {
	var out []match.Duo
	for d := range set {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b match.Duo) int {
		return cmp.Or(cmp.Compare(a.MenteeID, b.MenteeID), cmp.Compare(a.MentorID, b.MentorID))
	})
	return out
}

func sortedIDs(set map[string]bool) []string {
	var out []string
	for id, ok := range set {
		if ok {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// simulate runs a programme for months monthly rounds and checks the
// properties after each one. It returns the ledger and the model.
func simulate(t testing.TB, seed uint64, months int) (*ledger.Ledger, *ledger.Ledger, *model) {
	start := profile.MustDate(2025, 1, 6)
	mentees, mentors := synth.Generate(synth.Config{Seed: seed, Mentees: 150, Mentors: 100, On: start.AddDays(30 * months), IneligibleShare: 0.1})
	rng := rand.New(rand.NewPCG(seed, 99))
	applyMonth := map[string]int{}
	for _, m := range mentees {
		applyMonth[m.ID] = rng.IntN(months)
	}
	m := &model{open: map[string]bool{}, paused: map[string]bool{}, live: map[match.Duo]bool{},
		started: map[match.Duo]profile.Date{}, failed: map[match.Duo]bool{}, outcome: map[string]bool{}, capacity: map[string]int{},
		endings: map[string]int{}, proposedApp: map[string]bool{}}
	for _, mo := range mentors {
		applyMonth[mo.ID] = rng.IntN(months)
		m.capacity[mo.ID] = mo.EffectiveCapacity()
	}
	opt := ledger.Options{Capacity: func(id string) int { return m.capacity[id] }}
	l := ledger.New(opt)
	// clean gets the same events but the mistakes and their voids: the
	// two must read the same.
	clean := ledger.New(opt)
	add := func(e ledger.Event) {
		t.Helper()
		require.NoError(t, l.Add(e))
		require.NoError(t, clean.Add(e))
	}
	// mistake records e by mistake, and at once a void of it.
	mistake := func(e ledger.Event, on profile.Date, reason string) {
		t.Helper()
		require.NoError(t, l.Add(e))
		require.NoError(t, l.Add(ledger.Event{On: on, Kind: ledger.Void, Line: fmt.Sprint(l.Len()), Reason: reason}))
		m.voids++
	}
	var ids []string
	for id := range applyMonth {
		ids = append(ids, id)
	}
	slices.Sort(ids)

	for month := 0; month < months; month++ {
		d0 := start.AddDays(30 * month)
		// Day 0: the round, on NextRound's round.
		round, _, err := l.NextRound(match.Round{On: d0, Mentees: mentees, Mentors: mentors})
		require.NoError(t, err, "month %d", month)
		checkRound(t, m, round)
		cleanRound, _, err := clean.NextRound(match.Round{On: d0, Mentees: mentees, Mentors: mentors})
		require.NoError(t, err, "month %d", month)
		require.Equal(t, cleanRound, round, "month %d: the voids undo the mistakes", month)
		p, err := match.Propose(context.Background(), round)
		require.NoError(t, err, "month %d", month)
		// Staff record the people the round finds ineligible: never
		// proposed in this application, as ineligible; otherwise as
		// withdrawn, no longer eligible.
		for _, u := range slices.Concat(p.UnmatchedMentees, p.UnmatchedMentors) {
			if u.Reason != match.ReasonIneligible || m.inLive(u.ID) > 0 {
				continue
			}
			e := ledger.Event{On: d0, Kind: ledger.Withdrawn, ID: u.ID, Reason: ledger.NotEligible}
			if !m.proposedApp[u.ID] {
				e.Kind, e.Reason = ledger.Ineligible, u.Violations[0].Code
				if e.Validate() != nil {
					e.Reason = ledger.Other
				}
				m.ineligible++
				if _, mentor := m.capacity[u.ID]; !mentor {
					m.ineligibleMentees++
				}
			}
			add(e)
			m.open[u.ID] = false
		}
		for _, d := range p.Duos {
			duo := match.Duo{MenteeID: d.MenteeID, MentorID: d.MentorID}
			if d.Pinned {
				continue
			}
			require.False(t, m.failed[duo], "re-paired after a failed first meeting: %v", duo)
			add(ledger.Event{On: d0, Kind: ledger.Proposed, MenteeID: d.MenteeID, MentorID: d.MentorID})
			m.live[duo] = true
			m.proposedApp[d.MenteeID], m.proposedApp[d.MentorID] = true, true
		}
		for id, c := range m.capacity {
			require.LessOrEqual(t, m.inLive(id), c, "mentor %s above capacity", id)
		}
		// Day 7: first meetings, about a quarter fail; a few proposals
		// are declined, a few wait another month.
		for _, duo := range sortedDuos(m.live) {
			if _, ok := m.started[duo]; ok {
				continue
			}
			e := ledger.Event{On: d0.AddDays(7), Kind: ledger.FirstMeeting, MenteeID: duo.MenteeID, MentorID: duo.MentorID, Result: ledger.Started}
			switch x := rng.Float64(); {
			case x < 0.05:
				continue
			case x < 0.10:
				e = ledger.Event{On: e.On, Kind: ledger.Declined, MenteeID: duo.MenteeID, MentorID: duo.MentorID, Reason: ledger.MentorDeclined}
			case x < 0.35:
				e.Result, e.Reason = ledger.Failed, []string{ledger.NoShow, ledger.Mismatch, ledger.Practical}[rng.IntN(3)]
			}
			add(e)
			if e.Result == ledger.Started {
				m.started[duo] = e.On
				m.history = append(m.history, startedDuo{duo, e.On})
				m.meetings.started++
				continue
			}
			if e.Kind == ledger.FirstMeeting {
				m.meetings.failed++
			}
			m.failed[duo] = true
			delete(m.live, duo)
		}
		// Day 10: duos end, after 6 months or early.
		var ended []ledger.Event
		for _, duo := range sortedDuos(m.live) {
			s, ok := m.started[duo]
			if !ok || s == d0.AddDays(7) {
				continue
			}
			reason := ""
			switch {
			case d0.AddDays(10).DaysSince(s) >= ledger.DuoDays:
				reason = ledger.Completed
			case rng.Float64() < 0.07:
				reason = []string{ledger.MenteeLeft, ledger.MentorLeft, ledger.Mismatch, ledger.FoundJob, ledger.FoundTraining, ledger.FoundInternship, ledger.Other}[rng.IntN(7)]
			default:
				continue
			}
			add(ledger.Event{On: d0.AddDays(10), Kind: ledger.Ended, MenteeID: duo.MenteeID, MentorID: duo.MentorID, Reason: reason})
			m.endings[reason]++
			// Two in three results at the end are recorded, two days later.
			if rng.Float64() < 0.67 {
				res := []string{ledger.JobOver3Months, ledger.JobShort, ledger.Training, ledger.Internship, ledger.NoResult, ledger.Unknown}[rng.IntN(6)]
				ended = append(ended, ledger.Event{On: d0.AddDays(12), Kind: ledger.Outcome, MenteeID: duo.MenteeID, Result: res})
			}
			delete(m.live, duo)
			delete(m.started, duo)
			if reason == ledger.Mismatch {
				m.failed[duo] = true
			}
			if reason == ledger.Completed || ledger.SuccessfulEnding(reason) || reason == ledger.MenteeLeft {
				m.open[duo.MenteeID] = false
			}
			if reason == ledger.MentorLeft && m.inLive(duo.MentorID) == 0 {
				m.open[duo.MentorID] = false
			}
		}
		for _, e := range ended {
			add(e)
		}
		// Day 12: outcomes at the 12-month follow-up, nine in ten recorded.
		// (A mentee's outcome is recorded once, at the follow-up of their
		// first duo.)
		for _, h := range m.history {
			id := h.duo.MenteeID
			if m.outcome[id] || d0.AddDays(12).DaysSince(h.start) < ledger.FollowUpDays || rng.Float64() < 0.1 {
				continue
			}
			res := []string{ledger.JobOver3Months, ledger.JobShort, ledger.Training, ledger.Internship, ledger.NoResult, ledger.Unknown}[rng.IntN(6)]
			add(ledger.Event{On: d0.AddDays(12), Kind: ledger.Outcome, MenteeID: id, Result: res})
			m.outcome[id] = true
		}
		// Day 15: some waiting people withdraw, pause or resume; a few
		// events are recorded by mistake and voided.
		for _, id := range sortedIDs(m.open) {
			if m.inLive(id) > 0 {
				continue
			}
			switch x := rng.Float64(); {
			case x < 0.01:
				mistake(ledger.Event{On: profile.MustDate(2099, 1, 15), Kind: ledger.Withdrawn, ID: id, Reason: ledger.Moved}, d0.AddDays(15), ledger.WrongDate)
			case x < 0.02 && !m.proposedApp[id]:
				mistake(ledger.Event{On: d0.AddDays(15), Kind: ledger.Ineligible, ID: id, Reason: ledger.Other}, d0.AddDays(15), ledger.WrongPerson)
			case x < 0.04:
				add(ledger.Event{On: d0.AddDays(15), Kind: ledger.Withdrawn, ID: id, Reason: ledger.NoTime})
				m.open[id] = false
			case x < 0.07 && !m.paused[id]:
				add(ledger.Event{On: d0.AddDays(15), Kind: ledger.Paused, ID: id})
				m.paused[id] = true
			case x < 0.5 && m.paused[id]:
				add(ledger.Event{On: d0.AddDays(15), Kind: ledger.Resumed, ID: id})
				m.paused[id] = false
			}
		}
		// Days 16 to 29: this month's applications.
		var apps []ledger.Event
		for _, id := range ids {
			if applyMonth[id] == month {
				side := ledger.MentorSide
				if _, ok := m.capacity[id]; !ok {
					side = ledger.MenteeSide
				}
				apps = append(apps, ledger.Event{On: d0.AddDays(16 + rng.IntN(14)), Kind: ledger.Applied, Side: side, ID: id})
			}
		}
		slices.SortStableFunc(apps, func(a, b ledger.Event) int { return a.On.Compare(b.On) })
		for _, e := range apps {
			add(e)
			m.open[e.ID], m.paused[e.ID], m.proposedApp[e.ID] = true, false, false
		}
	}
	return l, clean, m
}

// checkRound checks that the round puts every open application in exactly
// one state, as the model sees it: in a live duo (pinned), paused, or
// waiting in the pool; and nobody else in the round.
func checkRound(t testing.TB, m *model, round match.Round) {
	t.Helper()
	inRound := map[string]bool{}
	for _, me := range round.Mentees {
		require.False(t, inRound[me.ID], "%s twice in the round", me.ID)
		inRound[me.ID] = true
		assert.Equal(t, m.paused[me.ID], me.Paused, "%s paused", me.ID)
	}
	for _, mo := range round.Mentors {
		require.False(t, inRound[mo.ID], "%s twice in the round", mo.ID)
		inRound[mo.ID] = true
		assert.Equal(t, m.paused[mo.ID], mo.Paused, "%s paused", mo.ID)
	}
	pinned := map[string]int{}
	for _, d := range round.Pinned {
		require.True(t, m.live[d], "pinned duo %v is not live", d)
		pinned[d.MenteeID]++
		pinned[d.MentorID]++
	}
	require.Len(t, round.Pinned, len(m.live))
	for id, open := range m.open {
		require.Equal(t, open, inRound[id], "%s open=%v but in round=%v", id, open, inRound[id])
		if open {
			require.Equal(t, m.inLive(id), pinned[id], "%s pinned duos", id)
		}
	}
	for id := range inRound {
		require.True(t, m.open[id], "%s in the round without an open application", id)
	}
	for _, d := range round.Excluded {
		require.True(t, m.failed[d], "excluded pair %v never failed", d)
	}
	require.Len(t, round.Excluded, len(m.failed))
}

func TestSimulatedProgramme(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			l, clean, m := simulate(t, seed, 18)
			end := profile.MustDate(2025, 1, 6).AddDays(30 * 18)

			// The file reads back to the same ledger.
			var b bytes.Buffer
			_, err := l.WriteTo(&b)
			require.NoError(t, err)
			l2, err := ledger.Read(&b, ledger.Options{Capacity: func(id string) int { return m.capacity[id] }})
			require.NoError(t, err)
			require.Equal(t, l.Events(), l2.Events())

			in := l.Indicators(profile.MustDate(2025, 1, 1), end, nil)
			assert.Equal(t, m.meetings.failed, in.Overall.FirstMeetingFailed.Count)
			assert.Equal(t, m.meetings.failed+m.meetings.started, in.Overall.FirstMeetingFailed.Total)
			assert.InDelta(t, 0.28, in.Overall.FirstMeetingFailed.Rate, 0.12, "about a quarter of first meetings fail")
			assert.Equal(t, 150, in.Overall.MenteeApplications)
			assert.Equal(t, 100, in.Overall.MentorApplications)
			km := in.Overall.DaysToMatch
			assert.Equal(t, km.Applications, km.Matched+km.Censored)
			for i := 1; i < len(km.Curve); i++ {
				assert.LessOrEqual(t, km.Curve[i].Waiting, km.Curve[i-1].Waiting, "a survival curve never rises")
			}

			// The voids undo the mistakes: every reading is that of the
			// ledger without them.
			require.Positive(t, m.voids)
			assert.Equal(t, clean.Indicators(profile.MustDate(2025, 1, 1), end, nil), in)
			assert.Equal(t, clean.Worklist(end), l.Worklist(end))
			l2in := l2.Indicators(profile.MustDate(2025, 1, 1), end, nil)
			assert.Equal(t, in, l2in, "the file reads back with its voids")

			f := in.Overall
			// Endings: as the model recorded them; successes and early
			// closures are apart, and add up with the normal endings.
			assert.Equal(t, m.endings, f.Endings)
			total := 0
			for _, n := range f.Endings {
				total += n
			}
			assert.Equal(t, total, f.EarlyClosure.Total)
			assert.Equal(t, total, f.SuccessfulEnding.Total)
			assert.Equal(t, m.endings[ledger.FoundJob]+m.endings[ledger.FoundTraining]+m.endings[ledger.FoundInternship], f.SuccessfulEnding.Count)
			assert.LessOrEqual(t, f.EarlyClosure.Count+f.SuccessfulEnding.Count+m.endings[ledger.Completed], total)
			early := 0
			for reason, n := range f.EarlyClosureReasons {
				assert.False(t, ledger.SuccessfulEnding(reason), "a success counted as an early closure: %s", reason)
				assert.NotEqual(t, ledger.Completed, reason)
				early += n
			}
			assert.Equal(t, f.EarlyClosure.Count, early)

			// Ineligible applications leave the waiting figures.
			assert.Equal(t, m.ineligible, f.Ineligible)
			require.Positive(t, m.ineligibleMentees)
			assert.Equal(t, f.MenteeApplications-m.ineligibleMentees, km.Applications)
			assert.Equal(t, km.Applications, f.MatchedWithin30Days.Total+f.TooRecent)

			// Results at both points add up: the lost apart, positive =
			// a job + a training or internship, among the known.
			for name, r := range map[string]ledger.Results{"end": f.AtEnd, "12 months": f.At12Months} {
				assert.Equal(t, r.Reached, r.LostToFollowUp.Total, name)
				assert.Equal(t, r.Reached-r.LostToFollowUp.Count, r.Positive.Total, name)
				assert.Equal(t, r.Positive.Total, r.Job.Total, name)
				assert.Equal(t, r.Positive.Total, r.TrainingOrInternship.Total, name)
				assert.Equal(t, r.Positive.Count, r.Job.Count+r.TrainingOrInternship.Count, name)
				recorded := 0
				for _, n := range r.Recorded {
					recorded += n
				}
				assert.Equal(t, r.Positive.Total, recorded-r.Recorded[ledger.Unknown], name)
				assert.Positive(t, r.Reached, name)
			}

			// Worklist: every overdue mentee is open, waiting, not paused.
			w := l.Worklist(end)
			for _, task := range w.Overdue {
				assert.True(t, m.open[task.MenteeID] && !m.paused[task.MenteeID] && m.inLive(task.MenteeID) == 0, task.MenteeID)
				assert.Greater(t, task.Days, profile.MatchWithinDays)
			}
		})
	}
}
