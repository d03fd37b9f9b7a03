// The month's charts, drawn by the page as inline SVG from the ledger's
// answers, with no library: the shapes and words of the funder's report
// (match/ledger/report): applications and duos month by month, the time
// to a first proposal (Kaplan–Meier, people still waiting counted until
// the period's end) and the results at the end and at 12 months. Each
// chart is an image with a title and a description, and its figures are
// also a table beside it.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
// The canvas of a chart in SVG units, scaled to the page's width.
const CW = 640, CH = 240, PL = 64, PR = 12, PT = 12, PB = 36, PW = CW - PL - PR, PH = CH - PT - PB;

function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, typeof v === "number" ? v.toFixed(1) : v);
  for (const c of children) e.append(c);
  return e;
}

// niceTop is a round top for an axis that must show top, and its number
// of ticks (4, or fewer for tiny counts), as the report's.
function niceTop(top) {
  if (top <= 4) return [top, top];
  let step = 0;
  for (const s of [1, 2, 5]) {
    let mult = 1;
    while (s * mult * 4 < top) mult *= 10;
    if (!step || s * mult < step) step = s * mult;
  }
  return [step * 4, 4];
}

// figureOf is a chart: the image (its title and description are its
// name), a legend, and its figures as a table.
function figureOf(id, title, desc, height, drawing, legend, head, rows) {
  const image = svg("svg", { viewBox: "0 0 " + CW + " " + height, role: "img", "aria-labelledby": id + "-t " + id + "-d", focusable: "false" },
    svg("title", { id: id + "-t" }, title), svg("desc", { id: id + "-d" }, desc), ...drawing);
  const table = el("table", { class: "figures" }, el("caption", {}, t("chart.figures", { chart: title })),
    el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...rows.map((r) => el("tr", {}, el("th", { scope: "row" }, r[0]), ...r.slice(1).map((c) => el("td", { class: "num" }, c))))));
  return el("figure", { class: "chart", id },
    el("h4", {}, title),
    legend.length ? el("ul", { class: "legend", "aria-hidden": "true" }, ...legend.map(([cls, w]) => el("li", {}, el("span", { class: "key " + cls }), w))) : null,
    image, el("details", { class: "scroll" }, el("summary", {}, t("chart.show")), table));
}

// yGrid is the horizontal grid lines of a chart with their labels.
function yGrid(ticks) {
  return ticks.flatMap(([y, label]) => [svg("line", { class: "grid", x1: PL, x2: CW - PR, y1: y, y2: y }),
    svg("text", { x: PL - 6, y, dy: 4, "text-anchor": "end" }, label)]);
}

// monthsChart draws, for each month, the mentee applications, the duos
// proposed and the duos started (ledger.Ledger.Months).
function monthsChart(months) {
  const series = [["applications", "mentee_applications"], ["proposed", "proposed"], ["started", "started"]];
  const [top, ticks] = niceTop(Math.max(1, ...months.flatMap((m) => series.map(([, k]) => m[k]))));
  const y = (n) => PT + PH - PH * n / top;
  const grid = [];
  for (let i = 0; i <= ticks; i++) grid.push([y(top * i / ticks), count(top * i / ticks)]);
  const slot = PW / Math.max(1, months.length), bar = slot * 0.8 / series.length, every = 1 + Math.floor(months.length / 12);
  const drawing = yGrid(grid);
  const label = (m) => m.from.slice(5, 7) + "/" + m.from.slice(2, 4);
  months.forEach((m, i) => {
    const x = PL + slot * i + slot * 0.1;
    series.forEach(([cls, k], j) => drawing.push(svg("rect", { class: cls, x: x + bar * j, y: y(m[k]), width: bar, height: PH - (y(m[k]) - PT), "data-n": String(m[k]) })));
    if (i % every === 0) drawing.push(svg("text", { x: x + bar * 1.5, y: CH - PB + 16, "text-anchor": "middle" }, label(m)));
  });
  const total = (k) => months.reduce((s, m) => s + m[k], 0);
  return figureOf("chart-months", t("chart.months"),
    t("chart.months.desc", { applications: total("mentee_applications"), proposed: total("proposed"), started: total("started"), months: months.length }), CH, drawing,
    series.map(([cls]) => [cls, t("chart.legend." + cls)]),
    [t("chart.month"), ...series.map(([cls]) => t("chart.legend." + cls))],
    months.map((m) => [label(m), ...series.map(([, k]) => count(m[k]))]));
}

// waitChart draws the Kaplan–Meier curve of the days from an application
// to a first proposal, as the share proposed a mentor, with a mark at 30
// days.
function waitChart(sv) {
  const last = Math.max(90, sv.curve.length ? sv.curve[sv.curve.length - 1].day + 10 : 0);
  const x = (day) => PL + PW * day / last, y = (share) => PT + PH - PH * share;
  let path = "M" + x(0).toFixed(1) + " " + y(0).toFixed(1);
  for (const p of sv.curve) path += " H" + x(p.day).toFixed(1) + " V" + y(1 - p.waiting).toFixed(1);
  path += " H" + x(last).toFixed(1);
  let step = 30;
  while (last / step > 8) step *= 2;
  const drawing = [...yGrid([0, 0.25, 0.5, 0.75, 1].map((q) => [y(q), pct(q)])),
    svg("line", { class: "mark", x1: x(30), x2: x(30), y1: PT, y2: PT + PH }), svg("path", { class: "curve", d: path })];
  for (let d = 0; d <= last; d += step) drawing.push(svg("text", { x: x(d), y: CH - PB + 16, "text-anchor": x(d) > CW - PR - 12 ? "end" : "middle" }, count(d)));
  drawing.push(svg("text", { x: PL + PW / 2, y: CH - 4, "text-anchor": "middle" }, t("chart.axis.days")));
  const median = sv.median_days === null ? t("chart.wait.nomedian") : t("chart.wait.median", { n: sv.median_days });
  return figureOf("chart-wait", t("chart.wait"),
    t("chart.wait.desc", { n: sv.applications, matched: sv.matched, censored: sv.censored }) + " " + median + " " + t("chart.wait.caption"), CH, drawing, [],
    [t("chart.day"), t("chart.atrisk"), t("chart.matched"), t("chart.share")],
    sv.curve.map((p) => [count(p.day), count(p.at_risk), count(p.matched), pct(1 - p.waiting)]));
}

// resultsChart draws the results at the end of the mentorship and at 12
// months, each a bar of the duos that reached that point: a job, a
// training or an internship, another known result, lost to follow-up.
function resultsChart(atEnd, at12) {
  const parts = (r) => [["job", r.job.count], ["training", r.training_or_internship.count],
    ["other", r.positive.total - r.positive.count], ["lost", r.lost_to_follow_up.count]];
  const drawing = [];
  [atEnd, at12].forEach((r, i) => {
    const top = 20 + i * 60;
    drawing.push(svg("text", { x: 0, y: top + 22, class: "name" }, t(i ? "chart.at12" : "chart.atend")));
    if (!r.reached) drawing.push(svg("text", { x: 130, y: top + 22 }, t("chart.notyet")));
    let x = 130;
    for (const [cls, n] of parts(r)) {
      const w = r.reached ? 490 * n / r.reached : 0;
      drawing.push(svg("rect", { class: cls, x, y: top, width: w, height: 34, "data-n": String(n) }));
      x += w;
    }
  });
  const row = (name, r) => [name, count(r.reached), ...parts(r).map(([, n]) => count(n))];
  return figureOf("chart-results", t("chart.results"),
    t("chart.results.desc", { end: atEnd.reached, endPositive: atEnd.positive.count, at12: at12.reached, at12Positive: at12.positive.count }), 130, drawing,
    [["job", t("chart.legend.job")], ["training", t("chart.legend.training")], ["other", t("chart.legend.other")], ["lost", t("chart.legend.lost")]],
    [t("chart.point"), t("chart.reached"), t("chart.legend.job"), t("chart.legend.training"), t("chart.legend.other"), t("chart.legend.lost")],
    [row(t("chart.atend"), atEnd), row(t("chart.at12"), at12)]);
}

// renderCharts draws the three charts of an indicators answer.
function renderCharts(ind) {
  const f = ind.overall;
  $("charts").replaceChildren(monthsChart(ind.months), waitChart(f.days_to_match), resultsChart(f.at_end, f.at_12_months));
}
