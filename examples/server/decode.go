package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
)

// decoded answers the decoding of a body that holds a pool with the
// library's strict decoder (profile.Decode), whose error is err: an
// unknown field, a wrong type, a duplicate field, invalid UTF-8, an
// invalid profile or data after the value is a 400 that lists every
// problem; a list of more than -max-pool entries stops the decoding at
// once (422), and a body over -max-body too (413) (readError). Fields the
// document leaves out keep their zero values, the library's defaults.
// Without an error, it records the pool's sizes for the request log and
// checks them against -max-pool.
func (s *server) decoded(r *http.Request, err error, mentees, mentors int) *apiError {
	if err != nil {
		return s.readError(err)
	}
	stats(r).pool(mentees, mentors)
	if n := mentees + mentors; n > s.cfg.maxPool {
		return &apiError{status: http.StatusUnprocessableEntity, Code: "pool_too_large",
			Message: fmt.Sprintf("%d mentees and mentors; this server takes at most %d in one request", n, s.cfg.maxPool)}
	}
	return nil
}

// decodeRound reads a proposalRequest (decoded), keeping a round whose
// problems all sit in people's entries (match.PartialIntake):
// match.Propose then sets those people aside with their problems, and the
// others keep their round ("strict": true refuses it instead). It checks
// the request's own fields, every problem at once: alternatives from 0 to
// maxAlternatives, and for a CSV table (table true) neither
// alternatives_for nor needs, which a table does not use. Other than a
// table, it asks for the words when ?lang= is given (requestLang; one
// that is not a language tag once is not refused here).
func (s *server) decodeRound(r *http.Request, table bool) (proposalRequest, *apiError) {
	var req proposalRequest
	err := match.PartialIntake(&req.Round, profile.Decode(r.Body, &req, s.decodeOptions()))
	if e := s.decoded(r, err, len(req.Mentees), len(req.Mentors)); e != nil {
		return req, e
	}
	var ps []problem
	if table && len(req.AlternativesFor) > 0 {
		ps = append(ps, invalid("alternatives_for", "not used by a CSV table; the alternatives table lists every mentee"))
	}
	if table && req.Needs {
		ps = append(ps, invalid("needs", "not used by a CSV table"))
	}
	if req.Alternatives < 0 || req.Alternatives > maxAlternatives {
		ps = append(ps, invalid("alternatives", fmt.Sprintf("must be between 0 and %d", maxAlternatives)))
	}
	if len(ps) > 0 {
		return req, badRequest(ps...)
	}
	if !table && r.URL.Query().Has("lang") {
		lang, _ := requestLang(r)
		req.lang = &lang
	}
	return req, nil
}

// decodeOptions are the bounds of the library's JSON decoders: -max-pool
// entries in a list, and the problems an error answer lists.
func (s *server) decodeOptions() profile.DecodeOptions {
	return profile.DecodeOptions{MaxPeople: s.cfg.maxPool, MaxErrors: maxDetails - 2}
}

// readError maps an error of a library reader (a decoder, a sheet
// reader) reading a request's body. The readers return the body's read
// error wrapped and alone: the request's time limit passing while the
// body arrives (503), the body over -max-body (413), or the client going
// away or too slow (400). Anything else is the reader's own error
// (requestError).
func (s *server) readError(err error) *apiError {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded): // the read deadline is the request's time limit
		return s.cancelled(context.DeadlineExceeded)
	case len(profile.Problems(err)) == 0 && !errors.As(err, &tooLarge):
		// The client went away or was too slow: not the server's fault.
		return &apiError{status: http.StatusBadRequest, Code: "invalid_request", Message: "the request body could not be read"}
	}
	return s.requestError(err)
}
