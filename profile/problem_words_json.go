package profile

import "github.com/duomatch/duo/internal/i18n"

// The words of the problems of a JSON document, made by the decoder of
// package profile (internal/jsondec, decode.go) for every document duo
// reads: profiles, rounds, policies.
var jsonProblemWords = []i18n.Message{
	i18n.Msg("unknown_field", "unknown field", "champ inconnu", "onbekend veld", "unbekanntes Feld"),
	i18n.Msg("duplicate_field", "duplicate field", "champ en double", "dubbel veld", "doppeltes Feld"),
	i18n.Msg("duplicate_key", "duplicate key", "clé en double", "dubbele sleutel", "doppelter Schlüssel"),
	i18n.Msg("not_utf8_name", "a field name is not valid UTF-8", "un nom de champ n'est pas de l'UTF-8 valide", "een veldnaam is geen geldige UTF-8", "ein Feldname ist kein gültiges UTF-8"),
	i18n.Msg("not_utf8_key", "a key is not valid UTF-8", "une clé n'est pas de l'UTF-8 valide", "een sleutel is geen geldige UTF-8", "ein Schlüssel ist kein gültiges UTF-8"),
	i18n.Msg("undecodable_type", "cannot be decoded into this Go type", "ne peut être lu dans ce type Go", "kan niet in dit Go-type gelezen worden", "kann nicht in diesen Go-Typ gelesen werden"),
	{Key: "more_not_listed", Count: 1,
		One: i18n.Text{
			En: "%[1]d more problem not listed (reporting stops after %[2]d)",
			Fr: "%[1]d autre problème non listé (la liste s'arrête après %[2]d)",
			Nl: "nog %[1]d probleem niet vermeld (de lijst stopt na %[2]d)",
			De: "%[1]d weiteres Problem nicht aufgeführt (die Liste endet nach %[2]d)"},
		Other: i18n.Text{
			En: "%[1]d more problems not listed (reporting stops after %[2]d)",
			Fr: "%[1]d autres problèmes non listés (la liste s'arrête après %[2]d)",
			Nl: "nog %[1]d problemen niet vermeld (de lijst stopt na %[2]d)",
			De: "%[1]d weitere Probleme nicht aufgeführt (die Liste endet nach %[2]d)"}},
	i18n.Msg("empty_document", "empty; want %[1]s", "vide ; attendu : %[1]s", "leeg; verwacht: %[1]s", "leer; erwartet: %[1]s"),
	i18n.Msg("null_document", "null; want %[1]s", "null ; attendu : %[1]s", "null; verwacht: %[1]s", "null; erwartet: %[1]s"),
	i18n.Msg("data_after_value", "unexpected data after the JSON value at byte offset %[1]s",
		"données inattendues après la valeur JSON, à l'octet %[1]s",
		"onverwachte gegevens na de JSON-waarde, op byte %[1]s",
		"unerwartete Daten nach dem JSON-Wert, bei Byte %[1]s"),
	i18n.Msg("too_many_entries", "more than %[1]s entries; decoding stopped here",
		"plus de %[1]s éléments ; la lecture s'arrête ici",
		"meer dan %[1]s elementen; het lezen stopt hier",
		"mehr als %[1]s Einträge; das Lesen endet hier"),
	i18n.Msg("json_ends_early", "malformed JSON: the input ends too early at byte offset %[1]s",
		"JSON mal formé : le texte s'arrête trop tôt, à l'octet %[1]s",
		"foutieve JSON: de tekst stopt te vroeg, op byte %[1]s",
		"fehlerhaftes JSON: der Text endet zu früh, bei Byte %[1]s"),
	i18n.Msg("malformed_json", "malformed JSON at byte offset %[1]s: %[2]s",
		"JSON mal formé à l'octet %[1]s : %[2]s",
		"foutieve JSON op byte %[1]s: %[2]s",
		"fehlerhaftes JSON bei Byte %[1]s: %[2]s"),
	i18n.Msg("too_deep", "nested more than %[1]s levels deep", "imbriqué sur plus de %[1]s niveaux", "meer dan %[1]s niveaus diep genest", "mehr als %[1]s Ebenen tief verschachtelt"),
	i18n.Msg("wrong_type", "wrong type: want %[1]s, not %[2]s", "mauvais type : attendu %[1]s, pas %[2]s", "verkeerd type: verwacht %[1]s, niet %[2]s", "falscher Typ: erwartet %[1]s, nicht %[2]s"),
	i18n.Msg("invalid_value_want", "invalid value; want %[1]s", "valeur non valable ; attendu : %[1]s", "ongeldige waarde; verwacht: %[1]s", "ungültiger Wert; erwartet: %[1]s"),
	i18n.Msg("invalid_value", "invalid value", "valeur non valable", "ongeldige waarde", "ungültiger Wert"),
	i18n.Msg("number_out_of_range", "number out of range", "nombre hors limites", "getal buiten bereik", "Zahl außerhalb des Bereichs"),
	i18n.Msg("integer_out_of_range", "integer out of range", "nombre entier hors limites", "geheel getal buiten bereik", "ganze Zahl außerhalb des Bereichs"),
	i18n.Msg("not_an_integer", "wrong type: want an integer, not a fraction or an exponent",
		"mauvais type : attendu un nombre entier, sans décimales ni exposant",
		"verkeerd type: verwacht een geheel getal, geen breuk of exponent",
		"falscher Typ: erwartet eine ganze Zahl, keinen Bruch und keinen Exponenten"),
	i18n.Msg("invalid_objective", `invalid value; want "most_matched" or "best_total"`,
		`valeur non valable ; attendu : "most_matched" ou "best_total"`,
		`ongeldige waarde; verwacht: "most_matched" of "best_total"`,
		`ungültiger Wert; erwartet: "most_matched" oder "best_total"`),
}

// The words of a JSON value's kind or form, which the problems above take
// as args.
var jsonTermWords = []i18n.Message{
	i18n.Msg("term.a boolean", "a boolean", "un booléen", "een booleaanse waarde", "einen Wahrheitswert"),
	i18n.Msg("term.null", "null", "null", "null", "null"),
	i18n.Msg("term.true, false or null", "true, false or null", "true, false ou null", "true, false of null", "true, false oder null"),
	i18n.Msg(`term.an existing day as "YYYY-MM-DD"`, `an existing day as "YYYY-MM-DD"`, `un jour existant sous la forme "AAAA-MM-JJ"`, `een bestaande dag als "JJJJ-MM-DD"`, `einen existierenden Tag als "JJJJ-MM-TT"`),
	i18n.Msg(`term.an array of weekly slots such as "mon-evening"`, `an array of weekly slots such as "mon-evening"`, `une liste de créneaux hebdomadaires comme "mon-evening"`, `een lijst van vaste momenten in de week zoals "mon-evening"`, `eine Liste wöchentlicher Zeitfenster wie "mon-evening"`),
	i18n.Msg(`term.a string such as "BE"`, `a string such as "BE"`, `un texte comme "BE"`, `een tekst zoals "BE"`, `einen Text wie "BE"`),
}
