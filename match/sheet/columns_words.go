package sheet

import (
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
)

// headingWords are the headings a sheet in each language gives the
// columns, keyed by "heading." and the column's name: the readers take
// each as one of the column's aliases (newTable adds it; a test checks),
// so that a coordinator told to use it can. English's are the names
// themselves. French, Dutch and German follow docs/glossary.md.
var headingWords = []i18n.Message{
	h("id", "identifiant", "identificatie", "Kennung"),
	h("birth_date", "date de naissance", "geboortedatum", "Geburtsdatum"),
	h("gender", "genre", "geslacht", "Geschlecht"),
	h("postcode", "code postal", "postcode", "Postleitzahl"),
	h("city", "commune", "gemeente", "Gemeinde"),
	h("country", "pays", "land", "Land"),
	h("lat", "latitude", "breedtegraad", "Breitengrad"),
	h("lon", "longitude", "lengtegraad", "Längengrad"),
	h("languages", "langues", "talen", "Sprachen"),
	h("availability", "disponibilités", "beschikbaarheid", "Verfügbarkeit"),
	h("interests", "centres d'intérêt", "interesses", "Interessen"),
	h("traits", "personnalité", "persoonlijkheid", "Persönlichkeit"),
	h("paused", "en pause", "gepauzeerd", "pausiert"),
	h("birth_country", "pays de naissance", "geboorteland", "Geburtsland"),
	h("nationalities", "nationalités", "nationaliteiten", "Staatsangehörigkeiten"),
	h("parent_birth_countries", "pays de naissance des parents", "geboortelanden ouders", "Geburtsländer der Eltern"),
	h("parent_nationalities", "nationalités des parents", "nationaliteiten ouders", "Staatsangehörigkeiten der Eltern"),
	h("registered", "inscrit", "ingeschreven", "als arbeitsuchend gemeldet"),
	h("agency", "organisme", "instantie", "Arbeitsamt"),
	h("job_seeker_since", "inscrit depuis", "ingeschreven sinds", "arbeitsuchend seit"),
	h("project", "projet", "project", "berufliches Vorhaben"),
	h("sectors", "secteurs", "sectoren", "Branchen"),
	h("occupation", "métier", "beroep", "Beruf"),
	h("mentor_gender", "genre du mentor", "geslacht mentor", "Geschlecht des Mentors"),
	h("practise_language", "langue à pratiquer", "oefentaal", "Übungssprache"),
	h("applied_on", "date de candidature", "aanmeldingsdatum", "Anmeldedatum"),
	h("status", "statut", "status", "Status"),
	h("experience", "expérience", "ervaring", "Berufserfahrung"),
	h("weekly_hours", "heures par semaine", "uren per week", "Stunden pro Woche"),
	h("trained", "formé", "opgeleid", "geschult"),
	h("capacity", "capacité", "capaciteit", "Anzahl Mentees gleichzeitig"),
	h("mentee_gender", "genre du mentoré", "geslacht mentee", "Geschlecht des Mentees"),
	i18n.Msg("ignored", `column "%s" not read`, "colonne « %s » non lue", "kolom ‘%s’ niet gelezen", "Spalte „%s“ nicht gelesen"),
	i18n.Msg("ignored_likely", `column "%s" not read (a misspelling of %s?)`, "colonne « %s » non lue (vouliez-vous écrire « %s » ?)",
		"kolom ‘%s’ niet gelezen (bedoelde u ‘%s’?)", "Spalte „%s“ nicht gelesen (meinten Sie „%s“?)"),
}

// h is the heading of the column name in French, Dutch and German;
// English's is the name itself.
func h(name, fr, nl, de string) i18n.Message { return i18n.Msg("heading."+name, name, fr, nl, de) }

// Heading returns the heading a sheet in the language lang gives the
// column name (such as "birth_date"): "date de naissance" in French,
// "geboortedatum" in Dutch, "Geburtsdatum" in German, the name itself in
// English, and for a name that is not a column. The readers accept every heading it
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
