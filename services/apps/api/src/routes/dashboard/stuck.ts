import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { registerQueueList, stuckBounds } from "./queue-list.ts";
import type { DashboardDeps } from "./support.ts";

/**
 * The two stuck lists, each `?stuckDays=7&offset&limit|format=csv`, the longest stuck first:
 * - GET /v1/dashboard/counties/:county/stuck: ballots on their way to the voter with no sign of life (scan or
 *   mailing) for `stuckDays` days;
 * - GET /v1/dashboard/counties/:county/entry-no-exit: ballots whose leg began with an entry scan `stuckDays` days ago
 *   or more and has no exit scan yet (outbound: no out-for-delivery or delivery scan; return: not received), however
 *   many scans came in between.
 */
export function registerDashboardStuck(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  registerQueueList(app, deps, {
    name: "stuck",
    queueKey: ({ keys }, county) => keys.inMail(county),
    bounds: stuckBounds,
    scoreField: "lastSeenAt",
    csvColumns: ["ballotId", "ballotKey", "status", "statusAt", "zip"],
  });
  registerQueueList(app, deps, {
    name: "entry-no-exit",
    queueKey: ({ keys }, county) => keys.enteredMail(county),
    bounds: stuckBounds,
    scoreField: "enteredMailAt",
    csvColumns: ["ballotId", "ballotKey", "status", "statusAt", "zip"],
  });
}
