import type { Slot } from "@ballot/contracts";
import { TransientError } from "@ballot/runtime";
import type { Redis } from "ioredis";

/**
 * KEYS: the buckets; ARGV: each bucket's number of fields, then the fields, bucket after bucket. Answers one HMGET
 * reply a bucket (a missing field as nil).
 */
const readSlotsScript = `
local replies = {}
local at = #KEYS + 1
for index = 1, #KEYS do
  local count = tonumber(ARGV[index])
  replies[index] = redis.call('HMGET', KEYS[index], unpack(ARGV, at, at + count - 1))
  at = at + count
end
return replies
`;

const scriptName = "ballotReadSlots";
const withScript = new WeakSet<Redis>();

/**
 * Defines `readSlots`'s script on a connection, once (the ballot index does, as it is made). It must come before the
 * connection's first command: ioredis copies a connection's scripts into each auto-pipeline as it starts one, and a
 * script defined while one is filling breaks that pipeline (and the process with it).
 */
export function defineSlotReads(redis: Redis): void {
  if (withScript.has(redis)) return;
  redis.defineCommand(scriptName, { lua: readSlotsScript });
  withScript.add(redis);
}

type ScriptRedis = Redis & Record<typeof scriptName, (...args: string[]) => Promise<(string | null)[][]>>;

/**
 * The values of many bucketed slots (redis-keys.ts `slotOf`), in order, in one round trip and one command: an HMGET
 * per bucket, run by one script. A tracker's chunk reads a hundred or so ballots in as many buckets, and a pipeline of
 * that many commands cost the tracker a client object, a promise and a reply of its own for each (a tenth of its CPU
 * went to ioredis). `what` names the values in the error when Redis fails.
 */
export async function readSlots(redis: Redis, slots: readonly Slot[], what: string): Promise<(string | null)[]> {
  if (slots.length === 0) return [];
  if (!withScript.has(redis)) throw new Error("readSlots needs defineSlotReads(redis) when the connection is made");
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
  const buckets = [...byBucket.keys()];
  const groups = [...byBucket.values()];
  const args = [String(buckets.length), ...buckets];
  for (const { fields } of groups) args.push(String(fields.length));
  for (const { fields } of groups) args.push(...fields);
  let replies: (string | null)[][];
  try {
    replies = await (redis as ScriptRedis)[scriptName](...args);
  } catch (error) {
    throw new TransientError(`Redis did not return ${what}`, { cause: error });
  }
  const values: (string | null)[] = new Array(slots.length).fill(null);
  groups.forEach(({ positions }, index) => {
    const found = replies[index] ?? [];
    positions.forEach((position, offset) => {
      values[position] = found[offset] ?? null;
    });
  });
  return values;
}
