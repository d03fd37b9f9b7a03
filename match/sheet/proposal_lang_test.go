package sheet_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

// goldenProposal is a small round with a pinned duo, paused and
// ineligible people, so that every column of the three files is written.
func goldenProposal(t *testing.T) match.Proposal {
	t.Helper()
	pool := synth.NewPool(synth.Config{Seed: 11, Mentees: 10, Mentors: 7, IneligibleShare: 0.2})
	r := match.Round{On: pool.On, Mentees: pool.Mentees, Mentors: pool.Mentors,
		Pinned: []match.Duo{{MenteeID: pool.Mentees[0].ID, MentorID: pool.Mentors[0].ID}}}
	r.Mentees[1].Paused = true
	p, err := match.Propose(context.Background(), r)
	require.NoError(t, err)
	return p
}

// writeAll writes the three files of p in lang, named by table.
func writeAll(t *testing.T, p match.Proposal, opt sheet.Options) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	var b bytes.Buffer
	require.NoError(t, sheet.WriteDuos(&b, p, opt))
	out["duos"] = bytes.Clone(b.Bytes())
	b.Reset()
	require.NoError(t, sheet.WriteUnmatched(&b, p, opt))
	out["unmatched"] = bytes.Clone(b.Bytes())
	b.Reset()
	require.NoError(t, sheet.WriteAlternatives(context.Background(), &b, p, 2, opt))
	out["alternatives"] = bytes.Clone(b.Bytes())
	return out
}

// TestProposalGolden compares a proposal's three files in each language
// with testdata/proposal_<lang>_<table>.csv (go test -update rewrites
// them).
func TestProposalGolden(t *testing.T) {
	p := goldenProposal(t)
	for _, lang := range profile.Languages() {
		base, _ := lang.Base()
		for table, got := range writeAll(t, p, sheet.Options{Lang: lang}) {
			path := filepath.Join("testdata", "proposal_"+base.String()+"_"+table+".csv")
			if *update {
				require.NoError(t, os.WriteFile(path, got, 0o644))
				continue
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "go test -update writes it")
			assert.Equal(t, string(want), string(got), path)
		}
	}
}

// TestProposalLanguages checks the words the writers choose by language:
// headings, yes and no, the side in words, and numbers with a decimal
// comma in French, Dutch and German, whatever the separator; codes and IDs
// are the same in every language.
func TestProposalLanguages(t *testing.T) {
	p := goldenProposal(t)
	en := writeAll(t, p, sheet.Options{Comma: ',', NoBOM: true})
	tests := []struct {
		lang                    language.Tag
		duoHead, unmatchedHead  string
		yes, no, mentee, mentor string
	}{
		{language.French, "jeune,mentor,score,fixé,critère 1,points 1,raison 1", "rôle,rôle (en clair),identifiant,code du motif,explication", "oui", "non", "jeune", "mentor"},
		{language.Dutch, "mentee,mentor,score,vastgezet,criterium 1,punten 1,reden 1", "rol,rol (voluit),id,code van de reden,uitleg", "ja", "nee", "mentee", "mentor"},
		{language.German, "Mentee,Mentor,Punktzahl,festgelegt,Kriterium 1,Punkte 1,Grund 1", "Rolle,Rolle (ausgeschrieben),ID,Code des Grundes,Erklärung", "ja", "nein", "Mentee", "Mentor"},
	}
	for _, tt := range tests {
		t.Run(tt.lang.String(), func(t *testing.T) {
			got := writeAll(t, p, sheet.Options{Comma: ',', NoBOM: true, Lang: tt.lang})
			duos, enDuos := readCSV(t, got["duos"]), readCSV(t, en["duos"])
			assert.True(t, strings.HasPrefix(strings.Join(duos[0], ","), tt.duoHead), "%v", duos[0])
			require.Len(t, duos, len(enDuos))
			for k := 1; k < len(duos); k++ {
				assert.Equal(t, enDuos[k][:2], duos[k][:2], "IDs")
				assert.Equal(t, strings.Replace(enDuos[k][2], ".", ",", 1), duos[k][2], "a decimal comma even with ','")
				assert.Equal(t, map[string]string{"yes": tt.yes, "no": tt.no}[enDuos[k][3]], duos[k][3])
				for c := 4; c < 13; c += 3 {
					assert.Equal(t, enDuos[k][c], duos[k][c], "criterion codes keep their column")
					assert.Equal(t, strings.Replace(enDuos[k][c+1], ".", ",", 1), duos[k][c+1], "points")
				}
				assert.Equal(t, enDuos[k][13], duos[k][13], "blocked codes")
			}
			un, enUn := readCSV(t, got["unmatched"]), readCSV(t, en["unmatched"])
			assert.True(t, strings.HasPrefix(strings.Join(un[0], ","), tt.unmatchedHead), "%v", un[0])
			require.Len(t, un, len(enUn))
			for k := 1; k < len(un); k++ {
				assert.Equal(t, enUn[k][0], un[k][0], "the side's code")
				assert.Equal(t, map[string]string{"mentee": tt.mentee, "mentor": tt.mentor}[enUn[k][0]], un[k][1])
				assert.Equal(t, enUn[k][2:4], un[k][2:4], "id and reason code")
				assert.Equal(t, strings.Replace(enUn[k][6], ".", ",", 1), un[k][6], "best score")
			}
			alt, enAlt := readCSV(t, got["alternatives"]), readCSV(t, en["alternatives"])
			require.Len(t, alt, len(enAlt))
			for k := 1; k < len(alt); k++ {
				assert.Equal(t, enAlt[k][:4], alt[k][:4])
				for _, c := range []int{4, 6, 7} {
					assert.Equal(t, strings.Replace(enAlt[k][c], ".", ",", 1), alt[k][c])
				}
			}
			// The sheet's own words hold no English.
			var own []string
			own = append(own, duos[0]...)
			own = append(own, un[0]...)
			own = append(own, alt[0]...)
			for _, row := range un[1:] {
				own = append(own, row[1], row[7])
			}
			// The library's words too: the criteria's, rules', reasons' and
			// changes' columns hold none of the English words.
			var words []string
			for _, row := range duos[1:] {
				words = append(words, row[6], row[9], row[12], row[14])
			}
			for _, row := range un[1:] {
				words = append(words, row[4])
			}
			for _, row := range alt[1:] {
				words = append(words, row[8])
			}
			require.NotEmpty(t, words)
			for _, s := range words {
				for _, w := range []string{"speaks", "lives", "waiting", "blocked", "left out", "same", "weekly", "did you mean", "would", "the"} {
					assert.False(t, regexp.MustCompile(`(?i)\b`+w+`\b`).MatchString(s), "%q holds %q", s, w)
				}
			}
			for _, s := range own {
				for _, w := range []string{"pinned", "reason", "blocked", "overdue", "changes", "loss", "side", "explanation", "yes"} {
					assert.NotContains(t, strings.ToLower(s), w)
				}
			}
		})
	}
}

// readCSV reads a file written with ',' and no byte order mark.
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	require.NoError(t, err)
	return rows
}
