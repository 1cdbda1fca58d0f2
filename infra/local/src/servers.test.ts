import { describe, expect, it } from "vitest";
import { findBinary } from "./servers.ts";

describe("findBinary", () => {
  it("finds nats-server even where Debian puts it outside a normal user's PATH", () => {
    expect(findBinary("nats-server")).toMatch(/nats-server$/);
  });

  it("says how to install a binary that is missing", () => {
    expect(() => findBinary("redis-server-that-is-not-there")).toThrow(/not installed\. Install it/);
    const original = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      // With nothing on PATH it still looks in the system directories before giving up.
      expect(findBinary("redis-server")).toMatch(/redis-server$/);
    } finally {
      process.env.PATH = original;
    }
  });
});
