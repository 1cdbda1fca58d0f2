import { dashboardDayOf, type RedisKeys } from "@ballot/contracts";
import type { ChannelSubscription, Subscription } from "@ballot/core";
import { sampleCountySettings } from "@ballot/core/test-data/county-settings";
import { describe, expect, test } from "@ballot/testing";
import type { Redis } from "ioredis";
import { countFieldsOf } from "./subscriber-counts.ts";
import { RedisSubscriptionStore } from "./subscription-store.ts";

const nowMs = Date.parse("2026-10-20T18:00:00Z");
const day = dashboardDayOf(nowMs);

const channel = (
  entry: Pick<ChannelSubscription, "channel" | "address" | "consent"> & Partial<ChannelSubscription>,
): ChannelSubscription => ({ source: "voter", updatedAtMs: nowMs, ...entry });

const signUp = (voterId: string, ...channels: ChannelSubscription[]): Subscription => ({
  voterId,
  language: "es",
  channels,
});

const counts = async (redis: Redis, keys: RedisKeys, county: string) => {
  const hash = await redis.hgetall(keys.subscriberCounts(county));
  return Object.fromEntries(Object.entries(hash).map(([field, value]) => [field, Number(value)]));
};

/** The counts as they would be if made afresh from every stored subscription: what the kept ones must equal. */
async function recount(redis: Redis, keys: RedisKeys, voterIds: readonly string[]) {
  const store = new RedisSubscriptionStore(redis, keys);
  const totals = new Map<string, Record<string, number>>();
  for (const voterId of voterIds) {
    const hash = await redis.hgetall(keys.subscription(voterId));
    const refused = Object.fromEntries(
      Object.entries(hash)
        .filter(([field]) => field.startsWith("refused:"))
        .map(([field, value]) => [field.slice("refused:".length), value.split("|")[0]]),
    );
    const subscription = await store.load(voterId);
    if (!hash.county) continue;
    const county = totals.get(hash.county) ?? {};
    for (const field of countFieldsOf({ subscription, refused, county: hash.county })) {
      county[field] = (county[field] ?? 0) + 1;
    }
    totals.set(hash.county, county);
  }
  return totals;
}

const withoutDays = (hash: Record<string, number>) =>
  Object.fromEntries(Object.entries(hash).filter(([field]) => !field.startsWith("d:")));

describe("subscriber counts move in the same step as the subscription", () => {
  test("a sign-up, a confirmation and a STOP are counted by channel, language and day", async ({ ns }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    await ns.redis.hset(ns.keys.voter("V1"), "county", "sac");
    await store.save(
      signUp(
        "V1",
        channel({ channel: "email", address: "v1@example.org", consent: "pending" }),
        channel({ channel: "voice", address: "+15555550101", consent: "confirmed", language: "vi" }),
      ),
      nowMs,
    );
    expect(await counts(ns.redis, ns.keys, "sac")).toEqual({
      "c:email:pending": 1,
      "c:voice:confirmed": 1,
      "l:es:email:pending": 1,
      "l:vi:voice:confirmed": 1,
      "v:confirmed": 1,
      [`d:${day}:email:signup`]: 1,
      [`d:${day}:voice:signup`]: 1,
    });

    await store.setConsent("V1", "email", "confirmed", nowMs + 1);
    await store.setConsent("V1", "voice", "opted_out", nowMs + 2);
    expect(await counts(ns.redis, ns.keys, "sac")).toEqual({
      "c:email:confirmed": 1,
      "c:voice:opted_out": 1,
      "l:es:email:confirmed": 1,
      "v:confirmed": 1,
      [`d:${day}:email:signup`]: 1,
      [`d:${day}:voice:signup`]: 1,
      [`d:${day}:email:confirmed`]: 1,
      [`d:${day}:voice:opted_out`]: 1,
    });
    expect(await ns.redis.zcard(ns.keys.unreachableVoters("sac"))).toBe(0);

    await store.setConsent("V1", "email", "opted_out", nowMs + 3);
    const after = await counts(ns.redis, ns.keys, "sac");
    expect(withoutDays(after)).toEqual({ "c:email:opted_out": 1, "c:voice:opted_out": 1, "v:unreachable": 1 });
    expect(after[`d:${day}:email:opted_out`]).toBe(1);
    expect(await ns.redis.zrange(ns.keys.unreachableVoters("sac"), "0", "-1", "WITHSCORES")).toEqual([
      "V1",
      String(nowMs + 3),
    ]);
  });

  test("an address refused for good counts as refused until the voter gives another", async ({ ns }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    await ns.redis.hset(ns.keys.voter("V2"), "county", "sac");
    const sms = channel({ channel: "sms", address: "+15555550102", consent: "confirmed" });
    await store.save(signUp("V2", sms), nowMs);
    // A refusal of a message sent before the channel last changed is about another address: it is ignored.
    expect(await store.markRefused("V2", "sms", "landline", nowMs + 5, { sentAtMs: nowMs - 1 })).toBe(false);
    expect(await store.markRefused("V2", "sms", "landline", nowMs + 5, { address: "+15555550999" })).toBe(false);
    expect(await store.markRefused("V2", "sms", "landline", nowMs + 5, { address: sms.address })).toBe(true);
    expect(withoutDays(await counts(ns.redis, ns.keys, "sac"))).toEqual({ "c:sms:refused": 1, "v:unreachable": 1 });
    expect(await ns.redis.zscore(ns.keys.unreachableVoters("sac"), "V2")).toBe(String(nowMs + 5));

    await store.save(signUp("V2", { ...sms, address: "+15555550103", consent: "pending" }), nowMs + 10);
    expect(withoutDays(await counts(ns.redis, ns.keys, "sac"))).toEqual({
      "c:sms:pending": 1,
      "l:es:sms:pending": 1,
      "v:pending": 1,
    });
    expect(await ns.redis.hget(ns.keys.subscription("V2"), "refused:sms")).toBeNull();
    expect(await ns.redis.zcard(ns.keys.unreachableVoters("sac"))).toBe(0);
  });

  test("a voter who moves is counted in the new county only", async ({ ns }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    await ns.redis.hset(ns.keys.voter("V3"), "county", "sac");
    await store.save(
      signUp("V3", channel({ channel: "email", address: "v3@example.org", consent: "opted_out" })),
      nowMs,
    );
    expect(await ns.redis.zscore(ns.keys.unreachableVoters("sac"), "V3")).not.toBeNull();
    await ns.redis.hset(ns.keys.voter("V3"), "county", "yolo");
    await store.followVoterCounty("V3", nowMs + 1);
    expect(withoutDays(await counts(ns.redis, ns.keys, "sac"))).toEqual({});
    expect(withoutDays(await counts(ns.redis, ns.keys, "yolo"))).toEqual({
      "c:email:opted_out": 1,
      "v:unreachable": 1,
    });
    expect(await ns.redis.zscore(ns.keys.unreachableVoters("sac"), "V3")).toBeNull();
    expect(await ns.redis.zscore(ns.keys.unreachableVoters("yolo"), "V3")).not.toBeNull();
    // Following again changes nothing; a voter with no subscription is not counted anywhere.
    await store.followVoterCounty("V3", nowMs + 2);
    await store.followVoterCounty("nobody", nowMs + 2);
    expect(withoutDays(await counts(ns.redis, ns.keys, "yolo"))).toEqual({
      "c:email:opted_out": 1,
      "v:unreachable": 1,
    });
    expect(await ns.redis.exists(ns.keys.subscription("nobody"))).toBe(0);
  });

  test("roll enrolment counts as enrolled, in the roll's county when the voter record has not come yet", async ({
    ns,
  }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    const settings = { ...sampleCountySettings, autoEnroll: true };
    const contact = { voterId: "V4", language: "ko", email: "v4@example.org", phone: "+15555550104" };
    expect(await store.enrollFromRoll(contact, settings, nowMs)).toBe("enrolled");
    expect(await store.enrollFromRoll(contact, settings, nowMs)).toBe("kept");
    expect(await counts(ns.redis, ns.keys, settings.county)).toEqual({
      "c:email:confirmed": 1,
      "c:sms:pending": 1,
      "l:ko:email:confirmed": 1,
      "l:ko:sms:pending": 1,
      "v:confirmed": 1,
      [`d:${day}:email:enrolled`]: 1,
      [`d:${day}:sms:enrolled`]: 1,
    });
  });

  test("changes racing on the same voters never make the counts drift from the subscriptions", async ({ ns }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    const voterIds = ["R1", "R2", "R3"];
    for (const voterId of voterIds) await ns.redis.hset(ns.keys.voter(voterId), "county", "sac");
    const consents = ["pending", "confirmed", "opted_out"] as const;
    const changes = Array.from({ length: 90 }, (_, index) => {
      const voterId = voterIds[index % 3] as string;
      const consent = consents[(index * 7) % 3] as (typeof consents)[number];
      switch (index % 5) {
        case 0:
          return store.save(
            signUp(voterId, channel({ channel: "email", address: `${voterId}-${index}@example.org`, consent })),
            nowMs + index,
          );
        case 1:
          return store.setConsent(voterId, "email", consent, nowMs + index);
        case 2:
          return store.markRefused(voterId, "email", "bounced", nowMs + index, { sentAtMs: nowMs + index });
        case 3:
          return store.save(
            signUp(
              voterId,
              channel({ channel: "sms", address: "+15555550199", consent }),
              channel({ channel: "voice", address: "+15555550198", consent: "confirmed" }),
            ),
            nowMs + index,
          );
        default:
          return ns.redis
            .hset(ns.keys.voter(voterId), "county", index % 2 ? "yolo" : "sac")
            .then(() => store.followVoterCounty(voterId, nowMs + index));
      }
    });
    await Promise.all(changes);
    const expected = await recount(ns.redis, ns.keys, voterIds);
    for (const county of ["sac", "yolo"]) {
      expect(withoutDays(await counts(ns.redis, ns.keys, county))).toEqual(expected.get(county) ?? {});
      const unreachable = await ns.redis.zrange(ns.keys.unreachableVoters(county), "0", "-1");
      expect(unreachable.length).toBe(expected.get(county)?.["v:unreachable"] ?? 0);
    }
  });
});
