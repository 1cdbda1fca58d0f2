import { randomBytes } from "node:crypto";
import type { RedisKeys } from "@ballot/contracts";
import {
  type AudienceFilter,
  type BroadcastKind,
  type BroadcastStatus,
  broadcastKinds,
  broadcastStatuses,
} from "@ballot/core";
import type { Redis } from "ioredis";

/** What a broadcast says and to whom, fixed when it is drafted (a change is a new draft, approved again). */
export interface BroadcastDefinition {
  readonly kind: BroadcastKind;
  readonly variables: Readonly<Record<string, string>>;
  readonly audience: AudienceFilter;
}

/** Where a sending broadcast stands: counted as the notifier works through the audience. */
export interface BroadcastProgress {
  /** Voters of the audience reached so far (one or more messages each). */
  readonly voters: number;
  readonly sent: number;
  /** Messages waiting for the voter's contact window (quiet hours). */
  readonly waiting: number;
  /** Messages refused for good (a bad address, a template that would not render). */
  readonly failed: number;
}

export interface Broadcast extends BroadcastDefinition {
  readonly id: string;
  readonly county: string;
  readonly status: BroadcastStatus;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly approvedBy?: string | undefined;
  readonly approvedAt?: string | undefined;
  readonly sentBy?: string | undefined;
  readonly sendingAt?: string | undefined;
  readonly finishedAt?: string | undefined;
  readonly cancelledBy?: string | undefined;
  readonly cancelledAt?: string | undefined;
  readonly progress: BroadcastProgress;
}

/** The outcome of a step of a broadcast's life: done, or refused with the status it stands at (or not found). */
export type TransitionOutcome =
  | { readonly outcome: "done"; readonly broadcast: Broadcast }
  | { readonly outcome: "not_found" }
  | { readonly outcome: "wrong_status"; readonly status: BroadcastStatus }
  | { readonly outcome: "own_draft" };

// KEYS[1] the broadcast; ARGV[1] the statuses it may move from (comma-separated), ARGV[2] the new status, ARGV[3] a
// name that must not be the drafter's ('' none), ARGV[4..] field, value pairs to set. One step, so that an approval
// and a cancellation (or two approvers) racing each other cannot both win.
const transitionScript = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {'not_found', ''} end
local allowed = false
for from in string.gmatch(ARGV[1], '[^,]+') do if from == status then allowed = true end end
if not allowed then return {'wrong_status', status} end
if ARGV[3] ~= '' and redis.call('HGET', KEYS[1], 'createdBy') == ARGV[3] then return {'own_draft', status} end
redis.call('HSET', KEYS[1], 'status', ARGV[2], unpack(ARGV, 4))
return {'done', status}
`;

// KEYS[1] the sending queue; ARGV[1] now (ms), ARGV[2] the lease (ms). The broadcast due soonest, re-scored to the
// lease's end in the same step: two notifiers never take the same one.
const leaseDueScript = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 1)
if #due == 0 then return false end
redis.call('ZADD', KEYS[1], 'XX', tonumber(ARGV[1]) + tonumber(ARGV[2]), due[1])
return due[1]
`;

const iso = (ms: string | undefined) => (ms ? new Date(Number(ms)).toISOString() : undefined);

function broadcastOf(county: string, id: string, hash: Record<string, string>): Broadcast | undefined {
  if (!hash.status || !hash.definition) return undefined;
  const definition = JSON.parse(hash.definition) as BroadcastDefinition;
  if (!broadcastKinds.includes(definition.kind)) return undefined;
  const status = broadcastStatuses.find((candidate) => candidate === hash.status);
  if (!status) return undefined;
  const count = (field: string) => Number(hash[field] ?? "0");
  return {
    id,
    county,
    ...definition,
    status,
    createdBy: hash.createdBy ?? "",
    createdAt: iso(hash.createdAtMs) ?? "",
    approvedBy: hash.approvedBy,
    approvedAt: iso(hash.approvedAtMs),
    sentBy: hash.sentBy,
    sendingAt: iso(hash.sendingAtMs),
    finishedAt: iso(hash.finishedAtMs),
    cancelledBy: hash.cancelledBy,
    cancelledAt: iso(hash.cancelledAtMs),
    progress: {
      voters: count("n:voters"),
      sent: count("n:sent"),
      waiting: count("n:waiting"),
      failed: count("n:failed"),
    },
  };
}

export const broadcastIdPattern = /^b[0-9a-z]{8,24}$/;

/** Where the notifier is in a sending broadcast's audience. */
export interface SendingState {
  /** ZSCAN cursor of the county's reachable voters; "0" before the first page and after the last. */
  readonly cursor: string;
  /** Whether the audience has been walked to its end (only waiting messages may remain). */
  readonly walked: boolean;
  /** Voters reached in the first stage so far; the pause comes once it reaches the stage's size. */
  readonly firstStageVoters: number;
  readonly firstStageDone: boolean;
}

/**
 * Staff broadcasts of each county, one hash each (definition as JSON, the life's who and when, progress counters),
 * listed per county by draft time. Not derived from the event stream: a rebuild keeps them.
 */
export class RedisBroadcastStore {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  constructor(redis: Redis, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
    redis.defineCommand("broadcastTransition", { numberOfKeys: 1, lua: transitionScript });
    redis.defineCommand("broadcastLeaseDue", { numberOfKeys: 1, lua: leaseDueScript });
  }

  #script<Reply>(name: string): (...args: string[]) => Promise<Reply> {
    const command = (this.#redis as unknown as Record<string, (...args: string[]) => Promise<Reply>>)[name];
    if (!command) throw new Error(`Redis script ${name} is not defined`);
    return (...args) => command.call(this.#redis, ...args);
  }

  async create(county: string, definition: BroadcastDefinition, createdBy: string, nowMs: number): Promise<Broadcast> {
    const id = `b${nowMs.toString(36)}${randomBytes(5).toString("hex")}`;
    await this.#redis
      .multi()
      .hset(this.#keys.broadcast(county, id), {
        definition: JSON.stringify(definition),
        status: "draft",
        createdBy,
        createdAtMs: String(nowMs),
      })
      .zadd(this.#keys.broadcasts(county), nowMs, id)
      .exec();
    return (await this.get(county, id)) as Broadcast;
  }

  async get(county: string, id: string): Promise<Broadcast | undefined> {
    if (!broadcastIdPattern.test(id)) return undefined;
    return broadcastOf(county, id, await this.#redis.hgetall(this.#keys.broadcast(county, id)));
  }

  /** The county's broadcasts, newest first. */
  async list(county: string, limit: number): Promise<Broadcast[]> {
    const ids = await this.#redis.zrevrange(this.#keys.broadcasts(county), 0, limit - 1);
    const found = await Promise.all(ids.map((id) => this.get(county, id)));
    return found.filter((broadcast): broadcast is Broadcast => broadcast !== undefined);
  }

  async #transition(
    county: string,
    id: string,
    from: readonly BroadcastStatus[],
    to: BroadcastStatus,
    notBy: string,
    fields: Record<string, string>,
  ): Promise<TransitionOutcome> {
    if (!broadcastIdPattern.test(id)) return { outcome: "not_found" };
    const [outcome, status] = await this.#script<[string, string]>("broadcastTransition")(
      this.#keys.broadcast(county, id),
      from.join(","),
      to,
      notBy,
      ...Object.entries(fields).flat(),
    );
    if (outcome === "not_found") return { outcome };
    if (outcome === "own_draft") return { outcome };
    if (outcome === "wrong_status") return { outcome, status: status as BroadcastStatus };
    return { outcome: "done", broadcast: (await this.get(county, id)) as Broadcast };
  }

  /** Draft to approved, by someone other than the drafter (a second person's approval). */
  approve(county: string, id: string, approvedBy: string, nowMs: number): Promise<TransitionOutcome> {
    return this.#transition(county, id, ["draft"], "approved", approvedBy, {
      approvedBy,
      approvedAtMs: String(nowMs),
    });
  }

  /**
   * Approved to sending: the notifier picks it up from the sending queue (added first, so that a crash in between
   * leaves a queue entry the notifier drops, never a sending broadcast nobody sends).
   */
  async startSending(county: string, id: string, sentBy: string, nowMs: number): Promise<TransitionOutcome> {
    if (!broadcastIdPattern.test(id)) return { outcome: "not_found" };
    const member = `${county}|${id}`;
    await this.#redis.zadd(this.#keys.broadcastsSending(), "NX", nowMs, member);
    const outcome = await this.#transition(county, id, ["approved"], "sending", "", {
      sentBy,
      sendingAtMs: String(nowMs),
      cursor: "0",
    });
    if (outcome.outcome !== "done" && !(outcome.outcome === "wrong_status" && outcome.status === "sending")) {
      await this.#redis.zrem(this.#keys.broadcastsSending(), member);
    }
    return outcome;
  }

  /**
   * The kill switch: a draft, approved or sending broadcast is cancelled at once. The notifier checks before every
   * batch, so no further message goes out; those already sent stay recorded (and counted) as they were.
   */
  cancel(county: string, id: string, cancelledBy: string, nowMs: number): Promise<TransitionOutcome> {
    return this.#transition(county, id, ["draft", "approved", "sending"], "cancelled", "", {
      cancelledBy,
      cancelledAtMs: String(nowMs),
    });
  }

  /** Sending to sent, once the audience is walked and nothing waits. */
  finish(county: string, id: string, nowMs: number): Promise<TransitionOutcome> {
    return this.#transition(county, id, ["sending"], "sent", "", { finishedAtMs: String(nowMs) });
  }

  async sendingState(county: string, id: string): Promise<SendingState> {
    const [cursor, walked, firstStageVoters, firstStageDone] = await this.#redis.hmget(
      this.#keys.broadcast(county, id),
      "cursor",
      "walked",
      "firstStageVoters",
      "firstStageDone",
    );
    return {
      cursor: cursor ?? "0",
      walked: walked === "1",
      firstStageVoters: Number(firstStageVoters ?? "0"),
      firstStageDone: firstStageDone === "1",
    };
  }

  /** Records a walked page: the next cursor and what it sent, counted in the same step. */
  async recordPage(
    county: string,
    id: string,
    page: {
      readonly cursor: string;
      readonly walked: boolean;
      readonly voters: number;
      readonly sent: number;
      readonly waiting: number;
      readonly failed: number;
      readonly firstStageVoters?: number;
      readonly firstStageDone?: boolean;
    },
  ): Promise<void> {
    const key = this.#keys.broadcast(county, id);
    const multi = this.#redis.multi();
    multi.hset(key, "cursor", page.cursor, "walked", page.walked ? "1" : "0");
    if (page.firstStageVoters !== undefined) multi.hset(key, "firstStageVoters", String(page.firstStageVoters));
    if (page.firstStageDone) multi.hset(key, "firstStageDone", "1");
    for (const [field, delta] of [
      ["n:voters", page.voters],
      ["n:sent", page.sent],
      ["n:waiting", page.waiting],
      ["n:failed", page.failed],
    ] as const) {
      if (delta !== 0) multi.hincrby(key, field, delta);
    }
    await multi.exec();
  }

  /** Adds to the counters alone (a waiting message sent or dropped). */
  async count(county: string, id: string, deltas: Partial<Record<"sent" | "waiting" | "failed", number>>) {
    const multi = this.#redis.multi();
    for (const [field, delta] of Object.entries(deltas)) {
      if (delta) multi.hincrby(this.#keys.broadcast(county, id), `n:${field}`, delta);
    }
    await multi.exec();
  }

  /**
   * Takes the sending broadcast due soonest (if any is due), leased for `leaseMs` by moving its score, so that two
   * notifiers never work on one and one that dies leaves it to come back.
   */
  async leaseDue(nowMs: number, leaseMs: number): Promise<{ county: string; id: string } | undefined> {
    const member = await this.#script<string | null>("broadcastLeaseDue")(
      this.#keys.broadcastsSending(),
      String(nowMs),
      String(leaseMs),
    );
    if (!member) return undefined;
    const [county = "", id = ""] = member.split("|");
    return { county, id };
  }

  /** When the notifier works on it next (a pause between stages, the next batch, a waiting message). */
  async scheduleNext(county: string, id: string, atMs: number): Promise<void> {
    await this.#redis.zadd(this.#keys.broadcastsSending(), "XX", atMs, `${county}|${id}`);
  }

  async stopSending(county: string, id: string): Promise<void> {
    await this.#redis.zrem(this.#keys.broadcastsSending(), `${county}|${id}`);
  }

  /** Holds one message for the voter's contact window. False when it was waiting already. */
  async wait(county: string, id: string, voterId: string, channel: string, sendAtMs: number): Promise<boolean> {
    const added = await this.#redis.zadd(
      this.#keys.broadcastWaiting(county, id),
      "NX",
      sendAtMs,
      `${voterId}|${channel}`,
    );
    return added === 1;
  }

  /** Waiting messages whose window has opened, up to `limit`. */
  async dueWaiting(
    county: string,
    id: string,
    nowMs: number,
    limit: number,
  ): Promise<{ voterId: string; channel: string }[]> {
    const members = await this.#redis.zrangebyscore(
      this.#keys.broadcastWaiting(county, id),
      "-inf",
      nowMs,
      "LIMIT",
      0,
      limit,
    );
    return members.map((member) => {
      const [voterId = "", channel = ""] = member.split("|");
      return { voterId, channel };
    });
  }

  async dropWaiting(county: string, id: string, voterId: string, channel: string): Promise<void> {
    await this.#redis.zrem(this.#keys.broadcastWaiting(county, id), `${voterId}|${channel}`);
  }

  /** When the next waiting message is due; undefined when none waits. */
  async nextWaitingAtMs(county: string, id: string): Promise<number | undefined> {
    const [, score] = await this.#redis.zrangebyscore(
      this.#keys.broadcastWaiting(county, id),
      "-inf",
      "+inf",
      "WITHSCORES",
      "LIMIT",
      0,
      1,
    );
    return score === undefined ? undefined : Number(score);
  }
}
