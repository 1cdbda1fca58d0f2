import { dashboardDayOf, type RedisKeys } from "@ballot/contracts";
import type { PlannedMessage } from "@ballot/core";
import type { Redis } from "ioredis";

/** Where one message stands: claimed for sending, sent, dead-lettered, or folded into a newer one. */
export type NotificationState = "claimed" | "retry" | "sent" | "dead" | "folded";

export type ClaimOutcome =
  /** Ours to send; `attempts` > 1 means an earlier attempt may have reached the provider (same idempotency key). */
  | { readonly outcome: "claimed"; readonly attempts: number }
  /** Already sent, dead-lettered or folded: nothing to do. */
  | { readonly outcome: "done"; readonly state: "sent" | "dead" | "folded" }
  /** Another sender holds it until `leaseUntilMs`: try again later. */
  | { readonly outcome: "busy"; readonly leaseUntilMs: number };

export interface NotificationRecord {
  readonly state: NotificationState;
  readonly attempts: number;
  readonly provider?: string | undefined;
  readonly providerMessageId?: string | undefined;
  readonly sentAtMs?: number | undefined;
  readonly reason?: string | undefined;
  readonly deliveryStatus?: string | undefined;
  readonly deliveryAtMs?: number | undefined;
  readonly deliveryErrorCode?: string | undefined;
  readonly foldedInto?: string | undefined;
}

// KEYS[1] record; ARGV[1] now (ms); ARGV[2] lease (ms); ARGV[3] how long the record is kept (ms). The claim happens
// before the provider call: a message is sent by one holder at a time, and never again once it is marked sent.
const claimScript = `
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'sent' or state == 'dead' or state == 'folded' then return {state, '0'} end
if state == 'claimed' then
  local lease = tonumber(redis.call('HGET', KEYS[1], 'leaseUntilMs') or '0')
  if lease > tonumber(ARGV[1]) then return {'busy', tostring(lease)} end
end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
redis.call('HSET', KEYS[1], 'state', 'claimed', 'leaseUntilMs', tostring(tonumber(ARGV[1]) + tonumber(ARGV[2])))
if attempts == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {'claimed', tostring(attempts)}
`;

// KEYS[1] record; ARGV[1] the state to move a claim to; ARGV[2..] field, value pairs. Only a claim moves.
const settleScript = `
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'sent' or state == 'dead' or state == 'folded' then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'leaseUntilMs', '0', unpack(ARGV, 2))
return 1
`;

// KEYS[1] record, KEYS[2] the county's message counts; ARGV[1] the state, ARGV[2] the count field, ARGV[3..] field,
// value pairs. As settleScript, and the move is counted in the same step: once per message, however often retried.
const settleAndCountScript = `
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'sent' or state == 'dead' or state == 'folded' then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'leaseUntilMs', '0', unpack(ARGV, 3))
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
return 1
`;

// KEYS[1] record, KEYS[2] the county's message counts; ARGV[1] the delivery count field it had ('' none), ARGV[2]
// the new one. A webhook repeated or out of order moves the count once: from what was counted to what is now true.
const countDeliveryScript = `
local counted = redis.call('HGET', KEYS[1], 'deliveryCounted') or ''
if counted ~= ARGV[1] or counted == ARGV[2] then return 0 end
if counted ~= '' then redis.call('HINCRBY', KEYS[2], counted, -1) end
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
redis.call('HSET', KEYS[1], 'deliveryCounted', ARGV[2])
return 1
`;

/** A provider's delivery status as the dashboard counts it: delivered, failed, or not final yet (undefined). */
export function deliveryOutcomeOf(status: string): "delivered" | "failed" | undefined {
  // Twilio: texts `delivered`/`undelivered`/`failed`, calls `completed`/`busy`/`no-answer`/`canceled`/`failed`;
  // Resend's events as the handlers name them (`delivered`, `bounced`, `failed`).
  if (status === "delivered" || status === "completed") return "delivered";
  if (["failed", "undelivered", "bounced", "busy", "no-answer", "canceled"].includes(status)) return "failed";
  return undefined;
}

/** Which county's counts a settled message goes to, and on which channel. */
export interface MessageCountScope {
  readonly county: string;
  readonly channel: string;
}

/**
 * The dedupe record of every message (DESIGN.md: one notification per ballot, milestone and channel, even when a
 * processor dies mid-send), and what the providers' delivery webhooks say about it.
 */
export class RedisNotificationLog {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  readonly #retentionMs: number;
  /**
   * `retentionMs`: how long a record (and a provider id's mapping) is kept, so that a redelivery or a late webhook
   * still finds it; by default an election cycle's worth of notices, 120 days, not forever.
   */
  constructor(redis: Redis, keys: RedisKeys, retentionMs = 120 * 86_400_000) {
    this.#redis = redis;
    this.#keys = keys;
    this.#retentionMs = retentionMs;
    redis.defineCommand("notificationClaim", { numberOfKeys: 1, lua: claimScript });
    redis.defineCommand("notificationSettle", { numberOfKeys: 1, lua: settleScript });
    redis.defineCommand("notificationSettleAndCount", { numberOfKeys: 2, lua: settleAndCountScript });
    redis.defineCommand("notificationCountDelivery", { numberOfKeys: 2, lua: countDeliveryScript });
  }

  #script<Reply>(name: string, ...args: string[]): Promise<Reply> {
    const command = (this.#redis as unknown as Record<string, (...args: string[]) => Promise<Reply>>)[name];
    if (!command) throw new Error(`Redis script ${name} is not defined`);
    return command.call(this.#redis, ...args);
  }

  async claim(messageId: string, nowMs: number, leaseMs: number): Promise<ClaimOutcome> {
    const [outcome, value] = await this.#script<[string, string]>(
      "notificationClaim",
      this.#keys.notification(messageId),
      String(nowMs),
      String(leaseMs),
      String(this.#retentionMs),
    );
    if (outcome === "claimed") return { outcome, attempts: Number(value) };
    if (outcome === "busy") return { outcome, leaseUntilMs: Number(value) };
    return { outcome: "done", state: outcome as "sent" | "dead" | "folded" };
  }

  /** After a transient failure: the claim is given up so that the retry can take it at once. */
  async release(messageId: string, reason: string): Promise<void> {
    await this.#script("notificationSettle", this.#keys.notification(messageId), "retry", "reason", reason);
  }

  /**
   * Settles a claim; with `countAs`, counted in the county's message counts (`outcome` on the day of `nowMs`) in the
   * same step, and the record remembers county and channel for the delivery webhooks' counts.
   */
  #settle(
    messageId: string,
    state: "sent" | "dead",
    nowMs: number,
    countAs: MessageCountScope | undefined,
    fields: readonly string[],
  ): Promise<unknown> {
    if (!countAs) return this.#script("notificationSettle", this.#keys.notification(messageId), state, ...fields);
    return this.#script(
      "notificationSettleAndCount",
      this.#keys.notification(messageId),
      this.#keys.messageCounts(countAs.county),
      state,
      `${dashboardDayOf(nowMs)}:${countAs.channel}:${state}`,
      ...fields,
      "county",
      countAs.county,
      "channel",
      countAs.channel,
    );
  }

  /** Marks the message sent, with whose it is, so a complaint webhook can opt the voter out. */
  async markSent(
    messageId: string,
    receipt: { readonly provider: string; readonly providerMessageId: string },
    voterId: string,
    nowMs: number,
    countAs?: MessageCountScope,
  ): Promise<void> {
    const { provider, providerMessageId } = receipt;
    await Promise.all([
      this.#settle(messageId, "sent", nowMs, countAs, [
        "provider",
        provider,
        "providerMessageId",
        providerMessageId,
        "voterId",
        voterId,
        "sentAtMs",
        String(nowMs),
      ]),
      this.#redis.set(this.#keys.providerMessage(provider, providerMessageId), messageId, "PX", this.#retentionMs),
    ]);
  }

  /** A permanent failure: never tried again. */
  async markDead(messageId: string, reason: string, nowMs: number, countAs?: MessageCountScope): Promise<void> {
    await this.#settle(messageId, "dead", nowMs, countAs, ["reason", reason, "deadAtMs", String(nowMs)]);
  }

  /** A held message a newer one made obsolete: its news went out with `intoMessageId`. */
  async markFolded(messageId: string, intoMessageId: string): Promise<void> {
    await this.#script("notificationSettle", this.#keys.notification(messageId), "folded", "foldedInto", intoMessageId);
  }

  /** Records a delivery webhook's status on the message it is about; undefined when the message is not ours. */
  async recordDelivery(
    provider: string,
    providerMessageId: string,
    status: string,
    atMs: number,
    errorCode?: string,
  ): Promise<string | undefined> {
    const messageId = await this.#redis.get(this.#keys.providerMessage(provider, providerMessageId));
    if (!messageId) return undefined;
    const record = this.#keys.notification(messageId);
    await this.#redis.hset(record, {
      deliveryStatus: status,
      deliveryAtMs: String(atMs),
      ...(errorCode ? { deliveryErrorCode: errorCode } : {}),
    });
    const outcome = deliveryOutcomeOf(status);
    if (outcome) {
      const [county, channel, counted, sentAt] = await this.#redis.hmget(
        record,
        "county",
        "channel",
        "deliveryCounted",
        "sentAtMs",
      );
      // Counted on the day the message was sent, so that a day's sent, delivered and failed add up.
      const sentAtMs = sentAt ? Number(sentAt) : atMs;
      if (county && channel) {
        await this.#script(
          "notificationCountDelivery",
          record,
          this.#keys.messageCounts(county),
          counted ?? "",
          `${dashboardDayOf(sentAtMs)}:${channel}:${outcome}`,
        );
      }
    }
    return messageId;
  }

  async get(messageId: string): Promise<NotificationRecord | undefined> {
    const hash = await this.#redis.hgetall(this.#keys.notification(messageId));
    if (!hash.state) return undefined;
    const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
    return {
      state: hash.state as NotificationState,
      attempts: Number(hash.attempts ?? 0),
      provider: hash.provider,
      providerMessageId: hash.providerMessageId,
      sentAtMs: number(hash.sentAtMs),
      reason: hash.reason,
      deliveryStatus: hash.deliveryStatus,
      deliveryAtMs: number(hash.deliveryAtMs),
      deliveryErrorCode: hash.deliveryErrorCode,
      foldedInto: hash.foldedInto,
    };
  }
}

// KEYS[1] a queue scored by when due (the held queue; the safety holds' jobs); ARGV[1] now (ms); ARGV[2] limit;
// ARGV[3] lease (ms). Due members are re-scored to now + lease in the same step, so two notifiers never take the same
// one, and one that dies leaves it to come back.
export const leaseDueScript = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local untilMs = tonumber(ARGV[1]) + tonumber(ARGV[3])
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', untilMs, member) end
return due
`;

/** Messages held for quiet hours: a queue scored by release time, and per ballot the messages themselves. */
export class RedisHeldMessages {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  constructor(redis: Redis, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
    redis.defineCommand("heldLeaseDue", { numberOfKeys: 1, lua: leaseDueScript });
  }

  async hold(message: PlannedMessage): Promise<void> {
    await this.#redis
      .multi()
      .hset(this.#keys.heldOfBallot(message.ballotKey), message.messageId, JSON.stringify(message))
      .zadd(this.#keys.heldQueue(), message.sendAtMs, `${message.ballotKey}|${message.messageId}`)
      .exec();
  }

  async heldOf(ballotKey: string): Promise<PlannedMessage[]> {
    const hash = await this.#redis.hgetall(this.#keys.heldOfBallot(ballotKey));
    return Object.values(hash).map((raw) => JSON.parse(raw) as PlannedMessage);
  }

  async drop(ballotKey: string, messageId: string): Promise<void> {
    await Promise.all([
      this.#redis.hdel(this.#keys.heldOfBallot(ballotKey), messageId),
      this.#redis.zrem(this.#keys.heldQueue(), `${ballotKey}|${messageId}`),
    ]);
  }

  /** Takes up to `limit` messages whose time has come, each for `leaseMs`; drop each once it is dealt with. */
  async leaseDue(nowMs: number, limit: number, leaseMs: number): Promise<PlannedMessage[]> {
    const command = (this.#redis as unknown as Record<string, (...args: string[]) => Promise<string[]>>).heldLeaseDue;
    if (!command) throw new Error("Redis script heldLeaseDue is not defined");
    const members = await command.call(
      this.#redis,
      this.#keys.heldQueue(),
      String(nowMs),
      String(limit),
      String(leaseMs),
    );
    const due: PlannedMessage[] = [];
    for (const member of members) {
      const [ballotKey = "", messageId = ""] = member.split("|");
      const raw = await this.#redis.hget(this.#keys.heldOfBallot(ballotKey), messageId);
      if (raw) due.push(JSON.parse(raw) as PlannedMessage);
      else await this.#redis.zrem(this.#keys.heldQueue(), member);
    }
    return due;
  }

  /** How many messages wait, for progress lines and tests. */
  count(): Promise<number> {
    return this.#redis.zcard(this.#keys.heldQueue());
  }
}
