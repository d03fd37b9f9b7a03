package match

import (
	"context"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
)

func TestCatalogComplete(t *testing.T) {
	require.NoError(t, catalog.Check())
}

// englishWords are English words that must not appear in a French, Dutch
// or German text (the eligibility rules' words come from profile, tested
// there).
var englishWords = regexp.MustCompile(`(?i)\b(speaks|lives|waiting|blocked|left out|same|weekly|did you mean|would|free|gender|aims|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|another|every|partner was|pool would|the)\b`)

// TestWordsOfRounds renders every left-out person, alternative, need and
// outreach of seeded synthetic rounds in the four languages: English
// matches the English-only methods, and French, Dutch and German hold no
// English word.
func TestWordsOfRounds(t *testing.T) {
	ctx := context.Background()
	var texts []func(language.Tag) string
	for _, seed := range []uint64{1, 2, 5} {
		r := synthRound(t, seed, 30, 18)
		p, err := Propose(ctx, r)
		require.NoError(t, err)
		for _, u := range append(p.UnmatchedMentees, p.UnmatchedMentors...) {
			if u.Reason != ReasonIneligible && u.Reason != ReasonPaused {
				texts = append(texts, u.Text)
			}
			assert.Equal(t, u.Describe(), u.Text(language.English))
		}
		all, err := p.AllAlternatives(ctx, 3)
		require.NoError(t, err)
		for _, alts := range all {
			for _, a := range alts {
				texts = append(texts, a.Text)
				assert.Equal(t, a.Describe(), a.Text(language.English))
			}
		}
		needs, err := p.Needs(ctx, NeedsOptions{MaxRecruits: 1})
		require.NoError(t, err)
		for _, n := range needs {
			texts = append(texts, n.Text)
		}
		outreach, err := p.Outreach(ctx, NeedsOptions{MaxRecruits: 1})
		require.NoError(t, err)
		for _, o := range outreach {
			texts = append(texts, o.Text)
		}
	}
	require.Greater(t, len(texts), 20, "the rounds should leave people out and have alternatives")
	for _, text := range texts {
		en := text(language.English)
		require.NotEmpty(t, en)
		assert.Equal(t, en, text(language.Tag{}), "the zero Tag is English")
		for _, lang := range i18n.Languages()[1:] {
			assert.NotRegexp(t, englishWords, text(lang), "%s: %s", lang, en)
		}
	}
}

// TestPartTexts checks PartTexts against each part's own Text (the
// oracle), duo by duo, in the four languages, pinned duos included; the
// French, Dutch and German words hold no English.
func TestPartTexts(t *testing.T) {
	r := synthRound(t, 3, 30, 20)
	p, err := Propose(context.Background(), r)
	require.NoError(t, err)
	require.NotEmpty(t, p.Duos)
	r.Pinned = []Duo{{MenteeID: p.Duos[0].MenteeID, MentorID: p.Duos[0].MentorID}}
	p, err = Propose(context.Background(), r)
	require.NoError(t, err)
	require.True(t, slices.ContainsFunc(p.Duos, func(d ProposedDuo) bool { return d.Pinned }))
	for _, lang := range i18n.Languages() {
		got := p.PartTexts(lang)
		require.Len(t, got, len(p.Duos), "%s", lang)
		for _, d := range p.Duos {
			require.Len(t, got[d.MenteeID], len(d.Parts), "%s %s", lang, d.MenteeID)
			for i, part := range d.Parts {
				assert.Equal(t, part.Text(lang), got[d.MenteeID][i], "%s %s part %d", lang, d.MenteeID, i)
				if lang != language.English {
					assert.NotRegexp(t, englishWords, got[d.MenteeID][i], "%s %s part %d", lang, d.MenteeID, i)
				}
			}
		}
	}
	assert.Empty(t, Proposal{}.PartTexts(language.French))
}

func TestTextInLanguages(t *testing.T) {
	u := Unmatched{Reason: ReasonOutcompeted, Best: &Candidate{ID: "mo-2", Score: 0.4812, TakenBy: []string{"me-9"}}}
	assert.Equal(t, "le meilleur partenaire, mo-2 (score 0,48), a été attribué à me-9", u.Text(language.French))
	blocked := Unmatched{Reason: ReasonNoCompatibleMentor, Blocked: map[string]int{"too_far": 3, "no_shared_language": 7}}
	assert.Equal(t, "elk mogelijk paar valt af door een harde regel: geen gemeenschappelijke taal (7), te ver (3)", blocked.Text(language.Dutch))
	a := Alternative{Changes: []Change{{MenteeID: "me-1", Loses: "mo-2", Gets: "mo-5"}, {MenteeID: "me-7", Loses: "mo-5"}, {MenteeID: "me-8", Gets: "mo-2"}}}
	assert.Equal(t, "me-1 perdrait mo-2 et recevrait mo-5 à la place ; me-7 perdrait mo-5 et resterait sans partenaire ; me-8 recevrait mo-2", a.Text(language.French))
	assert.Equal(t, "me-1 würde mo-2 verlieren und stattdessen mo-5 bekommen; me-7 würde mo-5 verlieren und ohne Partner bleiben; me-8 würde mo-2 bekommen", a.Text(language.German))
	w := Wanted{Gender: profile.Female, Speaks: "nl", Practise: "fr", Place: "Antwerpen", Lives: "within", WithinKm: 12.5,
		Slots: []string{"mon-morning", "wed-afternoon", "sat-evening"}, Section: "F"}
	assert.Equal(t, "gender female, speaks Dutch and French (to practise), lives within 12.5 km of Antwerpen, free Monday morning, Wednesday afternoon or Saturday evening; sector F, construction", w.Text(language.English))
	assert.Equal(t, "geslacht: vrouw, spreekt Nederlands en Frans (oefentaal), woont binnen 12,5 km van Antwerpen, vrij op maandagvoormiddag, woensdagnamiddag of zaterdagavond; sector F, bouwnijverheid", w.Text(language.Dutch))
	w.Aims = true
	assert.Equal(t, "Ziel: Branche F, BAUGEWERBE/BAU; Geschlecht: Frau, spricht Niederländisch und Französisch (Übungssprache), wohnt höchstens 12,5 km von Antwerpen entfernt, frei am Montagvormittag, Mittwochnachmittag oder Samstagabend", w.Text(language.German))
}

func TestReasonLabel(t *testing.T) {
	for _, r := range []string{ReasonIneligible, ReasonNoCompatibleMentor, ReasonNoCompatibleMentee, ReasonBelowMinScore, ReasonOutcompeted, ReasonPaused} {
		for _, lang := range i18n.Languages()[1:] {
			assert.NotEqual(t, r, ReasonLabel(r, lang), "%s has words in %s", r, lang)
		}
	}
	assert.Equal(t, "une meilleure paire pour le vivier", ReasonLabel(ReasonOutcompeted, language.French))
	assert.Equal(t, "full", ReasonLabel("full", language.French), "an unknown code as it is")
}
