import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { broadcastNotFound } from "./broadcast-support.ts";
import { authoriseCounty, type DashboardDeps, integerParam } from "./support.ts";

/**
 * GET /v1/dashboard/counties/:county/broadcasts[?limit=50] (viewer): the county's broadcasts, newest first, each with
 * its status, who drafted, approved, sent or cancelled it and when, and its progress;
 * GET .../broadcasts/:id: one of them.
 */
export function registerBroadcastList(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  app.get("/counties/:county/broadcasts", async (c) => {
    const auth = await authoriseCounty(c, deps, "GET broadcasts", "viewer");
    if (!auth.ok) return auth.answer;
    const limit = integerParam(c, "limit", 50, 1, 500);
    if (!limit.ok) return limit.answer;
    return c.json({ county: auth.county, broadcasts: await deps.broadcasts.list(auth.county, limit.value) });
  });

  app.get("/counties/:county/broadcasts/:id", async (c) => {
    const auth = await authoriseCounty(c, deps, "GET broadcast", "viewer");
    if (!auth.ok) return auth.answer;
    const broadcast = await deps.broadcasts.get(auth.county, c.req.param("id"));
    return broadcast ? c.json(broadcast) : broadcastNotFound(c);
  });
}
