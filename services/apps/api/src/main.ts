import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import {
  connectRedis,
  createIdentityHasher,
  RedisBallotStore,
  RedisNotificationLog,
  RedisSubscriptionStore,
  serveHttp,
} from "@ballot/adapters";
import { createRedisKeys } from "@ballot/contracts";
import { countySettingsLookup } from "@ballot/contracts/county-settings";
import { announceReady, createLogger, handleShutdown, parseEnv } from "@ballot/runtime";
import { collectDefaultMetrics } from "prom-client";
import { createApiApp } from "./app.ts";
import { clusterMetricsText, reportWorkerListening, runApiPrimary } from "./cluster.ts";
import { apiEnvSchema } from "./env.ts";
import { createApiMetrics } from "./metrics.ts";
import { parseStaffTokens } from "./staff-auth.ts";

const env = parseEnv(apiEnvSchema);
const log = createLogger({ name: "api", level: env.LOG_LEVEL });
const readyFields = {
  addressLookupLimit: `${env.API_ADDRESS_LOOKUP_LIMIT}/${env.API_ADDRESS_LOOKUP_WINDOW_SECONDS}s`,
  identityMissLimit: `${env.API_IDENTITY_MISS_LIMIT}/${env.API_IDENTITY_MISS_WINDOW_SECONDS}s`,
  trustedProxyHops: env.API_TRUSTED_PROXY_HOPS,
};
const inPrimary = cluster.isPrimary;
if (inPrimary && !env.API_TOKEN_KEY) {
  log.warn({}, "API_TOKEN_KEY is not set: voter tokens are signed with a random key and end with this process");
}
// Made once, by the primary when there are workers, so that every worker signs and checks with the same key.
const tokenKey = env.API_TOKEN_KEY ?? randomBytes(32).toString("base64url");

if (inPrimary && env.API_WORKERS > 1) {
  const shutdown = handleShutdown({ log });
  const primary = runApiPrimary({
    workers: env.API_WORKERS,
    log,
    workerEnv: { API_TOKEN_KEY: tokenKey },
    readyFields,
  });
  shutdown.add(() => primary.stop());
} else {
  await serve();
}

/** One API process answering on the port: alone, or one of the workers. */
async function serve(): Promise<void> {
  const shutdown = handleShutdown({ log });
  // A worker whose primary is gone (killed) has nobody handing it connections: it drains and leaves.
  if (cluster.isWorker) process.once("disconnect", () => void shutdown.close("the API's primary process is gone"));
  const keys = createRedisKeys(env.NAMESPACE);
  const redis = connectRedis(env.REDIS_URL, "api");
  shutdown.add(async () => {
    await redis.quit();
  });

  const registry = createApiMetrics();
  collectDefaultMetrics({ register: registry.registry });
  // A worker answers a scrape with every worker's counts.
  const metrics = cluster.isWorker ? { ...registry, text: clusterMetricsText(registry.registry) } : registry;

  const app = createApiApp({
    redis,
    store: new RedisBallotStore(redis, keys),
    keys,
    hashIdentity: createIdentityHasher(env.IDENTITY_HASH_KEY),
    siteOrigin: env.SITE_ORIGIN,
    pageTimeZone: env.API_PAGE_TIME_ZONE,
    maxBodyBytes: env.API_MAX_BODY_BYTES,
    log,
    tokenKey,
    tokenTtlMs: env.API_TOKEN_TTL_SECONDS * 1000,
    rateLimits: {
      perAddress: { limit: env.API_ADDRESS_LOOKUP_LIMIT, windowMs: env.API_ADDRESS_LOOKUP_WINDOW_SECONDS * 1000 },
      perIdentityMiss: { limit: env.API_IDENTITY_MISS_LIMIT, windowMs: env.API_IDENTITY_MISS_WINDOW_SECONDS * 1000 },
    },
    subscriptionRateLimits: {
      perAddress: {
        limit: env.API_SUBSCRIPTION_ADDRESS_LIMIT,
        windowMs: env.API_SUBSCRIPTION_ADDRESS_WINDOW_SECONDS * 1000,
      },
      perVoter: { limit: env.API_SUBSCRIPTION_VOTER_LIMIT, windowMs: env.API_SUBSCRIPTION_VOTER_WINDOW_SECONDS * 1000 },
    },
    staffSignInFailureLimit: {
      limit: env.API_STAFF_SIGNIN_FAILURE_LIMIT,
      windowMs: env.API_STAFF_SIGNIN_FAILURE_WINDOW_SECONDS * 1000,
    },
    notify: env.NOTIFIER_LINK_SECRET
      ? {
          handlers: {
            redis,
            keys,
            subscriptions: new RedisSubscriptionStore(redis, keys),
            notifications: new RedisNotificationLog(redis, keys),
            linkSecret: env.NOTIFIER_LINK_SECRET,
            twilioAuthToken: env.TWILIO_AUTH_TOKEN,
            resendWebhookSecret: env.RESEND_WEBHOOK_SECRET,
            // The county settings live with the notifier: SMS keywords take effect here, replies only come from it.
            countySettingsOf: () => undefined,
          },
          publicUrl: env.API_PUBLIC_URL,
          maxBodyBytes: env.API_WEBHOOK_MAX_BODY_BYTES,
        }
      : undefined,
    trustedProxyHops: env.API_TRUSTED_PROXY_HOPS,
    metrics,
    metricsToken: env.API_METRICS_TOKEN,
    staffTokens: parseStaffTokens(env.API_STAFF_TOKENS),
    dashboardSummaryCacheMs: env.API_DASHBOARD_SUMMARY_CACHE_MS,
    countySettingsOf: countySettingsLookup(env.NOTIFIER_COUNTIES),
  });
  const server = await serveHttp(app, { port: env.API_PORT, hostname: env.API_HOST });
  shutdown.add(() => server.close());
  if (cluster.isWorker) reportWorkerListening(server.url);
  else announceReady(log, { url: server.url, ...readyFields }, "api listening");
}
