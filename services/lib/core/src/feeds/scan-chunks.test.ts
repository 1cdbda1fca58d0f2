import { describe, expect, it } from "vitest";
import { chunkByContent, defaultChunkBounds, fnv1a32 } from "./scan-chunks.ts";

const identities = Array.from({ length: 10_000 }, (_, index) => `0072031415910000${String(index).padStart(5, "0")}|x`);
const chunkKeys = (ids: readonly string[]) => chunkByContent(ids).map((chunk) => chunk.map((i) => ids[i]).join(","));

describe("content-defined chunks of scans", () => {
  it("keeps every record once, in order, in chunks within the bounds", () => {
    const chunks = chunkByContent(identities);
    expect(chunks.flat()).toEqual(identities.map((_, index) => index));
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(defaultChunkBounds.minRecords);
      expect(chunk.length).toBeLessThanOrEqual(defaultChunkBounds.maxRecords);
    }
  });

  it("makes the same chunks from the same records every time", () => {
    expect(chunkKeys(identities)).toEqual(chunkKeys([...identities]));
  });

  it("makes mostly the same chunks when the same records arrive in batches of another size", () => {
    const whole = new Set(chunkKeys(identities));
    const batched: string[] = [];
    for (let start = 0; start < identities.length; start += 2_000) {
      batched.push(...chunkKeys(identities.slice(start, start + 2_000)));
    }
    const shared = batched.filter((key) => whole.has(key)).length;
    expect(shared / batched.length).toBeGreaterThan(0.8);
  });

  it("hashes as FNV-1a does", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });
});
