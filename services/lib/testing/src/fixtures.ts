import { randomBytes } from "node:crypto";
import { connectJetStream, connectRedis, ensureStreams, type JetStreamConnection, type Redis } from "@ballot/adapters";
import { type Catalog, createCatalog, createRedisKeys, type RedisKeys } from "@ballot/contracts";
import { type LocalServer, startNatsServer, startRedisServer } from "@ballot/local-stack";
import { test as base } from "vitest";

export interface TestServers {
  readonly natsUrl: string;
  readonly redisUrl: string;
}

/** What one test gets: its own namespace on the worker's servers, with connections and names built for it. */
export interface TestNamespace {
  readonly namespace: string;
  readonly catalog: Catalog;
  readonly keys: RedisKeys;
  readonly jetstream: JetStreamConnection;
  readonly redis: Redis;
  /** Environment for a service process started by the test, pointing at the same servers and namespace. */
  readonly env: Readonly<Record<string, string>>;
}

async function startServers(): Promise<{ servers: TestServers; stop: () => Promise<void> }> {
  // Given servers (NATS_URL / REDIS_URL) are shared safely: every test works in its own namespace.
  const started: LocalServer[] = [];
  const natsUrl = process.env.NATS_URL ?? (started[started.push(await startNatsServer()) - 1]?.url as string);
  const redisUrl = process.env.REDIS_URL ?? (started[started.push(await startRedisServer()) - 1]?.url as string);
  return {
    servers: { natsUrl, redisUrl },
    stop: async () => {
      await Promise.all(started.map((server) => server.stop()));
    },
  };
}

/**
 * Vitest fixtures: real nats-server (JetStream) and redis-server, started once per worker on free loopback ports
 * with temporary directories, and a fresh namespace per test whose streams and keys are removed afterwards.
 */
export const test = base
  .extend(
    "servers",
    { scope: "worker" },
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads fixture dependencies from the destructuring.
    async ({}, { onCleanup }): Promise<TestServers> => {
      const { servers, stop } = await startServers();
      onCleanup(stop);
      return servers;
    },
  )
  .extend("ns", async ({ servers }, { onCleanup }): Promise<TestNamespace> => {
    const namespace = `t${randomBytes(5).toString("hex")}`;
    const catalog = createCatalog(namespace);
    const keys = createRedisKeys(namespace);
    const jetstream = await connectJetStream(servers.natsUrl, `test-${namespace}`);
    await ensureStreams(jetstream.jsm, Object.values(catalog.streams));
    const redis = connectRedis(servers.redisUrl, `test-${namespace}`);
    const env = { NATS_URL: servers.natsUrl, REDIS_URL: servers.redisUrl, NAMESPACE: namespace, LOG_LEVEL: "warn" };
    onCleanup(async () => {
      for (const stream of Object.values(catalog.streams)) {
        await jetstream.jsm.streams.delete(stream.name).catch(() => false);
      }
      await deleteKeys(redis, `${keys.prefix}*`);
      redis.disconnect();
      await jetstream.close();
    });
    return { namespace, catalog, keys, jetstream, redis, env };
  });

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    if (found.length > 0) await redis.unlink(...found);
    cursor = next;
  } while (cursor !== "0");
}
