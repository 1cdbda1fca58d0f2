import type { Hono } from "hono";
import { type StaffEnvContext, scopeName } from "../../staff-auth.ts";
import type { DashboardDeps } from "./support.ts";

/**
 * GET /v1/dashboard/me: who the token is (name, scope, role) and the counties it may see: its own, or with a state
 * token every county the tracker has seen. The sign-in is recorded in the audit log of the token's scope.
 */
export function registerDashboardMe(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  app.get("/me", async (c) => {
    const staff = c.get("staff");
    const scope = scopeName(staff.scope);
    await deps.audit.record(staff, scope, "GET me", "allowed", deps.now());
    const counties =
      staff.scope.kind === "state" ? (await deps.redis.smembers(deps.keys.counties())).sort() : [staff.scope.county];
    return c.json({ name: staff.name, role: staff.role, scope, counties });
  });
}
