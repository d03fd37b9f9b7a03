package isco_test

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
	"github.com/duomatch/duo/profile/isco"
)

func all(t *testing.T) []isco.Code {
	t.Helper()
	b, err := os.ReadFile("isco08.tsv")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")[1:]
	out := make([]isco.Code, len(lines))
	for i, l := range lines {
		out[i] = isco.MustParse(strings.SplitN(l, "\t", 2)[0])
	}
	return out
}

func TestCountsNamesParents(t *testing.T) {
	got := make([]int, 4)
	for _, c := range all(t) {
		require.True(t, c.Level() >= 1 && c.Level() <= 4)
		got[c.Level()-1]++
		assert.Equal(t, len(c.String()), c.Level())
		for _, lang := range i18n.Languages() {
			assert.NotEmpty(t, strings.TrimSpace(c.Name(lang)), "%s in %s", c, lang)
		}
		p, ok := c.Parent()
		if c.Level() == 1 {
			assert.False(t, ok)
			continue
		}
		require.True(t, ok, "%s has a parent", c)
		assert.Equal(t, c.String()[:c.Level()-1], p.String(), "the parent is the code minus its last digit")
	}
	assert.Equal(t, []int{10, 43, 130, 436}, got, "ILO's official counts")
}

func TestNames(t *testing.T) {
	tests := []struct {
		code string
		lang language.Tag
		want string
	}{
		{"2512", language.English, "Software developers"},
		{"2512", language.MustParse("fr-BE"), "Concepteurs de logiciels"},
		{"2512", language.MustParse("nl-BE"), "Softwareontwikkelaars"},
		{"2512", language.German, "Softwareentwickler"},
		{"5131", language.Dutch, "Kelners"},
		{"2", language.French, "Professions intellectuelles et scientifiques"},
		{" 0 ", language.English, "Armed forces occupations"},
		{"5131", language.Turkish, "Waiters"},
	}
	for _, tc := range tests {
		t.Run(tc.code+" "+tc.lang.String(), func(t *testing.T) {
			got, err := isco.Name(tc.code, tc.lang)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestParseUnknown(t *testing.T) {
	for _, in := range []string{"", "x", "2515", "25120", "-1", "2 5", "٢", strings.Repeat("2", 100)} {
		c, err := isco.Parse(in)
		require.Error(t, err, "%q", in)
		assert.True(t, errors.Is(err, isco.ErrUnknown))
		assert.True(t, c.IsZero())
		if len(in) > 1 {
			assert.NotContains(t, err.Error(), in)
		}
	}
	var z isco.Code
	assert.Equal(t, "", z.String())
	assert.Equal(t, 0, z.Level())
	assert.Equal(t, "", z.Name(language.French))
	_, ok := z.Parent()
	assert.False(t, ok)
	assert.Equal(t, 0, isco.Shared(z, isco.MustParse("2")))
}

// TestSharedMatchesProfile checks Shared against profile's digit-prefix
// implementation on every pair of a seeded sample.
func TestSharedMatchesProfile(t *testing.T) {
	codes := all(t)
	r := rand.New(rand.NewPCG(20, 3))
	for range 20000 {
		a, b := codes[r.IntN(len(codes))], codes[r.IntN(len(codes))]
		want := profile.SharedOccupationLevels(profile.Occupation(a.String()), profile.Occupation(b.String()))
		require.Equal(t, want, isco.Shared(a, b), "%s vs %s", a, b)
	}
	assert.Equal(t, 3, isco.Shared(isco.MustParse("2512"), isco.MustParse("2513")))
	assert.Equal(t, 1, isco.Shared(isco.MustParse("2"), isco.MustParse("2512")))
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2512", "0", " 011 ", "", "2515", "99999", "a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := isco.Parse(s)
		if err != nil {
			assert.ErrorIs(t, err, isco.ErrUnknown)
			return
		}
		assert.Equal(t, strings.TrimSpace(s), c.String())
		assert.Equal(t, c, isco.MustParse(c.String()))
		assert.Equal(t, c.Level(), isco.Shared(c, c))
		assert.NotEmpty(t, c.Name(language.Dutch))
	})
}
