import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bench = fileURLToPath(new URL("./bench-dashboard.ts", import.meta.url));

describe("pnpm bench:dashboard", () => {
  it("loads a county's counters, drives the summary and the bare ceiling, and prints one JSON object", async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [bench, "--ballots", "20000", "--duration", "1", "--warmup", "1", "--connections", "8", "--json"],
      { timeout: 60_000 },
    );
    expect(stderr).toContain("bare Hono + one HGETALL");
    const report = JSON.parse(stdout);
    const figures = {
      requestsPerSecond: expect.any(Number),
      p50Ms: expect.any(Number),
      p99Ms: expect.any(Number),
      unexpected: 0,
      errors: 0,
    };
    expect(report).toMatchObject({
      tool: "autocannon",
      ballots: 20_000,
      connections: 8,
      summary: { ...figures, summaryCacheMs: 1000 },
      summaryReadPerRequest: { ...figures, summaryCacheMs: 0 },
      bare: figures,
      ratio: expect.any(Number),
      auditEntriesWritten: 2,
      target: { p99Ms: 50, connections: 200, met: false },
    });
    expect(report.queued.inMail).toBeGreaterThan(0);
    expect(report.queued.cureQueue).toBeGreaterThan(0);
    expect(report.queued.undeliverable).toBeGreaterThan(0);
  });
});
