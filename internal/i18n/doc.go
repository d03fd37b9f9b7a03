// Package i18n holds the mechanism behind every word duo shows a person:
// the four languages of its users (English, and French, Dutch and German
// as written in Belgium), message catalogs of golang.org/x/text/message
// with CLDR plural rules, dates written day first, and the check that
// every message exists in every language with the same placeholders.
//
// The words themselves do not live here. Each package keeps its messages
// next to the rule or reason that produces them, as a [Catalog] built once
// when the package is initialised and never changed afterwards, and
// renders them at the edge, in the language asked for; codes (rule codes,
// reason codes, problem codes) stay the API in every language. Each
// package's tests call [Catalog.Check], which fails on a missing
// translation or a placeholder that differs from the English one.
//
// Numbers are formatted by the x/text printer of the language: a decimal
// comma and a narrow space between thousands in French, a decimal comma and
// a dot between thousands in Dutch and German.
package i18n
