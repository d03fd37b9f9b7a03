package ledger

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/duomatch/duo/profile"

	"github.com/duomatch/duo/internal/msg"
)

// Event is one line of a ledger: something that happened on a day to an
// application or a duo. It holds IDs, dates and codes only, never personal
// data. Which fields a kind takes is listed in the package documentation;
// the others stay empty.
//
// Its JSON form is one object with the fields in a fixed order, empty
// ones left out ([Event.MarshalJSON]); [Event.UnmarshalJSON] reads it
// strictly.
type Event struct {
	On       profile.Date `json:"on"`
	Kind     Kind         `json:"event"`
	Side     Side         `json:"side,omitempty"`
	ID       string       `json:"id,omitempty"`
	MenteeID string       `json:"mentee_id,omitempty"`
	MentorID string       `json:"mentor_id,omitempty"`
	Result   string       `json:"result,omitempty"`
	Reason   string       `json:"reason,omitempty"`
	// Line is the line a [Void] event undoes, in decimal ("12").
	Line string `json:"line,omitempty"`
	// Referral is where an [Applied] application came from: a referral
	// partner's code, chosen by the programme ("pes" for the public
	// employment service, "cpas", "integration", "school", …), optional.
	// It is a code, never free text: see [ValidReferral].
	Referral string `json:"referral,omitempty"`
	// Capacity, optional on a mentor's [Applied] event, is how many live
	// duos the mentor may be in at once during this application, in
	// decimal from 1 to [profile.MaxCapacity] ("2"); empty means the
	// ledger's [Options.Capacity] (1 by default).
	Capacity string `json:"capacity,omitempty"`
}

// fieldSet is a set of the optional fields of an event, as bits.
type fieldSet uint16

const (
	fSide fieldSet = 1 << iota
	fID
	fMentee
	fMentor
	fResult
	fReason
	fLine
	fReferral
	fCapacity
)

// fieldNames are the JSON names of the optional fields, in canonical order.
var fieldNames = [...]string{"side", "id", "mentee_id", "mentor_id", "result", "reason", "line", "referral", "capacity"}

// kindSpec is what a kind of event takes: the fields it requires (reason
// only for a failed first meeting, handled apart), those it may have, and
// the codes of its result and reason.
type kindSpec struct {
	fields   fieldSet
	optional fieldSet
	results  []string
	reasons  []string
}

// The codes each kind takes, read by spec (never changed).
var (
	withdrawnReasons    = []string{FoundJob, FoundTraining, FoundInternship, Moved, NoTime, NoResponse, NotEligible, NotInterested, Other}
	declinedReasons     = []string{MenteeDeclined, MentorDeclined, StaffDeclined, Other}
	firstMeetingResults = []string{Started, Failed}
	firstMeetingReasons = []string{NoShow, Mismatch, MenteeDeclined, MentorDeclined, Practical, Other}
	endedReasons        = []string{Completed, MenteeLeft, MentorLeft, Mismatch, FoundJob, FoundTraining, FoundInternship, Other}
	outcomeResults      = []string{JobOver3Months, JobShort, Training, Internship, NoResult, Unknown}
)

func spec(k Kind) (kindSpec, bool) {
	switch k {
	case Applied:
		return kindSpec{fields: fSide | fID, optional: fReferral | fCapacity}, true
	case Withdrawn:
		return kindSpec{fields: fID | fReason, reasons: withdrawnReasons}, true
	case Paused, Resumed:
		return kindSpec{fields: fID}, true
	case Proposed:
		return kindSpec{fields: fMentee | fMentor}, true
	case Declined:
		return kindSpec{fields: fMentee | fMentor | fReason, reasons: declinedReasons}, true
	case FirstMeeting:
		return kindSpec{fields: fMentee | fMentor | fResult, results: firstMeetingResults,
			reasons: firstMeetingReasons}, true
	case Ended:
		return kindSpec{fields: fMentee | fMentor | fReason, reasons: endedReasons}, true
	case Outcome:
		return kindSpec{fields: fMentee | fResult, results: outcomeResults}, true
	case Ineligible:
		return kindSpec{fields: fID | fReason, reasons: ineligibleReasons}, true
	case Void:
		return kindSpec{fields: fLine | fReason, reasons: voidReasons}, true
	}
	return kindSpec{}, false
}

// values returns the optional fields of e in canonical order.
func (e *Event) values() [len(fieldNames)]*string {
	return [...]*string{(*string)(&e.Side), &e.ID, &e.MenteeID, &e.MentorID, &e.Result, &e.Reason, &e.Line, &e.Referral, &e.Capacity}
}

// IDs returns the IDs the event names: [ID] or [MenteeID, MentorID] (or
// [MenteeID] for an outcome), leaving out empty ones. Cost: O(1).
func (e Event) IDs() []string {
	var ids []string
	for _, s := range []string{e.ID, e.MenteeID, e.MentorID} {
		if s != "" {
			ids = append(ids, s)
		}
	}
	return ids
}

// Validate checks the event on its own, not against a history: the day is
// set and in the years [MinYear] to [MaxYear], the kind is known, the fields the kind needs are set and no other
// is, each ID is well-formed (not empty, at most 64 bytes of printable
// UTF-8, no spaces at its ends), a mentee ID differs from the mentor ID,
// and the side, result and reason are codes the kind takes. It returns nil
// or an error joining one *[profile.Problem] per problem (Line 0), each
// unwrapping to [ErrInvalid]. Cost: O(1).
func (e Event) Validate() error {
	return joinProblems(e.problems(0))
}

// problems lists what is wrong with e, on the given line.
func (e Event) problems(line int) []error {
	var errs []error
	bad := func(field, code, detail string, args ...any) {
		errs = append(errs, eventProblem(line, idNames(e), field, code, detail, args...))
	}
	switch {
	case e.On.IsZero():
		bad("on", "missing", "missing")
	case e.On.Year() < MinYear || e.On.Year() > MaxYear:
		bad("on", "outside_years", "outside the years "+strconv.Itoa(MinYear)+" to "+strconv.Itoa(MaxYear), MinYear, MaxYear)
	}
	sp, ok := spec(e.Kind)
	switch {
	case e.Kind == "":
		bad("event", "missing", "missing")
		return errs
	case !ok:
		k := msg.Clip(string(e.Kind))
		bad("event", "unknown_kind", "unknown kind "+strconv.Quote(k)+"; want one of applied, withdrawn, paused, resumed, proposed, declined, first_meeting, ended, outcome, ineligible, void", k)
		return errs
	}
	need := sp.fields
	if e.Kind == FirstMeeting && e.Result == Failed {
		need |= fReason
	}
	for i, v := range e.values() {
		f := fieldSet(1) << i
		switch {
		case need&f != 0 && *v == "":
			bad(fieldNames[i], "missing", "missing")
		case need&f == 0 && sp.optional&f == 0 && *v != "":
			bad(fieldNames[i], "not_a_field_of_kind", "not a field of a "+string(e.Kind)+" event", e.Kind)
		}
	}
	for i, id := range []string{e.ID, e.MenteeID, e.MentorID} {
		if code, detail := idProblem(id); id != "" && code != "" {
			if code == "too_long" {
				bad(fieldNames[i+1], code, detail, maxIDLen)
			} else {
				bad(fieldNames[i+1], code, detail)
			}
		}
	}
	if e.Line != "" && need&fLine != 0 && wholeNumber(e.Line) == 0 {
		bad("line", "not_a_line_number", "want a line number, a whole number from 1 without leading zeros")
	}
	if e.Referral != "" && sp.optional&fReferral != 0 && !ValidReferral(e.Referral) {
		bad("referral", "not_a_referral_code", "want a referral partner's code: 1 to 32 lower-case letters a-z, digits or underscores, starting with a letter")
	}
	if e.Capacity != "" && e.Kind == Applied {
		switch n := wholeNumber(e.Capacity); {
		case e.Side == MenteeSide:
			bad("capacity", "capacity_of_mentee", "a mentee has no capacity; only a mentor's application takes one")
		case n < 1 || n > profile.MaxCapacity:
			bad("capacity", "not_a_capacity", "want a whole number from 1 to "+strconv.Itoa(profile.MaxCapacity)+" without leading zeros", profile.MaxCapacity)
		}
	}
	if e.MenteeID != "" && e.MenteeID == e.MentorID {
		bad("mentor_id", "same_as_mentee", "same as mentee_id")
	}
	if e.Side != "" && e.Side != MenteeSide && e.Side != MentorSide {
		bad("side", "unknown_side", `unknown side; want "mentee" or "mentor"`)
	}
	if e.Result != "" && need&fResult != 0 && !oneOf(e.Result, sp.results) {
		bad("result", "unknown_result", "unknown result; want one of "+strings.Join(sp.results, ", "), strings.Join(sp.results, ", "))
	}
	if e.Reason != "" && need&fReason != 0 && !oneOf(e.Reason, sp.reasons) {
		bad("reason", "unknown_reason", "unknown reason; want one of "+strings.Join(sp.reasons, ", "), strings.Join(sp.reasons, ", "))
	}
	return errs
}

func oneOf(s string, set []string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

// MarshalJSON writes the event as one canonical JSON object: "on" and
// "event" first, then the other fields in the order side, id, mentee_id,
// mentor_id, result, reason, line, referral, capacity, leaving out empty ones, with no spaces. It
// does not validate the event (see [Append]). Cost: O(size of the event).
func (e Event) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"on":"`)
	b.WriteString(e.On.String())
	b.WriteString(`","event":`)
	writeString(&b, string(e.Kind))
	for i, v := range e.values() {
		if *v != "" {
			b.WriteString(`,"`)
			b.WriteString(fieldNames[i])
			b.WriteString(`":`)
			writeString(&b, *v)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func writeString(b *bytes.Buffer, s string) {
	q, _ := json.Marshal(s) // a string always encodes
	b.Write(q)
}

// UnmarshalJSON reads one event strictly, as [Read] reads a line: a JSON
// object whose values are all strings, with no unknown or duplicate field,
// valid UTF-8, and an event that passes [Event.Validate]. The error joins
// every problem, each a *[profile.Problem] with Line 0. Cost: O(len(b)).
func (e *Event) UnmarshalJSON(b []byte) error {
	ev, errs := parseLine(b, 0)
	if len(errs) > 0 {
		return joinProblems(errs)
	}
	*e = ev
	return nil
}

// Append writes e to w as one canonical line ([Event.MarshalJSON] and a
// newline) in a single Write call, after checking it with
// [Event.Validate]; an invalid event writes nothing. It checks the event
// alone: use [Ledger.Add] first to check it against the history. Cost:
// O(size of the event).
func Append(w io.Writer, e Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	b, _ := e.MarshalJSON()
	_, err := w.Write(append(b, '\n'))
	return err
}

// parseLine reads one line into an event and lists its problems: first
// those of the JSON, then, when the JSON is readable, those of
// [Event.Validate].
//
// A line is a flat object of strings, so it is read with encoding/json's
// tokenizer rather than the library's reflective decoder, which is built
// for nested documents and allocates a buffer per document.
func parseLine(line []byte, n int) (Event, []error) {
	var e Event
	syntax := func(field, code, detail string, args ...any) (Event, []error) {
		return Event{}, []error{eventProblem(n, nil, field, code, detail, args...)}
	}
	badJSON := func(field string, err error) (Event, []error) {
		code, detail, args := malformed(err)
		return syntax(field, code, detail, args...)
	}
	if !utf8.Valid(line) {
		return syntax("", "not_utf8", "not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return syntax("", "not_an_object", "not a JSON object")
	}
	var seen [2 + len(fieldNames)]bool
	var errs []error
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return badJSON("", err)
		}
		key, _ := t.(string) // inside an object, a token before a value is a key
		v, err := dec.Token()
		if err != nil {
			return badJSON(msg.Clip(key), err)
		}
		if _, nested := v.(json.Delim); nested {
			// An array or an object: no field takes one, and skipping it
			// is not worth the code.
			return syntax(msg.Clip(key), "nested_value", "want a string, not an array or an object")
		}
		slot := fieldSlot(key)
		switch {
		case slot < 0:
			errs = append(errs, eventProblem(n, nil, msg.Clip(key), "unknown_field", "unknown field"))
			continue
		case seen[slot]:
			errs = append(errs, eventProblem(n, nil, key, "duplicate_field", "duplicate field"))
			continue
		}
		seen[slot] = true
		s, ok := v.(string)
		if !ok {
			errs = append(errs, eventProblem(n, nil, key, "not_a_string", "want a string"))
			continue
		}
		switch slot {
		case 0:
			d, err := profile.ParseDate(s)
			if err != nil {
				errs = append(errs, eventProblem(n, nil, key, "not_a_day", `want an existing day as "YYYY-MM-DD"`))
			}
			e.On = d
		case 1:
			e.Kind = Kind(s)
		default:
			*e.values()[slot-2] = s
		}
	}
	if _, err := dec.Token(); err != nil {
		return badJSON("", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return syntax("", "data_after_object", "data after the object")
	}
	ids := idNames(e)
	for _, err := range errs {
		err.(*profile.Problem).IDs = ids
	}
	reported := len(errs)
	for _, err := range e.problems(n) {
		// A field whose value could not be read is already reported.
		if !fieldIn(err.(*profile.Problem).Path, errs[:reported]) {
			errs = append(errs, err)
		}
	}
	return e, errs
}

func fieldIn(field string, errs []error) bool {
	for _, err := range errs {
		if err.(*profile.Problem).Path == field {
			return true
		}
	}
	return false
}

// fieldSlot returns the position of a field in on, event, then
// fieldNames; -1 for an unknown field.
func fieldSlot(key string) int {
	switch key {
	case "on":
		return 0
	case "event":
		return 1
	}
	for i, f := range fieldNames {
		if key == f {
			return i + 2
		}
	}
	return -1
}

// malformed describes a JSON syntax error by its byte offset, without
// quoting the input: its code, words and args.
func malformed(err error) (code, detail string, args []any) {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return "malformed_json_at_byte", "malformed JSON at byte " + strconv.FormatInt(se.Offset, 10), []any{se.Offset}
	}
	return "malformed_json_line", "malformed JSON", nil
}

// The rules of an ID are those of profile's participants: not empty, at
// most 64 bytes of valid UTF-8, printable characters only, no spaces at its
// ends.
const maxIDLen = 64

// idProblem returns the code and the words of what is wrong with id, or
// "" when nothing is.
func idProblem(id string) (code, detail string) {
	switch {
	case id == "":
		return "missing", "missing"
	case len(id) > maxIDLen:
		return "too_long", "longer than " + strconv.Itoa(maxIDLen) + " bytes"
	case !utf8.ValidString(id):
		return "not_utf8", "not valid UTF-8"
	case strings.ContainsFunc(id, func(r rune) bool { return !unicode.IsPrint(r) }):
		return "invisible_character", "contains a control or invisible character"
	case strings.TrimSpace(id) != id:
		return "spaces_at_ends", "has spaces at its ends"
	}
	return "", ""
}

// idNames are the IDs an error names for e: each well-formed ID, or
// "(bad id)".
func idNames(e Event) []string {
	ids := e.IDs()
	for i, id := range ids {
		if code, _ := idProblem(id); code != "" {
			ids[i] = "(bad id)"
		}
	}
	return ids
}
