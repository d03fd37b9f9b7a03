package main

import (
	"context"
	"embed"
	"io"
	"net/http"
)

// The coordinator's page: plain HTML, CSS and JavaScript embedded in the
// binary, with no CDN and no build step, so that it works offline. It
// reads the files a coordinator chooses in the browser tab, sends them to
// /v1/eligibility and /v1/proposals, and keeps nothing: personal data
// lives in the tab and in the requests only.
//
//go:embed page
var pageFiles embed.FS

// page registers GET / and the page's assets, and the seam for
// spreadsheets (POST /v1/sheets/{kind}).
func (s *server) page(mux *http.ServeMux) {
	serve := func(name, contentType string) http.HandlerFunc {
		b, err := pageFiles.ReadFile("page/" + name)
		if err != nil {
			panic("page: " + err.Error()) // the files are embedded: a build error
		}
		return func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("Content-Type", contentType)
			// Only this server's own files run on the page.
			h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "no-referrer")
			_, _ = w.Write(b)
		}
	}
	mux.HandleFunc("GET /{$}", serve("index.html", "text/html; charset=utf-8"))
	mux.HandleFunc("GET /app.js", serve("app.js", "text/javascript; charset=utf-8"))
	mux.HandleFunc("GET /style.css", serve("style.css", "text/css; charset=utf-8"))
	mux.HandleFunc("POST /v1/sheets/{kind}", s.admitted(s.sheet))
}

// sheet answers POST /v1/sheets/{kind} (kind "mentees" or "mentors"): a
// spreadsheet saved as CSV in the body, answered with the people as the
// JSON the other endpoints take. It is the seam where CSV reading plugs
// in: see readSheet.
func (s *server) sheet(ctx context.Context, w http.ResponseWriter, r *http.Request) (any, *apiError) {
	kind := r.PathValue("kind")
	if kind != "mentees" && kind != "mentors" {
		return nil, &apiError{status: http.StatusNotFound, Code: "not_found", Message: `no such list; want "mentees" or "mentors"`}
	}
	return readSheet(kind, &bodyReader{r: http.MaxBytesReader(w, r.Body, s.cfg.maxBody)})
}

// readSheet reads a CSV list of mentees or mentors.
//
// SEAM (CSV): the package match/sheet is not in this tree yet. When it
// is, read with sheet.ReadMentees / sheet.ReadMentors (bounded by
// -max-pool), map its errors (row, column, ID; never a cell's value) to
// 400 problems with requestError, and return the people. Until then a CSV
// is refused with 415, and the page asks for JSON.
func readSheet(kind string, body io.Reader) (any, *apiError) {
	_ = body
	return nil, &apiError{status: http.StatusUnsupportedMediaType, Code: "csv_unavailable",
		Message: "this server cannot read CSV files yet; save the " + kind + " as JSON"}
}
