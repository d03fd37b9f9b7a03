package main

import (
	"bytes"
	"embed"
	"net/http"
	"path"
	"strconv"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/profile"
)

// The coordinator's page: plain HTML, CSS and JavaScript embedded in the
// binary, with no CDN and no build step, so that it works offline. It
// reads the sheets a coordinator chooses in the browser tab, keeps their
// names there (they are never sent), sends the columns the library reads
// to /v1/sheets/{kind}, then the people to /v1/eligibility and
// /v1/proposals, and downloads the proposal's tables from
// /v1/proposals/csv/{table}. Its words are in page/words.js, in the four
// languages.
//
//go:embed page
var pageFiles embed.FS

// pageTypes are the page's files and their content types.
var pageTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
}

// page registers GET / and the page's assets. The spreadsheet endpoints
// the page uses are in sheet.go.
func (s *server) page(mux *http.ServeMux) {
	entries, err := pageFiles.ReadDir("page")
	if err != nil {
		panic("page: " + err.Error()) // the files are embedded: a build error
	}
	for _, e := range entries {
		name := e.Name()
		b, err := pageFiles.ReadFile("page/" + name)
		if err != nil {
			panic("page: " + err.Error())
		}
		route := "GET /" + name
		if name == "index.html" {
			route = "GET /{$}"
			b = bytes.Replace(b, []byte(`<html lang="en">`), []byte(`<html lang="en" data-max-body="`+strconv.FormatInt(s.cfg.maxBody, 10)+`">`), 1)
		}
		mux.HandleFunc(route, s.pageFile(b, pageTypes[path.Ext(name)], name == "index.html"))
	}
}

// pageFile serves one of the page's files. The page itself is written in
// the request's language (see requestLang): its <html lang> tells the
// page's script which words to show until the coordinator switches.
func (s *server) pageFile(b []byte, contentType string, localized bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", contentType)
		// Only this server's own files run on the page.
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		body := b
		if localized {
			tag, _ := requestLang(r)
			h.Set("Vary", "Accept-Language")
			h.Set("Content-Language", tag.String())
			base, _ := tag.Base()
			body = bytes.Replace(b, []byte(`<html lang="en"`), []byte(`<html lang="`+base.String()+`"`), 1)
		}
		_, _ = w.Write(body)
	}
}

// requestLang is the language a request asks for: ?lang= (en, fr, nl,
// de, or any tag close to one of them) when given, else the
// Accept-Language header; English when neither names a language duo
// speaks (profile.MatchLanguage). ok is false when ?lang= is given but
// not exactly once as a language tag; lang is then the first ?lang= when
// it is a tag, or else the header's.
func requestLang(r *http.Request) (lang language.Tag, ok bool) {
	vs := r.URL.Query()["lang"]
	if len(vs) > 0 {
		if tag, err := language.Parse(vs[0]); err == nil {
			return profile.MatchLanguage(tag.String()), len(vs) == 1
		}
	}
	return profile.MatchLanguage(r.Header.Get("Accept-Language")), len(vs) == 0
}
