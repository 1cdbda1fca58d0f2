import type { RedisKeys } from "@ballot/contracts";
import type { BallotState } from "@ballot/core";
import { TransientError } from "@ballot/runtime";
import type { Redis } from "ioredis";
import { decodeBallot, encodeBallot } from "./ballot-codec.ts";
import {
  announcedScript,
  type PendingAnnouncement,
  type Projection,
  type ProjectOutcome,
  parseAnnouncement,
  projectionArguments,
  projectScript,
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
}

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
    redis.defineCommand("ballotProject", { numberOfKeys: 5, lua: projectScript });
    redis.defineCommand("ballotAnnounced", { numberOfKeys: 1, lua: announcedScript });
  }

  #script<Reply = number>(name: string): (...args: string[]) => Promise<Reply> {
    const command = (this.#redis as unknown as Record<string, (...args: string[]) => Promise<Reply>>)[name];
    if (!command) throw new Error(`Redis script ${name} is not defined`);
    return (...args) => command.call(this.#redis, ...args);
  }

  /**
   * Moves the ballot's contribution to its county's counts and queues from `expectedMarker` to `projection`, with
   * the marker, atomically, claiming the announcement of a status change in the same step. "conflict" when another
   * writer moved it first (reload and decide again).
   */
  async project(ballotKey: string, expectedMarker: string, projection: Projection): Promise<ProjectOutcome> {
    const args = projectionArguments(this.#keys, ballotKey, expectedMarker, projection);
    const [result, pending] = await this.#script<[number, string]>("ballotProject")(...args);
    return {
      outcome: result === 1 ? "moved" : result === 0 ? "held" : "conflict",
      pending: pending ? parseAnnouncement(pending) : undefined,
    };
  }

  /** Marks a claimed announcement as published (unless a newer change has replaced it meanwhile). */
  async markAnnounced(ballotKey: string, announcement: PendingAnnouncement): Promise<void> {
    await this.#script("ballotAnnounced")(this.#keys.ballot(ballotKey), announcement.raw);
  }

  async load(ballotKey: string): Promise<StoredBallot | undefined> {
    const hash = await this.#redis.hgetall(this.#keys.ballot(ballotKey));
    return Object.keys(hash).length === 0
      ? undefined
      : { state: decodeBallot(hash), version: Number(hash.v ?? "0"), projected: hash.p ?? "" };
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
