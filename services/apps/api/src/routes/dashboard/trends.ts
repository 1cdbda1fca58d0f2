import type { BallotStatus } from "@ballot/core";
import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { authoriseRead, csvRowsAnswer, type DashboardDeps, integerParam, lastDays, todayOf } from "./support.ts";

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
const seriesOfStatus = new Map<string, TrendSeries>(
  seriesNames.flatMap((series) => trendSeries[series].map((status) => [status, series] as const)),
);

/** The last `days` days up to `now` (California days), oldest first, every day present. */
export function trendDaysOf(counts: Record<string, string>, now: Date, days: number): TrendDay[] {
  const zero = () => Object.fromEntries(seriesNames.map((name) => [name, 0])) as Record<TrendSeries, number>;
  const rows = new Map<string, TrendDay>(lastDays(now, days).map((day) => [day, { day, ...zero() }]));
  for (const [field, raw] of Object.entries(counts)) {
    const separator = field.indexOf(":");
    const row = rows.get(field.slice(0, separator));
    const series = seriesOfStatus.get(field.slice(separator + 1));
    if (row && series) row[series] += Number(raw);
  }
  return [...rows.values()];
}

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
    const days = integerParam(c, "days", 30, 1, 400);
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
