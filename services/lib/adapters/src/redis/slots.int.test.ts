import { slotOf } from "@ballot/contracts";
import { describe, expect, test } from "@ballot/testing";
import { readSlots } from "./slots.ts";

describe("readSlots", () => {
  test("reads interleaved buckets in one go and answers in the order asked, null for what is not there", async ({
    ns,
  }) => {
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
});
