import type { Redis, RedisBallotStore, RequestIdVariables } from "@ballot/adapters";
import type { RedisKeys } from "@ballot/contracts";
import type { Logger } from "@ballot/runtime";
import { Hono } from "hono";
import { apiError } from "./errors.ts";
import { answerHeaders } from "./headers.ts";
import { type ApiMetrics, createApiMetrics } from "./metrics.ts";
import {
  createLookupLimiters,
  defaultLookupRateLimits,
  type LookupLimiters,
  type LookupRateLimits,
} from "./rate-limits.ts";
import { registerHealth } from "./routes/health.ts";
import { registerLookup } from "./routes/lookup.ts";
import { registerMetrics } from "./routes/metrics.ts";
import { registerTokenVerify } from "./routes/token-verify.ts";
import { createTokenSigner, type TokenSigner } from "./token.ts";

export type ApiEnvContext = { Variables: RequestIdVariables };

export interface ApiOptions {
  readonly redis: Redis;
  readonly store: RedisBallotStore;
  readonly keys: RedisKeys;
  readonly hashIdentity: (canonicalIdentity: string) => string;
  readonly siteOrigin: string;
  readonly maxBodyBytes: number;
  readonly log: Logger;
  /** Signs the voter tokens a lookup hands out; 32+ characters, the same on every instance. */
  readonly tokenKey: string;
  readonly tokenTtlMs?: number;
  readonly rateLimits?: LookupRateLimits;
  /** Reverse proxies of ours in front of the API (see env.ts); 0 trusts no X-Forwarded-For. */
  readonly trustedProxyHops?: number;
  readonly metrics?: ApiMetrics;
  /** When set, `/metrics` wants it as a bearer token. */
  readonly metricsToken?: string | undefined;
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
  app.notFound((c) => apiError(c, "NOT_FOUND", "no such endpoint"));
  app.onError((error, c) => {
    options.log.error({ err: error, requestId: c.get("requestId") }, "request failed");
    return apiError(c, "UNAVAILABLE", "something went wrong on our side; try again in a minute");
  });
  return app;
}
