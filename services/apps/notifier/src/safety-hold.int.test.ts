import { RedisBallotStore, RedisSubscriptionStore } from "@ballot/adapters";
import { RedisSafetyHolds } from "@ballot/adapters/redis/safety-holds";
import { ballotKeyOf } from "@ballot/contracts";
import { applyEvidence, type BallotEvidence, emptyBallotState, type Language } from "@ballot/core";
import { describe, expect, type TestNamespace, test, waitFor } from "@ballot/testing";
import { isNotifierDrained, publishStatusChange, sampleCounties, startHarness, voter } from "./test-support.ts";

const county = "06999";
const at = (day: number) => Date.UTC(2026, 9, day, 18);
/** 10% of the county's 100 ballots: ten changes of one batch to one status notify, the eleventh on is held. */
const counties = { [county]: { ...sampleCounties[county], safetyHold: { share: 0.1, minimumBallots: 5 } } };

interface SeededBallot {
  readonly ballotKey: string;
  readonly ballotId: string;
  readonly voterId: string;
  readonly email: string;
}

/**
 * A county of 100 ballots, all received, written as the tracker writes them (state, counters), and a subscriber
 * with a confirmed email for each; `rejected` of them were then rejected.
 */
async function seedCounty(ns: TestNamespace, rejected: number, language: (index: number) => Language = () => "en") {
  const store = new RedisBallotStore(ns.redis, ns.keys);
  const subscriptions = new RedisSubscriptionStore(ns.redis, ns.keys);
  const ballots: SeededBallot[] = [];
  for (let index = 1; index <= 100; index += 1) {
    const ballot = {
      ballotKey: ballotKeyOf("271828", String(index).padStart(9, "0")),
      ballotId: `B${index}`,
      voterId: `V${index}`,
      email: `v${index}@example.org`,
    };
    const evidence: BallotEvidence[] = [
      {
        kind: "issued",
        ballotId: ballot.ballotId,
        voterId: ballot.voterId,
        county,
        electionId: "2026-11-03-general",
        zip: "95616",
        occurredAtMs: at(1),
      },
      { kind: "county", status: "received", occurredAtMs: at(10) },
    ];
    if (index <= rejected) {
      evidence.push({ kind: "county", status: "rejected", occurredAtMs: at(12), reasonCode: "other" });
    }
    const written = await store.write(ballot.ballotKey, undefined, evidence.reduce(applyEvidence, emptyBallotState));
    if (written.outcome !== "written") throw new Error(`ballot ${ballot.ballotKey} was not written`);
    await subscriptions.save(
      voter(ballot.voterId, language(index), [
        { channel: "email", address: ballot.email, consent: "confirmed", source: "voter", updatedAtMs: 0 },
      ]),
    );
    ballots.push(ballot);
  }
  await ns.redis.sadd(ns.keys.counties(), county);
  return ballots;
}

/** The tracker's announcement of one ballot's rejection by a county upload. */
const rejection = (ns: TestNamespace, ballot: SeededBallot, batchId: string | undefined) =>
  publishStatusChange(ns, {
    ballotKey: ballot.ballotKey,
    ballotId: ballot.ballotId,
    voterId: ballot.voterId,
    county,
    from: "received",
    to: "rejected",
    occurredAt: new Date(at(12)).toISOString(),
    ...(batchId ? { batchId } : {}),
  });

const emailsTo = (messages: readonly { to?: unknown }[], address: string) =>
  messages.filter((message) => message.to === address).length;

describe("safety hold: a batch that moves an unusual share of a county's ballots at once", () => {
  test("hold and release: the first ten notify, the other thirty wait for an approver, then go out once each", async ({
    ns,
  }) => {
    const ballots = await seedCounty(ns, 45);
    const harness = await startHarness(ns, { counties });
    const holds = new RedisSafetyHolds(ns.redis, ns.keys);
    try {
      for (const ballot of ballots.slice(0, 40)) await rejection(ns, ballot, "upload-40pct");
      await waitFor("the notifier to ack the batch", () => isNotifierDrained(ns));
      expect(harness.resend.messages).toHaveLength(10);
      const [hold] = await holds.list(county, 10);
      expect(hold).toMatchObject({
        holdId: "upload-40pct:rejected",
        batchId: "upload-40pct",
        status: "rejected",
        state: "held",
        movedBallots: 40,
        threshold: 10,
        countyBallots: 100,
        heldBallots: 30,
        heldNotices: 30,
      });
      const detail = await holds.get(county, "upload-40pct:rejected");
      expect(detail?.from).toEqual({ received: 40 });
      expect(detail?.sample).toHaveLength(10);
      expect(detail?.sample[0]).toEqual({ ballotId: expect.stringMatching(/^B\d+$/), from: "received" });

      // An ordinary upload of the same day: five rejections, under the threshold, all sent, nothing held.
      for (const ballot of ballots.slice(40, 45)) await rejection(ns, ballot, "upload-small");
      await waitFor("the small upload's five emails", () => harness.resend.messages.length === 15);
      expect((await holds.list(county, 10)).map((entry) => entry.holdId)).toEqual(["upload-40pct:rejected"]);

      expect(await holds.decide(county, "upload-40pct:rejected", "released", "yolo.approver", Date.now())).toBe(
        "decided",
      );
      await waitFor("the thirty held emails", () => harness.resend.messages.length === 45);
      await waitFor(
        "the hold to empty",
        async () => (await holds.get(county, "upload-40pct:rejected"))?.heldNotices === 0,
      );
      // A redelivered change after the release sends nothing twice.
      await rejection(ns, ballots[30] as SeededBallot, "upload-40pct");
      await waitFor("the notifier to ack it", () => isNotifierDrained(ns));
      for (const ballot of ballots.slice(0, 45)) expect(emailsTo(harness.resend.messages, ballot.email)).toBe(1);
      expect(harness.resend.messages).toHaveLength(45);
      expect(await holds.get(county, "upload-40pct:rejected")).toMatchObject({
        state: "released",
        decidedBy: "yolo.approver",
      });
      // A second decision changes nothing.
      expect(await holds.decide(county, "upload-40pct:rejected", "discarded", "yolo.approver", Date.now())).toBe(
        "released",
      );
    } finally {
      await harness.stop();
    }
  });

  test("discard and correction: the held thirty never go; the ten who got it are told it was wrong, in their language", async ({
    ns,
  }) => {
    const ballots = await seedCounty(ns, 41, (index) => (index % 2 === 0 ? "es" : "en"));
    const harness = await startHarness(ns, { counties });
    const holds = new RedisSafetyHolds(ns.redis, ns.keys);
    try {
      for (const ballot of ballots.slice(0, 40)) await rejection(ns, ballot, "bad-file");
      await waitFor("the notifier to ack the batch", () => isNotifierDrained(ns));
      const wronglyTold = new Set(harness.resend.messages.map((message) => message.to));
      expect(wronglyTold.size).toBe(10);

      expect(await holds.decide(county, "bad-file:rejected", "discarded", "yolo.approver", Date.now())).toBe("decided");
      expect(await holds.get(county, "bad-file:rejected")).toMatchObject({ state: "discarded", heldNotices: 0 });
      // The rest of a discarded batch is dropped as it comes.
      await rejection(ns, ballots[40] as SeededBallot, "bad-file");
      await waitFor("the notifier to ack it", () => isNotifierDrained(ns));
      expect(harness.resend.messages).toHaveLength(10);

      expect(await holds.requestCorrection(county, "bad-file:rejected", "yolo.approver", Date.now())).toBe("requested");
      expect(await holds.requestCorrection(county, "bad-file:rejected", "yolo.approver", Date.now())).toBe("already");
      await waitFor("ten retractions", () => harness.resend.messages.length === 20);
      const retractions = harness.resend.messages.slice(10);
      expect(new Set(retractions.map((message) => message.to))).toEqual(wronglyTold);
      for (const message of retractions) {
        const index = Number(String(message.to).match(/\d+/)?.[0]);
        expect(message.body.subject).toBe(
          index % 2 === 0 ? "Ignore nuestro último mensaje sobre su boleta" : "Please ignore our last ballot message",
        );
      }
      await waitFor("the correction to finish", async () => {
        const hold = await holds.get(county, "bad-file:rejected");
        return hold?.correction?.finishedAt ? hold : undefined;
      });
      expect((await holds.get(county, "bad-file:rejected"))?.correction).toMatchObject({
        requestedBy: "yolo.approver",
        ballotsTold: 10,
      });
    } finally {
      await harness.stop();
    }
  });

  test("the county's own correction file: only the ten told of the bad file hear it was wrong; the held thirty hear nothing", async ({
    ns,
  }) => {
    const ballots = (await seedCounty(ns, 40)).slice(0, 40);
    // Only rejections are watched here, so that the correction file itself is not held as a batch.
    const rejectionsWatched = {
      [county]: { ...counties[county], safetyHold: { share: 0.1, minimumBallots: 5, statuses: ["rejected" as const] } },
    };
    const harness = await startHarness(ns, { counties: rejectionsWatched });
    const subjectsTo = (address: string) =>
      harness.resend.messages.filter((message) => message.to === address).map((message) => message.body.subject);
    const move = (ballot: SeededBallot, from: "returned_by_voter" | "rejected", day: number, batchId?: string) =>
      publishStatusChange(ns, {
        ballotKey: ballot.ballotKey,
        ballotId: ballot.ballotId,
        voterId: ballot.voterId,
        county,
        from,
        to: "received",
        occurredAt: new Date(at(day)).toISOString(),
        ...(batchId ? { batchId } : {}),
      });
    try {
      for (const ballot of ballots) await move(ballot, "returned_by_voter", 10);
      await waitFor("forty receipts", () => harness.resend.messages.length === 40);
      for (const ballot of ballots) await rejection(ns, ballot, "bad-file");
      await waitFor("the notifier to ack the bad file", () => isNotifierDrained(ns));
      expect(harness.resend.messages).toHaveLength(50);
      const wronglyTold = ballots.filter((ballot) => subjectsTo(ballot.email).length === 2);
      expect(wronglyTold).toHaveLength(10);

      // The county fixes it with a correction file before any approver looked at the hold.
      for (const ballot of ballots) await move(ballot, "rejected", 13, "fix-file");
      await waitFor("the notifier to ack the correction file", () => isNotifierDrained(ns));
      await waitFor("ten corrections", () => harness.resend.messages.length === 60);
      for (const ballot of ballots) {
        expect(subjectsTo(ballot.email)).toEqual(
          wronglyTold.includes(ballot)
            ? ["Your ballot was received", "Your ballot was not counted", "Correction to your ballot status"]
            : ["Your ballot was received"],
        );
      }
    } finally {
      await harness.stop();
    }
  });

  test("changes no batch caused, and statuses the county does not watch, are never held", async ({ ns }) => {
    const ballots = await seedCounty(ns, 40);
    const harness = await startHarness(ns, { counties });
    try {
      for (const ballot of ballots.slice(0, 20)) await rejection(ns, ballot, undefined);
      for (const ballot of ballots.slice(20, 40)) {
        await publishStatusChange(ns, {
          ballotKey: ballot.ballotKey,
          ballotId: ballot.ballotId,
          voterId: ballot.voterId,
          county,
          from: "in_transit",
          to: "delivered",
          batchId: "usps-feed-1",
        });
      }
      await waitFor("forty emails", () => harness.resend.messages.length === 40);
      await waitFor("the notifier to ack them", () => isNotifierDrained(ns));
      expect(await new RedisSafetyHolds(ns.redis, ns.keys).list(county, 10)).toEqual([]);
    } finally {
      await harness.stop();
    }
  });
});
