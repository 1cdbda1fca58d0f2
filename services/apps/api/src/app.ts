import { type Redis, type RedisBallotStore, RedisSubscriptionStore, type RequestIdVariables } from "@ballot/adapters";
import { RedisConfirmationRequests, RedisContactChangeNotices } from "@ballot/adapters/redis/confirmation-requests";
import type { RedisKeys } from "@ballot/contracts";
import type { CountyNotificationSettings } from "@ballot/core";
import type { Logger } from "@ballot/runtime";
import { Hono } from "hono";
import { apiError } from "./errors.ts";
import { answerHeaders } from "./headers.ts";
import { type ApiMetrics, createApiMetrics } from "./metrics.ts";
import type { NotifyRoutesOptions } from "./notify-links.ts";
import {
  createLookupLimiters,
  createSubscriptionLimiters,
  defaultLookupRateLimits,
  defaultSubscriptionRateLimits,
  type LookupLimiters,
  type LookupRateLimits,
  type RateLimit,
  type SubscriptionLimiters,
  type SubscriptionRateLimits,
} from "./rate-limits.ts";
import { registerDashboard } from "./routes/dashboard/index.ts";
import { registerHealth } from "./routes/health.ts";
import { registerLookup } from "./routes/lookup.ts";
import { registerMetrics } from "./routes/metrics.ts";
import { registerNotifyConfirm } from "./routes/notify-confirm.ts";
import { registerNotifyUnsubscribe } from "./routes/notify-unsubscribe.ts";
import { registerSubscriptionChannelDelete } from "./routes/subscription-channel-delete.ts";
import { registerSubscriptionsDelete } from "./routes/subscriptions-delete.ts";
import { registerSubscriptionsGet } from "./routes/subscriptions-get.ts";
import { registerSubscriptionsPut } from "./routes/subscriptions-put.ts";
import { registerTokenVerify } from "./routes/token-verify.ts";
import { registerResendWebhook } from "./routes/webhook-resend.ts";
import { registerTwilioSmsWebhook } from "./routes/webhook-twilio-sms.ts";
import { registerTwilioStatusWebhook } from "./routes/webhook-twilio-status.ts";
import type { StaffToken } from "./staff-auth.ts";
import { createTokenSigner, type TokenSigner } from "./token.ts";

export type ApiEnvContext = { Variables: RequestIdVariables };

export interface ApiOptions {
  readonly redis: Redis;
  readonly store: RedisBallotStore;
  readonly keys: RedisKeys;
  readonly hashIdentity: (canonicalIdentity: string) => string;
  readonly siteOrigin: string;
  /** The time zone of the times on the lookup's page without JavaScript (default America/Los_Angeles). */
  readonly pageTimeZone?: string | undefined;
  readonly maxBodyBytes: number;
  readonly log: Logger;
  /** Signs the voter tokens a lookup hands out; 32+ characters, the same on every instance. */
  readonly tokenKey: string;
  readonly tokenTtlMs?: number;
  readonly rateLimits?: LookupRateLimits;
  readonly subscriptionRateLimits?: SubscriptionRateLimits;
  /**
   * The notifier's confirmation and unsubscribe links and provider webhooks, mounted here too (handlers from
   * @ballot/adapters/notifications). Unset: those routes are not served by the API.
   */
  readonly notify?: NotifyRoutesOptions | undefined;
  /** Reverse proxies of ours in front of the API (see env.ts); 0 trusts no X-Forwarded-For. */
  readonly trustedProxyHops?: number;
  readonly metrics?: ApiMetrics;
  /** When set, `/metrics` wants it as a bearer token. */
  readonly metricsToken?: string | undefined;
  /** Election staff's dashboard tokens (hashes only, see staff-auth.ts); none: every dashboard request is 401. */
  readonly staffTokens?: readonly StaffToken[];
  /** Failed staff sign-ins one client address may make per window; default defaultStaffSignInFailureLimit. */
  readonly staffSignInFailureLimit?: RateLimit;
  /** How long one reading of a county's dashboard summary serves every viewer of it (ms); 0: read per request. */
  readonly dashboardSummaryCacheMs?: number;
  /** The counties' notification settings (the notifier's `NOTIFIER_COUNTIES`), which broadcasts render with. */
  readonly countySettingsOf?: (county: string) => CountyNotificationSettings | undefined;
  readonly now?: () => Date;
}

export interface ApiDeps {
  readonly redis: Redis;
  readonly store: RedisBallotStore;
  readonly keys: RedisKeys;
  readonly hashIdentity: (canonicalIdentity: string) => string;
  readonly maxBodyBytes: number;
  readonly log: Logger;
  readonly tokens: TokenSigner;
  readonly limiters: LookupLimiters;
  readonly subscriptionLimiters: SubscriptionLimiters;
  readonly subscriptions: RedisSubscriptionStore;
  readonly confirmations: RedisConfirmationRequests;
  /** Previous contacts to tell that alerts now go elsewhere (sent by the notifier). */
  readonly contactChanges: RedisContactChangeNotices;
  /** Where the links' pages are (`/confirmed/`, `/unsubscribe/`). */
  readonly siteOrigin: string;
  readonly pageTimeZone: string;
  readonly trustedProxyHops: number;
  readonly metrics: ApiMetrics;
  readonly metricsToken: string | undefined;
  readonly now: () => Date;
}

/** The voter API, runtime-neutral: `main.ts` serves it on Node. */
export function createApiApp(options: ApiOptions) {
  const deps: ApiDeps = {
    redis: options.redis,
    store: options.store,
    keys: options.keys,
    hashIdentity: options.hashIdentity,
    maxBodyBytes: options.maxBodyBytes,
    log: options.log,
    tokens: createTokenSigner(options.tokenKey, options.tokenTtlMs),
    limiters: createLookupLimiters(options.redis, options.keys, options.rateLimits ?? defaultLookupRateLimits),
    subscriptionLimiters: createSubscriptionLimiters(
      options.redis,
      options.keys,
      options.subscriptionRateLimits ?? defaultSubscriptionRateLimits,
    ),
    subscriptions: new RedisSubscriptionStore(options.redis, options.keys),
    confirmations: new RedisConfirmationRequests(options.redis, options.keys),
    contactChanges: new RedisContactChangeNotices(options.redis, options.keys),
    siteOrigin: options.siteOrigin,
    pageTimeZone: options.pageTimeZone ?? "America/Los_Angeles",
    trustedProxyHops: options.trustedProxyHops ?? 0,
    metrics: options.metrics ?? createApiMetrics(),
    metricsToken: options.metricsToken,
    now: options.now ?? (() => new Date()),
  };
  const app = new Hono<ApiEnvContext>();
  app.use(deps.metrics.middleware);
  app.use(answerHeaders({ siteOrigin: options.siteOrigin }));
  registerHealth(app, deps);
  registerMetrics(app, deps);
  registerLookup(app, deps);
  registerTokenVerify(app, deps);
  registerSubscriptionsGet(app, deps);
  registerSubscriptionsPut(app, deps);
  registerSubscriptionsDelete(app, deps);
  registerSubscriptionChannelDelete(app, deps);
  registerDashboard(app, deps, {
    staffTokens: options.staffTokens ?? [],
    summaryCacheMs: options.dashboardSummaryCacheMs,
    countySettingsOf: options.countySettingsOf,
    signInFailureLimit: options.staffSignInFailureLimit,
  });
  if (options.notify) {
    registerNotifyConfirm(app, deps, options.notify);
    registerNotifyUnsubscribe(app, deps, options.notify);
    registerTwilioSmsWebhook(app, deps, options.notify);
    registerTwilioStatusWebhook(app, deps, options.notify);
    registerResendWebhook(app, deps, options.notify);
  }
  app.notFound((c) => apiError(c, "NOT_FOUND", "no such endpoint"));
  app.onError((error, c) => {
    options.log.error({ err: error, requestId: c.get("requestId") }, "request failed");
    return apiError(c, "UNAVAILABLE", "something went wrong on our side; try again in a minute");
  });
  return app;
}
