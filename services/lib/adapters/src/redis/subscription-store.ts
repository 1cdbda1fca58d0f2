import { createHash } from "node:crypto";
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
import type { Redis } from "ioredis";

const channelField = (channel: Channel) => `ch:${channel}`;
const phoneChannels: ReadonlySet<Channel> = new Set(["sms", "voice"]);

/** The key part of a phone number: a hash, so the key space does not list the numbers. */
export const phoneHashOf = (e164: string): string => createHash("sha256").update(e164).digest("hex").slice(0, 32);

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

/**
 * Writes a voter's hash only if it is still exactly the snapshot (ARGV[1], JSON object): ARGV[2] holds the fields to
 * set (JSON object), ARGV[3] those to delete (JSON array). 1 when written, 0 when the hash changed meanwhile.
 */
const saveIfUnchangedScript = `
local expected = cjson.decode(ARGV[1])
local current = redis.call('HGETALL', KEYS[1])
local seen = 0
for index = 1, #current, 2 do
  if expected[current[index]] ~= current[index + 1] then return 0 end
  seen = seen + 1
end
local count = 0
for _ in pairs(expected) do count = count + 1 end
if count ~= seen then return 0 end
for field, value in pairs(cjson.decode(ARGV[2])) do redis.call('HSET', KEYS[1], field, value) end
for _, field in ipairs(cjson.decode(ARGV[3])) do redis.call('HDEL', KEYS[1], field) end
return 1
`;

/**
 * Voters' notification subscriptions, one Redis hash per voter id: the language and one field per channel, so that
 * one channel's consent changes without rewriting (or racing) the others. SMS and voice numbers are indexed for
 * inbound texts. Addresses are personal data: they stay in Redis and in messages, never in logs.
 */
export class RedisSubscriptionStore {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  constructor(redis: Redis, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
    redis.defineCommand("subscriptionSaveIfUnchanged", { numberOfKeys: 1, lua: saveIfUnchangedScript });
  }

  async load(voterId: string): Promise<Subscription | undefined> {
    const hash = await this.#redis.hgetall(this.#keys.subscription(voterId));
    return this.#decode(voterId, hash);
  }

  #decode(voterId: string, hash: Record<string, string>): Subscription | undefined {
    const entries = channels.flatMap((channel) => decodeChannel(channel, hash[channelField(channel)]) ?? []);
    if (entries.length === 0) return undefined;
    return { voterId, language: languageOrEnglish(hash.lang), channels: entries };
  }

  /** Stores a whole subscription (a voter's own sign-up or change): channels not in it are removed. */
  async save(subscription: Subscription): Promise<void> {
    const key = this.#keys.subscription(subscription.voterId);
    const previous = await this.load(subscription.voterId);
    const multi = this.#redis.multi();
    multi.hset(key, "lang", subscription.language);
    for (const channel of channels) {
      const entry = subscription.channels.find((candidate) => candidate.channel === channel);
      if (entry) multi.hset(key, channelField(channel), encodeChannel(entry));
      else multi.hdel(key, channelField(channel));
    }
    for (const entry of previous?.channels ?? []) {
      const still = subscription.channels.find((candidate) => candidate.channel === entry.channel);
      if (phoneChannels.has(entry.channel) && still?.address !== entry.address) {
        multi.del(this.#keys.subscriberByPhone(phoneHashOf(entry.address)));
      }
    }
    for (const entry of subscription.channels) {
      if (phoneChannels.has(entry.channel)) {
        multi.set(this.#keys.subscriberByPhone(phoneHashOf(entry.address)), subscription.voterId);
      }
    }
    await multi.exec();
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
  async saveIfUnchanged(snapshot: Readonly<Record<string, string>>, subscription: Subscription): Promise<boolean> {
    const key = this.#keys.subscription(subscription.voterId);
    const set: Record<string, string> = { lang: subscription.language };
    const remove: string[] = [];
    for (const channel of channels) {
      const entry = subscription.channels.find((candidate) => candidate.channel === channel);
      if (entry) set[channelField(channel)] = encodeChannel(entry);
      else remove.push(channelField(channel));
    }
    const command = (this.#redis as unknown as Record<string, (...args: string[]) => Promise<number>>)
      .subscriptionSaveIfUnchanged;
    if (!command) throw new Error("Redis script subscriptionSaveIfUnchanged is not defined");
    // An empty Lua table encodes as an array; `{}` and `[]` decode alike, so either is fine for ARGV[1].
    const written = await command.call(
      this.#redis,
      key,
      JSON.stringify(snapshot),
      JSON.stringify(set),
      JSON.stringify(remove),
    );
    if (written !== 1) return false;
    const previous = this.#decode(subscription.voterId, { ...snapshot });
    const multi = this.#redis.multi();
    for (const entry of previous?.channels ?? []) {
      const still = subscription.channels.find((candidate) => candidate.channel === entry.channel);
      if (phoneChannels.has(entry.channel) && still?.address !== entry.address) {
        multi.del(this.#keys.subscriberByPhone(phoneHashOf(entry.address)));
      }
    }
    for (const entry of subscription.channels) {
      if (phoneChannels.has(entry.channel)) {
        multi.set(this.#keys.subscriberByPhone(phoneHashOf(entry.address)), subscription.voterId);
      }
    }
    await multi.exec();
    return true;
  }

  /** Sets one channel's consent; the subscription as it now stands, or undefined when the channel is not there. */
  async setConsent(
    voterId: string,
    channel: Channel,
    consent: ConsentState,
    nowMs: number,
  ): Promise<Subscription | undefined> {
    const key = this.#keys.subscription(voterId);
    const current = decodeChannel(channel, (await this.#redis.hget(key, channelField(channel))) ?? undefined);
    if (!current) return undefined;
    await this.#redis.hset(key, channelField(channel), encodeChannel({ ...current, consent, updatedAtMs: nowMs }));
    return this.load(voterId);
  }

  /**
   * Auto-enrolment from the county roll, when the county enrols (opt-out): adds the roll's channels that the voter
   * does not have yet. A channel the voter set up, confirmed or opted out of is never touched, so a re-sent roll
   * cannot undo a STOP.
   */
  async enrollFromRoll(contact: RollContact, county: CountyNotificationSettings, nowMs: number): Promise<EnrolOutcome> {
    const enrolled = enrollFromRoll(contact, county, nowMs);
    if (!enrolled) return "not_enrolled";
    const key = this.#keys.subscription(contact.voterId);
    const multi = this.#redis.multi();
    multi.hsetnx(key, "lang", enrolled.language);
    for (const entry of enrolled.channels) multi.hsetnx(key, channelField(entry.channel), encodeChannel(entry));
    const results = (await multi.exec()) ?? [];
    const added = results.slice(1).some(([, value]) => value === 1);
    if (added) {
      const now = await this.load(contact.voterId);
      for (const entry of now?.channels ?? []) {
        if (phoneChannels.has(entry.channel)) {
          await this.#redis.set(this.#keys.subscriberByPhone(phoneHashOf(entry.address)), contact.voterId, "NX");
        }
      }
    }
    return added ? "enrolled" : "kept";
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
