// The alerts page: shows the voter's alerts (GET /v1/subscriptions), saves changes (PUT) and unsubscribes (DELETE),
// with the token the lookup left in this tab's sessionStorage. Every text comes from the page's own strings.
import type { AlertsUiStrings } from "@ballot/voter-text";
import { apiBase, byId, el, errorSummary, pageStrings, waitText } from "./page.ts";
import { forgetVoterToken, voterToken } from "./voter-token.ts";

type PageStrings = AlertsUiStrings & {
  /** The channels' names as the form labels them, for the list of current alerts. */
  readonly labels: Readonly<Record<Channel, string>>;
  readonly locale: string;
  readonly language: string;
  readonly errorSummary: string;
};
type Channel = "email" | "sms" | "voice";
type Consent = keyof AlertsUiStrings["consent"];
type Field = Channel | "hours" | "language" | "channels";
/** Which input a field's error sends focus to. */
const inputOf: Readonly<Record<Field, string>> = {
  email: "email",
  sms: "sms",
  voice: "voice",
  hours: "hoursFrom",
  language: "language",
  channels: "email-on",
};

/** The API's view of the voter's alerts (services/apps/api/src/subscription-view.ts). */
interface SubscriptionView {
  readonly language: string;
  readonly contactWindow: string | null;
  readonly channels: readonly {
    readonly channel: Channel;
    readonly address: string;
    readonly consent: Consent;
    readonly contactWindow: string | null;
  }[];
}

interface ApiError {
  readonly error?: { readonly code?: string; readonly details?: { readonly field?: string } };
}

interface Problem {
  readonly field?: Field;
  readonly message: string;
}

const s = pageStrings<PageStrings>();
const form = byId<HTMLFormElement>("alerts");
const current = byId("current");
const notice = byId("notice");
const progress = byId("progress");
const channels: readonly Channel[] = ["email", "sms", "voice"];
const fields: readonly Field[] = ["email", "sms", "voice", "hours", "language", "channels"];
const checkbox = (channel: Channel) => byId<HTMLInputElement>(`${channel}-on`);
const input = (id: string) => byId<HTMLInputElement>(id);

const fill = (template: string, values: Readonly<Record<string, string>>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

let view: SubscriptionView | undefined;
let busy = false;

function showNoToken(problem?: string) {
  forgetVoterToken();
  form.hidden = true;
  current.hidden = true;
  byId("no-token").hidden = false;
  if (problem) showProblems([{ message: problem }]);
}

const errorReport = errorSummary<Field, Problem>({ fields, inputOf: (field) => inputOf[field] });
const clearProblems = errorReport.clear;
const showProblems = errorReport.show;

const clock = (text: string) => {
  const [hours, minutes] = text.split(":").map(Number);
  return new Intl.DateTimeFormat(s.locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(
    Date.UTC(2000, 0, 1, hours ?? 0, minutes ?? 0),
  );
};

function render(next: SubscriptionView) {
  view = next;
  const list = byId("current-list");
  list.replaceChildren();
  for (const entry of next.channels) {
    const name = s.channelNames[entry.channel];
    const item = el(
      "li",
      undefined,
      el("strong", undefined, `${name}: `),
      entry.address,
      el("br"),
      s.consent[entry.consent],
    );
    item.dataset.channel = entry.channel;
    item.dataset.consent = entry.consent;
    if (entry.consent !== "opted_out") {
      const button = el("button", "secondary", fill(s.unsubscribe, { channel: name })) as HTMLButtonElement;
      button.type = "button";
      button.dataset.unsubscribe = entry.channel;
      item.append(el("br"), button);
    }
    list.append(item);
  }
  const active = next.channels.filter((entry) => entry.consent !== "opted_out");
  byId("none").hidden = next.channels.length > 0;
  byId("unsubscribe-all").hidden = active.length === 0;
  const window = next.contactWindow ?? "08:00-21:00";
  const [from = "08:00", until = "21:00"] = window.split("-");
  byId("current-hours").textContent =
    active.length > 0 ? fill(s.hours, { from: clock(from), until: clock(until) }) : "";
  for (const channel of channels) {
    const entry = next.channels.find((candidate) => candidate.channel === channel);
    checkbox(channel).checked = entry !== undefined && entry.consent !== "opted_out";
    byId(`${channel}-group`).hidden = !checkbox(channel).checked;
    byId(`${channel}-keep`).textContent = entry ? fill(s.keep, { address: entry.address }) : "";
    input(channel).value = "";
  }
  input("hoursFrom").value = from;
  input("hoursUntil").value = until === "24:00" ? "23:59" : until;
  if (next.channels.length > 0) byId<HTMLSelectElement>("language").value = next.language;
  current.hidden = false;
  form.hidden = false;
}

/** The API's error codes (services/apps/api/src/errors.ts), told in the page's language and tied to their field. */
function problemOf(response: Response, body: ApiError): Problem | "expired" {
  const e = s.errors;
  const code = body.error?.code;
  if (code === "TOKEN_INVALID" || code === "TOKEN_EXPIRED") return "expired";
  if (code === "RATE_LIMITED") {
    const seconds = Number(response.headers.get("retry-after"));
    return { message: fill(e.rateLimited, { time: waitText(s.locale, seconds > 0 ? seconds : 60) }) };
  }
  if (code === "VALIDATION_FAILED") {
    const field = body.error?.details?.field ?? "";
    const channel = channels.find((candidate) => field === `channels.${candidate}.address`);
    if (channel) return { field: channel, message: e[`${channel}Invalid`] };
    if (field === "contactWindow") return { field: "hours", message: e.hoursInvalid };
    if (field.startsWith("channels")) return { field: "channels", message: e.noChannel };
  }
  return { message: e.unavailable };
}

/** One call to the alert routes; the view it answers, or undefined after showing what went wrong. */
async function call(
  method: "GET" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
): Promise<SubscriptionView | undefined> {
  const token = voterToken();
  if (!token) {
    showNoToken(s.errors.expired);
    return undefined;
  }
  try {
    const response = await fetch(`${apiBase}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await response.json().catch(() => ({}))) as SubscriptionView & ApiError;
    if (response.ok && Array.isArray(answer.channels)) return answer;
    const problem = problemOf(response, answer);
    if (problem === "expired") showNoToken(s.errors.expired);
    else showProblems([problem]);
  } catch {
    showProblems([{ message: s.errors.network }]);
  }
  return undefined;
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phoneShape = /^\+?[\d\s().-]{10,20}$/;

/** What can be told here: a chosen channel needs an address (unless one is stored), addresses of the right shape. */
function checkHere(): Problem[] {
  const e = s.errors;
  const problems: Problem[] = [];
  const chosen = channels.filter((channel) => checkbox(channel).checked);
  if (chosen.length === 0 && !view?.channels.some((entry) => entry.consent !== "opted_out")) {
    problems.push({ field: "channels", message: e.noChannel });
  }
  for (const channel of chosen) {
    const value = input(channel).value.trim();
    const stored = view?.channels.some((entry) => entry.channel === channel);
    if (!value && !stored) problems.push({ field: channel, message: e[`${channel}Required`] });
    else if (value && !(channel === "email" ? emailShape : phoneShape).test(value)) {
      problems.push({ field: channel, message: e[`${channel}Invalid`] });
    }
  }
  if (!(input("hoursFrom").value < input("hoursUntil").value))
    problems.push({ field: "hours", message: e.hoursInvalid });
  return problems;
}

/** After a change: the new state, what to do next, and focus on it. */
function done(next: SubscriptionView, message: string) {
  clearProblems();
  render(next);
  notice.replaceChildren(el("p", undefined, message));
  current.focus();
}

async function save() {
  const problems = checkHere();
  if (problems.length > 0) {
    showProblems(problems);
    return;
  }
  const chosen = channels.filter((channel) => checkbox(channel).checked);
  const dropped = channels.filter(
    (channel) =>
      !checkbox(channel).checked &&
      view?.channels.some((entry) => entry.channel === channel && entry.consent !== "opted_out"),
  );
  let next: SubscriptionView | undefined = view;
  if (chosen.length > 0) {
    const body = {
      language: byId<HTMLSelectElement>("language").value,
      contactWindow: `${input("hoursFrom").value}-${input("hoursUntil").value}`,
      channels: Object.fromEntries(
        chosen.map((channel) => {
          const value = input(channel).value.trim();
          return [channel, value ? { address: value } : {}];
        }),
      ),
    };
    next = await call("PUT", "/v1/subscriptions", body);
    if (!next) return;
  }
  for (const channel of dropped) {
    next = await call("DELETE", `/v1/subscriptions/${channel}`);
    if (!next) return;
  }
  if (!next) return;
  const pending = (channel: Channel) =>
    chosen.includes(channel) &&
    next?.channels.some((entry) => entry.channel === channel && entry.consent === "pending");
  const lines = [s.saved];
  if (pending("email")) lines.push(s.confirmEmail);
  if (pending("sms")) lines.push(s.confirmSms);
  done(next, lines.join(" "));
}

async function withProgress(text: string, work: () => Promise<void>) {
  if (busy) return;
  busy = true;
  progress.textContent = text;
  try {
    await work();
  } finally {
    busy = false;
    progress.textContent = "";
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void withProgress(s.saving, save);
});

for (const channel of channels) {
  checkbox(channel).addEventListener("change", () => {
    byId(`${channel}-group`).hidden = !checkbox(channel).checked;
  });
}

current.addEventListener("click", (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button");
  if (!button) return;
  const channel = button.dataset.unsubscribe as Channel | undefined;
  void withProgress(s.saving, async () => {
    const next = await call("DELETE", channel ? `/v1/subscriptions/${channel}` : "/v1/subscriptions");
    if (next) {
      done(next, channel ? fill(s.unsubscribed, { channel: s.channelNames[channel] }) : s.unsubscribedAll);
    }
  });
});

if (voterToken()) {
  void withProgress(s.loading, async () => {
    const next = await call("GET", "/v1/subscriptions");
    if (next) render(next);
  });
} else {
  showNoToken();
}
