import { describe, expect, test, waitFor } from "@ballot/testing";
import { isTrackerDrained, publishEvents, readStatusChanges, startTracker } from "./test-support.ts";

const imb = (serial: number, stid = "720") => `00${stid}314159${String(serial).padStart(9, "0")}95616123456`;
const at = (day: number) => new Date(Date.UTC(2026, 9, day, 12)).toISOString();

describe("status changes name the batch that caused them", () => {
  test("a county status, a USPS scan chunk and a ballot record each pass their batch id to the change", async ({
    ns,
  }) => {
    const tracker = await startTracker(ns);
    try {
      const { subjects } = ns.catalog;
      await publishEvents(ns, subjects.countyBallot, [
        {
          county: "06999",
          ballotId: "B1",
          voterId: "V1",
          electionId: "e1",
          outboundImb: imb(1),
          issuedAt: at(1),
          batchId: "ballots-1",
        },
        { county: "06999", ballotId: "B2", voterId: "V2", electionId: "e1", outboundImb: imb(2), issuedAt: at(1) },
      ]);
      await waitFor("both ballots issued", async () => (await readStatusChanges(ns)).length === 2);
      await publishEvents(ns, subjects.countyStatus, [
        { county: "06999", ballotId: "B1", status: "received", occurredAt: at(10), batchId: "statuses-7" },
      ]);
      await publishEvents(ns, subjects.uspsScans, [
        {
          batchId: "feed-42",
          scans: [
            {
              imb: imb(2),
              mailerId: "314159",
              serialNumber: "000000002",
              serviceTypeId: "720",
              direction: "outbound",
              milestone: "delivered",
              occurredAt: at(5),
              rawTimestamp: at(5),
              feed: "usps",
            },
          ],
        },
      ]);
      await waitFor("the tracker to drain", () => isTrackerDrained(ns));
      const changes = (await readStatusChanges(ns))
        .map(({ ballotId, to, batchId }) => ({ ballotId, to, batchId }))
        .sort((a, b) => `${a.ballotId}${a.to}`.localeCompare(`${b.ballotId}${b.to}`));
      expect(changes).toEqual([
        { ballotId: "B1", to: "issued", batchId: "ballots-1" },
        { ballotId: "B1", to: "received", batchId: "statuses-7" },
        { ballotId: "B2", to: "delivered", batchId: "feed-42" },
        { ballotId: "B2", to: "issued", batchId: undefined },
      ]);
    } finally {
      await tracker.stop();
    }
  });
});
