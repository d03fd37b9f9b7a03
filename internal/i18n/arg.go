package i18n

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Render renders the message key with args kept as text, such as the Args
// of a problem or of an eligibility violation: codes, limits, field names,
// IDs, days. In English each arg is written as it is, so that the English
// rendering of a message equals the English words it was made with. In the
// other languages, for the verbs %s and %v, an arg that is a day
// "YYYY-MM-DD" is written day first ([ShortDate] for %s, [LongDate] for
// %v), a decimal number such as "0.25" with the language's decimal comma,
// and an arg the catalog names as a term (a message with key "term." +
// arg, such as "term.mentee") in the language's words. The verb %d writes
// the arg's digits as they are (no grouping: years stay 2026), and a
// counted message chooses its plural form from the arg's value.
//
// A key the catalog lacks is rendered as by [Catalog.Sprintf]. Cost:
// O(length of the message and the args).
func (c *Catalog) Render(tag language.Tag, key string, args []string) string {
	i := index(tag)
	as := make([]any, len(args))
	for k, s := range args {
		as[k] = textArg{s: s, lang: i, cat: c}
	}
	return c.Sprintf(tag, key, as...)
}

// textArg is one arg of [Catalog.Render].
type textArg struct {
	s    string
	lang int
	cat  *Catalog
}

// Format writes the arg for verb as Render documents.
func (a textArg) Format(f fmt.State, verb rune) {
	_, _ = io.WriteString(f, a.text(verb))
}

func (a textArg) text(verb rune) string {
	if a.lang == 0 || verb == 'd' {
		return a.s
	}
	tag := supported[a.lang]
	if y, m, d, ok := isoDay(a.s); ok {
		if verb == 'v' {
			return LongDate(tag, y, m, d)
		}
		return ShortDate(tag, y, m, d)
	}
	if isDecimal(a.s) {
		return strings.Replace(a.s, ".", ",", 1)
	}
	if a.cat != nil && a.cat.has("term."+a.s) {
		return a.cat.printers[a.lang].Sprintf("term." + a.s)
	}
	return a.s
}

// PluralForm returns the CLDR plural form of the arg read as a decimal
// number (0 when it is not one), so that counted messages can take it:
// "1" is one in every language, "1.5" one in French and other in English.
func (a textArg) PluralForm(t language.Tag, _ int) (plural.Form, int) {
	whole, frac, _ := strings.Cut(a.s, ".")
	i, err := strconv.Atoi(whole)
	if err != nil || i < 0 {
		i = 0
	}
	f, err := strconv.Atoi(frac)
	if err != nil || f < 0 {
		f, frac = 0, ""
	}
	trimmed := strings.TrimRight(frac, "0")
	tt, _ := strconv.Atoi(trimmed)
	i %= 10000000
	return plural.Cardinal.MatchPlural(t, i, len(frac), len(trimmed), f, tt), i
}

// isoDay reads s as "YYYY-MM-DD".
func isoDay(s string) (int, time.Month, int, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	y, e1 := strconv.Atoi(s[:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:])
	if e1 != nil || e2 != nil || e3 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, 0, 0, false
	}
	return y, time.Month(m), d, true
}

// isDecimal reports whether s is a number with a fractional part written
// with a point, such as "0.25" or "-1.5".
func isDecimal(s string) bool {
	k := strings.IndexByte(s, '.')
	if k <= 0 || k == len(s)-1 {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && strings.IndexFunc(s, func(r rune) bool { return r != '.' && r != '-' && (r < '0' || r > '9') }) < 0
}

// Has reports whether the catalog has a message with key. Cost: O(number
// of messages).
func (c *Catalog) Has(key string) bool { return c.has(key) }

// Msg returns the message key with one text in English, French, Dutch and
// German, the form most messages take.
func Msg(key, en, fr, nl, de string) Message {
	return Message{Key: key, Text: Text{En: en, Fr: fr, Nl: nl, De: de}}
}

// NumArgs returns how many args the message key takes: the highest
// argument its English text uses (for a counted message, its "other"
// form), 0 for a key the catalog lacks. A caller holding fewer args than
// that (a value made by hand) can fall back to its own words. Cost:
// O(number of messages + length of the text).
func (c *Catalog) NumArgs(key string) int {
	for _, m := range c.messages {
		if m.Key != key {
			continue
		}
		en := m.Text.En
		if m.Count > 0 {
			en = m.Other.En
		}
		set, err := placeholders(en)
		if err != nil {
			return 0
		}
		n := 0
		for arg := range set {
			n = max(n, arg)
		}
		return n
	}
	return 0
}
