import { RedisSubscriptionStore } from "@ballot/adapters";
import type { ChannelSubscription } from "@ballot/core";
import {
  describe,
  expect,
  fakeTwilioAuthToken,
  signTwilioWebhook,
  type TestNamespace,
  test,
  waitFor,
} from "@ballot/testing";
import {
  isNotifierDrained,
  postResend,
  postTwilio,
  publishStatusChange,
  startHarness,
  svixHeaders,
  voter,
  webhookSecret,
} from "./test-support.ts";

const county = "06999";
const phone = "+15555550123";
const email: ChannelSubscription = {
  channel: "email",
  address: "v1@example.org",
  consent: "confirmed",
  source: "voter",
  updatedAtMs: 0,
};
const sms: ChannelSubscription = {
  channel: "sms",
  address: phone,
  consent: "confirmed",
  source: "voter",
  updatedAtMs: 0,
};

const channelCounts = async (ns: TestNamespace) => {
  const hash = await ns.redis.hgetall(ns.keys.subscriberCounts(county));
  return Object.fromEntries(Object.entries(hash).filter(([field]) => /^[cv]:/.test(field)));
};

describe("notifier: what it records makes a channel count as unreachable", () => {
  test("a number Twilio refuses for good is refused: the voter with no other channel is unreachable", async ({
    ns,
  }) => {
    const harness = await startHarness(ns);
    try {
      await ns.redis.hset(ns.keys.voter("V1"), "county", county);
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(voter("V1", "en", [sms]));
      harness.twilio.failFor(phone, { status: 400, code: 21211, message: "Invalid 'To' Phone Number" });
      await publishStatusChange(ns, { to: "received" });
      await waitFor("the notifier to ack the event", () => isNotifierDrained(ns));
      await waitFor("the channel to count as refused", async () => (await channelCounts(ns))["c:sms:refused"] === "1");
      expect(await channelCounts(ns)).toEqual({ "c:sms:refused": "1", "v:unreachable": "1" });
      expect(await ns.redis.zscore(ns.keys.unreachableVoters(county), "V1")).not.toBeNull();
    } finally {
      await harness.stop();
    }
  });

  test("a hard bounce refuses the email, a dead number the text; a passing failure (30003) refuses nothing", async ({
    ns,
  }) => {
    const harness = await startHarness(ns);
    try {
      await ns.redis.hset(ns.keys.voter("V1"), "county", county);
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(voter("V1", "en", [email, sms]));
      await publishStatusChange(ns, { to: "received" });
      await waitFor(
        "both messages",
        () => harness.resend.messages.length === 1 && harness.twilio.messages.length === 1,
      );
      await waitFor("the notifier to ack", () => isNotifierDrained(ns));
      const statusUrl = `${harness.url}/v1/notify/webhooks/twilio/status`;
      const twilioStatus = async (ErrorCode: string) => {
        const params = {
          MessageSid: harness.twilio.messages[0]?.id as string,
          MessageStatus: "undelivered",
          ErrorCode,
        };
        return (await postTwilio(statusUrl, params, signTwilioWebhook(fakeTwilioAuthToken, statusUrl, params))).status;
      };
      expect(await twilioStatus("30003")).toBe(200);
      expect(await channelCounts(ns)).toEqual({ "c:email:confirmed": "1", "c:sms:confirmed": "1", "v:confirmed": "1" });

      const body = JSON.stringify({
        type: "email.bounced",
        created_at: new Date().toISOString(),
        data: { email_id: harness.resend.messages[0]?.id },
      });
      expect(await postResend(`${harness.url}/v1/notify/webhooks/resend`, body, svixHeaders(webhookSecret, body))).toBe(
        200,
      );
      expect(await channelCounts(ns)).toEqual({ "c:email:refused": "1", "c:sms:confirmed": "1", "v:confirmed": "1" });
      expect(await twilioStatus("30006")).toBe(200);
      expect(await channelCounts(ns)).toEqual({ "c:email:refused": "1", "c:sms:refused": "1", "v:unreachable": "1" });
    } finally {
      await harness.stop();
    }
  });

  test("replies YES, STOP and START to the county's number move the SMS channel's counts and the day's report", async ({
    ns,
  }) => {
    const harness = await startHarness(ns);
    try {
      await ns.redis.hset(ns.keys.voter("V1"), "county", county);
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(voter("V1", "es", [{ ...sms, consent: "pending" }]));
      const url = `${harness.url}/v1/notify/webhooks/twilio/sms`;
      const text = async (Body: string) => {
        const params = { From: phone, To: "+15555550100", Body, MessageSid: `SM-${Body}` };
        return (await postTwilio(url, params, signTwilioWebhook(fakeTwilioAuthToken, url, params))).status;
      };
      expect(await channelCounts(ns)).toEqual({ "c:sms:pending": "1", "v:pending": "1" });
      expect(await text("YES")).toBe(200);
      expect(await channelCounts(ns)).toEqual({ "c:sms:confirmed": "1", "v:confirmed": "1" });
      expect(await text("STOP")).toBe(200);
      expect(await channelCounts(ns)).toEqual({ "c:sms:opted_out": "1", "v:unreachable": "1" });
      expect(await text("START")).toBe(200);
      expect(await channelCounts(ns)).toEqual({ "c:sms:confirmed": "1", "v:confirmed": "1" });
      const days = await ns.redis.hgetall(ns.keys.subscriberCounts(county));
      const today = Object.fromEntries(Object.entries(days).filter(([field]) => field.startsWith("d:")));
      // The sign-up, YES, STOP, and START (an opt-in again: a sign-up) on one day.
      expect(Object.entries(today).map(([field, count]) => [field.split(":").slice(2).join(":"), count])).toEqual([
        ["sms:signup", "2"],
        ["sms:confirmed", "1"],
        ["sms:opted_out", "1"],
      ]);
    } finally {
      await harness.stop();
    }
  });
});
