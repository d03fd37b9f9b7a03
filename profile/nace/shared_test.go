package nace_test

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/profile/nace"
)

// correspondence reads the embedded correspondence file independently of
// the package: each Rev. 2.1 code's Rev. 2 codes.
func correspondence(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile("rev21_rev2.tsv")
	require.NoError(t, err)
	m := map[string][]string{}
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")[1:] {
		from, to, _ := strings.Cut(l, "\t")
		m[from] = strings.Fields(to)
	}
	return m
}

func TestCorrespondenceCoversBothRevisions(t *testing.T) {
	corr := correspondence(t)
	rev21 := codes(t, "rev21.tsv", nace.Rev21)
	require.Len(t, corr, len(rev21), "one line per Rev. 2.1 code")
	named := map[string]bool{}
	links := 0
	for _, c := range rev21 {
		to, ok := corr[c.String()]
		require.True(t, ok, "%s is in the correspondence", c)
		links += max(1, len(to))
		got := c.Rev2()
		if len(to) == 0 {
			assert.Equal(t, "46.89", c.String(), "the one code Eurostat links to nothing")
			require.NotEmpty(t, got, "it takes its parent's codes")
			assert.Equal(t, 3, got[0].Level())
			continue
		}
		require.Len(t, got, len(to))
		for k, r2 := range got {
			assert.Equal(t, to[k], r2.String())
			assert.Equal(t, nace.Rev2, r2.System())
			assert.Equal(t, c.Level(), r2.Level(), "%s → %s on the same level", c, r2)
			named[r2.String()] = true
		}
	}
	assert.Equal(t, 1571, links, "rows of Eurostat's table, as SOURCES.md counts them")
	for _, c := range codes(t, "rev2.tsv", nace.Rev2) {
		assert.True(t, named[c.String()], "Rev. 2 code %s is reached from Rev. 2.1", c)
		assert.Equal(t, []nace.Code{c}, c.Rev2(), "a Rev. 2 code stands for itself")
	}
	sub := nace.MustParse("62.100", nace.NACEBEL2025)
	assert.Equal(t, nace.MustParse("62.10", nace.Rev21).Rev2(), sub.Rev2(), "a subclass has its class's codes")
}

func TestSharedGradingRule(t *testing.T) {
	p := func(s string, sys nace.System) nace.Code { return nace.MustParse(s, sys) }
	r2, bel, r21 := nace.Rev2, nace.NACEBEL2025, nace.Rev21
	tests := []struct {
		name string
		a, b nace.Code
		want int
		why  string
	}{
		{"same Rev2 class", p("62.01", r2), p("62.01", r2), 4, ""},
		{"Rev2 division and class", p("62", r2), p("62.01", r2), 2, "the shallower code bounds the grade"},
		{"Rev2 different sections", p("62.01", r2), p("01.11", r2), 0, ""},
		{"NACEBEL subclass and its Rev. 2.1 class", p("62.100", bel), p("62.10", r21), 4, "one hierarchy on levels 1-4"},
		{"two subclasses of one class", p("01.191", bel), p("01.199", bel), 4, "subclasses count as their class"},
		{"Rev. 2.1 class 62.10 and Rev. 2 62.01", p("62.10", r21), p("62.01", r2), 4, "62.10 maps to 62.01 alone"},
		{"NACEBEL subclass and Rev. 2 class", p("62.100", bel), p("62.01", r2), 4, "through its class"},
		{"Rev. 2.1 62.20 and Rev. 2 62.01", p("62.20", r21), p("62.01", r2), 3, "62.20 maps to 62.02 (and others in 62.0)"},
		{"child day-care 2.1 vs Rev. 2 88.91", p("88.91", bel), p("88.91", r2), 4, "best pair: 88.91 is in the set"},
		{"child day-care 2.1 vs Rev. 2 85.10", p("88.91", bel), p("85.10", r2), 4, "best pair: 85.10 is in the set too"},
		{"child day-care 2.1 vs Rev. 2 88.10", p("88.91", bel), p("88.10", r2), 2, "division 88 through 88.91"},
		{"ambiguous K, both read as Rev. 2.1", p("K", r21), p("K", bel), 1, "same hierarchy"},
		{"K of Rev. 2.1 vs K of Rev. 2", p("K", r21), p("K", r2), 0, "different meanings: Rev. 2.1 K maps to J (and not K)"},
		{"46.89 has no link: graded through 46.8", p("46.89", r21), p("46.90", r2), 2, "46.8 maps to groups of division 46"},
		{"Rev. 2.1 section vs Rev. 2 class", p("J", r21), p("58.11", r2), 1, "a section grades at most 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, nace.Shared(tc.a, tc.b), tc.why)
			assert.Equal(t, tc.want, nace.Shared(tc.b, tc.a), "symmetric")
		})
	}
}

// TestSharedAcrossRevisionsOracle recomputes the cross-revision grade by
// brute force from the correspondence file and code prefixes (the
// best-pair rule), for seeded random pairs and for every Rev. 2.1 code
// against a Rev. 2 code of its own set.
func TestSharedAcrossRevisionsOracle(t *testing.T) {
	corr := correspondence(t)
	rev2 := codes(t, "rev2.tsv", nace.Rev2)
	bel := codes(t, "nacebel2025.tsv", nace.NACEBEL2025)
	// prefixShared grades two Rev. 2 codes by their strings: the section
	// by the Rev. 2 code's own section, deeper levels by digits.
	sectionOf := map[string]string{}
	for _, c := range rev2 {
		if c.Level() == 2 {
			par, _ := c.Parent()
			sectionOf[c.String()] = par.String()
		}
	}
	section := func(s string) string {
		if len(s) == 1 {
			return s
		}
		return sectionOf[s[:2]]
	}
	levelOf := func(s string) int { return map[int]int{1: 1, 2: 2, 4: 3, 5: 4, 6: 5}[len(s)] }
	prefixShared := func(a, b string) int {
		if section(a) != section(b) {
			return 0
		}
		n := 1
		for _, cut := range []int{2, 4, 5} {
			if len(a) < cut || len(b) < cut || a[:cut] != b[:cut] {
				break
			}
			n++
		}
		return n
	}
	oracle := func(x, r2 nace.Code) int {
		s := x.String()
		if len(s) == 6 {
			s = s[:5] // a subclass grades as its class
		}
		set := corr[s]
		for len(set) == 0 { // 46.89: its parent's codes
			par, _ := nace.MustParse(s, nace.Rev21).Parent()
			s = par.String()
			set = corr[s]
		}
		best := 0
		for _, c := range set {
			best = max(best, prefixShared(c, r2.String()))
		}
		return min(best, levelOf(s), r2.Level())
	}
	r := rand.New(rand.NewPCG(20, 2))
	for range 20000 {
		a, b := bel[r.IntN(len(bel))], rev2[r.IntN(len(rev2))]
		require.Equal(t, oracle(a, b), nace.Shared(a, b), "%s (NACEBEL) vs %s (Rev. 2)", a, b)
	}
	for _, a := range codes(t, "rev21.tsv", nace.Rev21) {
		for _, b := range a.Rev2() {
			assert.Equal(t, min(a.Level(), b.Level()), nace.Shared(a, b), "%s and its own %s", a, b)
			assert.Equal(t, oracle(a, b), nace.Shared(a, b))
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"62.01", "62.10", "62.100", "K", "k", " 01.1 ", "", "62,01", "99.00", "U", "V", "é", "46.89"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, sys uint8) {
		c, err := nace.Parse(s, nace.System(sys%4))
		if err != nil {
			assert.ErrorIs(t, err, nace.ErrUnknown)
			assert.True(t, c.IsZero())
			return
		}
		// A code reads back as itself, in its own system, and is named.
		again, err := nace.Parse(c.String(), c.System())
		require.NoError(t, err)
		assert.Equal(t, c, again)
		assert.Equal(t, strings.ToUpper(strings.TrimSpace(s)), strings.ToUpper(c.String()))
		assert.True(t, c.Level() >= 1 && c.Level() <= 5)
		assert.NotEmpty(t, c.Name(language.English))
		assert.Equal(t, min(c.Level(), 4), nace.Shared(c, c), "a code shares its own depth with itself")
		for _, r2 := range c.Rev2() {
			assert.Equal(t, min(c.Level(), 4, r2.Level()), nace.Shared(c, r2))
		}
	})
}
