import { RedisBroadcastAudience } from "@ballot/adapters/redis/broadcast-audience";
import { RedisBroadcastStore } from "@ballot/adapters/redis/broadcast-store";
import type { CountyNotificationSettings } from "@ballot/core";
import { Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../../app.ts";
import { apiError } from "../../errors.ts";
import { createStaffSignInLimiter, defaultStaffSignInFailureLimit, type RateLimit } from "../../rate-limits.ts";
import { recordActionsWithAnswers, StaffAuditLog } from "../../staff-audit.ts";
import { type StaffEnvContext, type StaffToken, staffAuthentication } from "../../staff-auth.ts";
import { createStaffSignInGuard } from "../../staff-sign-in-limit.ts";
import { registerDashboardAudit } from "./audit.ts";
import { registerBroadcastCreate } from "./broadcast-create.ts";
import { registerBroadcastList } from "./broadcast-list.ts";
import { registerBroadcastPreview } from "./broadcast-preview.ts";
import { registerBroadcastSteps } from "./broadcast-steps.ts";
import { registerDashboardCureQueue } from "./cure-queue.ts";
import { registerDashboardFeeds } from "./feeds.ts";
import { registerDashboardHolds } from "./holds.ts";
import { registerDashboardMe } from "./me.ts";
import { registerDashboardMessages } from "./messages.ts";
import { registerDashboardReceived } from "./received.ts";
import { registerDashboardReports } from "./reports.ts";
import { registerDashboardStuck } from "./stuck.ts";
import { registerDashboardSubscribers } from "./subscribers.ts";
import { createSummaryReader, registerDashboardSummary } from "./summary.ts";
import type { DashboardDeps } from "./support.ts";
import { registerDashboardTrends } from "./trends.ts";
import { registerDashboardUndeliverable } from "./undeliverable.ts";
import { registerDashboardZips } from "./zips.ts";

export type { DashboardDeps } from "./support.ts";

/**
 * The officials' dashboard under /v1/dashboard: every route wants a staff token (401 without one), and every county
 * route checks the token's scope and role and records the action in the county's audit log.
 */
export interface DashboardOptions {
  readonly staffTokens: readonly StaffToken[];
  /** How long one reading of a county's summary serves every viewer (ms); 0 reads the counters per request. */
  readonly summaryCacheMs?: number | undefined;
  /** Failed staff sign-ins one client address may make per window (default: defaultStaffSignInFailureLimit). */
  readonly signInFailureLimit?: RateLimit | undefined;
  /** The counties' notification settings (`NOTIFIER_COUNTIES`), for broadcasts; none: no county can broadcast. */
  readonly countySettingsOf?: ((county: string) => CountyNotificationSettings | undefined) | undefined;
}

export function registerDashboard(
  app: Hono<ApiEnvContext>,
  apiDeps: ApiDeps,
  { staffTokens, summaryCacheMs, countySettingsOf, signInFailureLimit }: DashboardOptions,
) {
  const deps: DashboardDeps = {
    ...apiDeps,
    audit: new StaffAuditLog(apiDeps.redis, apiDeps.keys),
    broadcasts: new RedisBroadcastStore(apiDeps.redis, apiDeps.keys),
    audience: new RedisBroadcastAudience(apiDeps.redis, apiDeps.keys, apiDeps.store, apiDeps.subscriptions),
    countySettingsOf: countySettingsOf ?? (() => undefined),
  };
  const dashboard = new Hono<StaffEnvContext>();
  const signInGuard = createStaffSignInGuard({
    limiter: createStaffSignInLimiter(
      apiDeps.redis,
      apiDeps.keys,
      signInFailureLimit ?? defaultStaffSignInFailureLimit,
    ),
    audit: deps.audit,
    trustedProxyHops: apiDeps.trustedProxyHops,
    now: apiDeps.now,
  });
  dashboard.use(staffAuthentication(staffTokens, signInGuard));
  dashboard.use(recordActionsWithAnswers(deps.audit, apiDeps.now));
  registerDashboardMe(dashboard, deps);
  const readSummary = createSummaryReader(deps, summaryCacheMs);
  registerDashboardSummary(dashboard, deps, readSummary);
  registerDashboardZips(dashboard, deps, readSummary);
  registerDashboardStuck(dashboard, deps);
  registerDashboardReceived(dashboard, deps);
  registerDashboardUndeliverable(dashboard, deps);
  registerDashboardCureQueue(dashboard, deps);
  registerDashboardTrends(dashboard, deps);
  registerDashboardFeeds(dashboard, deps);
  registerDashboardMessages(dashboard, deps);
  registerDashboardSubscribers(dashboard, deps);
  registerDashboardReports(dashboard, deps);
  registerDashboardAudit(dashboard, deps);
  registerBroadcastList(dashboard, deps);
  registerBroadcastCreate(dashboard, deps);
  registerBroadcastPreview(dashboard, deps);
  registerBroadcastSteps(dashboard, deps);
  registerDashboardHolds(dashboard, deps);
  dashboard.notFound((c) => apiError(c, "NOT_FOUND", "no such endpoint"));
  app.route("/v1/dashboard", dashboard);
}
