// The officials' dashboard: signs in with a staff token (kept in this tab's sessionStorage only, sent as a bearer
// token, never in a URL), then reads the county's figures from /v1/dashboard every few seconds. Everything is
// written with textContent: nothing the API answers is parsed as HTML.
import { createBroadcastsSection } from "./dashboard-broadcasts.ts";
import { createHoldsSection } from "./dashboard-holds.ts";
import { createSubscribersSection, fillFigures, fillLegend } from "./dashboard-subscribers.ts";

const tokenKey = "ballot.staffToken";
const refreshIntervalMs = 5000;
const listRows = 20;
const apiBase = document.querySelector<HTMLMetaElement>('meta[name="api-base"]')?.content ?? "";

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the dashboard page has no #${id}`);
  return found as T;
};

const signIn = element<HTMLFormElement>("sign-in");
const tokenInput = element<HTMLInputElement>("token");
const tokenError = element("token-error");
const board = element("board");
const who = element("who");
const countySelect = element<HTMLSelectElement>("county");
const stuckDaysSelect = element<HTMLSelectElement>("stuck-days");
const autoRefresh = element<HTMLInputElement>("auto-refresh");
const updated = element("updated");
const boardError = element("board-error");
const exportError = element("export-error");

interface Me {
  name: string;
  role: "viewer" | "operator" | "approver";
  scope: string;
  counties: string[];
}

class ApiProblem extends Error {
  override name = "ApiProblem";
  readonly status: number;
  /** The request field the API named (`variables.deadline`), when it named one. */
  readonly field: string | undefined;
  constructor(status: number, message: string, field?: string) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

async function call(path: string, accept = "application/json", method = "GET", body?: unknown): Promise<Response> {
  const token = sessionStorage.getItem(tokenKey);
  const response = await fetch(`${apiBase}/v1/dashboard${path}`, {
    method,
    headers: {
      accept,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) {
    let message = `the API answered ${response.status}`;
    let field: string | undefined;
    try {
      const { error } = (await response.json()) as { error?: { message?: string; details?: { field?: string } } };
      message = error?.message ?? message;
      field = error?.details?.field;
    } catch {
      // Not JSON (a proxy's page): the status says enough.
    }
    throw new ApiProblem(response.status, message, field);
  }
  return response;
}

const getJson = async <T>(path: string): Promise<T> => (await call(path)).json() as Promise<T>;

const numberFormat = new Intl.NumberFormat("en-US");
const formatNumber = (value: number) => numberFormat.format(value);
const dateTime = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" }) : "never";
const dateOnly = (iso: string) => new Date(iso).toLocaleDateString("en-US", { dateStyle: "medium" });

const statusLabels: Record<string, string> = {
  issued: "Issued",
  mailed: "Mailed",
  in_transit: "In the mail",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  undeliverable: "Undeliverable",
  returned_by_voter: "Returned by voter",
  received: "Received",
  accepted: "Accepted",
  counted: "Counted",
  rejected: "Rejected",
  cure_pending: "Cure pending",
  cured: "Cured",
  superseded: "Superseded",
};
const labelOf = (status: string) => statusLabels[status] ?? status;

function cell(row: HTMLTableRowElement, text: string, className?: string, header = false): HTMLTableCellElement {
  const td = document.createElement(header ? "th" : "td");
  if (header) td.setAttribute("scope", "row");
  td.textContent = text;
  if (className) td.className = className;
  row.append(td);
  return td;
}

function barCell(row: HTMLTableRowElement, value: number, max: number): void {
  const td = cell(row, "", "bar-cell");
  const bar = document.createElement("span");
  bar.className = "bar";
  bar.style.width = `${max > 0 ? Math.max(0.5, (100 * value) / max) : 0}%`;
  // The number is in its own column: the bar is only its picture.
  bar.setAttribute("aria-hidden", "true");
  td.append(bar);
}

/** What came of an action, from the status its answer had (views have none). */
function auditResult(status: number | undefined): string {
  if (status === undefined) return "";
  if (status >= 200 && status < 300) return `done (${status})`;
  const words: Record<number, string> = { 400: "invalid request", 403: "refused", 404: "not found", 409: "conflict" };
  return `${words[status] ?? (status >= 500 ? "failed" : "not done")} (${status})`;
}

function fillTable(id: string, rows: readonly (readonly string[])[], numberColumns: readonly number[] = []): void {
  const body = element<HTMLTableElement>(id).tBodies[0];
  if (!body) return;
  const fresh = document.createElement("tbody");
  for (const values of rows) {
    const row = fresh.insertRow();
    for (const [index, value] of values.entries()) {
      cell(row, value, numberColumns.includes(index) ? "number" : undefined, index === 0);
    }
  }
  if (rows.length === 0) {
    const row = fresh.insertRow();
    const td = cell(row, "None.");
    td.colSpan = element<HTMLTableElement>(id).tHead?.rows[0]?.cells.length ?? 1;
  }
  body.replaceWith(fresh);
}

interface Summary {
  total: number;
  inMail: number;
  stuck: number;
  entryNoExit: number;
  stuckAfterDays: number;
  undeliverable: number;
  cureQueue: number;
  cureDueSoon: number;
  receivedNotAccepted: number;
  byStatus: Record<string, number>;
}
interface ZipCounts {
  zip: string;
  total: number;
  byStatus: Record<string, number>;
}

function renderSummary(summary: Summary, byZip: readonly ZipCounts[]): void {
  const figures = element("figures");
  const items: [string, number, boolean][] = [
    ["Ballots", summary.total, false],
    ["In the mail", summary.inMail, false],
    [`Stuck (no scan for ${summary.stuckAfterDays} days)`, summary.stuck, summary.stuck > 0],
    [`Entry scan, no exit scan (${summary.stuckAfterDays} days)`, summary.entryNoExit, summary.entryNoExit > 0],
    ["Undeliverable", summary.undeliverable, summary.undeliverable > 0],
    ["Cure queue", summary.cureQueue, summary.cureQueue > 0],
    ["Cure deadline within 3 days", summary.cureDueSoon, summary.cureDueSoon > 0],
    ["Received, not yet accepted", summary.receivedNotAccepted, false],
  ];
  fillFigures(figures, formatNumber, items);
  const statuses = Object.entries(summary.byStatus).filter(([, count]) => count > 0);
  const maxStatus = Math.max(0, ...statuses.map(([, count]) => count));
  const statusBody = document.createElement("tbody");
  for (const [status, count] of statuses) {
    const row = statusBody.insertRow();
    cell(row, labelOf(status), undefined, true);
    cell(row, formatNumber(count), "number");
    barCell(row, count, maxStatus);
  }
  element<HTMLTableElement>("by-status").tBodies[0]?.replaceWith(statusBody);
  const maxZip = Math.max(0, ...byZip.map((zip) => zip.total));
  const zipBody = document.createElement("tbody");
  const back = ["returned_by_voter", "received", "accepted", "counted", "rejected", "cure_pending", "cured"];
  for (const zip of byZip) {
    const row = zipBody.insertRow();
    cell(row, zip.zip, undefined, true);
    cell(row, formatNumber(zip.total), "number");
    cell(row, formatNumber(back.reduce((sum, status) => sum + (zip.byStatus[status] ?? 0), 0)), "number");
    barCell(row, zip.total, maxZip);
  }
  element<HTMLTableElement>("by-zip").tBodies[0]?.replaceWith(zipBody);
}

const trendLines = [
  ["mailed", "Mailed", "#0b5394"],
  ["returned", "Returned", "#6a3d9a"],
  ["received", "Received", "#1b7837"],
  ["accepted", "Accepted", "#4a4a4a"],
  ["rejected", "Rejected", "#9b1c1c"],
] as const;
type TrendDay = { day: string } & Record<(typeof trendLines)[number][0], number>;

function renderTrends(days: readonly TrendDay[]): void {
  const svg = element("trend-chart") as unknown as SVGSVGElement;
  const ns = "http://www.w3.org/2000/svg";
  const width = 640;
  const height = 220;
  const left = 44;
  const bottom = 24;
  const max = Math.max(1, ...days.flatMap((day) => trendLines.map(([key]) => day[key])));
  const x = (index: number) => left + (index * (width - left - 8)) / Math.max(1, days.length - 1);
  const y = (value: number) => height - bottom - (value * (height - bottom - 8)) / max;
  const title = svg.querySelector("title");
  const shapes: SVGElement[] = [];
  for (const fraction of [0, 0.5, 1]) {
    const line = document.createElementNS(ns, "line");
    line.setAttribute("x1", String(left));
    line.setAttribute("x2", String(width - 8));
    line.setAttribute("y1", String(y(max * fraction)));
    line.setAttribute("y2", String(y(max * fraction)));
    line.setAttribute("stroke", "#ccc");
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", String(left - 4));
    label.setAttribute("y", String(y(max * fraction) + 4));
    label.setAttribute("text-anchor", "end");
    label.setAttribute("font-size", "11");
    label.textContent = formatNumber(Math.round(max * fraction));
    shapes.push(line, label);
  }
  for (const [index, day] of days.entries()) {
    if (index % 7 !== days.length % 7) continue;
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", String(x(index)));
    label.setAttribute("y", String(height - 6));
    label.setAttribute("text-anchor", "middle");
    label.setAttribute("font-size", "11");
    label.textContent = day.day.slice(5);
    shapes.push(label);
  }
  for (const [key, , color] of trendLines) {
    const line = document.createElementNS(ns, "polyline");
    line.setAttribute("fill", "none");
    line.setAttribute("stroke", color);
    line.setAttribute("stroke-width", "2");
    line.setAttribute("points", days.map((day, index) => `${x(index)},${y(day[key])}`).join(" "));
    shapes.push(line);
  }
  svg.replaceChildren(...(title ? [title] : []), ...shapes);
  const latest = days.at(-1);
  if (title && latest) {
    title.textContent = `Ballots per day, last ${days.length} days; today: ${trendLines
      .map(([key, label]) => `${label.toLowerCase()} ${latest[key]}`)
      .join(", ")}`;
  }
  fillLegend(element("trend-legend"), trendLines);
  fillTable(
    "trends",
    [...days].reverse().map((day) => [day.day, ...trendLines.map(([key]) => formatNumber(day[key]))]),
    [1, 2, 3, 4, 5],
  );
}

interface ListedBallot {
  ballotId: string;
  status: string;
  zip: string;
  statusAt: string;
  reasonCode?: string;
  cureDeadline?: string;
  lastSeenAt?: string;
  undeliverableAt?: string;
  enteredMailAt?: string;
  receivedAt?: string;
}
interface BallotList {
  total: number;
  items: ListedBallot[];
}

function renderList(id: string, list: BallotList, columns: (ballot: ListedBallot) => string[]): void {
  fillTable(id, list.items.map(columns));
  element(`${id}-more`).textContent =
    list.total > list.items.length
      ? `Showing ${list.items.length} of ${formatNumber(list.total)}; download the CSV for all of them.`
      : "";
}

interface Feed {
  source: string;
  lastRecordAt?: string;
  lagMs?: number;
  today: { records: number; rejected: number };
  rejectedReasons: { reason: string; count: number }[];
}

interface MessageOutcomes {
  sent: number;
  delivered: number;
  failed: number;
  dead: number;
}
interface MessageDay {
  day: string;
  total: MessageOutcomes;
  email: MessageOutcomes;
  sms: MessageOutcomes;
  voice: MessageOutcomes;
}

const lagText = (lagMs: number | undefined) =>
  lagMs === undefined ? "-" : lagMs < 120_000 ? `${Math.round(lagMs / 1000)} s` : `${Math.round(lagMs / 60_000)} min`;

const holds = createHoldsSection({
  container: element("holds"),
  status: element("holds-status"),
  error: element("holds-error"),
  labelOf,
  dateTime,
  formatNumber,
  getJson,
  post: async <T>(path: string) => (await call(path, "application/json", "POST")).json() as Promise<T>,
});

const broadcasts = createBroadcastsSection({
  status: element("broadcasts-status"),
  error: element("broadcasts-error"),
  labelOf,
  dateTime,
  formatNumber,
  getJson,
  post: async <T>(path: string, body?: unknown) =>
    (await call(path, "application/json", "POST", body)).json() as Promise<T>,
});

const subscribers = createSubscribersSection({
  figures: element("subscriber-figures"),
  chart: element("subscriber-chart") as unknown as SVGSVGElement,
  legend: element("subscriber-legend"),
  byChannel: element<HTMLTableElement>("subscribers-by-channel"),
  byLanguage: element<HTMLTableElement>("subscribers-by-language"),
  formatNumber,
  getJson,
});

let me: Me | undefined;
let refreshing = false;

async function refresh(): Promise<void> {
  if (!me || refreshing) return;
  refreshing = true;
  const county = encodeURIComponent(countySelect.value);
  const stuckDays = stuckDaysSelect.value;
  try {
    const base = `/counties/${county}`;
    const [summary, zips, trends, stuck, undeliverable, cure, feeds, messages, entryNoExit, received] =
      await Promise.all([
        getJson<Summary>(`${base}/summary?stuckDays=${stuckDays}`),
        getJson<{ byZip: ZipCounts[] }>(`${base}/zips`),
        getJson<{ days: TrendDay[] }>(`${base}/trends?days=30`),
        getJson<BallotList>(`${base}/stuck?stuckDays=${stuckDays}&limit=${listRows}`),
        getJson<BallotList>(`${base}/undeliverable?limit=${listRows}`),
        getJson<BallotList>(`${base}/cure-queue?limit=${listRows}`),
        getJson<{ feeds: Feed[] }>(`${base}/feeds`),
        getJson<{ days: MessageDay[] }>(`${base}/messages?days=7`),
        getJson<BallotList>(`${base}/entry-no-exit?stuckDays=${stuckDays}&limit=${listRows}`),
        getJson<BallotList>(`${base}/received-not-accepted?limit=${listRows}`),
      ]);
    renderSummary(summary, zips.byZip);
    renderTrends(trends.days);
    renderList("stuck", stuck, (ballot) => [
      ballot.ballotId,
      labelOf(ballot.status),
      ballot.zip,
      dateTime(ballot.lastSeenAt),
    ]);
    renderList("entry-no-exit", entryNoExit, (ballot) => [
      ballot.ballotId,
      labelOf(ballot.status),
      ballot.zip,
      dateTime(ballot.enteredMailAt),
    ]);
    renderList("received-not-accepted", received, (ballot) => [
      ballot.ballotId,
      labelOf(ballot.status),
      ballot.zip,
      dateTime(ballot.receivedAt),
    ]);
    renderList("undeliverable", undeliverable, (ballot) => [
      ballot.ballotId,
      labelOf(ballot.status),
      ballot.zip,
      dateTime(ballot.undeliverableAt),
    ]);
    renderList("cure-queue", cure, (ballot) => [
      ballot.ballotId,
      (ballot.reasonCode ?? "").replaceAll("_", " "),
      ballot.zip,
      ballot.cureDeadline ? dateOnly(`${ballot.cureDeadline}T12:00:00Z`) : "-",
    ]);
    fillTable(
      "feeds",
      feeds.feeds.map((feed) => [
        feed.source,
        dateTime(feed.lastRecordAt),
        formatNumber(feed.today.records),
        formatNumber(feed.today.rejected),
        lagText(feed.lagMs),
        feed.rejectedReasons.map(({ reason, count }) => `${reason} (${count})`).join("; ") || "-",
      ]),
      [2, 3, 4],
    );
    fillTable(
      "messages",
      [...messages.days]
        .reverse()
        .map((day) => [
          day.day,
          formatNumber(day.total.sent),
          formatNumber(day.total.delivered),
          formatNumber(day.total.failed),
          formatNumber(day.total.dead),
          `${formatNumber(day.email.sent)} / ${formatNumber(day.sms.sent)} / ${formatNumber(day.voice.sent)}`,
        ]),
      [1, 2, 3, 4],
    );
    await subscribers.refresh(countySelect.value);
    await holds.refresh(countySelect.value, me.role === "approver");
    await broadcasts.refresh(countySelect.value, me);
    if (me.role === "approver") {
      const audit = await getJson<{
        entries: { at: string; who: string; role: string; action: string; outcome: string; result?: number }[];
      }>(`${base}/audit?limit=${listRows}`);
      fillTable(
        "audit",
        audit.entries.map((entry) => [
          dateTime(entry.at),
          entry.who,
          entry.role,
          entry.action,
          entry.outcome,
          auditResult(entry.result),
        ]),
      );
    }
    boardError.textContent = "";
    updated.textContent = `Updated ${new Date().toLocaleTimeString("en-US")}.`;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) {
      signOut("Your token is no longer accepted. Sign in again.");
      return;
    }
    boardError.textContent = `Could not update the dashboard: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    refreshing = false;
  }
}

async function download(list: string): Promise<void> {
  exportError.textContent = "";
  try {
    const response = await call(
      `/counties/${encodeURIComponent(countySelect.value)}/${list}?stuckDays=${stuckDaysSelect.value}`,
      "text/csv",
    );
    const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `${list}.csv`;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    exportError.textContent =
      error instanceof ApiProblem && error.status === 403
        ? "Downloads need the operator role; ask your election office."
        : `The download failed: ${error instanceof Error ? error.message : String(error)}`;
    exportError.closest("section")?.scrollIntoView();
  }
}

function signOut(message = ""): void {
  sessionStorage.removeItem(tokenKey);
  me = undefined;
  board.hidden = true;
  signIn.hidden = false;
  who.textContent = "";
  tokenError.textContent = message;
  tokenInput.focus();
}

async function start(): Promise<boolean> {
  try {
    me = await getJson<Me>("/me");
  } catch (error) {
    sessionStorage.removeItem(tokenKey);
    tokenError.textContent =
      error instanceof ApiProblem && error.status === 401
        ? "That token is not accepted. Check it and try again."
        : error instanceof ApiProblem && error.status === 429
          ? error.message
          : "The dashboard cannot be reached right now. Try again in a minute.";
    tokenInput.setAttribute("aria-invalid", "true");
    return false;
  }
  tokenInput.removeAttribute("aria-invalid");
  tokenInput.value = "";
  tokenError.textContent = "";
  who.textContent = `Signed in as ${me.name} (${me.role}, ${me.scope === "state" ? "statewide" : `county ${me.scope}`}).`;
  countySelect.replaceChildren(
    ...me.counties.map((county) => {
      const option = document.createElement("option");
      option.value = county;
      option.textContent = county;
      return option;
    }),
  );
  element("audit-section").hidden = me.role !== "approver";
  signIn.hidden = true;
  board.hidden = false;
  await refresh();
  return true;
}

signIn.addEventListener("submit", async (event) => {
  event.preventDefault();
  const token = tokenInput.value.trim();
  if (!token) {
    tokenError.textContent = "Enter your staff token.";
    tokenInput.setAttribute("aria-invalid", "true");
    tokenInput.focus();
    return;
  }
  sessionStorage.setItem(tokenKey, token);
  if (await start()) element("main").focus();
  else tokenInput.focus();
});
element("sign-out").addEventListener("click", () => signOut());
countySelect.addEventListener("change", () => void refresh());
stuckDaysSelect.addEventListener("change", () => void refresh());
for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-export]")) {
  button.addEventListener("click", () => void download(button.dataset.export ?? ""));
}
setInterval(() => {
  if (autoRefresh.checked && !document.hidden) void refresh();
}, refreshIntervalMs);
if (sessionStorage.getItem(tokenKey)) void start();
