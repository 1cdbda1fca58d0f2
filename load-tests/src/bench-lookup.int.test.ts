import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bench = fileURLToPath(new URL("./bench-lookup.ts", import.meta.url));

describe("pnpm bench:lookup", () => {
  it("loads voters, drives known and unknown lookups and the bare ceiling, and prints one JSON object", async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [bench, "--voters", "5000", "--duration", "1", "--warmup", "1", "--connections", "8", "--workers", "2", "--json"],
      { timeout: 90_000 },
    );
    expect(stderr).toContain("bare Hono + one HGET");
    const report = JSON.parse(stdout);
    const figures = { requestsPerSecond: expect.any(Number), p99Ms: expect.any(Number), errors: 0, timeouts: 0 };
    expect(report).toMatchObject({
      tool: "autocannon",
      voters: 5_000,
      connections: 8,
      apiWorkers: 2,
      lookup: { ...figures, unexpected: 0 },
      bare: { ...figures, unexpected: 0 },
      ratio: expect.any(Number),
      target: { lookupsPerSecond: 8_000, p99Ms: 15 },
    });
    // Half the lookups find their voter and half find nobody: both answers are there, and nothing else.
    expect(report.lookup.byStatus["200"]).toBeGreaterThan(0);
    expect(report.lookup.byStatus["404"]).toBeGreaterThan(0);
  });
});
