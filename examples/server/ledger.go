package main

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/match/ledger/report"
	"github.com/duomatch/duo/profile"
)

// The ledger's endpoints. The ledger holds IDs, dates and codes; the
// profiles stay with the caller, who sends them with each round, so the
// indicators are overall only (grouping by city needs the profiles).

// openLedger opens the ledger file at path (ledger.OpenFile) and logs what
// it found and repaired.
func openLedger(path string, logger *slog.Logger) (*ledger.File, error) {
	lf, err := ledger.OpenFile(path, ledger.Options{})
	if err != nil {
		return nil, err
	}
	switch rec := lf.Recovery(); {
	case rec.DroppedLine > 0:
		logger.Warn("ledger: dropped the unacknowledged end of an interrupted write (a cut line or a cut batch)",
			"line", rec.DroppedLine, "bytes", rec.DroppedBytes, "events", rec.DroppedEvents)
	case rec.AddedNewline:
		logger.Info("ledger: added the newline missing at the end of the file")
	}
	lf.View(func(l *ledger.Ledger) { logger.Info("ledger", "events", l.Len()) })
	return lf, nil
}

// eventsResponse says how many events a request added and the ledger holds.
type eventsResponse struct {
	Accepted int `json:"accepted"`
	Events   int `json:"events"`
}

// ledgerEvents answers POST /v1/ledger/events: one event or an array of
// at most -max-pool (ledger.DecodeEvents), appended all or none, on disk
// before the answer (ledger.File.Append).
func (s *server) ledgerEvents(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	batch, err := ledger.DecodeEvents(r.Body, s.decodeOptions())
	if err != nil {
		return nil, s.readError(err)
	}
	n, err := s.ledger.Append(batch)
	if err != nil {
		return nil, s.requestError(err)
	}
	return eventsResponse{Accepted: len(batch.Events), Events: n}, nil
}

// ledgerRound answers POST /v1/ledger/round: the proposal, and how the
// ledger and the profiles were reconciled (proposalResponse.Ledger). Its
// body is a round's day, profiles and settings as in POST /v1/proposals,
// the template of ledger.Ledger.NextRound, without "pinned" and
// "excluded", which come from the ledger, as do the mentees' applied_on.
func (s *server) ledgerRound(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	req, e := s.decodeRound(r, false)
	if e != nil {
		return nil, e
	}
	var rep ledger.Report
	var err error
	s.ledger.View(func(l *ledger.Ledger) { req.Round, rep, err = l.NextRound(req.Round) })
	if err != nil {
		return nil, s.requestError(err)
	}
	resp, e := s.propose(ctx, req)
	resp.Ledger = &rep
	return resp, e
}

// ledgerGet answers a GET of the ledger with what read reads in a view of
// it on the days of the query's parameters names (queryDays): worklist,
// duos, indicators.
func (s *server) ledgerGet(read func(l *ledger.Ledger, days []profile.Date) any, names ...string) work {
	return func(ctx context.Context, w http.ResponseWriter, r *http.Request) (v any, e *apiError) {
		days, e := queryDays(r.URL.Query(), names...)
		if e == nil {
			s.ledger.View(func(l *ledger.Ledger) { v = read(l, days) })
		}
		return v, e
	}
}

// worklist is the work due on the day ?on= ((*ledger.Ledger).Worklist).
func worklist(l *ledger.Ledger, on []profile.Date) any { return l.Worklist(on[0]) }

// duos is every duo by the day ?on= and what became of it
// ((*ledger.Ledger).Duos).
func duos(l *ledger.Ledger, on []profile.Date) any { return l.Duos(on[0]) }

// indicators are the indicators of the period ?from=…&to=… and its
// months' counts.
func indicators(l *ledger.Ledger, period []profile.Date) any {
	return indicatorsResponse{l.Indicators(period[0], period[1], nil), l.Months(period[0], period[1])}
}

// indicatorsResponse is the period's indicators and its months' counts.
type indicatorsResponse struct {
	ledger.Indicators
	Months []ledger.Month `json:"months"`
}

// ledgerReport answers GET /v1/ledger/report?from=…&to=…[&lang=…]: the
// funder's report of the period (package report), an HTML page in the
// language of lang, or else of the Accept-Language header. The ledger
// holds no profiles, so its equity report is by referral partner only.
func (s *server) ledgerReport(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	lang, ok := requestLang(r)
	if !ok {
		return nil, badRequest(invalid("lang", "at most once, a language tag such as fr, nl, de or en"))
	}
	q := r.URL.Query()
	delete(q, "lang")
	days, e := queryDays(q, "from", "to")
	if e != nil {
		return nil, e
	}
	var b bytes.Buffer
	var err error
	s.ledger.View(func(l *ledger.Ledger) {
		opt := report.Options{Lang: lang, Groupings: []ledger.Grouping{{Name: "referral", Of: l.Referrals(days[1])}}}
		err = report.Write(&b, l, days[0], days[1], opt)
	})
	if err != nil {
		return nil, s.requestError(err) // a bytes.Buffer does not fail
	}
	return fileAnswer{contentType: "text/html; charset=utf-8", body: b.Bytes(),
		csp: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"}, nil
}

// queryDays reads the query's parameters names, each a required day
// (YYYY-MM-DD) no earlier than the one before it (a period's "to" is not
// before its "from"), and refuses any other parameter. Errors name the
// parameter, never its value.
func queryDays(q url.Values, names ...string) ([]profile.Date, *apiError) {
	var ps []problem
	days := make([]profile.Date, len(names))
	for i, name := range names {
		err := errors.New("not given once")
		if vs := q[name]; len(vs) == 1 {
			days[i], err = profile.ParseDate(vs[0])
		}
		if err != nil {
			ps = append(ps, invalid(name, "required once, a day as YYYY-MM-DD"))
		}
		delete(q, name)
	}
	for range q {
		ps = append(ps, invalid("(query)", "unknown parameter; want "+strings.Join(names, " and ")))
	}
	for i := 1; len(ps) == 0 && i < len(days); i++ {
		if days[i].Before(days[i-1]) {
			ps = append(ps, invalid(names[i], "the period ends before it starts"))
		}
	}
	if len(ps) > 0 {
		return nil, badRequest(ps...)
	}
	return days, nil
}
