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
