import { dashboardDayOf, type RedisKeys } from "@ballot/contracts";
import type { Redis } from "ioredis";

/** What one batch of a feed came to, as ingest counts it. */
export interface FeedBatchCounts {
  readonly accepted: number;
  readonly duplicate: number;
  readonly rejected: number;
  readonly foreign: number;
  /** The rejections' reasons, one per rejected record (or the first ones). */
  readonly reasons: readonly string[];
}

/** One source's health on the dashboard. */
export interface FeedHealth {
  readonly source: string;
  /** When its last record came (ISO), if ever. */
  readonly lastRecordAt: string | undefined;
  /** Receipt minus the newest event time of its last batch with times (scans), in ms. */
  readonly lagMs: number | undefined;
  readonly today: { records: number; accepted: number; duplicate: number; foreign: number; rejected: number };
  /** Today's rejections by reason, the most frequent first. */
  readonly rejectedReasons: { reason: string; count: number }[];
}

const reasonMaxLength = 80;

/**
 * A reason as the counters keep it: quoted parts (a value from the record) left out, so no record's content lands
 * in a field name, and cut short.
 */
export const reasonKeyOf = (reason: string): string =>
  reason
    .replace(/"[^"]*"|'[^']*'/g, "…")
    .replace(/[\r\n]+/g, " ")
    .slice(0, reasonMaxLength);

/**
 * Per-source feed counters for the officials' dashboard (records, rejections by reason, last record, lag), kept
 * by ingest as each batch is published: one pipelined round trip per batch.
 */
export class RedisFeedHealth {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  constructor(redis: Redis, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  async record(source: string, counts: FeedBatchCounts, receivedAtMs: number, newestEventMs?: number): Promise<void> {
    const key = this.#keys.feedHealth(source);
    const day = dashboardDayOf(receivedAtMs);
    const records = counts.accepted + counts.duplicate + counts.rejected + counts.foreign;
    const pipeline = this.#redis.pipeline().sadd(this.#keys.feedSources(), source);
    pipeline.hincrby(key, `d:${day}:records`, records);
    for (const outcome of ["accepted", "duplicate", "foreign", "rejected"] as const) {
      if (counts[outcome] > 0) pipeline.hincrby(key, `d:${day}:${outcome}`, counts[outcome]);
    }
    const byReason = new Map<string, number>();
    for (const reason of counts.reasons)
      byReason.set(reasonKeyOf(reason), (byReason.get(reasonKeyOf(reason)) ?? 0) + 1);
    // Rejections beyond the reported reasons are counted under one line, so the reasons add up to the rejected.
    const unreported = counts.rejected - counts.reasons.length;
    if (unreported > 0) byReason.set("(more of the batch's rejections)", unreported);
    for (const [reason, count] of byReason) pipeline.hincrby(key, `r:${day}:${reason}`, count);
    if (records > 0) pipeline.hset(key, "last", String(receivedAtMs));
    if (newestEventMs !== undefined) pipeline.hset(key, "lagMs", String(Math.max(0, receivedAtMs - newestEventMs)));
    for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
  }

  /** The sources ingest has had batches from, sorted. */
  async sources(): Promise<string[]> {
    return (await this.#redis.smembers(this.#keys.feedSources())).sort();
  }

  /** The health of each source on `nowMs`'s day, in one round trip. */
  async read(sources: readonly string[], nowMs: number): Promise<FeedHealth[]> {
    const pipeline = this.#redis.pipeline();
    for (const source of sources) pipeline.hgetall(this.#keys.feedHealth(source));
    const replies = (await pipeline.exec()) ?? [];
    const day = dashboardDayOf(nowMs);
    return sources.map((source, index) => {
      const [error, reply] = replies[index] ?? [new Error("no reply")];
      if (error) throw error;
      const hash = reply as Record<string, string>;
      const count = (outcome: string) => Number(hash[`d:${day}:${outcome}`] ?? 0);
      const reasonPrefix = `r:${day}:`;
      const rejectedReasons = Object.entries(hash)
        .filter(([field]) => field.startsWith(reasonPrefix))
        .map(([field, value]) => ({ reason: field.slice(reasonPrefix.length), count: Number(value) }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
      return {
        source,
        lastRecordAt: hash.last ? new Date(Number(hash.last)).toISOString() : undefined,
        lagMs: hash.lagMs === undefined ? undefined : Number(hash.lagMs),
        today: {
          records: count("records"),
          accepted: count("accepted"),
          duplicate: count("duplicate"),
          foreign: count("foreign"),
          rejected: count("rejected"),
        },
        rejectedReasons,
      };
    });
  }
}
