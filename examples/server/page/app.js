// The coordinator's page. Everything lives in this tab: the people read
// from the chosen files (their names never leave it), the decisions
// (pinned and excluded pairs, kept in the tab's sessionStorage across
// reloads), the last proposal. The server keeps nothing of a round.
"use strict";

const state = {
  mentees: null, mentors: null, names: new Map(), on: "", pinned: [], excluded: [], proposal: null, elig: null,
  rowOf: {}, warnings: [],
  rows: [], before: null, openAlt: null, alt: null,
  view: { q: "", city: "", status: "", waiting: false, sort: "mentee", dir: 1, page: 0 },
};

const $ = (id) => document.getElementById(id);
const maxBytes = () => Number(document.documentElement.dataset.maxBody) || 8 << 20;

function status(msg) { $("status").textContent = msg; }

// apiProblem turns an error answer into an Error listing every problem.
function apiProblem(resp, doc, where) {
  let msg;
  if (resp.status === 413) msg = t("problem.size.server", { max: mb(maxBytes()) });
  else if (resp.status === 429) msg = t("problem.busy");
  else msg = (doc && doc.error && doc.error.message) || t("problem.refused");
  const e = new Error((where ? where + ": " : "") + msg);
  e.details = (doc && doc.error && doc.error.details) || [];
  return e;
}

// call sends a request; a request that never reached the server says so
// in words ("Failed to fetch" does not).
async function call(path, body, contentType) {
  let resp;
  try {
    resp = await fetch(path + "?lang=" + lang, { method: "POST", headers: { "Content-Type": contentType || "application/json" }, body });
  } catch (e) {
    throw new Error(t("problem.unreachable"));
  }
  return resp;
}

async function post(path, body, where) {
  const resp = await call(path, JSON.stringify(body));
  let doc;
  try { doc = await resp.json(); } catch (e) { doc = null; }
  if (!resp.ok) throw apiProblem(resp, doc, where);
  return doc;
}

// readPeople reads one chosen file: a CSV sheet is checked and stripped
// of its names here, then read by the library at POST /v1/sheets/{kind}.
async function readPeople(file, kind) {
  const which = t("file." + kind);
  if (!file) throw new SheetProblem(t("problem.choose", { file: which }));
  const got = await readChosenFile(file, kind, maxBytes());
  if (got.json) return { people: got.json, names: new Map() };
  const resp = await call("/v1/sheets/" + kind, got.csv, "text/csv; charset=utf-8");
  let answer;
  try { answer = await resp.json(); } catch (e) { answer = null; }
  if (!resp.ok) throw apiProblem(resp, answer, which);
  let note = t("note.read", { file: file.name, n: answer.rows, kind: which });
  if (got.removed.length) note += " " + t("note.kept", { list: got.removed.join(", ") });
  const ignored = (answer.ignored || []).filter((c) => !got.removed.includes(c.heading));
  if (ignored.length) note += " " + t("note.ignored", { list: ignored.map((c) => c.heading + (c.likely ? " (" + t("note.likely", { name: c.likely }) + ")" : "")).join(", ") });
  state.notes.push(note);
  state.rowOf[kind] = answer.row_of || {};
  // Partial intake: the usable rows are matched, the others listed.
  if (answer.problems && answer.problems.length) {
    const w = new Error(t("problem.partial", { file: which, n: answer.problems.length }));
    w.details = answer.problems;
    state.warnings.push(w);
  }
  return { people: answer.people, names: got.names };
}

// problemText places a problem: the row and column of a sheet, or the
// field of a JSON document, and the person's ID.
function problemText(p) {
  const where = p.row ? t("problem.row", { row: p.row }) + (p.column ? ", " + t("problem.column", { column: p.column }) : "") : p.field;
  return [where, p.id, p.message].filter(Boolean).join(" · ");
}

// showProblems lists every problem of every file at once.
function showProblems(errs) {
  const box = $("problems");
  box.replaceChildren();
  let dates = false;
  for (const err of errs) {
    for (const line of err.message.split("\n")) box.append(el("p", {}, line));
    if (err.details && err.details.length) {
      const ul = el("ul");
      for (const p of err.details) {
        ul.append(el("li", {}, problemText(p)));
        if (/date|datum|naissance|since|depuis|sinds|applied/i.test(p.column || p.field || "")) dates = true;
      }
      box.append(ul);
    }
  }
  if (dates) box.append(el("p", {}, t("hint.dayfirst")));
  box.hidden = false;
  box.focus();
}

function round(extra) {
  return Object.assign({ on: state.on, mentees: state.mentees, mentors: state.mentors, pinned: state.pinned, excluded: state.excluded }, extra || {});
}

// run reads the files (first time) and asks for eligibility and a proposal.
async function run(readFiles) {
  $("problems").hidden = true;
  $("run").disabled = true;
  $("rerun").disabled = true;
  try {
    if (readFiles) {
      state.on = $("on").value;
      status(t("status.reading"));
      state.notes = [];
      state.warnings = [];
      const [a, b] = await Promise.allSettled([readPeople($("mentees-file").files[0], "mentees"), readPeople($("mentors-file").files[0], "mentors")]);
      const errs = [a, b].filter((x) => x.status === "rejected").map((x) => x.reason);
      if (!state.on) errs.push(new Error(t("problem.day")));
      $("sheet-notes").replaceChildren(...state.notes.map((n) => el("li", {}, n)));
      $("sheet-notes").hidden = state.notes.length === 0;
      if (errs.length) {
        status(t("status.blocked"));
        showProblems(errs);
        return;
      }
      state.mentees = a.value.people;
      state.mentors = b.value.people;
      state.names = new Map([...a.value.names, ...b.value.names]);
      state.before = null;
    } else if (state.proposal) {
      state.before = new Map(state.rows.map((r) => [r.id, r.mentor]));
    }
    if (!state.mentees) throw new Error(t("problem.nofiles"));
    status(t("status.computing"));
    state.elig = await post("/v1/eligibility", { on: state.on, mentees: state.mentees, mentors: state.mentors });
    state.proposal = await post("/v1/proposals", round());
    state.proposalLang = lang;
    state.openAlt = null;
    state.rows = buildRows(state.proposal);
    render();
    const p = state.proposal, proposed = p.duos.filter((d) => !d.pinned).length;
    const changed = state.rows.filter((r) => r.changed).length;
    status(t("status.done", { n: proposed, pinned: p.duos.length - proposed, left: p.unmatched_mentees.length }) +
      (state.before ? " " + t("status.changes", { n: changed }) : ""));
    if (readFiles && state.warnings.length) showProblems(state.warnings);
  } catch (err) {
    status(t("status.failed"));
    showProblems([err]);
  } finally {
    $("run").disabled = false;
    $("rerun").disabled = false;
  }
}

// render draws everything the last answers hold, in the page's language.
function render() {
  renderDecisions();
  renderGuide();
  if (!state.proposal) return;
  const elig = state.elig, p = state.proposal;
  $("results").hidden = false;
  const okMe = elig.mentees.filter((v) => v.eligible).length, okMo = elig.mentors.filter((v) => v.eligible).length;
  $("eligibility-summary").textContent = t("elig.summary", { n: okMe, of: elig.mentees.length, mentors: okMo, mentorsOf: elig.mentors.length, day: day(elig.on) });
  $("ineligible-list").replaceChildren(...[...elig.mentees, ...elig.mentors].filter((v) => !v.eligible)
    .map((v) => el("li", {}, who(v.id) + ": " + v.violations.map((x) => t("rule." + x.code)).join("; "))));
  $("duos-summary").textContent = t("duos.summary", { total: num(p.total), n: p.duos.length }) +
    (p.overdue.length ? " " + t("duos.overdue", { list: p.overdue.map(who).join(", ") }) : "");
  const cities = [...new Set(state.rows.map((r) => r.city).filter(Boolean))].sort((a, b) => a.localeCompare(b, lang));
  $("filter-city").replaceChildren(el("option", { value: "" }, t("filter.all")), ...cities.map((c) => el("option", { value: c }, c)));
  $("filter-city").value = state.view.city;
  $("filter-status").replaceChildren(el("option", { value: "" }, t("filter.all")),
    ...["proposed", "pinned", "changed", "left", "ineligible", "paused", "setaside"].map((s) => el("option", { value: s }, t("status." + s))));
  $("filter-status").value = state.view.status;
  renderList();
  $("left-mentors").replaceChildren(...(p.unmatched_mentors.length ? p.unmatched_mentors.map((u) => el("li", {}, who(u.id) + rowText("mentors", u) + ": " + reasonText(u)))
    : [el("li", {}, t("left.none"))]));
  renderMonth().catch((err) => showProblems([err]));
}

// toggleAlternatives opens (or closes) a mentee's alternatives under
// their row.
async function toggleAlternatives(id) {
  if (state.openAlt === id) {
    state.openAlt = null;
    renderList();
    const b = document.querySelector('[data-key="alt-' + CSS.escape(id) + '"]');
    if (b) b.focus();
    return;
  }
  state.openAlt = id;
  state.alt = null;
  renderList();
  try {
    const resp = await post("/v1/proposals", round({ alternatives: 5, alternatives_for: [id] }));
    state.alt = { id, list: (resp.alternatives && resp.alternatives[id]) || [] };
    status(t("alt.status", { n: state.alt.list.length, id: who(id) }));
  } catch (err) {
    state.alt = { id, list: [] };
    showProblems([err]);
  }
  renderList();
  const h = $("alt-title");
  if (h) h.focus();
}

// Decisions: kept in the tab (sessionStorage) until it is closed.
function keepDecisions() {
  sessionStorage.setItem("duo.decisions", JSON.stringify({ pinned: state.pinned, excluded: state.excluded }));
}

function loadDecisions(doc) {
  const pairs = (xs) => Array.isArray(xs) && xs.every((x) => x && typeof x.mentee_id === "string" && typeof x.mentor_id === "string");
  if (!doc || !pairs(doc.pinned) || !pairs(doc.excluded)) return false;
  state.pinned = doc.pinned.map((x) => ({ mentee_id: x.mentee_id, mentor_id: x.mentor_id }));
  state.excluded = doc.excluded.map((x) => ({ mentee_id: x.mentee_id, mentor_id: x.mentor_id }));
  return true;
}

// decide records a pin or an exclusion; a pin replaces the mentee's
// previous pin. The focus stays where it was.
function decide(kind, d) {
  const pair = { mentee_id: d.mentee_id, mentor_id: d.mentor_id };
  if (kind === "pinned") state.pinned = state.pinned.filter((x) => x.mentee_id !== pair.mentee_id);
  state[kind] = state[kind].filter((x) => !(x.mentee_id === pair.mentee_id && x.mentor_id === pair.mentor_id));
  state[kind].push(pair);
  keepDecisions();
  renderDecisions();
  status(t(kind === "pinned" ? "decided.pinned" : "decided.excluded", { a: who(pair.mentee_id), b: who(pair.mentor_id) }));
}

function undecide(kind, d) {
  state[kind] = state[kind].filter((x) => !(x.mentee_id === d.mentee_id && x.mentor_id === d.mentor_id));
  keepDecisions();
  renderDecisions();
  status(t("decided.removed", { a: who(d.mentee_id), b: who(d.mentor_id) }));
}

function renderDecisions() {
  const items = [];
  for (const kind of ["pinned", "excluded"]) {
    for (const d of state[kind]) {
      items.push(el("li", {}, t(kind === "pinned" ? "decision.pinned" : "decision.excluded", { a: who(d.mentee_id), b: who(d.mentor_id) }) + " ",
        button(t("decision.remove"), () => undecide(kind, d), { "aria-label": t("decision.remove.pair", { a: who(d.mentee_id), b: who(d.mentor_id) }) })));
    }
  }
  if (!items.length) items.push(el("li", { class: "muted" }, t("decision.none")));
  $("decision-list").replaceChildren(...items);
}

// saveFile offers bytes as a download.
function saveFile(blob, name) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// download asks the server for one table of the proposal as CSV, in the
// page's language.
async function download(table) {
  if (!state.proposal) return;
  $("problems").hidden = true;
  try {
    const resp = await call("/v1/proposals/csv/" + table, JSON.stringify(round()));
    if (!resp.ok) {
      let doc;
      try { doc = await resp.json(); } catch (e) { doc = null; }
      throw apiProblem(resp, doc);
    }
    saveFile(await resp.blob(), "proposal-" + state.on + "-" + table + ".csv");
    status(t("download.done", { table: t("duos.download." + table) }));
  } catch (err) {
    status(t("download.failed"));
    showProblems([err]);
  }
}

function renderGuide() {
  const rows = [];
  for (const kind of ["mentees", "mentors"]) {
    rows.push(el("tr", {}, el("th", { scope: "colgroup", colspan: "3" }, t("file." + kind))));
    for (const c of TEMPLATE[kind]) rows.push(el("tr", {}, el("td", {}, t("head." + c)), el("td", {}, t("guide." + c)), el("td", {}, EXAMPLE[c])));
  }
  $("guide").tBodies[0].replaceChildren(...rows);
}

document.addEventListener("DOMContentLoaded", () => {
  const kept = sessionStorage.getItem("duo.decisions");
  if (kept) { try { loadDecisions(JSON.parse(kept)); } catch (e) { sessionStorage.removeItem("duo.decisions"); } }
  setLang(initialLang(), render);
  for (const b of document.querySelectorAll("#lang-switch button")) {
    b.addEventListener("click", () => {
      setLang(b.dataset.lang, render);
      b.focus();
    });
  }
  $("round-form").addEventListener("submit", (e) => { e.preventDefault(); run(true); });
  $("rerun").addEventListener("click", () => run(false));
  $("accept").addEventListener("click", accept);
  $("ledger-round").addEventListener("click", ledgerRound);
  // Another day: the ledger read again as of it.
  for (const id of ["meeting-day", "next-day"]) $(id).addEventListener("change", () => renderMonth().catch((err) => showProblems([err])));
  for (const table of ["duos", "unmatched", "alternatives"]) $("download-" + table).addEventListener("click", () => download(table));
  for (const kind of ["mentees", "mentors"]) {
    $("template-" + kind).addEventListener("click", () => saveFile(new Blob([templateCSV(kind)], { type: "text/csv" }), t("start.template.file." + kind)));
  }
  $("save-decisions").addEventListener("click", () => saveFile(new Blob([JSON.stringify({ pinned: state.pinned, excluded: state.excluded }, null, 1)],
    { type: "application/json" }), "decisions.json"));
  $("restore-decisions").addEventListener("change", async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    let ok = false;
    try { ok = loadDecisions(JSON.parse(await f.text())); } catch (err) { ok = false; }
    if (!ok) { showProblems([new Error(t("problem.decisions"))]); return; }
    keepDecisions();
    renderDecisions();
    status(t("decided.restored", { n: state.pinned.length + state.excluded.length }));
  });
  $("search").addEventListener("input", (e) => { state.view.q = e.target.value; state.view.page = 0; renderList(); });
  $("filter-city").addEventListener("change", (e) => { state.view.city = e.target.value; state.view.page = 0; renderList(); });
  $("filter-status").addEventListener("change", (e) => { state.view.status = e.target.value; state.view.page = 0; renderList(); });
  $("filter-waiting").addEventListener("change", (e) => { state.view.waiting = e.target.checked; state.view.page = 0; renderList(); });
  $("sort").addEventListener("change", (e) => { const [k, dir] = e.target.value.split(" "); sortList(k, Number(dir)); });
  $("page-prev").addEventListener("click", () => { state.view.page--; renderList(); });
  $("page-next").addEventListener("click", () => { state.view.page++; renderList(); });
});
