package nace_test

import (
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/nace"
)

// codes returns every code of a system's table, read back from the
// embedded file's first column, parsed in that system.
func codes(t *testing.T, file string, sys nace.System) []nace.Code {
	t.Helper()
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")[1:]
	out := make([]nace.Code, len(lines))
	for i, l := range lines {
		c, err := nace.Parse(strings.SplitN(l, "\t", 2)[0], sys)
		require.NoError(t, err)
		require.Equal(t, sys, c.System(), "%s read in the preferred system", c)
		out[i] = c
	}
	return out
}

func TestCountsPerLevel(t *testing.T) {
	tests := []struct {
		file string
		sys  nace.System
		want []int // codes on levels 1, 2, …
	}{
		{"rev2.tsv", nace.Rev2, []int{21, 88, 272, 615}},
		{"rev21.tsv", nace.Rev21, []int{22, 87, 287, 651}},
		{"nacebel2025.tsv", nace.NACEBEL2025, []int{22, 87, 287, 651, 977}},
	}
	for _, tc := range tests {
		t.Run(tc.sys.String(), func(t *testing.T) {
			got := make([]int, len(tc.want))
			for _, c := range codes(t, tc.file, tc.sys) {
				require.True(t, c.Level() >= 1 && c.Level() <= len(tc.want), "%s", c)
				got[c.Level()-1]++
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestEveryCodeNamedWithParent(t *testing.T) {
	for _, tc := range []struct {
		file string
		sys  nace.System
	}{{"rev2.tsv", nace.Rev2}, {"rev21.tsv", nace.Rev21}, {"nacebel2025.tsv", nace.NACEBEL2025}} {
		for _, c := range codes(t, tc.file, tc.sys) {
			for _, lang := range i18n.Languages() {
				assert.NotEmpty(t, strings.TrimSpace(c.Name(lang)), "%s %s in %s", tc.sys, c, lang)
			}
			p, ok := c.Parent()
			if c.Level() == 1 {
				assert.False(t, ok, "%s is a section", c)
				continue
			}
			require.True(t, ok, "%s has a parent", c)
			assert.Equal(t, c.Level()-1, p.Level(), "%s's parent is one level up", c)
			assert.Equal(t, tc.sys, p.System())
			if c.Level() > 2 {
				assert.True(t, strings.HasPrefix(c.String(), p.String()), "%s starts with its parent %s", c, p)
			}
		}
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		name, code string
		sys        nace.System
		lang       language.Tag
		want       string
	}{
		{"rev2 class in French", "62.01", nace.Rev2, language.French, "Programmation informatique"},
		{"rev2 class in Dutch of Belgium", "62.01", nace.Rev2, language.MustParse("nl-BE"), "Schrijven van computerprogramma's"},
		{"rev2 class in German", "62.01", nace.Rev2, language.German, "Programmierungstätigkeiten"},
		{"rev2.1 class read with Rev2 preferred is NACEBEL", "62.10", nace.Rev2, language.English, "Computer programming activities"},
		{"NACEBEL wording differs from the EU's", "88.91", nace.NACEBEL2025, language.Dutch, "Activiteiten met betrekking tot kinderopvang"},
		{"EU wording of Rev. 2.1", "88.91", nace.Rev21, language.Dutch, "Activiteiten van kinderdagverblijven"},
		{"section in upper case as published", "j", nace.Rev2, language.English, "INFORMATION AND COMMUNICATION"},
		{"unsupported language gives English", "62.01", nace.Rev2, language.Arabic, "Computer programming activities"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := nace.Parse(tc.code, tc.sys)
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.Name(tc.lang))
		})
	}
	n, err := nace.Name(" 46.90 ", language.French)
	require.NoError(t, err)
	assert.Equal(t, "Commerce de gros non spécialisé", n)
	_, err = nace.Name("46.99", language.French)
	assert.ErrorIs(t, err, nace.ErrUnknown)
}

func TestParseReadingRule(t *testing.T) {
	tests := []struct {
		name, in  string
		prefer    nace.System
		want      string
		wantSys   nace.System
		ambiguous bool
	}{
		{"rev2-only class, Rev2 preferred", "62.01", nace.Rev2, "62.01", nace.Rev2, false},
		{"rev2-only class, NACEBEL preferred, falls back to Rev2", "62.01", nace.NACEBEL2025, "62.01", nace.Rev2, false},
		{"rev2.1-only class, Rev2 preferred, read as NACEBEL", "62.10", nace.Rev2, "62.10", nace.NACEBEL2025, false},
		{"rev2.1-only class, Rev21 preferred", "62.10", nace.Rev21, "62.10", nace.Rev21, false},
		{"subclass exists only in NACEBEL", "62.100", nace.Rev21, "62.100", nace.NACEBEL2025, false},
		{"shared string, same meaning, Rev2 preferred", "46.90", nace.Rev2, "46.90", nace.Rev2, false},
		{"shared string, same meaning, NACEBEL preferred", "46.90", nace.NACEBEL2025, "46.90", nace.NACEBEL2025, false},
		{"ambiguous section read as Rev2", "K", nace.Rev2, "K", nace.Rev2, true},
		{"ambiguous section read as NACEBEL", "k", nace.NACEBEL2025, "K", nace.NACEBEL2025, true},
		{"ambiguous class", "25.30", nace.Rev21, "25.30", nace.Rev21, true},
		{"section V exists only in Rev. 2.1", "V", nace.Rev2, "V", nace.NACEBEL2025, false},
		{"spaces trimmed", "  01.1 ", nace.Rev2, "01.1", nace.Rev2, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := nace.Parse(tc.in, tc.prefer)
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.String())
			assert.Equal(t, tc.wantSys, c.System())
			assert.Equal(t, tc.ambiguous, c.Ambiguous())
		})
	}
}

func TestParseUnknown(t *testing.T) {
	for _, in := range []string{"", "W", "04", "62.5", "62.011", "6201", "62,01", "62.01.1", "01.11001", "é", strings.Repeat("6", 1000), "62.1000"} {
		c, err := nace.Parse(in, nace.Rev2)
		require.Error(t, err, "%q", in)
		assert.True(t, errors.Is(err, nace.ErrUnknown))
		assert.True(t, c.IsZero())
		if len(in) > 1 {
			assert.NotContains(t, err.Error(), in, "the error never repeats the input")
		}
	}
}

func TestAmbiguousCount(t *testing.T) {
	n := 0
	for _, c := range codes(t, "rev2.tsv", nace.Rev2) {
		if c.Ambiguous() {
			n++
			other, err := nace.Parse(c.String(), nace.Rev21)
			require.NoError(t, err)
			assert.Equal(t, nace.Rev21, other.System(), "%s exists in Rev. 2.1 too", c)
			assert.True(t, other.Ambiguous())
		}
	}
	assert.Equal(t, 42, n, "strings of both revisions whose Rev. 2.1 code does not map to the same Rev. 2 code")
}

func TestZeroCode(t *testing.T) {
	var z nace.Code
	assert.True(t, z.IsZero())
	assert.Equal(t, "", z.String())
	assert.Equal(t, 0, z.Level())
	assert.Equal(t, "", z.Name(language.French))
	assert.Empty(t, z.Rev2())
	assert.False(t, z.Ambiguous())
	_, ok := z.Parent()
	assert.False(t, ok)
	assert.Equal(t, 0, nace.Shared(z, nace.MustParse("62.01", nace.Rev2)))
	assert.Equal(t, 0, nace.Shared(nace.MustParse("62.10", nace.Rev21), z))
}

// TestSharedWithinRev2MatchesProfile checks Shared on Rev. 2 codes against
// an independent implementation, profile.SharedSectorLevels, on seeded
// random pairs of every level.
func TestSharedWithinRev2MatchesProfile(t *testing.T) {
	all := codes(t, "rev2.tsv", nace.Rev2)
	r := rand.New(rand.NewPCG(20, 1))
	for range 20000 {
		a, b := all[r.IntN(len(all))], all[r.IntN(len(all))]
		want := profile.SharedSectorLevels(profile.Sector(a.String()), profile.Sector(b.String()))
		require.Equal(t, want, nace.Shared(a, b), "%s vs %s", a, b)
		require.Equal(t, nace.Shared(a, b), nace.Shared(b, a), "symmetric")
	}
}
