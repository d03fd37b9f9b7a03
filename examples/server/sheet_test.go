package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/examples/internal/sample"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

// sampleCSV returns examples/sample/<kind>.csv, the sample pool as a
// coordinator's spreadsheet.
func sampleCSV(t *testing.T, kind string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "sample", kind+".csv"))
	require.NoError(t, err)
	return b
}

// TestSheets posts CSV sheets to /v1/sheets/{kind}: the people come back
// as the library reads them (the oracle), with the columns not read;
// problems come back all at once, each with its row, column and ID,
// never a cell.
func TestSheets(t *testing.T) {
	// The sheets have the columns the rules need (languages and
	// availability), which the server requires.
	personal := "First name,id,E-mail,Phone,birth_date,langauges,languages,availability\n" +
		"Amina,me-201,amina@example.org,+32 470 12 34 56,2002-03-04,fr:C1,fr:C1,mon-evening\n"
	bad := "id;birth_date;birth_country;registered;languages;availability\n" +
		"me-1;31/02/2001;MA;oui;fr:C1;ma-avond\n" + // row 2: no 31 February
		"me-2;2001-04-12;XX;oui;fr:C1;ma-avond\n" + // row 3: unknown country
		"me-3;12/04/2001;MA;peut-être;fr-C1;ma-avond\n" // row 4: not yes or no, no level
	tests := []struct {
		name, kind, body string
		status           int
		code             string                // of an error answer; "" means invalid_sheet, as does a problem's
		ignored          []sheet.IgnoredColumn // for a 200
		problems         []problem             // row, column, ID, field: of an error, or of the rows not read
		secrets          []string              // cells that must not come back
	}{
		{name: "sample mentees", kind: "mentees", body: string(sampleCSV(t, "mentees")), status: http.StatusOK, ignored: []sheet.IgnoredColumn{}},
		{name: "sample mentors", kind: "mentors", body: string(sampleCSV(t, "mentors")), status: http.StatusOK, ignored: []sheet.IgnoredColumn{}},
		{name: "personal columns ignored and listed", kind: "mentees", body: personal, status: http.StatusOK,
			ignored: []sheet.IgnoredColumn{{Heading: "First name"}, {Heading: "E-mail"}, {Heading: "Phone"}, {Heading: "langauges", Likely: "languages"}},
			secrets: []string{"Amina", "amina@example.org", "470"}},
		// Partial intake: the usable rows (none here) with every problem.
		{name: "every problem of a sheet", kind: "mentees", body: bad, status: http.StatusOK,
			problems: []problem{
				{Row: 2, Column: "birth_date", ID: "me-1", Field: "birth_date"},
				{Row: 3, Column: "birth_country", ID: "me-2", Field: "background.birth_country"},
				{Row: 4, Column: "registered", ID: "me-3", Field: "job_seeker.registered"},
				{Row: 4, Column: "languages", ID: "me-3", Field: "languages"},
			},
			ignored: []sheet.IgnoredColumn{}, secrets: []string{"31/02/2001", "XX", "peut-être", "fr-C1"}},
		{name: "required column missing", kind: "mentors", body: "id;gender;languages;availability\nmo-1;female;fr:C1;ma-avond\n", status: http.StatusBadRequest,
			problems: []problem{{Row: 1, Column: "birth_date"}}},
		// Issue 19: the columns the rules of a round need are required; a
		// sheet that lacks only those reads, but no pair of its people
		// could pass the rules: 422, each column named.
		{name: "the columns the rules need", kind: "mentees", body: "id;birth_date\nme-1;2001-04-12\n", status: http.StatusUnprocessableEntity,
			code: "missing_column", problems: []problem{{Code: "missing_column", Row: 1, Column: "languages", Field: "languages"},
				{Code: "missing_column", Row: 1, Column: "availability", Field: "availability"}}},
		{name: "a misspelt column the rules need", kind: "mentors", body: "id;birth_date;langauges;availability\nmo-1;1958-09-02;Amina;ma-avond\n",
			status: http.StatusUnprocessableEntity, code: "missing_column", problems: []problem{{Code: "missing_column", Row: 1, Column: "languages"}}, secrets: []string{"Amina"}},
		{name: "an alias of each will do", kind: "mentors", body: "id;birth_date;talen;beschikbaarheid\nmo-1;1958-09-02;nl:C1;ma-avond\n",
			status: http.StatusOK, ignored: []sheet.IgnoredColumn{}},
		{name: "a sheet that cannot be read is a 400 first", kind: "mentees", body: "id;languages\nme-1;fr:C1\n", status: http.StatusBadRequest,
			problems: []problem{{Row: 1, Column: "birth_date"}, {Code: "missing_column", Row: 1, Column: "availability"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, logs := newTestHandler(testConfig())
			rec := do(h, "POST", "/v1/sheets/"+tt.kind, tt.body)
			require.Equal(t, tt.status, rec.Code, rec.Body.String())
			for _, secret := range tt.secrets {
				assert.NotContains(t, rec.Body.String(), secret)
				assert.NotContains(t, logs.String(), secret)
			}
			checkProblems := func(ps []problem) {
				require.Len(t, ps, len(tt.problems))
				for i, want := range tt.problems {
					got := ps[i]
					assert.Equal(t, cmp.Or(want.Code, "invalid_sheet"), got.Code, "problem %d", i)
					assert.Equal(t, want.Row, got.Row, "problem %d", i)
					assert.Equal(t, want.Column, got.Column, "problem %d", i)
					assert.Equal(t, want.ID, got.ID, "problem %d", i)
					if want.Field != "" {
						assert.Equal(t, want.Field, got.Field, "problem %d", i)
					}
					assert.NotEmpty(t, got.Message, "problem %d", i)
				}
			}
			if tt.status != http.StatusOK {
				e := errorOf(t, rec.Body.Bytes())
				assert.Equal(t, cmp.Or(tt.code, "invalid_sheet"), e.Error.Code)
				checkProblems(e.Error.Details)
				return
			}
			var got struct {
				People json.RawMessage `json:"people"`
				sheetResponse
			}
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
			checkProblems(got.Problems)
			// The oracle: the library's reader on the same file.
			var people any
			var rep sheet.Report
			var err error
			if tt.kind == "mentees" {
				people, rep, err = sheet.ReadMentees(strings.NewReader(tt.body), sheet.Options{})
			} else {
				people, rep, err = sheet.ReadMentors(strings.NewReader(tt.body), sheet.Options{})
			}
			assert.Equal(t, tt.problems != nil, err != nil)
			want, err := json.Marshal(people)
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(got.People))
			assert.Equal(t, rep.Rows, got.Rows)
			assert.Equal(t, rep.Comma, got.Comma)
			assert.Equal(t, tt.ignored, got.Ignored)
		})
	}
}

// TestSheetLimits checks the bounds: a sheet over -max-pool rows (422),
// a body over -max-body (413), an unknown list (404).
func TestSheetLimits(t *testing.T) {
	cfg := testConfig()
	cfg.maxPool = 3
	h, _ := newTestHandler(cfg)
	rows := "id;birth_date;languages;availability\n" + strings.Repeat("me-x;2001-04-12;fr:C1;ma-avond\n", 4)
	rec := do(h, "POST", "/v1/sheets/mentees", rows)
	require.Equal(t, http.StatusUnprocessableEntity, rec.Code, rec.Body.String())
	assert.Equal(t, "pool_too_large", errorOf(t, rec.Body.Bytes()).Error.Code)

	cfg = testConfig()
	cfg.maxBody = 100
	h, _ = newTestHandler(cfg)
	rec = do(h, "POST", "/v1/sheets/mentors", "id;birth_date\n"+strings.Repeat("mo-1;1958-09-02\n", 20))
	require.Equal(t, http.StatusRequestEntityTooLarge, rec.Code, rec.Body.String())

	assert.Equal(t, http.StatusNotFound, do(h, "POST", "/v1/sheets/people", "x").Code)
}

// TestProposalCSV downloads each table of the sample round: the bytes
// are the library's writers' on the same round (the oracle).
func TestProposalCSV(t *testing.T) {
	r, err := sample.Round()
	require.NoError(t, err)
	p, err := match.Propose(context.Background(), r)
	require.NoError(t, err)
	tests := []struct {
		name, table string
		extra       map[string]any
		lang        string // ?lang=
		write       func(*bytes.Buffer) error
	}{
		{name: "duos", table: "duos", write: func(b *bytes.Buffer) error { return sheet.WriteDuos(b, p, sheet.Options{}) }},
		{name: "duos in French", table: "duos", lang: "fr", write: func(b *bytes.Buffer) error {
			return sheet.WriteDuos(b, p, sheet.Options{Lang: profile.MatchLanguage("fr")})
		}},
		{name: "unmatched in Dutch", table: "unmatched", lang: "nl", write: func(b *bytes.Buffer) error {
			return sheet.WriteUnmatched(b, p, sheet.Options{Lang: profile.MatchLanguage("nl")})
		}},
		{name: "unmatched", table: "unmatched", write: func(b *bytes.Buffer) error { return sheet.WriteUnmatched(b, p, sheet.Options{}) }},
		{name: "alternatives, default 3", table: "alternatives",
			write: func(b *bytes.Buffer) error {
				return sheet.WriteAlternatives(context.Background(), b, p, 3, sheet.Options{})
			}},
		{name: "alternatives, 1 each", table: "alternatives", extra: map[string]any{"alternatives": 1},
			write: func(b *bytes.Buffer) error {
				return sheet.WriteAlternatives(context.Background(), b, p, 1, sheet.Options{})
			}},
	}
	h, _ := newTestHandler(testConfig())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := "/v1/proposals/csv/" + tt.table
			if tt.lang != "" {
				path += "?lang=" + tt.lang
			}
			rec := do(h, "POST", path, sampleRequest(t, tt.extra))
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			assert.Equal(t, "text/csv; charset=utf-8", rec.Header().Get("Content-Type"))
			assert.Equal(t, `attachment; filename="`+tt.table+`.csv"`, rec.Header().Get("Content-Disposition"))
			var want bytes.Buffer
			require.NoError(t, tt.write(&want))
			assert.Equal(t, want.String(), rec.Body.String())
		})
	}
}

func TestProposalCSVErrors(t *testing.T) {
	tests := []struct {
		name, path, body string
		status           int
		code, field      string
	}{
		{name: "unknown table", path: "/v1/proposals/csv/everything", body: round(""), status: http.StatusNotFound, code: "not_found"},
		{name: "alternatives_for is not a table's", path: "/v1/proposals/csv/duos", body: round(`, "alternatives_for": ["me-1"]`),
			status: http.StatusBadRequest, code: "invalid_request", field: "alternatives_for"},
		{name: "needs is not a table's", path: "/v1/proposals/csv/unmatched", body: round(`, "needs": true`),
			status: http.StatusBadRequest, code: "invalid_request", field: "needs"},
		{name: "alternatives out of range", path: "/v1/proposals/csv/alternatives", body: round(`, "alternatives": 21`),
			status: http.StatusBadRequest, code: "invalid_request", field: "alternatives"},
		{name: "a bad profile", path: "/v1/proposals/csv/duos",
			body:   `{"on": "2026-11-23", "strict": true, "mentees": [` + mentee("me-1", `"availability": ["mon-night"]`) + `], "mentors": []}`,
			status: http.StatusBadRequest, code: "invalid_profile", field: "mentees[0].availability"},
	}
	h, _ := newTestHandler(testConfig())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(h, "POST", tt.path, tt.body)
			require.Equal(t, tt.status, rec.Code, rec.Body.String())
			e := errorOf(t, rec.Body.Bytes())
			assert.Equal(t, tt.code, e.Error.Code)
			assert.Equal(t, tt.field, e.Error.Field)
		})
	}
}

// The sheets through the server: a Dutch-Excel sheet of mentees
// and a French sheet of mentors with two bad rows and one unknown place.
// The sheets answer the usable people with the two problems by row and
// column; the round proposes duos for everyone else and sets the mentor
// with the unknown place aside, whom the sheet's row_of places at row 7.
func TestSheetsPartialIntake(t *testing.T) {
	h, logs := newTestHandler(testConfig())
	read := func(kind, file string) (json.RawMessage, sheetResponse) {
		raw, err := os.ReadFile(filepath.Join("..", "..", "match", "sheet", "testdata", file))
		require.NoError(t, err)
		rec := do(h, "POST", "/v1/sheets/"+kind, string(raw))
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		var got struct {
			People json.RawMessage `json:"people"`
			sheetResponse
		}
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
		return got.People, got.sheetResponse
	}
	mentees, meSheet := read("mentees", "dutch_excel_mentees.csv")
	assert.Empty(t, meSheet.Problems)
	mentors, moSheet := read("mentors", "french_mentors.csv")
	type place struct {
		Row    int
		Column string
		ID     string
	}
	var got []place
	for _, p := range moSheet.Problems {
		got = append(got, place{p.Row, p.Column, p.ID})
	}
	assert.Equal(t, []place{{5, "Date de naissance", "mo-104"}, {6, "Genre", "mo-105"}}, got)
	assert.Equal(t, 7, moSheet.RowOfID["mo-106"])

	body := `{"on": "2026-11-23", "mentees": ` + string(mentees) + `, "mentors": ` + string(mentors) + `}`
	rec := do(h, "POST", "/v1/proposals", body)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var p match.Proposal
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &p))
	var duos []string
	for _, d := range p.Duos {
		duos = append(duos, d.MenteeID+"-"+d.MentorID)
	}
	assert.Equal(t, []string{"me-101-mo-101", "me-102-mo-102", "me-103-mo-103", "me-104-mo-107"}, duos)
	require.Len(t, p.UnmatchedMentors, 1)
	assert.Equal(t, "mo-106", p.UnmatchedMentors[0].ID)
	assert.Equal(t, match.ReasonInvalidProfile, p.UnmatchedMentors[0].Reason)
	assert.Contains(t, rec.Body.String(), `"code":"unknown_place"`)
	for _, secret := range []string{"Trifouilly", "31/02/1960", "peut-être", "Noor"} {
		assert.NotContains(t, rec.Body.String(), secret)
		assert.NotContains(t, logs.String(), secret)
	}
}
