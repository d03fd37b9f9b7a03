package main

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// requestStats is what a request's log line says of its body: counts only.
type requestStats struct {
	mentees, mentors int
}

func (st *requestStats) pool(mentees, mentors int) {
	if st != nil {
		st.mentees, st.mentors = mentees, mentors
	}
}

type statsKey struct{}

func stats(r *http.Request) *requestStats {
	st, _ := r.Context().Value(statsKey{}).(*requestStats)
	return st
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// logged logs one line per request: method, route, status, duration and
// pool sizes. Never a body, a header, a path or a query: they may hold
// personal data.
func (s *server) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		st := &requestStats{}
		rec := &statusRecorder{ResponseWriter: w}
		r = r.WithContext(context.WithValue(r.Context(), statsKey{}, st))
		next.ServeHTTP(rec, r)
		// The route's pattern, set by the mux, not the raw path: a path
		// may hold anything a client puts in it.
		route := r.Pattern
		if route == "" {
			route = "(none)"
		}
		s.log.Info("request", "method", methodName(r.Method), "route", route, "status", rec.status,
			"duration", time.Since(start).Round(time.Microsecond), "mentees", st.mentees, "mentors", st.mentors)
	})
}

// recovered turns a panic into a logged 500 answer in the JSON shape of
// every error (net/http would only close the connection).
// http.ErrAbortHandler passes through.
func (s *server) recovered(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.writeError(w, s.internal(fmt.Errorf("panic: %v", v)))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// methodName is a request's method for the log: one of HTTP's methods, or
// "(other)" for anything a client made up.
func methodName(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodConnect, http.MethodOptions, http.MethodTrace:
		return m
	}
	return "(other)"
}
