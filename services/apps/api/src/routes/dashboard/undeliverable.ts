import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { registerQueueList, wholeQueue } from "./queue-list.ts";
import type { DashboardDeps } from "./support.ts";

/**
 * GET /v1/dashboard/counties/:county/undeliverable[?offset&limit|format=csv]: ballots USPS returned as
 * undeliverable, the oldest first.
 */
export function registerDashboardUndeliverable(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  registerQueueList(app, deps, {
    name: "undeliverable",
    queueKey: ({ keys }, county) => keys.undeliverable(county),
    bounds: wholeQueue,
    scoreField: "undeliverableAt",
    csvColumns: ["ballotId", "ballotKey", "status", "statusAt", "zip"],
  });
}
