package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

// apiError is an error answer. Code is stable and meant for programs:
//
//	invalid_request    400  the body does not decode (malformed JSON, an unknown field, a
//	                        wrong type or value), a policy or scorer setting is invalid,
//	                        or alternatives is out of range
//	invalid_profile    400  a mentee or a mentor is invalid (ID names them): for a round,
//	                        only with "strict": true (otherwise the person is set aside)
//	invalid_sheet      400  a problem of a CSV sheet: row, column heading, ID and field
//	missing_column     422  a sheet lacks only columns that the rules of a round need
//	                        (sheet.RulesColumns: languages, availability), each named
//	invalid_event      400  a ledger event is invalid, alone or against the history
//	invalid_round      400  the round is inconsistent (match.ErrInvalidRound: no date,
//	                        duplicate IDs, a pinned duo naming no one of the round, …)
//	body_too_large     413  the body is over the server's limit
//	pool_too_large     422  more people than the server's limit, or a round too large to solve
//	timeout            503  the work did not finish within the time limit, or was cancelled
//	ledger_unavailable 503  the ledger file could not be restored after a failed write
//	method_not_allowed 405, not_found 404, internal 500
//
// Field is the JSON path of the offending value ("mentees[3].birth_date",
// "scorer.weights.sector") and ID the participant it concerns, when known.
// Both come from the library's errors, which name people by ID only and
// never echo a value. Details lists every problem of a 400 answer (at most
// maxDetails, the last one then counting the others); the first is
// repeated at the top.
type apiError struct {
	status  int
	Code    string    `json:"code"`
	Message string    `json:"message"`
	Field   string    `json:"field,omitempty"`
	ID      string    `json:"id,omitempty"`
	Details []problem `json:"details,omitempty"`
}

// problem is one of several problems of a request. Row and Column place
// a problem of a spreadsheet: the row as the spreadsheet shows it (the
// header is row 1) and the column's heading as the file has it.
type problem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	ID      string `json:"id,omitempty"`
	Row     int    `json:"row,omitempty"`
	Column  string `json:"column,omitempty"`
}

// badRequest turns problems into a 400 answer led by the first one.
func badRequest(ps ...problem) *apiError {
	return &apiError{status: http.StatusBadRequest, Code: ps[0].Code, Message: ps[0].Message,
		Field: ps[0].Field, ID: ps[0].ID, Details: ps[:min(len(ps), maxDetails)]}
}

// invalid is the problem of a request's field or query parameter that is
// not one of the library's (code invalid_request).
func invalid(field, message string) problem {
	return problem{Code: "invalid_request", Field: field, Message: message}
}

// requestError maps an error of the library (its decoders, match.Propose
// and what a proposal computes after it) to an answer:
//
//   - *http.MaxBytesError (the body is over -max-body): 413;
//   - profile.ErrTooMany (a list over -max-pool) and match.ErrRoundTooLarge: 422;
//   - the context's errors, and ledger.ErrBroken (the ledger file could not
//     be restored after a failed write): 503;
//   - profile.ErrInvalid, match.ErrInvalidRound, scoring.ErrWeights and
//     scoring.ErrRules (every *profile.Problem): 400 listing every problem,
//     or 422 when each is a column the rules need (sheet.ErrRequiredColumn);
//   - anything else: 500, logged, without details.
func (s *server) requestError(err error) *apiError {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return &apiError{status: http.StatusRequestEntityTooLarge, Code: "body_too_large",
			Message: fmt.Sprintf("the request body is larger than this server's limit of %d bytes", s.cfg.maxBody)}
	case errors.Is(err, profile.ErrTooMany) || errors.Is(err, match.ErrRoundTooLarge):
		e := &apiError{status: http.StatusUnprocessableEntity, Code: "pool_too_large",
			Message: fmt.Sprintf("a list holds more than %d entries; this server takes at most %d people in one request", s.cfg.maxPool, s.cfg.maxPool)}
		for _, p := range profile.Problems(err) {
			switch {
			case errors.Is(p, match.ErrRoundTooLarge): // the one problem, saying how large the round is
				e.Message = p.Detail
			case errors.Is(p, profile.ErrTooMany) && e.Field == "": // the problem that stopped decoding
				e.Field = p.Path // the list's path
			}
		}
		return e
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
		return s.cancelled(err)
	case errors.Is(err, ledger.ErrBroken):
		return &apiError{status: http.StatusServiceUnavailable, Code: "ledger_unavailable",
			Message: "the ledger file could not be restored after a failed write; restart the server"}
	}
	if ps := problems(err); len(ps) > 0 {
		e := badRequest(ps...)
		if !slices.ContainsFunc(ps, func(p problem) bool { return p.Code != "missing_column" }) {
			e.status = http.StatusUnprocessableEntity // a sheet that reads, but not for a round
		}
		return e
	}
	return s.internal(err)
}

// problems lists the library's *profile.Problem values in err's tree, in
// order, as the answer's problems. This is the one place that maps a
// Problem to JSON: the answer's code comes from the sentinel the problem
// wraps (a ledger event, a round, a sheet, a profile, or a setting such
// as the scorer's: invalid_request), and its field, ID, row and column
// from the Problem.
func problems(err error) []problem {
	ps := []problem{} // [], not null, in an answer
	for _, p := range profile.Problems(err) {
		q := problem{Code: "invalid_request", Field: p.Path, ID: strings.Join(p.IDs, ", "), Message: p.Detail,
			Row: p.Row, Column: p.Column}
		switch {
		case errors.Is(p, ledger.ErrInvalid):
			q.Code = "invalid_event"
		case errors.Is(p, match.ErrInvalidRound) || errors.Is(p, ledger.ErrRound):
			q.Code = "invalid_round"
		case errors.Is(p, sheet.ErrRequiredColumn):
			q.Code = "missing_column"
		case errors.Is(p, sheet.ErrInvalid):
			q.Code = "invalid_sheet"
		case len(p.IDs) > 0:
			q.Code = "invalid_profile"
		}
		ps = append(ps, q)
	}
	return ps
}

// cancelled answers work whose context ended (err): the request's time
// limit passing, or its cancellation (the client going away, the server
// shutting down).
func (s *server) cancelled(err error) *apiError {
	msg := fmt.Sprintf("the request did not finish within the server's time limit of %v", s.cfg.timeout)
	if errors.Is(err, context.Canceled) {
		msg = "the request was cancelled"
	}
	return &apiError{status: http.StatusServiceUnavailable, Code: "timeout", Message: msg}
}

// internal reports a failure that is not the request's fault. The error
// is logged (the library's errors name people by ID only); the answer
// says nothing of it.
func (s *server) internal(err error) *apiError {
	s.log.Error("internal error", "error", err.Error())
	return &apiError{status: http.StatusInternalServerError, Code: "internal", Message: "internal error"}
}

// errorBody is the document of every error answer.
type errorBody struct {
	Error *apiError `json:"error"`
}

// fileAnswer is an answer that is not JSON: a file to download (with a
// name), or a page to show, with its content security policy.
type fileAnswer struct {
	contentType, name, csp string
	body                   []byte
}

// reply returns the answer of a request's work, v or e, and its status:
// e as an error document (errorBody), a fileAnswer as it is, any other v
// as JSON, or a 500 when v cannot be encoded.
func (s *server) reply(v any, e *apiError) (int, fileAnswer) {
	status := http.StatusOK
	if e != nil {
		status, v = e.status, errorBody{e}
	}
	if f, ok := v.(fileAnswer); ok {
		return status, f
	}
	b, err := json.Marshal(v)
	if err != nil {
		// Only a value that JSON cannot hold (NaN, ±Inf) gets here.
		s.log.Error("internal error", "error", err.Error())
		status, b = http.StatusInternalServerError, []byte(`{"error":{"code":"internal","message":"internal error"}}`)
	}
	return status, fileAnswer{contentType: "application/json", body: append(b, '\n')}
}

// write writes an answer with the headers of every answer, and a file's
// name when it has one (a file to download).
func write(w http.ResponseWriter, status int, f fileAnswer) {
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	if f.name != "" {
		h.Set("Content-Disposition", `attachment; filename="`+f.name+`"`)
	}
	if f.csp != "" {
		h.Set("Content-Security-Policy", f.csp)
	}
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(f.body)
}

func (s *server) writeError(w http.ResponseWriter, e *apiError) {
	status, f := s.reply(nil, e)
	write(w, status, f)
}
