import { signupEvents } from "@ballot/adapters/redis/subscriber-counts";
import { ballotStatuses } from "@ballot/core";
import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { channelDayRows, channelDaysOf } from "./messages.ts";
import { readSubscribers } from "./subscribers.ts";
import { readSummary } from "./summary.ts";
import { authoriseRead, csvRowsAnswer, type DashboardDeps, daysParam, defaultStuckDays, todayOf } from "./support.ts";
import { statusDaysOf } from "./trends.ts";

/**
 * The daily reports BallotTrax gives a county, beside the messages report (`.../reports/messages`, messages.ts):
 *
 * GET /v1/dashboard/counties/:county/reports/signups[?days=30|format=csv]: per day and channel, sign-ups by voters,
 * enrolments from the roll, confirmations and opt-outs (counted as each subscription changes), with the
 * subscribers as they stand now.
 *
 * GET /v1/dashboard/counties/:county/reports/ballot-status[?days=30|format=csv]: per day, the ballots that reached
 * each status (from the tracker's trend counters), with the ballots at each status now and the queues.
 *
 * Viewer for JSON; the CSV (operator) is recorded in the audit log every time, like every export.
 */
export function registerDashboardReports(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  app.get("/counties/:county/reports/signups", async (c) => {
    const auth = await authoriseRead(c, deps, "reports signups");
    if (!auth.ok) return auth.answer;
    const { csv } = auth;
    const days = daysParam(c);
    if (!days.ok) return days.answer;
    const [counts, now] = await Promise.all([
      deps.redis.hgetall(deps.keys.subscriberCounts(auth.county)),
      readSubscribers(deps, auth.county),
    ]);
    const rows = channelDaysOf(counts, deps.now(), days.value, signupEvents, "d:");
    if (csv) {
      const filename = `${auth.county}-signups-${todayOf(deps)}.csv`;
      return csvRowsAnswer(c, filename, ["day", "channel", ...signupEvents], channelDayRows(rows, signupEvents));
    }
    return c.json({ county: auth.county, events: signupEvents, days: rows, now });
  });

  app.get("/counties/:county/reports/ballot-status", async (c) => {
    const auth = await authoriseRead(c, deps, "reports ballot-status");
    if (!auth.ok) return auth.answer;
    const { csv } = auth;
    const days = daysParam(c);
    if (!days.ok) return days.answer;
    const [trends, summary] = await Promise.all([
      deps.redis.hgetall(deps.keys.countyTrends(auth.county)),
      readSummary(deps, auth.county, defaultStuckDays),
    ]);
    const rows = statusDaysOf(trends, deps.now(), days.value);
    const { byZip: _byZip, county: _county, ...current } = summary;
    if (csv) {
      const filename = `${auth.county}-ballot-status-${todayOf(deps)}.csv`;
      // The last row is the county now: ballots at each status today, not ballots that reached it on a day.
      const table = [
        ...rows.map((row) => [row.day, ...ballotStatuses.map((status) => row[status])]),
        ["now", ...ballotStatuses.map((status) => summary.byStatus[status])],
      ];
      return csvRowsAnswer(c, filename, ["day", ...ballotStatuses], table);
    }
    return c.json({ county: auth.county, statuses: ballotStatuses, days: rows, now: current });
  });
}
