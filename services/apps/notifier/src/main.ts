import { connectJetStream, connectRedis, ensureDurableConsumer, ensureStreams, serveHttp } from "@ballot/adapters";
import { createCatalog, createRedisKeys } from "@ballot/contracts";
import { announceReady, createLogger, handleShutdown, parseEnv } from "@ballot/runtime";
import { notifierEnvSchema } from "./env.ts";
import { createNotifierApp } from "./http/app.ts";
import { notifierConsumerSpec, startNotifier } from "./wiring.ts";

const env = parseEnv(notifierEnvSchema);
const log = createLogger({ name: "notifier", level: env.LOG_LEVEL });
const shutdown = handleShutdown({ log });
const catalog = createCatalog(env.NAMESPACE);
const keys = createRedisKeys(env.NAMESPACE);

const nats = await connectJetStream(env.NATS_URL, "notifier");
shutdown.add(() => nats.close());
const redis = connectRedis(env.REDIS_URL, "notifier");
shutdown.add(async () => {
  await redis.quit();
});
await ensureStreams(nats.jsm, Object.values(catalog.streams));
await ensureDurableConsumer(nats.jsm, notifierConsumerSpec(catalog, env));

// The HTTP server first, so that links in messages can point at its real address (NOTIFIER_PORT=0 picks one).
let app: ReturnType<typeof createNotifierApp> | undefined;
const server = await serveHttp(
  { fetch: (request, bindings) => (app ? app.fetch(request, bindings) : new Response("starting", { status: 503 })) },
  { port: env.NOTIFIER_PORT, hostname: env.NOTIFIER_HOST },
);
shutdown.add(() => server.close());
const notifier = await startNotifier({
  env: { ...env, NOTIFIER_LINK_BASE_URL: env.NOTIFIER_LINK_BASE_URL ?? env.NOTIFIER_PUBLIC_URL ?? server.url },
  catalog,
  keys,
  redis,
  nats,
  log,
});
app = createNotifierApp({ handlers: notifier.handlers, publicUrl: env.NOTIFIER_PUBLIC_URL, now: Date.now });
// Registered last, so it runs first: stop pulling and finish the messages in hand before connections close.
shutdown.add(() => notifier.stop());
announceReady(
  log,
  {
    url: server.url,
    stream: catalog.consumers.notifier.stream,
    durable: catalog.consumers.notifier.durable,
    providers: notifier.providers,
    outboxDir: Object.values(notifier.providers).includes("outbox") ? env.NOTIFIER_OUTBOX_DIR : undefined,
  },
  "notifier listening",
);
