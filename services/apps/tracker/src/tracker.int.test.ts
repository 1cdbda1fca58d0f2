import { contentMessageId, JetStreamPublisher, RedisBallotStore } from "@ballot/adapters";
import { currentStatus, timelineOf } from "@ballot/core";
import { describe, expect, type TestNamespace, test, waitFor } from "@ballot/testing";
import { isTrackerDrained, startTracker } from "./test-support.ts";

const outbound = (serial: number) => `00720314159${String(serial).padStart(9, "0")}95616123456`;
const returning = (serial: number) => `00777314159${String(serial).padStart(9, "0")}95695123401`;

function ballotEvents(serial: number) {
  const ballotId = `B${serial}`;
  const at = (day: number) => new Date(Date.UTC(2026, 9, day, 12)).toISOString();
  const scan = (imb: string, day: number, mailPhase: string, milestone: "in_transit" | "delivered") => ({
    imb,
    mailerId: "314159",
    serialNumber: String(serial).padStart(9, "0"),
    serviceTypeId: imb.slice(2, 5),
    direction: imb.slice(2, 5) === "777" ? ("return" as const) : ("outbound" as const),
    milestone,
    occurredAt: at(day),
    rawTimestamp: at(day),
    mailPhase,
    feed: "usps",
  });
  return {
    ballot: {
      county: "06999",
      ballotId,
      voterId: `V${serial}`,
      electionId: "e1",
      outboundImb: outbound(serial),
      returnImb: returning(serial),
      issuedAt: at(1),
    },
    scans: [
      scan(outbound(serial), 3, "Phase 1a - Origin Primary Processing", "in_transit"),
      scan(outbound(serial), 5, "Phase 4c - Delivery", "delivered"),
      scan(returning(serial), 9, "Phase 0 - Origin Processing Cancellation of Postage", "in_transit"),
    ],
    statuses: [
      { county: "06999", ballotId, status: "received" as const, occurredAt: at(11) },
      { county: "06999", ballotId, status: "accepted" as const, occurredAt: at(12) },
    ],
  };
}

async function publishBallotLife(ns: TestNamespace, serials: readonly number[]) {
  const publisher = new JetStreamPublisher(ns.jetstream);
  const { subjects } = ns.catalog;
  const lives = serials.map(ballotEvents);
  // Scans first, in chunks that mix ballots as ingest's do, the ballot records last: the tracker must not depend on
  // arrival order.
  const scans = lives.flatMap((life) => life.scans);
  for (let start = 0; start < scans.length; start += 50) {
    const chunk = { scans: scans.slice(start, start + 50) };
    await publisher.publish(subjects.uspsScans, chunk, contentMessageId(JSON.stringify(chunk)));
  }
  for (const events of lives) {
    await publisher.publish(subjects.countyBallot, events.ballot, contentMessageId(JSON.stringify(events.ballot)));
    for (const status of events.statuses) {
      await publisher.publish(subjects.countyStatus, status, contentMessageId(JSON.stringify(status)));
    }
  }
}

describe("tracker", () => {
  test("two instances on one consumer lose no update and publish each status change once", async ({ ns }) => {
    const serials = Array.from({ length: 40 }, (_, index) => index + 1);
    const trackers = [await startTracker(ns), await startTracker(ns)];
    await publishBallotLife(ns, serials);
    await waitFor("the tracker consumer to drain", () => isTrackerDrained(ns));
    const store = new RedisBallotStore(ns.redis, ns.keys);
    for (const serial of serials) {
      const stored = await store.load(`314159:${String(serial).padStart(9, "0")}`);
      expect(stored && currentStatus(stored.state)).toBe("accepted");
      expect(stored && timelineOf(stored.state).map((entry) => entry.status)).toEqual([
        "issued",
        "in_transit",
        "delivered",
        "returned_by_voter",
        "received",
        "accepted",
      ]);
    }
    // However the work interleaved, each ballot's changes name each status at most once and end at "accepted".
    const stream = ns.catalog.streams.statusChanges.name;
    const count = (await ns.jetstream.jsm.streams.info(stream)).state.messages;
    const changesByBallot = new Map<string, string[]>();
    for (let seq = 1; seq <= count; seq += 1) {
      const change = (await ns.jetstream.jsm.streams.getMessage(stream, { seq }))?.json<{
        ballotKey: string;
        to: string;
      }>();
      if (change) changesByBallot.set(change.ballotKey, [...(changesByBallot.get(change.ballotKey) ?? []), change.to]);
    }
    expect(changesByBallot.size).toBe(serials.length);
    for (const statuses of changesByBallot.values()) {
      expect(new Set(statuses).size).toBe(statuses.length);
      expect(statuses).toContain("accepted");
    }
    for (const tracker of trackers) await tracker.stop();
  });

  test("a county status for a ballot that never arrives is dead-lettered with the reason", async ({ ns }) => {
    const tracker = await startTracker(ns, { unknownBallotAttempts: 2 });
    const publisher = new JetStreamPublisher(ns.jetstream);
    const status = {
      county: "06999",
      ballotId: "NOPE",
      status: "received" as const,
      occurredAt: "2026-10-11T12:00:00Z",
    };
    await publisher.publish(ns.catalog.subjects.countyStatus, status, "unknown-ballot");
    await waitFor("the tracker consumer to drain", () => isTrackerDrained(ns));
    const letter = await ns.jetstream.jsm.streams.getMessage(ns.catalog.streams.deadLetters.name, { seq: 1 });
    expect(letter?.json<{ reason: string; raw: string }>()).toMatchObject({
      reason: expect.stringContaining("unknown ballot id NOPE"),
      raw: JSON.stringify(status),
    });
    await tracker.stop();
  });

  test("a message that breaks its schema is dead-lettered and the next one still lands", async ({ ns }) => {
    const tracker = await startTracker(ns);
    await ns.jetstream.js.publish(
      ns.catalog.subjects.uspsScans.name,
      new TextEncoder().encode('{"scans": [{"imb": 5}]}'),
    );
    await publishBallotLife(ns, [7]);
    await waitFor("the tracker consumer to drain", () => isTrackerDrained(ns));
    const letters = await ns.jetstream.jsm.streams.info(ns.catalog.streams.deadLetters.name);
    expect(letters.state.messages).toBe(1);
    const stored = await new RedisBallotStore(ns.redis, ns.keys).load("314159:000000007");
    expect(stored && currentStatus(stored.state)).toBe("accepted");
    await tracker.stop();
  });
});
