import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentMessageId } from "./publisher.ts";

/** The ids as they were first made, part by part: stored streams' duplicate windows hold ids made this way. */
function partByPart(...parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\u0000");
  return hash.digest("base64url").slice(0, 32);
}

describe("contentMessageId", () => {
  it("makes the same ids as hashing the parts one by one, whatever the parts hold", () => {
    const pieces = ["", "a", "usps-scans", "0004031415900000012395616", "ñ", "王", "\u0000", "\ud83d", "\ude00", "😀"];
    let seed = 11;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let run = 0; run < 500; run += 1) {
      const parts = Array.from({ length: next() % 6 }, () =>
        Array.from({ length: next() % 4 }, () => pieces[next() % pieces.length]).join(""),
      );
      expect(contentMessageId(...parts)).toBe(partByPart(...parts));
    }
    expect(contentMessageId("a", "b")).not.toBe(contentMessageId("ab"));
  });
});
