import { RedisNotificationLog, RedisSubscriptionStore } from "@ballot/adapters";
import { describe, expect, test, waitFor } from "@ballot/testing";
import {
  isNotifierDrained,
  publishStatusChange,
  readNotifierDeadLetters,
  startHarness,
  voter,
} from "./test-support.ts";

const emailOnly = voter("V1", "en", [
  { channel: "email", address: "v1@example.org", consent: "confirmed", source: "voter", updatedAtMs: 0 },
]);
const smsOnly = voter("V1", "en", [
  { channel: "sms", address: "+15555550123", consent: "confirmed", source: "voter", updatedAtMs: 0 },
]);

describe("notifier: provider failures", () => {
  test("429 and 503 from Resend are retried with backoff until the email goes, once", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(emailOnly);
      harness.resend.script({ status: 429 }, { status: 503 });
      const change = await publishStatusChange(ns, { from: "in_transit", to: "delivered" });
      await waitFor("the email after two refusals", () => harness.resend.messages.length === 1);
      await waitFor("the notifier to ack the event", () => isNotifierDrained(ns));
      expect(harness.resend.requestCount()).toBe(3);
      expect(harness.resend.messages).toHaveLength(1);
      const record = await new RedisNotificationLog(ns.redis, ns.keys).get(`${change.ballotKey}:delivered:email`);
      expect(record).toMatchObject({ state: "sent", attempts: 3 });
    } finally {
      await harness.stop();
    }
  });

  test("429 from Twilio is retried too", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(smsOnly);
      harness.twilio.script({ status: 429, code: 20429 });
      await publishStatusChange(ns, { from: "in_transit", to: "delivered" });
      await waitFor("the text after a refusal", () => harness.twilio.messages.length === 1);
      expect(harness.twilio.requestCount()).toBe(2);
    } finally {
      await harness.stop();
    }
  });

  test("400 for an invalid number is dead-lettered, not retried, and the other channels still go", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(
        voter("V1", "en", [...emailOnly.channels, ...smsOnly.channels]),
      );
      harness.twilio.failFor("+15555550123", { status: 400, code: 21211, message: "Invalid 'To' Phone Number" });
      const change = await publishStatusChange(ns, { from: "delivered", to: "received" });
      await waitFor("the notifier to ack the event", () => isNotifierDrained(ns));
      expect(harness.resend.messages).toHaveLength(1);
      expect(harness.twilio.requestCount()).toBe(1);
      const record = await new RedisNotificationLog(ns.redis, ns.keys).get(`${change.ballotKey}:received:sms`);
      expect(record?.state).toBe("dead");
      const letters = await readNotifierDeadLetters(ns);
      expect(letters).toHaveLength(1);
      expect(letters[0]?.reason).toContain("21211");
      expect(letters[0]?.raw).toContain(`${change.ballotKey}:received:sms`);
      // The letter names the message, never the number.
      expect(JSON.stringify(letters)).not.toContain("5555550123");
    } finally {
      await harness.stop();
    }
  });

  test("400 from Resend is dead-lettered after one try", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(emailOnly);
      harness.resend.script({ status: 422, message: "Invalid `to` field" });
      await publishStatusChange(ns, { from: "in_transit", to: "delivered" });
      await waitFor("the dead letter", async () => (await readNotifierDeadLetters(ns)).length === 1);
      await waitFor("the notifier to ack the event", () => isNotifierDrained(ns));
      expect(harness.resend.requestCount()).toBe(1);
      expect(harness.resend.messages).toHaveLength(0);
    } finally {
      await harness.stop();
    }
  });

  test("Twilio's unsubscribed recipient (21610) opts the channel out: later changes send no text", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      const store = new RedisSubscriptionStore(ns.redis, ns.keys);
      await store.save(smsOnly);
      harness.twilio.failFor("+15555550123", { status: 400, code: 21610, message: "unsubscribed recipient" });
      await publishStatusChange(ns, { from: "in_transit", to: "delivered" });
      await waitFor("the channel to be opted out", async () => {
        const subscription = await store.load("V1");
        return subscription?.channels[0]?.consent === "opted_out";
      });
      await publishStatusChange(ns, { from: "delivered", to: "received" });
      await waitFor("the notifier to ack both", () => isNotifierDrained(ns));
      expect(harness.twilio.requestCount()).toBe(1);
    } finally {
      await harness.stop();
    }
  });

  test("a county without notification settings is dead-lettered", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(emailOnly);
      await publishStatusChange(ns, { county: "99999", to: "delivered" });
      await waitFor("the dead letter", async () => (await readNotifierDeadLetters(ns)).length === 1);
      expect(harness.resend.requestCount()).toBe(0);
    } finally {
      await harness.stop();
    }
  });
});
