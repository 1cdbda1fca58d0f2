import type { JetStreamConnection } from "@ballot/adapters";
import {
  JetStreamPublisher,
  type Redis,
  RedisBallotStore,
  RedisHeldMessages,
  RedisNotificationLog,
  RedisSubscriptionStore,
  startConsumerLoop,
} from "@ballot/adapters";
import type { NotificationHandlerDeps } from "@ballot/adapters/notifications";
import { RedisBroadcastAudience } from "@ballot/adapters/redis/broadcast-audience";
import { RedisBroadcastStore } from "@ballot/adapters/redis/broadcast-store";
import { RedisSafetyHolds } from "@ballot/adapters/redis/safety-holds";
import type { Catalog, RedisKeys } from "@ballot/contracts";
import type { Logger } from "@ballot/runtime";
import type { NotifierDeps } from "./deps.ts";
import { countySettingsOf, type NotifierEnv } from "./env.ts";
import { createNotifierHandler } from "./notifier.ts";
import { startReleaseLoop } from "./release.ts";
import { chooseSenders } from "./senders.ts";

/** Everything the notifier runs, wired from its environment: shared by main.ts and the tests, which run it as main does. */
export async function startNotifier(input: {
  readonly env: NotifierEnv;
  readonly catalog: Catalog;
  readonly keys: RedisKeys;
  readonly redis: Redis;
  readonly nats: JetStreamConnection;
  readonly log: Logger;
  readonly now?: () => number;
}) {
  const { env, catalog, keys, redis, nats, log } = input;
  const now = input.now ?? Date.now;
  const { senders, providers } = chooseSenders(env);
  const publisher = new JetStreamPublisher(nats);
  const settings = countySettingsOf(env);
  const subscriptions = new RedisSubscriptionStore(redis, keys);
  const notifications = new RedisNotificationLog(redis, keys);
  const ballots = new RedisBallotStore(redis, keys);
  const deps: NotifierDeps = {
    catalog,
    keys,
    redis,
    subscriptions,
    ballots,
    notifications,
    held: new RedisHeldMessages(redis, keys),
    safetyHolds: new RedisSafetyHolds(redis, keys),
    broadcasts: new RedisBroadcastStore(redis, keys),
    audience: new RedisBroadcastAudience(redis, keys, ballots, subscriptions),
    broadcastStaging: {
      firstStageVoters: env.NOTIFIER_BROADCAST_FIRST_STAGE_VOTERS,
      pageVoters: env.NOTIFIER_BROADCAST_PAGE_VOTERS,
      pauseMs: env.NOTIFIER_BROADCAST_PAUSE_MS,
    },
    publisher,
    senders,
    countySettingsOf: settings,
    linkSecret: env.NOTIFIER_LINK_SECRET,
    linkBaseUrl: (
      env.NOTIFIER_LINK_BASE_URL ??
      env.NOTIFIER_PUBLIC_URL ??
      `http://127.0.0.1:${env.NOTIFIER_PORT}`
    ).replace(/\/+$/, ""),
    statusCallbackBaseUrl: env.NOTIFIER_PUBLIC_URL?.replace(/\/+$/, ""),
    sendLeaseMs: env.NOTIFIER_SEND_LEASE_MS,
    now,
  };
  const handlers: NotificationHandlerDeps = {
    redis,
    keys,
    subscriptions,
    notifications,
    linkSecret: env.NOTIFIER_LINK_SECRET,
    twilioAuthToken: env.TWILIO_AUTH_TOKEN,
    resendWebhookSecret: env.RESEND_WEBHOOK_SECRET,
    countySettingsOf: settings,
  };
  const loop = await startConsumerLoop({
    js: nats.js,
    stream: catalog.consumers.notifier.stream,
    durable: catalog.consumers.notifier.durable,
    handler: createNotifierHandler(deps),
    log,
    deadLetters: { publisher, subject: catalog.subjects.deadLetter("notifier") },
    maxMessages: env.NOTIFIER_BATCH_SIZE,
    concurrency: env.NOTIFIER_CONCURRENCY,
    retryDelaysMs: env.NOTIFIER_RETRY_DELAYS_MS,
  });
  const release = startReleaseLoop(deps, log, env.NOTIFIER_RELEASE_INTERVAL_MS);
  return {
    deps,
    handlers,
    providers,
    async stop() {
      await loop.stop();
      await release.stop();
    },
  };
}

/** The notifier's durable consumer on the STATUS stream, as the catalog names it. */
export function notifierConsumerSpec(
  catalog: Catalog,
  env: Pick<NotifierEnv, "NOTIFIER_ACK_WAIT_MS" | "NOTIFIER_MAX_DELIVER" | "NOTIFIER_CONCURRENCY">,
) {
  return {
    ...catalog.consumers.notifier,
    ackWaitMs: env.NOTIFIER_ACK_WAIT_MS,
    maxDeliver: env.NOTIFIER_MAX_DELIVER,
    maxAckPending: Math.max(1_000, env.NOTIFIER_CONCURRENCY * 4),
  };
}
