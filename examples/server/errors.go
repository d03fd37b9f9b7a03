package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// apiError is an error answer. Code is stable and meant for programs:
//
//	bad_json           400  the body is not one JSON value (syntax, empty, trailing data)
//	unknown_field      400  a field the API does not know (often a typo)
//	invalid_value      400  a value of the wrong type, out of range, or of the wrong form
//	invalid_profile    400  a profile fails validation (profile.Mentee.Validate)
//	duplicate_id       400  two mentees or two mentors share an ID
//	invalid_settings   400  an invalid policy or scorer setting
//	invalid_round      400  the round is malformed (match.ErrInvalidRound)
//	invalid_request    400  another problem of the request (alternatives out of range, …)
//	body_too_large     413  the body is over the server's limit
//	pool_too_large     422  more people than the server's limit
//	timeout            503  the work did not finish within the time limit, or was cancelled
//	method_not_allowed 405, not_found 404, internal 500
//
// Field is the JSON path of the offending value ("mentees[3].birth_date",
// "scorer.weights.sector") and ID the participant it concerns, when known.
// Messages name people by ID only and never echo a profile's values.
// Details lists every problem when there are several (at most 100); the
// first is repeated at the top.
type apiError struct {
	status  int
	Code    string    `json:"code"`
	Message string    `json:"message"`
	Field   string    `json:"field,omitempty"`
	ID      string    `json:"id,omitempty"`
	Details []problem `json:"details,omitempty"`
}

// problem is one of several problems of a request.
type problem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	ID      string `json:"id,omitempty"`
}

// badRequest turns problems into a 400 answer led by the first one.
func badRequest(ps []problem) *apiError {
	e := &apiError{status: http.StatusBadRequest, Code: ps[0].Code, Message: ps[0].Message, Field: ps[0].Field, ID: ps[0].ID}
	if len(ps) > 1 {
		e.Details = ps[:min(len(ps), maxDetails)]
	}
	return e
}

// roundError maps an error of match.Propose to an answer. The profiles
// were validated already, so what is left is the round's own problems
// (match.RoundError), the policy's (profile.FieldError without an ID), the
// scorer's (scoring.SettingError) and the context's.
func (s *server) roundError(err error) *apiError {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return s.cancelled(err)
	}
	// A round whose assignment problem exceeds match.MaxCells is too large
	// for this server rather than malformed.
	var re *match.RoundError
	if errors.Is(err, match.ErrRoundTooLarge) && errors.As(err, &re) {
		return &apiError{status: http.StatusUnprocessableEntity, Code: "pool_too_large", Message: re.Problem}
	}
	var ps []problem
	walk(err, func(e error) bool {
		var p problem
		switch e := e.(type) {
		case *match.RoundError:
			p = problem{Code: "invalid_round", Field: e.Field, ID: safeID(e.ID), Message: e.Problem}
			if e.ID == "" {
				p.ID = ""
			}
		case *scoring.SettingError:
			p = problem{Code: "invalid_settings", Field: "scorer." + e.Setting, Message: e.Problem}
		case *profile.FieldError:
			p = problem{Code: "invalid_profile", Field: e.Field, ID: e.ID, Message: redact(e.Problem)}
			if e.ID == "" {
				p = problem{Code: "invalid_settings", Field: "policy." + e.Field, Message: redact(e.Problem)}
			}
		default:
			return false
		}
		ps = append(ps, p)
		return true
	})
	if len(ps) == 0 {
		return s.internal(err)
	}
	return badRequest(ps)
}

// walk calls visit on err and the errors it wraps, depth first, not
// descending below an error for which visit returns true.
func walk(err error, visit func(error) bool) {
	if err == nil || visit(err) {
		return
	}
	switch e := err.(type) {
	case interface{ Unwrap() []error }:
		for _, inner := range e.Unwrap() {
			walk(inner, visit)
		}
	case interface{ Unwrap() error }:
		walk(e.Unwrap(), visit)
	}
}

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

// quoted matches a Go-quoted token in a library message.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// redact removes the tokens that a library message quotes from the data
// (an unknown country code, a malformed sector), so that an answer never
// echoes a profile's values.
func redact(msg string) string { return quoted.ReplaceAllString(msg, `"…"`) }

func (s *server) writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// Only a value that JSON cannot hold (NaN, ±Inf) gets here.
		s.log.Error("internal error", "error", err.Error())
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"internal error"}}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

func (s *server) writeError(w http.ResponseWriter, e *apiError) {
	s.writeJSON(w, e.status, struct {
		Error *apiError `json:"error"`
	}{e})
}
