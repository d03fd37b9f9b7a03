package sheet

import (
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/scoring"
)

// catalog holds the words of package sheet: those the proposal writers
// write around the library's own (the tables' headings, English's being
// the columns' stable names, yes and no, and the explanation of
// [ReasonFull]), and the headings of the people's columns in each
// language. French, Dutch and German follow docs/glossary.md.
var catalog = i18n.New(append(proposalWords, headingWords...)...)

// proposalWords are the words of the proposal's files.
var proposalWords = []i18n.Message{
	i18n.Msg("mentee", "mentee", "jeune", "mentee", "Mentee"),
	i18n.Msg("mentor", "mentor", "mentor", "mentor", "Mentor"),
	i18n.Msg("score", "score", "score", "score", "Punktzahl"),
	i18n.Msg("pinned", "pinned", "fixé", "vastgezet", "festgelegt"),
	i18n.Msg("criterion", "criterion_%d", "critère %d", "criterium %d", "Kriterium %d"),
	i18n.Msg("points", "points_%d", "points %d", "punten %d", "Punkte %d"),
	i18n.Msg("reason", "reason_%d", "raison %d", "reden %d", "Grund %d"),
	i18n.Msg("blocked_codes", "blocked_today_codes", "codes des règles bloquantes", "codes van de blokkerende regels", "Codes der sperrenden Regeln"),
	i18n.Msg("blocked_today", "blocked_today", "bloqué aujourd'hui par", "vandaag tegengehouden door", "heute gesperrt durch"),
	i18n.Msg("side", "side", "rôle", "rol", "Rolle"),
	i18n.Msg("side_words", "role", "rôle (en clair)", "rol (voluit)", "Rolle (ausgeschrieben)"),
	i18n.Msg("id", "id", "identifiant", "id", "ID"),
	i18n.Msg("reason_code", "reason", "code du motif", "code van de reden", "Code des Grundes"),
	i18n.Msg("explanation", "explanation", "explication", "uitleg", "Erklärung"),
	i18n.Msg("best_partner", "best_partner", "meilleur partenaire", "beste partner", "bester Partner"),
	i18n.Msg("best_score", "best_score", "meilleur score", "beste score", "beste Punktzahl"),
	i18n.Msg("overdue", "overdue", "attente trop longue", "wacht te lang", "wartet zu lange"),
	i18n.Msg("proposed_mentor", "proposed_mentor", "mentor proposé", "voorgestelde mentor", "vorgeschlagener Mentor"),
	i18n.Msg("rank", "rank", "rang", "rang", "Rang"),
	i18n.Msg("lost_duos", "lost_duos", "duos perdus", "verloren duo's", "verlorene Tandems"),
	i18n.Msg("score_loss", "score_loss", "perte de score", "scoreverlies", "Punktverlust"),
	i18n.Msg("priority_loss", "priority_loss", "perte de priorité", "prioriteitsverlies", "Prioritätsverlust"),
	i18n.Msg("changes", "changes", "changements", "wijzigingen", "Änderungen"),
	i18n.Msg("yes", "yes", "oui", "ja", "ja"),
	i18n.Msg("no", "no", "non", "nee", "nein"),
	i18n.Msg("role.mentee", "mentee", "jeune", "mentee", "Mentee"),
	i18n.Msg("role.mentor", "mentor", "mentor", "mentor", "Mentor"),
	i18n.Msg(ReasonFull, "pinned duos use all of the mentor's places",
		"les duos fixés occupent toutes les places du mentor",
		"de vastgezette duo's nemen alle plaatsen van de mentor in",
		"die festgelegten Tandems belegen alle Plätze des Mentors"),
}

// words is the language of a proposal's files: its catalog's printer and
// the format of its numbers.
type words struct {
	lang language.Tag
	nf   numFormat
}

// newWords returns the words of opt: the language opt.Lang, and a decimal
// comma for every number, in cells and in words alike, when the language
// writes one (French, Dutch, German) or the separator is ';' (Excel in
// Belgium).
func newWords(opt Options) words {
	lang := i18n.Match(opt.Lang)
	return words{lang: lang, nf: numFormat{decimalComma: comma(opt) == ';' || i18n.Index(lang) != 0}}
}

// word returns the message key in the file's language.
func (x words) word(key string, args ...any) string { return catalog.Sprintf(x.lang, key, args...) }

// yesNo returns yes or no in the file's language.
func (x words) yesNo(b bool) string {
	if b {
		return x.word("yes")
	}
	return x.word("no")
}

// The library's words, in the file's language: the criteria's and hard
// rules' of package scoring, the reasons for people left out and the
// changes of alternatives of package match.

func (x words) part(p scoring.Part) string      { return p.Text(x.lang) }
func (x words) blocked(r scoring.Reason) string { return r.Text(x.lang) }
func (x words) unmatched(u match.Unmatched) string {
	if u.Reason == ReasonFull {
		return x.word(ReasonFull)
	}
	return u.Text(x.lang)
}
func (x words) alternative(a match.Alternative) string { return a.Text(x.lang) }
