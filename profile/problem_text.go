package profile

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
)

// Text returns the problem's place and words in the language lang (the
// zero Tag means English; see [Languages]), rendered from Code and Args:
// "ligne 7, colonne « Date de naissance » : me-004 : birth_date : pas une
// date (attendu AAAA-MM-JJ ou JJ/MM/AAAA)". IDs, paths and the sheet's
// column headings are written as they are; in French, Dutch and German an
// arg that is a day is written day first and a decimal number with a
// decimal comma. In English, Text equals [Problem.Error]. A code that the
// catalog lacks, or fewer Args than its words take (a Problem built
// outside duo), is written with its Detail.
//
// Cost: O(length of the message).
func (p *Problem) Text(lang language.Tag) string {
	words := p.Detail
	if p.Code != "" && problemCatalog.Has(p.Code) && len(p.Args) >= problemCatalog.NumArgs(p.Code) {
		words = problemCatalog.Render(lang, p.Code, p.Args)
	}
	if i18n.Index(lang) == 0 {
		q := *p
		q.Detail = words
		return q.Error()
	}
	var b []byte
	sep := func() {
		if len(b) > 0 {
			b = append(b, ", "...)
		}
	}
	if p.Row > 0 {
		b = append(b, problemCatalog.Sprintf(lang, "place.row", p.Row)...)
	}
	if p.Line > 0 {
		sep()
		b = append(b, problemCatalog.Sprintf(lang, "place.line", p.Line)...)
	}
	if p.Column != "" {
		sep()
		if letters, ok := noHeading(p.Column); ok {
			b = append(b, problemCatalog.Sprintf(lang, "place.no_heading", letters)...)
		} else {
			b = append(b, problemCatalog.Sprintf(lang, "place.column", p.Column)...)
		}
	}
	colon := problemCatalog.Sprintf(lang, "place.colon")
	if len(b) > 0 {
		b = append(b, colon...)
	}
	for k, id := range p.IDs {
		if k > 0 {
			b = append(b, ", "...)
		}
		b = append(b, id...)
	}
	if len(p.IDs) > 0 {
		b = append(b, colon...)
	}
	if p.Path != "" {
		if problemCatalog.Has("place." + p.Path) {
			b = append(b, problemCatalog.Sprintf(lang, "place."+p.Path)...)
		} else {
			b = append(b, p.Path...)
		}
		b = append(b, colon...)
	}
	return string(append(b, words...))
}

// noHeading reads the Column of a cell in a column without a heading, as
// package sheet describes it: "(column J, no heading)" gives "J".
func noHeading(column string) (string, bool) {
	rest, ok := strings.CutPrefix(column, "(column ")
	if !ok {
		return "", false
	}
	letters, ok := strings.CutSuffix(rest, ", no heading)")
	return letters, ok && letters != "" && strings.Trim(letters, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// ProblemCodes returns the code of every problem duo reports, in every
// package, in a new slice: the codes [Problem.Text] renders in every
// language. Cost: O(number of codes).
func ProblemCodes() []string {
	var out []string
	for _, k := range problemCatalog.Keys() {
		if !isPlaceOrTerm(k) {
			out = append(out, k)
		}
	}
	return out
}

func isPlaceOrTerm(key string) bool {
	return len(key) > 6 && (key[:6] == "place." || key[:5] == "term.")
}

// problemCatalog holds the words of every problem code of duo, with the
// words of a problem's place and the terms its args may hold. Problem is
// shared by every package, and profile cannot import the packages above
// it, so their codes' words are kept here, one file per package that
// makes them (problem_words_*.go); each code is defined where its problem
// is made, and a test gathers the problems of every package and checks
// that each code is here and renders its English words.
var problemCatalog = i18n.New(concat(
	placeWords, termWords, jsonTermWords, sheetTermWords, ledgerTermWords, profileProblemWords, jsonProblemWords,
	roundProblemWords, sheetProblemWords, ledgerProblemWords, scoringProblemWords,
)...)

func concat(lists ...[]i18n.Message) []i18n.Message {
	var out []i18n.Message
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// The words of a problem's place (English's are [Problem.Error]'s).
var placeWords = []i18n.Message{
	i18n.Msg("place.row", "row %d", "ligne %d", "rij %d", "Zeile %d"),
	i18n.Msg("place.line", "line %d", "ligne %d", "regel %d", "Zeile %d"),
	i18n.Msg("place.column", `column "%s"`, "colonne « %s »", "kolom ‘%s’", "Spalte „%s“"),
	i18n.Msg("place.colon", ": ", " : ", ": ", ": "),
	i18n.Msg("place.no_heading", "column %s, no heading", "colonne %s sans en-tête", "kolom %s zonder kolomkop", "Spalte %s ohne Überschrift"),
	// The pseudo-paths of a problem about a sheet's row or file, or a
	// request's whole document.
	i18n.Msg("place.(row)", "(row)", "(ligne)", "(rij)", "(Zeile)"),
	i18n.Msg("place.(file)", "(file)", "(fichier)", "(bestand)", "(Datei)"),
	i18n.Msg("place.(document)", "(document)", "(document)", "(document)", "(Dokument)"),
}

// The words that a problem's args may hold and Text translates.
var termWords = []i18n.Message{
	i18n.Msg("term.mentee", "mentee", "jeune", "mentee", "Mentee"),
	i18n.Msg("term.mentor", "mentor", "mentor", "mentor", "Mentor"),
	i18n.Msg("term.a string", "a string", "un texte", "een tekst", "einen Text"),
	i18n.Msg("term.an object", "an object", "un objet", "een object", "ein Objekt"),
	i18n.Msg("term.an array", "an array", "une liste", "een lijst", "eine Liste"),
	i18n.Msg("term.true or false", "true or false", "true ou false", "true of false", "true oder false"),
	i18n.Msg("term.an integer", "an integer", "un nombre entier", "een geheel getal", "eine ganze Zahl"),
	i18n.Msg("term.a number", "a number", "un nombre", "een getal", "eine Zahl"),
	i18n.Msg("term.another type", "another type", "un autre type", "een ander type", "einen anderen Typ"),
	i18n.Msg("term.a malformed literal", "a malformed literal", "une valeur littérale mal formée", "een foutieve letterlijke waarde", "ein fehlerhaftes Literal"),
	i18n.Msg("term.a comma before the end", "a comma before the end", "une virgule avant la fin", "een komma voor het einde", "ein Komma vor dem Ende"),
	i18n.Msg("term.want a colon after a field name", "want a colon after a field name", "deux-points attendu après un nom de champ", "dubbelepunt verwacht na een veldnaam", "Doppelpunkt nach einem Feldnamen erwartet"),
	i18n.Msg("term.want a comma or the end of the array", "want a comma or the end of the array", "virgule ou fin de liste attendue", "komma of einde van de lijst verwacht", "Komma oder Ende der Liste erwartet"),
	i18n.Msg("term.want a comma or the end of the object", "want a comma or the end of the object", "virgule ou fin d'objet attendue", "komma of einde van het object verwacht", "Komma oder Ende des Objekts erwartet"),
	i18n.Msg("term.want a field name in quotes", "want a field name in quotes", "nom de champ entre guillemets attendu", "veldnaam tussen aanhalingstekens verwacht", "Feldname in Anführungszeichen erwartet"),
	i18n.Msg("term.want a key in quotes", "want a key in quotes", "clé entre guillemets attendue", "sleutel tussen aanhalingstekens verwacht", "Schlüssel in Anführungszeichen erwartet"),
	i18n.Msg("term.want a value", "want a value", "valeur attendue", "waarde verwacht", "Wert erwartet"),
	// What a closed vocabulary accepts (the arg of "unknown_value").
	i18n.Msg("term.female, male or x", "female, male or x", "female, male ou x", "female, male of x", "female, male oder x"),
	i18n.Msg("term.female, male or x, in any of the four languages", "female, male or x, in any of the four languages",
		"femme, homme ou x, en français, en néerlandais, en allemand ou en anglais",
		"vrouw, man of x, in het Nederlands, het Frans, het Duits of het Engels",
		"Frau, Mann oder x, auf Deutsch, Französisch, Niederländisch oder Englisch"),
	i18n.Msg("term."+agencyNames, agencyNames, "Actiris, VDAB, Le Forem ou ADG", "Actiris, VDAB, Le Forem of ADG", "Actiris, VDAB, Le Forem oder ADG"),
}
