import { RedisNotificationLog, RedisSubscriptionStore } from "@ballot/adapters";
import { describe, expect, test, waitFor } from "@ballot/testing";
import { isNotifierDrained, publishStatusChange, startHarness, voter } from "./test-support.ts";

describe("notifier: status changes reach the voter", () => {
  test("a status change reaches each confirmed channel once, in the voter's language", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(
        voter("V1", "es", [
          { channel: "email", address: "v1@example.org", consent: "confirmed", source: "voter", updatedAtMs: 0 },
          {
            channel: "sms",
            address: "+15555550123",
            consent: "confirmed",
            language: "vi",
            source: "voter",
            updatedAtMs: 0,
          },
          {
            channel: "voice",
            address: "+15555550124",
            consent: "confirmed",
            language: "km",
            source: "voter",
            updatedAtMs: 0,
          },
        ]),
      );
      const change = await publishStatusChange(ns, { from: "in_transit", to: "delivered" });
      await waitFor("the email and the text and the call", () =>
        harness.resend.messages.length === 1 && harness.twilio.messages.length === 2 ? true : undefined,
      );
      const [email] = harness.resend.messages;
      expect(email?.to).toBe("v1@example.org");
      expect(email?.idempotencyKey).toBe(`${change.ballotKey}:delivered:email`);
      expect(email?.body.subject).toBe("Su boleta fue entregada");
      const headers = email?.body.headers as Record<string, string>;
      expect(headers["List-Unsubscribe"]).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/v1\/notify\/unsubscribe\?token=.+>$/);
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const sms = harness.twilio.messages.find((message) => message.path.endsWith("/Messages.json"));
      expect(sms?.body.Body).toContain("Sample Co: USPS đã giao lá phiếu của bạn.");
      expect(sms?.body.Body).toContain("STOP");
      const call = harness.twilio.messages.find((message) => message.path.endsWith("/Calls.json"));
      // Khmer has no Twilio voice: the call is in English, announced as such.
      expect(call?.body.Twiml).toContain('voice="Polly.Joanna"');
      expect(call?.body.Twiml).toContain("Sample County");
      const log = new RedisNotificationLog(ns.redis, ns.keys);
      expect(await log.get(`${change.ballotKey}:delivered:email`)).toMatchObject({ state: "sent", provider: "resend" });
      // Kept for an election cycle, not forever.
      const ttlMs = await ns.redis.pttl(ns.keys.notification(`${change.ballotKey}:delivered:email`));
      expect(ttlMs).toBeGreaterThan(100 * 86_400_000);
      expect(ttlMs).toBeLessThanOrEqual(120 * 86_400_000);
      await waitFor("the notifier to ack the event", () => isNotifierDrained(ns));
    } finally {
      await harness.stop();
    }
  });

  test("the same change published twice (a redelivery, a replayed stream) sends nothing more", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(
        voter("V1", "zh", [
          { channel: "email", address: "v1@example.org", consent: "confirmed", source: "voter", updatedAtMs: 0 },
        ]),
      );
      const change = await publishStatusChange(ns, { from: "delivered", to: "received" });
      await waitFor("the email", () => harness.resend.messages.length === 1);
      // A different message id for the same change: the stream keeps both, the notifier must dedupe.
      await publishStatusChange(ns, { ...change, asOf: "2026-10-10T19:00:00Z", occurredAt: "2026-10-10T18:00:01Z" });
      await waitFor("the notifier to ack both", () => isNotifierDrained(ns));
      expect(harness.resend.messages).toHaveLength(1);
      expect(harness.resend.messages[0]?.body.subject).toBe("您的选票已收到");
    } finally {
      await harness.stop();
    }
  });

  test("a voter without a subscription, and a status that is not news, send nothing", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      await publishStatusChange(ns, { voterId: "V404", to: "delivered" });
      await publishStatusChange(ns, { to: "issued" });
      await waitFor("the notifier to ack both", () => isNotifierDrained(ns));
      expect(harness.resend.requestCount() + harness.twilio.requestCount()).toBe(0);
    } finally {
      await harness.stop();
    }
  });
});
