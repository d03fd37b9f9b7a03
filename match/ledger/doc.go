// Package ledger keeps a mentoring programme's history as an append-only
// list of dated events, and reads it on any day: the next matching round
// ([Ledger.NextRound]), the work due ([Ledger.Worklist]), every duo and
// what became of it ([Ledger.Duos]) and the indicators funders ask for
// ([Ledger.Indicators]).
//
// The ledger holds IDs, dates and codes only. Profiles, with their
// personal data, stay in the service's own store and are given to
// NextRound when a round is made.
//
// # Events
//
// A ledger is a file in JSON Lines: one JSON object per line, all values
// strings, with "on" (the day, "YYYY-MM-DD", in the years [MinYear] to
// [MaxYear]) and "event" (the kind), then the fields of the kind, all
// required but an application's referral:
//
//	kind           fields                            meaning
//	applied        side (mentee|mentor), id          joins the pool (or re-applies);
//	               [referral]                        optional: where the application came from
//	               [capacity], a mentor's only       with the mentor's capacity ("2"; 1 to 100)
//	withdrawn      id, reason                        leaves the pool
//	paused         id                                not proposed for a while
//	resumed        id                                may be proposed again
//	proposed       mentee_id, mentor_id              a duo proposed and accepted by staff
//	declined       mentee_id, mentor_id, reason      the proposal is declined before it meets
//	first_meeting  mentee_id, mentor_id, result      started, or failed (then with a reason)
//	ended          mentee_id, mentor_id, reason      a started duo ends
//	outcome        mentee_id, result                 the mentee's result at a follow-up
//	ineligible     id, reason                        the application is found not eligible
//	void           line, reason                      undoes the event of an earlier line
//
// The codes, stable:
//
//	withdrawn reason      found_job, found_training, found_internship, moved, no_time,
//	                      no_response, not_eligible, not_interested, other
//	declined reason       mentee_declined, mentor_declined, staff_declined, other
//	first_meeting result  started, failed
//	failed reason         no_show, mismatch, mentee_declined, mentor_declined, practical, other
//	ended reason          completed, mentee_left, mentor_left, mismatch, found_job,
//	                      found_training, found_internship, other
//	outcome result        job_over_3_months, job_short, training, internship, none, unknown
//	ineligible reason     the eligibility rule failed, a code of profile.Violation: too_young,
//	                      too_old, no_non_eu_background, not_registered, agency_not_accepted,
//	                      no_project, too_few_hours, too_little_experience, not_trained; or other
//	void reason           wrong_date, wrong_person, wrong_event, duplicate, other
//	applied referral      the programme's own codes of its referral partners (the
//	                      public employment service, a social welfare centre, an
//	                      integration agency, a school: "pes", "cpas",
//	                      "integration", "school"), lower-case letters, digits and
//	                      underscores ([ValidReferral]); [Options.Referrals] closes
//	                      the list
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
// the order on, event, side, id, mentee_id, mentor_id, result, reason,
// line, referral, capacity, no spaces); [Read] gives back the same events. The file is the order of
// recording: events of different people may be out of date order (a first
// meeting recorded late), but the events naming one person must be in
// date order.
//
// A file written by [File.Append] may also hold batch markers: a line
// {"batch":"N"} before the N events of one Append, so that a batch cut
// short by a crash is recognised and dropped when the file is opened
// ([OpenFile], [Recovery]). A marker takes a line number but is not an
// event; files without markers read as before ([Read]).
//
// # Applications and duos
//
// An ID names one person, a mentee or a mentor, on every line. A person's
// application opens with applied and closes with withdrawn, ineligible,
// or the ending of a duo as below; applied re-opens it as a new
// application.
// While it is open, the person is waiting, paused, or in live duos: a duo
// is live from proposed to declined, a failed first meeting, or ended. A
// mentee is in at most one live duo; a mentor in at most their capacity
// (the capacity of their applied event, or else [Options.Capacity], 1 by
// default).
//
// What a closed duo means:
//
//	declined                 both wait again; the pair is excluded
//	first meeting failed     both wait again; the pair is excluded; the mentee
//	                         keeps their place in the queue
//	ended completed,         the mentee's application closes; the mentor waits
//	  found_job, found_training, found_internship, mentee_left
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
// # A file
//
// [File] keeps a ledger in a file for a service that records events as
// they happen: [OpenFile] reads it at start (dropping a last line cut by
// a crash, refusing any other problem), [DecodeEvents] reads a request's
// events, with every problem under its JSON path, and [File.Append]
// checks a [Batch] against the history and writes it, all or none, with
// one write and an fsync before it returns. It is the package's only I/O;
// like the rest, it takes no clock and logs nothing.
//
// # Words
//
// [Label], [Task.Text], [Proportion.Text], [Worklist.Text] and
// [Indicators.Text] write the worklist and the indicators in English,
// French, Dutch or German (see [profile.Languages]), days day first; the
// problems of a ledger are [profile.Problem]s, whose Text does the same.
//
// # Indicators
//
// [Ledger.Indicators] reads the events dated on or before the period's
// last day. Each figure counts a stated population:
//
//   - mentee_applications, mentor_applications: applied events dated in
//     the period;
//   - ineligible: applications dated in the period and closed by an
//     ineligible event by its end; the mentee ones are left out of the
//     three figures below;
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
//   - endings, successful_ending, early_closure: ended events dated in the
//     period; successful when the mentee found a job, a training or an
//     internship (found_job, found_training, found_internship), however
//     soon; early when the duo ran fewer than 183 days ([DuoDays]) and
//     ended for mentee_left, mentor_left, mismatch or other; completed,
//     or those reasons from day 183, are normal endings;
//   - at_end and at_12_months: the results at two points of each started
//     duo, counted for the duos whose point falls in the period (reached).
//     The end point is the day the duo ended when it ended before 183
//     days, else 183 days after its first meeting (ended or not); the
//     12-month point is 365 days ([FollowUpDays]) after the first
//     meeting. The result at a point is the first outcome of the mentee
//     dated in the point's window and by the period's end: for the end,
//     from 30 days ([FollowUpEarlyDays]) before the end point (not before
//     the first meeting) to day 334 after the first meeting; for 12
//     months, from day 335 on. A duo with no outcome in its window, or
//     unknown, is lost to follow-up: counted apart (lost_to_follow_up,
//     among those reached), never as a negative result. Among the known
//     results: positive is job_over_3_months, training or internship; job
//     is job_over_3_months; training_or_internship the other two (so
//     positive = job + training_or_internship, as the model programme's
//     74 % = 55 % + 19 %); job_short and none are known and not positive.
//     A result recorded after the period's end is not yet known: a recent
//     period's losses shrink as the follow-ups are recorded;
//   - second_mentee: mentors with a duo started in the period; counted when
//     they have started at least two duos by the period's end.
//
// Rates come with a 95 % Wilson interval ([Wilson]).
//
// # Equity
//
// [Ledger.Equity] gives the same figures by group, for groupings the
// programme chooses (a function from an ID to a group code, built from
// its profiles, or [Ledger.Referrals]), each tested against the rest of
// the pool with the tests of package match/ledger/stat, small groups merged and
// small cells suppressed so that no one can be recognised.
//
// # Cost
//
// [Read] and [OpenFile] are linear in the input and bounded by [Options]:
// the line length, the number of lines and of errors; [DecodeEvents] by
// its [profile.DecodeOptions]. A ledger keeps each event in 48 bytes
// without pointers, and each ID and code once. [File.Append] is linear in
// its batch; [File.View] takes no lock. NextRound, Worklist, Duos
// and Indicators replay the events dated up to their day, in O(events), and
// sort their results. [Ledger.Add] of a void undoes its event in the
// state in O(1), after looking back for the previous event about each
// person it names (O(events since), a scan of the compact events).
//
// On a 2-core virtual machine shared with other work (load 10 to 17), a
// file of a million events opens in 1.9 to 2.3 s of CPU time and a peak
// RSS of 230 MB (2.6 to 3.5 s and 330 MB before the compact events, same
// runs), and a void among them takes 5 to 15 ms (3.7 to 5.2 s when it
// replayed the history): see bench_test.go.
package ledger
