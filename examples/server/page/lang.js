// The page's language: the words of words.js in English, French, Dutch or
// German. The first choice is the one made in this tab (sessionStorage),
// then the server's (it sets <html lang> from ?lang= or the browser's
// Accept-Language). Numbers and dates are written as the language does.
"use strict";

const LANGS = ["en", "fr", "nl", "de"];
let lang = "en";

// t returns the words of key in the page's language, with {name}
// placeholders filled from vars. A counted message ({one, other}) takes
// its form from vars.n.
function t(key, vars) {
  const entry = WORDS[key];
  if (!entry) return key;
  let s = entry[lang] ?? entry.en;
  if (typeof s === "object") s = s[intl("plural").select(vars.n)] ?? s.other;
  return s.replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? (typeof vars[k] === "number" ? count(vars[k]) : vars[k]) : m));
}

// intl returns the page language's formatter of a kind, made once: a
// formatter costs far more to make than to use, and a list page uses
// hundreds.
const formatters = new Map();
function intl(kind) {
  const k = lang + " " + kind;
  if (!formatters.has(k)) {
    const region = lang === "en" ? "en-GB" : lang + "-BE";
    formatters.set(k, {
      plural: () => new Intl.PluralRules(lang),
      score: () => new Intl.NumberFormat(region, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      count: () => new Intl.NumberFormat(region),
      mb: () => new Intl.NumberFormat(region, { maximumFractionDigits: 1 }),
      pct: () => new Intl.NumberFormat(region, { style: "percent", maximumFractionDigits: 0 }),
      day: () => new Intl.DateTimeFormat(region, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
    }[kind]());
  }
  return formatters.get(k);
}

// num writes a score or a number of points: two decimals, the language's
// decimal separator.
function num(x) { return intl("score").format(x); }

// count writes a whole number.
function count(n) { return intl("count").format(n); }

// pct writes a share (0 to 1) as a whole percentage.
function pct(x) { return intl("pct").format(x); }

// mb writes a size in megabytes.
function mb(bytes) { return intl("mb").format(bytes / 1e6) + " MB"; }

// day writes a date (YYYY-MM-DD) day first, as the language does in
// Belgium (English as in Britain: never month first).
function day(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return intl("day").format(Date.UTC(y, m - 1, d));
}

// applyWords writes the words of every element marked data-i18n (its
// text) or data-i18n-aria (its aria-label).
function applyWords() {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll("[data-i18n-aria]")) e.setAttribute("aria-label", t(e.dataset.i18nAria));
  for (const b of document.querySelectorAll("#lang-switch button")) b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
}

// initialLang is the tab's choice, else the server's.
function initialLang() {
  const kept = sessionStorage.getItem("duo.lang");
  if (LANGS.includes(kept)) return kept;
  const served = document.documentElement.lang.slice(0, 2);
  return LANGS.includes(served) ? served : "en";
}

// setLang switches the page's language and remembers it in the tab;
// onChange re-renders what the page built.
function setLang(l, onChange) {
  lang = LANGS.includes(l) ? l : "en";
  sessionStorage.setItem("duo.lang", lang);
  applyWords();
  if (onChange) onChange();
}
