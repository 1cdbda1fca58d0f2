import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import type { SummaryReader } from "./summary.ts";
import { authoriseCounty, type DashboardDeps, defaultStuckDays } from "./support.ts";

/**
 * GET /v1/dashboard/counties/:county/zips: the county's ballots by ZIP, `{county, asOf, byZip: [{zip, total,
 * byStatus}]}` (superseded ballots left out), from the same shared reading as the summary. Viewer role. As CSV:
 * `.../summary?format=csv`.
 */
export function registerDashboardZips(app: Hono<StaffEnvContext>, deps: DashboardDeps, read: SummaryReader) {
  app.get("/counties/:county/zips", async (c) => {
    const auth = await authoriseCounty(c, deps, "GET zips", "viewer");
    if (!auth.ok) return auth.answer;
    // The ZIP counts do not depend on the stuck line: any reading of the county will do.
    const answers = await read(auth.county, defaultStuckDays);
    c.header("Content-Type", "application/json");
    return c.body(answers.zips);
  });
}
