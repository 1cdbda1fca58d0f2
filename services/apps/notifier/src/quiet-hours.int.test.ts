import { RedisHeldMessages, RedisNotificationLog, RedisSubscriptionStore } from "@ballot/adapters";
import { createLogger } from "@ballot/runtime";
import { describe, expect, test, waitFor } from "@ballot/testing";
import { releaseDueMessages } from "./release.ts";
import { isNotifierDrained, publishStatusChange, sampleCounties, startHarness, voter } from "./test-support.ts";

const counties = {
  "06001": { ...sampleCounties["06999"], name: "Alameda County", contactWindow: "08:00-21:00" },
  "36061": sampleCounties["36061"],
};
const log = createLogger({ name: "quiet-hours-test", level: "silent" });
const at = (iso: string) => Date.parse(iso);
const email = (voterId: string) =>
  voter(voterId, "en", [
    {
      channel: "email",
      address: `${voterId.toLowerCase()}@example.org`,
      consent: "confirmed",
      source: "voter",
      updatedAtMs: 0,
    },
  ]);

describe("notifier: quiet hours", () => {
  test("messages at night wait for 08:00 in each county's zone, across the end of DST", async ({ ns }) => {
    // 05:00Z on 2026-11-01 is 22:00 PDT in Alameda and 01:00 EDT in New York; DST ends at 02:00 local that night,
    // so the windows open at 08:00 EST (13:00Z) and 08:00 PST (16:00Z), an hour later than the night's offsets say.
    let nowMs = at("2026-11-01T05:00:00Z");
    const harness = await startHarness(ns, { counties, now: () => nowMs });
    try {
      const store = new RedisSubscriptionStore(ns.redis, ns.keys);
      await store.save(email("V1"));
      await store.save(email("V2"));
      await publishStatusChange(ns, { voterId: "V1", county: "06001", to: "delivered" });
      await publishStatusChange(ns, { voterId: "V2", county: "36061", to: "delivered" });
      await waitFor("the notifier to ack both", () => isNotifierDrained(ns));
      const held = new RedisHeldMessages(ns.redis, ns.keys);
      expect(await held.count()).toBe(2);
      expect(harness.resend.requestCount()).toBe(0);

      nowMs = at("2026-11-01T12:59:00Z");
      expect(await releaseDueMessages(harness.notifier.deps, log)).toBe(0);
      nowMs = at("2026-11-01T13:00:00Z");
      await waitFor("New York's email at 08:00 EST", () => harness.resend.messages.length === 1);
      expect(harness.resend.messages[0]?.to).toBe("v2@example.org");
      await waitFor("New York's message to leave the queue", async () => (await held.count()) === 1);
      nowMs = at("2026-11-01T15:59:00Z");
      expect(await releaseDueMessages(harness.notifier.deps, log)).toBe(0);
      nowMs = at("2026-11-01T16:00:00Z");
      await waitFor("Alameda's email at 08:00 PST", () => harness.resend.messages.length === 2);
      expect(harness.resend.messages[1]?.to).toBe("v1@example.org");
      await waitFor("the queue to be empty", async () => (await held.count()) === 0);
    } finally {
      await harness.stop();
    }
  });

  test("a night that starts DST: held until 08:00 PDT, an hour earlier in UTC than the evening before", async ({
    ns,
  }) => {
    let nowMs = at("2026-03-08T07:00:00Z"); // 23:00 PST on 2026-03-07
    const harness = await startHarness(ns, { counties, now: () => nowMs });
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(email("V1"));
      await publishStatusChange(ns, { voterId: "V1", county: "06001", to: "received" });
      await waitFor(
        "the message to be held",
        async () => (await new RedisHeldMessages(ns.redis, ns.keys).count()) === 1,
      );
      nowMs = at("2026-03-08T14:59:00Z");
      expect(await releaseDueMessages(harness.notifier.deps, log)).toBe(0);
      nowMs = at("2026-03-08T15:00:00Z");
      await waitFor("the email at 08:00 PDT", () => harness.resend.messages.length === 1);
    } finally {
      await harness.stop();
    }
  });

  test("a held message that a newer milestone made obsolete is folded into it: one message in the morning", async ({
    ns,
  }) => {
    let nowMs = at("2026-10-10T06:00:00Z"); // 23:00 PDT
    const harness = await startHarness(ns, { counties, now: () => nowMs });
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(email("V1"));
      const first = await publishStatusChange(ns, { voterId: "V1", county: "06001", from: "issued", to: "in_transit" });
      await waitFor("the first to be held", async () => (await new RedisHeldMessages(ns.redis, ns.keys).count()) === 1);
      await publishStatusChange(ns, {
        ...first,
        from: "in_transit",
        to: "delivered",
        occurredAt: "2026-10-10T06:30:00Z",
      });
      await waitFor("the notifier to ack both", () => isNotifierDrained(ns));
      const held = new RedisHeldMessages(ns.redis, ns.keys);
      expect((await held.heldOf(first.ballotKey)).map((message) => message.messageId)).toEqual([
        `${first.ballotKey}:delivered:email`,
      ]);
      const log = new RedisNotificationLog(ns.redis, ns.keys);
      expect(await log.get(`${first.ballotKey}:handed_to_usps:email`)).toMatchObject({
        state: "folded",
        foldedInto: `${first.ballotKey}:delivered:email`,
      });
      nowMs = at("2026-10-10T15:00:00Z");
      await waitFor("the morning's email", () => harness.resend.messages.length === 1);
      expect(harness.resend.messages[0]?.body.subject).toBe("Your ballot was delivered");
      expect(await log.get(`${first.ballotKey}:handed_to_usps:email`)).toMatchObject({ state: "folded" });
    } finally {
      await harness.stop();
    }
  });

  test("an event redelivered at night after its message went out in the day holds nothing", async ({ ns }) => {
    let nowMs = at("2026-10-10T19:00:00Z"); // noon in Alameda
    const harness = await startHarness(ns, { counties, now: () => nowMs });
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(email("V1"));
      const change = await publishStatusChange(ns, { voterId: "V1", county: "06001", to: "received" });
      await waitFor("the day's email", () => harness.resend.messages.length === 1);
      await waitFor("the notifier to ack", () => isNotifierDrained(ns));
      nowMs = at("2026-10-11T06:00:00Z"); // 23:00
      await publishStatusChange(ns, { ...change, asOf: "2026-10-11T06:00:00Z" });
      await waitFor("the notifier to ack the repeat", () => isNotifierDrained(ns));
      expect(await new RedisHeldMessages(ns.redis, ns.keys).count()).toBe(0);
      expect(harness.resend.messages).toHaveLength(1);
    } finally {
      await harness.stop();
    }
  });

  test("a held text whose voter replies STOP in the night is never sent", async ({ ns }) => {
    let nowMs = at("2026-10-10T06:00:00Z");
    const harness = await startHarness(ns, { counties, now: () => nowMs });
    try {
      const store = new RedisSubscriptionStore(ns.redis, ns.keys);
      await store.save(
        voter("V1", "en", [
          { channel: "sms", address: "+15555550123", consent: "confirmed", source: "voter", updatedAtMs: 0 },
        ]),
      );
      await publishStatusChange(ns, { voterId: "V1", county: "06001", to: "delivered" });
      await waitFor("the text to be held", async () => (await new RedisHeldMessages(ns.redis, ns.keys).count()) === 1);
      await store.setConsent("V1", "sms", "opted_out", nowMs);
      nowMs = at("2026-10-10T15:00:00Z");
      await waitFor(
        "the held text to be dropped",
        async () => (await new RedisHeldMessages(ns.redis, ns.keys).count()) === 0,
      );
      expect(harness.twilio.requestCount()).toBe(0);
    } finally {
      await harness.stop();
    }
  });
});
