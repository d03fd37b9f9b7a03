package sheet_test

import (
	"golang.org/x/text/language"

	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/scoring"
)

// readTable reads a file a proposal writer wrote: a byte order mark, ';'.
func readTable(t *testing.T, b []byte) [][]string {
	t.Helper()
	require.True(t, bytes.HasPrefix(b, []byte("\uFEFF")), "a byte order mark")
	r := csv.NewReader(bytes.NewReader(b[3:]))
	r.Comma = ';'
	rows, err := r.ReadAll()
	require.NoError(t, err)
	return rows
}

func proposal(t *testing.T) (match.Round, match.Proposal) {
	t.Helper()
	pool := synth.NewPool(synth.Config{Seed: 7, Mentees: 40, Mentors: 30, IneligibleShare: 0.15})
	r := match.Round{On: pool.On, Mentees: pool.Mentees, Mentors: pool.Mentors,
		Pinned: []match.Duo{{MenteeID: pool.Mentees[0].ID, MentorID: pool.Mentors[0].ID}}}
	r.Mentees[1].Paused = true
	p, err := match.Propose(context.Background(), r)
	require.NoError(t, err)
	return r, p
}

// TestWriteDuos checks the duos' file against the proposal: one row per
// duo, its score to two decimals with a decimal comma, and the three
// parts with the largest contributions in words.
func TestWriteDuos(t *testing.T) {
	_, p := proposal(t)
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteDuos(&buf, p, sheet.Options{}))
	rows := readTable(t, buf.Bytes())
	require.Len(t, rows, len(p.Duos)+1)
	assert.Equal(t, []string{"mentee", "mentor", "score", "pinned", "criterion_1", "points_1", "reason_1", "criterion_2", "points_2", "reason_2",
		"criterion_3", "points_3", "reason_3", "blocked_today_codes", "blocked_today"}, rows[0])
	for k, d := range p.Duos {
		row := rows[k+1]
		assert.Equal(t, d.MenteeID, row[0])
		assert.Equal(t, d.MentorID, row[1])
		assert.Equal(t, strings.Replace(strconv.FormatFloat(d.Score, 'f', 2, 64), ".", ",", 1), row[2])
		assert.Equal(t, map[bool]string{true: "yes", false: "no"}[d.Pinned], row[3])
		// Oracle: the largest contribution is in reason_1, and no part
		// left out contributes more than reason_3's.
		best := d.Parts[0]
		for _, part := range d.Parts {
			if part.Contribution > best.Contribution {
				best = part
			}
		}
		if best.Contribution > 0 {
			assert.Equal(t, best.Criterion, row[4], d.MenteeID)
			assert.Equal(t, strings.Replace(strconv.FormatFloat(best.Contribution, 'f', 2, 64), ".", ",", 1), row[5], "the same decimal comma as the score")
			assert.Equal(t, best.Text(language.English), row[6])
		}
		var codes []string
		for _, b := range d.Blocked {
			codes = append(codes, b.Code)
		}
		assert.Equal(t, strings.Join(codes, ", "), row[13])
	}
}

func TestWriteUnmatched(t *testing.T) {
	_, p := proposal(t)
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteUnmatched(&buf, p, sheet.Options{}))
	rows := readTable(t, buf.Bytes())
	require.Len(t, rows, 1+len(p.UnmatchedMentees)+len(p.UnmatchedMentors)+len(p.FullMentors))
	assert.Equal(t, []string{"side", "role", "id", "reason", "explanation", "best_partner", "best_score", "overdue"}, rows[0])
	reasons := map[string]string{}
	overdue := 0
	for _, row := range rows[1:] {
		reasons[row[0]+" "+row[2]] = row[3]
		assert.Equal(t, row[0], row[1], "the side in English words is its code")
		assert.NotEmpty(t, row[4], "an explanation for %s", row[2])
		if row[7] == "yes" {
			overdue++
			assert.Equal(t, "mentee", row[0])
		}
	}
	assert.Equal(t, len(p.Overdue), overdue)
	for _, u := range p.UnmatchedMentees {
		assert.Equal(t, u.Reason, reasons["mentee "+u.ID])
	}
	for _, u := range p.UnmatchedMentors {
		assert.Equal(t, u.Reason, reasons["mentor "+u.ID])
	}
	for _, id := range p.FullMentors {
		assert.Equal(t, sheet.ReasonFull, reasons["mentor "+id])
	}
}

// TestWriteAlternatives checks the alternatives' file against
// Proposal.Alternatives.
func TestWriteAlternatives(t *testing.T) {
	_, p := proposal(t)
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteAlternatives(context.Background(), &buf, p, 2, sheet.Options{Comma: ',', NoBOM: true}))
	r := csv.NewReader(&buf)
	rows, err := r.ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"mentee", "proposed_mentor", "rank", "mentor", "score", "lost_duos", "score_loss", "priority_loss", "changes"}, rows[0])
	byMentee := map[string][][]string{}
	for _, row := range rows[1:] {
		byMentee[row[0]] = append(byMentee[row[0]], row)
	}
	checked := 0
	for _, d := range p.Duos {
		alts, err := p.Alternatives(d.MenteeID, 2)
		if d.Pinned {
			assert.Empty(t, byMentee[d.MenteeID])
			continue
		}
		require.NoError(t, err)
		require.Len(t, byMentee[d.MenteeID], len(alts))
		for k, a := range alts {
			row := byMentee[d.MenteeID][k]
			assert.Equal(t, []string{d.MenteeID, d.MentorID, strconv.Itoa(k + 1), a.MentorID}, row[:4])
			assert.Equal(t, a.Text(language.English), row[8])
			checked++
		}
	}
	assert.Positive(t, checked)
}

func TestProposalWritersGuardFormulas(t *testing.T) {
	p := match.Proposal{
		Duos:             []match.ProposedDuo{{MenteeID: "=cmd", MentorID: "+mo", Parts: []scoring.Part{{Criterion: "-sector", Contribution: 0.2, Detail: "none"}}}},
		UnmatchedMentees: []match.Unmatched{{ID: "@me", Reason: match.ReasonPaused}},
	}
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteDuos(&buf, p, sheet.Options{NoBOM: true}))
	assert.Equal(t, "mentee;mentor;score;pinned;criterion_1;points_1;reason_1;criterion_2;points_2;reason_2;criterion_3;points_3;reason_3;blocked_today_codes;blocked_today\r\n"+
		"'=cmd;'+mo;0,00;no;'-sector;0,20;'-sector.none ;;;;;;;;\r\n", buf.String())
	buf.Reset()
	require.NoError(t, sheet.WriteUnmatched(&buf, p, sheet.Options{NoBOM: true}))
	assert.Contains(t, buf.String(), "\r\nmentee;mentee;'@me;paused;paused for this round;;;no\r\n")
}
