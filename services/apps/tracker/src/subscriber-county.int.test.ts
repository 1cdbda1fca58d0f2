import { RedisSubscriptionStore } from "@ballot/adapters";
import { describe, expect, test, waitFor } from "@ballot/testing";
import { isTrackerDrained, publishEvents, startTracker } from "./test-support.ts";

const record = (county: string, updatedAt: string) => ({
  county,
  voterId: "V1",
  identityHash: "a".repeat(64),
  zip: "95814",
  language: "es",
  updatedAt,
});

describe("tracker: a voter and their subscription are counted in the voter's county", () => {
  test("a voter record that moves the voter moves the subscriber counts; an older record does not", async ({ ns }) => {
    const tracker = await startTracker(ns);
    try {
      await publishEvents(ns, ns.catalog.subjects.countyVoter, [record("06067", "2026-09-01T00:00:00Z")]);
      await waitFor("the voter record", () => isTrackerDrained(ns));
      await new RedisSubscriptionStore(ns.redis, ns.keys).save({
        voterId: "V1",
        language: "es",
        channels: [
          { channel: "voice", address: "+15555550123", consent: "confirmed", source: "voter", updatedAtMs: 1 },
        ],
      });
      expect(await ns.redis.hget(ns.keys.subscriberCounts("06067"), "v:confirmed")).toBe("1");

      await publishEvents(ns, ns.catalog.subjects.countyVoter, [
        record("06113", "2026-10-01T00:00:00Z"),
        record("06067", "2026-08-01T00:00:00Z"),
      ]);
      await waitFor("both records", () => isTrackerDrained(ns));
      expect(await ns.redis.hgetall(ns.keys.subscriberCounts("06113"))).toMatchObject({
        "c:voice:confirmed": "1",
        "l:es:voice:confirmed": "1",
        "v:confirmed": "1",
      });
      const left = await ns.redis.hgetall(ns.keys.subscriberCounts("06067"));
      expect(Object.keys(left).filter((field) => !field.startsWith("d:"))).toEqual([]);
      // The county's voters moved in the same step as the voter record.
      expect(await ns.redis.hgetall(ns.keys.voterCounts())).toEqual({ "06113": "1" });
    } finally {
      await tracker.stop();
    }
  });
});
