import { createHash } from "node:crypto";
import { fill, type Language, type LanguageCode, languages, pathOf } from "@ballot/voter-text";
import {
  agoText,
  curableReasons,
  type DateFormats,
  dateFormatsOf,
  formatCalendarDay,
  type LookupField,
  type LookupProblem,
  lookupProblemOf,
  onTheWayToVoter,
  safeWebUrl,
  waitingOn,
} from "@ballot/voter-text/ballot-status";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { BallotView } from "./ballot-view.ts";
import { type ApiErrorCode, statusOfCode } from "./errors.ts";
import { retryAfterSeconds } from "./rate-limits.ts";
import type { LookupOutcome } from "./routes/lookup.ts";

/**
 * The page a browser without JavaScript gets from the site's lookup form: the ballot's status with its timeline, in
 * the page's language, with the same words and rules as the site's lookup script (`@ballot/voter-text`), or the
 * problem and the form again. Plain HTML and one inline style (allowed by its hash); no script, no image.
 */

const css = [
  "body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}",
  "header,main,footer{max-width:40rem;margin:0 auto;padding:0 1rem}",
  "a{color:#0b57d0}",
  ":focus-visible{outline:3px solid #b45309;outline-offset:2px}",
  ".skip{position:absolute;left:-999rem}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.25rem}",
  "label{display:block;font-weight:600;margin-top:1rem}",
  "input{font:inherit;padding:.5rem;width:100%;max-width:20rem;box-sizing:border-box;border:2px solid #555}",
  "input[aria-invalid=true]{border-color:#b00020}",
  ".hint{color:#444;margin:.25rem 0}.error{color:#b00020;font-weight:600;margin:.25rem 0}",
  "button{font:inherit;margin-top:1rem;padding:.6rem 1.2rem;background:#0b57d0;color:#fff;border:0;border-radius:4px}",
  ".summary{border:3px solid #b00020;padding:0 1rem;margin:1rem 0}",
  ".status{font-size:1.25rem;font-weight:700}.alert{border-left:4px solid #b00020;padding-left:1rem}",
  ".timeline{padding-left:1.25rem}.timeline li{margin:.75rem 0}.timeline time{display:block;color:#444}",
  ".step{display:block;font-weight:600}.timeline .next{list-style:none;margin-left:-1.25rem}",
].join("");
const styleHash = createHash("sha256").update(css).digest("base64");
const pageCsp = `default-src 'none'; style-src 'sha256-${styleHash}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Tag and text, escaped; `attributes` are written as given (built from escaped values only). */
const tag = (name: string, attributes: string, ...inner: string[]) =>
  `<${name}${attributes ? ` ${attributes}` : ""}>${inner.join("")}</${name}>`;
const text = (name: string, attributes: string, content: string) => tag(name, attributes, escapeHtml(content));
const attr = (name: string, value: string) => `${name}="${escapeHtml(value)}"`;

/** The page's language from the form's `lang`: one of the ten, else English. */
export function lookupPageLanguageOf(raw: string | undefined): Language {
  return (raw && Object.hasOwn(languages, raw) ? languages[raw as LanguageCode] : undefined) ?? languages.en;
}

interface PageContext {
  readonly language: Language;
  readonly formats: DateFormats;
  readonly nowMs: number;
}

function ballotSection(page: PageContext, ballot: BallotView, older: boolean): string {
  const { language, formats, nowMs } = page;
  const s = language.strings.ui;
  const status = s.statuses[ballot.status];
  const waiting = s.waiting[waitingOn[ballot.status]];
  const election = fill(s.result.election, { id: ballot.electionId });
  const parts = [
    text("h3", "", older ? `${s.result.olderBallot}: ${election}` : election),
    text("p", 'class="status"', status.label),
    text("p", "", status.meaning),
    text("p", 'class="waiting"', waiting),
  ];
  if (ballot.expectedDeliveryDate && onTheWayToVoter.has(ballot.status)) {
    const date = formatCalendarDay(formats, ballot.expectedDeliveryDate);
    parts.push(text("p", 'class="delivery"', fill(s.result.expectedDelivery, { date })));
  }
  if (ballot.rejection || ballot.status === "rejected" || ballot.status === "cure_pending") {
    parts.push(rejectionBlock(page, ballot));
  }
  const asOf = fill(s.result.asOf, {
    time: formats.dateTime.format(new Date(ballot.asOf)),
    relative: agoText(formats, ballot.asOf, nowMs),
  });
  parts.push(text("p", 'class="fresh"', `${asOf} ${s.result.freshness}`));
  parts.push(text("h4", "", s.result.timeline));
  const steps = ballot.timeline.map((step) => {
    const words = s.statuses[step.status];
    return tag(
      "li",
      "",
      text("time", attr("datetime", step.at), formats.date.format(new Date(step.at))),
      text("span", 'class="step"', words?.label ?? step.status),
      escapeHtml(words?.meaning ?? ""),
    );
  });
  steps.push(
    tag("li", 'class="next"', text("span", 'class="step"', `${s.result.next}: ${status.next}`), escapeHtml(waiting)),
  );
  parts.push(tag("ol", 'class="timeline"', ...steps));
  return tag("section", 'class="ballot"', ...parts);
}

function rejectionBlock(page: PageContext, ballot: BallotView): string {
  const texts = page.language.strings.ui.rejection;
  const reason = ballot.rejection?.reason ?? "other";
  const reasonText = texts.reasons[reason as keyof typeof texts.reasons] ?? texts.reasons.other;
  const parts = [text("h4", "", texts.heading), text("p", "", reasonText)];
  if (!curableReasons.has(reason)) return tag("div", 'class="alert"', ...parts, text("p", "", texts.other));
  parts.push(text("h4", "", texts.cureHeading), tag("ol", "", ...texts.cureSteps.map((step) => text("li", "", step))));
  const url = safeWebUrl(ballot.rejection?.cureUrl);
  parts.push(
    url
      ? tag("p", "", text("a", `${attr("href", url)} rel="noopener"`, texts.cureLink))
      : text("p", "", texts.noCureLink),
  );
  const deadline = ballot.rejection?.cureDeadline;
  parts.push(
    deadline
      ? tag(
          "p",
          'class="deadline"',
          text("strong", "", fill(texts.deadline, { date: formatCalendarDay(page.formats, deadline) })),
        )
      : text("p", 'class="deadline"', texts.noDeadline),
  );
  return tag("div", 'class="alert"', ...parts);
}

interface FormValues {
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: string;
  readonly zip: string;
  readonly voterId?: string;
}

/** The lookup form again, filled in as sent, with the problem at its field; the voter ID once it is needed. */
function lookupForm(language: Language, values: FormValues, problem: LookupProblem | undefined): string {
  const l = language.strings.lookup;
  const withVoterId = problem?.field === "voterId" || values.voterId !== undefined;
  const fields: { id: LookupField; label: string; hint?: string; autocomplete: string; numeric?: boolean }[] = [
    { id: "firstName", label: l.firstName, autocomplete: "given-name" },
    { id: "lastName", label: l.lastName, autocomplete: "family-name" },
    { id: "dateOfBirth", label: l.dateOfBirth, hint: l.dateOfBirthHint, autocomplete: "bday", numeric: true },
    { id: "zip", label: l.zip, hint: l.zipHint, autocomplete: "postal-code", numeric: true },
    ...(withVoterId ? [{ id: "voterId" as const, label: l.voterId, hint: l.voterIdHint, autocomplete: "off" }] : []),
  ];
  const inputs = fields.map((field) => {
    const error = problem?.field === field.id ? problem.message : "";
    const described = [field.hint ? `${field.id}-hint` : "", `${field.id}-error`].filter(Boolean).join(" ");
    return tag(
      "div",
      "",
      text("label", attr("for", field.id), field.label),
      field.hint ? text("p", `class="hint" ${attr("id", `${field.id}-hint`)}`, field.hint) : "",
      text("p", `class="error" ${attr("id", `${field.id}-error`)}`, error),
      `<input ${[
        attr("id", field.id),
        attr("name", field.id),
        attr("value", values[field.id] ?? ""),
        attr("autocomplete", field.autocomplete),
        field.numeric ? 'inputmode="numeric"' : "",
        'spellcheck="false"',
        field.id === "voterId" ? "" : "required",
        attr("aria-describedby", described),
        error ? 'aria-invalid="true"' : "",
      ]
        .filter(Boolean)
        .join(" ")}>`,
    );
  });
  return tag(
    "form",
    'method="post" action="/v1/lookup/page" novalidate',
    `<input type="hidden" name="lang" ${attr("value", language.code)}>`,
    ...inputs,
    text("button", 'type="submit"', l.submit),
  );
}

function errorSummary(language: Language, problem: LookupProblem, siteOrigin: string): string {
  const s = language.strings;
  const item = problem.field
    ? text("a", attr("href", `#${problem.field}`), problem.message)
    : escapeHtml(problem.message);
  const faq = problem.faqLink
    ? ` ${text("a", attr("href", `${siteOrigin}${pathOf(language.code, "faq")}`), s.lookup.faqLink)}`
    : "";
  return tag(
    "div",
    'id="error-summary" class="summary" role="alert" aria-labelledby="error-summary-title"',
    text("h2", 'id="error-summary-title"', s.ui.errorSummary),
    tag("ul", "", tag("li", "", item, faq)),
  );
}

/** The API's error code for an outcome that is not a found voter, as the site's script would be told it. */
function codeOf(outcome: Exclude<LookupOutcome, { kind: "found" }>): ApiErrorCode {
  switch (outcome.kind) {
    case "too_large":
      return "PAYLOAD_TOO_LARGE";
    case "invalid":
      return "VALIDATION_FAILED";
    case "rate_limited":
      return "RATE_LIMITED";
    case "not_found":
      return "VOTER_NOT_FOUND";
    case "ambiguous":
      return "VOTER_AMBIGUOUS";
  }
}

export function lookupPage(
  c: Context,
  input: {
    readonly outcome: LookupOutcome;
    readonly language: Language;
    readonly fields: FormValues;
    readonly siteOrigin: string;
    /** The zone of the page's times: the counties'. */
    readonly timeZone: string;
    readonly nowMs: number;
  },
): Response {
  const { outcome, language, fields, siteOrigin, nowMs } = input;
  const page: PageContext = { language, formats: dateFormatsOf(language.locale, input.timeZone), nowMs };
  const s = language.strings;
  let status: ContentfulStatusCode = 200;
  let content: string;
  if (outcome.kind === "found") {
    const ballots = outcome.ballots.map((ballot, index) => ballotSection(page, ballot, index > 0));
    const alerts = `${siteOrigin}${pathOf(language.code, "alerts")}`;
    content = tag(
      "section",
      'id="result" aria-labelledby="result-title"',
      text("h2", 'id="result-title"', s.ui.result.heading),
      ballots.length > 0 ? ballots.join("") : text("p", "", s.ui.result.noBallot),
      tag(
        "section",
        'class="get-alerts"',
        text("h3", "", s.alerts.resultHeading),
        text("p", "", s.alerts.resultText),
        tag("p", "", text("a", attr("href", alerts), s.alerts.resultLink)),
      ),
    );
  } else {
    const code = codeOf(outcome);
    status = statusOfCode(code);
    const wait = outcome.kind === "rate_limited" ? retryAfterSeconds(outcome.decision.retryAfterMs) : 0;
    if (wait > 0) c.header("Retry-After", String(wait));
    const field = outcome.kind === "invalid" ? outcome.field : undefined;
    const problem = lookupProblemOf(s.ui.errors, language.locale, code, field, wait);
    content = errorSummary(language, problem, siteOrigin) + lookupForm(language, fields, problem);
  }
  const home = `${siteOrigin}${pathOf(language.code, "lookup")}`;
  const html =
    "<!doctype html>" +
    tag(
      "html",
      attr("lang", language.tag),
      tag(
        "head",
        "",
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex">',
        text("title", "", `${s.lookup.title} · ${s.site.name}`),
        `<style>${css}</style>`,
      ),
      tag(
        "body",
        "",
        text("a", 'class="skip" href="#main"', s.site.skipLink),
        tag("header", "", tag("p", "", text("a", attr("href", home), s.site.name))),
        tag("main", 'id="main"', text("h1", "", s.lookup.title), content),
        // A machine-drafted language says so on every page, this one too (see the site's README).
        tag("footer", "", text("p", "", s.site.footer), s.reviewed ? "" : text("p", "", s.site.unreviewed)),
      ),
    );
  c.header("Content-Security-Policy", pageCsp);
  return c.html(html, status);
}
