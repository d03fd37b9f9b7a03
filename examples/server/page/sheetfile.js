// A coordinator's sheet, read in the tab before anything is sent: what
// kind of file it is (a PDF or an Excel workbook is said so), its
// encoding (Excel in Belgium writes Windows-1252), its separator, its
// headings. The columns of names and contact details are read here, to
// show names beside the IDs, and removed from the copy sent to the
// server: they never leave the tab.
"use strict";

// fold folds a heading as the library does: lower case, no accents,
// letters and digits only.
const fold = (s) => s.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

const FIRST_NAME = ["firstname", "prenom", "prenoms", "voornaam", "vorname", "givenname"];
const LAST_NAME = ["lastname", "nom", "nomdefamille", "achternaam", "familienaam", "nachname", "surname"];
const FULL_NAME = ["name", "naam", "fullname", "nomcomplet", "volledigenaam"];
const CONTACT = ["email", "mail", "courriel", "emailadres", "phone", "telephone", "tel", "gsm", "telefoon", "telefon",
  "mobile", "address", "adresse", "adres", "rue", "straat", "strasse", "anschrift"];
const PRIVATE = new Set([...FIRST_NAME, ...LAST_NAME, ...FULL_NAME, ...CONTACT]);

// The headings of the columns the rules need (the library's names and
// aliases, folded), and of the columns only one side's sheet has.
const NEEDED = {
  id: ["id", "identifiant", "identificatie", "identifier"],
  birth_date: ["birthdate", "datedenaissance", "geboortedatum", "dateofbirth", "naissance"],
  languages: ["languages", "langues", "talen", "language", "langue", "taal"],
  city: ["postcode", "codepostal", "postalcode", "cp", "zip", "city", "commune", "ville", "gemeente", "stad",
    "municipality", "town", "lat", "latitude", "breedtegraad"],
};
const ONLY = {
  mentees: ["registered", "inscrit", "ingeschreven", "agency", "organisme", "agence", "instantie", "jobseekersince",
    "inscritdepuis", "ingeschrevensinds", "project", "projet", "sectors", "sector", "secteur", "secteurs", "sectoren",
    "occupation", "metier", "beroep", "profession", "mentorgender", "genredumentor", "geslachtmentor",
    "practiselanguage", "practicelanguage", "langueapratiquer", "teoefenentaal", "oefentaal", "appliedon",
    "datedecandidature", "aanmeldingsdatum", "aanmelddatum", "birthcountry", "paysdenaissance", "geboorteland"],
  mentors: ["status", "statut", "experience", "ervaring", "weeklyhours", "heuresparsemaine", "urenperweek",
    "hoursperweek", "trained", "forme", "opgeleid", "capacity", "capacite", "capaciteit", "menteegender",
    "genredumentore", "geslachtmentee"],
};

// The templates' columns, in order; each one's heading is the words
// "head.<column>" of the page's language, its guide "guide.<column>".
const TEMPLATE = {
  mentees: ["first_name", "last_name", "id", "birth_date", "gender", "birth_country", "registered", "agency",
    "job_seeker_since", "project", "sectors", "occupation", "interests", "languages", "postcode", "city",
    "availability", "practise_language", "applied_on"],
  mentors: ["first_name", "last_name", "id", "birth_date", "gender", "status", "experience", "languages", "postcode",
    "city", "availability", "weekly_hours", "trained", "capacity", "interests"],
};
const EXAMPLE = {
  first_name: "Amina", last_name: "El Idrissi", id: "me-001", birth_date: "12/04/2001", gender: "female",
  birth_country: "MA", registered: "yes", agency: "Actiris", job_seeker_since: "02/05/2026", project: "—",
  sectors: "62.01", occupation: "2512", interests: "football; cinema", languages: "ar:native; fr:C1; nl:A2",
  postcode: "1030", city: "Schaerbeek", availability: "mon-evening, sat-morning", practise_language: "nl",
  applied_on: "30/10/2026", status: "retired", experience: "62.01:2512:20", weekly_hours: "2,5", trained: "yes",
  capacity: "1",
};

// sheetProblem is a blocking problem of a chosen file, in words.
class SheetProblem extends Error {}

// readChosenFile reads one chosen file of kind "mentees" or "mentors":
// {json: people} for a JSON file, or {csv: the text to send, names: a
// Map from ID to name, rows}. A problem that must stop the round throws
// a SheetProblem in the page's language.
async function readChosenFile(file, kind, maxBytes) {
  const which = t("file." + kind);
  if (file.size > maxBytes) throw new SheetProblem(t("problem.size", { file: which, size: mb(file.size), max: mb(maxBytes) }));
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    // The browser refuses a chosen file that changed on the disk since.
    throw new SheetProblem(t("problem.changed", { file: which }));
  }
  const not = notCSV(bytes);
  if (not) throw new SheetProblem(t("problem.notcsv." + not, { file: which }));
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (e) {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  text = text.replace(/^\uFEFF/, "");
  if (/\.json$/i.test(file.name) || /^\s*[[{]/.test(text)) {
    let people;
    try { people = JSON.parse(text); } catch (e) { throw new SheetProblem(t("problem.json", { file: which })); }
    if (!Array.isArray(people)) throw new SheetProblem(t("problem.json", { file: which }));
    if (people.length === 0) throw new SheetProblem(t("problem.empty", { file: which }));
    return { json: people };
  }
  return readCSV(text, kind, which);
}

// notCSV says what a file that is not a text sheet is, from its first
// bytes: "xlsx" (a zip: Excel, LibreOffice), "xls" (old Office), "pdf",
// "binary", or "" for text.
function notCSV(b) {
  const starts = (...sig) => sig.every((x, i) => b[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "xlsx";
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return "xls";
  if (starts(0x25, 0x50, 0x44, 0x46)) return "pdf";
  for (let i = 0; i < Math.min(b.length, 4096); i++) if (b[i] === 0) return "binary";
  return "";
}

// readCSV checks a sheet's headings and rows, and keeps its names.
function readCSV(text, kind, which) {
  const rows = parseCSV(text);
  const head = rows.length ? rows[0] : [];
  const folded = head.map(fold);
  const body = rows.slice(1).filter((r) => r.some((c) => c.trim() !== ""));
  const problems = [];
  if (!head.some((h) => h.trim() !== "")) throw new SheetProblem(t("problem.empty", { file: which }));
  const other = kind === "mentees" ? "mentors" : "mentees";
  if (folded.some((h) => ONLY[other].includes(h)) && !folded.some((h) => ONLY[kind].includes(h))) {
    problems.push(t("problem.swapped." + kind, { file: which }));
  }
  for (const [col, aliases] of Object.entries(NEEDED)) {
    if (folded.some((h) => aliases.includes(h))) continue;
    const near = head.find((h, i) => !PRIVATE.has(folded[i]) && aliases.some((a) => a.length > 3 && close(folded[i], a)));
    problems.push(near ? t("problem.missing.near", { file: which, column: t("need." + col), heading: near })
      : t("problem.missing", { file: which, column: t("need." + col) }));
  }
  if (body.length === 0 && problems.length === 0) problems.push(t("problem.headeronly", { file: which }));
  if (problems.length) throw new SheetProblem(problems.join("\n"));

  const at = (names) => folded.findIndex((h) => names.includes(h));
  const idCol = at(NEEDED.id), first = at(FIRST_NAME), last = at(LAST_NAME), full = at(FULL_NAME);
  const names = new Map();
  for (const r of body) {
    const id = (r[idCol] || "").trim();
    const name = full >= 0 ? (r[full] || "").trim() : [r[first], r[last]].filter(Boolean).map((s) => s.trim()).join(" ");
    if (id && name) names.set(id, name);
  }
  const keep = folded.map((h) => !PRIVATE.has(h));
  const sent = rows.map((r) => r.filter((_, i) => keep[i] !== false).map(quote).join(";")).join("\r\n");
  return { csv: sent + "\r\n", names, rows: body.length, removed: head.filter((_, i) => !keep[i]) };
}

// close reports whether a and b differ by at most two edits.
function close(a, b) {
  if (Math.abs(a.length - b.length) > 2) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] <= 2;
}

// parseCSV splits a sheet into rows of cells: the separator is the one
// of ';', ',' and tab most used in the heading line; quotes as in RFC 4180.
function parseCSV(text) {
  const line = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, "");
  const sep = [";", ",", "\t"].reduce((best, s) => (line.split(s).length > line.split(best).length ? s : best), ";");
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === sep) { row.push(cell); cell = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell); rows.push(row); row = []; cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// quote writes one cell for a ';' separated sheet.
const quote = (c) => (/[";\r\n]/.test(c) ? '"' + c.replaceAll('"', '""') + '"' : c);

// templateCSV is a kind's empty sheet with the headings in the page's
// language, and one example row, for Excel in Belgium (';', a byte order
// mark so that Excel reads it as UTF-8).
function templateCSV(kind) {
  const cols = TEMPLATE[kind];
  const example = cols.map((c) => (c === "id" && kind === "mentors" ? "mo-001" : EXAMPLE[c]));
  return "\uFEFF" + [cols.map((c) => t("head." + c)), example].map((r) => r.map(quote).join(";")).join("\r\n") + "\r\n";
}
