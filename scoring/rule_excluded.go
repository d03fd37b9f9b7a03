package scoring

import "github.com/duomatch/duo/internal/i18n"

// CodeExcluded is the rule that blocks a pair excluded with
// [Pool.Exclude] (a failed first meeting, a coordinator's decision). The
// Pool applies it, after the other rules, since a Scorer knows no pairs.
const CodeExcluded = "excluded"

var ruleExcluded = hardRule{code: CodeExcluded, words: []word{
	{Message: i18n.Message{Key: CodeExcluded + ".label", Text: i18n.Text{En: "excluded pair", Fr: "paire exclue", Nl: "uitgesloten paar", De: "ausgeschlossenes Paar"}}},
	{Message: i18n.Message{Key: CodeExcluded, Text: i18n.Text{
		En: "the pair is on the excluded list",
		Fr: "cette paire figure sur la liste des paires exclues",
		Nl: "dit paar staat op de lijst van uitgesloten paren",
		De: "dieses Paar steht auf der Liste der ausgeschlossenen Paare"}}},
}}
