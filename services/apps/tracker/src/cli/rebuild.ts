// `pnpm run rebuild`: clears the Redis state derived from the event stream and replays the stream into it.
import { parseArgs } from "node:util";
import {
  connectJetStream,
  connectRedis,
  ensureBallotHashEncoding,
  JetStreamPublisher,
  RedisBallotStore,
} from "@ballot/adapters";
import { createCatalog, createRedisKeys } from "@ballot/contracts";
import { createLogger, parseEnv } from "@ballot/runtime";
import { trackerEnvSchema } from "../env.ts";
import { rebuildState } from "../rebuild.ts";
import { createTrackerHandler } from "../tracker.ts";

const { values } = parseArgs({
  options: { yes: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
});
if (values.help || !values.yes) {
  console.error(`pnpm run rebuild -- --yes

Deletes the ballot state in Redis (ballots, voter index, counts, queues; not subscriptions) and rebuilds it by
replaying the JetStream event stream. Lookups see partial data until it finishes; running trackers may keep going.
Uses NATS_URL, REDIS_URL and NAMESPACE like the services. --yes confirms.`);
  process.exit(values.help ? 0 : 2);
}

const env = parseEnv(trackerEnvSchema);
const log = createLogger({ name: "rebuild", level: env.LOG_LEVEL });
const catalog = createCatalog(env.NAMESPACE);
const keys = createRedisKeys(env.NAMESPACE);
const nats = await connectJetStream(env.NATS_URL, "rebuild");
const redis = connectRedis(env.REDIS_URL, "rebuild");
await ensureBallotHashEncoding(redis, log);
const startedAt = Date.now();
let lastPrint = 0;
const result = await rebuildState({
  js: nats.js,
  redis,
  keys,
  stream: catalog.streams.events.name,
  handler: createTrackerHandler({
    catalog,
    keys,
    redis,
    store: new RedisBallotStore(redis, keys),
    publisher: new JetStreamPublisher(nats),
    unknownBallotAttempts: 1,
    announce: false,
  }),
  log,
  onProgress: ({ replayed, total, skipped }) => {
    if (Date.now() - lastPrint < 1_000 && replayed < total) return;
    lastPrint = Date.now();
    const rate = Math.round(replayed / Math.max(0.001, (Date.now() - startedAt) / 1000));
    console.error(
      `[rebuild] ${replayed.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} events replayed (${rate}/s), ${skipped} skipped`,
    );
  },
});
console.error(
  `[rebuild] done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${result.replayed} events replayed, ${result.skipped} skipped (dead-lettered when they arrived)`,
);
redis.disconnect();
await nats.close();
