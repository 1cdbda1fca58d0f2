import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RedisBallotStore, RedisSubscriptionStore } from "@ballot/adapters";
import { emptyBallotState } from "@ballot/core";
import { describe, expect, test, waitFor } from "@ballot/testing";
import { isNotifierDrained, publishAlert, publishStatusChange, startHarness, voter } from "./test-support.ts";

const email = (language: Parameters<typeof voter>[1]) =>
  voter("V1", language, [
    { channel: "email", address: "v1@example.org", consent: "confirmed", source: "voter", updatedAtMs: 0 },
  ]);

describe("notifier: alerts, voices, rate limits and the outbox", () => {
  test("a return-deadline reminder names the date in the voter's language, once per deadline", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(email("es"));
      const alert = await publishAlert(ns, { kind: "return_deadline_reminder", deadline: "2026-11-03" });
      await publishAlert(ns, { ...alert, raisedAt: "2026-10-28T16:00:00Z" });
      await publishAlert(ns, { ...alert, deadline: "2026-11-10" });
      await waitFor("the notifier to ack the alerts", () => isNotifierDrained(ns));
      expect(harness.resend.messages).toHaveLength(2);
      expect(String(harness.resend.messages[0]?.body.text)).toContain("3 de noviembre de 2026");
      expect(harness.resend.messages[0]?.idempotencyKey).toBe(
        `${alert.ballotKey}:return_deadline_reminder:2026-11-03:email`,
      );
    } finally {
      await harness.stop();
    }
  });

  test("a rejected signature tells the reason, the cure deadline and the county's cure form, from the ballot's state", async ({
    ns,
  }) => {
    const harness = await startHarness(ns);
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(email("en"));
      const ballotKey = "314159:900000001";
      await new RedisBallotStore(ns.redis, ns.keys).compareAndSet(ballotKey, 0, {
        ...emptyBallotState,
        ballotId: "B900",
        voterId: "V1",
        county: "06999",
        countyEvents: [
          { status: "received", atMs: Date.parse("2026-10-20T17:00:00Z") },
          {
            status: "rejected",
            atMs: Date.parse("2026-10-21T17:00:00Z"),
            reasonCode: "signature_missing",
            cureDeadline: "2026-11-20",
          },
        ],
      });
      await publishStatusChange(ns, { ballotKey, from: "received", to: "cure_pending" });
      await waitFor("the email", () => harness.resend.messages.length === 1);
      const [message] = harness.resend.messages;
      expect(message?.body.subject).toBe("Action needed: your ballot was not counted yet");
      expect(String(message?.body.text)).toContain("the envelope is not signed");
      expect(String(message?.body.text)).toContain("November 20, 2026");
      expect(String(message?.body.text)).toContain("Cure form: https://vote.sample.example/cure");
    } finally {
      await harness.stop();
    }
  });

  test("a call in Spanish is said in the Spanish voice", async ({ ns }) => {
    const harness = await startHarness(ns);
    try {
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(
        voter("V1", "es", [
          { channel: "voice", address: "+15555550124", consent: "confirmed", source: "voter", updatedAtMs: 0 },
        ]),
      );
      await publishStatusChange(ns, { to: "counted" });
      await waitFor("the call", () => harness.twilio.messages.length === 1);
      const twiml = String(harness.twilio.messages[0]?.body.Twiml);
      expect(twiml).toContain('<Say voice="Polly.Lupe" language="es-US">');
      expect(twiml).toContain("Su boleta fue contada");
    } finally {
      await harness.stop();
    }
  });

  test("the per-provider rate limit keeps under the provider's, so nothing comes back 429", async ({ ns }) => {
    const harness = await startHarness(ns, { env: { NOTIFIER_EMAIL_PER_SECOND: "40" } });
    try {
      harness.resend.setRateLimit(50);
      const store = new RedisSubscriptionStore(ns.redis, ns.keys);
      const ballots = 60;
      for (let index = 0; index < ballots; index += 1) {
        await store.save(
          voter(`V${index}`, "en", [
            {
              channel: "email",
              address: `v${index}@example.org`,
              consent: "confirmed",
              source: "voter",
              updatedAtMs: 0,
            },
          ]),
        );
      }
      const startedAtMs = Date.now();
      for (let index = 0; index < ballots; index += 1) {
        await publishStatusChange(ns, { voterId: `V${index}`, to: "delivered" });
      }
      await waitFor("every email", () => harness.resend.messages.length === ballots);
      expect(harness.resend.requestCount()).toBe(ballots);
      // 60 emails at 40/s take at least a second and a half.
      expect(Date.now() - startedAtMs).toBeGreaterThanOrEqual(1_400);
    } finally {
      await harness.stop();
    }
  });

  test("without provider credentials each message is one JSON file in the outbox, even when redelivered", async ({
    ns,
  }) => {
    const outbox = mkdtempSync(join(tmpdir(), "outbox-"));
    const harness = await startHarness(ns, {
      env: { RESEND_API_KEY: "", TWILIO_ACCOUNT_SID: "", TWILIO_AUTH_TOKEN: "", NOTIFIER_OUTBOX_DIR: outbox },
    });
    try {
      expect(harness.notifier.providers).toEqual({ email: "outbox", sms: "outbox", voice: "outbox" });
      await new RedisSubscriptionStore(ns.redis, ns.keys).save(
        voter("V1", "ko", [
          { channel: "email", address: "v1@example.org", consent: "confirmed", source: "voter", updatedAtMs: 0 },
          { channel: "sms", address: "+15555550123", consent: "confirmed", source: "voter", updatedAtMs: 0 },
        ]),
      );
      const change = await publishStatusChange(ns, { to: "received" });
      await publishStatusChange(ns, { ...change, asOf: "2026-10-10T19:00:00Z" });
      await waitFor("the notifier to ack both", () => isNotifierDrained(ns));
      const files = readdirSync(outbox).sort();
      expect(files).toEqual([
        `${change.ballotKey.replace(":", "_")}_received_email.json`,
        `${change.ballotKey.replace(":", "_")}_received_sms.json`,
      ]);
      const mail = JSON.parse(readFileSync(join(outbox, files[0] as string), "utf8")) as Record<string, string>;
      expect(mail).toMatchObject({ channel: "email", to: "v1@example.org", from: "ballots@sample.example" });
      expect(mail.subject).toBe("투표용지가 접수되었습니다");
      expect(harness.resend.requestCount() + harness.twilio.requestCount()).toBe(0);
    } finally {
      await harness.stop();
    }
  });
});
