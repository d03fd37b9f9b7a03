package main

import (
	"bytes"
	"cmp"
	"context"
	"net/http"

	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

// Spreadsheets in and out, with the library's readers and writers
// (package match/sheet): the page sends a CSV file to POST
// /v1/sheets/{kind} and gets the people as JSON, and downloads the
// proposal's tables from POST /v1/proposals/csv/{table}.

// sheetResponse answers POST /v1/sheets/{kind}: the people of the usable
// rows, as the JSON the other endpoints take, the problems of the other
// rows, and what the reader found (sheet.Report, with each person's row):
// headings only, never a cell.
type sheetResponse struct {
	People any `json:"people"`
	// Problems are the problems of the rows not read, each with its row
	// and column heading; [] when there is none.
	Problems []problem `json:"problems"`
	// Report says what the reader found; its row_of places each person
	// read in the sheet, so that a client can place there a problem that
	// a round finds later (an unmatched person's "invalid_profile"
	// problems).
	sheet.Report
}

// sheet answers POST /v1/sheets/{kind} (kind "mentees" or "mentors"): a
// spreadsheet saved as CSV in the body, read partially by
// sheet.ReadMentees or sheet.ReadMentors within -max-body and -max-pool:
// the people of the usable rows with the problems of the others (row,
// column heading and ID, never a cell); a problem that stops reading is an
// error answer, and so is a sheet without the columns the rules of a round
// need (sheet.RulesColumns): 422 missing_column. A sheet counts in the
// memory budget of the work computing at once, like a round: reading
// holds about five bytes a byte of the file (the file, its text, the
// people), whatever its shape.
func (s *server) sheet(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	kind := r.PathValue("kind")
	if kind != "mentees" && kind != "mentors" {
		return nil, &apiError{status: http.StatusNotFound, Code: "not_found", Message: `no such list; want "mentees" or "mentors"`}
	}
	size := s.cfg.maxBody
	if r.ContentLength > 0 {
		size = min(r.ContentLength, size)
	}
	units := max(size*5/40, 1) // five bytes a byte, in the budget's cells of about 40 bytes
	if err := s.adm.cells.Acquire(ctx, units); err != nil {
		return nil, s.cancelled(err)
	}
	defer s.adm.cells.Release(units)

	opt := sheet.Options{MaxRows: s.cfg.maxPool, MaxBytes: s.cfg.maxBody, MaxErrors: maxDetails - 2,
		Required: sheet.RulesColumns()}
	var resp sheetResponse
	var stopped bool // a problem stopped reading: the readers return no people
	var err error
	if kind == "mentees" {
		var people []profile.Mentee
		people, resp.Report, err = sheet.ReadMentees(r.Body, opt)
		resp.People, stopped = people, people == nil
		stats(r).pool(resp.Rows, 0)
	} else {
		var people []profile.Mentor
		people, resp.Report, err = sheet.ReadMentors(r.Body, opt)
		resp.People, stopped = people, people == nil
		stats(r).pool(0, resp.Rows)
	}
	if stopped {
		return nil, s.readError(err)
	}
	resp.Problems = problems(err)
	return resp, nil
}

// defaultTableAlternatives is how many alternatives per mentee the
// alternatives table lists when the request leaves "alternatives" at 0.
const defaultTableAlternatives = 3

// proposalCSV answers POST /v1/proposals/csv/{table}: the body is the
// request of POST /v1/proposals; the answer is one table of the proposal
// as CSV, written by the library (sheet.WriteDuos, WriteUnmatched,
// WriteAlternatives) for Excel in Belgium: UTF-8 with a byte order mark,
// ';' and decimal commas. "alternatives" is the alternatives per mentee
// of the alternatives table (0 means 3); "alternatives_for" and "needs"
// are not used by a table and are refused.
func (s *server) proposalCSV(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	table := r.PathValue("table")
	if table != "duos" && table != "unmatched" && table != "alternatives" {
		return nil, &apiError{status: http.StatusNotFound, Code: "not_found", Message: `no such table; want "duos", "unmatched" or "alternatives"`}
	}
	req, e := s.decodeRound(r, true)
	if e != nil {
		return nil, e
	}
	// The round alone: the table's writer asks for the alternatives itself.
	k := req.Alternatives
	req.Alternatives = 0
	resp, e := s.propose(ctx, req)
	if e != nil {
		return nil, e
	}
	var buf bytes.Buffer
	var err error
	lang, _ := requestLang(r)
	opt := sheet.Options{Lang: lang} // headings and words in the page's language
	switch table {
	case "duos":
		err = sheet.WriteDuos(&buf, resp.Proposal, opt)
	case "unmatched":
		err = sheet.WriteUnmatched(&buf, resp.Proposal, opt)
	default:
		err = sheet.WriteAlternatives(ctx, &buf, resp.Proposal, cmp.Or(k, defaultTableAlternatives), opt)
	}
	if err != nil {
		// Past the time limit, 503 timeout, as for the JSON answer.
		return nil, s.requestError(err)
	}
	return fileAnswer{contentType: "text/csv; charset=utf-8", name: table + ".csv", body: buf.Bytes()}, nil
}
