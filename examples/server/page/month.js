// The month, through the server's ledger (when it keeps one): accept the
// proposed duos, record their first meetings, propose the next round from
// the ledger, see the work due and the indicators. The ledger holds IDs,
// dates and codes only; the names stay in this tab.
"use strict";

const FAILED_REASONS = ["no_show", "mismatch", "mentee_declined", "mentor_declined", "practical", "other"];
const ENDED_REASONS = ["completed", "mentee_left", "mentor_left", "mismatch", "found_job", "found_training", "found_internship", "other"];
const OUTCOMES = ["job_over_3_months", "job_short", "training", "internship", "none", "unknown"];

// getJSON reads a GET answer of the API, or null when there is none.
async function getJSON(path) {
  let resp;
  try { resp = await fetch(path); } catch (e) { throw new Error(t("problem.unreachable")); }
  if (resp.status === 404) return null;
  let doc;
  try { doc = await resp.json(); } catch (e) { doc = null; }
  if (!resp.ok) throw apiProblem(resp, doc);
  return doc;
}

// addDays moves an ISO date by n days.
function addDays(iso, n) { return new Date(Date.parse(iso) + n * 864e5).toISOString().slice(0, 10); }

// ledgerDay is the latest day the page records events on: the ledger
// is read as of it, so that what was just recorded shows.
function ledgerDay() {
  return [state.on, $("meeting-day").value, $("next-day").value].filter(Boolean).sort().pop();
}

// renderMonth shows the month's section when the server keeps a ledger:
// the duos as the ledger holds them, the work due, the indicators and
// their charts.
async function renderMonth() {
  if (!state.proposal) return;
  const wl = await getJSON("/v1/ledger/worklist?on=" + state.on).catch(() => null);
  $("month").hidden = !wl;
  if (!wl) return;
  if (!$("meeting-day").value) $("meeting-day").value = addDays(state.on, 7);
  if (!$("next-day").value) $("next-day").value = addDays(state.on, 14);
  const lists = ["overdue", "first_meeting_due", "past_end", "end_outcome_due", "outcome_due"];
  $("worklist").replaceChildren(...lists.map((k) => el("li", {}, t("work." + k, { n: wl[k].length }) +
    (wl[k].length ? ": " + wl[k].slice(0, 20).map((x) => who(x.mentee_id)).join(", ") : ""))));
  const from = addDays(state.on, -365), to = $("next-day").value;
  const [ind, duos] = await Promise.all([getJSON("/v1/ledger/indicators?from=" + from + "&to=" + to), getJSON("/v1/ledger/duos?on=" + ledgerDay())]);
  const f = ind.overall;
  const share = (p) => t("ind.share", { n: p.count, of: p.total });
  $("indicators").replaceChildren(
    el("li", {}, t("ind.applications", { n: f.mentee_applications, mentors: f.mentor_applications })),
    el("li", {}, t("ind.within30") + " " + share(f.matched_within_30_days)),
    el("li", {}, t("ind.failed") + " " + share(f.first_meeting_failed)));
  renderCharts(ind);
  $("report").href = "/v1/ledger/report?from=" + from + "&to=" + to + "&lang=" + lang;
  // The duos of the people in this tab's sheets, as the ledger holds them.
  const pool = new Set((state.mentees || []).map((m) => m.id));
  state.ledgerDuos = (duos || []).filter((d) => pool.has(d.mentee_id));
  renderMeetings();
  $("meetings").dataset.on = ledgerDay(); // the day the list was read on
}

// accept records the proposal's duos in the ledger: the people it does
// not know yet apply (on their application day), then each duo not
// already live there is proposed on the round's day.
async function accept() {
  $("problems").hidden = true;
  try {
    const known = await post("/v1/ledger/round", { on: state.on, mentees: state.mentees, mentors: state.mentors });
    const live = new Set(known.duos.filter((d) => d.pinned).map((d) => d.mentee_id));
    const applied = new Map((state.mentees || []).map((m) => [m.id, m.applied_on]));
    const events = known.ledger.not_in_ledger.map((p) => {
      const day = applied.get(p.id);
      return { on: day && day <= state.on ? day : state.on, event: "applied", side: p.side, id: p.id };
    });
    const duos = state.proposal.duos.filter((d) => !live.has(d.mentee_id));
    for (const d of duos) events.push({ on: state.on, event: "proposed", mentee_id: d.mentee_id, mentor_id: d.mentor_id });
    const resp = await post("/v1/ledger/events", events);
    await renderMonth();
    status(t("month.accepted", { n: duos.length, events: resp.events }));
  } catch (err) {
    showProblems([err]);
  }
}

// record appends one event about a duo to the ledger, reads the ledger
// back and says what was recorded.
async function record(ev, done, d) {
  $("problems").hidden = true;
  try {
    await post("/v1/ledger/events", ev);
    await renderMonth();
    status(t(done, { a: who(d.mentee_id), b: who(d.mentor_id) }));
  } catch (err) {
    showProblems([err]);
  }
}

// meeting records a duo's first meeting: started, or failed with a reason.
async function meeting(d, result, reason) {
  const ev = { on: $("meeting-day").value, event: "first_meeting", mentee_id: d.mentee_id, mentor_id: d.mentor_id, result };
  if (reason) ev.reason = reason;
  await record(ev, "month.met." + result, d);
  const next = document.querySelector("#meetings [data-key^='met-']");
  if (next) next.focus();
}

// later records what follows a started duo: its ending, then the
// mentee's outcome. step is "ended" or "outcome".
function later(d, step, code) {
  const ev = step === "ended"
    ? { on: $("meeting-day").value, event: "ended", mentee_id: d.mentee_id, mentor_id: d.mentor_id, reason: code }
    : { on: $("meeting-day").value, event: "outcome", mentee_id: d.mentee_id, result: code };
  return record(ev, "month.recorded." + step, d);
}

// choice is a labelled select of codes and the button that records one.
function choice(key, codes, pair, label, act) {
  const id = key + "-" + pair.id;
  const select = el("select", { id }, ...codes.map((c) => el("option", { value: c }, t(key + "." + c))));
  return [el("label", { for: id, class: "visually-hidden" }, t("month." + key + ".label", pair)), select,
    button(label, () => act(select.value), { "data-key": id + "-button", "aria-label": t("month." + key + ".pair", pair) })];
}

// renderMeetings lists the duos as the ledger holds them, each with what
// can be recorded next: its first meeting, its ending, the mentee's
// result.
function renderMeetings() {
  const items = (state.ledgerDuos || []).map((d) => {
    const pair = { a: who(d.mentee_id), b: who(d.mentor_id) };
    const li = el("li", { "data-stage": d.stage }, t("month.pair", pair));
    // A mentee may have several duos in the ledger: the pair names the controls.
    const p = Object.assign({ id: d.mentee_id + "-" + d.mentor_id }, pair);
    switch (d.stage) {
      case "proposed": {
        const id = "reason-" + p.id;
        const select = el("select", { id }, ...FAILED_REASONS.map((r) => el("option", { value: r }, t("failed." + r))));
        li.append(" ", button(t("month.started"), () => meeting(d, "started"), { "data-key": "met-" + d.mentee_id, "aria-label": t("month.started.pair", pair) }),
          el("label", { for: id, class: "visually-hidden" }, t("month.reason.pair", pair)), select,
          button(t("month.failed"), () => meeting(d, "failed", select.value), { "aria-label": t("month.failed.pair", pair) }));
        break;
      }
      case "failed": case "declined":
        li.append(" · " + t("month.result." + d.stage) + (d.reason ? " (" + t("failed." + d.reason) + ")" : ""));
        break;
      default: // started or ended
        li.append(" · " + t("month.result.started"));
        if (d.stage === "started") li.append(" ", ...choice("ended", ENDED_REASONS, p, t("month.end"), (c) => later(d, "ended", c)));
        else li.append(" · " + t("ended." + d.reason));
        if (d.at_end) li.append(" · " + t("outcome." + d.at_end));
        else if (d.stage === "ended") li.append(" ", ...choice("outcome", OUTCOMES, p, t("month.record"), (c) => later(d, "outcome", c)));
        if (d.at_12_months) li.append(" · " + t("month.at12", { result: t("outcome." + d.at_12_months) }));
    }
    return li;
  });
  $("meetings").replaceChildren(...(items.length ? items : [el("li", { class: "muted" }, t("month.none"))]));
}

// ledgerRound proposes the next round from the ledger: its live duos
// pinned, its failed pairs excluded, the waiting counted from it.
async function ledgerRound() {
  $("problems").hidden = true;
  try {
    state.on = $("next-day").value;
    state.elig = await post("/v1/eligibility", { on: state.on, mentees: state.mentees, mentors: state.mentors });
    state.before = new Map(state.rows.map((r) => [r.id, r.mentor]));
    state.proposal = await post("/v1/ledger/round", { on: state.on, mentees: state.mentees, mentors: state.mentors });
    state.proposalLang = lang;
    state.rows = buildRows(state.proposal);
    render();
    const p = state.proposal, proposed = p.duos.filter((d) => !d.pinned).length;
    status(t("status.done", { n: proposed, pinned: p.duos.length - proposed, left: p.unmatched_mentees.length }));
  } catch (err) {
    showProblems([err]);
  }
}
