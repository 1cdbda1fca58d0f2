import type { RedisKeys } from "@ballot/contracts";
import { type BallotStatus, ballotStatuses, type Notice } from "@ballot/core";
import type { Redis } from "ioredis";
import { leaseDueScript } from "./notification-log.ts";

/** A hold's life: notices kept back, then sent (released) or dropped (discarded) by an approver. */
export const safetyHoldStates = ["held", "released", "discarded"] as const;
export type SafetyHoldState = (typeof safetyHoldStates)[number];

/** What the counting of one change decided: send its notice, or not (held, or the batch was discarded). */
export type TallyDecision = "send" | SafetyHoldState;

/** The hold id of a batch's changes to one status. Batch ids never hold `:`, so it splits back. */
export const holdIdOf = (batchId: string, status: BallotStatus): string => `${batchId}:${status}`;

/** Ballots a hold shows as its sample (ballot ids and former statuses only). */
const sampleSize = 10;
/** A batch that crossed nothing is forgotten this long after its last change (its redeliveries are long done). */
export const defaultTallyTtlMs = 3 * 86_400_000;

// KEYS[1] tally, KEYS[2] the county's holds; ARGV[1] ballot key, [2] threshold or '' when not known yet, [3] the
// county's ballots, [4] now (ms), [5] tally ttl (ms), [6] the notice's topic, [7] former status, [8] hold id,
// [9] ballot id, [10] sample size. A ballot is counted once (a redelivery gets its first place back), so the
// decision for each change is the same however often it is replayed; from the change past the threshold on, the
// tally is a hold.
const tallyScript = `
local t = redis.call('HGET', KEYS[1], '#t')
if not t then
  if ARGV[2] == '' then return {'threshold', '0'} end
  redis.call('HSET', KEYS[1], '#t', ARGV[2], '#ballots', ARGV[3], '#first', ARGV[4])
  t = ARGV[2]
end
t = tonumber(t)
local entry = redis.call('HGET', KEYS[1], ARGV[1])
local n
if entry then
  n = tonumber(string.match(entry, '^%d+'))
else
  n = redis.call('HINCRBY', KEYS[1], '#n', 1)
  redis.call('HSET', KEYS[1], ARGV[1], n .. '|' .. ARGV[6])
  redis.call('HINCRBY', KEYS[1], '#f:' .. ARGV[7], 1)
end
local state = redis.call('HGET', KEYS[1], '#state')
if n <= t then
  if not state then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
  return {'send', tostring(n)}
end
if not state then
  state = 'held'
  redis.call('HSET', KEYS[1], '#state', 'held', '#heldAt', ARGV[4])
  redis.call('PERSIST', KEYS[1])
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[8])
end
if not entry and n - t <= tonumber(ARGV[10]) then
  redis.call('HSET', KEYS[1], '#s:' .. (n - t), ARGV[9] .. '|' .. ARGV[7])
end
return {state, tostring(n)}
`;

// KEYS[1] tally, KEYS[2] held notices; ARGV[1] ballot key, [2] notice. Kept only while the hold still holds: a
// release or discard that came in between decides for this notice too.
const keepScript = `
local state = redis.call('HGET', KEYS[1], '#state')
if state == 'held' then redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end
return state or ''
`;

// KEYS[1] tally, KEYS[2] held notices, KEYS[3] the county's jobs; ARGV[1] 'released' or 'discarded', [2] who,
// [3] now (ms), [4] job member. Only a held hold is decided, once.
const decideScript = `
local state = redis.call('HGET', KEYS[1], '#state')
if state ~= 'held' then return state or '' end
redis.call('HSET', KEYS[1], '#state', ARGV[1], '#decidedBy', ARGV[2], '#decidedAt', ARGV[3],
  '#heldMessages', redis.call('HLEN', KEYS[2]))
if ARGV[1] == 'discarded' then redis.call('DEL', KEYS[2]) else redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4]) end
return 'decided'
`;

// KEYS[1] tally, KEYS[2] the county's jobs; ARGV[1] who, [2] now (ms), [3] job member. Once per hold.
const correctScript = `
if not redis.call('HGET', KEYS[1], '#state') then return 'missing' end
if redis.call('HGET', KEYS[1], '#correctionBy') then return 'already' end
redis.call('HSET', KEYS[1], '#correctionBy', ARGV[1], '#correctionAt', ARGV[2], '#correctionCursor', '0',
  '#correctionBallots', '0')
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 'requested'
`;

export interface TallyInput {
  readonly county: string;
  readonly batchId: string;
  readonly status: BallotStatus;
  readonly from: BallotStatus | null;
  readonly ballotKey: string;
  readonly ballotId: string;
  /** The notice's topic, so that a correction finds the messages this change sent. */
  readonly topic: string;
  readonly nowMs: number;
  /** How many of the county's ballots the batch may move before holding, given the county's ballots. */
  readonly thresholdOf: (countyBallots: number) => number;
}

export interface TallyOutcome {
  readonly decision: TallyDecision;
  readonly holdId: string;
  /** The change's place among the batch's changes to the status (1-based). */
  readonly ordinal: number;
}

export type HoldJob = { readonly holdId: string; readonly action: "release" | "correct" };

/** A hold as the dashboard lists it: the status move, how many ballots, and what became of it. No personal data. */
export interface SafetyHoldSummary {
  readonly holdId: string;
  readonly county: string;
  readonly batchId: string;
  readonly status: BallotStatus;
  readonly state: SafetyHoldState;
  /** Ballots the batch moved to the status, so far. */
  readonly movedBallots: number;
  /** How many it could move and still notify (the first ones did notify). */
  readonly threshold: number;
  /** The county's ballots when the batch began. */
  readonly countyBallots: number;
  /** Ballots past the threshold, whose notices were held (sent on release, dropped on discard). */
  readonly heldBallots: number;
  /** Notices waiting (voters with a subscription): none once released and sent, or discarded. */
  readonly heldNotices: number;
  readonly heldAt: string;
  readonly decidedBy?: string | undefined;
  readonly decidedAt?: string | undefined;
  readonly correction?:
    | {
        readonly requestedBy: string;
        readonly requestedAt: string;
        /** Ballots whose voters were sent the retraction so far. */
        readonly ballotsTold: number;
        readonly finishedAt?: string | undefined;
      }
    | undefined;
}

export interface SafetyHoldDetail extends SafetyHoldSummary {
  /** Ballots the batch moved, by the status they had before (`new` for none). */
  readonly from: Partial<Record<BallotStatus | "new", number>>;
  /** The first held ballots: county ballot id and former status only. */
  readonly sample: readonly { readonly ballotId: string; readonly from: BallotStatus | "new" }[];
}

export type DecideOutcome = "decided" | "missing" | SafetyHoldState;
export type CorrectionOutcome = "requested" | "already" | "missing";

const summaryFields = [
  "#state",
  "#n",
  "#t",
  "#ballots",
  "#heldAt",
  "#decidedBy",
  "#decidedAt",
  "#correctionBy",
  "#correctionAt",
  "#correctionBallots",
  "#correctionDone",
] as const;

const isoOf = (ms: string | null | undefined): string | undefined =>
  ms ? new Date(Number(ms)).toISOString() : undefined;

/**
 * The safety hold's Redis side (contracts `batchTally`, `heldForReview`, `safetyHolds`, `safetyHoldJobs`): every key
 * of a county's holds shares the county's hash tag, so each script stays on one Redis Cluster shard. Written by the
 * notifier as it counts a batch's changes and by the API as approvers decide; none of it is derived (a rebuild keeps
 * it).
 */
export class RedisSafetyHolds {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  readonly #tallyTtlMs: number;
  constructor(redis: Redis, keys: RedisKeys, { tallyTtlMs = defaultTallyTtlMs } = {}) {
    this.#redis = redis;
    this.#keys = keys;
    this.#tallyTtlMs = tallyTtlMs;
    redis.defineCommand("safetyHoldTally", { numberOfKeys: 2, lua: tallyScript });
    redis.defineCommand("safetyHoldKeep", { numberOfKeys: 2, lua: keepScript });
    redis.defineCommand("safetyHoldDecide", { numberOfKeys: 3, lua: decideScript });
    redis.defineCommand("safetyHoldCorrect", { numberOfKeys: 2, lua: correctScript });
    // Leased as the quiet-hours queue is.
    redis.defineCommand("safetyHoldLeaseJobs", { numberOfKeys: 1, lua: leaseDueScript });
  }

  #script<Reply>(name: string, ...args: string[]): Promise<Reply> {
    const command = (this.#redis as unknown as Record<string, (...args: string[]) => Promise<Reply>>)[name];
    if (!command) throw new Error(`Redis script ${name} is not defined`);
    return command.call(this.#redis, ...args);
  }

  /** The county's ballots, as its counters have them (superseded ones are not the county's any more). */
  async countyBallots(county: string): Promise<number> {
    const statuses = ballotStatuses.filter((status) => status !== "superseded");
    const counts = await this.#redis.hmget(this.#keys.countyCounts(county), ...statuses.map((status) => `s:${status}`));
    return counts.reduce((sum, count) => sum + Math.max(0, Number(count ?? 0) || 0), 0);
  }

  /**
   * Counts one change of a batch and says what to do with its notice. The threshold is worked out (from the
   * county's counters) only at the batch's first change to the status, and then kept.
   */
  async tally(input: TallyInput): Promise<TallyOutcome> {
    const holdId = holdIdOf(input.batchId, input.status);
    const run = (threshold: string, countyBallots: string) =>
      this.#script<[string, string]>(
        "safetyHoldTally",
        this.#keys.batchTally(input.county, holdId),
        this.#keys.safetyHolds(input.county),
        input.ballotKey,
        threshold,
        countyBallots,
        String(input.nowMs),
        String(this.#tallyTtlMs),
        input.topic,
        input.from ?? "new",
        holdId,
        input.ballotId,
        String(sampleSize),
      );
    let [decision, ordinal] = await run("", "");
    if (decision === "threshold") {
      const countyBallots = await this.countyBallots(input.county);
      [decision, ordinal] = await run(String(input.thresholdOf(countyBallots)), String(countyBallots));
    }
    return { decision: decision as TallyDecision, holdId, ordinal: Number(ordinal) };
  }

  /** Keeps a held change's notice for the approver; the hold's state when it was decided meanwhile. */
  async keep(county: string, holdId: string, notice: Notice): Promise<SafetyHoldState> {
    const state = await this.#script<string>(
      "safetyHoldKeep",
      this.#keys.batchTally(county, holdId),
      this.#keys.heldForReview(county, holdId),
      notice.ballotKey,
      JSON.stringify(notice),
    );
    return (state || "held") as SafetyHoldState;
  }

  /** The county's holds, newest first. */
  async list(county: string, limit: number): Promise<SafetyHoldSummary[]> {
    const ids = await this.#redis.zrevrange(this.#keys.safetyHolds(county), 0, limit - 1);
    const pipeline = this.#redis.pipeline();
    for (const holdId of ids) {
      pipeline.hmget(this.#keys.batchTally(county, holdId), ...summaryFields);
      pipeline.hlen(this.#keys.heldForReview(county, holdId));
    }
    const replies = (await pipeline.exec()) ?? [];
    return ids.flatMap((holdId, index) => {
      const fields = replies[index * 2]?.[1] as (string | null)[] | undefined;
      const notices = Number(replies[index * 2 + 1]?.[1] ?? 0);
      const summary = fields ? summaryOf(county, holdId, fields, notices) : undefined;
      return summary ? [summary] : [];
    });
  }

  async get(county: string, holdId: string): Promise<SafetyHoldDetail | undefined> {
    const tally = this.#keys.batchTally(county, holdId);
    const sampleFields = Array.from({ length: sampleSize }, (_, index) => `#s:${index + 1}`);
    const fromNames = [...ballotStatuses, "new"] as const;
    const [fields, notices, samples, froms] = await Promise.all([
      this.#redis.hmget(tally, ...summaryFields),
      this.#redis.hlen(this.#keys.heldForReview(county, holdId)),
      this.#redis.hmget(tally, ...sampleFields),
      this.#redis.hmget(tally, ...fromNames.map((name) => `#f:${name}`)),
    ]);
    const summary = summaryOf(county, holdId, fields, notices);
    if (!summary) return undefined;
    const from: Partial<Record<BallotStatus | "new", number>> = {};
    fromNames.forEach((name, index) => {
      const count = Number(froms[index] ?? 0);
      if (count > 0) from[name] = count;
    });
    const sample = samples.flatMap((entry) => {
      if (!entry) return [];
      const separator = entry.lastIndexOf("|");
      return [{ ballotId: entry.slice(0, separator), from: entry.slice(separator + 1) as BallotStatus | "new" }];
    });
    return { ...summary, from, sample };
  }

  /** An approver's release (the notifier then sends the notices) or discard (they are dropped now). */
  async decide(
    county: string,
    holdId: string,
    decision: "released" | "discarded",
    who: string,
    nowMs: number,
  ): Promise<DecideOutcome> {
    const outcome = await this.#script<string>(
      "safetyHoldDecide",
      this.#keys.batchTally(county, holdId),
      this.#keys.heldForReview(county, holdId),
      this.#keys.safetyHoldJobs(county),
      decision,
      who,
      String(nowMs),
      `${holdId}|release`,
    );
    return (outcome || "missing") as DecideOutcome;
  }

  /** An approver's request to send the retraction to every voter the batch's wrong status reached. */
  async requestCorrection(county: string, holdId: string, who: string, nowMs: number): Promise<CorrectionOutcome> {
    return (await this.#script<string>(
      "safetyHoldCorrect",
      this.#keys.batchTally(county, holdId),
      this.#keys.safetyHoldJobs(county),
      who,
      String(nowMs),
      `${holdId}|correct`,
    )) as CorrectionOutcome;
  }

  /** Takes up to `limit` due jobs of a county, each for `leaseMs`; one that is not finished comes back after it. */
  async leaseJobs(county: string, nowMs: number, leaseMs: number, limit = 16): Promise<HoldJob[]> {
    const members = await this.#script<string[]>(
      "safetyHoldLeaseJobs",
      this.#keys.safetyHoldJobs(county),
      String(nowMs),
      String(limit),
      String(leaseMs),
    );
    return members.flatMap((member) => {
      const separator = member.lastIndexOf("|");
      const action = member.slice(separator + 1);
      if (action !== "release" && action !== "correct") return [];
      return [{ holdId: member.slice(0, separator), action }];
    });
  }

  /** Makes a leased job due again at once (more to do), or removes it (done). */
  async settleJob(county: string, job: HoldJob, done: boolean, nowMs: number): Promise<void> {
    const member = `${job.holdId}|${job.action}`;
    if (done) await this.#redis.zrem(this.#keys.safetyHoldJobs(county), member);
    else await this.#redis.zadd(this.#keys.safetyHoldJobs(county), "XX", nowMs, member);
  }

  /** Up to about `count` held notices; each is dropped (`dropHeld`) once dealt with. */
  async heldNotices(county: string, holdId: string, count: number): Promise<Notice[]> {
    const key = this.#keys.heldForReview(county, holdId);
    const notices: Notice[] = [];
    let cursor = "0";
    // Dropped fields leave the hash sparse: a page can come back empty before the end.
    do {
      const [next, flat] = await this.#redis.hscan(key, cursor, "COUNT", count);
      for (let index = 1; index < flat.length; index += 2) notices.push(JSON.parse(flat[index] as string) as Notice);
      cursor = next;
    } while (cursor !== "0" && notices.length === 0);
    return notices;
  }

  async dropHeld(county: string, holdId: string, ballotKeys: readonly string[]): Promise<void> {
    if (ballotKeys.length > 0) await this.#redis.hdel(this.#keys.heldForReview(county, holdId), ...ballotKeys);
  }

  /**
   * One page of the ballots a batch moved (ballot key and the topic of the notice it caused), from the correction's
   * saved cursor; `next` is `0` at the end.
   */
  async correctionPage(
    county: string,
    holdId: string,
    count: number,
  ): Promise<{ readonly next: string; readonly ballots: { ballotKey: string; topic: string }[] }> {
    const key = this.#keys.batchTally(county, holdId);
    const cursor = (await this.#redis.hget(key, "#correctionCursor")) ?? "0";
    const [next, flat] = await this.#redis.hscan(key, cursor, "COUNT", count);
    const ballots: { ballotKey: string; topic: string }[] = [];
    for (let index = 0; index + 1 < flat.length; index += 2) {
      const field = flat[index] as string;
      if (field.startsWith("#")) continue;
      const value = flat[index + 1] as string;
      ballots.push({ ballotKey: field, topic: value.slice(value.indexOf("|") + 1) });
    }
    return { next, ballots };
  }

  /** Saves the correction's place after a page, with how many more ballots' voters it told; `0` ends it. */
  async advanceCorrection(county: string, holdId: string, next: string, told: number, nowMs: number): Promise<void> {
    const key = this.#keys.batchTally(county, holdId);
    const pipeline = this.#redis.multi().hset(key, "#correctionCursor", next);
    pipeline.hincrby(key, "#correctionBallots", told);
    if (next === "0") pipeline.hset(key, "#correctionDone", String(nowMs));
    await pipeline.exec();
  }
}

function summaryOf(
  county: string,
  holdId: string,
  fields: readonly (string | null)[],
  heldNotices: number,
): SafetyHoldSummary | undefined {
  const [state, moved, threshold, countyBallots, heldAt, decidedBy, decidedAt, byWhom, requestedAt, told, done] =
    fields;
  if (!state || !(safetyHoldStates as readonly string[]).includes(state)) return undefined;
  const separator = holdId.lastIndexOf(":");
  const movedBallots = Number(moved ?? 0);
  const limit = Number(threshold ?? 0);
  return {
    holdId,
    county,
    batchId: holdId.slice(0, separator),
    status: holdId.slice(separator + 1) as BallotStatus,
    state: state as SafetyHoldState,
    movedBallots,
    threshold: limit,
    countyBallots: Number(countyBallots ?? 0),
    heldBallots: Math.max(0, movedBallots - limit),
    heldNotices,
    heldAt: isoOf(heldAt) ?? "",
    decidedBy: decidedBy ?? undefined,
    decidedAt: isoOf(decidedAt),
    correction: byWhom
      ? {
          requestedBy: byWhom,
          requestedAt: isoOf(requestedAt) ?? "",
          ballotsTold: Number(told ?? 0),
          finishedAt: isoOf(done),
        }
      : undefined,
  };
}
