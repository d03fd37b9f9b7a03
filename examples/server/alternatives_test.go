package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/duomatch/duo/examples/internal/sample"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/sheet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A paused mentee is outside the round's pool: the answer has no
// alternatives for them, and is not an error.
func TestProposalsAlternativesWithPausedMentee(t *testing.T) {
	r, err := sample.Round()
	require.NoError(t, err)
	paused := ""
	for i, m := range r.Mentees {
		if !slicesContainsMentee(r.Pinned, m.ID) {
			r.Mentees[i].Paused = true
			paused = m.ID
			break
		}
	}
	require.NotEmpty(t, paused)
	b, err := json.Marshal(map[string]any{
		"on": r.On, "mentees": r.Mentees, "mentors": r.Mentors,
		"pinned": r.Pinned, "excluded": r.Excluded, "alternatives": 2,
	})
	require.NoError(t, err)
	h, _ := newTestHandler(testConfig())
	rec := do(h, "POST", "/v1/proposals", string(b))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var resp struct {
		Alternatives map[string][]match.Alternative `json:"alternatives"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &resp))
	assert.NotContains(t, resp.Alternatives, paused)
	assert.NotEmpty(t, resp.Alternatives)
	for id, alts := range resp.Alternatives {
		for _, a := range alts {
			if assert.NotEmpty(t, a.Changes, id) {
				assert.Equal(t, id, a.Changes[0].MenteeID)
				assert.Equal(t, a.MentorID, a.Changes[0].Gets)
			}
		}
	}
}

func slicesContainsMentee(ds []match.Duo, id string) bool {
	for _, d := range ds {
		if d.MenteeID == id {
			return true
		}
	}
	return false
}

// The alternatives table past the time limit: the error the library's
// writer returns when the request's context ends is answered 503
// "timeout", as the JSON endpoint answers it, not 500 "internal".
func TestAlternativesTableTimeout(t *testing.T) {
	r, err := sample.Round()
	require.NoError(t, err)
	p, err := match.Propose(context.Background(), r)
	require.NoError(t, err)
	past, stop := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer stop()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	s := &server{cfg: testConfig(), log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	for _, ctx := range []context.Context{past, cancelled} {
		err := sheet.WriteAlternatives(ctx, &bytes.Buffer{}, p, 3, sheet.Options{})
		require.ErrorIs(t, err, ctx.Err())
		e := s.requestError(err)
		assert.Equal(t, http.StatusServiceUnavailable, e.status, "%v", ctx.Err())
		assert.Equal(t, "timeout", e.Code)
	}
}
