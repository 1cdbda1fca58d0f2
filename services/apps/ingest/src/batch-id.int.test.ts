import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveHttp } from "@ballot/adapters";
import { describe, expect, type TestNamespace, test } from "@ballot/testing";
import { countyToken, createTestIngest, post, pushEvent, runCli } from "./test-support.ts";

const cli = fileURLToPath(new URL("./cli/county.ts", import.meta.url));
const statusHeader = "ballot_id,status,occurred_at,reason_code";
const statusRow = (serial: number, status = "received") => `B${serial},${status},2026-10-20T10:00:00-07:00,`;

async function storedBatchIds(ns: TestNamespace): Promise<(string | undefined)[]> {
  const stream = ns.catalog.streams.events.name;
  const count = (await ns.jetstream.jsm.streams.info(stream)).state.messages;
  const ids: (string | undefined)[] = [];
  for (let seq = 1; seq <= count; seq += 1) {
    ids.push((await ns.jetstream.jsm.streams.getMessage(stream, { seq }))?.json<{ batchId?: string }>().batchId);
  }
  return ids;
}

describe("ingest names each record's batch", () => {
  test("one upload's records share a batch id; a named batch keeps its name; a re-sent record stays a duplicate", async ({
    ns,
  }) => {
    const app = createTestIngest(ns);
    const csv = { "content-type": "text/csv" };
    const first = await post(
      app,
      "/v1/counties/06999/statuses",
      [statusHeader, statusRow(1), statusRow(2)].join("\n"),
      csv,
    );
    expect(((await first.json()) as { accepted: number }).accepted).toBe(2);
    const named = await post(
      app,
      "/v1/counties/06999/statuses",
      [statusHeader, statusRow(2), statusRow(3)].join("\n"),
      {
        ...csv,
        "x-batch-id": "upload-2026-10-20.1",
      },
    );
    // B2 again, in another batch: the same record, dropped by its content-derived message id.
    expect(await named.json()).toMatchObject({ accepted: 1, duplicate: 1 });
    const ids = await storedBatchIds(ns);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).toBe("upload-2026-10-20.1");

    const bad = await post(app, "/v1/counties/06999/statuses", [statusHeader, statusRow(4)].join("\n"), {
      ...csv,
      "x-batch-id": "no spaces/or slashes",
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: unknown }).error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await storedBatchIds(ns)).toHaveLength(3);
  });

  test("a USPS feed request is one batch, its chunks all naming it", async ({ ns }) => {
    const app = createTestIngest(ns, { maxBodyBytes: 1024 * 1024 });
    const events = Array.from({ length: 600 }, (_, index) => pushEvent(index + 1));
    const answer = await post(app, "/v1/feeds/usps/ivmtr", JSON.stringify({ events }), {
      "content-type": "application/json",
    });
    expect(((await answer.json()) as { accepted: number }).accepted).toBe(600);
    const ids = await storedBatchIds(ns);
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  test("pnpm county import sends one batch per file, however many requests carry it", async ({ ns }) => {
    const server = await serveHttp(createTestIngest(ns));
    try {
      const dir = await mkdtemp(join(tmpdir(), "batch-id-"));
      const fileA = join(dir, "a.csv");
      const fileB = join(dir, "b.csv");
      const rows = (from: number) => Array.from({ length: 30 }, (_, index) => statusRow(from + index));
      await writeFile(fileA, [statusHeader, ...rows(1)].join("\n"));
      await writeFile(fileB, [statusHeader, ...rows(100)].join("\n"));
      const run = await runCli<{ accepted: number }>(
        cli,
        ["import", "statuses", "--county", "06999", "--batch-records", "7", "--json", fileA, fileB],
        { INGEST_URL: server.url, INGEST_COUNTY_TOKEN: countyToken },
      );
      expect(run.code).toBe(0);
      expect(run.summary?.accepted).toBe(60);
      const ids = await storedBatchIds(ns);
      expect(ids).toHaveLength(60);
      // Five requests per file, one batch id per file.
      expect(new Set(ids).size).toBe(2);
    } finally {
      await server.close();
    }
  });
});
