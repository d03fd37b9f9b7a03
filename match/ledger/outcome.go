package ledger

import "github.com/duomatch/duo/profile"

// Results are the mentees' results at one point of their duos (the end of
// the mentorship, or the 12-month follow-up), as the model programme
// counts them: a positive result is a job with a contract over 3 months,
// a training or an internship; the shares of a job and of a training or
// an internship add up to it (the model programme's 74 % = 55 % + 19 %).
// A duo whose result is not known is lost to follow-up: it is counted
// apart, never as a negative result.
type Results struct {
	// Reached counts the duos whose point fell in the period.
	Reached int `json:"reached"`
	// LostToFollowUp: among them, the share with no known result by the
	// period's end: none recorded in the point's window, or unknown.
	LostToFollowUp Proportion `json:"lost_to_follow_up"`
	// Positive: among the duos with a known result (Positive.Total, which
	// is Reached less the lost), the share with job_over_3_months,
	// training or internship.
	Positive Proportion `json:"positive"`
	// Job is the share of job_over_3_months, TrainingOrInternship that of
	// training or internship, among the same known results.
	Job                  Proportion `json:"job"`
	TrainingOrInternship Proportion `json:"training_or_internship"`
	// Recorded counts the results recorded at the point by result,
	// unknown included.
	Recorded map[string]int `json:"recorded"`
}

// resultTally collects the results of one population at one point.
type resultTally struct {
	lost, positive, job, training counter
	recorded                      map[string]int
}

// add counts one duo that reached the point, with the result recorded in
// its window (ok false when there is none).
func (r *resultTally) add(result string, ok bool) {
	if ok {
		r.recorded = count(r.recorded, result)
	}
	known := ok && result != Unknown
	r.lost.add(!known)
	if !known {
		return
	}
	r.positive.add(result == JobOver3Months || result == Training || result == Internship)
	r.job.add(result == JobOver3Months)
	r.training.add(result == Training || result == Internship)
}

func (r *resultTally) results() Results {
	return Results{
		Reached:              r.lost.total,
		LostToFollowUp:       Wilson(r.lost.count, r.lost.total),
		Positive:             Wilson(r.positive.count, r.positive.total),
		Job:                  Wilson(r.job.count, r.job.total),
		TrainingOrInternship: Wilson(r.training.count, r.training.total),
		Recorded:             nonNil(r.recorded),
	}
}

// endPoint returns the day a started duo reaches the end of its
// mentorship: the day it ended, when that came before [DuoDays] days,
// and otherwise DuoDays after its first meeting, whether or not an ended
// event is recorded by then.
func endPoint(d duo) profile.Date {
	if d.stage == stEnded && d.closed.DaysSince(d.started) < DuoDays {
		return d.closed
	}
	return d.started.AddDays(DuoDays)
}

// endOutcome returns the duo's result at the end of its mentorship: the
// first outcome of the mentee dated from [FollowUpEarlyDays] before its
// end point (not before its first meeting), up to the day before the
// 12-month window opens, and on or before to.
func endOutcome(outs []outcome, d duo, to profile.Date) (string, bool) {
	from := endPoint(d).AddDays(-FollowUpEarlyDays)
	if from.Before(d.started) {
		from = d.started
	}
	return firstOutcome(outs, from, d.started.AddDays(FollowUpDays-FollowUpEarlyDays-1), to)
}

// followUp returns the duo's result at the 12-month follow-up: the first
// outcome of the mentee dated from FollowUpDays - FollowUpEarlyDays days
// after start, on or before to.
func followUp(outs []outcome, start, to profile.Date) (string, bool) {
	return firstOutcome(outs, start.AddDays(FollowUpDays-FollowUpEarlyDays), to, to)
}

// firstOutcome returns the result of the first outcome dated from from to
// until, and on or before to.
func firstOutcome(outs []outcome, from, until, to profile.Date) (string, bool) {
	for _, o := range outs {
		if !o.on.Before(from) && !o.on.After(until) && !o.on.After(to) {
			return o.result, true
		}
	}
	return "", false
}
