package names

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
)

// acceptedBases returns every base language profile accepts, found by
// asking profile.BaseLanguage about every two- and three-letter code.
func acceptedBases() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if b, ok := profile.BaseLanguage(s); ok && !seen[b] {
			seen[b] = true
			out = append(out, b)
		}
	}
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			add(string([]rune{a, b}))
			for c := 'a'; c <= 'z'; c++ {
				add(string([]rune{a, b, c}))
			}
		}
	}
	return out
}

func TestEveryCountryNamed(t *testing.T) {
	n := 0
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			c := string([]rune{a, b})
			if !profile.Country(c).Known() {
				continue
			}
			n++
			for _, lang := range i18n.Languages() {
				name, ok := Country(strings.ToLower(c), lang)
				assert.True(t, ok && strings.TrimSpace(name) != "", "%s in %s", c, lang)
			}
		}
	}
	assert.Equal(t, 250, n, "249 ISO 3166-1 codes and XK")
}

// TestLanguagesNamedInAllFour checks that every language that has a name
// in any of the four languages has one in all four, and counts how many of
// the languages profile accepts are named at all.
func TestLanguagesNamedInAllFour(t *testing.T) {
	bases := acceptedBases()
	require.Greater(t, len(bases), 8000, "profile accepts the ISO 639-3 codes x/text knows")
	named := 0
	for _, b := range bases {
		got := 0
		for _, lang := range i18n.Languages() {
			if n, ok := Language(b, lang); ok {
				require.NotEmpty(t, strings.TrimSpace(n))
				got++
			}
		}
		assert.Contains(t, []int{0, 4}, got, "%s is named in all four languages or in none", b)
		if got == 4 {
			named++
		}
	}
	assert.GreaterOrEqual(t, named, 650, "CLDR's languages plus the hand-kept table")
}

// newcomers lists languages common among people who come to Belgium from
// outside the EU (the programme's mentees and their parents): Morocco,
// Algeria, Tunisia, Turkey, the Congo, Syria, Iraq, Afghanistan, Iran,
// Eritrea, Ethiopia, Somalia, Guinea, Senegal, Cameroon, Palestine,
// Ukraine, Russia, the Balkans, the Caucasus, South Asia.
var newcomers = []string{
	"ar", "ary", "arq", "aeb", "arz", "apc", "ajp", "acm", "ayl", "apd", "afb", "shu",
	"ber", "zgh", "tzm", "rif", "shi", "kab", "tr", "ku", "kmr", "ckb", "sdh", "zza", "diq",
	"ln", "lua", "kg", "ktu", "sw", "swc", "rw", "rn", "fr", "pt", "es", "en",
	"ps", "prs", "fa", "fa-AF", "haz", "uz", "uzs", "tk", "tg", "ur", "pa", "pnb", "skr", "bn", "ne", "hi", "ta",
	"ti", "tig", "am", "om", "so", "ff", "fuf", "sus", "man", "wo", "bm", "dyu", "yo", "ig", "ha", "pcm", "tw", "ee",
	"uk", "ru", "be", "sq", "sr", "bs", "hr", "mk", "cnr", "ro", "bg", "hy", "ka", "ce", "az", "aii", "syr",
	"zh", "vi", "th", "tl", "nl", "de",
}

func TestNewcomersLanguagesNamed(t *testing.T) {
	for _, tag := range newcomers {
		for _, lang := range i18n.Languages() {
			n, ok := Language(tag, lang)
			assert.True(t, ok && n != "", "%s in %s", tag, lang)
		}
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct {
		name, tag string
		lang      language.Tag
		want      string
		ok        bool
	}{
		{"arabic in French", "ar", language.French, "arabe", true},
		{"region dropped: nl-BE is Dutch", "nl-BE", language.German, "Niederländisch", true},
		{"dari from the hand table", "prs", language.MustParse("fr-BE"), "dari", true},
		{"berber from the hand table", "ber", language.Dutch, "Berbers", true},
		{"fa-AF is named by its base", "fa-AF", language.English, "Persian", true},
		{"tigrinya in Dutch", "ti", language.MustParse("nl-BE"), "Tigrinya", true},
		{"unsupported reader language gives English", "ln", language.Arabic, "Lingala", true},
		{"spaces trimmed", " so ", language.German, "Somali", true},
		{"ISO 639-3 code with no name", "aaa", language.English, "", false},
		{"und names no language", "und", language.English, "", false},
		{"private use", "x-foo", language.English, "", false},
		{"malformed", "not a tag!", language.English, "", false},
		{"empty", "", language.English, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Language(tc.tag, tc.lang)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestCountry(t *testing.T) {
	tests := []struct {
		name, code string
		lang       language.Tag
		want       string
		ok         bool
	}{
		{"morocco in Dutch", "MA", language.Dutch, "Marokko", true},
		{"congo in French", "cd", language.French, "Congo-Kinshasa", true},
		{"kosovo", "XK", language.German, "Kosovo", true},
		{"syria in Dutch of Belgium", " SY ", language.MustParse("nl-BE"), "Syrië", true},
		{"unknown region", "ZZ", language.English, "", false},
		{"a union, not a country", "EU", language.English, "", false},
		{"withdrawn code", "SU", language.English, "", false},
		{"three letters", "BEL", language.English, "", false},
		{"digits", "12", language.English, "", false},
		{"empty", "", language.English, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Country(tc.code, tc.lang)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestGapsAreGaps keeps the hand-kept table honest: each entry is a base
// profile accepts, has four non-empty names, and is still missing from
// CLDR in at least one of the four languages (once CLDR names it in all
// four, drop the entry and let CLDR's name win).
func TestGapsAreGaps(t *testing.T) {
	for code, n := range languageGaps {
		b, ok := profile.BaseLanguage(code)
		require.True(t, ok, "%s is accepted by profile", code)
		assert.Equal(t, code, b, "%s is a base, not an alias", code)
		missing := 0
		for col, lang := range i18n.Languages() {
			assert.NotEmpty(t, n[col], "%s in %s", code, lang)
			if display.Languages(lang).Name(language.MustParseBase(code)) == "" {
				missing++
			}
		}
		assert.Positive(t, missing, "CLDR names %s in all four languages now", code)
	}
}

func FuzzLanguage(f *testing.F) {
	for _, s := range []string{"ar", "nl-BE", "prs", "ber", "fa-AF", "und", "x-foo", "", "zh-Hant-TW", "en-u-ca-buddhist"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tag string) {
		_, accepted := profile.BaseLanguage(tag)
		for _, lang := range i18n.Languages() {
			n, ok := Language(tag, lang)
			assert.Equal(t, ok, n != "")
			if ok {
				assert.True(t, accepted, "named only when profile accepts it")
			}
		}
		n, ok := Country(tag, language.French)
		_, err := profile.ParseCountry(tag)
		assert.Equal(t, err == nil, ok)
		assert.Equal(t, ok, n != "")
	})
}
