import { slotOf } from "@ballot/contracts";
import { describe, expect, test } from "@ballot/testing";
import { defineSlotReads, readSlots } from "./slots.ts";

describe("readSlots", () => {
  test("wants its script defined on the connection first", async ({ ns }) => {
    const fresh = ns.redis.duplicate();
    try {
      await expect(readSlots(fresh, [["a", "b"]], "x")).rejects.toThrow("defineSlotReads");
      defineSlotReads(fresh);
      defineSlotReads(fresh);
      expect(await readSlots(fresh, [[`${ns.keys.prefix}none`, "00"]], "x")).toEqual([null]);
    } finally {
      fresh.disconnect();
    }
  });

  test("reads interleaved buckets in one go and answers in the order asked, null for what is not there", async ({
    ns,
  }) => {
    defineSlotReads(ns.redis);
    const kind = `${ns.keys.prefix}slots-test`;
    const ids = ["1000", "2000", "1001", "3005", "2001", "1000"];
    await ns.redis.hset(slotOf(kind, "1000")[0], { "00": "a", "01": "b" });
    await ns.redis.hset(slotOf(kind, "2000")[0], { "00": "c" });
    const values = await readSlots(
      ns.redis,
      ids.map((id) => slotOf(kind, id)),
      "test values",
    );
    expect(values).toEqual(["a", "c", "b", null, null, "a"]);
    expect(await readSlots(ns.redis, [], "nothing")).toEqual([]);
  });

  test("reads a thousand slots over hundreds of buckets in one command", async ({ ns }) => {
    defineSlotReads(ns.redis);
    const kind = `${ns.keys.prefix}slots-many`;
    const ids = Array.from({ length: 1_000 }, (_, index) => String(100_000 + index * 7));
    const written = ids.filter((_, index) => index % 3 !== 0);
    for (const id of written) await ns.redis.hset(...slotOf(kind, id), `value-${id}`);
    const before = Number(
      /calls=(\d+)/.exec((await ns.redis.info("commandstats")).split("cmdstat_evalsha")[1] ?? "")?.[1] ?? 0,
    );
    const values = await readSlots(
      ns.redis,
      ids.map((id) => slotOf(kind, id)),
      "many values",
    );
    expect(values).toEqual(ids.map((id, index) => (index % 3 !== 0 ? `value-${id}` : null)));
    const after = Number(
      /calls=(\d+)/.exec((await ns.redis.info("commandstats")).split("cmdstat_evalsha")[1] ?? "")?.[1] ?? 0,
    );
    // One script call (evalsha; its first call on a server goes as eval instead).
    expect(after - before).toBeLessThanOrEqual(1);
  });

  test("says what it could not read when Redis refuses", async ({ ns }) => {
    defineSlotReads(ns.redis);
    const kind = `${ns.keys.prefix}slots-wrong`;
    const [bucket, field] = slotOf(kind, "1000");
    await ns.redis.set(bucket, "not a hash");
    await expect(readSlots(ns.redis, [[bucket, field]], "the test's ballots")).rejects.toThrow(
      "Redis did not return the test's ballots",
    );
  });
});
