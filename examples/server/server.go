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
	"github.com/duomatch/duo/scoring"
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

// maxWaitBonus is the largest wait_bonus a request may set, the library's.
const maxWaitBonus = match.MaxWaitBonus

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
				Message: "method " + clip(r.Method) + " is not allowed here; use " + allow})
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
	req := eligibilityRequest{Policy: profile.DefaultPolicy()}
	if !s.decodePool(w, r, &req, func() any { return &eligibilityRequest{} },
		func() (int, int) { return len(req.Mentees), len(req.Mentors) }) {
		return
	}
	var ps []problem
	if req.On.IsZero() {
		ps = append(ps, problem{Code: "invalid_request", Field: "on", Message: "the day of the check is required"})
	}
	for _, fe := range profile.FieldErrors(req.Policy.Validate()) {
		ps = append(ps, problem{Code: "invalid_settings", Field: "policy." + fe.Field, Message: redact(fe.Problem)})
	}
	ps = append(ps, checkPeople(req.Mentees, req.Mentors)...)
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
	slices.SortFunc(resp.Mentees, byID)
	slices.SortFunc(resp.Mentors, byID)
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
	// Alternatives is k: for each mentee in the optimisation (eligible,
	// not pinned, not paused), up to k other mentors with what imposing
	// them would change (match.Proposal.AllAlternatives). 0, the default,
	// gives none; at most maxAlternatives.
	Alternatives int `json:"alternatives"`
	// Needs asks for the mentors to recruit and the mentees to look for
	// (match.Proposal.Needs and Outreach, with their defaults). Default
	// false.
	Needs bool `json:"needs"`
}

// proposalResponse is the match.Proposal, plus the alternatives by mentee
// ID, and the needs and outreach, when asked for.
type proposalResponse struct {
	match.Proposal
	Alternatives map[string][]match.Alternative `json:"alternatives,omitempty"`
	Needs        []match.Need                   `json:"needs,omitzero"`
	Outreach     []match.Outreach               `json:"outreach,omitzero"`
}

func (s *server) proposals(w http.ResponseWriter, r *http.Request) {
	// Policy and scorer start from the defaults, so that a partial
	// document such as {"weights": {"sector": 0.5}} changes only what it
	// names.
	req := proposalRequest{Round: match.Round{Policy: profile.DefaultPolicy(), Scorer: scoring.Default()}}
	if !s.decodePool(w, r, &req, func() any { return &proposalRequest{} },
		func() (int, int) { return len(req.Mentees), len(req.Mentors) }) {
		return
	}
	var ps []problem
	if k := req.Alternatives; k < 0 || k > maxAlternatives {
		ps = append(ps, problem{Code: "invalid_request", Field: "alternatives",
			Message: fmt.Sprintf("must be between 0 and %d", maxAlternatives)})
	}
	// Checked here too, so that the answer lists it with the other problems.
	if req.WaitBonus > maxWaitBonus {
		ps = append(ps, problem{Code: "invalid_request", Field: "wait_bonus",
			Message: fmt.Sprintf("at most %g", float64(maxWaitBonus))})
	}
	ps = append(ps, checkPeople(req.Mentees, req.Mentors)...)
	if len(ps) > 0 {
		s.writeError(w, badRequest(ps))
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
		s.writeError(w, s.roundError(err))
		return
	}
	resp := proposalResponse{Proposal: p}
	if k := req.Alternatives; k > 0 {
		alts, err := p.AllAlternatives(ctx, k)
		if err != nil {
			if ctx.Err() != nil {
				s.writeError(w, s.cancelled(ctx.Err()))
			} else {
				s.writeError(w, s.internal(err))
			}
			return
		}
		resp.Alternatives = alts
	}
	if req.Needs {
		if resp.Needs, err = p.Needs(ctx, match.NeedsOptions{}); err == nil {
			resp.Outreach, err = p.Outreach(ctx, match.NeedsOptions{})
		}
		if err != nil {
			if cerr := ctx.Err(); cerr != nil {
				s.writeError(w, s.cancelled(cerr))
			} else {
				s.writeError(w, s.internal(err))
			}
			return
		}
	}
	s.writeJSON(w, http.StatusOK, resp)
}

// decodePool decodes a request body that holds a pool (see decode), records
// the pool's sizes for the request log and checks them against -max-pool.
// It writes the error answer and returns false when the request cannot go
// on.
func (s *server) decodePool(w http.ResponseWriter, r *http.Request, dst any, fresh func() any, sizes func() (int, int)) bool {
	if e := s.decode(w, r, dst, fresh); e != nil {
		s.writeError(w, e)
		return false
	}
	mentees, mentors := sizes()
	stats(r).pool(mentees, mentors)
	if e := s.checkPool(mentees, mentors); e != nil {
		s.writeError(w, e)
		return false
	}
	return true
}

func (s *server) checkPool(mentees, mentors int) *apiError {
	if n := mentees + mentors; n > s.cfg.maxPool {
		return &apiError{status: http.StatusUnprocessableEntity, Code: "pool_too_large",
			Message: fmt.Sprintf("%d mentees and mentors; this server takes at most %d in one request", n, s.cfg.maxPool)}
	}
	return nil
}

// checkPeople validates every profile and looks for duplicate IDs, and
// returns every problem, each with the JSON path of its field.
func checkPeople(mentees []profile.Mentee, mentors []profile.Mentor) []problem {
	var ps []problem
	profileProblems := func(list string, i int, err error) {
		for _, fe := range profile.FieldErrors(err) {
			ps = append(ps, problem{Code: "invalid_profile", ID: fe.ID,
				Field: fmt.Sprintf("%s[%d].%s", list, i, fe.Field), Message: redact(fe.Problem)})
		}
	}
	for i, m := range mentees {
		profileProblems("mentees", i, m.Validate())
	}
	for i, m := range mentors {
		profileProblems("mentors", i, m.Validate())
	}
	duplicates := func(list string, ids []string) {
		seen := make(map[string]bool, len(ids))
		for i, id := range ids {
			if seen[id] && id != "" {
				ps = append(ps, problem{Code: "duplicate_id", ID: safeID(id), Field: fmt.Sprintf("%s[%d].id", list, i),
					Message: "another entry of " + list + " has the same ID"})
			}
			seen[id] = true
		}
	}
	duplicates("mentees", idsOf(mentees, func(m profile.Mentee) string { return m.ID }))
	duplicates("mentors", idsOf(mentors, func(m profile.Mentor) string { return m.ID }))
	return ps
}

func idsOf[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

// safeID is how an answer names a participant: its ID, or "(bad id)" or
// "(no id)" when the ID is not valid, as the profile package does.
func safeID(id string) string {
	if fes := profile.FieldErrors(profile.Mentee{ID: id}.Validate()); len(fes) > 0 {
		return fes[0].ID
	}
	return id
}
