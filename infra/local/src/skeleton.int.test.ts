import { describe, expect, test, waitFor } from "@ballot/testing";
import { county, startPipeline } from "./test-pipeline.ts";

const serial = "000000042";
const outboundImb = `00720314159${serial}95616123456`;
const returnImb = `00777314159${serial}95695123401`;

describe("walking skeleton", () => {
  test("a USPS scan posted to ingest reaches the voter through JetStream, the tracker, Redis and the API", async ({
    ns,
  }) => {
    const pipeline = await startPipeline(ns);
    let exitCodes: (number | null)[] = [];
    try {
      const voter = {
        voter_id: "V42",
        first_name: "Zoë",
        last_name: "Nguyễn-Smith",
        date_of_birth: "07-04-1976",
        zip: "95616",
      };
      expect((await pipeline.postJson(`/v1/counties/${county}/voters`, { records: [voter] })).body).toMatchObject({
        accepted: 1,
      });
      const ballot = {
        ballot_id: "B42",
        voter_id: "V42",
        election_id: "2026-11-03-general",
        outbound_imb: outboundImb,
        return_imb: returnImb,
        issued_at: "2026-10-05",
      };
      expect((await pipeline.postJson(`/v1/counties/${county}/ballots`, { records: [ballot] })).body).toMatchObject({
        accepted: 1,
      });

      const identity = { firstName: "zoe", lastName: "NGUYEN SMITH", dateOfBirth: "1976-07-04", zip: "95616" };
      await waitFor(
        "the issued ballot to be visible",
        async () => (await pipeline.lookup(identity)).body.ballots?.[0]?.status === "issued",
      );

      const scan = {
        imb: outboundImb,
        scanDatetime: "2026-10-07T02:40:00-07:00",
        scanEventCode: "271",
        mailPhase: "Phase 1a - Origin Primary Processing",
        expectedDeliveryDate: "2026-10-09",
      };
      expect((await pipeline.postJson("/v1/feeds/usps/ivmtr", { events: [scan] })).body).toMatchObject({
        accepted: 1,
      });
      const found = await waitFor("the scan to move the ballot to in_transit", async () => {
        const ballots = (await pipeline.lookup(identity)).body.ballots;
        return ballots?.[0]?.status === "in_transit" ? ballots[0] : undefined;
      });
      expect(found).toMatchObject({ status: "in_transit", expectedDeliveryDate: "2026-10-09" });

      const missing = await pipeline.lookup({
        firstName: "Nobody",
        lastName: "Here",
        dateOfBirth: "01-01-1970",
        zip: "95616",
      });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ error: { code: "VOTER_NOT_FOUND" } });
    } finally {
      exitCodes = await pipeline.stop();
    }
    // Every service left on SIGTERM with exit code 0: in-flight work finished, connections closed.
    expect(exitCodes).toEqual([0, 0, 0]);
  });
});
