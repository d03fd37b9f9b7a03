package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
)

// config holds the server's limits.
type config struct {
	// maxBody is the largest request body in bytes (413 above it).
	maxBody int64
	// maxPool is the most mentees plus mentors in one request (422 above
	// it).
	maxPool int
	// timeout bounds each request's work, from the moment its body is
	// read: waiting for a free solver, the round and the alternatives.
	timeout time.Duration
	// maxConcurrent is how many requests may compute at once; the others
	// wait, within their timeout. Scoring already uses every core, and a
	// large pool holds a large matrix, so running many at once only
	// multiplies memory.
	maxConcurrent int
}

// maxAlternatives is the largest number of alternatives a request may ask
// for per mentee.
const maxAlternatives = 20

// maxDetails is the most problems an error response lists.
const maxDetails = 100

// server answers the API. It keeps no state between requests: nothing a
// request sends outlives it.
type server struct {
	cfg     config
	log     *slog.Logger
	compute chan struct{} // a token per request computing
}

// newHandler returns the API's handler with cfg's limits, logging one line
// per request to logger:
//
//	POST /v1/eligibility  who is eligible, and why not
//	POST /v1/proposals    a matching round (match.Propose)
//	GET  /healthz         200 while the server runs
//
// Every error is a JSON document {"error": {"code", "message", "field",
// "id", "details"}}; see apiError.
func newHandler(cfg config, logger *slog.Logger) http.Handler {
	s := &server{cfg: cfg, log: logger, compute: make(chan struct{}, max(cfg.maxConcurrent, 1))}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/eligibility", s.eligibility)
	mux.HandleFunc("POST /v1/proposals", s.proposals)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		s.writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	// The mux would answer other methods and unknown paths in plain text;
	// these give the same answers as JSON errors.
	for path, allow := range map[string]string{
		"/v1/eligibility": "POST",
		"/v1/proposals":   "POST",
		"/healthz":        "GET, HEAD",
	} {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			s.writeError(w, &apiError{status: http.StatusMethodNotAllowed, Code: "method_not_allowed",
				Message: "this method is not allowed here; use " + allow})
		})
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, &apiError{status: http.StatusNotFound, Code: "not_found", Message: "no such endpoint"})
	})
	return s.logged(s.recovered(mux))
}

// eligibilityRequest is the body of POST /v1/eligibility.
type eligibilityRequest struct {
	On      profile.Date     `json:"on"`
	Policy  profile.Policy   `json:"policy"`
	Mentees []profile.Mentee `json:"mentees"`
	Mentors []profile.Mentor `json:"mentors"`
}

// eligibilityResponse answers it, each list sorted by ID.
type eligibilityResponse struct {
	On      profile.Date `json:"on"`
	Mentees []verdict    `json:"mentees"`
	Mentors []verdict    `json:"mentors"`
}

// verdict is one person's eligibility; Violations is empty when eligible.
type verdict struct {
	ID         string              `json:"id"`
	Eligible   bool                `json:"eligible"`
	Violations []profile.Violation `json:"violations"`
}

func (s *server) eligibility(w http.ResponseWriter, r *http.Request) {
	var req eligibilityRequest
	if !s.decodePool(w, r, &req, func() (int, int) { return len(req.Mentees), len(req.Mentors) }) {
		return
	}
	var ps []problem
	if req.On.IsZero() {
		ps = append(ps, problem{Code: "invalid_request", Field: "on", Message: "the day of the check is required"})
	}
	ps = append(ps, problems(profile.AtPath(req.Policy.Validate(), "policy"))...)
	if len(ps) > 0 {
		s.writeError(w, badRequest(ps))
		return
	}
	resp := eligibilityResponse{On: req.On, Mentees: []verdict{}, Mentors: []verdict{}}
	for _, m := range req.Mentees {
		resp.Mentees = append(resp.Mentees, newVerdict(m.ID, req.Policy.CheckMentee(m, req.On)))
	}
	for _, m := range req.Mentors {
		resp.Mentors = append(resp.Mentors, newVerdict(m.ID, req.Policy.CheckMentor(m, req.On)))
	}
	byID := func(a, b verdict) int { return strings.Compare(a.ID, b.ID) }
	slices.SortStableFunc(resp.Mentees, byID)
	slices.SortStableFunc(resp.Mentors, byID)
	s.writeJSON(w, http.StatusOK, resp)
}

func newVerdict(id string, vs []profile.Violation) verdict {
	if vs == nil {
		vs = []profile.Violation{}
	}
	return verdict{ID: id, Eligible: len(vs) == 0, Violations: vs}
}

// proposalRequest is the body of POST /v1/proposals: a match.Round and how
// many alternatives to give per mentee.
type proposalRequest struct {
	match.Round
	// Alternatives is k: for each mentee in the optimisation (proposed and
	// not pinned, or eligible and unmatched), up to k other mentors with
	// what imposing them would cost (match.Proposal.Alternatives). 0, the
	// default, gives none; at most maxAlternatives.
	Alternatives int `json:"alternatives"`
}

// proposalResponse is the match.Proposal, plus the alternatives by mentee
// ID when asked for.
type proposalResponse struct {
	match.Proposal
	Alternatives map[string][]match.Alternative `json:"alternatives,omitempty"`
}

func (s *server) proposals(w http.ResponseWriter, r *http.Request) {
	var req proposalRequest
	if !s.decodePool(w, r, &req, func() (int, int) { return len(req.Mentees), len(req.Mentors) }) {
		return
	}
	if k := req.Alternatives; k < 0 || k > maxAlternatives {
		s.writeError(w, badRequest([]problem{{Code: "invalid_request", Field: "alternatives",
			Message: fmt.Sprintf("must be between 0 and %d", maxAlternatives)}}))
		return
	}

	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.timeout)
	defer cancel()
	select {
	case s.compute <- struct{}{}:
		defer func() { <-s.compute }()
	case <-ctx.Done():
		s.writeError(w, s.cancelled(ctx.Err()))
		return
	}
	p, err := match.Propose(ctx, req.Round)
	if err != nil {
		s.writeError(w, s.requestError(err))
		return
	}
	resp := proposalResponse{Proposal: p}
	if k := req.Alternatives; k > 0 {
		resp.Alternatives = map[string][]match.Alternative{}
		var ids []string
		for _, d := range p.Duos {
			if !d.Pinned {
				ids = append(ids, d.MenteeID)
			}
		}
		for _, u := range p.UnmatchedMentees {
			if u.Reason != match.ReasonIneligible {
				ids = append(ids, u.ID)
			}
		}
		for _, id := range ids {
			// Each call costs O((m+n)²): check the time limit between them.
			if err := ctx.Err(); err != nil {
				s.writeError(w, s.cancelled(err))
				return
			}
			alts, err := p.Alternatives(id, k)
			if err != nil {
				s.writeError(w, s.internal(err))
				return
			}
			resp.Alternatives[id] = alts
		}
	}
	s.writeJSON(w, http.StatusOK, resp)
}

// decodePool decodes a request body that holds a pool (see decode),
// records the pool's sizes for the request log and checks them against
// -max-pool. It writes the error answer and returns false when the request
// cannot go on.
func (s *server) decodePool(w http.ResponseWriter, r *http.Request, dst any, sizes func() (int, int)) bool {
	if e := s.decode(w, r, dst); e != nil {
		s.writeError(w, e)
		return false
	}
	mentees, mentors := sizes()
	stats(r).pool(mentees, mentors)
	if n := mentees + mentors; n > s.cfg.maxPool {
		s.writeError(w, &apiError{status: http.StatusUnprocessableEntity, Code: "pool_too_large",
			Message: fmt.Sprintf("%d mentees and mentors; this server takes at most %d in one request", n, s.cfg.maxPool)})
		return false
	}
	return true
}
