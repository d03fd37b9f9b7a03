package main

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"
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
// The time limit counts from the request's arrival: waiting in the queue,
// reading the body and computing all spend it.
type admission struct {
	queue chan struct{}
	slots chan struct{}
	cells *budget
}

func newAdmission(cfg config) *admission {
	return &admission{
		queue: make(chan struct{}, max(cfg.maxQueue, 1)),
		slots: make(chan struct{}, max(cfg.maxConcurrent, 1)),
		cells: &budget{free: int64(cfg.maxCells)},
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
		select {
		case s.adm.queue <- struct{}{}:
			defer func() { <-s.adm.queue }()
		default:
			w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
			s.writeError(w, &apiError{status: http.StatusTooManyRequests, Code: "busy",
				Message: "the server has too many requests waiting; retry later"})
			return
		}
		deadline := arrival.Add(s.cfg.timeout)
		ctx, cancel := context.WithDeadline(r.Context(), deadline)
		defer cancel()
		// A body still arriving at the deadline fails to read.
		_ = http.NewResponseController(w).SetReadDeadline(deadline)

		select {
		case s.adm.slots <- struct{}{}:
		case <-ctx.Done():
			s.writeError(w, s.cancelled(ctx.Err()))
			return
		}
		v, e := fn(ctx, w, r)
		status := http.StatusOK
		f, ok := v.(fileAnswer)
		if !ok || e != nil {
			if e != nil {
				status, v = e.status, errorBody{e}
			}
			var b []byte
			b, status = s.encode(status, v)
			f = fileAnswer{contentType: "application/json", body: append(b, '\n')}
		}
		<-s.adm.slots
		write(w, status, f)
	}
}

// budget is a weighted semaphore: acquire takes n units, waiting in
// arrival order while fewer are free.
type budget struct {
	mu      sync.Mutex
	free    int64
	waiters []*waiter
}

type waiter struct {
	n     int64
	ready chan struct{}
}

// acquire takes n units, or returns ctx's error if ctx ends first. n must
// not exceed the budget's size.
func (b *budget) acquire(ctx context.Context, n int64) error {
	b.mu.Lock()
	if len(b.waiters) == 0 && b.free >= n {
		b.free -= n
		b.mu.Unlock()
		return nil
	}
	wt := &waiter{n: n, ready: make(chan struct{})}
	b.waiters = append(b.waiters, wt)
	b.mu.Unlock()
	select {
	case <-wt.ready:
		return nil
	case <-ctx.Done():
		b.mu.Lock()
		defer b.mu.Unlock()
		select {
		case <-wt.ready: // granted meanwhile: give it back
			b.free += n
			b.grant()
		default:
			for i, x := range b.waiters {
				if x == wt {
					b.waiters = append(b.waiters[:i], b.waiters[i+1:]...)
					break
				}
			}
			b.grant() // the head may have changed
		}
		return ctx.Err()
	}
}

// release gives back n units.
func (b *budget) release(n int64) {
	b.mu.Lock()
	b.free += n
	b.grant()
	b.mu.Unlock()
}

// grant wakes the waiters at the head of the line that now fit; b.mu is
// held.
func (b *budget) grant() {
	for len(b.waiters) > 0 && b.waiters[0].n <= b.free {
		b.free -= b.waiters[0].n
		close(b.waiters[0].ready)
		b.waiters = b.waiters[1:]
	}
}
