package main

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/examples/internal/sample"
	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/match"
)

// TestProposalWords checks the words a proposal carries when a language
// is asked for: each part of each duo in that language, as the library's
// Part.Text writes it; none without ?lang= (the answer as before).
func TestProposalWords(t *testing.T) {
	h, _ := newTestHandler(testConfig())
	body := sampleRequest(t, nil)
	r, err := sample.Round()
	require.NoError(t, err)
	p, err := match.Propose(context.Background(), r)
	require.NoError(t, err)
	for _, c := range []struct {
		query string
		lang  language.Tag
	}{{"?lang=fr", i18n.French}, {"?lang=nl-NL", i18n.Dutch}, {"?lang=de", i18n.German}, {"?lang=en", i18n.English}} {
		rec := do(h, "POST", "/v1/proposals"+c.query, body)
		require.Equal(t, http.StatusOK, rec.Code, c.query)
		var got struct {
			Words struct {
				Parts map[string][]string `json:"parts"`
			} `json:"words"`
		}
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
		require.Len(t, got.Words.Parts, len(p.Duos), c.query)
		for _, d := range p.Duos {
			want := make([]string, len(d.Parts))
			for i, part := range d.Parts {
				want[i] = part.Text(c.lang)
			}
			assert.Equal(t, want, got.Words.Parts[d.MenteeID], "%s %s", c.query, d.MenteeID)
		}
	}
	rec := do(h, "POST", "/v1/proposals", body)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.NotContains(t, rec.Body.String(), `"words"`)
}
