package scoring

import (
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile/names"
)

// word is one message of scoring, kept in the file of the rule or
// criterion that produces it: its key (the criterion's name or the rule's
// code, a dot, and the explanation's code) and text in every language, and
// how the Args of a [Part] or [Reason] become the message's arguments.
type word struct {
	i18n.Message
	// args turns the stored Args into the message's arguments in t's
	// language; nil passes each as a string.
	args func(t tr, a []string) []any
	// render, when set, writes the whole text itself (a rule that joins
	// several messages); Message then holds its lead sentence.
	render func(t tr, a []string) string
}

// tr is a language and the catalog to write in: the words' functions take
// it rather than read the package's catalog, which is built from them.
type tr struct {
	lang language.Tag
	c    *i18n.Catalog
}

func (t tr) sprintf(key string, args ...any) string { return t.c.Sprintf(t.lang, key, args...) }

// wordList gathers the words of every hard rule and criterion.
func wordList() []word {
	var out []word
	for _, r := range hardRules {
		out = append(out, r.words...)
	}
	for _, c := range criteria {
		out = append(out, c.words...)
	}
	out = append(out, invalidWords...)
	return append(append(out, placeWords...), levelWords...)
}

// catalog holds every message of scoring in every language; words finds a
// message's argument conversion by key. Both are built once and never
// changed.
var (
	catalog = func() *i18n.Catalog {
		ws := wordList()
		msgs := make([]i18n.Message, len(ws))
		for k, w := range ws {
			msgs[k] = w.Message
		}
		return i18n.New(msgs...)
	}()
	words = func() map[string]word {
		m := map[string]word{}
		for _, w := range wordList() {
			m[w.Key] = w
		}
		return m
	}()
)

// render writes the message key with the stored args a in lang; a key
// scoring does not know is written as the key and its args, visibly.
func render(lang language.Tag, key string, a []string) string {
	w, ok := words[key]
	t := tr{lang, catalog}
	switch {
	case !ok:
		return key + " " + strings.Join(a, " ")
	case w.render != nil:
		return w.render(t, a)
	case w.args != nil:
		return t.sprintf(key, w.args(t, a)...)
	}
	as := make([]any, len(a))
	for k, s := range a {
		as[k] = s
	}
	return t.sprintf(key, as...)
}

// Text says in lang why the criterion has its value, in a few words a
// coordinator can pass on: sectors and occupations by their code and name,
// languages by their name, numbers as lang writes them. The zero Tag is
// English; any language other than French, Dutch and German gives
// English.
//
// Cost: O(length of the text).
func (p Part) Text(lang language.Tag) string {
	return render(lang, p.Criterion+"."+p.Detail, p.Args)
}

// Text says in lang, in words a coordinator can pass on, why the rule
// blocks the pair. The zero Tag is English.
//
// Cost: O(length of the text).
func (r Reason) Text(lang language.Tag) string {
	return render(lang, r.Code, r.Args)
}

// Label names a hard rule's code or a criterion in a few words in lang,
// for counts, headings and columns: no_shared_language is "no shared
// language", "pas de langue commune", "geen gemeenschappelijke taal",
// "keine gemeinsame Sprache"; sector is "sector", "secteur", "sector",
// "Branche". A code that is neither is given as it is. The zero Tag is
// English.
//
// Cost: O(1).
func Label(code string, lang language.Tag) string {
	if _, ok := words[code+".label"]; !ok {
		return code
	}
	return catalog.Sprintf(lang, code+".label")
}

// arg helpers: the stored Args are text (codes, counts, numbers written
// by strconv); these read them back for the printer, which writes numbers
// as lang does.

// float reads a number stored by fmtFloat; 0 when it is none.
func float(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// integer reads a count stored by strconv.Itoa; 0 when it is none.
func integer(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// fmtFloat stores a number as text, exactly.
func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// floats passes every arg as a number.
func asFloats(_ tr, a []string) []any {
	out := make([]any, len(a))
	for k, s := range a {
		out[k] = float(s)
	}
	return out
}

// classArgs passes a classification's code (NACE Rev. 2, ISCO-08) and its
// name in the language, as name gives it, written for a sentence.
func classArgs(name func(code string, lang language.Tag) (string, error)) func(t tr, a []string) []any {
	return func(t tr, a []string) []any {
		code := at(a, 0)
		n, err := name(code, t.lang)
		if err != nil {
			n = "?"
		}
		return []any{code, i18n.InText(n, t.lang)}
	}
}

// languageName names a base language tag in lang ("fr" is "French",
// "français", "Frans", "Französisch"), or gives the tag when it has no
// name.
func languageName(tag string, lang language.Tag) string {
	if n, ok := names.Language(tag, lang); ok {
		return n
	}
	return tag
}

// at returns a[k], or "" when a is shorter (Args decoded from JSON may be).
func at(a []string, k int) string {
	if k < len(a) {
		return a[k]
	}
	return ""
}

// counts passes every arg as a count.
func counts(_ tr, a []string) []any {
	out := make([]any, len(a))
	for k, s := range a {
		out[k] = integer(s)
	}
	return out
}
