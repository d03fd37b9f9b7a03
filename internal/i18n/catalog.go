package i18n

import (
	"errors"
	"fmt"
	"slices"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Text is one message in every supported language: a format string as
// package fmt and golang.org/x/text/message read it ("%d", "%[2]s",
// "%.2f"), with the same placeholders in each language.
type Text struct {
	En, Fr, Nl, De string
}

// in returns the text of the language at position i of supported.
func (t Text) in(i int) string {
	switch i {
	case 1:
		return t.Fr
	case 2:
		return t.Nl
	case 3:
		return t.De
	}
	return t.En
}

// Message is one entry of a [Catalog]: a key (the code it renders, such
// as "too_old" or "problem.not_a_date"), and either one Text or, when the
// words depend on a count, the forms One and Other chosen by the CLDR
// plural rule of each language for the argument at position Count (1 for
// the first argument). French's "one" covers 0 and 1; English's, Dutch's
// and German's only 1.
type Message struct {
	Key   string
	Text  Text
	Count int
	One   Text
	Other Text
}

// Catalog is the messages of one package in every supported language. It
// is built once, by [New], and never changed; it is safe for concurrent
// use.
type Catalog struct {
	cat      *catalog.Builder
	messages []Message
	printers [len(supported)]*message.Printer
}

// New builds a catalog from msgs. It does not check them: each package's
// tests call [Catalog.Check].
func New(msgs ...Message) *Catalog {
	c := &Catalog{cat: catalog.NewBuilder(catalog.Fallback(English)), messages: msgs}
	for _, m := range msgs {
		for i, tag := range supported {
			if m.Count > 0 {
				// An error here means a malformed message, which Check reports.
				_ = c.cat.Set(tag, m.Key, plural.Selectf(m.Count, "%d",
					plural.One, m.One.in(i), plural.Other, m.Other.in(i)))
				continue
			}
			_ = c.cat.SetString(tag, m.Key, m.Text.in(i))
		}
	}
	for i, tag := range supported {
		c.printers[i] = message.NewPrinter(tag, message.Catalog(c.cat))
	}
	return c
}

// Printer returns the printer of the supported language closest to tag,
// which formats numbers as that language writes them.
func (c *Catalog) Printer(tag language.Tag) *message.Printer {
	return c.printers[index(tag)]
}

// Sprintf renders the message key in the supported language closest to
// tag, with args. A key the catalog lacks is rendered as the key itself
// followed by its arguments, so that a missing message is visible rather
// than silent; Check makes sure it does not happen.
func (c *Catalog) Sprintf(tag language.Tag, key string, args ...any) string {
	if !c.has(key) {
		return key + fmt.Sprint(args...)
	}
	return c.printers[index(tag)].Sprintf(key, args...)
}

func (c *Catalog) has(key string) bool {
	return slices.ContainsFunc(c.messages, func(m Message) bool { return m.Key == key })
}

// Keys returns the catalog's keys, in the order they were given.
func (c *Catalog) Keys() []string {
	out := make([]string, len(c.messages))
	for i, m := range c.messages {
		out[i] = m.Key
	}
	return out
}

// Check reports every message that lacks a language, has a key given
// twice, or whose placeholders in some language differ from the English
// ones (for a counted message: each form may leave out placeholders of
// the English "other" form, but use no other, and every language's
// "other" form uses exactly the English "other" form's). It returns nil
// when the catalog is complete.
func (c *Catalog) Check() error {
	var errs []error
	seen := make(map[string]bool, len(c.messages))
	for _, m := range c.messages {
		if m.Key == "" {
			errs = append(errs, errors.New("i18n: a message has no key"))
			continue
		}
		if seen[m.Key] {
			errs = append(errs, fmt.Errorf("i18n: %s: key given twice", m.Key))
		}
		seen[m.Key] = true
		if m.Count > 0 {
			errs = append(errs, checkCounted(m)...)
		} else {
			errs = append(errs, checkForms(m.Key, "", m.Text, m.Text.En, true)...)
		}
	}
	return errors.Join(errs...)
}

func checkCounted(m Message) []error {
	ref := m.Other.En
	refSet, err := placeholders(ref)
	if err != nil {
		return []error{fmt.Errorf("i18n: %s: other, en: %v", m.Key, err)}
	}
	var errs []error
	if _, ok := refSet[m.Count]; !ok {
		errs = append(errs, fmt.Errorf("i18n: %s: the counted argument %d is not used by the English other form", m.Key, m.Count))
	}
	errs = append(errs, checkForms(m.Key, "one", m.One, ref, false)...)
	errs = append(errs, checkForms(m.Key, "other", m.Other, ref, true)...)
	return errs
}

// checkForms compares the placeholders of each language of t with those
// of ref: equal when exact, a subset otherwise.
func checkForms(key, form string, t Text, ref string, exact bool) []error {
	want, err := placeholders(ref)
	if err != nil {
		return []error{fmt.Errorf("i18n: %s%s: en: %v", key, suffix(form), err)}
	}
	var errs []error
	for i, tag := range supported {
		s := t.in(i)
		if s == "" {
			errs = append(errs, fmt.Errorf("i18n: %s%s: no %s text", key, suffix(form), tag))
			continue
		}
		got, err := placeholders(s)
		if err != nil {
			errs = append(errs, fmt.Errorf("i18n: %s%s: %s: %v", key, suffix(form), tag, err))
			continue
		}
		if !sameOrSubset(got, want, exact) {
			errs = append(errs, fmt.Errorf("i18n: %s%s: %s: placeholders %v differ from English %v", key, suffix(form), tag, got, want))
		}
	}
	return errs
}

func suffix(form string) string {
	if form == "" {
		return ""
	}
	return " (" + form + ")"
}

func sameOrSubset(got, want map[int]rune, exact bool) bool {
	if exact && len(got) != len(want) {
		return false
	}
	for arg, verb := range got {
		if w, ok := want[arg]; !ok || w != verb {
			return false
		}
	}
	return true
}
