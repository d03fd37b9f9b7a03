// Package ledger keeps a mentoring programme's history as an append-only
// list of dated events, and reads it on any day: the next matching round
// ([Ledger.NextRound]), the work due ([Ledger.Worklist]) and the
// indicators funders ask for ([Ledger.Indicators]).
//
// The ledger holds IDs, dates and codes only. Profiles, with their
// personal data, stay in the service's own store and are given to
// NextRound when a round is made.
//
// # Events
//
// A ledger is a file in JSON Lines: one JSON object per line, all values
// strings, with "on" (the day, "YYYY-MM-DD") and "event" (the kind), then
// the fields of the kind, all required:
//
//	kind           fields                            meaning
//	applied        side (mentee|mentor), id          joins the pool (or re-applies)
//	withdrawn      id, reason                        leaves the pool
//	paused         id                                not proposed for a while
//	resumed        id                                may be proposed again
//	proposed       mentee_id, mentor_id              a duo proposed and accepted by staff
//	declined       mentee_id, mentor_id, reason      the proposal is declined before it meets
//	first_meeting  mentee_id, mentor_id, result      started, or failed (then with a reason)
//	ended          mentee_id, mentor_id, reason      a started duo ends
//	outcome        mentee_id, result                 the mentee's result at a follow-up
//
// The codes, stable:
//
//	withdrawn reason      found_job, found_training, moved, no_time, no_response,
//	                      not_eligible, not_interested, other
//	declined reason       mentee_declined, mentor_declined, staff_declined, other
//	first_meeting result  started, failed
//	failed reason         no_show, mismatch, mentee_declined, mentor_declined, practical, other
//	ended reason          completed, mentee_left, mentor_left, mismatch, found_job, other
//	outcome result        job_over_3_months, job_short, training, internship, none, unknown
//
// For example:
//
//	{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1"}
//	{"on":"2026-01-07","event":"applied","side":"mentor","id":"mo-1"}
//	{"on":"2026-01-07","event":"applied","side":"mentor","id":"mo-2"}
//	{"on":"2026-02-02","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"}
//	{"on":"2026-02-10","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-1","result":"failed","reason":"mismatch"}
//	{"on":"2026-03-02","event":"proposed","mentee_id":"me-1","mentor_id":"mo-2"}
//	{"on":"2026-03-09","event":"first_meeting","mentee_id":"me-1","mentor_id":"mo-2","result":"started"}
//	{"on":"2026-09-10","event":"ended","mentee_id":"me-1","mentor_id":"mo-2","reason":"completed"}
//	{"on":"2027-03-12","event":"outcome","mentee_id":"me-1","result":"job_over_3_months"}
//
// [Append] and [Event.MarshalJSON] write this canonical form (fields in
// the order on, event, side, id, mentee_id, mentor_id, result, reason, no
// spaces); [Read] gives back the same events. The file is the order of
// recording: events of different people may be out of date order (a first
// meeting recorded late), but the events naming one person must be in
// date order.
//
// # Applications and duos
//
// An ID names one person, a mentee or a mentor, on every line. A person's
// application opens with applied and closes with withdrawn, or with the
// ending of a duo as below; applied re-opens it as a new application.
// While it is open, the person is waiting, paused, or in live duos: a duo
// is live from proposed to declined, a failed first meeting, or ended. A
// mentee is in at most one live duo; a mentor in at most their capacity
// ([Options.Capacity], 1 by default).
//
// What a closed duo means:
//
//	declined                 both wait again; the pair is excluded
//	first meeting failed     both wait again; the pair is excluded; the mentee
//	                         keeps their place in the queue
//	ended completed,         the mentee's application closes; the mentor waits
//	  found_job, mentee_left
//	ended mentor_left        the mentor's application closes (when it was their
//	                         last live duo); the mentee waits again
//	ended mismatch           both wait again; the pair is excluded
//	ended other              both wait again
//
// An excluded pair is never proposed again. A mentee waits from the day of
// their application; declined proposals and failed first meetings do not
// change it; after an ending that puts them back in the pool they wait
// from the day of the end. Waiting is what [match.Round] counts from a
// mentee's AppliedOn. A paused person stays in their duos and keeps their
// place; they are not proposed.
//
// # Indicators
//
// [Ledger.Indicators] reads the events dated on or before the period's
// last day. Each figure counts a stated population:
//
//   - mentee_applications, mentor_applications: applied events dated in
//     the period;
//   - matched_within_30_days: mentee applications dated in the period and
//     at least 30 days before its end; matched when the application's first
//     proposed event came within 30 days of it; too_recent counts the
//     others of the period;
//   - days_to_match: the same applications, all of them; the time is the
//     days from the application to its first proposal; an application
//     withdrawn before one is censored on the day of the withdrawal, and
//     one still waiting on the period's last day; the median is read from
//     the Kaplan–Meier curve;
//   - first_meeting_failed: first_meeting events dated in the period;
//   - early_closure: ended events dated in the period; early when the duo
//     ran fewer than 183 days ([DuoDays]) and the reason is not completed;
//   - positive_result and no_outcome: the duos whose 12-month follow-up
//     ([FollowUpDays]) falls in the period; the follow-up outcome is the
//     first outcome of the mentee dated from 335 days after the start
//     to the period's end; positive means job_over_3_months, training or
//     internship, counted among the known outcomes (unknown is not known);
//     no_outcome counts the duos with none recorded or unknown;
//   - second_mentee: mentors with a duo started in the period; counted when
//     they have started at least two duos by the period's end.
//
// Rates come with a 95 % Wilson interval ([Wilson]).
//
// # Cost
//
// [Read] is linear in the input and bounded by [Options]: the line length,
// the number of lines and of errors. NextRound, Worklist and Indicators
// replay the events dated up to their day, in O(events), and sort their
// results.
package ledger
