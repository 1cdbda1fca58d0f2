// The lookup form: checks what can be checked here, posts the details to the API, and shows the ballot's status,
// what each step means, who it waits on and how fresh it is. Every text comes from the page's own strings (one
// language per page, in #ui-strings), so this one script serves all ten languages.

import { fill, type UiStrings } from "@ballot/voter-text";
import {
  agoText,
  curableReasons,
  dateFormatsOf,
  formatCalendarDay,
  type LookupField,
  type LookupProblem,
  lookupFields,
  lookupProblemOf,
  onTheWayToVoter,
  type StatusName,
  safeWebUrl,
  waitingOn,
} from "@ballot/voter-text/ballot-status";
import { apiBase, byId, el, errorSummary, pageStrings } from "./page.ts";
import { saveVoterToken } from "./voter-token.ts";

type PageStrings = UiStrings & {
  readonly locale: string;
  readonly faq: string;
  readonly faqLinkText: string;
  /** The alerts page and its invitation (`alerts.resultHeading` etc.), shown after a lookup that found the voter. */
  readonly alerts: { readonly path: string; readonly heading: string; readonly text: string; readonly link: string };
};
type Status = StatusName;
type Field = LookupField;

/** A ballot as the API answers it (services/apps/api/src/ballot-view.ts). */
interface BallotView {
  readonly ballotId: string;
  readonly electionId: string;
  readonly status: Status;
  readonly asOf: string;
  readonly timeline: readonly { readonly status: Status; readonly at: string; readonly reasonCode?: string }[];
  readonly expectedDeliveryDate?: string;
  readonly rejection?: { readonly reason: string; readonly cureDeadline?: string; readonly cureUrl?: string };
}

interface ApiError {
  readonly error?: {
    readonly code?: string;
    readonly message?: string;
    readonly details?: { readonly field?: string };
  };
}

type Problem = LookupProblem;

const s = pageStrings<PageStrings>();
const form = byId<HTMLFormElement>("lookup");
const result = byId("result");
const progress = byId("progress");
const voterIdGroup = byId("voterId-group");
const fields = lookupFields;

const formats = dateFormatsOf(s.locale);
const formatDay = (text: string): string => formatCalendarDay(formats, text);
const ago = (iso: string): string => agoText(formats, iso, Date.now());

function timeEl(iso: string, text: string): HTMLElement {
  const element = el("time", undefined, text);
  element.setAttribute("datetime", iso);
  return element;
}

function rejectionBlock(ballot: BallotView): HTMLElement {
  const texts = s.rejection;
  const reason = ballot.rejection?.reason ?? "other";
  const reasonText = texts.reasons[reason as keyof typeof texts.reasons] ?? texts.reasons.other;
  const block = el("div", "alert", el("h4", undefined, texts.heading), el("p", undefined, reasonText));
  if (!curableReasons.has(reason)) {
    block.append(el("p", undefined, texts.other));
    return block;
  }
  block.append(el("h4", undefined, texts.cureHeading));
  block.append(el("ol", undefined, ...texts.cureSteps.map((step) => el("li", undefined, step))));
  const url = safeWebUrl(ballot.rejection?.cureUrl);
  if (url) {
    const link = el("a", undefined, texts.cureLink) as HTMLAnchorElement;
    link.href = url;
    link.rel = "noopener";
    link.id = `cure-${ballot.ballotId}`;
    block.append(el("p", undefined, link));
  } else {
    block.append(el("p", undefined, texts.noCureLink));
  }
  const deadline = ballot.rejection?.cureDeadline;
  block.append(
    el("p", "deadline", el("strong", undefined, deadline ? fill(texts.deadline, { date: formatDay(deadline) }) : "")),
  );
  if (!deadline) block.lastElementChild?.replaceChildren(texts.noDeadline);
  return block;
}

function ballotSection(ballot: BallotView, older: boolean): HTMLElement {
  const r = s.result;
  const status = s.statuses[ballot.status];
  const election = fill(r.election, { id: ballot.electionId });
  const section = el("section", "ballot", el("h3", undefined, older ? `${r.olderBallot}: ${election}` : election));
  section.append(el("p", "status", status.label), el("p", undefined, status.meaning));
  section.append(el("p", "waiting", s.waiting[waitingOn[ballot.status]]));
  if (ballot.expectedDeliveryDate && onTheWayToVoter.has(ballot.status)) {
    section.append(el("p", "delivery", fill(r.expectedDelivery, { date: formatDay(ballot.expectedDeliveryDate) })));
  }
  if (ballot.rejection || ballot.status === "rejected" || ballot.status === "cure_pending") {
    section.append(rejectionBlock(ballot));
  }
  const asOf = el(
    "p",
    "fresh",
    fill(r.asOf, { time: formats.dateTime.format(new Date(ballot.asOf)), relative: ago(ballot.asOf) }),
  );
  asOf.append(" ", r.freshness);
  section.append(asOf);
  section.append(el("h4", undefined, r.timeline));
  const steps = ballot.timeline.map((step) => {
    const text = s.statuses[step.status];
    return el(
      "li",
      undefined,
      timeEl(step.at, formats.date.format(new Date(step.at))),
      el("span", "step", text?.label ?? step.status),
      text?.meaning ?? "",
    );
  });
  steps.push(
    el(
      "li",
      "next",
      el("span", "step-date", r.next),
      el("span", "step", status.next),
      s.waiting[waitingOn[ballot.status]],
    ),
  );
  section.append(el("ol", "timeline", ...steps));
  return section;
}

const errorReport = errorSummary<Field, Problem>({
  fields,
  decorate: (item, problem) => {
    if (!problem.faqLink) return;
    const faq = el("a", undefined, s.faqLinkText) as HTMLAnchorElement;
    faq.href = s.faq;
    item.append(" ", faq);
  },
});
const clearProblems = errorReport.clear;

function showBallots(ballots: readonly BallotView[], alertsToken: string | undefined) {
  clearProblems();
  const heading = el("h2", undefined, s.result.heading);
  heading.id = "result-title";
  result.replaceChildren(heading);
  if (ballots.length === 0) result.append(el("p", undefined, s.result.noBallot));
  ballots.forEach((ballot, index) => {
    result.append(ballotSection(ballot, index > 0));
  });
  if (alertsToken) {
    const link = el("a", undefined, s.alerts.link) as HTMLAnchorElement;
    link.href = s.alerts.path;
    link.id = "get-alerts";
    result.append(
      el(
        "section",
        "get-alerts",
        el("h3", undefined, s.alerts.heading),
        el("p", undefined, s.alerts.text),
        el("p", undefined, link),
      ),
    );
  }
  result.hidden = false;
  result.focus();
}

/** Each problem goes to the summary (focused, so it is read first) and, when it has one, to its field. */
function showProblems(found: readonly Problem[]) {
  result.hidden = true;
  errorReport.show(found);
}

const dateShape = /^\s*(\d{1,2}[-/]\d{1,2}[-/]\d{4}|\d{4}-\d{2}-\d{2})\s*$/;
const zipShape = /^\s*\d{5}(-?\d{4})?\s*$/;

/** What can be told without the API: empty fields and the shape of the date and ZIP. The API checks the rest. */
function checkHere(data: Readonly<Record<Field, string>>): Problem[] {
  const e = s.errors;
  const problems: Problem[] = [];
  const required: Record<Field, string> = {
    firstName: e.firstNameRequired,
    lastName: e.lastNameRequired,
    dateOfBirth: e.dateOfBirthRequired,
    zip: e.zipRequired,
    voterId: e.voterIdRequired,
  };
  for (const field of fields) {
    if (field === "voterId" && voterIdGroup.hidden) continue;
    if (!data[field].trim()) problems.push({ field, message: required[field] });
    else if (field === "dateOfBirth" && !dateShape.test(data[field]))
      problems.push({ field, message: e.dateOfBirthInvalid });
    else if (field === "zip" && !zipShape.test(data[field])) problems.push({ field, message: e.zipInvalid });
  }
  return problems;
}

function problemOf(response: Response, body: ApiError): Problem {
  const code = body.error?.code;
  if (code === "VOTER_AMBIGUOUS") voterIdGroup.hidden = false;
  return lookupProblemOf(
    s.errors,
    s.locale,
    code,
    body.error?.details?.field,
    Number(response.headers.get("retry-after")),
  );
}

let busy = false;

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (busy) return;
  const data = Object.fromEntries(fields.map((field) => [field, byId<HTMLInputElement>(field).value])) as Record<
    Field,
    string
  >;
  const problems = checkHere(data);
  if (problems.length > 0) {
    showProblems(problems);
    return;
  }
  const payload: Partial<Record<Field, string>> = { ...data };
  if (voterIdGroup.hidden || !data.voterId.trim()) delete payload.voterId;
  busy = true;
  progress.textContent = s.searching;
  try {
    const response = await fetch(`${apiBase}/v1/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    const body = (await response.json().catch(() => ({}))) as { ballots?: BallotView[]; token?: string } & ApiError;
    // The token for managing alerts stays in this tab (sessionStorage), never in a URL.
    if (response.ok && typeof body.token === "string") saveVoterToken(body.token);
    if (response.ok && Array.isArray(body.ballots)) showBallots(body.ballots, body.token);
    else showProblems([problemOf(response, body)]);
  } catch {
    showProblems([{ message: s.errors.network }]);
  } finally {
    busy = false;
    progress.textContent = "";
  }
});
