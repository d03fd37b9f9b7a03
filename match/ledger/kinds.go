package ledger

import "github.com/duomatch/duo/profile"

// Kind is the kind of an [Event], its "event" field in JSON.
type Kind string

// The kinds of events. They are stable codes: files hold them.
const (
	Applied      Kind = "applied"       // a mentee or a mentor joins the pool: side, id
	Withdrawn    Kind = "withdrawn"     // leaves it: id, reason
	Paused       Kind = "paused"        // stops being proposed for a while: id
	Resumed      Kind = "resumed"       // may be proposed again: id
	Proposed     Kind = "proposed"      // a duo proposed and accepted by staff: mentee_id, mentor_id
	Declined     Kind = "declined"      // a proposed duo declined before it met: mentee_id, mentor_id, reason
	FirstMeeting Kind = "first_meeting" // mentee_id, mentor_id, result (started, failed), reason when failed
	Ended        Kind = "ended"         // a started duo ends: mentee_id, mentor_id, reason
	Outcome      Kind = "outcome"       // a mentee's result at a follow-up: mentee_id, result
	Ineligible   Kind = "ineligible"    // an application found not eligible, closed: id, reason (the rule failed)
	Void         Kind = "void"          // undoes the event on an earlier line, recorded by mistake: line, reason
)

// Side says whether an application is a mentee's or a mentor's.
type Side string

// The sides of an application.
const (
	MenteeSide Side = "mentee"
	MentorSide Side = "mentor"
)

// The results of a first meeting ([FirstMeeting]).
const (
	Started = "started"
	Failed  = "failed"
)

// The results of an [Outcome]. JobOver3Months, Training and Internship are
// the programme's positive results.
const (
	JobOver3Months = "job_over_3_months"
	JobShort       = "job_short"
	Training       = "training"
	Internship     = "internship"
	NoResult       = "none"
	Unknown        = "unknown"
)

// The reasons of an [Ended] event. FoundJob, FoundTraining and
// FoundInternship are successful endings ([SuccessfulEnding]), whenever
// they come; an ending before [DuoDays] with MenteeLeft, MentorLeft,
// Mismatch or Other is an early closure ([EarlyClosure]); Completed is
// the normal end.
const (
	Completed       = "completed"        // the duo ran its course
	MenteeLeft      = "mentee_left"      // the mentee stopped (closes the mentee's application)
	MentorLeft      = "mentor_left"      // the mentor stopped (closes the mentor's application)
	Mismatch        = "mismatch"         // the two did not get on: the pair is never proposed again
	FoundJob        = "found_job"        // the mentee found a job (also a withdrawal reason)
	FoundTraining   = "found_training"   // the mentee starts a training (also a withdrawal reason)
	FoundInternship = "found_internship" // the mentee starts an internship (also a withdrawal reason)
	Other           = "other"            // any other reason (valid for every kind with a reason)
)

// SuccessfulEnding reports whether an [Ended] reason is a success: the
// mentee found a job, a training or an internship. Such an ending is never
// an early closure, however soon it comes. Cost: O(1).
func SuccessfulEnding(reason string) bool {
	return reason == FoundJob || reason == FoundTraining || reason == FoundInternship
}

// EarlyClosure reports whether a duo that ran days days (from its first
// meeting to its end) and ended for reason closed early: before [DuoDays]
// days, for a reason that is neither Completed nor a [SuccessfulEnding].
// Cost: O(1).
func EarlyClosure(reason string, days int) bool {
	return days < DuoDays && reason != Completed && !SuccessfulEnding(reason)
}

// Reasons of [Withdrawn], [Declined] and failed [FirstMeeting] events
// besides those above.
const (
	Moved          = "moved"           // withdrawn: moved away
	NoTime         = "no_time"         // withdrawn: no time any more
	NoResponse     = "no_response"     // withdrawn: cannot be reached
	NotEligible    = "not_eligible"    // withdrawn: no longer eligible (an application never eligible is [Ineligible])
	NotInterested  = "not_interested"  // withdrawn: no longer interested
	MenteeDeclined = "mentee_declined" // declined or failed: the mentee said no
	MentorDeclined = "mentor_declined" // declined or failed: the mentor said no
	StaffDeclined  = "staff_declined"  // declined: staff withdrew the proposal
	NoShow         = "no_show"         // failed: someone did not come
	Practical      = "practical"       // failed: times or places do not fit
)

// The reasons of an [Ineligible] event: the eligibility rule the
// application fails, as a code of [profile.Violation] (too_young, too_old,
// no_non_eu_background, not_registered, agency_not_accepted, no_project
// for a mentee; too_young, too_few_hours, too_little_experience,
// not_trained for a mentor), or Other. A person who fails several rules
// is recorded with one of them: the ledger counts applications, the
// profile keeps the rest.
var ineligibleReasons = []string{
	profile.CodeTooYoung, profile.CodeTooOld, profile.CodeNoNonEUBackground, profile.CodeNotRegistered,
	profile.CodeAgencyNotAccepted, profile.CodeNoProject, profile.CodeTooFewHours,
	profile.CodeTooLittleExperience, profile.CodeNotTrained, Other,
}

// The years an event may be dated in, both included. A day outside them
// is a typing mistake (9999-12-31, year 1): it would put every later
// event about the person out of date order, so [Event.Validate] refuses
// it. A programme's history starts after 2000 and a ledger is not
// expected to outlive 2099; a day inside them but wrong is undone with a
// [Void] event.
const (
	MinYear = 2000
	MaxYear = 2099
)
