// Server is a thin HTTP server over the duo library, meant as a template
// for a nonprofit's own service. It uses the standard library only.
//
//	go run ./examples/server -addr 127.0.0.1:8080
//
// Endpoints:
//
//	POST /v1/eligibility  a profile.EligibilityCheck {"on", "policy", "mentees",
//	                      "mentors"} → each person's ID, eligible or not, and violations
//	POST /v1/proposals    a match.Round as JSON, plus "alternatives": k →
//	                      the match.Proposal, with up to k alternatives
//	                      per mentee in the optimisation
//	POST /v1/proposals/csv/{duos|unmatched|alternatives}
//	                      the same body → one table of the proposal as CSV,
//	                      written by match/sheet (UTF-8 with BOM, ';')
//	POST /v1/sheets/{mentees|mentors}
//	                      a CSV sheet → the people of the usable rows as
//	                      JSON, the problems of the others by row and
//	                      column, each person's row, the columns not read;
//	                      the columns the rules need are required
//	POST /v1/ledger/events      one ledger event or an array → appended
//	POST /v1/ledger/round       {on, policy, scorer, …, mentees, mentors,
//	                            alternatives, needs} → the next round's
//	                            proposal from the ledger, and its report
//	GET  /v1/ledger/worklist    ?on=YYYY-MM-DD → the work due
//	GET  /v1/ledger/indicators  ?from=…&to=… → the period's indicators and months
//	GET  /v1/ledger/duos        ?on=YYYY-MM-DD → every duo and what became of it
//	GET  /v1/ledger/report      ?from=…&to=…[&lang=fr] → the funder's report, an HTML page
//	GET  /healthz         200
//
// Flags (see -h): -addr, -max-body, -max-pool, -timeout (each request's,
// from its arrival; the context given to match.Propose), -max-concurrent,
// -max-queue (more get 429 with Retry-After), -max-cells (the memory
// budget of the rounds and sheets computing at once; a sheet counts five
// bytes a byte of its body) and -ledger (the programme's
// ledger file; "" for none).
//
// The ledger (package match/ledger, its file store ledger.File) holds IDs,
// dates and codes only. An event is answered only once it is on disk; at
// start the file is read whole, a last line cut by a crash is dropped
// and any other problem stops the server, with every problem and its line.
//
// GET / serves a page for coordinators (see page.go): it sends the files
// a coordinator chooses to the endpoints above and shows the answer; it
// keeps nothing.
//
// Bodies are decoded with the library's strict decoders (profile.Decode,
// ledger.DecodeEvents): an unknown field, a duplicate field, a wrong type
// or invalid UTF-8 is an error, and every problem is reported at once. A
// setting the request leaves out (or sets to 0) means the library's
// default, field by field. Errors are JSON: {"error": {"code", "message",
// "field", "id", "details"}}, with 400 for a bad request, 413 for a body
// over -max-body, 422 for a pool over -max-pool or a sheet without the
// columns the rules need, 405 for a wrong method and 503 when the work
// does not finish within -timeout.
//
// Apart from the ledger's events, the server keeps nothing: no request
// outlives its answer. It logs one line per request (method, route,
// status, duration, pool sizes), never a body or a path. On SIGINT or
// SIGTERM it stops accepting connections, cancels the requests computing
// (503), waits for the answers in flight to be written and exits with
// status 0.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/duomatch/duo/match/ledger"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	cfg := defaultConfig()
	flag.Int64Var(&cfg.maxBody, "max-body", cfg.maxBody, "largest request body in bytes")
	flag.IntVar(&cfg.maxPool, "max-pool", cfg.maxPool, "most mentees plus mentors in one request")
	flag.DurationVar(&cfg.timeout, "timeout", cfg.timeout, "time limit of each request, from its arrival")
	flag.IntVar(&cfg.maxConcurrent, "max-concurrent", cfg.maxConcurrent, "requests reading and computing at once; others wait within their time limit")
	flag.IntVar(&cfg.maxQueue, "max-queue", cfg.maxQueue, "requests admitted at once, computing or waiting; more get 429")
	flag.IntVar(&cfg.maxCells, "max-cells", cfg.maxCells, "pool cells (mentees × mentor places) computing at once, about 40 bytes each")
	ledgerPath := flag.String("ledger", "duo-ledger.jsonl", `the programme's ledger file (JSON Lines, created if missing); "" for no ledger endpoints`)
	flag.Parse()
	if cfg.maxBody <= 0 || cfg.maxPool <= 0 || cfg.timeout <= 0 || cfg.maxConcurrent <= 0 ||
		cfg.maxQueue < cfg.maxConcurrent || cfg.maxCells <= 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "server: -max-body, -max-pool, -timeout, -max-concurrent and -max-cells must be positive, -max-queue at least -max-concurrent, and there are no arguments")
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	var lf *ledger.File
	if *ledgerPath != "" {
		var err error
		if lf, err = openLedger(*ledgerPath, logger); err != nil {
			// Every problem, with its line number; the server does not
			// start on a ledger it cannot trust.
			fmt.Fprintf(os.Stderr, "server: %v\n", err)
			os.Exit(1)
		}
		defer lf.Close()
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		logger.Error("listen", "error", err.Error())
		os.Exit(1)
	}
	if err := serve(ctx, ln, newHandler(cfg, logger, lf), cfg.timeout, logger); err != nil {
		logger.Error("serve", "error", err.Error())
		os.Exit(1) // the ledger needs no closing: every accepted event is synced
	}
	logger.Info("stopped")
}

// Timeouts of the HTTP server, beyond the time limit of a request's work.
const (
	readHeaderTimeout = 5 * time.Second
	// writeSlack is the time an answer may take to be written once
	// computed.
	writeSlack = 10 * time.Second
)

// serve answers requests on ln with h until ctx is done, then shuts down:
// it stops accepting connections, cancels the context of every request
// (those computing answer 503 at once) and waits for the answers in flight
// to be written. Shutdown waits longer than any write may take (the write
// timeout), so a clean drain always finishes; serve then returns nil.
func serve(ctx context.Context, ln net.Listener, h http.Handler, timeout time.Duration, logger *slog.Logger) error {
	writeTimeout := timeout + writeSlack
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		// The handlers set a read deadline at the request's time limit;
		// this is the backstop.
		ReadTimeout: readHeaderTimeout + timeout,
		// Counted from the end of the headers: reading the body, the
		// work, writing the answer.
		WriteTimeout:   writeTimeout,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		// Every request's context ends when ctx does: a computing request
		// stops at once on SIGTERM.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	logger.Info("listening", "addr", ln.Addr().String())

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	grace, cancel := context.WithTimeout(context.Background(), writeTimeout+5*time.Second)
	defer cancel()
	if err := srv.Shutdown(grace); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
