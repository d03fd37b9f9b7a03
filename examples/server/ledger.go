package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// The ledger's endpoints (package match/ledger, the file in ledgerfile.go):
//
//	POST /v1/ledger/events      one event or an array of events → appended, all or none
//	POST /v1/ledger/round       the next round's proposal from the ledger and the profiles given
//	GET  /v1/ledger/worklist    ?on=YYYY-MM-DD → the work due on that day
//	GET  /v1/ledger/indicators  ?from=YYYY-MM-DD&to=YYYY-MM-DD → the period's indicators
//
// The ledger holds IDs, dates and codes; the profiles stay with the
// caller, who sends them with each round. The indicators are therefore
// overall only (one group, "all"): grouping by city or agency needs the
// profiles, which the server does not keep.

// ledgerRoutes registers the ledger's endpoints.
func (s *server) ledgerRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /v1/ledger/events", s.admitted(s.ledgerEvents))
	mux.HandleFunc("POST /v1/ledger/round", s.admitted(s.ledgerRound))
	mux.HandleFunc("GET /v1/ledger/worklist", s.admitted(s.ledgerWorklist))
	mux.HandleFunc("GET /v1/ledger/indicators", s.admitted(s.ledgerIndicators))
}

// eventsResponse answers POST /v1/ledger/events: how many events the
// request added and how many the ledger holds.
type eventsResponse struct {
	Accepted int `json:"accepted"`
	Events   int `json:"events"`
}

// ledgerEvents answers POST /v1/ledger/events. The body is one event or a
// JSON array of events (at most -max-pool), each in the ledger's form
// ({"on", "event", …}; see match/ledger). Every problem of the events
// taken alone is reported at once, each under its path ("[2].reason");
// then the events are checked against the history in order, and the
// first refused is reported (the later ones depend on it). Nothing of a
// refused request is kept; an accepted one is on disk before the answer.
func (s *server) ledgerEvents(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	body := &bodyReader{r: http.MaxBytesReader(w, r.Body, s.cfg.maxBody)}
	doc, err := io.ReadAll(body)
	if err != nil {
		return nil, s.readError(body, err)
	}
	opt := profile.DecodeOptions{MaxPeople: s.cfg.maxPool, MaxErrors: maxDetails - 2}
	var raws []json.RawMessage
	array := bytes.HasPrefix(bytes.TrimLeft(doc, " \t\r\n"), []byte("["))
	if array {
		err = profile.Decode(bytes.NewReader(doc), &raws, opt)
	} else {
		raws = make([]json.RawMessage, 1)
		err = profile.Decode(bytes.NewReader(doc), &raws[0], opt)
	}
	if err != nil {
		return nil, s.requestError(err)
	}
	if array && len(raws) == 0 {
		return nil, badRequest([]problem{{Code: "invalid_request", Field: "(document)", Message: "no event"}})
	}
	path := func(i int) string {
		if array {
			return fmt.Sprintf("[%d]", i)
		}
		return ""
	}
	events := make([]ledger.Event, len(raws))
	var ps []problem
	for i, raw := range raws {
		if err := events[i].UnmarshalJSON(raw); err != nil {
			ps = append(ps, eventProblems(err, path(i))...)
		}
	}
	if len(ps) > 0 {
		return nil, badRequest(ps)
	}
	n, err := s.ledger.add(events)
	var rej *rejected
	switch {
	case errors.As(err, &rej):
		return nil, badRequest(eventProblems(rej.err, path(rej.index)))
	case errors.Is(err, errLedgerBroken):
		return nil, &apiError{status: http.StatusServiceUnavailable, Code: "ledger_unavailable", Message: err.Error()}
	case err != nil:
		return nil, s.internal(err)
	}
	return eventsResponse{Accepted: len(events), Events: n}, nil
}

// eventProblems lists the problems of err, under the event's path in the
// request. They name people by ID only.
func eventProblems(err error, path string) []problem {
	ps := problems(profile.AtPath(err, path))
	if len(ps) == 0 {
		ps = append(ps, problem{Code: "invalid_event", Field: path, Message: "invalid event"})
	}
	return ps[:min(len(ps), maxDetails)]
}

// ledgerRoundRequest is the body of POST /v1/ledger/round: a round's day,
// profiles and settings as in POST /v1/proposals, without "pinned" and
// "excluded", which come from the ledger (ledger.Ledger.NextRound), as
// do the mentees' applied_on.
type ledgerRoundRequest = proposalRequest

// ledgerRoundResponse answers it: the proposal, and how the ledger and
// the profiles were reconciled (who was left out, and why).
type ledgerRoundResponse struct {
	proposalResponse
	Ledger ledger.Report `json:"ledger"`
}

func (s *server) ledgerRound(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	var req ledgerRoundRequest
	if e := s.decodePool(w, r, &req, func() (int, int) { return len(req.Mentees), len(req.Mentors) }); e != nil {
		return nil, e
	}
	var ps []problem
	if req.On.IsZero() {
		ps = append(ps, problem{Code: "invalid_request", Field: "on", Message: "the day of the round is required"})
	}
	if len(req.Pinned) > 0 {
		ps = append(ps, problem{Code: "invalid_request", Field: "pinned", Message: "the pinned duos come from the ledger"})
	}
	if len(req.Excluded) > 0 {
		ps = append(ps, problem{Code: "invalid_request", Field: "excluded", Message: "the excluded pairs come from the ledger"})
	}
	if len(ps) > 0 {
		return nil, badRequest(ps)
	}
	var (
		round match.Round
		rep   ledger.Report
		err   error
	)
	s.ledger.read(func(l *ledger.Ledger) { round, rep, err = l.NextRound(req.On, req.Mentees, req.Mentors) })
	if err != nil {
		if ps = problems(err); len(ps) == 0 {
			return nil, s.internal(err)
		}
		return nil, badRequest(ps)
	}
	round.Policy, round.Scorer = req.Policy, req.Scorer
	round.MinScore, round.Objective, round.WaitBonus = req.MinScore, req.Objective, req.WaitBonus
	req.Round = round
	resp, e := s.propose(ctx, req)
	if e != nil {
		return nil, e
	}
	return ledgerRoundResponse{proposalResponse: resp, Ledger: rep}, nil
}

func (s *server) ledgerWorklist(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	days, e := queryDates(r, "on")
	if e != nil {
		return nil, e
	}
	var wl ledger.Worklist
	s.ledger.read(func(l *ledger.Ledger) { wl = l.Worklist(days[0]) })
	return wl, nil
}

func (s *server) ledgerIndicators(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	days, e := queryDates(r, "from", "to")
	if e != nil {
		return nil, e
	}
	if days[1].Before(days[0]) {
		return nil, badRequest([]problem{{Code: "invalid_request", Field: "to", Message: "the period ends before it starts"}})
	}
	var ind ledger.Indicators
	s.ledger.read(func(l *ledger.Ledger) { ind = l.Indicators(days[0], days[1], nil) })
	return ind, nil
}

// queryDates reads the query's parameters names, each a required day
// (YYYY-MM-DD), and refuses any other parameter. Errors name the
// parameter, never its value.
func queryDates(r *http.Request, names ...string) ([]profile.Date, *apiError) {
	q := r.URL.Query()
	var ps []problem
	days := make([]profile.Date, len(names))
	for i, name := range names {
		vs := q[name]
		if len(vs) != 1 {
			ps = append(ps, problem{Code: "invalid_request", Field: name, Message: "required once, a day as YYYY-MM-DD"})
			continue
		}
		d, err := profile.ParseDate(vs[0])
		if err != nil {
			ps = append(ps, problem{Code: "invalid_request", Field: name, Message: "not a day (want YYYY-MM-DD)"})
		}
		days[i] = d
	}
	for k := range q {
		known := false
		for _, name := range names {
			known = known || k == name
		}
		if !known {
			ps = append(ps, problem{Code: "invalid_request", Field: "(query)",
				Message: "unknown parameter; want " + strings.Join(names, " and ")})
		}
	}
	if len(ps) > 0 {
		return nil, badRequest(ps)
	}
	return days, nil
}
