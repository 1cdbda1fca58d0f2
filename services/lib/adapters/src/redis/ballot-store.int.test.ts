import { applyEvidence, type BallotEvidence, currentStatus, emptyBallotState } from "@ballot/core";
import { describe, expect, test } from "@ballot/testing";
import { RedisBallotStore } from "./ballot-store.ts";
import { connectRedis } from "./connection.ts";

describe("RedisBallotStore", () => {
  test("concurrent writers on separate connections lose no update", async ({ ns, servers }) => {
    const writers = Array.from({ length: 4 }, (_, index) => connectRedis(servers.redisUrl, `writer-${index}`));
    const stores = writers.map((redis) => new RedisBallotStore(redis, ns.keys));
    const statuses = ["in_transit", "out_for_delivery", "delivered", "undeliverable"] as const;
    // 4 writers x 25 scans each, all on one ballot, all at once.
    await Promise.all(
      stores.flatMap((store, writer) =>
        Array.from({ length: 25 }, (_, index) =>
          store.update("901234567:000001", (state) =>
            applyEvidence(state ?? emptyBallotState, {
              kind: "usps",
              leg: "outbound",
              milestone: statuses[writer] ?? "in_transit",
              occurredAtMs: 1_000 * (writer * 100 + index),
            }),
          ),
        ),
      ),
    );
    const stored = await stores[0]?.load("901234567:000001");
    expect(stored?.version).toBe(100);
    expect(Object.keys(stored?.state.usps ?? {}).sort()).toEqual([...statuses].sort());
    expect(stored?.state.asOfMs).toBe(1_000 * (3 * 100 + 24));
    expect(currentStatus(stored?.state ?? emptyBallotState)).toBe("undeliverable");
    for (const redis of writers) redis.disconnect();
  });

  test("a write lands with its county counts and claim in one step, and a repeated event writes nothing", async ({
    ns,
  }) => {
    const store = new RedisBallotStore(ns.redis, ns.keys);
    const issued: BallotEvidence = {
      kind: "issued",
      ballotId: "B1",
      voterId: "V1",
      county: "06999",
      electionId: "e1",
      zip: "95616",
      occurredAtMs: Date.UTC(2026, 9, 1),
    };
    const scan: BallotEvidence = {
      kind: "usps",
      leg: "outbound",
      milestone: "in_transit",
      occurredAtMs: Date.UTC(2026, 9, 6, 12),
    };
    const first = await store.write("314159:000000001", undefined, applyEvidence(emptyBallotState, issued));
    expect(first).toMatchObject({ outcome: "written", pending: { from: null, to: "issued" } });
    const issuedStored = await store.load("314159:000000001");
    const second = await store.write(
      "314159:000000001",
      issuedStored,
      applyEvidence(issuedStored?.state ?? emptyBallotState, scan),
    );
    expect(second).toMatchObject({ outcome: "written", pending: { from: null, to: "in_transit" } });
    expect(await ns.redis.hgetall(ns.keys.countyCounts("06999"))).toMatchObject({
      "s:issued": "0",
      "s:in_transit": "1",
      "z:95616:in_transit": "1",
    });
    expect(await ns.redis.zscore(ns.keys.inMail("06999"), "314159:000000001")).toBe(String(scan.occurredAtMs / 1000));

    const current = await store.load("314159:000000001");
    const repeated = await store.write(
      "314159:000000001",
      current,
      applyEvidence(current?.state ?? emptyBallotState, scan),
    );
    expect(repeated.outcome).toBe("unchanged");
    expect((await store.load("314159:000000001"))?.version).toBe(current?.version);
  });

  test("a ballot whose county changes leaves the old county's counts, queues and trends for the new one's", async ({
    ns,
  }) => {
    const store = new RedisBallotStore(ns.redis, ns.keys);
    const ballotKey = "314159:000000077";
    const issuedIn = (county: string, day: number): BallotEvidence => ({
      kind: "issued",
      ballotId: "B77",
      voterId: "V77",
      county,
      electionId: "e1",
      zip: "95616",
      occurredAtMs: Date.UTC(2026, 9, day),
    });
    const scan: BallotEvidence = {
      kind: "usps",
      leg: "outbound",
      milestone: "in_transit",
      occurredAtMs: Date.UTC(2026, 9, 6, 12),
    };
    let state = [issuedIn("06113", 1), scan].reduce(applyEvidence, emptyBallotState);
    expect((await store.write(ballotKey, undefined, state)).outcome).toBe("written");
    // The county re-sends the ballot record, issued by another county (a later record wins).
    state = applyEvidence(state, issuedIn("06067", 2));
    expect((await store.write(ballotKey, await store.load(ballotKey), state)).outcome).toBe("written");
    const counts = async (county: string) =>
      Object.fromEntries(
        Object.entries(await ns.redis.hgetall(ns.keys.countyCounts(county))).filter(([, value]) => value !== "0"),
      );
    const trends = async (county: string) =>
      Object.entries(await ns.redis.hgetall(ns.keys.countyTrends(county))).filter(([, value]) => value !== "0");
    expect(await counts("06113")).toEqual({});
    expect(await counts("06067")).toEqual({ "s:in_transit": "1", "z:95616:in_transit": "1" });
    expect(await ns.redis.zscore(ns.keys.inMail("06113"), ballotKey)).toBeNull();
    expect(await ns.redis.zscore(ns.keys.enteredMail("06113"), ballotKey)).toBeNull();
    expect(await ns.redis.zscore(ns.keys.inMail("06067"), ballotKey)).not.toBeNull();
    expect(await ns.redis.zscore(ns.keys.enteredMail("06067"), ballotKey)).not.toBeNull();
    expect(await trends("06113")).toEqual([]);
    expect((await trends("06067")).length).toBeGreaterThan(0);
  });

  test("a write over a ballot changed since it was read is refused and writes nothing", async ({ ns }) => {
    const store = new RedisBallotStore(ns.redis, ns.keys);
    const issued = applyEvidence(emptyBallotState, {
      kind: "issued",
      ballotId: "B2",
      voterId: "V2",
      county: "06999",
      electionId: "e1",
      occurredAtMs: Date.UTC(2026, 9, 1),
    });
    await store.write("314159:000000002", undefined, issued);
    const read = await store.load("314159:000000002");
    const delivered = applyEvidence(issued, {
      kind: "usps",
      leg: "outbound",
      milestone: "delivered",
      occurredAtMs: Date.UTC(2026, 9, 7),
    });
    expect((await store.write("314159:000000002", read, delivered)).outcome).toBe("written");
    const stale = applyEvidence(issued, {
      kind: "usps",
      leg: "outbound",
      milestone: "in_transit",
      occurredAtMs: Date.UTC(2026, 9, 6),
    });
    expect((await store.write("314159:000000002", read, stale)).outcome).toBe("conflict");
    const stored = await store.load("314159:000000002");
    expect(currentStatus(stored?.state ?? emptyBallotState)).toBe("delivered");
    expect(await ns.redis.hget(ns.keys.countyCounts("06999"), "s:delivered")).toBe("1");
    expect(await ns.redis.hget(ns.keys.countyCounts("06999"), "s:in_transit")).toBeNull();
  });

  test("a stale version is refused", async ({ ns }) => {
    const store = new RedisBallotStore(ns.redis, ns.keys);
    expect(await store.compareAndSet("1:2", 0, emptyBallotState)).toBe(true);
    expect(await store.compareAndSet("1:2", 0, emptyBallotState)).toBe(false);
    expect(await store.compareAndSet("1:2", 1, emptyBallotState)).toBe(true);
  });
});
