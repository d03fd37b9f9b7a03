package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// config holds the server's limits, set by the flags of the same names
// (see the package documentation).
type config struct {
	maxBody       int64         // largest body in bytes: 413 above it
	maxPool       int           // most mentees plus mentors, and entries of any list: 422 above it
	timeout       time.Duration // each request's time limit, from its arrival: 503 after it
	maxConcurrent int           // requests reading and computing at once; the others wait
	maxQueue      int           // requests admitted at once, computing or waiting: 429 above it
	// maxCells bounds the memory of the rounds computing at once: the sum
	// of their match.Round.Cells (about 40 bytes each while a round is
	// solved). A round larger than it alone is refused with 422; others
	// wait until enough cells are free.
	maxCells int
}

// defaultConfig is the server's configuration without flags.
func defaultConfig() config {
	n := runtime.GOMAXPROCS(0)
	return config{maxBody: 8 << 20, maxPool: 20000, timeout: 30 * time.Second, maxConcurrent: n,
		maxQueue: 8 * n, maxCells: 1 << 25}
}

// maxAlternatives is the largest number of alternatives a request may ask
// for per mentee.
const maxAlternatives = 20

// maxDetails is the most problems an error response lists.
const maxDetails = 100

// server answers the API. Nothing a request sends outlives it, except
// the ledger's events.
type server struct {
	cfg    config
	log    *slog.Logger
	adm    *admission
	ledger *ledger.File // nil: no ledger endpoints
}

// newHandler returns the API's handler (the endpoints of the package
// documentation; the ledger's when lf is not nil) with cfg's limits,
// logging one line per request to logger. Every error is a JSON document
// {"error": {"code", "message", "field", "id", "details"}}; see apiError.
func newHandler(cfg config, logger *slog.Logger, lf *ledger.File) http.Handler {
	s := &server{cfg: cfg, log: logger, adm: newAdmission(cfg), ledger: lf}
	mux := http.NewServeMux()
	// handle registers an endpoint: its method (GET also answers HEAD), its
	// path pattern and its handler. The mux would answer other methods in
	// plain text; they get the same answer as a JSON error.
	handle := func(method, path string, h http.HandlerFunc) {
		mux.HandleFunc(method+" "+path, h)
		allow := strings.Replace(method, "GET", "GET, HEAD", 1)
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			s.writeError(w, &apiError{status: http.StatusMethodNotAllowed, Code: "method_not_allowed",
				Message: "this method is not allowed here; use " + allow})
		})
	}
	handle("GET", "/healthz", func(w http.ResponseWriter, r *http.Request) {
		status, f := s.reply(map[string]string{"status": "ok"}, nil)
		write(w, status, f)
	})
	handle("POST", "/v1/eligibility", s.admitted(s.eligibility))
	handle("POST", "/v1/proposals", s.admitted(s.proposals))
	handle("POST", "/v1/proposals/csv/{table}", s.admitted(s.proposalCSV)) // sheet.go
	handle("POST", "/v1/sheets/{kind}", s.admitted(s.sheet))
	if lf != nil { // ledger.go
		handle("POST", "/v1/ledger/events", s.admitted(s.ledgerEvents))
		handle("POST", "/v1/ledger/round", s.admitted(s.ledgerRound))
		handle("GET", "/v1/ledger/worklist", s.admitted(s.ledgerGet(worklist, "on")))
		handle("GET", "/v1/ledger/indicators", s.admitted(s.ledgerGet(indicators, "from", "to")))
		handle("GET", "/v1/ledger/report", s.admitted(s.ledgerReport))
		handle("GET", "/v1/ledger/duos", s.admitted(s.ledgerGet(duos, "on")))
	}
	s.page(mux)
	// Unknown paths too.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, &apiError{status: http.StatusNotFound, Code: "not_found", Message: "no such endpoint"})
	})
	return s.logged(mux)
}

// eligibility answers POST /v1/eligibility: a profile.EligibilityCheck,
// answered by the library.
func (s *server) eligibility(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	var req profile.EligibilityCheck
	err := profile.Decode(r.Body, &req, s.decodeOptions())
	if e := s.decoded(r, err, len(req.Mentees), len(req.Mentors)); e != nil {
		return nil, e
	}
	resp, err := req.Check()
	if err != nil {
		return nil, s.requestError(err)
	}
	return resp, nil
}

// proposalRequest is the body of POST /v1/proposals: a match.Round and
// the match.Extras to give beside its proposal (at most maxAlternatives
// alternatives per mentee).
type proposalRequest struct {
	match.Round
	match.Extras
	// lang, when not nil, asks for the proposal's words in *lang
	// (proposalWords): decodeRound sets it when the request names a
	// language with ?lang= (the page always does), so that clients that
	// do not ask get the answer as before.
	lang *language.Tag
}

// proposalResponse is the match.Proposal, plus the alternatives by mentee
// ID, and the needs and outreach, when asked for (match.ExtrasAnswer).
type proposalResponse struct {
	match.Proposal
	match.ExtrasAnswer
	// Words are the proposal's words in the language asked for with
	// ?lang= (proposalRequest.lang).
	Words *proposalWords `json:"words,omitempty"`
	// Ledger says, for POST /v1/ledger/round, how the ledger and the
	// profiles were reconciled (who was left out, and why).
	Ledger *ledger.Report `json:"ledger,omitempty"`
}

// proposalWords holds, by mentee ID, the words of each part of the
// mentee's duo's score (match.Proposal.PartTexts), rendered by the library
// from the codes after the round, in the language a request asks for
// (requestLang). The page shows them beside the codes, which stay the API.
type proposalWords struct {
	Parts map[string][]string `json:"parts"`
}

// proposals answers POST /v1/proposals: the proposal of the round in the
// body (propose), with its words when ?lang= names a language.
func (s *server) proposals(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	req, e := s.decodeRound(r, false)
	if e != nil {
		return nil, e
	}
	return s.propose(ctx, req)
}

// propose computes the answer of a proposal request: the round within the
// memory budget, then the alternatives, needs and words asked for.
func (s *server) propose(ctx context.Context, req proposalRequest) (proposalResponse, *apiError) {
	// Refused up front: a round larger than the server's memory budget.
	cells := req.Cells()
	if cells > int64(s.cfg.maxCells) {
		return proposalResponse{}, &apiError{status: http.StatusUnprocessableEntity, Code: "pool_too_large",
			Message: fmt.Sprintf("%d pairs of mentees and mentor places is more than this server computes at once", cells)}
	}
	if err := s.adm.cells.Acquire(ctx, max(cells, 1)); err != nil {
		return proposalResponse{}, s.cancelled(err)
	}
	defer s.adm.cells.Release(max(cells, 1))

	p, err := match.Propose(ctx, req.Round)
	if err != nil {
		return proposalResponse{}, s.requestError(err)
	}
	resp := proposalResponse{Proposal: p}
	// One batch for every mentee asked for: it shares the work between
	// mentees, so a whole round fits in the time limit.
	if resp.ExtrasAnswer, err = p.Extras(ctx, req.Extras); err != nil {
		return proposalResponse{}, s.requestError(err)
	}
	if req.lang != nil {
		resp.Words = &proposalWords{Parts: p.PartTexts(*req.lang)}
	}
	return resp, nil
}
