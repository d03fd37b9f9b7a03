package main

import (
	"embed"
	"net/http"
)

// The coordinator's page: plain HTML, CSS and JavaScript embedded in the
// binary, with no CDN and no build step, so that it works offline. It
// reads the files a coordinator chooses in the browser tab (a CSV file
// through /v1/sheets/{kind}), sends them to /v1/eligibility and
// /v1/proposals, downloads the proposal's tables from
// /v1/proposals/csv/{table}, and keeps nothing: personal data lives in the
// tab and in the requests only.
//
//go:embed page
var pageFiles embed.FS

// page registers GET / and the page's assets. The spreadsheet endpoints
// the page uses are in sheet.go.
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
}
