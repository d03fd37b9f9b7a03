// Server is a thin HTTP server over the duo library, meant as a template
// for a nonprofit's own service. It does HTTP only (routing, admission,
// limits, errors as JSON, the coordinators' page); every answer is the
// library's.
//
//	go run ./examples/server -addr 127.0.0.1:8080
//
// Its endpoints are registered in newHandler and documented each on its
// handler and together in the README ("The example server"): eligibility,
// proposals and their CSV tables, sheets, the ledger's events, round,
// worklist, indicators, duos and report, and GET / for the page (page.go).
// Its flags are listed by -h; its error answers by apiError.
//
// The ledger file (package match/ledger, ledger.File) holds IDs, dates
// and codes only. An event is answered once it is on disk; at start a
// last line or batch cut by a crash is dropped, and any other problem
// stops the server with every problem and its line. Apart from it the
// server keeps nothing: no request outlives its answer, and the one log
// line per request (method, route, status, duration, pool sizes) never
// holds a body, a path or a query. On SIGINT or SIGTERM it stops
// accepting connections, cancels the requests computing (503), waits for
// the answers in flight and exits with status 0.
//
// Besides the library it uses golang.org/x/sync/semaphore, the Go team's
// weighted semaphore, for admission by memory (admission.go).
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
