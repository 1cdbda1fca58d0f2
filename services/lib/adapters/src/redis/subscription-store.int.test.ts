import type { Subscription } from "@ballot/core";
import { sampleCountySettings as county } from "@ballot/core/test-data/county-settings";
import { describe, expect, test } from "@ballot/testing";
import { RedisSubscriptionStore } from "./subscription-store.ts";

const subscription: Subscription = {
  voterId: "V1",
  language: "vi",
  channels: [
    { channel: "email", address: "v1@example.org", consent: "confirmed", source: "voter", updatedAtMs: 1 },
    {
      channel: "sms",
      address: "+15555550123",
      consent: "pending",
      source: "voter",
      updatedAtMs: 1,
      window: { startMinute: 9 * 60, endMinute: 18 * 60 },
    },
    {
      channel: "voice",
      address: "+15555550124",
      consent: "confirmed",
      language: "es",
      source: "voter",
      updatedAtMs: 1,
    },
  ],
};

describe("RedisSubscriptionStore", () => {
  test("keeps each channel's consent, window and language per voter id", async ({ ns }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    await store.save(subscription);
    expect(await store.load("V1")).toEqual(subscription);
    expect(await store.load("V2")).toBeUndefined();
    expect(await store.voterOfPhone("+15555550123")).toBe("V1");
    expect(await store.voterOfPhone("+15555550124")).toBe("V1");
  });

  test("one channel's consent changes without touching the others", async ({ ns }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    await store.save(subscription);
    const updated = await store.setConsent("V1", "sms", "confirmed", 5);
    expect(updated?.channels.find((entry) => entry.channel === "sms")).toMatchObject({
      consent: "confirmed",
      updatedAtMs: 5,
    });
    expect(updated?.channels.find((entry) => entry.channel === "email")?.consent).toBe("confirmed");
    expect(await store.setConsent("V9", "sms", "confirmed", 5)).toBeUndefined();
  });

  test("a changed number leaves the index and the new one points at the voter", async ({ ns }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    await store.save(subscription);
    await store.save({
      ...subscription,
      channels: subscription.channels.map((entry) =>
        entry.channel === "sms" ? { ...entry, address: "+15555550199" } : entry,
      ),
    });
    expect(await store.voterOfPhone("+15555550123")).toBeUndefined();
    expect(await store.voterOfPhone("+15555550199")).toBe("V1");
  });

  test("the county roll enrols email at once and SMS pending, and never undoes a voter's STOP", async ({ ns }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    const contact = { voterId: "V7", language: "ko", email: "v7@example.org", phone: "+15555550177" };
    expect(await store.enrollFromRoll(contact, county, 10)).toBe("enrolled");
    const enrolled = await store.load("V7");
    expect(enrolled?.language).toBe("ko");
    expect(enrolled?.channels.map((entry) => [entry.channel, entry.consent, entry.source])).toEqual([
      ["email", "confirmed", "roll"],
      ["sms", "pending", "roll"],
    ]);
    expect(await store.voterOfPhone("+15555550177")).toBe("V7");
    await store.setConsent("V7", "email", "opted_out", 11);
    expect(await store.enrollFromRoll(contact, county, 12)).toBe("kept");
    expect((await store.load("V7"))?.channels.find((entry) => entry.channel === "email")?.consent).toBe("opted_out");
  });

  test("a county that does not enrol leaves the roll's voters unsubscribed", async ({ ns }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    const outcome = await store.enrollFromRoll(
      { voterId: "V8", language: "en", email: "v8@example.org" },
      { ...county, autoEnroll: false },
      10,
    );
    expect(outcome).toBe("not_enrolled");
    expect(await store.load("V8")).toBeUndefined();
  });
});
