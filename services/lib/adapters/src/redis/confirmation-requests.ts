import type { RedisKeys } from "@ballot/contracts";
import { type Channel, channels } from "@ballot/core";
import type { Redis } from "ioredis";

export interface ConfirmationRequest {
  readonly voterId: string;
  readonly channel: Channel;
  readonly requestedAtMs: number;
}

const memberOf = (voterId: string, channel: Channel): string => `${voterId}|${channel}`;

function decodeMember(member: string, score: string): ConfirmationRequest | undefined {
  const separator = member.lastIndexOf("|");
  const channel = member.slice(separator + 1) as Channel;
  if (separator <= 0 || !channels.includes(channel)) return undefined;
  return { voterId: member.slice(0, separator), channel, requestedAtMs: Number(score) };
}

/**
 * Channels that need a confirmation request sent (a voter signed up or changed an address on the site): the API
 * records them, the notifier sends them through the same path as its other confirmation requests and marks them
 * done. One member per (voter, channel), so a voter saving twice asks once; the first request's time is kept.
 */
export class RedisConfirmationRequests {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  constructor(redis: Redis, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  async request(voterId: string, channel: Channel, nowMs: number): Promise<void> {
    await this.#redis.zadd(this.#keys.confirmationRequests(), "NX", nowMs, memberOf(voterId, channel));
  }

  /** The oldest requests made up to `nowMs`, at most `limit` of them. */
  async due(nowMs: number, limit = 100): Promise<ConfirmationRequest[]> {
    const flat = await this.#redis.zrangebyscore(
      this.#keys.confirmationRequests(),
      "-inf",
      nowMs,
      "WITHSCORES",
      "LIMIT",
      0,
      limit,
    );
    const requests: ConfirmationRequest[] = [];
    for (let index = 0; index + 1 < flat.length; index += 2) {
      const decoded = decodeMember(flat[index] as string, flat[index + 1] as string);
      if (decoded) requests.push(decoded);
    }
    return requests;
  }

  /** The request was sent, or is no longer needed (the channel was confirmed, removed or opted out). */
  async done(voterId: string, channel: Channel): Promise<void> {
    await this.#redis.zrem(this.#keys.confirmationRequests(), memberOf(voterId, channel));
  }
}

/** A voter's previous contact, to be told that alerts now go to a new one (DESIGN.md, Notifications). */
export interface ContactChangeNotice {
  readonly voterId: string;
  readonly channel: "email" | "sms";
  /** The address alerts went to before. */
  readonly address: string;
  readonly language: string;
  readonly changedAtMs: number;
}

/**
 * Notices to previous contacts: the API records one when a voter replaces a confirmed email or phone, the notifier
 * sends it (inside the contact window) and removes it, so the old address is not kept after that.
 */
export class RedisContactChangeNotices {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  constructor(redis: Redis, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  async record(notice: ContactChangeNotice): Promise<void> {
    const member = JSON.stringify([
      notice.voterId,
      notice.channel,
      notice.address,
      notice.language,
      notice.changedAtMs,
    ]);
    await this.#redis.zadd(this.#keys.contactChangeNotices(), "NX", notice.changedAtMs, member);
  }

  /** The notices due by `nowMs`, oldest first, each with the member to pass back to `done` or `postpone`. */
  async due(nowMs: number, limit = 100): Promise<{ member: string; notice: ContactChangeNotice }[]> {
    const members = await this.#redis.zrangebyscore(
      this.#keys.contactChangeNotices(),
      "-inf",
      nowMs,
      "LIMIT",
      0,
      limit,
    );
    const found: { member: string; notice: ContactChangeNotice }[] = [];
    for (const member of members) {
      const [voterId, channel, address, language, changedAtMs] = JSON.parse(member) as [
        string,
        "email" | "sms",
        string,
        string,
        number,
      ];
      found.push({ member, notice: { voterId, channel, address, language, changedAtMs } });
    }
    return found;
  }

  async postpone(member: string, untilMs: number): Promise<void> {
    await this.#redis.zadd(this.#keys.contactChangeNotices(), "XX", untilMs, member);
  }

  async done(member: string): Promise<void> {
    await this.#redis.zrem(this.#keys.contactChangeNotices(), member);
  }
}
