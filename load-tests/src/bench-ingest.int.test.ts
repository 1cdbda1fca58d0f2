import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bench = fileURLToPath(new URL("./bench-ingest.ts", import.meta.url));

describe("pnpm bench:ingest", () => {
  it("pushes records through ingest, verifies them in JetStream and prints the figures as one JSON object", async () => {
    const { stdout, stderr } = await run(process.execPath, [bench, "--records", "20000", "--json"], {
      timeout: 60_000,
    });
    expect(stderr).toContain("raw JetStream");
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      records: 20_000,
      acceptedPerSecond: expect.any(Number),
      counts: { accepted: 19_900, foreign: 100, duplicate: 0, rejected: 0 },
      verified: { ok: true, eventStream: { scans: 19_900 }, foreignStream: { scans: 100 } },
      rawJetStream: { messages: 20_000, stored: 20_000, messagesPerSecond: expect.any(Number) },
      ratio: expect.any(Number),
      memory: { ingestPeakRssMb: expect.any(Number), ingestRssEndMb: expect.any(Number) },
      target: { acceptedPerSecond: 30_000, met: expect.any(Boolean) },
    });
    expect(report.verified.eventStream.chunks).toBeLessThan(20_000 / 32);
  });
});
