import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { serveHttp } from "@ballot/adapters";
import { describe, expect, type TestNamespace, test } from "@ballot/testing";
import { createTestIngest, feedToken, imbOf, pushEvent, runCli, storedScans } from "./test-support.ts";

const cli = fileURLToPath(new URL("./cli/import.ts", import.meta.url));

/** A folder of feed files in every format: 1,203 scans, one bad row, and files a folder import must skip. */
async function writeFeedFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ingest-import-"));
  await mkdir(join(dir, "2026-10-14", "push"), { recursive: true });
  const push = { events: Array.from({ length: 300 }, (_, index) => pushEvent(index + 1)) };
  await writeFile(join(dir, "2026-10-14", "push", "batch-1.json"), JSON.stringify(push));
  const rows = Array.from({ length: 500 }, (_, index) => `${imbOf(1_000 + index)}|10/14/2026 03:12:00|919|95813`);
  rows[250] = `${imbOf(1_250)}|10/14/2026 03:12:00|919`;
  const csv = ["IMB|SCAN_DATE_TIME|SCAN_EVENT_CODE|SCAN_FACILITY_ZIP", ...rows].join("\r\n");
  await writeFile(join(dir, "2026-10-14", "scans.psv.gz"), gzipSync(csv));
  const legacy = Array.from({ length: 400 }, (_, index) => {
    const imb = imbOf(2_000 + index);
    return `95813,919,10/14/2026 4:12:00,${imb.slice(20)},${imb.slice(0, 20)}`;
  });
  await writeFile(join(dir, "legacy.pkg"), `${legacy.join("\n")}\n`);
  const pieces = [1, 2, 3].map((index) => ({
    imb: imbOf(3_000 + index),
    scans: [{ scan_date_time: "2026-10-14T05:00:00Z", scan_event_code: "919" }],
  }));
  await writeFile(join(dir, "pull.json"), JSON.stringify({ data: pieces }));
  await writeFile(join(dir, "README.md"), "# not a feed file\n");
  await writeFile(join(dir, ".partial.csv"), "imb\n123\n");
  return dir;
}

async function startIngest(ns: TestNamespace) {
  const server = await serveHttp(createTestIngest(ns, { maxBodyBytes: 4 * 1024 * 1024 }));
  const importFiles = (...args: string[]) =>
    runCli<Record<string, unknown>>(cli, ["--feed", "usps", "--json", ...args], {
      INGEST_URL: server.url,
      INGEST_FEED_TOKEN: feedToken,
    });
  return { importFiles, stop: () => server.close() };
}

describe("ingest:import", () => {
  test("imports a folder of every format in batches, and importing it again gives only duplicates", async ({ ns }) => {
    const dir = await writeFeedFolder();
    const ingest = await startIngest(ns);
    try {
      const first = await ingest.importFiles("--batch-records", "120", dir);
      expect(first.code).toBe(0);
      expect(first.summary).toMatchObject({
        files: 4,
        records: 1_203,
        accepted: 1_202,
        duplicate: 0,
        rejected: 1,
        foreign: 0,
        failedFiles: [],
        rejections: [
          {
            file: join(dir, "2026-10-14", "scans.psv.gz"),
            record: 251,
            reason: "row has 3 fields; the header has 4",
          },
        ],
      });
      expect(first.stderr).toMatch(/\[import\] files \d+\/4, records [\d,]+, [\d,]+ records\/s/);
      expect(first.stderr).toContain("1202 accepted, 0 duplicate, 1 rejected, 0 foreign");
      expect(await storedScans(ns, ns.catalog.streams.events.name)).toHaveLength(1_202);

      const again = await ingest.importFiles("--batch-records", "120", dir);
      expect(again.summary).toMatchObject({ accepted: 0, duplicate: 1_202, rejected: 1 });
      expect(await storedScans(ns, ns.catalog.streams.events.name)).toHaveLength(1_202);
    } finally {
      await ingest.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("reports a file that cannot be read as failed, with the reason, and exits 1", async ({ ns }) => {
    const dir = await mkdtemp(join(tmpdir(), "ingest-import-"));
    const ingest = await startIngest(ns);
    try {
      await writeFile(join(dir, "cut.json"), JSON.stringify({ events: [pushEvent(1)] }).slice(0, 40));
      await writeFile(join(dir, "good.csv"), `imb,scan_date_time\n${imbOf(9)},2026-10-14T10:12:00Z\n`);
      const result = await ingest.importFiles(join(dir, "cut.json"), join(dir, "good.csv"));
      expect(result.code).toBe(1);
      expect(result.summary).toMatchObject({
        accepted: 1,
        failedFiles: [
          { file: join(dir, "cut.json"), reason: expect.stringContaining("400: the content is not valid JSON") },
        ],
      });
      expect(result.stderr).toContain("[import] failed:");
    } finally {
      await ingest.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("refuses to start without a feed, a path or a token, and says how to call it", async () => {
    const missing = await runCli(cli, ["somewhere"], { INGEST_FEED_TOKEN: "" });
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining("pnpm ingest:import --feed NAME") });
  });
});
