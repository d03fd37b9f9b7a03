package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/duomatch/duo/internal/browsertest"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

// TestPageServed checks the page and its assets without a browser: served
// from the binary, with a policy that lets only this server's own files
// run, in the language the request asks for.
func TestPageServed(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	for path, want := range map[string]string{"/": `<html lang="en" data-max-body="`, "/app.js": "async function readPeople(",
		"/words.js": "const WORDS = {", "/style.css": ".parts"} {
		rec := do(h, "GET", path, "")
		require.Equal(t, http.StatusOK, rec.Code, path)
		assert.Contains(t, rec.Body.String(), want, path)
		assert.Contains(t, rec.Header().Get("Content-Security-Policy"), "default-src 'self'", path)
	}
	assert.Equal(t, http.StatusNotFound, do(h, "GET", "/index.html", "").Code)
	for _, c := range []struct{ query, accept, want string }{
		{"", "", "en"},
		{"", "fr-BE,fr;q=0.9,en;q=0.5", "fr"},
		{"", "nl", "nl"},
		{"", "de-DE", "de"},
		{"", "es, it", "en"},
		{"?lang=nl", "fr-BE", "nl"},
		{"?lang=fr", "", "fr"},
		{"?lang=xx-not-a-tag!", "de", "de"},
	} {
		req := httptest.NewRequest("GET", "/"+c.query, nil)
		req.Header.Set("Accept-Language", c.accept)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		require.Equal(t, http.StatusOK, rec.Code)
		assert.Contains(t, rec.Body.String(), `<html lang="`+c.want+`"`, "%+v", c)
		assert.Equal(t, "Accept-Language", rec.Header().Get("Vary"))
	}
}

// browserContext starts headless Chromium for a test (see
// internal/browsertest).
func browserContext(t *testing.T) context.Context {
	return browsertest.Context(t, 1280, 800)
}

// recorder keeps every request body the server receives: what left the
// tab.
type recorder struct {
	mu     sync.Mutex
	bodies []string
	paths  []string
}

func (rc *recorder) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		rc.bodies = append(rc.bodies, string(b))
		rc.paths = append(rc.paths, r.Method+" "+r.URL.Path)
		rc.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(b))
		h.ServeHTTP(w, r)
	})
}

// apiCalls counts the requests to the API (not the page's files).
func (rc *recorder) apiCalls() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	n := 0
	for _, p := range rc.paths {
		if strings.Contains(p, "/v1/") {
			n++
		}
	}
	return n
}

// pageServer serves the page with cfg, recording what it receives.
func pageServer(t *testing.T, cfg config) (*httptest.Server, *recorder) {
	h, _ := newTestHandler(cfg)
	rc := &recorder{}
	srv := httptest.NewServer(rc.wrap(h))
	t.Cleanup(srv.Close)
	return srv, rc
}

// Names for the sheets: a coordinator's own columns, never sent.
var (
	firstNames = []string{"Amélie", "Yusuf", "Fatima", "Joris", "Ségolène", "Karim", "Liesbeth", "Ömer", "Nadia", "Pieter"}
	lastNames  = []string{"Vandenbroucke", "El Idrissi", "Demir", "Peeters", "Lambert", "Nguyen", "Claes", "Diallo"}
)

// nameOf is the name the sheets give person i of a side.
func nameOf(side string, i int) (first, last string) {
	off := 0
	if side == "mentors" {
		off = 3
	}
	return firstNames[(i+off)%len(firstNames)], lastNames[(i*3+off)%len(lastNames)] + fmt.Sprintf("-%s%d", side[:2], i+1)
}

var isoDate = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

// coordinatorSheets writes the sample's sheets as a coordinator keeps
// them: the mentees as Dutch Excel saves them (Windows-1252, Dutch
// headings, dates day first, Voornaam and Achternaam columns), the
// mentors as a French sheet (UTF-8 with a BOM, Prénom and Nom columns).
// It returns the two paths and every name written.
func coordinatorSheets(t *testing.T, dir string) (mentees, mentors string, names []string) {
	t.Helper()
	dutch := map[string]string{"id": "Identificatie", "birth_date": "Geboortedatum", "languages": "Talen", "city": "Gemeente",
		"availability": "Beschikbaarheid", "interests": "Interesses", "sectors": "Sectoren", "applied_on": "Aanmeldingsdatum"}
	french := map[string]string{"id": "Identifiant", "birth_date": "Date de naissance", "languages": "Langues", "city": "Commune",
		"availability": "Disponibilités", "weekly_hours": "Heures par semaine", "trained": "Formé"}
	write := func(side string, headings map[string]string, first, last string, encode func(string) []byte) string {
		rows := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(sampleCSV(t, side)), "\ufeff")), "\n")
		var out []string
		for i, row := range rows {
			cells := splitSemicolons(strings.TrimRight(row, "\r"))
			if i == 0 {
				for j, c := range cells {
					if h, ok := headings[c]; ok {
						cells[j] = h
					}
				}
				out = append(out, strings.Join(append([]string{first, last}, cells...), ";"))
				continue
			}
			for j, c := range cells {
				if m := isoDate.FindStringSubmatch(c); m != nil {
					cells[j] = m[3] + "/" + m[2] + "/" + m[1]
				}
			}
			f, l := nameOf(side, i-1)
			names = append(names, f, l)
			out = append(out, strings.Join(append([]string{f, l}, cells...), ";"))
		}
		path := filepath.Join(dir, side+".csv")
		require.NoError(t, os.WriteFile(path, encode(strings.Join(out, "\r\n")+"\r\n"), 0o644))
		return path
	}
	windows1252 := func(s string) []byte {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		require.NoError(t, err)
		return b
	}
	mentees = write("mentees", dutch, "Voornaam", "Achternaam", windows1252)
	mentors = write("mentors", french, "Prénom", "Nom", func(s string) []byte { return []byte("\ufeff" + s) })
	return mentees, mentors, names
}

// splitSemicolons splits a sample row on ';' outside quotes, keeping the
// quotes.
func splitSemicolons(row string) []string {
	var cells []string
	var cur strings.Builder
	quoted := false
	for _, r := range row {
		switch {
		case r == '"':
			quoted = !quoted
			cur.WriteRune(r)
		case r == ';' && !quoted:
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteRune(r)
		}
	}
	return append(cells, cur.String())
}

// libraryRound is the round the library reads from the coordinator's
// sheets on 2026-11-23 (the names are columns it does not read).
func libraryRound(t *testing.T, mentees, mentors string) match.Round {
	t.Helper()
	me, err := os.ReadFile(mentees)
	require.NoError(t, err)
	mo, err := os.ReadFile(mentors)
	require.NoError(t, err)
	ms, _, err := sheet.ReadMentees(bytes.NewReader(me), sheet.Options{})
	require.NoError(t, err)
	mos, _, err := sheet.ReadMentors(bytes.NewReader(mo), sheet.Options{})
	require.NoError(t, err)
	return match.Round{On: profile.MustDate(2026, 11, 23), Mentees: ms, Mentors: mos}
}

// upload chooses the two sheets and the day, and proposes.
func upload(mentees, mentors string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.SetUploadFiles("#mentees-file", []string{mentees}, chromedp.ByQuery),
		chromedp.SetUploadFiles("#mentors-file", []string{mentors}, chromedp.ByQuery),
		chromedp.SetValue("#on", "2026-11-23", chromedp.ByQuery),
		chromedp.Click("#run", chromedp.ByQuery),
	}
}

// waitStatus waits until the status line holds s.
func waitStatus(s string) chromedp.Action {
	b, _ := json.Marshal(s)
	return chromedp.Poll(`document.getElementById("status").textContent.includes(`+string(b)+`)`, nil, chromedp.WithPollingTimeout(60*time.Second))
}

func text(sel string, out *string) chromedp.Action { return chromedp.Text(sel, out, chromedp.ByQuery) }

// eval evaluates a script (awaiting a promise) into out.
func eval(js string, out any) chromedp.Action {
	return chromedp.Evaluate(js, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })
}

// phone and desktop are the viewports the page is checked at.
func viewport(w, h int64, mobile bool) chromedp.Action {
	return emulation.SetDeviceMetricsOverride(w, h, 1, mobile)
}

// figures is what a round proposes and who is eligible.
type figures struct{ proposed, mentees, mentors int }

func figuresOf(t *testing.T, r match.Round) figures {
	t.Helper()
	p, err := match.Propose(context.Background(), r)
	require.NoError(t, err)
	var f figures
	for _, d := range p.Duos {
		if !d.Pinned {
			f.proposed++
		}
	}
	policy := profile.DefaultPolicy()
	for _, m := range r.Mentees {
		if len(policy.CheckMentee(m, r.On)) == 0 {
			f.mentees++
		}
	}
	for _, m := range r.Mentors {
		if len(policy.CheckMentor(m, r.On)) == 0 {
			f.mentors++
		}
	}
	return f
}
