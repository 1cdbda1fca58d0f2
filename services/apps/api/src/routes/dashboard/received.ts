import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { registerQueueList, wholeQueue } from "./queue-list.ts";
import type { DashboardDeps } from "./support.ts";

/**
 * GET /v1/dashboard/counties/:county/received-not-accepted[?offset&limit|format=csv]: ballots the county has received
 * and not yet accepted, rejected or counted, the longest waiting first.
 */
export function registerDashboardReceived(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  registerQueueList(app, deps, {
    name: "received-not-accepted",
    queueKey: ({ keys }, county) => keys.received(county),
    bounds: wholeQueue,
    scoreField: "receivedAt",
    csvColumns: ["ballotId", "ballotKey", "status", "statusAt", "zip"],
  });
}
