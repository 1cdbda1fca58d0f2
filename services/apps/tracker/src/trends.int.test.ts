import { describe, expect, test, waitFor } from "@ballot/testing";
import { isTrackerDrained, publishEvents, startTracker } from "./test-support.ts";

const imb = (serial: string, stid = "720") => `00${stid}314159${serial}95616123456`;

describe("tracker: the county's trends per day", () => {
  test("each ballot counts once per status on the day of its evidence (California time), with two trackers and repeated events", async ({
    ns,
  }) => {
    const trackers = [await startTracker(ns), await startTracker(ns)];
    const ballots = Array.from({ length: 12 }, (_, index) => ({
      county: "06999",
      ballotId: `B${index + 1}`,
      voterId: `V${index + 1}`,
      electionId: "2026-11-03-general",
      outboundImb: imb(String(index + 1).padStart(9, "0")),
      returnImb: imb(String(index + 1).padStart(9, "0"), "777"),
      issuedAt: "2026-10-01T18:00:00Z",
    }));
    await publishEvents(ns, ns.catalog.subjects.countyBallot, [...ballots, ...ballots]);
    await waitFor("the tracker to drain", () => isTrackerDrained(ns));
    const status = (value: string, occurredAt: string, from: number, to: number, extra: Record<string, string> = {}) =>
      ballots.slice(from, to).map((record) => ({
        county: "06999",
        ballotId: record.ballotId,
        status: value as "received",
        occurredAt,
        ...extra,
      }));
    // 03:00 UTC on the 12th is still the 11th in California.
    const mailed = status("mailed", "2026-10-12T03:00:00Z", 0, 12);
    await publishEvents(ns, ns.catalog.subjects.countyStatus, [...mailed, ...mailed]);
    await waitFor("the tracker to drain", () => isTrackerDrained(ns));
    const received = status("received", "2026-10-20T17:00:00Z", 0, 6);
    await publishEvents(ns, ns.catalog.subjects.countyStatus, [...received, ...received]);
    await waitFor("the tracker to drain", () => isTrackerDrained(ns));
    await publishEvents(ns, ns.catalog.subjects.countyStatus, [
      ...status("accepted", "2026-10-21T17:00:00Z", 0, 4),
      ...status("rejected", "2026-10-21T18:00:00Z", 4, 6, {
        reasonCode: "signature_missing",
        cureDeadline: "2026-11-05",
      }),
    ]);
    await waitFor("the tracker to drain", () => isTrackerDrained(ns));
    expect(await ns.redis.hgetall(ns.keys.countyTrends("06999"))).toEqual({
      "2026-10-01:issued": "12",
      "2026-10-11:mailed": "12",
      "2026-10-20:received": "6",
      "2026-10-21:accepted": "4",
      "2026-10-21:cure_pending": "2",
    });
    for (const tracker of trackers) await tracker.stop();
  });
});
