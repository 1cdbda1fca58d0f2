import { type BallotStatus, ballotStatuses } from "@ballot/core";
import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { authoriseRead, csvRowsAnswer, type DashboardDeps, daysParam, lastDays, todayOf } from "./support.ts";

/** The trend lines and the statuses each one counts (a rejection with a cure pending is a rejection here). */
export const trendSeries = {
  mailed: ["mailed"],
  returned: ["returned_by_voter"],
  received: ["received"],
  accepted: ["accepted"],
  rejected: ["rejected", "cure_pending"],
  cured: ["cured"],
  counted: ["counted"],
} as const satisfies Record<string, readonly BallotStatus[]>;
export type TrendSeries = keyof typeof trendSeries;
export type TrendDay = { day: string } & Record<TrendSeries, number>;

const seriesNames = Object.keys(trendSeries) as TrendSeries[];

export type StatusDay = { day: string } & Record<BallotStatus, number>;

/** Per California day, the ballots whose timeline first reached each status that day (`trends:{county}`). */
export function statusDaysOf(counts: Record<string, string>, now: Date, days: number): StatusDay[] {
  const zero = () => Object.fromEntries(ballotStatuses.map((status) => [status, 0])) as Record<BallotStatus, number>;
  const rows = new Map<string, StatusDay>(lastDays(now, days).map((day) => [day, { day, ...zero() }]));
  for (const [field, raw] of Object.entries(counts)) {
    const separator = field.indexOf(":");
    const row = rows.get(field.slice(0, separator));
    const status = field.slice(separator + 1) as BallotStatus;
    if (row && (ballotStatuses as readonly string[]).includes(status)) row[status] += Number(raw);
  }
  return [...rows.values()];
}

/** The last `days` days up to `now` (California days), oldest first, every day present, by trend line. */
export const trendDaysOf = (counts: Record<string, string>, now: Date, days: number): TrendDay[] =>
  statusDaysOf(counts, now, days).map((row) => ({
    day: row.day,
    ...(Object.fromEntries(
      seriesNames.map((name) => [name, trendSeries[name].reduce((sum, status) => sum + row[status], 0)]),
    ) as Record<TrendSeries, number>),
  }));

/**
 * GET /v1/dashboard/counties/:county/trends[?days=30|format=csv]: per day, how many ballots were mailed, returned by
 * the voter, received, accepted, rejected, cured and counted, from the counters the tracker keeps as it announces
 * each change (one hash per county, one field per day and status).
 */
export function registerDashboardTrends(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  app.get("/counties/:county/trends", async (c) => {
    const auth = await authoriseRead(c, deps, "trends");
    if (!auth.ok) return auth.answer;
    const { csv } = auth;
    const days = daysParam(c);
    if (!days.ok) return days.answer;
    const rows = trendDaysOf(await deps.redis.hgetall(deps.keys.countyTrends(auth.county)), deps.now(), days.value);
    if (csv) {
      const filename = `${auth.county}-trends-${todayOf(deps)}.csv`;
      const table = rows.map((row) => [row.day, ...seriesNames.map((name) => row[name])]);
      return csvRowsAnswer(c, filename, ["day", ...seriesNames], table);
    }
    return c.json({ county: auth.county, series: seriesNames, days: rows });
  });
}
