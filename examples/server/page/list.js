// The round's list: one row per mentee, with the proposed mentor, the
// city, the days waited, the score and why, and what the coordinator can
// do. Searched, filtered, sorted and shown 25 rows at a time, so that a
// pool of thousands stays responsive; a mentee's alternatives open in a
// row right under theirs.
"use strict";

const PAGE_ROWS = 25;
const WAIT_DAYS = 30;

// el builds an element with attributes and children.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function button(label, onClick, attrs) {
  return el("button", Object.assign({ type: "button", class: "secondary", onclick: onClick }, attrs || {}), label);
}

// who is a person's name (from the coordinator's own sheet, in this tab
// only) beside their ID.
function who(id) {
  const name = state.names.get(id);
  return name ? name + " (" + id + ")" : id;
}

// rowText places a person set aside for their profile's problems in the
// sheet they came from, so that the coordinator finds the row.
function rowText(kind, u) {
  const row = u.reason === "invalid_profile" && state.rowOf[kind] && state.rowOf[kind][u.id];
  return row ? " " + t("problem.row", { row }) : "";
}

// serverText holds words the server wrote in the language of the
// request (the library's reasons), marked with that language: after a
// switch they stay in the former one until the round is asked again.
function serverText(s) { return el("span", { lang: state.proposalLang || lang }, s); }

// daysBetween counts the days from one ISO date to another.
function daysBetween(from, to) { return Math.round((Date.parse(to) - Date.parse(from)) / 864e5); }

// buildRows turns a proposal into the list's rows, once per answer.
function buildRows(p) {
  const people = new Map((state.mentees || []).map((m) => [m.id, m]));
  const rows = [];
  const row = (id, extra) => {
    const m = people.get(id) || {};
    const applied = m.applied_on;
    return Object.assign({ id, city: (m.home && m.home.city) || "", waiting: applied ? daysBetween(applied, state.on) : null,
      mentor: null, score: null }, extra);
  };
  for (const d of p.duos) rows.push(row(d.mentee_id, { status: d.pinned ? "pinned" : "proposed", mentor: d.mentor_id, score: d.score, duo: d }));
  for (const u of p.unmatched_mentees) {
    const st = { ineligible: "ineligible", paused: "paused", invalid_profile: "setaside" }[u.reason] || "left";
    rows.push(row(u.id, { status: st, unmatched: u }));
  }
  for (const r of rows) {
    if (state.before && state.before.has(r.id) && state.before.get(r.id) !== r.mentor) {
      r.changed = true;
      r.was = state.before.get(r.id);
    }
  }
  return rows;
}

// visibleRows applies the search, the filters and the sort; the result
// is kept until the rows or the view (but the page) change, so that
// paging through thousands of rows redraws 25 rows only.
let visibleCache = { rows: null, memo: "", out: null };
function visibleRows() {
  const v = state.view;
  const memo = JSON.stringify([v.q, v.city, v.status, v.waiting, v.sort, v.dir, lang, state.names.size]);
  if (visibleCache.rows === state.rows && visibleCache.memo === memo) return visibleCache.out;
  const q = fold(v.q || "");
  let rows = state.rows.filter((r) => {
    if (q && !fold(who(r.id) + " " + (r.mentor ? who(r.mentor) : "")).includes(q)) return false;
    if (v.city && r.city !== v.city) return false;
    if (v.status === "changed" ? !r.changed : v.status && r.status !== v.status) return false;
    if (v.waiting && !(r.waiting > WAIT_DAYS)) return false;
    return true;
  });
  const key = {
    mentee: (r) => (state.names.get(r.id) || r.id).toLowerCase(), mentor: (r) => (r.mentor ? state.names.get(r.mentor) || r.mentor : "~").toLowerCase(),
    city: (r) => r.city.toLowerCase(), waiting: (r) => (r.waiting === null ? -1 : r.waiting), score: (r) => (r.score === null ? -1 : r.score),
  }[v.sort];
  rows = rows.slice().sort((a, b) => {
    const x = key(a), y = key(b);
    return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1) * v.dir;
  });
  visibleCache = { rows: state.rows, memo, out: rows };
  return rows;
}

// renderList draws the current page of the list, keeping the focus on
// the control that had it.
function renderList() {
  const focused = document.activeElement && document.activeElement.dataset.key;
  const rows = visibleRows();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  state.view.page = Math.min(state.view.page, pages - 1);
  const tb = $("duos").tBodies[0];
  const out = [];
  for (const r of rows.slice(state.view.page * PAGE_ROWS, (state.view.page + 1) * PAGE_ROWS)) {
    out.push(rowElement(r));
    if (state.openAlt === r.id) out.push(alternativesRow(r));
  }
  tb.replaceChildren(...out);
  $("list-count").textContent = t("list.count", { n: rows.length, total: state.rows.length });
  $("page-of").textContent = t("pager.of", { page: state.view.page + 1, pages });
  $("page-prev").disabled = state.view.page === 0;
  $("page-next").disabled = state.view.page >= pages - 1;
  renderSort();
  if (focused) {
    const e = document.querySelector('[data-key="' + CSS.escape(focused) + '"]');
    if (e) e.focus();
  }
}

// The list's sorts: by a column, either way. The column headings sort
// on a wide screen; the "Sort by" choice, which names each order in
// words, at every width (a phone shows no headings).
const SORTS = ["mentee", "mentor", "city", "waiting", "score"];

// renderSort marks the headings and the choice with the current sort.
// The headings' buttons and the choice's options are made again only
// when the language changes, not on every page of the list.
let sortLang = "";
function renderSort() {
  const heads = $("duos").tHead.querySelectorAll("th[data-sort]"), choice = $("sort");
  if (sortLang !== lang) {
    sortLang = lang;
    for (const th of heads) th.replaceChildren(button(t("col." + th.dataset.sort), () => sortBy(th.dataset.sort), { class: "sort", "data-key": "sort-" + th.dataset.sort }));
    choice.replaceChildren(...SORTS.flatMap((k) => [1, -1].map((dir) => el("option", { value: k + " " + dir }, t("sort." + k + (dir > 0 ? ".up" : ".down"))))));
  }
  for (const th of heads) {
    const k = th.dataset.sort;
    th.setAttribute("aria-sort", state.view.sort === k ? (state.view.dir > 0 ? "ascending" : "descending") : "none");
  }
  choice.value = state.view.sort + " " + state.view.dir;
}

// sortBy sorts by a heading: again on the same one turns the order.
function sortBy(k) {
  sortList(k, state.view.sort === k ? -state.view.dir : k === "score" || k === "waiting" ? -1 : 1);
}

function sortList(k, dir) {
  if (!SORTS.includes(k)) return;
  state.view.sort = k;
  state.view.dir = dir < 0 ? -1 : 1;
  state.view.page = 0;
  renderList();
}

function rowElement(r) {
  const menteeCell = el("td", {}, el("span", { class: "who" }, who(r.id)));
  if (r.changed) menteeCell.append(el("span", { class: "badge" }, r.was ? t("list.changed.was", { id: who(r.was) }) : t("list.changed.new")));
  if (r.status === "pinned") menteeCell.append(el("span", { class: "badge pin" }, t("status.pinned")));
  const mentorCell = el("td", {}, r.mentor ? who(r.mentor) : el("span", { class: "muted" }, t("status." + r.status)));
  const scoreCell = el("td", { class: "num" });
  if (r.duo) scoreCell.append(scoreBar(r.duo.score), why(r.duo));
  else if (r.unmatched) scoreCell.append(leftOut(r.unmatched));
  const actions = el("div", { class: "actions" });
  const d = r.duo;
  if (r.status === "proposed" || r.status === "left") {
    actions.append(button(t("act.alternatives"), () => toggleAlternatives(r.id),
      { "data-key": "alt-" + r.id, "aria-expanded": String(state.openAlt === r.id), "aria-label": t("act.alternatives.for", { id: who(r.id) }) }));
  }
  if (r.status === "proposed") {
    actions.append(
      button(t("act.pin"), () => decide("pinned", d), { "data-key": "pin-" + r.id, "aria-label": t("act.pin.pair", { a: who(d.mentee_id), b: who(d.mentor_id) }) }),
      button(t("act.exclude"), () => decide("excluded", d), { "data-key": "ex-" + r.id, "aria-label": t("act.exclude.pair", { a: who(d.mentee_id), b: who(d.mentor_id) }) }));
  }
  if (r.status === "pinned") {
    actions.append(button(t("act.unpin"), () => undecide("pinned", d), { "data-key": "unpin-" + r.id, "aria-label": t("act.unpin.pair", { a: who(d.mentee_id), b: who(d.mentor_id) }) }));
  }
  const cls = [r.changed ? "changed" : "", r.status].join(" ");
  return el("tr", { class: cls, "data-id": r.id }, menteeCell, mentorCell, el("td", {}, r.city),
    el("td", { class: "num" }, r.waiting === null ? "" : t("list.days", { n: r.waiting })), scoreCell, el("td", {}, actions));
}

// scoreBar is the score and a bar on the score's scale (0 to 1).
function scoreBar(score) {
  const fill = el("span");
  fill.style.width = Math.max(0, Math.min(1, score)) * 100 + "%";
  return el("div", { class: "score" }, el("strong", {}, num(score)), el("span", { class: "bar", "aria-hidden": "true" }, fill));
}

// whyDetails is a row's expandable "Why": its words are built when it
// is first opened, so that a page of the list is 25 rows and their
// summaries, not thousands of hidden nodes to lay out on every turn.
function whyDetails(key, build) {
  const d = el("details", { class: "why" }, el("summary", { "data-key": "why-" + key }, t("why.summary")));
  d.addEventListener("toggle", () => { if (d.open && d.childElementCount === 1) d.append(build()); });
  return d;
}

// why lists each criterion's points in words: its bar is drawn on the
// score's scale too (a full bar is 1 point), over a track as long as the
// criterion's weight (the most it can add).
function why(d) {
  return whyDetails(d.mentee_id, () => {
    const list = el("ul", { class: "parts" });
    const words = (state.proposal.words && state.proposal.words.parts[d.mentee_id]) || [];
    d.parts.forEach((p, i) => {
      const fill = el("span");
      fill.style.width = p.contribution * 100 + "%";
      const track = el("span", { class: "track" });
      track.style.width = p.weight * 100 + "%";
      list.append(el("li", {}, el("span", { class: "crit" }, t("crit." + p.criterion)), " ",
        el("span", { class: "pts" }, t("why.points", { pts: num(p.contribution), max: num(p.weight) })),
        el("span", { class: "bar", "aria-hidden": "true" }, track, fill), " ", serverText(words[i] || "")));
    });
    return list;
  });
}

// leftOut says why a mentee has no mentor.
function leftOut(u) {
  return whyDetails(u.id, () => el("p", {}, reasonText(u) + rowText("mentees", u)));
}

// reasonText says in words why a person is left out.
function reasonText(u) {
  let s = t("reason." + u.reason);
  if (u.violations && u.violations.length) s += " " + u.violations.map((v) => t("rule." + v.code)).join("; ");
  if (u.blocked && Object.keys(u.blocked).length) {
    s += " " + t("reason.blocked", { list: Object.entries(u.blocked).map(([k, n]) => t("rule." + k) + " (" + count(n) + ")").join(", ") });
  }
  if (u.best) s += " " + t("reason.best", { id: who(u.best.id), score: num(u.best.score), by: u.best.taken_by.map(who).join(", ") });
  if (u.problems && u.problems.length) s += " " + u.problems.map((p) => p.path).join(", ");
  return s;
}

// alternativesRow holds a mentee's other possible mentors, right under
// their row, with what imposing each would change for the others.
function alternativesRow(r) {
  const a = state.alt;
  const box = el("div", { class: "alt", role: "region", "aria-labelledby": "alt-title" });
  box.append(el("h3", { id: "alt-title", tabindex: "-1" }, t("alt.title", { id: who(r.id) })));
  if (!a || a.id !== r.id) {
    box.append(el("p", {}, t("alt.loading")));
  } else if (!a.list.length) {
    box.append(el("p", {}, t("alt.none")));
  } else {
    const ul = el("ul", { class: "alts" });
    for (const x of a.list) {
      const changes = el("ul");
      for (const c of x.changes || []) {
        if (c.mentee_id === r.id) continue;
        changes.append(el("li", {}, c.gets ? (c.loses ? t("alt.moves", { id: who(c.mentee_id), gets: who(c.gets), loses: who(c.loses) }) : t("alt.gets", { id: who(c.mentee_id), gets: who(c.gets) }))
          : t("alt.loses", { id: who(c.mentee_id), loses: who(c.loses) })));
      }
      const cost = x.loss > 0.005 ? t("alt.loss", { pts: num(x.loss) }) : x.loss < -0.005 ? t("alt.gain", { pts: num(-x.loss) }) : t("alt.noloss");
      ul.append(el("li", {}, el("strong", {}, who(x.mentor_id)), " · " + t("alt.score", { score: num(x.score) }) + " · " + cost +
        (x.lost_duos ? " · " + t("alt.lost", { n: x.lost_duos }) : ""), changes.childElementCount ? changes : el("p", { class: "muted" }, t("alt.nochange")),
        button(t("act.pin"), () => decide("pinned", { mentee_id: r.id, mentor_id: x.mentor_id }),
          { "data-key": "altpin-" + r.id + "-" + x.mentor_id, "aria-label": t("act.pin.pair", { a: who(r.id), b: who(x.mentor_id) }) })));
    }
    box.append(ul);
  }
  box.append(button(t("alt.close"), () => toggleAlternatives(r.id), { "data-key": "altclose-" + r.id }));
  return el("tr", { class: "alt-row" }, el("td", { colspan: "6" }, box));
}
