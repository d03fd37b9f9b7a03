package main

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
)

// langs are the -lang values the quickstart takes, each with the language
// the library renders.
var langs = map[string]language.Tag{"en": i18n.English, "fr": i18n.French, "nl": i18n.Dutch, "de": i18n.German}

// parseLang reads -lang: en, fr, nl or de (any case).
func parseLang(s string) (language.Tag, error) {
	if tag, ok := langs[strings.ToLower(strings.TrimSpace(s))]; ok {
		return tag, nil
	}
	return language.Tag{}, fmt.Errorf("-lang: want en, fr, nl or de")
}

// words are the report's own headings; everything else it prints comes
// from the library's renderers (Text and Label methods).
var words = i18n.New(
	i18n.Message{Key: "title", Text: i18n.Text{
		En: "Matching round of %s: %d mentees, %d mentors",
		Fr: "Tour de mise en relation du %s : %d jeunes, %d mentors",
		Nl: "Matchingronde van %s: %d mentees, %d mentors",
		De: "Vermittlungsrunde vom %s: %d Mentees, %d Mentoren"}},
	i18n.Message{Key: "eligibility", Text: i18n.Text{
		En: "Eligibility", Fr: "Admissibilité", Nl: "Toelatingsvoorwaarden", De: "Teilnahmeberechtigung"}},
	i18n.Message{Key: "eligible", Text: i18n.Text{
		En: "%d of %d mentees and %d of %d mentors are eligible.",
		Fr: "%d jeunes sur %d et %d mentors sur %d sont admissibles.",
		Nl: "%d van de %d mentees en %d van de %d mentors komen in aanmerking.",
		De: "%d von %d Mentees und %d von %d Mentoren sind teilnahmeberechtigt."}},
	i18n.Message{Key: "fail_rules", Text: i18n.Text{
		En: "The others fail these rules (a person may fail several):",
		Fr: "Les autres ne remplissent pas ces conditions (une personne peut en manquer plusieurs) :",
		Nl: "De anderen voldoen niet aan deze voorwaarden (iemand kan er meerdere missen):",
		De: "Die anderen erfüllen diese Voraussetzungen nicht (eine Person kann mehrere verfehlen):"}},
	i18n.Message{Key: "mentees", Count: 1,
		One:   i18n.Text{En: "%d mentee", Fr: "%d jeune", Nl: "%d mentee", De: "%d Mentee"},
		Other: i18n.Text{En: "%d mentees", Fr: "%d jeunes", Nl: "%d mentees", De: "%d Mentees"}},
	i18n.Message{Key: "mentors", Count: 1,
		One:   i18n.Text{En: "%d mentor", Fr: "%d mentor", Nl: "%d mentor", De: "%d Mentor"},
		Other: i18n.Text{En: "%d mentors", Fr: "%d mentors", Nl: "%d mentors", De: "%d Mentoren"}},
	i18n.Message{Key: "duos", Text: i18n.Text{
		En: "Duos (%d proposed, %d pinned), score and strongest reasons",
		Fr: "Duos (%d proposés, %d fixés), score et principales raisons",
		Nl: "Duo's (%d voorgesteld, %d vastgezet), score en belangrijkste redenen",
		De: "Tandems (%d vorgeschlagen, %d festgelegt), Punktzahl und stärkste Gründe"}},
	i18n.Message{Key: "pinned", Text: i18n.Text{En: "pinned", Fr: "fixé", Nl: "vastgezet", De: "festgelegt"}},
	i18n.Message{Key: "blocked_today", Text: i18n.Text{
		En: " (today's rules would block it: %s)",
		Fr: " (les règles d'aujourd'hui l'excluraient : %s)",
		Nl: " (de regels van vandaag zouden het uitsluiten: %s)",
		De: " (nach den heutigen Regeln ausgeschlossen: %s)"}},
	i18n.Message{Key: "unmatched_mentees", Text: i18n.Text{
		En: "Unmatched mentees (%d%s)", Fr: "Jeunes sans partenaire (%d%s)", Nl: "Mentees zonder partner (%d%s)", De: "Mentees ohne Partner (%d%s)"}},
	i18n.Message{Key: "unmatched_mentors", Text: i18n.Text{
		En: "Unmatched mentors (%d%s)", Fr: "Mentors sans partenaire (%d%s)", Nl: "Mentors zonder partner (%d%s)", De: "Mentoren ohne Partner (%d%s)"}},
	i18n.Message{Key: "by_reason", Text: i18n.Text{En: " — %s", Fr: " — %s", Nl: " — %s", De: " — %s"}},
	// A reason and its count, the count after the words so that they
	// need not agree with it.
	i18n.Message{Key: "reason_count", Text: i18n.Text{En: "%[2]s: %[1]d", Fr: "%[2]s : %[1]d", Nl: "%[2]s: %[1]d", De: "%[2]s: %[1]d"}},
	i18n.Message{Key: "waiting_tag", Text: i18n.Text{
		En: " [waiting more than %d days]", Fr: " [en attente depuis plus de %d jours]",
		Nl: " [wacht al meer dan %d dagen]", De: " [wartet seit mehr als %d Tagen]"}},
	i18n.Message{Key: "full", Text: i18n.Text{
		En: "Full (pinned duos use all their places): %s",
		Fr: "Complets (les duos fixés occupent toutes leurs places) : %s",
		Nl: "Volzet (vastgezette duo's gebruiken al hun plaatsen): %s",
		De: "Voll (festgelegte Tandems belegen alle Plätze): %s"}},
	i18n.Message{Key: "no_applied_on", Text: i18n.Text{
		En: "No applied_on (no waiting priority, never listed overdue): %s",
		Fr: "Sans date d'inscription (applied_on ; pas de priorité d'attente, jamais signalés en retard) : %s",
		Nl: "Zonder aanmeldingsdatum (applied_on; geen wachtvoorrang, nooit als te laat gemeld): %s",
		De: "Ohne Anmeldedatum (applied_on; kein Wartevorrang, nie als überfällig gemeldet): %s"}},
	i18n.Message{Key: "total", Text: i18n.Text{En: "Total", Fr: "Total", Nl: "Totaal", De: "Gesamt"}},
	i18n.Message{Key: "total_line", Text: i18n.Text{
		En: "%d proposed duos, total score %.2f", Fr: "%d duos proposés, score total %.2f",
		Nl: "%d voorgestelde duo's, totale score %.2f", De: "%d vorgeschlagene Tandems, Gesamtpunktzahl %.2f"}},
	i18n.Message{Key: "mean", Text: i18n.Text{En: " (mean %.2f)", Fr: " (moyenne %.2f)", Nl: " (gemiddeld %.2f)", De: " (Mittel %.2f)"}},
	i18n.Message{Key: "pinned_kept", Text: i18n.Text{
		En: "; %d pinned duos kept.", Fr: " ; %d duos fixés conservés.", Nl: "; %d vastgezette duo's behouden.", De: "; %d festgelegte Tandems beibehalten."}},
	i18n.Message{Key: "overdue", Text: i18n.Text{
		En: "Waiting more than %d days and still unmatched: %s.",
		Fr: "En attente depuis plus de %d jours et toujours sans partenaire : %s.",
		Nl: "Wachten al meer dan %d dagen en nog zonder partner: %s.",
		De: "Warten seit mehr als %d Tagen und noch ohne Partner: %s."}},
	i18n.Message{Key: "needs", Text: i18n.Text{
		En: "Mentors to recruit (duos gained with 1, 2, … such mentors)",
		Fr: "Profils de mentors à recruter (duos gagnés avec 1, 2, … mentors de ce profil)",
		Nl: "Te werven mentorprofielen (duo's gewonnen met 1, 2, … zulke mentors)",
		De: "Gesuchte Mentorenprofile (gewonnene Tandems mit 1, 2, … solchen Mentoren)"}},
	i18n.Message{Key: "outreach", Text: i18n.Text{
		En: "Mentees to look for (duos gained with 1, 2, … such mentees)",
		Fr: "Profils de jeunes à rechercher (duos gagnés avec 1, 2, … jeunes de ce profil)",
		Nl: "Te zoeken menteeprofielen (duo's gewonnen met 1, 2, … zulke mentees)",
		De: "Gesuchte Mentee-Profile (gewonnene Tandems mit 1, 2, … solchen Mentees)"}},
	i18n.Message{Key: "for", Text: i18n.Text{En: "for %s", Fr: "pour %s", Nl: "voor %s", De: "für %s"}},
)
