import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bench = fileURLToPath(new URL("./bench-pipeline.ts", import.meta.url));

describe("pnpm bench:pipeline", () => {
  it("takes scans from ingest to verified Redis state and prints the figures as one JSON object", async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [bench, "--ballots", "2000", "--scans", "20000", "--raw-messages", "5000", "--raw-ballots", "5000", "--json"],
      { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stderr).toContain("raw JetStream pull-consume + ack");
    expect(stderr).toContain("scans/s end to end");
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      ballots: 2_000,
      scans: 20_000,
      load: { counts: { accepted: 2_000, rejected: 0 }, ballotsPerSecond: expect.any(Number) },
      endToEnd: {
        scansPerSecond: expect.any(Number),
        counts: { accepted: 20_000, duplicate: 0, rejected: 0, foreign: 0 },
      },
      steady: {
        targetScansPerSecond: 5_000,
        scans: 2_000,
        measured: 2_000,
        missing: 0,
        asOfMismatches: 0,
        latencyMs: { p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) },
      },
      memory: {
        bytesPerBallot: expect.any(Number),
        // A bucket of the first hundred ballots, in Redis's compact encoding.
        sampleKeyBytes: { ballots: { entries: 10, bytesPerEntry: expect.any(Number) }, encoding: "listpack" },
      },
      ceilings: {
        jetStreamConsumeAck: { messages: 5_000, messagesPerSecond: expect.any(Number) },
        redisPipelinedWrites: { ballots: 5_000, ballotsPerSecond: expect.any(Number) },
      },
      ratios: { scansToJetStreamConsumeAck: expect.any(Number), scansToRedisWrites: expect.any(Number) },
      verified: {
        ok: true,
        countyCounts: { ok: true, found: { "s:returned_by_voter": 2_000 } },
        sampledBallots: { mismatches: [] },
        deadLetters: 0,
      },
      targets: {
        scansPerSecond: { target: 25_000, met: expect.any(Boolean) },
        p99LatencyMs: { target: 250, met: expect.any(Boolean) },
        bytesPerBallot: { target: 300, met: expect.any(Boolean) },
      },
    });
    expect(report.verified.statusEvents.published).toBeGreaterThanOrEqual(2_000);
  });
});
