import { RedisBallotStore, RedisNotificationLog, RedisSubscriptionStore } from "@ballot/adapters";
import { signLinkToken } from "@ballot/adapters/notifications";
import { RedisContactChangeNotices } from "@ballot/adapters/redis/confirmation-requests";
import { applyEvidence, type BallotEvidence, emptyBallotState } from "@ballot/core";
import { describe, expect, fakeTwilioAuthToken, signTwilioWebhook, test, waitFor } from "@ballot/testing";
import {
  isNotifierDrained,
  postResend,
  postTwilio,
  publishStatusChange,
  readNotifierDeadLetters,
  sampleCounties,
  startHarness,
  svixHeaders,
  voter,
  webhookSecret,
} from "./test-support.ts";

const linkSecret = "a-test-link-secret-of-at-least-32-characters";
const phone = "+15555550123";

const textFrom = (harnessUrl: string, body: string) => {
  const url = `${harnessUrl}/v1/notify/webhooks/twilio/sms`;
  const params = { From: phone, To: "+15555550100", Body: body, MessageSid: `SM${body.length}` };
  return postTwilio(url, params, signTwilioWebhook(fakeTwilioAuthToken, url, params));
};

describe("notifier: webhook signatures fail closed", () => {
  test("an inbound text without, or with a wrong, X-Twilio-Signature is refused", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      const url = `${harness.url}/v1/notify/webhooks/twilio/sms`;
      const params = { From: phone, Body: "STOP" };
      expect((await postTwilio(url, params)).status).toBe(403);
      expect(
        (await postTwilio(url, params, signTwilioWebhook("another-token-entirely-0000", url, params))).status,
      ).toBe(403);
      const tampered = signTwilioWebhook(fakeTwilioAuthToken, url, { ...params, Body: "START" });
      expect((await postTwilio(url, params, tampered)).status).toBe(403);
      expect((await postTwilio(url, params, signTwilioWebhook(fakeTwilioAuthToken, url, params))).status).toBe(200);
    } finally {
      await harness.stop();
    }
  });

  test("without TWILIO_AUTH_TOKEN or RESEND_WEBHOOK_SECRET every webhook is refused, even well signed", async ({
    ns,
  }) => {
    const harness = await startHarness(ns, { env: { TWILIO_AUTH_TOKEN: "", RESEND_WEBHOOK_SECRET: "" } });
    try {
      const url = `${harness.url}/v1/notify/webhooks/twilio/status`;
      const params = { MessageSid: "SM1", MessageStatus: "delivered" };
      expect((await postTwilio(url, params, signTwilioWebhook(fakeTwilioAuthToken, url, params))).status).toBe(403);
      const body = JSON.stringify({ type: "email.delivered", data: { email_id: "e1" } });
      expect(await postResend(`${harness.url}/v1/notify/webhooks/resend`, body, svixHeaders(webhookSecret, body))).toBe(
        403,
      );
    } finally {
      await harness.stop();
    }
  });

  test("delivery webhooks, verified, record the status on the message", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(
        voter("V1", "en", [
          { channel: "email", address: "v1@example.org", consent: "confirmed", source: "voter", updatedAtMs: 0 },
          { channel: "sms", address: phone, consent: "confirmed", source: "voter", updatedAtMs: 0 },
        ]),
      );
      const change = await publishStatusChange(ns, { to: "received" });
      await waitFor(
        "both messages",
        () => harness.resend.messages.length === 1 && harness.twilio.messages.length === 1,
      );
      await waitFor("the notifier to ack", () => isNotifierDrained(ns));
      const emailId = harness.resend.messages[0]?.id as string;
      const smsSid = harness.twilio.messages[0]?.id as string;

      const resendUrl = `${harness.url}/v1/notify/webhooks/resend`;
      const body = JSON.stringify({
        type: "email.delivered",
        created_at: new Date().toISOString(),
        data: { email_id: emailId },
      });
      const headers = svixHeaders(webhookSecret, body);
      expect(await postResend(resendUrl, `${body} `, headers)).toBe(403);
      expect(
        await postResend(resendUrl, body, svixHeaders(webhookSecret, body, Math.floor(Date.now() / 1000) - 600)),
      ).toBe(403);
      expect(
        await postResend(resendUrl, body, svixHeaders(`whsec_${Buffer.from("wrong").toString("base64")}`, body)),
      ).toBe(403);
      expect(await postResend(resendUrl, body, headers)).toBe(200);

      const statusUrl = `${harness.url}/v1/notify/webhooks/twilio/status`;
      const params = { MessageSid: smsSid, MessageStatus: "undelivered", ErrorCode: "30003", To: phone };
      expect(
        (await postTwilio(statusUrl, params, signTwilioWebhook(fakeTwilioAuthToken, statusUrl, params))).status,
      ).toBe(200);

      const log = new RedisNotificationLog(ns.redis, ns.keys);
      expect(await log.get(`${change.ballotKey}:received:email`)).toMatchObject({ deliveryStatus: "delivered" });
      expect(await log.get(`${change.ballotKey}:received:sms`)).toMatchObject({
        deliveryStatus: "undelivered",
        deliveryErrorCode: "30003",
      });
    } finally {
      await harness.stop();
    }
  });
});

describe("notifier: no personal data in logs", () => {
  test("failures, retries and sends log message ids and codes, never addresses or credentials", async ({ ns }) => {
    const logLines: string[] = [];
    const harness = await startHarness(ns, { logLines });
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(
        voter("V1", "en", [
          { channel: "email", address: "v1@example.org", consent: "confirmed", source: "voter", updatedAtMs: 0 },
          { channel: "sms", address: phone, consent: "confirmed", source: "voter", updatedAtMs: 0 },
          { channel: "voice", address: "+15555550124", consent: "confirmed", source: "voter", updatedAtMs: 0 },
        ]),
      );
      harness.resend.script({ status: 503, message: "cannot send to v1@example.org right now" });
      harness.twilio.failFor(phone, { status: 400, code: 21211, message: `The 'To' number ${phone} is not valid` });
      await publishStatusChange(ns, { to: "received" });
      await waitFor(
        "the email and the call",
        () => harness.resend.messages.length === 1 && harness.twilio.messages.length === 1,
      );
      await waitFor("the notifier to ack", () => isNotifierDrained(ns));
      await textFrom(harness.url, "STOP");
      const text = logLines.join("\n");
      expect(text).toContain("message sent");
      expect(text).toContain("21211");
      for (const secret of [
        "v1@example.org",
        "5555550123",
        "5555550124",
        "Authorization",
        "Basic ",
        fakeTwilioAuthToken,
      ]) {
        expect(text).not.toContain(secret);
      }
      expect(JSON.stringify(await readNotifierDeadLetters(ns))).not.toContain("5555550123");
    } finally {
      await harness.stop();
    }
  });
});

describe("notifier: consent", () => {
  test("STATUS answers with the status of the voter's newest ballot, read from the tracker's state", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      await ns.redis.hset(ns.keys.voter("V1"), "county", "06999");
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(
        voter("V1", "en", [{ channel: "sms", address: phone, consent: "confirmed", source: "voter", updatedAtMs: 0 }]),
      );
      const ballots = new RedisBallotStore(ns.redis, ns.keys);
      const issued = (ballotId: string, day: number): BallotEvidence => ({
        kind: "issued",
        ballotId,
        voterId: "V1",
        county: "06999",
        electionId: "2026-11-03-general",
        occurredAtMs: Date.UTC(2026, 9, day),
      });
      const written: [string, string, BallotEvidence][] = [
        ["314159:000000101", "B-OLD", { kind: "county", status: "mailed", occurredAtMs: Date.UTC(2026, 9, 2) }],
        ["314159:000000102", "B-NEW", { kind: "county", status: "received", occurredAtMs: Date.UTC(2026, 9, 9) }],
      ];
      const index = ns.redis.multi();
      for (const [position, [ballotKey, ballotId, evidence]] of written.entries()) {
        const state = [issued(ballotId, 1 + 4 * position), evidence].reduce(applyEvidence, emptyBallotState);
        await ballots.write(ballotKey, undefined, state);
        ballots.index.record(index, { ballotKey, ballotId, voterId: "V1", aliases: [] });
      }
      await index.exec();
      const reply = await textFrom(harness.url, "status");
      expect(reply.body).toMatch(/<Message>Sample Co: Your ballot: [^<]*received[^<]*<\/Message>/i);
    } finally {
      await harness.stop();
    }
  });

  test("SMS sends nothing but the confirmation request before YES; STOP and its synonyms are honoured", async ({
    ns,
  }) => {
    const harness = await startHarness(ns);
    try {
      // The tracker's voter record says which county answers the voter's texts.
      await ns.redis.hset(ns.keys.voter("V1"), "county", "06999");
      const store = new RedisSubscriptionStore(ns.redis, ns.keys);
      await store.save(
        voter("V1", "es", [{ channel: "sms", address: phone, consent: "pending", source: "voter", updatedAtMs: 0 }]),
      );
      await publishStatusChange(ns, { from: "in_transit", to: "delivered" });
      await waitFor("the confirmation request", () => harness.twilio.messages.length === 1);
      await waitFor("the notifier to ack", () => isNotifierDrained(ns));
      expect(harness.twilio.messages[0]?.body.Body).toContain("Responda YES");

      const yes = await textFrom(harness.url, " yes! ");
      expect(yes.status).toBe(200);
      expect(yes.body).toMatch(/<Response><Message>.+<\/Message><\/Response>/);
      expect((await store.load("V1"))?.channels[0]?.consent).toBe("confirmed");

      await publishStatusChange(ns, { from: "delivered", to: "received" });
      await waitFor("the milestone text", () => harness.twilio.messages.length === 2);
      expect(harness.twilio.messages[1]?.body.Body).toContain("Sample Co:");

      const stop = await textFrom(harness.url, "Cancel");
      expect(stop.body).toContain("<Message>");
      expect((await store.load("V1"))?.channels[0]?.consent).toBe("opted_out");
      // After STOP, silence: a second STOP and a HELP get no answer.
      expect((await textFrom(harness.url, "STOP")).body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      expect((await textFrom(harness.url, "help")).body).not.toContain("<Message>");
      await publishStatusChange(ns, { from: "received", to: "accepted" });
      await waitFor("the notifier to ack", () => isNotifierDrained(ns));
      expect(harness.twilio.messages).toHaveLength(2);

      expect((await textFrom(harness.url, "START")).body).toContain("<Message>");
      expect((await store.load("V1"))?.channels[0]?.consent).toBe("confirmed");
      expect((await textFrom(harness.url, "HELP")).body).toContain(
        "Sample Co: Avisos de su boleta. Llame al (555) 555-0100.",
      );
      expect((await textFrom(harness.url, "what is this")).body).not.toContain("<Message>");
    } finally {
      await harness.stop();
    }
  });

  test("a confirmation request the API queued is sent once, and a queued one at night waits for the morning", async ({
    ns,
  }) => {
    let nowMs = Date.parse("2026-10-10T19:00:00Z"); // noon in Los Angeles
    const harness = await startHarness(ns, {
      now: () => nowMs,
      counties: { "06999": { ...sampleCounties["06999"], contactWindow: "08:00-21:00" } },
    });
    try {
      const store = new RedisSubscriptionStore(ns.redis, ns.keys);
      await ns.redis.hset(ns.keys.voter("V1"), "county", "06999");
      await store.save(
        voter("V1", "en", [{ channel: "sms", address: phone, consent: "pending", source: "voter", updatedAtMs: 1 }]),
      );
      const queue = ns.keys.confirmationRequests();
      await ns.redis.zadd(queue, nowMs, "V1|sms");
      await waitFor("the confirmation request", () => harness.twilio.messages.length === 1);
      await waitFor("the queue to be empty", async () => (await ns.redis.zcard(queue)) === 0);
      expect(harness.twilio.messages[0]?.body.Body).toContain("Reply YES");
      // Asked again for the same pending address (a double click): nothing more is sent.
      await ns.redis.zadd(queue, nowMs, "V1|sms");
      await waitFor("the queue to be empty again", async () => (await ns.redis.zcard(queue)) === 0);

      nowMs = Date.parse("2026-10-11T06:00:00Z"); // 23:00
      await store.save(
        voter("V2", "en", [
          { channel: "email", address: "v2@example.org", consent: "pending", source: "voter", updatedAtMs: 2 },
        ]),
      );
      await ns.redis.hset(ns.keys.voter("V2"), "county", "06999");
      await ns.redis.zadd(queue, nowMs, "V2|email");
      await waitFor("the request to wait for 08:00", async () => {
        const score = await ns.redis.zscore(queue, "V2|email");
        return score === String(Date.parse("2026-10-11T15:00:00Z"));
      });
      expect(harness.resend.requestCount()).toBe(0);
      nowMs = Date.parse("2026-10-11T15:00:00Z");
      await waitFor("the morning's confirmation email", () => harness.resend.messages.length === 1);
      expect(String(harness.resend.messages[0]?.body.text)).toContain("/v1/notify/confirm?token=");
      expect(harness.twilio.messages).toHaveLength(1);
    } finally {
      await harness.stop();
    }
  });

  test("a replaced contact is told once, in the voter's language, with no unsubscribe link, and then forgotten", async ({
    ns,
  }) => {
    const nowMs = Date.parse("2026-10-10T19:00:00Z"); // noon in Los Angeles
    const harness = await startHarness(ns, {
      now: () => nowMs,
      counties: { "06999": { ...sampleCounties["06999"], contactWindow: "08:00-21:00" } },
    });
    try {
      await ns.redis.hset(ns.keys.voter("V1"), "county", "06999");
      const notices = new RedisContactChangeNotices(ns.redis, ns.keys);
      const notice = { voterId: "V1", address: "old@example.org", language: "es", changedAtMs: nowMs } as const;
      await notices.record({ ...notice, channel: "email" });
      await notices.record({ ...notice, channel: "sms", address: phone });
      await waitFor("both notices", () => harness.resend.messages.length === 1 && harness.twilio.messages.length === 1);
      await waitFor("the queue to be empty", async () => (await ns.redis.zcard(ns.keys.contactChangeNotices())) === 0);
      const email = harness.resend.messages[0]?.body as {
        to: string | string[];
        text: string;
        headers?: Record<string, string>;
      };
      expect([email.to].flat()).toEqual(["old@example.org"]);
      expect(email.headers?.["List-Unsubscribe"]).toBeUndefined();
      expect(email.text).not.toContain("/v1/notify/unsubscribe");
      expect(harness.twilio.messages[0]?.body.To).toBe(phone);
      // Recorded again (a retried save): the same notice is not sent twice.
      await notices.record({ ...notice, channel: "email" });
      await waitFor(
        "the queue to be empty again",
        async () => (await ns.redis.zcard(ns.keys.contactChangeNotices())) === 0,
      );
      expect(harness.resend.messages).toHaveLength(1);
    } finally {
      await harness.stop();
    }
  });

  test("an email confirmation link works once; tampered and expired links do not", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      const store = new RedisSubscriptionStore(ns.redis, ns.keys);
      await store.save(
        voter("V1", "en", [
          { channel: "email", address: "v1@example.org", consent: "pending", source: "voter", updatedAtMs: 0 },
        ]),
      );
      await publishStatusChange(ns, { to: "delivered" });
      await waitFor("the confirmation email", () => harness.resend.messages.length === 1);
      const text = String(harness.resend.messages[0]?.body.text);
      const link = /(http:\/\/\S+\/v1\/notify\/confirm\?token=\S+)/.exec(text)?.[1] as string;
      expect(link).toBeDefined();
      const token = decodeURIComponent(new URL(link).searchParams.get("token") as string);
      const [version, payload, signature] = token.split(".");
      const tampered = `${version}.${payload}x.${signature}`;
      expect((await fetch(`${harness.url}/v1/notify/confirm?token=${encodeURIComponent(tampered)}`)).status).toBe(400);
      const expired = signLinkToken(
        { action: "confirm", voterId: "V1", channel: "email", expiresAtMs: Date.now() - 1 },
        linkSecret,
      );
      expect((await fetch(`${harness.url}/v1/notify/confirm?token=${encodeURIComponent(expired)}`)).status).toBe(410);
      expect((await store.load("V1"))?.channels[0]?.consent).toBe("pending");

      expect((await fetch(link)).status).toBe(200);
      expect((await store.load("V1"))?.channels[0]?.consent).toBe("confirmed");
      expect((await fetch(link)).status).toBe(409);
    } finally {
      await harness.stop();
    }
  });

  test("one-click unsubscribe: the POST opts the email out, a GET (a mail scanner) does not", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      const store = new RedisSubscriptionStore(ns.redis, ns.keys);
      await store.save(
        voter("V1", "en", [
          { channel: "email", address: "v1@example.org", consent: "confirmed", source: "voter", updatedAtMs: 0 },
        ]),
      );
      await publishStatusChange(ns, { to: "delivered" });
      await waitFor("the email", () => harness.resend.messages.length === 1);
      const headers = harness.resend.messages[0]?.body.headers as Record<string, string>;
      const link = (headers["List-Unsubscribe"] as string).slice(1, -1);
      expect((await fetch(link)).status).toBe(200);
      expect((await store.load("V1"))?.channels[0]?.consent).toBe("confirmed");
      const response = await fetch(link, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(response.status).toBe(200);
      expect((await store.load("V1"))?.channels[0]?.consent).toBe("opted_out");
      await publishStatusChange(ns, { to: "received" });
      await waitFor("the notifier to ack", () => isNotifierDrained(ns));
      expect(harness.resend.messages).toHaveLength(1);
    } finally {
      await harness.stop();
    }
  });
});
