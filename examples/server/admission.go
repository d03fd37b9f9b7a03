package main

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"golang.org/x/sync/semaphore"
)

// admission bounds the work in flight, so that no mix of requests can
// exhaust the server's memory or make every request time out:
//
//   - queue: at most cfg.maxQueue requests are admitted at once (waiting
//     or working); the next one gets 429 with Retry-After at once;
//   - slots: at most cfg.maxConcurrent of them read their body and
//     compute at the same time; the others wait, within their time limit;
//   - cells: the rounds computing at once hold at most cfg.maxCells pool
//     cells (mentees × mentor seats), the measure of a round's memory.
//
// Each is a weighted semaphore (golang.org/x/sync/semaphore); waiters are
// served in arrival order.
//
// The time limit counts from the request's arrival: waiting in the queue,
// reading the body and computing all spend it.
type admission struct {
	queue, slots, cells *semaphore.Weighted
}

func newAdmission(cfg config) *admission {
	return &admission{
		queue: semaphore.NewWeighted(int64(max(cfg.maxQueue, 1))),
		slots: semaphore.NewWeighted(int64(max(cfg.maxConcurrent, 1))),
		cells: semaphore.NewWeighted(int64(cfg.maxCells)),
	}
}

// retryAfter is what a 429 answer asks a client to wait, in seconds.
const retryAfter = 2

// work is a request's work once admitted: it reads the body, computes and
// returns the answer's value or an error. ctx ends at the request's
// deadline, or when the client goes away or the server shuts down.
type work func(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError)

// admitted runs fn under admission control, then encodes its answer into a
// buffer, frees the computing slot and only then writes the answer, so
// that a client that reads slowly holds no slot.
func (s *server) admitted(fn work) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		arrival := time.Now()
		// Refused before reading anything: with "Expect: 100-continue" the
		// client gets 413 instead of 100 Continue.
		if r.ContentLength > s.cfg.maxBody {
			s.writeError(w, s.requestError(&http.MaxBytesError{Limit: s.cfg.maxBody}))
			return
		}
		if !s.adm.queue.TryAcquire(1) {
			w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
			s.writeError(w, &apiError{status: http.StatusTooManyRequests, Code: "busy",
				Message: "the server has too many requests waiting; retry later"})
			return
		}
		defer s.adm.queue.Release(1)
		// The library's readers return this reader's errors wrapped
		// (readError).
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.maxBody)
		deadline := arrival.Add(s.cfg.timeout)
		ctx, cancel := context.WithDeadline(r.Context(), deadline)
		defer cancel()
		// A body still arriving at the deadline fails to read.
		_ = http.NewResponseController(w).SetReadDeadline(deadline)

		if err := s.adm.slots.Acquire(ctx, 1); err != nil {
			s.writeError(w, s.cancelled(err))
			return
		}
		status, f := s.reply(fn(ctx, w, r))
		s.adm.slots.Release(1)
		write(w, status, f)
	}
}
