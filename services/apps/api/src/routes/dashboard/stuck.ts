import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { registerQueueList, stuckBounds } from "./queue-list.ts";
import type { DashboardDeps } from "./support.ts";

/**
 * GET /v1/dashboard/counties/:county/stuck[?stuckDays=7&offset&limit|format=csv]: ballots on their way to the voter
 * with no sign of life (scan or mailing) for `stuckDays` days, the longest silent first.
 */
export function registerDashboardStuck(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  registerQueueList(app, deps, {
    name: "stuck",
    queueKey: ({ keys }, county) => keys.inMail(county),
    bounds: stuckBounds,
    scoreField: "lastSeenAt",
    csvColumns: ["ballotId", "ballotKey", "status", "statusAt", "zip"],
  });
}
