import type { RedisBroadcastAudience } from "@ballot/adapters/redis/broadcast-audience";
import type { RedisBroadcastStore } from "@ballot/adapters/redis/broadcast-store";
import { dashboardDayOf } from "@ballot/contracts";
import type { CountyNotificationSettings } from "@ballot/core";
import type { Context } from "hono";
import type { ZodError } from "zod";
import type { ApiDeps } from "../../app.ts";
import { apiError } from "../../errors.ts";
import type { StaffAuditLog } from "../../staff-audit.ts";
import {
  canSeeCounty,
  countyPattern,
  hasRole,
  type StaffEnvContext,
  type StaffIdentity,
  type StaffRole,
} from "../../staff-auth.ts";

export interface DashboardDeps extends ApiDeps {
  readonly audit: StaffAuditLog;
  readonly broadcasts: RedisBroadcastStore;
  readonly audience: RedisBroadcastAudience;
  /** The counties' notification settings (the notifier's), which broadcasts quote. */
  readonly countySettingsOf: (county: string) => CountyNotificationSettings | undefined;
}

export type CountyAuth =
  | { readonly ok: true; readonly staff: StaffIdentity; readonly county: string }
  | { readonly ok: false; readonly answer: Response };

/**
 * What every county route does first: the `:county` of the path must be the token's county (a state token sees
 * every county) and the token's role at least `minimumRole`; the action is recorded in the county's audit log either
 * way: a refusal as `denied` (403), every time, before anything is read; a repeated view once per window (see
 * StaffAuditLog); an allowed action once the route has answered, with the answer's status (recordActionsWithAnswers).
 */
export async function authoriseCounty(
  c: Context<StaffEnvContext>,
  deps: DashboardDeps,
  action: string,
  minimumRole: StaffRole,
  /** A view (figures, a page of a list) is recorded once per audit view window; anything else every time. */
  kind: "view" | "action" = "view",
  /** A refusal the route knows of beyond scope and role (a drafter approving their own broadcast): why, or nothing. */
  refusalOf?: (staff: StaffIdentity, county: string) => Promise<string | undefined>,
): Promise<CountyAuth> {
  const staff = c.get("staff");
  const county = c.req.param("county") ?? "";
  if (!countyPattern.test(county)) {
    return { ok: false, answer: apiError(c, "VALIDATION_FAILED", "county: not a county code", { field: "county" }) };
  }
  const permitted = canSeeCounty(staff, county) && hasRole(staff, minimumRole);
  const refusal = permitted && refusalOf ? await refusalOf(staff, county) : undefined;
  const allowed = permitted && refusal === undefined;
  if (!allowed) await deps.audit.record(staff, county, action, "denied", deps.now(), 403);
  else if (kind === "view") await deps.audit.recordView(staff, county, action, deps.now());
  else {
    const answered = c.get("answeredAction");
    if (!answered) throw new Error(`${action}: dashboard routes are served behind recordActionsWithAnswers`);
    answered.entry = { staff, county, action };
  }
  if (!allowed) {
    return {
      ok: false,
      answer: apiError(
        c,
        "FORBIDDEN",
        refusal ??
          (canSeeCounty(staff, county)
            ? `this needs the ${minimumRole} role`
            : "this token does not cover that county"),
      ),
    };
  }
  return { ok: true, staff, county };
}

/** 400 VALIDATION_FAILED naming the field of a request body's first problem (an unknown key on its own path). */
export function validationProblem(c: Context, error: ZodError): Response {
  const issue = error.issues[0];
  const keys = issue?.code === "unrecognized_keys" ? issue.keys : [];
  const field = [...(issue?.path ?? []), ...keys.slice(0, 1)].join(".") || "body";
  return apiError(c, "VALIDATION_FAILED", `${field}: ${issue?.message ?? "invalid"}`, { field });
}

/** An export when asked by `?format=csv` or `Accept: text/csv`. */
export const wantsCsv = (c: Context): boolean =>
  c.req.query("format") === "csv" || /\btext\/csv\b/i.test(c.req.header("accept") ?? "");

/**
 * `authoriseCounty` for a read that may be an export: a view (viewer role, recorded once per audit window) or, asked
 * for as CSV, an export (operator role, recorded every time, the action `GET <name> csv`).
 */
export async function authoriseRead(
  c: Context<StaffEnvContext>,
  deps: DashboardDeps,
  name: string,
): Promise<Extract<CountyAuth, { ok: false }> | (Extract<CountyAuth, { ok: true }> & { readonly csv: boolean })> {
  const csv = wantsCsv(c);
  const auth = await authoriseCounty(
    c,
    deps,
    `GET ${name}${csv ? " csv" : ""}`,
    csv ? "operator" : "viewer",
    csv ? "action" : "view",
  );
  return auth.ok ? { ...auth, csv } : auth;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly answer: Response };

/** A whole-number query parameter within bounds, or the default when absent. */
export function integerParam(
  c: Context,
  name: string,
  fallback: number,
  minimum: number,
  maximum: number,
): Parsed<number> {
  const raw = c.req.query(name);
  if (raw === undefined || raw === "") return { ok: true, value: fallback };
  const value = Number(raw);
  if (!/^\d{1,9}$/.test(raw) || value < minimum || value > maximum) {
    return {
      ok: false,
      answer: apiError(c, "VALIDATION_FAILED", `${name}: a whole number from ${minimum} to ${maximum}`, {
        field: name,
      }),
    };
  }
  return { ok: true, value };
}

export interface Page {
  readonly offset: number;
  readonly limit: number;
}

export function pageParams(c: Context): Parsed<Page> {
  const offset = integerParam(c, "offset", 0, 0, 100_000_000);
  if (!offset.ok) return offset;
  const limit = integerParam(c, "limit", 100, 1, 1000);
  if (!limit.ok) return limit;
  return { ok: true, value: { offset: offset.value, limit: limit.value } };
}

/** Days a ballot in the mail may go without a scan before it counts as stuck. */
export const defaultStuckDays = 7;
export const stuckDaysParam = (c: Context) => integerParam(c, "stuckDays", defaultStuckDays, 1, 90);
/** How many days a per-day answer covers (`?days=`, 30 by default, a year and more at most). */
export const daysParam = (c: Context) => integerParam(c, "days", 30, 1, 400);

export const secondsToIso = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString();

/** One CSV field (RFC 4180), with a leading `'` on what a spreadsheet would run as a formula. */
export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (values: readonly (string | number | undefined)[]): string =>
  `${values.map(csvField).join(",")}\r\n`;

/** Rows read a page at a time, exported as one CSV download: the whole list, not one page of it. */
export function csvAnswer(
  c: Context,
  filename: string,
  header: readonly string[],
  pages: (offset: number, limit: number) => Promise<(string | number | undefined)[][]>,
  pageRows = 1000,
): Response {
  const encoder = new TextEncoder();
  let offset = 0;
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(header)));
        return;
      }
      // Only an empty page ends the list: a page can come back short when ballots left the queue while it was read.
      const rows = await pages(offset, pageRows);
      offset += pageRows;
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(csvRow).join("")));
      else controller.close();
    },
  });
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  return c.body(body);
}

export const todayOf = (deps: DashboardDeps): string => deps.now().toISOString().slice(0, 10);

/** Rows already in hand (a report of a few hundred days) as one CSV download. */
export function csvRowsAnswer(
  c: Context,
  filename: string,
  header: readonly string[],
  rows: (string | number | undefined)[][],
): Response {
  let sent = false;
  return csvAnswer(
    c,
    filename,
    header,
    async () => {
      if (sent) return [];
      sent = true;
      return rows;
    },
    Number.MAX_SAFE_INTEGER,
  );
}

/** The last `days` California days up to `now`, oldest first. */
export function lastDays(now: Date, days: number): string[] {
  const list: string[] = [];
  for (let back = days - 1; back >= 0; back -= 1) list.push(dashboardDayOf(now.getTime() - back * 86_400_000));
  return list;
}
