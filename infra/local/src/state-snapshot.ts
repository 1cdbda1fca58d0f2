import { parseStoredBallot, type Redis } from "@ballot/adapters";
import { idOfSlot, type RedisKeys } from "@ballot/contracts";
import { currentStatus } from "@ballot/core";

/**
 * Every key derived from the event stream with its whole content, for comparing two states. Ballots are listed
 * one by one, as `<prefix>ballot:{<ballot key>}`, without their versions: those count writes, which differ between
 * a live run and a replay.
 */
export async function snapshotDerivedState(redis: Redis, keys: RedisKeys): Promise<Record<string, unknown>> {
  const snapshot: Record<string, unknown> = {};
  const ballotBuckets = keys.ballotBuckets().slice(0, -1);
  for (const pattern of keys.derivedStatePatterns()) {
    let cursor = "0";
    do {
      const [next, found] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 2_000);
      for (const key of found) {
        const type = await redis.type(key);
        if (type === "hash" && key.startsWith(ballotBuckets)) {
          for (const [field, value] of Object.entries(await redis.hgetall(key))) {
            snapshot[`${keys.prefix}ballot:{${idOfSlot(key, field)}}`] = withoutVersion(value);
          }
        } else if (type === "hash") {
          const fields = await redis.hgetall(key);
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

/** A stored ballot but its version, with its status. */
function withoutVersion(value: string): unknown {
  const stored = parseStoredBallot(value);
  if (!stored) return value;
  const { projected, pending, encoded } = stored;
  return { status: currentStatus(stored.state), projected, pending, encoded };
}
