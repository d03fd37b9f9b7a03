// Package names gives the names of languages and countries in English,
// French, Dutch and German, for the language tags and country codes that
// package profile accepts: [Language] for a BCP 47 tag's base language,
// [Country] for an ISO 3166-1 alpha-2 code (and XK, Kosovo).
//
// The names are CLDR's, from golang.org/x/text/language/display, with a
// small hand-kept table for the languages of Belgium's newcomers that CLDR
// does not name in all four languages (Dari, Berber, several spoken forms
// of Arabic, Hazaragi, Pular, …); gaps.go records where those names come
// from. CLDR names every country code profile accepts in the four languages
// and every language it names in English; the thousands of other ISO 639-3
// codes that profile accepts have no name here, and [Language] says so.
//
// CLDR data: Copyright © Unicode, Inc., distributed under the Unicode
// License v3 (see the NOTICE file at the root of the module).
//
// The package keeps no state; each call is O(length of its argument).
package names
