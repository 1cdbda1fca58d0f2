import { RedisFeedHealth } from "@ballot/adapters/redis/feed-health";
import { describe, expect, test } from "@ballot/testing";
import { createTestIngest, post, pushEvent as scan } from "./test-support.ts";

describe("ingest: feed health for the dashboard", () => {
  test("each batch counts its records by outcome and its rejections by reason, with the last record and the lag", async ({
    ns,
  }) => {
    const feedHealth = new RedisFeedHealth(ns.redis, ns.keys);
    const now = new Date("2026-10-14T18:00:00Z");
    const app = createTestIngest(ns, { feedHealth, now: () => now });
    const body = JSON.stringify({ events: [scan(1), { imb: "123" }, scan(2, 11), "junk"] });
    await post(app, "/v1/feeds/usps/ivmtr", body);
    await post(app, "/v1/feeds/usps/ivmtr", body);
    await post(app, "/v1/feeds/usps/ivmtr", "{not json");
    await post(
      app,
      "/v1/counties/06999/statuses",
      "ballot_id,status,occurred_at\nB1,received,2026-10-14\nB2,lost-in-space,2026-10-14\n",
      { "content-type": "text/csv" },
    );
    expect(await feedHealth.sources()).toEqual(["county.06999.statuses", "usps.usps"]);
    const [county, usps] = await feedHealth.read(await feedHealth.sources(), now.getTime());
    expect(usps).toEqual({
      source: "usps.usps",
      lastRecordAt: "2026-10-14T18:00:00.000Z",
      // The newest scan was at 11:12 in California (18:12 UTC), after the receipt: no lag.
      lagMs: 0,
      today: { records: 9, accepted: 2, duplicate: 2, foreign: 0, rejected: 5 },
      rejectedReasons: expect.arrayContaining([
        expect.objectContaining({ count: 2 }),
        expect.objectContaining({ count: 1 }),
      ]),
    });
    expect(usps?.rejectedReasons.reduce((sum, { count }) => sum + count, 0)).toBe(5);
    expect(county).toMatchObject({
      source: "county.06999.statuses",
      today: { records: 2, accepted: 1, rejected: 1 },
      rejectedReasons: [{ reason: expect.stringContaining("status must be one of"), count: 1 }],
    });
  });

  test("a reason keeps no quoted value from the record", async ({ ns }) => {
    const feedHealth = new RedisFeedHealth(ns.redis, ns.keys);
    await feedHealth.record(
      "usps.x",
      { accepted: 0, duplicate: 0, foreign: 0, rejected: 1, reasons: ['facility ZIP "9X61A" is not 5 digits'] },
      Date.parse("2026-10-14T18:00:00Z"),
    );
    const [health] = await feedHealth.read(["usps.x"], Date.parse("2026-10-14T19:00:00Z"));
    expect(health?.rejectedReasons).toEqual([{ reason: "facility ZIP … is not 5 digits", count: 1 }]);
  });
});
