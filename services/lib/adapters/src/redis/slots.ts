import type { Slot } from "@ballot/contracts";
import { TransientError } from "@ballot/runtime";
import type { Redis } from "ioredis";

/**
 * The values of many bucketed slots (redis-keys.ts `slotOf`), in order, in one round trip: one HMGET per bucket, not
 * one HGET per value. A tracker's chunk reads a hundred ballots that mostly share their buckets, and every command is
 * a client object, a promise and a reply of its own. `what` names the values in the error when Redis fails.
 */
export async function readSlots(redis: Redis, slots: readonly Slot[], what: string): Promise<(string | null)[]> {
  if (slots.length === 0) return [];
  const byBucket = new Map<string, { fields: string[]; positions: number[] }>();
  slots.forEach(([bucket, field], position) => {
    const group = byBucket.get(bucket);
    if (group) {
      group.fields.push(field);
      group.positions.push(position);
    } else {
      byBucket.set(bucket, { fields: [field], positions: [position] });
    }
  });
  const pipeline = redis.pipeline();
  for (const [bucket, { fields }] of byBucket) pipeline.hmget(bucket, ...fields);
  const replies = (await pipeline.exec()) ?? [];
  const values: (string | null)[] = new Array(slots.length).fill(null);
  let index = 0;
  for (const { positions } of byBucket.values()) {
    const [error, found] = replies[index] ?? [new Error("no reply")];
    index += 1;
    if (error) throw new TransientError(`Redis did not return ${what}`, { cause: error });
    positions.forEach((position, offset) => {
      values[position] = (found as (string | null)[])[offset] ?? null;
    });
  }
  return values;
}
