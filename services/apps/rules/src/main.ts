import { connectJetStream, connectRedis, ensureStreams, JetStreamPublisher } from "@ballot/adapters";
import { createCatalog, createRedisKeys } from "@ballot/contracts";
import { announceReady, createLogger, handleShutdown, parseEnv } from "@ballot/runtime";
import { rulesEnvSchema, rulesSettings } from "./env.ts";
import { runRules } from "./rules.ts";

const env = parseEnv(rulesEnvSchema);
const log = createLogger({ name: "rules", level: env.LOG_LEVEL });
const shutdown = handleShutdown({ log });
const catalog = createCatalog(env.NAMESPACE);
const keys = createRedisKeys(env.NAMESPACE);
const nats = await connectJetStream(env.NATS_URL, "rules");
shutdown.add(() => nats.close());
const redis = connectRedis(env.REDIS_URL, "rules");
shutdown.add(async () => {
  await redis.quit();
});
await ensureStreams(nats.jsm, Object.values(catalog.streams));

const deps = { redis, keys, catalog, publisher: new JetStreamPublisher(nats), settings: rulesSettings(env), log };
let running: Promise<void> | undefined;
const tick = () => {
  running ??= runRules(deps, new Date())
    .then((outcome) => log.info(outcome, "rules ran"))
    .catch((error: unknown) => log.error({ err: error }, "rules failed; they run again at the next interval"))
    .finally(() => {
      running = undefined;
    });
};
const timer = setInterval(tick, env.RULES_INTERVAL_MS);
tick();
// Registered last, so it runs first: stop the clock, then let the run in hand finish.
shutdown.add(async () => {
  clearInterval(timer);
  await running;
});
announceReady(log, { intervalMs: env.RULES_INTERVAL_MS }, "rules running");
