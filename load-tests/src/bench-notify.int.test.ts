import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bench = fileURLToPath(new URL("./bench-notify.ts", import.meta.url));

describe("pnpm bench:notify", () => {
  it("sends every status change's messages once and prints the figures as one JSON object", async () => {
    const { stdout, stderr } = await run(process.execPath, [bench, "--ballots", "3000", "--json"], {
      timeout: 60_000,
    });
    expect(stderr).toContain("subscribed 3,000 voters");
    expect(stderr).toContain("steady phase");
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      ballots: 3_000,
      messages: 3_600,
      expectedMessages: 3_600,
      duplicates: 0,
      providerRequests: 3_600,
      messagesPerSecond: expect.any(Number),
      latencyP99Ms: expect.any(Number),
      sampleRecordState: "sent",
    });
  });
});
