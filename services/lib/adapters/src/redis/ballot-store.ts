import { ballotFieldLength, type RedisKeys } from "@ballot/contracts";
import type { BallotState } from "@ballot/core";
import { TransientError } from "@ballot/runtime";
import type { Redis } from "ioredis";
import { decodeBallot, encodeBallot } from "./ballot-codec.ts";
import { RedisBallotIndex } from "./ballot-index.ts";
import {
  announcedScript,
  type PendingAnnouncement,
  type Projection,
  parseAnnouncement,
  projectionOf,
  storedPartsLua,
  writeAndProjectArguments,
  writeAndProjectManyScript,
} from "./ballot-projection.ts";
import { readSlots } from "./slots.ts";

/**
 * Ballot state as one field of a bucket hash (redis-keys.ts `ballot`), its value `version/marker/pending/state`:
 * `version` for compare-and-set (a write lands only if nobody wrote since it was read, so several tracker instances
 * on one consumer never lose an update), `marker` what the ballot last contributed to its county's counts and
 * `pending` a claimed status announcement (both ballot-projection.ts), then the state (ballot-codec.ts).
 */
export interface StoredBallot {
  readonly state: BallotState;
  readonly version: number;
  /** What the ballot last contributed to its county's counts (see ballot-projection.ts); empty when nothing yet. */
  readonly projected: string;
  /** A claimed status announcement not yet published, as stored; empty when none. */
  readonly pending: string;
  /** The state as stored, to tell whether a new state would change it. */
  readonly encoded: string;
}

/** A write of `writeAll`: the ballot's new state in place of what was loaded. */
export interface BallotWrite {
  readonly ballotKey: string;
  readonly stored: StoredBallot | undefined;
  readonly after: BallotState;
}

/** The outcome of `write`: "unchanged" wrote nothing, because the stored state and its counts were already so. */
export interface WriteOutcome {
  readonly outcome: "written" | "unchanged" | "conflict";
  /** A claimed status change not yet published, whoever claimed it. */
  readonly pending: PendingAnnouncement | undefined;
  /** The ballot's contribution to its county's figures; undefined for a ballot with no county yet. */
  readonly projection: Projection | undefined;
}

/** A stored value, as `RedisBallotStore` writes it; undefined for no value. */
export function parseStoredBallot(value: string | null | undefined): StoredBallot | undefined {
  if (!value) return undefined;
  const first = value.indexOf("/");
  const second = value.indexOf("/", first + 1);
  const third = value.indexOf("/", second + 1);
  if (first < 0 || second < 0 || third < 0) return undefined;
  const encoded = value.slice(third + 1);
  return {
    state: decodeBallot(encoded),
    version: Number(value.slice(0, first)),
    projected: value.slice(first + 1, second),
    pending: value.slice(second + 1, third),
    encoded,
  };
}

/** The value of a ballot stored for the first time with nothing counted (fixtures and benchmarks load these). */
export const newBallotValue = (state: BallotState): string => `1///${encodeBallot(state)}`;

// KEYS[1] bucket; ARGV[1] field, ARGV[2] expected version, ARGV[3] the state. Keeps the marker and the claim.
const compareAndSetScript = `${storedPartsLua}
local version, marker, pending = storedParts(redis.call('HGET', KEYS[1], ARGV[1]))
if version ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], (tonumber(version) + 1) .. '/' .. marker .. '/' .. pending .. '/' .. ARGV[3])
return 1
`;

// Lua: a voter's list of ballot keys and each ballot's value (false for none), or with no list the stand-in ballot
// keys'; bucket names as redis-keys.ts `slotOf` makes them (`voterBallotsKind`, `ballotKind`: their keys before the
// hash tag). One function for both reads below, so that a lookup's two paths do the same work.
const ballotsOfVoterLua = `
local function slot(kind, id, fieldLength)
  local keep = string.len(id) - fieldLength
  return kind .. ':{' .. string.sub(id, 1, keep) .. '}', string.sub(id, keep + 1)
end
local function ballotsOfVoter(voterBallotsKind, voterId, ballotKind, standIn)
  local list = redis.call('HGET', slot(voterBallotsKind, voterId, 2)) or standIn
  local values = {}
  for ballotKey in string.gmatch(list, '[^,]+') do
    values[#values + 1] = redis.call('HGET', slot(ballotKind, ballotKey, ${ballotFieldLength})) or false
  end
  return list, values
end
`;

// ARGV: voter-ballots kind, voter id, ballot kind, stand-in ballot keys. Returns the list read and the values.
const voterBallotsScript = `${ballotsOfVoterLua}
local list, values = ballotsOfVoter(ARGV[1], ARGV[2], ARGV[3], ARGV[4])
return {list, values}
`;

// KEYS[1] an identity's set of voter ids; ARGV: the voter id to keep ('' keeps all), voter-ballots kind, ballot kind,
// the stand-in voter id and ballot keys read unless exactly one voter is kept. Returns the number of voters kept, the
// one kept ('' unless one), and the values of the ballots read.
const identityBallotsScript = `${ballotsOfVoterLua}
local kept = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if ARGV[1] == '' or id == ARGV[1] then kept[#kept + 1] = id end
end
local voterId = ARGV[4]
if #kept == 1 then voterId = kept[1] end
local _, values = ballotsOfVoter(ARGV[2], voterId, ARGV[3], ARGV[5])
if #kept ~= 1 then return {#kept, '', values} end
return {1, voterId, values}
`;

/** Who an identity matched (`RedisBallotStore.loadOfIdentity`). */
export interface IdentityBallots {
  /** Voters kept: 0 not found, 1 found, more: ambiguous (ask for the voter id). */
  readonly matches: number;
  /** The voter, when exactly one matched. */
  readonly voterId?: string;
  /** That voter's ballots (none otherwise). */
  readonly ballots: StoredBallot[];
}

const storedBallotsOf = (values: readonly (string | null)[]): StoredBallot[] =>
  values.map(parseStoredBallot).filter((ballot): ballot is StoredBallot => ballot !== undefined);

export class RedisBallotStore {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  /** The ways to a ballot key: county ballot ids, voters, return IMbs. */
  readonly index: RedisBallotIndex;
  constructor(redis: Redis, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
    this.index = new RedisBallotIndex(redis, keys);
    redis.defineCommand("ballotCompareAndSet", { numberOfKeys: 1, lua: compareAndSetScript });
    // The number of keys comes first in each call: one per ballot, and only the queues that change are sent.
    redis.defineCommand("ballotAnnounced", { lua: announcedScript });
    redis.defineCommand("ballotWriteAndProjectMany", { lua: writeAndProjectManyScript });
    redis.defineCommand("voterBallots", { numberOfKeys: 0, lua: voterBallotsScript });
    redis.defineCommand("identityBallots", { numberOfKeys: 1, lua: identityBallotsScript });
  }

  #script<Reply = number>(name: string): (...args: string[]) => Promise<Reply> {
    const command = (this.#redis as unknown as Record<string, (...args: string[]) => Promise<Reply>>)[name];
    if (!command) throw new Error(`Redis script ${name} is not defined`);
    return (...args) => command.call(this.#redis, ...args);
  }

  /** Marks a claimed announcement as published (unless a newer change has replaced it meanwhile). */
  markAnnounced(ballotKey: string, announcement: PendingAnnouncement): Promise<void> {
    return this.markAllAnnounced([{ ballotKey, announcement }]);
  }

  /** `markAnnounced` for many ballots, in one call. */
  async markAllAnnounced(
    announced: readonly { readonly ballotKey: string; readonly announcement: PendingAnnouncement }[],
  ): Promise<void> {
    if (announced.length === 0) return;
    const slots = announced.map(({ ballotKey }) => this.#keys.ballot(ballotKey));
    await this.#script("ballotAnnounced")(
      String(slots.length),
      ...slots.map(([bucket]) => bucket),
      ...slots.flatMap(([, field], index) => [
        field,
        (announced[index] as (typeof announced)[number]).announcement.raw,
      ]),
    );
  }

  async load(ballotKey: string): Promise<StoredBallot | undefined> {
    return parseStoredBallot(await this.#redis.hget(...this.#keys.ballot(ballotKey)));
  }

  /**
   * A voter's ballots, in one script call: the voter's list of ballot keys and each ballot. With `standIn` keys, a
   * voter with no ballots (or an unknown one) reads those instead, so that the work does not tell.
   */
  async loadOfVoter(voterId: string, standIn: readonly string[] = []): Promise<StoredBallot[]> {
    const [, values] = await this.#script<[string, (string | null)[]]>("voterBallots")(
      this.#keys.voterBallotsKind,
      voterId,
      this.#keys.ballotKind,
      standIn.join(","),
    );
    return storedBallotsOf(values);
  }

  /**
   * The voters of an identity (its set at `identityKey`), kept to `voterId` when one is given, and the ballots of the
   * one voter kept, in one script call. Unless exactly one is kept, the stand-in voter's (a decoy's) list and the
   * `standIn` ballots are read instead and nothing is returned: a lookup that finds nobody does the same Redis work.
   */
  async loadOfIdentity(
    identityKey: string,
    voterId: string | undefined,
    standIn: { readonly voterId: string; readonly ballotKeys: readonly string[] },
  ): Promise<IdentityBallots> {
    const [matches, kept, values] = await this.#script<[number, string, (string | null)[]]>("identityBallots")(
      identityKey,
      voterId ?? "",
      this.#keys.voterBallotsKind,
      this.#keys.ballotKind,
      standIn.voterId,
      standIn.ballotKeys.join(","),
    );
    return matches === 1 ? { matches, voterId: kept, ballots: storedBallotsOf(values) } : { matches, ballots: [] };
  }

  /** Loads many ballots in one pipeline (one round trip), in order. */
  async loadMany(ballotKeys: readonly string[]): Promise<(StoredBallot | undefined)[]> {
    const values = await readSlots(
      this.#redis,
      ballotKeys.map((ballotKey) => this.#keys.ballot(ballotKey)),
      "a chunk's ballots",
    );
    return values.map(parseStoredBallot);
  }

  /**
   * Writes `after` in place of `stored` (as loaded) and moves the ballot's county counts and queues to match, in
   * one atomic step that also claims the announcement of a changed voter-facing status. "conflict" when another
   * writer changed the ballot since it was loaded: nothing was written; reload and decide again. When the state
   * and its counts are already so (a repeated event), nothing is sent to Redis at all.
   */
  async write(ballotKey: string, stored: StoredBallot | undefined, after: BallotState): Promise<WriteOutcome> {
    const [outcome] = await this.writeAll([{ ballotKey, stored, after }]);
    return outcome as WriteOutcome;
  }

  /**
   * `write` for many ballots: the ballots with a county are written in one script call, each in its own atomic step
   * (a conflict on one leaves the others written). Outcomes in order.
   */
  async writeAll(writes: readonly BallotWrite[]): Promise<WriteOutcome[]> {
    const outcomes: (WriteOutcome | undefined)[] = [];
    const scripted: { index: number; projection: Projection; keys: string[]; args: string[] }[] = [];
    const alone: Promise<void>[] = [];
    writes.forEach(({ ballotKey, stored, after }, index) => {
      const encoded = encodeBallot(after);
      const projection = projectionOf(after);
      const expected = { version: stored?.version ?? 0, marker: stored?.projected ?? "" };
      const storedPending = stored?.pending ? parseAnnouncement(stored.pending) : undefined;
      if (stored && stored.encoded === encoded && expected.marker === (projection?.marker ?? "")) {
        outcomes[index] = { outcome: "unchanged", pending: storedPending, projection };
      } else if (!projection) {
        alone.push(
          this.compareAndSet(ballotKey, expected.version, after).then((written) => {
            outcomes[index] = { outcome: written ? "written" : "conflict", pending: storedPending, projection };
          }),
        );
      } else {
        const before = stored ? projectionOf(stored.state) : undefined;
        // The queues stand as the stored state implies only if its projection was applied with it.
        const applied = before && before.marker === expected.marker ? before : undefined;
        const previous = applied?.county === projection.county ? applied : undefined;
        // A ballot whose county changed leaves the old county's figures as it joins the new one's.
        const movedFrom = applied && !previous ? applied : undefined;
        const { keys, args } = writeAndProjectArguments(
          this.#keys,
          ballotKey,
          expected,
          projection,
          previous,
          encoded,
          movedFrom,
        );
        scripted.push({ index, projection, keys, args });
      }
    });
    if (scripted.length > 0) {
      const replies = await this.#script<(number | string)[]>("ballotWriteAndProjectMany")(
        String(scripted.reduce((sum, { keys }) => sum + keys.length, 0)),
        ...scripted.flatMap(({ keys }) => keys),
        String(scripted.length),
        ...scripted.flatMap(({ keys, args }) => [String(keys.length), String(args.length), ...args]),
      );
      scripted.forEach(({ index, projection }, position) => {
        const pending = replies[2 * position + 1] as string;
        outcomes[index] = {
          outcome: replies[2 * position] === 1 ? "written" : "conflict",
          pending: pending ? parseAnnouncement(pending) : undefined,
          projection,
        };
      });
    }
    await Promise.all(alone);
    return outcomes as WriteOutcome[];
  }

  /** Writes the state if the stored version is still `expectedVersion`; false when someone wrote first. */
  async compareAndSet(ballotKey: string, expectedVersion: number, state: BallotState): Promise<boolean> {
    const written = await this.#script("ballotCompareAndSet")(
      ...this.#keys.ballot(ballotKey),
      String(expectedVersion),
      encodeBallot(state),
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
