package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"net/http"

	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

// Spreadsheets in and out, with the library's readers and writers
// (package match/sheet): the page sends a CSV file to POST
// /v1/sheets/{kind} and gets the people as JSON, and downloads the
// proposal's tables from POST /v1/proposals/csv/{table}.

// sheetResponse answers POST /v1/sheets/{kind}: the people, as the JSON
// the other endpoints take, and what the reader found (sheet.Report):
// headings only, never a cell.
type sheetResponse struct {
	People any `json:"people"`
	sheet.Report
}

// sheet answers POST /v1/sheets/{kind} (kind "mentees" or "mentors"): a
// spreadsheet saved as CSV in the body, read by sheet.ReadMentees or
// sheet.ReadMentors within -max-body and -max-pool; their errors list
// every problem with its row, column heading and ID, never a cell.
func (s *server) sheet(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	body := &bodyReader{r: http.MaxBytesReader(w, r.Body, s.cfg.maxBody)}
	opt := sheet.Options{MaxRows: s.cfg.maxPool, MaxBytes: s.cfg.maxBody, MaxErrors: maxDetails - 2}
	var resp sheetResponse
	var err error
	switch r.PathValue("kind") {
	case "mentees":
		var people []profile.Mentee
		people, resp.Report, err = sheet.ReadMentees(body, opt)
		resp.People = append([]profile.Mentee{}, people...) // [], not null
		stats(r).pool(resp.Rows, 0)
	case "mentors":
		var people []profile.Mentor
		people, resp.Report, err = sheet.ReadMentors(body, opt)
		resp.People = append([]profile.Mentor{}, people...)
		stats(r).pool(0, resp.Rows)
	default:
		return nil, &apiError{status: http.StatusNotFound, Code: "not_found", Message: `no such list; want "mentees" or "mentors"`}
	}
	if err != nil {
		return nil, s.readError(body, err)
	}
	return resp, nil
}

// defaultTableAlternatives is how many alternatives per mentee the
// alternatives table lists when the request leaves "alternatives" at 0.
const defaultTableAlternatives = 3

// fileAnswer is an answer that is not JSON: a file to download (with a
// name), or a page to show, with its content security policy.
type fileAnswer struct {
	contentType, name, csp string
	body                   []byte
}

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
	var req proposalRequest
	if e := s.decodePool(w, r, &req, func() (int, int) { return len(req.Mentees), len(req.Mentors) }); e != nil {
		return nil, e
	}
	var ps []problem
	if len(req.AlternativesFor) > 0 {
		ps = append(ps, problem{Code: "invalid_request", Field: "alternatives_for", Message: "not used by a CSV table; the alternatives table lists every mentee"})
	}
	if req.Needs {
		ps = append(ps, problem{Code: "invalid_request", Field: "needs", Message: "not used by a CSV table"})
	}
	k := req.Alternatives
	if k < 0 || k > maxAlternatives {
		ps = append(ps, problem{Code: "invalid_request", Field: "alternatives", Message: fmt.Sprintf("must be between 0 and %d", maxAlternatives)})
	}
	if len(ps) > 0 {
		return nil, badRequest(ps)
	}
	// The round alone: the table's writer asks for the alternatives itself.
	req.Alternatives = 0
	resp, e := s.propose(ctx, req)
	if e != nil {
		return nil, e
	}
	var buf bytes.Buffer
	var err error
	switch table {
	case "duos":
		err = sheet.WriteDuos(&buf, resp.Proposal, sheet.Options{})
	case "unmatched":
		err = sheet.WriteUnmatched(&buf, resp.Proposal, sheet.Options{})
	default:
		err = sheet.WriteAlternatives(ctx, &buf, resp.Proposal, cmp.Or(k, defaultTableAlternatives), sheet.Options{})
	}
	if err != nil {
		return nil, s.internal(err)
	}
	return fileAnswer{contentType: "text/csv; charset=utf-8", name: table + ".csv", body: buf.Bytes()}, nil
}
