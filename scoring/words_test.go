package scoring

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/profile"
)

func TestCatalogComplete(t *testing.T) {
	require.NoError(t, catalog.Check())
	assert.Len(t, words, len(catalog.Keys()), "every key once")
}

// englishWords are English words that must not appear in a French, Dutch
// or German text.
var englishWords = regexp.MustCompile(`(?i)\b(speaks|lives|waiting|blocked|left out|same|weekly|did you mean|apart|shares|years|further|municipality|given|both|which|the|and)\b`)

// TestWordsOfEveryPair renders the words of every pair of a synthetic pool
// under several rule sets in the four languages: each explanation and
// each reason has a message, and the French, Dutch and German ones hold no
// English word.
func TestWordsOfEveryPair(t *testing.T) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 3, Mentees: 24, Mentors: 24})
	mentees[0].Home = profile.Place{City: "Nowhere-sur-Mer"} // a home not found
	mentors[1].Home = profile.Place{Lat: 50.85, Lon: 4.35}   // coordinates only
	scorers := []Scorer{
		{},
		{Rules: Rules{SameCity: true, SameRegion: true, MaxDistanceKm: 5}},
		{Rules: Rules{MaxDistanceKm: profile.Off, MinSharedLevel: profile.Native}},
	}
	seen := map[string]bool{}
	for _, s := range scorers {
		set, err := s.settings()
		require.NoError(t, err)
		p := compile(set, mentees, mentors)
		for i := range mentees {
			for j := range mentors {
				var e eval
				p.score(&p.menteeGates[i], &p.mentees[i], &p.mentorGates[j], &p.mentors[j], &e, true)
				for _, part := range p.parts(i, j, &e, &mentors[j]) {
					key := part.Criterion + "." + part.Detail
					require.Contains(t, words, key)
					seen[key] = true
					checkTexts(t, key, part.Text)
				}
				for _, r := range p.reasons(i, j, &e) {
					require.Contains(t, words, r.Code)
					seen[r.Code] = true
					checkTexts(t, r.Code, r.Text)
				}
			}
		}
	}
	for _, c := range criteria {
		n := 0
		for _, w := range c.words {
			if seen[w.Key] {
				n++
			}
		}
		assert.GreaterOrEqual(t, n, 2, "%s: the pool should reach at least two of its explanations", c.name)
	}
}

func checkTexts(t *testing.T, key string, text func(language.Tag) string) {
	t.Helper()
	en := text(language.English)
	assert.NotEmpty(t, en, key)
	assert.Equal(t, en, text(language.Tag{}), "%s: the zero Tag is English", key)
	for _, lang := range i18n.Languages()[1:] {
		s := text(lang)
		assert.NotEmpty(t, s, key)
		assert.NotRegexp(t, englishWords, s, "%s in %s", key, lang)
	}
}

// TestTextOfShortArgs: words decoded from JSON may lack their Args; they
// render without a panic, and an unknown key is visible.
func TestTextOfShortArgs(t *testing.T) {
	for _, w := range wordList() {
		for _, lang := range i18n.Languages() {
			assert.NotPanics(t, func() { _ = render(lang, w.Key, nil) }, w.Key)
		}
	}
	assert.Equal(t, "sector.nope 1", Part{Criterion: "sector", Detail: "nope", Args: []string{"1"}}.Text(language.French))
}

func TestTextOfPlaceRules(t *testing.T) {
	r := Reason{Code: CodeTooFar, Args: []string{"Liège", "Bruxelles", "", "25", "no_coordinates", "not_same_region"}}
	assert.Equal(t, "Liège – Bruxelles: different municipalities, and without coordinates for both the distance cannot be checked; "+
		"Liège – Bruxelles: not the same region, which the programme requires", r.Text(language.English))
	assert.Equal(t, "Liège – Bruxelles : communes différentes, et sans coordonnées pour les deux la distance ne peut pas être vérifiée ; "+
		"Liège – Bruxelles : pas dans la même région, ce que le programme exige", r.Text(language.French))
	far := Reason{Code: CodeTooFar, Args: []string{"Gent", "Gent", "40.04", "25", "over_limit"}}
	assert.Equal(t, "beiden in Gent, 40,0 km van elkaar, meer dan het maximum van 25 km", far.Text(language.Dutch))
	odd := Reason{Code: CodeTooFar, Args: []string{placeUnknown, placeCoordinates, "", "25", "not_found_mentee"}}
	assert.Equal(t, "lieu inconnu – coordonnées : le domicile du jeune ne figure pas dans la liste des communes, la distance ne peut donc pas être vérifiée", odd.Text(language.French))
}

// FuzzText renders a Part and a Reason as JSON may bring them (any detail,
// any args): never a panic.
func FuzzText(f *testing.F) {
	f.Add("sector", "class", "62.01", "x", "too_far")
	f.Add("distance", "km", "nis:21004", "nis:99999", "not_same_region")
	f.Add("language", "level", "7", "zz", "native")
	f.Add("experience", "years", "NaN", "-1e308", "no_shared_language")
	f.Fuzz(func(t *testing.T, criterion, detail, a0, a1, code string) {
		args := []string{a0, a1, "", "25", code}
		for _, lang := range i18n.Languages() {
			for k := range len(args) + 1 {
				p := Part{Criterion: criterion, Detail: detail, Args: args[:k]}
				_ = p.Text(lang)
				_ = Reason{Code: code, Args: args[:k]}.Text(lang)
				_ = Reason{Code: CodeTooFar, Args: args[:k]}.Text(lang)
			}
		}
	})
}
