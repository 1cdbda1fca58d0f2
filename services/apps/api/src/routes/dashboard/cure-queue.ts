import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { registerQueueList, wholeQueue } from "./queue-list.ts";
import type { DashboardDeps } from "./support.ts";

/**
 * GET /v1/dashboard/counties/:county/cure-queue[?offset&limit|format=csv]: ballots waiting for a cure, the nearest
 * deadline first, with the rejection's reason code.
 */
export function registerDashboardCureQueue(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  registerQueueList(app, deps, {
    name: "cure-queue",
    queueKey: ({ keys }, county) => keys.cureQueue(county),
    bounds: wholeQueue,
    scoreField: "cureDeadlineAt",
    csvColumns: ["ballotId", "ballotKey", "status", "statusAt", "zip", "reasonCode", "cureDeadline"],
  });
}
