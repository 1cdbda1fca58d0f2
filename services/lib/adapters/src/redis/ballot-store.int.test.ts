import { applyEvidence, currentStatus, emptyBallotState } from "@ballot/core";
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

  test("a stale version is refused", async ({ ns }) => {
    const store = new RedisBallotStore(ns.redis, ns.keys);
    expect(await store.compareAndSet("1:2", 0, emptyBallotState)).toBe(true);
    expect(await store.compareAndSet("1:2", 0, emptyBallotState)).toBe(false);
    expect(await store.compareAndSet("1:2", 1, emptyBallotState)).toBe(true);
  });
});
