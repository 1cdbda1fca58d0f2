import type { Redis } from "@ballot/adapters";
import type { RedisKeys } from "@ballot/contracts";

/**
 * Every key derived from the event stream with its whole content, for comparing two states. Ballot versions (`v`)
 * are left out: they count writes, which differ between a live run and a replay.
 */
export async function snapshotDerivedState(redis: Redis, keys: RedisKeys): Promise<Record<string, unknown>> {
  const snapshot: Record<string, unknown> = {};
  for (const pattern of keys.derivedStatePatterns()) {
    let cursor = "0";
    do {
      const [next, found] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 2_000);
      for (const key of found) {
        const type = await redis.type(key);
        if (type === "hash") {
          const { v: _version, ...fields } = await redis.hgetall(key);
          // Counters that went back to zero are the same as counters never touched.
          snapshot[key] = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== "0"));
        } else if (type === "set") snapshot[key] = (await redis.smembers(key)).sort();
        else if (type === "zset") snapshot[key] = await redis.zrange(key, "0", "-1", "WITHSCORES");
        else if (type === "string") snapshot[key] = await redis.get(key);
      }
      cursor = next;
    } while (cursor !== "0");
  }
  return Object.fromEntries(Object.entries(snapshot).sort(([a], [b]) => a.localeCompare(b)));
}
