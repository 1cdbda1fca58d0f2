import {
  connectJetStream,
  connectRedis,
  ensureBallotHashEncoding,
  ensureDurableConsumer,
  ensureStreams,
  JetStreamPublisher,
  RedisBallotStore,
  startConsumerLoop,
} from "@ballot/adapters";
import { createCatalog, createRedisKeys } from "@ballot/contracts";
import { announceReady, createLogger, handleShutdown, parseEnv } from "@ballot/runtime";
import { trackerEnvSchema } from "./env.ts";
import { createTrackerHandler } from "./tracker.ts";

const env = parseEnv(trackerEnvSchema);
const log = createLogger({ name: "tracker", level: env.LOG_LEVEL });
const shutdown = handleShutdown({ log });
const catalog = createCatalog(env.NAMESPACE);
const keys = createRedisKeys(env.NAMESPACE);

// One status-change publish per ballot change: at tens of thousands of scans a second, capturing a stack trace for
// each publish cost more CPU than the publish itself.
const nats = await connectJetStream(env.NATS_URL, "tracker", { asyncTraces: false });
shutdown.add(() => nats.close());
const redis = connectRedis(env.REDIS_URL, "tracker");
shutdown.add(async () => {
  await redis.quit();
});
await ensureBallotHashEncoding(redis, log);
await ensureStreams(nats.jsm, Object.values(catalog.streams));
await ensureDurableConsumer(nats.jsm, catalog.consumers.tracker);

const publisher = new JetStreamPublisher(nats);
const loop = await startConsumerLoop({
  js: nats.js,
  stream: catalog.consumers.tracker.stream,
  durable: catalog.consumers.tracker.durable,
  handler: createTrackerHandler({
    catalog,
    keys,
    redis,
    store: new RedisBallotStore(redis, keys),
    publisher,
    unknownBallotAttempts: env.TRACKER_UNKNOWN_BALLOT_ATTEMPTS,
    scanChunksInFlight: env.TRACKER_SCAN_CHUNKS_IN_FLIGHT,
  }),
  log,
  deadLetters: { publisher, subject: catalog.subjects.deadLetter("tracker") },
  maxMessages: env.TRACKER_BATCH_SIZE,
  concurrency: env.TRACKER_CONCURRENCY,
});
// Registered last, so it runs first: stop pulling and finish the message in hand before connections close.
shutdown.add(() => loop.stop());
announceReady(
  log,
  { stream: catalog.consumers.tracker.stream, durable: catalog.consumers.tracker.durable },
  "tracker consuming",
);
