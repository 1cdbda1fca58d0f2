import { RedisNotificationLog, RedisSubscriptionStore } from "@ballot/adapters";
import type { BallotStatusChanged } from "@ballot/contracts";
import {
  describe,
  expect,
  services,
  startFakeResend,
  startFakeTwilio,
  startService,
  test,
  waitFor,
} from "@ballot/testing";
import { isNotifierDrained, notifierTestEnv, publishStatusChange, voter } from "./test-support.ts";

describe("notifier: killed mid-send", () => {
  test("kill -9 while the provider holds the request: the redelivered event sends nothing twice", async ({ ns }) => {
    const resend = await startFakeResend();
    const twilio = await startFakeTwilio();
    const env = notifierTestEnv(ns, resend, twilio, {
      env: { NOTIFIER_ACK_WAIT_MS: "1500", NOTIFIER_SEND_LEASE_MS: "1000", LOG_LEVEL: "warn" },
    });
    const start = () => startService({ name: "notifier", ...services.notifier, env });
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    const ballots = 30;
    for (let index = 0; index < ballots; index += 1) {
      await store.save(
        voter(`V${index}`, "en", [
          { channel: "email", address: `v${index}@example.org`, consent: "confirmed", source: "voter", updatedAtMs: 0 },
        ]),
      );
    }
    let first: Awaited<ReturnType<typeof start>> | undefined;
    let second: Awaited<ReturnType<typeof start>> | undefined;
    try {
      first = await start();
      // The provider takes the first email and never answers: the notifier is mid-send when it dies.
      resend.script({ hang: true });
      const changes: BallotStatusChanged[] = [];
      for (let index = 0; index < ballots; index += 1) {
        changes.push(await publishStatusChange(ns, { voterId: `V${index}`, from: "in_transit", to: "delivered" }));
      }
      await waitFor("the provider to hold a request", () => resend.messages.length >= 1 && resend.requestCount() >= 1);
      process.kill(first.pid as number, "SIGKILL");
      expect(await first.exited).toBe(null);
      const log = new RedisNotificationLog(ns.redis, ns.keys);
      const states = await Promise.all(changes.map((change) => log.get(`${change.ballotKey}:delivered:email`)));
      // At least the held one is left claimed: its outcome is unknown to us.
      expect(states.some((record) => record?.state === "claimed")).toBe(true);

      second = await start();
      await waitFor(
        "every email to be marked sent",
        async () => {
          const records = await Promise.all(changes.map((change) => log.get(`${change.ballotKey}:delivered:email`)));
          return records.every((record) => record?.state === "sent");
        },
        { timeoutMs: 30_000 },
      );
      await waitFor("the notifier to ack every event", () => isNotifierDrained(ns));
      const keys = resend.messages.map((message) => message.idempotencyKey);
      expect(keys).toHaveLength(ballots);
      expect(new Set(keys).size).toBe(ballots);
      // The held message was asked for again with the same key and answered from the first attempt.
      expect(resend.repeatedKeyCount()).toBeGreaterThanOrEqual(1);
    } finally {
      await first?.stop(1_000);
      await second?.stop(5_000);
      await resend.close();
      await twilio.close();
    }
  });
});
