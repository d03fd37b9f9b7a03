package main

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// requestLog is what a request's log line says beyond its method and
// route: the status its handler wrote, and of its body counts only.
// It records the status as the ResponseWriter it wraps is written.
type requestLog struct {
	http.ResponseWriter
	status           int
	mentees, mentors int
}

type logKey struct{}

// stats returns the log of request r, nil outside logged.
func stats(r *http.Request) *requestLog {
	l, _ := r.Context().Value(logKey{}).(*requestLog)
	return l
}

// pool records the sizes of the request's pool.
func (l *requestLog) pool(mentees, mentors int) {
	if l != nil {
		l.mentees, l.mentors = mentees, mentors
	}
}

func (l *requestLog) WriteHeader(status int) {
	if l.status == 0 {
		l.status = status
	}
	l.ResponseWriter.WriteHeader(status)
}

func (l *requestLog) Write(b []byte) (int, error) {
	if l.status == 0 {
		l.status = http.StatusOK
	}
	return l.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (l *requestLog) Unwrap() http.ResponseWriter { return l.ResponseWriter }

// logged logs one line per request: method, route, status, duration and
// pool sizes. Never a body, a header, a path or a query: they may hold
// personal data. It also turns a panic into a logged 500 answer in the
// JSON shape of every error (net/http would only close the connection);
// http.ErrAbortHandler passes through.
func (s *server) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		l := &requestLog{ResponseWriter: w}
		r = r.WithContext(context.WithValue(r.Context(), logKey{}, l))
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.writeError(l, s.internal(fmt.Errorf("panic: %v", v)))
			}
			// The route's pattern, set by the mux, not the raw path: a path
			// may hold anything a client puts in it.
			route := r.Pattern
			if route == "" {
				route = "(none)"
			}
			s.log.Info("request", "method", methodName(r.Method), "route", route, "status", l.status,
				"duration", time.Since(start).Round(time.Microsecond), "mentees", l.mentees, "mentors", l.mentors)
		}()
		next.ServeHTTP(l, r)
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
