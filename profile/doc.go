// Package profile holds the participants of a mentoring programme, their
// data, and the programme's eligibility policy.
//
// A [Mentee] is a young job seeker who applies to be mentored; a [Mentor] is
// an experienced volunteer. Both are plain structs with JSON tags in
// snake_case; the field names are part of the API because services decode
// these documents.
//
// The value types carry the domain's own forms: [Date] is a civil date with
// no time zone ("YYYY-MM-DD") and [Age] counts completed years; [Country] is
// an ISO 3166-1 alpha-2 code; [IsEU] answers from a dated table of every
// state that was ever a member (the Union changes: the United Kingdom left
// on 1 February 2020); [Language] is a BCP 47 tag with a CEFR [Level];
// [Sector] is a NACE Rev. 2 code and [Occupation] an ISCO-08 code, each with
// a function that tells how many hierarchy levels two codes share;
// [Availability] is a set of the 21 weekly [Slot]s.
//
// # Validation and eligibility
//
// Two questions are kept apart. Is the data well-formed? [Mentee.Validate]
// and [Mentor.Validate] answer with every problem at once: an error that
// joins one *[Problem] per problem, in field order, each naming the
// participant by ID and the field by its JSON path, with a stable code
// ("unknown_level") and words:
//
//	me-001: languages[2].level: unknown level (want A1, A2, B1, B2, C1, C2 or native)
//
// Every such error wraps [ErrInvalid] (test with errors.Is); [Problems]
// lists them, and errors.As finds the first. [Problem] is the one error
// type of duo for a problem at a place in the input: the other packages
// (scoring's settings, a match round, a sheet's rows, a ledger's lines)
// report theirs with it too, each wrapping its own sentinel. Validate also bounds lists
// (at most 20 languages, 50 interests, 50 traits, …) and a mentor's capacity
// ([MaxCapacity]), so that one huge document costs neither a huge error nor
// much work. Decoding is lenient where Validate can name the offending
// token (countries, levels, sectors keep any string) and strict where there
// is no token to keep (a date that does not exist, an unknown slot name).
//
// Does a well-formed person meet the programme's rules? A [Policy] holds
// those rules, with [DefaultPolicy] the model programme's (mentees 18 to 30
// with a non-EU background, registered with a public employment service,
// with a project; mentors 50 or over, 2 hours a week, some experience). A
// programme sets only what it does differently, in Go or as JSON decoded
// over DefaultPolicy().
// [Policy.CheckMentee] and [Policy.CheckMentor] return every rule a person
// fails as a [Violation] with a stable code (the Code… constants) and a
// sentence a coordinator can pass on, or nil when the person is eligible.
// Membership of the EU is judged on the day of the check, so a person born
// in the United Kingdom has a non-EU background from 1 February 2020 on.
//
// # Defaults
//
// The zero value of every setting means its documented default, so that
// setting one field never turns another rule off: the zero Policy is the
// model programme's, and Policy{Mentee: MenteeRules{MaxAge: 33}} changes
// the maximum age only. Turning a rule off is explicit. An on/off setting
// is a [Switch]: [On], [Off], or 0 for the default (in JSON true, false or
// null). A numeric limit is a number, 0 for the default and [Off] (-1) for
// no limit; [Limit] reads one. [Policy.Resolved] writes every default out,
// and it is what the checks apply. Packages scoring and match use the same
// Switch, Off and Limit for their settings. In JSON too, a limit of 0 means
// the default, not "no limit": no limit is -1.
//
// Messages of errors and violations never hold personal data beyond the
// offending token (shortened): no names, birth dates, countries of origin,
// coordinates or scores.
//
// # Languages
//
// Codes are the API; words are rendered from a code and its args in the
// language a reader asks for: English, or French, Dutch and German as
// written in Belgium ([Languages]; [MatchLanguage] reads an HTTP
// Accept-Language header). [Violation.Text] writes an eligibility rule,
// [Problem.Text] any problem of any package of duo, from one catalog of
// problem codes ([ProblemCodes]), with the terms of docs/glossary.md, the
// locale's decimal comma and days day first. Error and Message stay
// English; in English, Text equals them.
//
// Every function in the package is O(size of its arguments); the limits of
// Validate bound that size for data that passed it.
//
// Package profile imports nothing else of duo. It never logs and keeps no
// state: every function depends only on its arguments.
package profile
