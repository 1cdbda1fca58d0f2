import { RedisBallotStore, RedisSubscriptionStore } from "@ballot/adapters";
import { RedisBroadcastStore } from "@ballot/adapters/redis/broadcast-store";
import { ballotKeyOf } from "@ballot/contracts";
import { applyEvidence, type BallotEvidence, emptyBallotState, type Language, languagePacks } from "@ballot/core";
import { describe, expect, type TestNamespace, test, waitFor } from "@ballot/testing";
import { sampleCounties, startHarness, voter } from "./test-support.ts";

const county = "06999";
const languagesOfVoters: readonly Language[] = ["en", "es", "zh", "hi", "ja", "km", "ko", "tl", "th", "vi"];
const placeChange = {
  kind: "polling_place_change" as const,
  variables: { placeName: "Veterans Memorial Hall", placeAddress: "203 E 14th St, Davis" },
  audience: { electionId: "2026-11-03-general" },
};

/** Voters V1..Vn of the sample county, each with a mailed ballot and a confirmed email, one in each language. */
async function seedVoters(
  ns: TestNamespace,
  count: number,
  extra: (index: number) => Partial<{ sms: boolean }> = () => ({}),
) {
  const ballots = new RedisBallotStore(ns.redis, ns.keys);
  const subscriptions = new RedisSubscriptionStore(ns.redis, ns.keys);
  for (let index = 1; index <= count; index += 1) {
    const voterId = `V${index}`;
    const ballotKey = ballotKeyOf("271828", String(index).padStart(9, "0"));
    const evidence: BallotEvidence[] = [
      {
        kind: "issued",
        ballotId: `B${index}`,
        voterId,
        county,
        electionId: "2026-11-03-general",
        zip: "95616",
        occurredAtMs: Date.parse("2026-10-01T12:00:00Z"),
      },
      { kind: "county", status: "mailed", occurredAtMs: Date.parse("2026-10-05T12:00:00Z") },
    ];
    const written = await ballots.write(ballotKey, undefined, evidence.reduce(applyEvidence, emptyBallotState));
    if (written.outcome !== "written") throw new Error(`ballot ${ballotKey} not written`);
    const multi = ns.redis.multi();
    ballots.index.record(multi, { ballotKey, ballotId: `B${index}`, voterId, aliases: [] });
    multi.hset(ns.keys.voter(voterId), { county, zip: "95616", language: "en" });
    await multi.exec();
    const language = languagesOfVoters[(index - 1) % languagesOfVoters.length] as Language;
    const base = { consent: "confirmed", source: "voter", updatedAtMs: 0 } as const;
    await subscriptions.save(
      voter(voterId, language, [
        { ...base, channel: "email", address: `v${index}@voter.example` },
        ...(extra(index).sms ? [{ ...base, channel: "sms" as const, address: `+1555555${String(1000 + index)}` }] : []),
      ]),
    );
  }
}

/** A broadcast drafted by one person, approved by another and sent, as the API does it. */
async function sendBroadcast(ns: TestNamespace, nowMs: number) {
  const store = new RedisBroadcastStore(ns.redis, ns.keys);
  const draft = await store.create(county, placeChange, "ana.clerk", nowMs);
  expect((await store.approve(county, draft.id, "bo.approver", nowMs)).outcome).toBe("done");
  expect((await store.startSending(county, draft.id, "ana.clerk", nowMs)).outcome).toBe("done");
  return { store, id: draft.id };
}

const subjectOf = (language: Language) => languagePacks[language].broadcasts.polling_place_change.subject;

describe("notifier: broadcasts", () => {
  test("an approved broadcast reaches each subscriber once, in their language, in stages, and ends as sent", async ({
    ns,
  }) => {
    await seedVoters(ns, 12, (index) => ({ sms: index === 10 }));
    const harness = await startHarness(ns, {
      env: {
        NOTIFIER_BROADCAST_FIRST_STAGE_VOTERS: "3",
        NOTIFIER_BROADCAST_PAUSE_MS: "400",
        NOTIFIER_BROADCAST_PAGE_VOTERS: "4",
      },
    });
    try {
      const { store, id } = await sendBroadcast(ns, Date.now());
      await waitFor("the first stage", async () => (await store.sendingState(county, id)).firstStageDone);
      // The pause: the rest waits while the first stage is watched.
      expect((await store.get(county, id))?.progress.voters).toBe(3);
      expect(harness.resend.messages.length).toBe(3);
      await waitFor("the broadcast to be sent", async () => (await store.get(county, id))?.status === "sent", {
        timeoutMs: 15_000,
      });
      expect((await store.get(county, id))?.progress).toEqual({ voters: 12, sent: 13, waiting: 0, failed: 0 });
      const emails = harness.resend.messages;
      expect(emails.map((message) => message.to).sort()).toEqual(
        Array.from({ length: 12 }, (_, index) => `v${index + 1}@voter.example`).sort(),
      );
      for (const message of emails) {
        const index = Number(/v(\d+)@/.exec(message.to)?.[1]);
        const language = languagesOfVoters[(index - 1) % languagesOfVoters.length] as Language;
        expect(message.body.subject, message.to).toBe(subjectOf(language));
        expect(String(message.body.text)).toContain("Veterans Memorial Hall");
      }
      expect(harness.twilio.messages.map((message) => String(message.body.Body))).toEqual([
        expect.stringContaining("Nơi bỏ phiếu mới: Veterans Memorial Hall, 203 E 14th St, Davis"),
      ]);
      expect(await ns.redis.zcard(ns.keys.broadcastsSending())).toBe(0);
    } finally {
      await harness.stop();
    }
  });

  test("the kill switch: cancelled during the pause, nothing more goes out, and what was sent stays recorded", async ({
    ns,
  }) => {
    await seedVoters(ns, 8);
    const harness = await startHarness(ns, {
      env: { NOTIFIER_BROADCAST_FIRST_STAGE_VOTERS: "2", NOTIFIER_BROADCAST_PAUSE_MS: "200" },
    });
    try {
      const { store, id } = await sendBroadcast(ns, Date.now());
      await waitFor("the first stage", async () => (await store.get(county, id))?.progress.voters === 2);
      expect((await store.cancel(county, id, "bo.approver", Date.now())).outcome).toBe("done");
      await waitFor("the notifier to drop it", async () => (await ns.redis.zcard(ns.keys.broadcastsSending())) === 0, {
        timeoutMs: 5_000,
      });
      // Past the pause, and more turns of the loop: still only the first stage's two.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(harness.resend.messages.length).toBe(2);
      expect(await store.get(county, id)).toMatchObject({ status: "cancelled", progress: { voters: 2, sent: 2 } });
    } finally {
      await harness.stop();
    }
  });

  test("a notifier that dies before recording its place does the page again without sending anything twice", async ({
    ns,
  }) => {
    await seedVoters(ns, 6);
    const harness = await startHarness(ns, { env: { NOTIFIER_BROADCAST_FIRST_STAGE_VOTERS: "100" } });
    try {
      const { store, id } = await sendBroadcast(ns, Date.now());
      await waitFor("the broadcast to be sent", async () => (await store.get(county, id))?.status === "sent");
      expect(harness.resend.messages.length).toBe(6);
      // As if it had died after the provider calls and before the cursor was written: the walk starts over.
      await ns.redis.hset(ns.keys.broadcast(county, id), { status: "sending", cursor: "0", walked: "0" });
      await ns.redis.zadd(ns.keys.broadcastsSending(), Date.now(), `${county}|${id}`);
      await waitFor("the walk again", async () => (await store.get(county, id))?.status === "sent");
      expect(harness.resend.messages.length).toBe(6);
      expect(harness.resend.repeatedKeyCount()).toBe(0);
    } finally {
      await harness.stop();
    }
  });

  test("at night the messages wait for the contact window; a STOP in the night wins", async ({ ns }) => {
    await seedVoters(ns, 3, (index) => ({ sms: index === 1 }));
    let nowMs = Date.parse("2026-10-21T06:00:00Z"); // 23:00 PDT
    const counties = { [county]: { ...sampleCounties[county], contactWindow: "08:00-21:00" } };
    const harness = await startHarness(ns, { counties, now: () => nowMs });
    try {
      const { store, id } = await sendBroadcast(ns, nowMs);
      await waitFor("every message to wait", async () => (await store.get(county, id))?.progress.waiting === 4);
      expect(harness.resend.messages.length + harness.twilio.messages.length).toBe(0);
      expect((await store.get(county, id))?.status).toBe("sending");
      await new RedisSubscriptionStore(ns.redis, ns.keys).setConsent("V2", "email", "opted_out", nowMs);
      nowMs = Date.parse("2026-10-21T15:00:00Z"); // 08:00 PDT
      await waitFor("the morning's messages", async () => (await store.get(county, id))?.status === "sent");
      expect(harness.resend.messages.map((message) => message.to).sort()).toEqual([
        "v1@voter.example",
        "v3@voter.example",
      ]);
      expect(harness.twilio.messages.length).toBe(1);
      expect((await store.get(county, id))?.progress).toMatchObject({ sent: 3, waiting: 0 });
    } finally {
      await harness.stop();
    }
  });
});
