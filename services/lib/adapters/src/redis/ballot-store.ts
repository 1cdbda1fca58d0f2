import type { RedisKeys } from "@ballot/contracts";
import type { BallotState } from "@ballot/core";
import { TransientError } from "@ballot/runtime";
import type { Redis } from "ioredis";
import { ballotStateFields, decodeBallot, encodeBallot } from "./ballot-codec.ts";
import {
  announcedScript,
  type PendingAnnouncement,
  type Projection,
  parseAnnouncement,
  projectionOf,
  writeAndProjectArguments,
  writeAndProjectScript,
} from "./ballot-projection.ts";

/**
 * Ballot state as one Redis hash. `v` is the version for compare-and-set: a write lands only if nobody wrote
 * since it was read, so several tracker instances on one consumer never lose an update.
 */
export interface StoredBallot {
  readonly state: BallotState;
  readonly version: number;
  /** What the ballot last contributed to its county's counts (see ballot-projection.ts); empty when nothing yet. */
  readonly projected: string;
  /** The hash as read, to tell whether a new state would change it. */
  readonly hash?: Readonly<Record<string, string>>;
}

/** The outcome of `write`: "unchanged" wrote nothing, because the stored state and its counts were already so. */
export interface WriteOutcome {
  readonly outcome: "written" | "unchanged" | "conflict";
  /** A claimed status change not yet published, whoever claimed it. */
  readonly pending: PendingAnnouncement | undefined;
  /** The ballot's contribution to its county's figures; undefined for a ballot with no county yet. */
  readonly projection: Projection | undefined;
}

/** The field, value pairs of `fields` (the encoded state) that `hash` does not already hold. */
function changedFieldsOf(hash: Readonly<Record<string, string>> | undefined, fields: readonly string[]): string[] {
  if (!hash) return [...fields];
  const changed: string[] = [];
  for (let index = 0; index < fields.length; index += 2) {
    const field = fields[index] as string;
    const value = fields[index + 1] as string;
    if (hash[field] !== value) changed.push(field, value);
  }
  return changed;
}

/** The state's fields, and the store's own: version, counted marker, claimed announcement. */
const storedFields = [...ballotStateFields, "v", "p", "n"] as const;

// KEYS[1] ballot hash; ARGV[1] expected version; ARGV[2..] field, value pairs.
const compareAndSetScript = `
local current = redis.call('HGET', KEYS[1], 'v') or '0'
if current ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', tostring(tonumber(ARGV[1]) + 1), unpack(ARGV, 2))
return 1
`;

export class RedisBallotStore {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  constructor(redis: Redis, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
    redis.defineCommand("ballotCompareAndSet", { numberOfKeys: 1, lua: compareAndSetScript });
    redis.defineCommand("ballotAnnounced", { numberOfKeys: 1, lua: announcedScript });
    // The number of keys comes first in each call: only the queues that change are sent.
    redis.defineCommand("ballotWriteAndProject", { lua: writeAndProjectScript });
  }

  #script<Reply = number>(name: string): (...args: string[]) => Promise<Reply> {
    const command = (this.#redis as unknown as Record<string, (...args: string[]) => Promise<Reply>>)[name];
    if (!command) throw new Error(`Redis script ${name} is not defined`);
    return (...args) => command.call(this.#redis, ...args);
  }

  /** Marks a claimed announcement as published (unless a newer change has replaced it meanwhile). */
  async markAnnounced(ballotKey: string, announcement: PendingAnnouncement): Promise<void> {
    await this.#script("ballotAnnounced")(this.#keys.ballot(ballotKey), announcement.raw);
  }

  async load(ballotKey: string): Promise<StoredBallot | undefined> {
    return storedBallotOf(await this.#redis.hgetall(this.#keys.ballot(ballotKey)));
  }

  /**
   * Loads many ballots in one pipeline (one round trip), in order. Fields are asked for by name: a flat reply costs
   * the client a quarter less to read than a whole hash, and this is read once per scan.
   */
  async loadMany(ballotKeys: readonly string[]): Promise<(StoredBallot | undefined)[]> {
    const pipeline = this.#redis.pipeline();
    for (const ballotKey of ballotKeys) pipeline.hmget(this.#keys.ballot(ballotKey), ...storedFields);
    const replies = (await pipeline.exec()) ?? [];
    return ballotKeys.map((ballotKey, index) => {
      const [error, values] = replies[index] ?? [new Error("no reply")];
      if (error) {
        throw new TransientError("Redis did not return a ballot", { cause: error, context: { ballotKey } });
      }
      const hash: Record<string, string> = {};
      (values as (string | null)[]).forEach((value, field) => {
        if (value !== null) hash[storedFields[field] as string] = value;
      });
      return storedBallotOf(hash);
    });
  }

  /**
   * Writes `after` in place of `stored` (as loaded) and moves the ballot's county counts and queues to match, in
   * one atomic step that also claims the announcement of a changed voter-facing status. "conflict" when another
   * writer changed the ballot since it was loaded: nothing was written; reload and decide again. When the state
   * and its counts are already so (a repeated event), nothing is sent to Redis at all.
   */
  async write(ballotKey: string, stored: StoredBallot | undefined, after: BallotState): Promise<WriteOutcome> {
    const fields = encodeBallot(after);
    const projection = projectionOf(after);
    const expected = { version: stored?.version ?? 0, marker: stored?.projected ?? "" };
    const storedPending = stored?.hash?.n ? parseAnnouncement(stored.hash.n) : undefined;
    // A state never loses a field (evidence only adds), so the fields that differ are all a write must send.
    const changed = changedFieldsOf(stored?.hash, fields);
    if (stored && changed.length === 0 && expected.marker === (projection?.marker ?? "")) {
      return { outcome: "unchanged", pending: storedPending, projection };
    }
    if (!projection) {
      const written = await this.compareAndSet(ballotKey, expected.version, after);
      return { outcome: written ? "written" : "conflict", pending: storedPending, projection };
    }
    const before = stored ? projectionOf(stored.state) : undefined;
    // The queues stand as the stored state implies only if its projection was applied with it.
    const previous =
      before && before.marker === expected.marker && before.county === projection.county ? before : undefined;
    const args = writeAndProjectArguments(this.#keys, ballotKey, expected, projection, previous, changed);
    const [result, pending] = await this.#script<[number, string]>("ballotWriteAndProject")(...args);
    return {
      outcome: result === 1 ? "written" : "conflict",
      pending: pending ? parseAnnouncement(pending) : undefined,
      projection,
    };
  }

  /** Writes the state if the stored version is still `expectedVersion`; false when someone wrote first. */
  async compareAndSet(ballotKey: string, expectedVersion: number, state: BallotState): Promise<boolean> {
    const written = await this.#script("ballotCompareAndSet")(
      this.#keys.ballot(ballotKey),
      String(expectedVersion),
      ...encodeBallot(state),
    );
    return written === 1;
  }

  /**
   * Read, change, compare-and-set, retried on conflict. Returns the state before and after; `change` must be pure
   * because it may run more than once.
   */
  async update(
    ballotKey: string,
    change: (state: BallotState | undefined) => BallotState,
    maxAttempts = 50,
  ): Promise<{ before: BallotState | undefined; after: BallotState; projected: string }> {
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const stored = await this.load(ballotKey);
      const after = change(stored?.state);
      if (await this.compareAndSet(ballotKey, stored?.version ?? 0, after)) {
        return { before: stored?.state, after, projected: stored?.projected ?? "" };
      }
      // Lost the race: back off a random, growing while so that contending writers spread out.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 10) * 2));
    }
    throw new TransientError("ballot kept changing under concurrent writers", { context: { ballotKey, maxAttempts } });
  }
}

function storedBallotOf(hash: Record<string, string>): StoredBallot | undefined {
  return Object.keys(hash).length === 0
    ? undefined
    : { state: decodeBallot(hash), version: Number(hash.v ?? "0"), projected: hash.p ?? "", hash };
}
