import type { RedisKeys } from "@ballot/contracts";
import {
  type Channel,
  type ChannelSubscription,
  type ConsentState,
  type CountyNotificationSettings,
  channels,
  consentStates,
  enrollFromRoll,
  isLanguage,
  type Language,
  languageOrEnglish,
  type RollContact,
  type Subscription,
} from "@ballot/core";
import { TransientError } from "@ballot/runtime";
import type { Redis } from "ioredis";
import {
  addressHashOf,
  applyChangeScript,
  type ChannelStanding,
  type CountedSubscription,
  countOperationsOf,
  standingOf,
} from "./subscriber-counts.ts";

const channelField = (channel: Channel) => `ch:${channel}`;
const phoneChannels: ReadonlySet<Channel> = new Set(["sms", "voice"]);

/** The key part of a phone number: a hash, so the key space does not list the numbers. */
export const phoneHashOf = addressHashOf;

function decodeChannel(channel: Channel, raw: string | undefined): ChannelSubscription | undefined {
  if (!raw) return undefined;
  const entry = JSON.parse(raw) as Partial<ChannelSubscription>;
  if (typeof entry.address !== "string" || !consentStates.includes(entry.consent as ConsentState)) return undefined;
  return {
    channel,
    address: entry.address,
    consent: entry.consent as ConsentState,
    source: entry.source === "roll" ? "roll" : "voter",
    updatedAtMs: Number(entry.updatedAtMs ?? 0),
    ...(entry.language && isLanguage(entry.language) ? { language: entry.language } : {}),
    ...(entry.window ? { window: entry.window } : {}),
  };
}

const encodeChannel = ({ channel: _channel, ...entry }: ChannelSubscription): string => JSON.stringify(entry);

export type EnrolOutcome = "enrolled" | "kept" | "not_enrolled";

/** A subscription as loaded for a change, with its hash as it was, so the change is written only over that. */
export interface LoadedSubscription {
  readonly subscription: Subscription | undefined;
  readonly snapshot: Readonly<Record<string, string>>;
}

type Hash = Readonly<Record<string, string>>;
/** A change to a voter's hash: the hash it makes of the current one, or undefined to write nothing. */
type HashChange = (current: Hash) => Record<string, string> | undefined;

const refusedField = (channel: Channel) => `refused:${channel}`;
/** How often a change is made again on a hash that changed meanwhile before giving up (each retry reads afresh). */
const changeAttempts = 20;

/** The hash that stores `subscription`: `current`'s other fields kept, its channels replaced. */
function withSubscription(current: Hash, subscription: Subscription): Record<string, string> {
  const next: Record<string, string> = { ...current, lang: subscription.language };
  for (const channel of channels) {
    const entry = subscription.channels.find((candidate) => candidate.channel === channel);
    if (entry) next[channelField(channel)] = encodeChannel(entry);
    else delete next[channelField(channel)];
  }
  return next;
}

/**
 * Voters' notification subscriptions, one Redis hash per voter id: the language and one field per channel, so that
 * one channel's consent changes without rewriting (or racing) the others. SMS and voice numbers are indexed for
 * inbound texts. Addresses are personal data: they stay in Redis and in messages, never in logs.
 *
 * Every write goes through `#change`, one script that writes the hash only over what it was made from and moves the
 * county's subscriber counts (subscriber-counts.ts) in the same step, so the dashboard's counts never drift.
 */
export class RedisSubscriptionStore {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  constructor(redis: Redis, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
    redis.defineCommand("subscriptionApplyChange", { lua: applyChangeScript });
  }

  /** Many voters' subscription hashes in one pipeline (one round trip), in order. */
  async #hashesOf(voterIds: readonly string[]): Promise<Hash[]> {
    const pipeline = this.#redis.pipeline();
    for (const voterId of voterIds) pipeline.hgetall(this.#keys.subscription(voterId));
    const replies = (await pipeline.exec()) ?? [];
    return voterIds.map((_, index) => {
      const [error, hash] = replies[index] ?? [new Error("no reply")];
      if (error) throw new TransientError("Redis did not return a subscription", { cause: error });
      return hash as Hash;
    });
  }

  /** Many voters' subscriptions in one pipeline (one round trip), in order. */
  async loadMany(voterIds: readonly string[]): Promise<(Subscription | undefined)[]> {
    const hashes = await this.#hashesOf(voterIds);
    return voterIds.map((voterId, index) => this.#decode(voterId, hashes[index] as Hash));
  }

  async load(voterId: string): Promise<Subscription | undefined> {
    const hash = await this.#redis.hgetall(this.#keys.subscription(voterId));
    return this.#decode(voterId, hash);
  }

  #decode(voterId: string, hash: Hash): Subscription | undefined {
    const entries = channels.flatMap((channel) => decodeChannel(channel, hash[channelField(channel)]) ?? []);
    if (entries.length === 0) return undefined;
    return { voterId, language: languageOrEnglish(hash.lang), channels: entries };
  }

  #counted(voterId: string, hash: Hash): CountedSubscription {
    const refused: Partial<Record<Channel, string>> = {};
    for (const channel of channels) {
      const mark = hash[refusedField(channel)];
      if (mark) refused[channel] = mark.split("|")[0] ?? "";
    }
    return { subscription: this.#decode(voterId, hash), refused, county: hash.county || undefined };
  }

  /**
   * Makes `change` of the voter's hash and writes it, with the county's counts, only if the hash is still what the
   * change was made from; otherwise reads again and makes the change again (`snapshot` given: the change is made of
   * it, once, and false says it is stale). The county is the voter's (from the roll), else the one already counted,
   * else `fallbackCounty`. A refusal mark for an address the channel no longer has is dropped.
   */
  async #change(
    voterId: string,
    change: HashChange,
    {
      nowMs,
      snapshot,
      fallbackCounty,
      keepIndexedPhones = false,
    }: { nowMs: number; snapshot?: Hash; fallbackCounty?: string; keepIndexedPhones?: boolean },
  ): Promise<{ written: boolean; after?: Hash }> {
    const key = this.#keys.subscription(voterId);
    for (let attempt = 1; attempt <= changeAttempts; attempt += 1) {
      const [current, voterCounty] = await Promise.all([
        snapshot ?? this.#redis.hgetall(key),
        this.#redis.hget(this.#keys.voter(voterId), "county"),
      ]);
      const proposed = change(current);
      if (!proposed) return { written: false };
      const next = this.#settled(proposed, voterCounty ?? current.county ?? fallbackCounty);
      const before = this.#counted(voterId, current);
      const after = this.#counted(voterId, next);
      const counts = countOperationsOf(this.#keys, voterId, before, after, nowMs);
      const remove = Object.keys(current).filter((field) => !(field in next));
      const set = Object.fromEntries(Object.entries(next).filter(([field, value]) => current[field] !== value));
      if (remove.length === 0 && Object.keys(set).length === 0) return { written: true, after: next };
      const written = await this.#script("subscriptionApplyChange")(
        String(1 + counts.keys.length),
        key,
        ...counts.keys,
        JSON.stringify(current),
        JSON.stringify(set),
        JSON.stringify(remove),
        JSON.stringify(counts.operations),
      );
      if (written === 1) {
        await this.#indexPhones(voterId, before.subscription, after.subscription, keepIndexedPhones);
        return { written: true, after: next };
      }
      if (snapshot) return { written: false };
    }
    throw new TransientError("a voter's alerts kept changing while they were being saved", { context: { voterId } });
  }

  /** The hash as it is stored: counted in `county` while it has a channel; refusal marks only for current addresses. */
  #settled(hash: Record<string, string>, county: string | undefined): Record<string, string> {
    const next = { ...hash };
    const hasChannel = channels.some((channel) => next[channelField(channel)] !== undefined);
    if (county && hasChannel) next.county = county;
    for (const channel of channels) {
      const mark = next[refusedField(channel)];
      if (mark === undefined) continue;
      const entry = decodeChannel(channel, next[channelField(channel)]);
      if (!entry || mark.split("|")[0] !== addressHashOf(entry.address)) delete next[refusedField(channel)];
    }
    return next;
  }

  /** Points the phone index at the voter's numbers; `keepIndexed`: a number indexed to someone else stays theirs. */
  async #indexPhones(
    voterId: string,
    before: Subscription | undefined,
    after: Subscription | undefined,
    keepIndexed: boolean,
  ) {
    const multi = this.#redis.multi();
    for (const entry of before?.channels ?? []) {
      const still = after?.channels.find((candidate) => candidate.channel === entry.channel);
      if (phoneChannels.has(entry.channel) && still?.address !== entry.address) {
        multi.del(this.#keys.subscriberByPhone(phoneHashOf(entry.address)));
      }
    }
    for (const entry of after?.channels ?? []) {
      if (!phoneChannels.has(entry.channel)) continue;
      const key = this.#keys.subscriberByPhone(phoneHashOf(entry.address));
      if (keepIndexed) multi.set(key, voterId, "NX");
      else multi.set(key, voterId);
    }
    await multi.exec();
  }

  #script(name: string): (...args: string[]) => Promise<number> {
    const command = (this.#redis as unknown as Record<string, (...args: string[]) => Promise<number>>)[name];
    if (!command) throw new Error(`Redis script ${name} is not defined`);
    return (...args) => command.call(this.#redis, ...args);
  }

  /** Stores a whole subscription (a voter's own sign-up or change): channels not in it are removed. */
  async save(subscription: Subscription, nowMs = Date.now()): Promise<void> {
    await this.#change(subscription.voterId, (current) => withSubscription(current, subscription), { nowMs });
  }

  /** The subscription and its hash as stored, for `saveIfUnchanged`. */
  async loadForChange(voterId: string): Promise<LoadedSubscription> {
    const snapshot = await this.#redis.hgetall(this.#keys.subscription(voterId));
    return { subscription: this.#decode(voterId, snapshot), snapshot };
  }

  /**
   * Stores a whole subscription like `save`, but only if the voter's hash is still the snapshot `loadForChange` gave:
   * a STOP, YES or unsubscribe that landed in between is never overwritten. False: nothing was written; load again.
   */
  async saveIfUnchanged(
    snapshot: Readonly<Record<string, string>>,
    subscription: Subscription,
    nowMs = Date.now(),
  ): Promise<boolean> {
    const outcome = await this.#change(subscription.voterId, (current) => withSubscription(current, subscription), {
      nowMs,
      snapshot,
    });
    return outcome.written;
  }

  /** Sets one channel's consent; the subscription as it now stands, or undefined when the channel is not there. */
  async setConsent(
    voterId: string,
    channel: Channel,
    consent: ConsentState,
    nowMs: number,
  ): Promise<Subscription | undefined> {
    const outcome = await this.#change(
      voterId,
      (current) => {
        const entry = decodeChannel(channel, current[channelField(channel)]);
        if (!entry) return undefined;
        return { ...current, [channelField(channel)]: encodeChannel({ ...entry, consent, updatedAtMs: nowMs }) };
      },
      { nowMs },
    );
    return outcome.after ? this.#decode(voterId, outcome.after) : undefined;
  }

  /**
   * Records that the provider refused a channel's address for good (a hard bounce, an unknown or landline number):
   * the channel counts as `refused` until the voter gives another address. The refusal is of the address a message
   * went to: `address` when known, otherwise the channel's if it did not change after `sentAtMs` (a bounce reported
   * later). False when the channel is not there or is another address now.
   */
  async markRefused(
    voterId: string,
    channel: Channel,
    reason: string,
    nowMs: number,
    to: { readonly address?: string; readonly sentAtMs?: number } = {},
  ): Promise<boolean> {
    const outcome = await this.#change(
      voterId,
      (current) => {
        const entry = decodeChannel(channel, current[channelField(channel)]);
        if (!entry || (to.address !== undefined && to.address !== entry.address)) return undefined;
        if (to.sentAtMs !== undefined && entry.updatedAtMs > to.sentAtMs) return undefined;
        const mark = `${addressHashOf(entry.address)}|${reason.replaceAll("|", "/").slice(0, 100)}|${nowMs}`;
        return { ...current, [refusedField(channel)]: mark };
      },
      { nowMs },
    );
    return outcome.written;
  }

  /**
   * Counts the voter's subscription in the voter's county as the roll now gives it (the tracker calls this when a
   * voter record arrives, so that a voter who moved is counted in the new county). Nothing for a voter with none.
   */
  async followVoterCounty(voterId: string, nowMs: number): Promise<void> {
    await this.#change(voterId, (current) => (this.#decode(voterId, current) ? { ...current } : undefined), { nowMs });
  }

  /**
   * Auto-enrolment from the county roll, when the county enrols (opt-out): adds the roll's channels that the voter
   * does not have yet. A channel the voter set up, confirmed or opted out of is never touched, so a re-sent roll
   * cannot undo a STOP.
   */
  async enrollFromRoll(contact: RollContact, county: CountyNotificationSettings, nowMs: number): Promise<EnrolOutcome> {
    const enrolled = enrollFromRoll(contact, county, nowMs);
    if (!enrolled) return "not_enrolled";
    const outcome = await this.#change(
      contact.voterId,
      (current) => {
        const missing = enrolled.channels.filter((entry) => current[channelField(entry.channel)] === undefined);
        if (missing.length === 0) return undefined;
        const next: Record<string, string> = { lang: enrolled.language, ...current };
        for (const entry of missing) next[channelField(entry.channel)] = encodeChannel(entry);
        return next;
      },
      { nowMs, fallbackCounty: county.county, keepIndexedPhones: true },
    );
    return outcome.written ? "enrolled" : "kept";
  }

  /** How each of the voters' channels stands (subscriber-counts.ts), in one round trip; none for a voter with none. */
  async standingsOf(
    voterIds: readonly string[],
  ): Promise<{ readonly channel: Channel; readonly standing: ChannelStanding }[][]> {
    const hashes = await this.#hashesOf(voterIds);
    return voterIds.map((voterId, index) => {
      const counted = this.#counted(voterId, hashes[index] as Hash);
      return (counted.subscription?.channels ?? []).map((entry) => ({
        channel: entry.channel,
        standing: standingOf(entry, counted.refused),
      }));
    });
  }

  /** The voter whose SMS or voice channel has this E.164 number. */
  async voterOfPhone(e164: string): Promise<string | undefined> {
    return (await this.#redis.get(this.#keys.subscriberByPhone(phoneHashOf(e164)))) ?? undefined;
  }

  /** The voter's language as stored, for messages to a channel that no longer exists (a STOP reply). */
  async languageOf(voterId: string): Promise<Language> {
    return languageOrEnglish((await this.#redis.hget(this.#keys.subscription(voterId), "lang")) ?? undefined);
  }
}
