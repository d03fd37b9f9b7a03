// The coordinator's page. Everything lives in this tab: the people read
// from the chosen files, the decisions (pinned and excluded pairs), the
// last proposal. Nothing is stored: reloading the page forgets it all.
"use strict";

const state = { mentees: null, mentors: null, on: "", pinned: [], excluded: [], proposal: null, rowOf: {} };

const $ = (id) => document.getElementById(id);

// el builds an element with text or children.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function button(label, onClick, cls) {
  return el("button", { type: "button", class: cls || "secondary", onclick: onClick }, label);
}

const fmt = (x) => Number(x).toFixed(2);

// readPeopleFile turns a chosen file into the list of people the API
// takes. JSON is parsed here; a CSV file is sent to POST /v1/sheets/{kind},
// where the library reads it (every problem with its row and column), and
// the columns it did not read are shown.
async function readPeopleFile(file, kind) {
  if (/\.csv$/i.test(file.name) || file.type === "text/csv") {
    // The file's bytes as they are: the server detects the encoding
    // (Excel in Belgium writes Windows-1252).
    const resp = await fetch("/v1/sheets/" + kind, { method: "POST", headers: { "Content-Type": "text/csv" }, body: file });
    let doc;
    try { doc = await resp.json(); } catch (e) { doc = null; }
    if (resp.status === 429) throw new Error("The server is busy; try again in a few seconds.");
    if (!resp.ok) throw apiProblem(doc, "The " + kind + " file");
    sheetNote(kind, file.name, doc);
    state.rowOf[kind] = doc.row_of;
    // Partial intake: the usable rows are matched, the others listed.
    if (doc.problems.length) {
      const e = new Error("The " + kind + " file: " + doc.problems.length + " problem(s); the rows without one are matched.");
      e.details = doc.problems;
      showProblems(e, true);
    }
    return doc.people;
  }
  let people;
  try {
    people = JSON.parse(await file.text());
  } catch (e) {
    throw new Error("The " + kind + " file is not valid JSON.");
  }
  if (!Array.isArray(people)) throw new Error("The " + kind + " file must hold a JSON array of " + kind + ".");
  return people;
}

// sheetNote says what was read from a spreadsheet, and which columns were
// not read (names, e-mail addresses: data matching does not need, or a
// misspelt heading).
function sheetNote(kind, name, doc) {
  let t = name + ": " + doc.rows + " " + kind + " read.";
  if (doc.ignored.length) {
    t += " Columns not read: " + doc.ignored.map((c) => c.heading + (c.likely ? " (did you mean " + c.likely + "?)" : "")).join(", ") + ".";
  }
  $("sheet-notes").append(el("li", {}, t));
  $("sheet-notes").hidden = false;
}

// apiProblem turns an error answer into an Error listing every problem.
function apiProblem(doc, where) {
  const e = new Error((where ? where + ": " : "") + ((doc && doc.error && doc.error.message) || "the server refused the request"));
  e.details = (doc && doc.error && doc.error.details) || [];
  return e;
}

async function post(path, body) {
  const resp = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  let doc;
  try { doc = await resp.json(); } catch (e) { doc = null; }
  if (resp.status === 429) throw new Error("The server is busy; try again in a few seconds.");
  if (!resp.ok) throw apiProblem(doc);
  return doc;
}

function status(msg) { $("status").textContent = msg; }

// problemText places a problem: the row and column of a spreadsheet, or
// the field of a JSON document, and the person's ID.
function problemText(p) {
  const where = p.row ? "row " + p.row + (p.column ? ", column \u201c" + p.column + "\u201d" : "") : p.field;
  return [where, p.id, p.message].filter(Boolean).join(" · ");
}

function showProblems(err, add) {
  const box = $("problems");
  if (add && !box.hidden) box.append(el("p", {}, err.message));
  else box.replaceChildren(el("p", {}, err.message));
  if (err.details && err.details.length > 0) {
    const ul = el("ul");
    for (const p of err.details) ul.append(el("li", {}, problemText(p)));
    box.append(ul);
  }
  box.hidden = false;
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
      const fm = $("mentees-file").files[0], fo = $("mentors-file").files[0];
      if (!fm || !fo) throw new Error("Choose a mentees file and a mentors file.");
      state.on = $("on").value;
      if (!state.on) throw new Error("Choose the day of the round.");
      status("Reading the files…");
      state.mentees = await readPeopleFile(fm, "mentees");
      state.mentors = await readPeopleFile(fo, "mentors");
    }
    status("Computing the round…");
    const elig = await post("/v1/eligibility", { on: state.on, mentees: state.mentees, mentors: state.mentors });
    const proposal = await post("/v1/proposals", round());
    state.proposal = proposal;
    render(elig, proposal);
    const proposed = proposal.duos.filter((d) => !d.pinned).length;
    status(proposed + " duos proposed, " + (proposal.duos.length - proposed) + " pinned, " +
      proposal.unmatched_mentees.length + " mentees left out.");
  } catch (err) {
    status("The round could not be computed.");
    showProblems(err);
  } finally {
    $("run").disabled = false;
    $("rerun").disabled = false;
  }
}

const reasonWords = {
  ineligible: "not eligible",
  no_compatible_mentor: "no mentor is compatible",
  no_compatible_mentee: "no mentee is compatible",
  below_min_score: "every possible duo scores below the minimum",
  outcompeted: "a compatible partner was given to someone else",
  paused: "paused for this round",
  invalid_profile: "set aside: the profile cannot be used",
};

function reasonText(u) {
  let t = reasonWords[u.reason] || u.reason;
  if (u.violations && u.violations.length) t += ": " + u.violations.map((v) => v.message).join("; ");
  if (u.blocked && Object.keys(u.blocked).length) {
    t += " (blocked: " + Object.entries(u.blocked).map(([k, n]) => k.replaceAll("_", " ") + " × " + n).join(", ") + ")";
  }
  if (u.best) t += ": best was " + u.best.id + " (score " + fmt(u.best.score) + "), given to " + u.best.taken_by.join(", ");
  if (u.problems && u.problems.length) t += ": " + u.problems.map((p) => p.path + ": " + p.detail).join("; ");
  return t;
}

// rowText places in the sheet they came from a person set aside for
// their profile's problems, so that the coordinator finds the row.
function rowText(kind, u) {
  const row = u.reason === "invalid_profile" && state.rowOf[kind] && state.rowOf[kind][u.id];
  return row ? " (row " + row + ")" : "";
}

function bars(parts) {
  const g = el("div", { class: "bars", role: "img", "aria-label": parts.map((p) => p.criterion + " " + fmt(p.contribution)).join(", ") });
  for (const p of parts) {
    const fill = el("span");
    fill.style.width = (100 * p.value) + "%";
    const bar = el("div", { class: "bar", title: p.criterion }, fill);
    g.append(el("span", {}, p.criterion), bar, el("span", { class: "num" }, "+" + fmt(p.contribution)));
  }
  return g;
}

function render(elig, p) {
  $("results").hidden = false;
  const okMe = elig.mentees.filter((v) => v.eligible).length, okMo = elig.mentors.filter((v) => v.eligible).length;
  $("eligibility-summary").textContent = okMe + " of " + elig.mentees.length + " mentees and " + okMo + " of " +
    elig.mentors.length + " mentors are eligible on " + elig.on + ".";
  const inel = $("ineligible-list");
  inel.replaceChildren();
  for (const v of [...elig.mentees, ...elig.mentors].filter((v) => !v.eligible)) {
    inel.append(el("li", {}, v.id + ": " + v.violations.map((x) => x.message).join("; ")));
  }

  $("duos-summary").textContent = "Total score " + fmt(p.total) + ". " +
    (p.overdue.length ? "Waiting over a month and still unmatched: " + p.overdue.join(", ") + ". " : "") +
    (p.full_mentors.length ? "Mentors already full: " + p.full_mentors.join(", ") + "." : "");
  const tb = $("duos").tBodies[0];
  tb.replaceChildren();
  for (const d of p.duos) {
    const actions = el("div", { class: "actions" });
    if (!d.pinned) {
      actions.append(
        button("Alternatives for " + d.mentee_id, () => alternatives(d.mentee_id)),
        button("Pin " + d.mentee_id + " with " + d.mentor_id, () => decide("pinned", d)),
        button("Exclude " + d.mentee_id + " with " + d.mentor_id, () => decide("excluded", d)));
    }
    tb.append(el("tr", { class: d.pinned ? "pinned" : "" },
      el("td", {}, d.mentee_id), el("td", {}, d.mentor_id), el("td", { class: "num" }, fmt(d.score)),
      el("td", {}, bars(d.parts)), el("td", {}, actions)));
  }

  const lm = $("left-mentees");
  lm.replaceChildren();
  for (const u of p.unmatched_mentees) {
    const li = el("li", {}, u.id + rowText("mentees", u) + ": " + reasonText(u) + " ");
    if (u.reason !== "ineligible" && u.reason !== "paused" && u.reason !== "invalid_profile") li.append(button("Alternatives for " + u.id, () => alternatives(u.id)));
    lm.append(li);
  }
  if (!p.unmatched_mentees.length) lm.append(el("li", {}, "none"));
  const lo = $("left-mentors");
  lo.replaceChildren();
  for (const u of p.unmatched_mentors) lo.append(el("li", {}, u.id + rowText("mentors", u) + ": " + reasonText(u)));
  if (!p.unmatched_mentors.length) lo.append(el("li", {}, "none"));
  $("alternatives").hidden = true;
}

// alternatives asks for the next best mentors of one mentee.
async function alternatives(menteeID) {
  $("problems").hidden = true;
  status("Looking for alternatives for " + menteeID + "…");
  try {
    const resp = await post("/v1/proposals", round({ alternatives: 5, alternatives_for: [menteeID] }));
    const alts = (resp.alternatives && resp.alternatives[menteeID]) || [];
    const current = resp.duos.find((d) => d.mentee_id === menteeID);
    $("alternatives-title").textContent = "Alternatives for " + menteeID;
    $("alternatives-note").textContent = (current ? "Proposed now: " + current.mentor_id + " (score " + fmt(current.score) + "). " : "Not matched now. ") +
      (alts.length ? "Imposing another mentor re-optimises everyone else:" : "No other mentor is compatible.");
    const tb = $("alternatives-table").tBodies[0];
    tb.replaceChildren();
    for (const a of alts) {
      const change = (a.lost_duos ? a.lost_duos + " fewer duo" + (a.lost_duos > 1 ? "s" : "") + "; " : "") +
        (a.loss > 0 ? "the round loses " + fmt(a.loss) : a.loss < 0 ? "the round gains " + fmt(-a.loss) : "no loss");
      tb.append(el("tr", {}, el("td", {}, a.mentor_id), el("td", { class: "num" }, fmt(a.score)), el("td", {}, change),
        el("td", {}, button("Pin " + menteeID + " with " + a.mentor_id, () => decide("pinned", { mentee_id: menteeID, mentor_id: a.mentor_id })))));
    }
    $("alternatives").hidden = false;
    $("alternatives-title").focus();
    status(alts.length + " alternatives for " + menteeID + ".");
  } catch (err) {
    status("No alternatives.");
    showProblems(err);
  }
}

// decide records a pin or an exclusion; a pin replaces the mentee's
// previous pin.
function decide(kind, d) {
  const pair = { mentee_id: d.mentee_id, mentor_id: d.mentor_id };
  if (kind === "pinned") state.pinned = state.pinned.filter((x) => x.mentee_id !== pair.mentee_id);
  state[kind] = state[kind].filter((x) => !(x.mentee_id === pair.mentee_id && x.mentor_id === pair.mentor_id));
  state[kind].push(pair);
  renderDecisions();
  status((kind === "pinned" ? "Pinned " : "Excluded ") + pair.mentee_id + " with " + pair.mentor_id + ". Re-run to see the effect.");
  $("rerun").focus();
}

function renderDecisions() {
  const ul = $("decision-list");
  ul.replaceChildren();
  for (const kind of ["pinned", "excluded"]) {
    state[kind].forEach((d, i) => {
      const label = (kind === "pinned" ? "Pinned: " : "Excluded: ") + d.mentee_id + " with " + d.mentor_id;
      ul.append(el("li", {}, label + " ", button("Remove", () => { state[kind].splice(i, 1); renderDecisions(); })));
    });
  }
  $("decisions").hidden = state.pinned.length + state.excluded.length === 0 && !state.proposal;
}

// download asks the server for one table of the proposal as CSV (the
// library's writers: duos, unmatched or alternatives) and saves it.
async function download(table) {
  if (!state.proposal) return;
  $("problems").hidden = true;
  status("Preparing the " + table + " table…");
  try {
    const resp = await fetch("/v1/proposals/csv/" + table, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(round()) });
    if (resp.status === 429) throw new Error("The server is busy; try again in a few seconds.");
    if (!resp.ok) {
      let doc;
      try { doc = await resp.json(); } catch (e) { doc = null; }
      throw apiProblem(doc);
    }
    const blob = await resp.blob();
    const a = el("a", { href: URL.createObjectURL(blob), download: "proposal-" + state.on + "-" + table + ".csv" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    status("The " + table + " table was downloaded as CSV.");
  } catch (err) {
    status("The " + table + " table could not be downloaded.");
    showProblems(err);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("round-form").addEventListener("submit", (e) => {
    e.preventDefault();
    state.pinned = []; state.excluded = [];
    $("sheet-notes").replaceChildren();
    $("sheet-notes").hidden = true;
    renderDecisions();
    run(true);
  });
  $("rerun").addEventListener("click", () => run(false));
  for (const table of ["duos", "unmatched", "alternatives"]) $("download-" + table).addEventListener("click", () => download(table));
});
