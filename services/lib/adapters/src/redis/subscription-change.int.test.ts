import type { Subscription } from "@ballot/core";
import { describe, expect, test } from "@ballot/testing";
import { RedisConfirmationRequests } from "./confirmation-requests.ts";
import { RedisSubscriptionStore } from "./subscription-store.ts";

const subscription: Subscription = {
  voterId: "V7",
  language: "ko",
  channels: [
    { channel: "email", address: "v7@example.org", consent: "pending", source: "voter", updatedAtMs: 1 },
    { channel: "sms", address: "+15555550177", consent: "confirmed", source: "voter", updatedAtMs: 1 },
  ],
};

describe("a voter's change is written only over what it was made from", () => {
  test("a first sign-up writes the hash and the phone index", async ({ ns }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    const { subscription: before, snapshot } = await store.loadForChange("V7");
    expect(before).toBeUndefined();
    expect(await store.saveIfUnchanged(snapshot, subscription)).toBe(true);
    expect(await store.load("V7")).toEqual(subscription);
    expect(await store.voterOfPhone("+15555550177")).toBe("V7");
  });

  test("a STOP that lands between load and save is kept: the save is refused", async ({ ns }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    await store.save(subscription);
    const { snapshot } = await store.loadForChange("V7");
    await store.setConsent("V7", "sms", "opted_out", 2);
    const changed: Subscription = { ...subscription, language: "en" };
    expect(await store.saveIfUnchanged(snapshot, changed)).toBe(false);
    const now = await store.load("V7");
    expect(now?.language).toBe("ko");
    expect(now?.channels.find((entry) => entry.channel === "sms")?.consent).toBe("opted_out");
  });

  test("a removed channel is deleted and its number leaves the phone index", async ({ ns }) => {
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    await store.save(subscription);
    const { snapshot } = await store.loadForChange("V7");
    const emailOnly: Subscription = { ...subscription, channels: subscription.channels.slice(0, 1) };
    expect(await store.saveIfUnchanged(snapshot, emailOnly)).toBe(true);
    expect(await store.load("V7")).toEqual(emailOnly);
    expect(await store.voterOfPhone("+15555550177")).toBeUndefined();
  });
});

describe("confirmation requests", () => {
  test("one per voter and channel, oldest first, the first request's time kept, removed when done", async ({ ns }) => {
    const requests = new RedisConfirmationRequests(ns.redis, ns.keys);
    await requests.request("V7", "sms", 2_000);
    await requests.request("V7", "email", 1_000);
    await requests.request("V7", "sms", 3_000);
    await requests.request("V|8", "email", 4_000);
    expect(await requests.due(2_500)).toEqual([
      { voterId: "V7", channel: "email", requestedAtMs: 1_000 },
      { voterId: "V7", channel: "sms", requestedAtMs: 2_000 },
    ]);
    await requests.done("V7", "email");
    expect(await requests.due(10_000)).toEqual([
      { voterId: "V7", channel: "sms", requestedAtMs: 2_000 },
      { voterId: "V|8", channel: "email", requestedAtMs: 4_000 },
    ]);
  });
});
