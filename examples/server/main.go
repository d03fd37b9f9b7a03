// Server is a thin HTTP server over the duo library, meant as a template
// for a nonprofit's own service. It uses the standard library only.
//
//	go run ./examples/server -addr 127.0.0.1:8080
//
// Endpoints:
//
//	POST /v1/eligibility  {"on", "policy", "mentees", "mentors"} → each
//	                      person's ID, eligible or not, and violations
//	POST /v1/proposals    a match.Round as JSON, plus "alternatives": k →
//	                      the match.Proposal, with up to k alternatives
//	                      per mentee in the optimisation
//	GET  /healthz         200
//
// Flags: -addr (default 127.0.0.1:8080), -max-body (bytes, default 8 MiB),
// -max-pool (mentees plus mentors, default 20000), -timeout (each
// request's work, default 30s; it is the context given to match.Propose)
// and -max-concurrent (requests computing at once, default GOMAXPROCS; the
// others wait within their timeout).
//
// Bodies are decoded with the library's strict decoder (profile.Decode):
// an unknown field, a duplicate field, a wrong type or invalid UTF-8 is an
// error, and every problem is reported at once. A setting the request
// leaves out (or sets to 0) means the library's default, field by field,
// so a request names only the settings it changes. Errors are JSON:
// {"error": {"code", "message", "field", "id", "details"}}, with 400 for a
// bad request, 413 for a body over -max-body, 422 for a pool over
// -max-pool, 405 for a wrong method and 503 when the work does not finish
// within -timeout.
//
// The server keeps nothing: no request outlives its answer. It logs one
// line per request (method, route, status, duration, pool sizes), never a
// body or a path. On SIGINT or SIGTERM it stops accepting connections and lets the
// requests in flight finish.
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
	"runtime"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	cfg := config{}
	flag.Int64Var(&cfg.maxBody, "max-body", 8<<20, "largest request body in bytes")
	flag.IntVar(&cfg.maxPool, "max-pool", 20000, "most mentees plus mentors in one request")
	flag.DurationVar(&cfg.timeout, "timeout", 30*time.Second, "time limit of each request's work")
	flag.IntVar(&cfg.maxConcurrent, "max-concurrent", runtime.GOMAXPROCS(0), "requests computing at once; others wait within their time limit")
	flag.Parse()
	if cfg.maxBody <= 0 || cfg.maxPool <= 0 || cfg.timeout <= 0 || cfg.maxConcurrent <= 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "server: -max-body, -max-pool, -timeout and -max-concurrent must be positive, and there are no arguments")
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		logger.Error("listen", "error", err.Error())
		os.Exit(1)
	}
	if err := serve(ctx, ln, newHandler(cfg, logger), cfg.timeout, logger); err != nil {
		logger.Error("serve", "error", err.Error())
		os.Exit(1)
	}
}

// serve answers requests on ln with h until ctx is done, then shuts down
// gracefully: it stops accepting connections and waits for the requests in
// flight, at most a little longer than one request's time limit. It
// returns nil after a clean shutdown.
func serve(ctx context.Context, ln net.Listener, h http.Handler, timeout time.Duration, logger *slog.Logger) error {
	const readTimeout = 30 * time.Second
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       readTimeout,
		// Counted from the end of the headers: reading the body, the
		// work, writing the answer.
		WriteTimeout:   readTimeout + timeout + 10*time.Second,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
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
	grace, cancel := context.WithTimeout(context.Background(), timeout+10*time.Second)
	defer cancel()
	if err := srv.Shutdown(grace); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
