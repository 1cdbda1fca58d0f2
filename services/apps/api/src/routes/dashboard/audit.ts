import type { Hono } from "hono";
import { apiError } from "../../errors.ts";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { authoriseCounty, csvAnswer, type DashboardDeps, integerParam, todayOf, wantsCsv } from "./support.ts";

const auditColumns = ["id", "at", "who", "role", "scope", "county", "action", "outcome", "result"] as const;

/**
 * GET /v1/dashboard/counties/:county/audit[?limit=100&before=<id>|format=csv]: the county's audit log, newest
 * first (approver role). Reading it is itself recorded.
 */
export function registerDashboardAudit(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  app.get("/counties/:county/audit", async (c) => {
    const csv = wantsCsv(c);
    const auth = await authoriseCounty(c, deps, `GET audit${csv ? " csv" : ""}`, "approver", "action");
    if (!auth.ok) return auth.answer;
    const limit = integerParam(c, "limit", 100, 1, 1000);
    if (!limit.ok) return limit.answer;
    const before = c.req.query("before");
    if (before !== undefined && !/^\d{1,20}-\d{1,20}$/.test(before)) {
      return apiError(c, "VALIDATION_FAILED", "before: an entry id of this log", { field: "before" });
    }
    if (csv) {
      let cursor: string | undefined;
      return csvAnswer(c, `${auth.county}-audit-${todayOf(deps)}.csv`, auditColumns, async (_offset, pageRows) => {
        const entries = await deps.audit.read(auth.county, pageRows, cursor);
        cursor = entries.at(-1)?.id;
        return entries.map((entry) => auditColumns.map((column) => entry[column]));
      });
    }
    const entries = await deps.audit.read(auth.county, limit.value, before);
    return c.json({
      county: auth.county,
      entries,
      ...(entries.length === limit.value ? { next: entries.at(-1)?.id } : {}),
    });
  });
}
