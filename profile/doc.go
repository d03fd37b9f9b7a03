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
// Package profile imports nothing else of duo. It never logs and keeps no
// state: every function depends only on its arguments.
package profile
