package sheet

import (
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
)

// headingWords are the headings a sheet in each language gives the
// columns, keyed by "heading." and the column's name: each is one of the
// column's aliases (a test checks that the readers accept it), so that a
// coordinator told to use it can. English's, and German's until the
// readers take German headings, are the names themselves.
var headingWords = []i18n.Message{
	h("id", "identifiant", "identificatie"),
	h("birth_date", "date de naissance", "geboortedatum"),
	h("gender", "genre", "geslacht"),
	h("postcode", "code postal", "postcode"),
	h("city", "commune", "gemeente"),
	h("country", "pays", "land"),
	h("lat", "latitude", "breedtegraad"),
	h("lon", "longitude", "lengtegraad"),
	h("languages", "langues", "talen"),
	h("availability", "disponibilités", "beschikbaarheid"),
	h("interests", "centres d'intérêt", "interesses"),
	h("traits", "personnalité", "persoonlijkheid"),
	h("paused", "en pause", "gepauzeerd"),
	h("birth_country", "pays de naissance", "geboorteland"),
	h("nationalities", "nationalités", "nationaliteiten"),
	h("parent_birth_countries", "pays de naissance des parents", "geboortelanden ouders"),
	h("parent_nationalities", "nationalités des parents", "nationaliteiten ouders"),
	h("registered", "inscrit", "ingeschreven"),
	h("agency", "organisme", "instantie"),
	h("job_seeker_since", "inscrit depuis", "ingeschreven sinds"),
	h("project", "projet", "project"),
	h("sectors", "secteurs", "sectoren"),
	h("occupation", "métier", "beroep"),
	h("mentor_gender", "genre du mentor", "geslacht mentor"),
	h("practise_language", "langue à pratiquer", "oefentaal"),
	h("applied_on", "date de candidature", "aanmeldingsdatum"),
	h("status", "statut", "status"),
	h("experience", "expérience", "ervaring"),
	h("weekly_hours", "heures par semaine", "uren per week"),
	h("trained", "formé", "opgeleid"),
	h("capacity", "capacité", "capaciteit"),
	h("mentee_gender", "genre du mentoré", "geslacht mentee"),
	i18n.Msg("ignored", `column "%s" not read`, "colonne « %s » non lue", "kolom ‘%s’ niet gelezen", "Spalte „%s“ nicht gelesen"),
	i18n.Msg("ignored_likely", `column "%s" not read (a misspelling of %s?)`, "colonne « %s » non lue (vouliez-vous écrire « %s » ?)",
		"kolom ‘%s’ niet gelezen (bedoelde u ‘%s’?)", "Spalte „%s“ nicht gelesen (meinten Sie „%s“?)"),
}

// h is the heading of the column name in French and Dutch.
func h(name, fr, nl string) i18n.Message { return i18n.Msg("heading."+name, name, fr, nl, name) }

// Heading returns the heading a sheet in the language lang gives the
// column name (such as "birth_date"): "date de naissance" in French,
// "geboortedatum" in Dutch, the name itself in English and German, and
// for a name that is not a column. The readers accept every heading it
// returns. Cost: O(number of columns).
func Heading(name string, lang language.Tag) string {
	if !catalog.Has("heading." + name) {
		return name
	}
	return catalog.Sprintf(lang, "heading."+name)
}

// Text says in the language lang that the column was not read and, when
// its heading looks like a misspelling of a column, names that column by
// its heading in lang ([Heading]): "kolom ‘Taalen’ niet gelezen (bedoelde
// u ‘talen’?)". The zero Tag is English. Cost: O(number of columns).
func (c IgnoredColumn) Text(lang language.Tag) string {
	if c.Likely == "" {
		return catalog.Sprintf(lang, "ignored", c.Heading)
	}
	return catalog.Sprintf(lang, "ignored_likely", c.Heading, Heading(c.Likely, lang))
}
