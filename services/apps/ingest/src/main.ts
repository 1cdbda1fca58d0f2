import {
  connectJetStream,
  connectRedis,
  createIdentityHasher,
  ensureStreams,
  JetStreamPublisher,
  serveHttp,
} from "@ballot/adapters";
import { RedisFeedHealth } from "@ballot/adapters/redis/feed-health";
import { createCatalog, createRedisKeys } from "@ballot/contracts";
import { announceReady, createLogger, handleShutdown, parseEnv } from "@ballot/runtime";
import { createIngestApp } from "./app.ts";
import { ingestEnvSchema } from "./env.ts";

const env = parseEnv(ingestEnvSchema);
const log = createLogger({ name: "ingest", level: env.LOG_LEVEL });
const shutdown = handleShutdown({ log });
const catalog = createCatalog(env.NAMESPACE);

const nats = await connectJetStream(env.NATS_URL, "ingest");
shutdown.add(() => nats.close());
await ensureStreams(nats.jsm, Object.values(catalog.streams));
const redis = connectRedis(env.REDIS_URL, "ingest");
shutdown.add(async () => {
  await redis.quit();
});

const app = createIngestApp({
  publisher: new JetStreamPublisher(nats),
  catalog,
  feedTokens: env.FEED_TOKENS,
  countyTokens: env.COUNTY_TOKENS,
  mailerIds: env.MAILER_IDS,
  hashIdentity: createIdentityHasher(env.IDENTITY_HASH_KEY),
  maxBodyBytes: env.INGEST_MAX_BODY_BYTES,
  defaultTimeZone: env.INGEST_DEFAULT_TIME_ZONE,
  log,
  feedHealth: new RedisFeedHealth(redis, createRedisKeys(env.NAMESPACE)),
});
const server = await serveHttp(app, { port: env.INGEST_PORT, hostname: env.INGEST_HOST });
shutdown.add(() => server.close());
announceReady(
  log,
  { url: server.url, feeds: [...env.FEED_TOKENS.keys()], counties: [...env.COUNTY_TOKENS.keys()] },
  "ingest listening",
);
