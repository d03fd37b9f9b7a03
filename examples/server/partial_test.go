package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPartialRound: one person's bad entry in a JSON round costs the
// others nothing. The round is answered (200) with that person set aside
// (invalid_profile) and their problems at their JSON paths, and the
// others matched as in the round without them; "strict": true refuses
// the round (TestBadRequests).
func TestPartialRound(t *testing.T) {
	good := `"mentors": [` + mentor("mo-1", "") + `, ` + mentor("mo-2", "") + `]`
	tests := []struct {
		name     string
		mentees  string // the bad entry, between me-1 and me-3
		mentors  string // replaces the two good mentors when set
		badID    string
		path     string // within the profile, as match.Unmatched gives it
		setAside [2]int // mentees, mentors
	}{
		{name: "date that does not exist", mentees: `{"id": "me-2", "birth_date": "2001-02-30"}`,
			badID: "me-2", path: "birth_date", setAside: [2]int{1, 0}},
		{name: "unknown slot", mentees: mentee("me-2", `"availability": ["someday"]`),
			badID: "me-2", path: "availability", setAside: [2]int{1, 0}},
		{name: "wrong type", mentees: `{"id": "me-2", "home": {"lat": "north"}}`,
			badID: "me-2", path: "home.lat", setAside: [2]int{1, 0}},
		{name: "unknown field", mentees: mentee("me-2", `"nmae": "zz-unread-zz"`),
			badID: "me-2", path: "nmae", setAside: [2]int{1, 0}},
		{name: "mentor's capacity", mentors: `"mentors": [` + mentor("mo-1", "") + `, ` + mentor("mo-2", `"capacity": -1`) + `]`,
			badID: "mo-2", path: "capacity", setAside: [2]int{0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mentees := mentee("me-1", "") + `, ` + mentee("me-3", "")
			if tt.mentees != "" {
				mentees = mentee("me-1", "") + `, ` + tt.mentees + `, ` + mentee("me-3", "")
			}
			mentors := good
			if tt.mentors != "" {
				mentors = tt.mentors
			}
			h, _ := newTestHandler(testConfig())
			rec := do(h, "POST", "/v1/proposals", `{"on": "2026-11-23", "mentees": [`+mentees+`], `+mentors+`}`)
			require.Equal(t, 200, rec.Code, rec.Body.String())
			var got struct {
				Pairs []struct {
					MenteeID string `json:"mentee_id"`
					MentorID string `json:"mentor_id"`
				} `json:"duos"`
				SetAsideMentees  int             `json:"set_aside_mentees"`
				SetAsideMentors  int             `json:"set_aside_mentors"`
				UnmatchedMentees []unmatchedJSON `json:"unmatched_mentees"`
				UnmatchedMentors []unmatchedJSON `json:"unmatched_mentors"`
			}
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
			assert.Equal(t, tt.setAside, [2]int{got.SetAsideMentees, got.SetAsideMentors})
			var aside *unmatchedJSON
			for _, u := range append(got.UnmatchedMentees, got.UnmatchedMentors...) {
				if u.ID == tt.badID {
					aside = &u
				}
			}
			require.NotNil(t, aside, "the bad entry is listed among the unmatched")
			assert.Equal(t, "invalid_profile", aside.Reason)
			require.NotEmpty(t, aside.Problems)
			assert.Equal(t, tt.path, aside.Problems[0].Path)
			assert.Equal(t, []string{tt.badID}, aside.Problems[0].IDs)
			// The others keep their round: both good mentees matched (two
			// mentors when a mentee is bad, one left when a mentor is).
			matched := map[string]bool{}
			for _, p := range got.Pairs {
				matched[p.MenteeID], matched[p.MentorID] = true, true
			}
			assert.False(t, matched[tt.badID])
			want := 2
			if tt.setAside[1] == 1 {
				want = 1
			}
			assert.Len(t, got.Pairs, want, rec.Body.String())
			// No value of the bad entry is echoed (the field's name may be).
			for _, secret := range []string{"2001-02-30", "someday", "north", "zz-unread-zz"} {
				assert.NotContains(t, rec.Body.String(), secret)
			}
		})
	}
}

// unmatchedJSON is a match.Unmatched as the server writes it.
type unmatchedJSON struct {
	ID       string `json:"id"`
	Reason   string `json:"reason"`
	Problems []struct {
		Code string   `json:"code"`
		Path string   `json:"path"`
		IDs  []string `json:"ids"`
	} `json:"problems"`
}

// TestPartialRoundCSV: the unmatched table of a round with a bad entry
// lists that person, set aside, and the duos table the others' duos.
func TestPartialRoundCSV(t *testing.T) {
	body := `{"on": "2026-11-23", "mentees": [` + mentee("me-1", "") + `, ` + mentee("me-2", `"availability": ["mon-night"]`) +
		`], "mentors": [` + mentor("mo-1", "") + `]}`
	h, _ := newTestHandler(testConfig())
	rec := do(h, "POST", "/v1/proposals/csv/unmatched", body)
	require.Equal(t, 200, rec.Code, rec.Body.String())
	assert.Contains(t, rec.Body.String(), "me-2")
	assert.NotContains(t, rec.Body.String(), "mon-night")
	rec = do(h, "POST", "/v1/proposals/csv/duos", body)
	require.Equal(t, 200, rec.Code, rec.Body.String())
	assert.Contains(t, rec.Body.String(), "me-1")
	assert.NotContains(t, rec.Body.String(), "me-2")
}
