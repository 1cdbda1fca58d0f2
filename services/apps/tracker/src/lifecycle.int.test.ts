import { RedisBallotStore } from "@ballot/adapters";
import { currentStatus } from "@ballot/core";
import { describe, expect, test, waitFor } from "@ballot/testing";
import { isTrackerDrained, publishEvents, readStatusChanges, startTracker } from "./test-support.ts";

const imb = (serial: string, stid = "720") => `00${stid}314159${serial}95616123456`;
const ballot = (ballotId: string, serial: string, issuedAt: string) => ({
  county: "06999",
  ballotId,
  voterId: "V1",
  electionId: "2026-11-03-general",
  outboundImb: imb(serial),
  returnImb: imb(serial, "777"),
  issuedAt,
});

describe("tracker: ballot lifecycle rules", () => {
  test("a reissued ballot supersedes the older one, whichever record arrives first", async ({ ns }) => {
    const tracker = await startTracker(ns);
    await publishEvents(ns, ns.catalog.subjects.countyBallot, [
      ballot("B2", "000000002", "2026-10-10T00:00:00Z"),
      ballot("B1", "000000001", "2026-10-01T00:00:00Z"),
    ]);
    await waitFor("the tracker to drain", () => isTrackerDrained(ns));
    const store = new RedisBallotStore(ns.redis, ns.keys);
    const older = await store.load("314159:000000001");
    const newer = await store.load("314159:000000002");
    expect(older && currentStatus(older.state)).toBe("superseded");
    expect(newer && currentStatus(newer.state)).toBe("issued");
    await tracker.stop();
  });

  test("a county correction moves a ballot back and announces it, even to a status it had before", async ({ ns }) => {
    const tracker = await startTracker(ns);
    await publishEvents(ns, ns.catalog.subjects.countyBallot, [ballot("B1", "000000001", "2026-10-01T00:00:00Z")]);
    // One event at a time, so that each change is announced on its own (changes that race fold into one).
    await waitFor("the tracker to drain", () => isTrackerDrained(ns));
    const status = (value: string, day: number, extra: Record<string, string> = {}) => ({
      county: "06999",
      ballotId: "B1",
      status: value as "received",
      occurredAt: `2026-10-${String(day).padStart(2, "0")}T12:00:00Z`,
      ...extra,
    });
    await publishEvents(ns, ns.catalog.subjects.countyStatus, [status("received", 10)]);
    await waitFor("the tracker to drain", () => isTrackerDrained(ns));
    await publishEvents(ns, ns.catalog.subjects.countyStatus, [status("rejected", 11, { reasonCode: "late" })]);
    await waitFor("the tracker to drain", () => isTrackerDrained(ns));
    await publishEvents(ns, ns.catalog.subjects.countyStatus, [status("correction", 12)]);
    await waitFor("the tracker to drain", () => isTrackerDrained(ns));
    const changes = (await readStatusChanges(ns)).map((change) => `${change.from}->${change.to}`);
    expect(changes).toEqual(["null->issued", "issued->received", "received->rejected", "rejected->received"]);
    await tracker.stop();
  });

  test("county counts and queues follow every ballot exactly once, with two trackers and repeated events", async ({
    ns,
  }) => {
    const trackers = [await startTracker(ns), await startTracker(ns)];
    const serials = Array.from({ length: 30 }, (_, index) => String(index + 1).padStart(9, "0"));
    const ballots = serials.map((serial, index) => ballot(`B${index + 1}`, serial, "2026-10-01T00:00:00Z"));
    // Each ballot on its own voter, so none supersedes another.
    const issued = ballots.map((record, index) => ({ ...record, voterId: `V${index + 1}` }));
    await publishEvents(ns, ns.catalog.subjects.countyBallot, [...issued, ...issued]);
    const statuses = (value: string, from: number, to: number, day: number) =>
      issued.slice(from, to).map((record) => ({
        county: "06999",
        ballotId: record.ballotId,
        status: value as "received",
        occurredAt: `2026-10-${day}T12:00:00Z`,
      }));
    // 10 mailed (in the mail), 10 received, 10 rejected for a missing signature with a cure deadline.
    await publishEvents(ns, ns.catalog.subjects.countyStatus, [
      ...statuses("mailed", 0, 30, 10),
      ...statuses("received", 10, 30, 20),
      ...statuses("rejected", 20, 30, 21).map((row) => ({
        ...row,
        reasonCode: "signature_missing",
        cureDeadline: "2026-12-01",
      })),
    ]);
    await waitFor("the tracker to drain", () => isTrackerDrained(ns));
    const counts = await ns.redis.hgetall(ns.keys.countyCounts("06999"));
    const nonZero = Object.fromEntries(Object.entries(counts).filter(([, value]) => value !== "0"));
    expect(nonZero).toEqual({
      "s:mailed": "10",
      "s:received": "10",
      "s:cure_pending": "10",
      "z:95616:mailed": "10",
      "z:95616:received": "10",
      "z:95616:cure_pending": "10",
    });
    expect(await ns.redis.zcard(ns.keys.inMail("06999"))).toBe(10);
    expect(await ns.redis.zcard(ns.keys.cureQueue("06999"))).toBe(10);
    expect(await ns.redis.zscore(ns.keys.cureQueue("06999"), "314159:000000021")).toBe(
      String(Date.UTC(2026, 11, 1, 23, 59, 59) / 1000),
    );
    for (const tracker of trackers) await tracker.stop();
  });
});
