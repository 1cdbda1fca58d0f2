import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { serveHttp } from "@ballot/adapters";
import { describe, expect, type TestNamespace, test } from "@ballot/testing";
import { countyToken, createTestIngest, deadLetters, imbOf, post, runCli, streamMessages } from "./test-support.ts";

const cli = fileURLToPath(new URL("./cli/county.ts", import.meta.url));

interface CountySummary {
  records: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  rejections: unknown[];
}

async function startIngest(ns: TestNamespace) {
  const server = await serveHttp(createTestIngest(ns, { maxBodyBytes: 1024 * 1024 }));
  const county = (args: string[], env: Record<string, string> = {}) =>
    runCli<CountySummary>(cli, args, { INGEST_URL: server.url, INGEST_COUNTY_TOKEN: countyToken, ...env });
  return { county, url: server.url, stop: () => server.close() };
}

async function writeCsv(name: string, lines: readonly string[], gzip = false): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "county-import-"));
  const path = join(dir, gzip ? `${name}.gz` : name);
  const text = `${lines.join("\r\n")}\r\n`;
  await writeFile(path, gzip ? gzipSync(text) : text);
  return path;
}

const voterHeader = "voter_id,first_name,last_name,date_of_birth,zip,county,language,email,phone";

describe("pnpm county import", () => {
  test("imports voters with Unicode names in batches, rejects bad rows alone, and a re-import changes nothing", async ({
    ns,
  }) => {
    const rows = Array.from(
      { length: 250 },
      (_, index) => `V${index + 1},José,Nguyễn-O'Brien,07-04-1976,95616,06999,es,,`,
    );
    rows[10] = "V11,Zoë,Lê,1976-02-30,95616,06999,vi,,"; // no 30 February
    rows[20] = "V21,Ana,Smith,01-01-1850,95616,06999,,,"; // before 1900
    rows[30] = "V31,Ana,Smith,01-01-1970,95616,06001,,,"; // another county's voter
    rows[40] = "V41,Ana,Smith,01-01-1970,956,06999,,,"; // not a ZIP
    rows[50] = "V51,Ana,Smith"; // too few fields
    rows[60] = '"V61","Siobhán ""Shiv""","Ó Súilleabháin",03-17-1980,95616-1234,06999,en,,'; // quoted, fine
    const file = await writeCsv("voters.csv", [voterHeader, ...rows], true);
    const ingest = await startIngest(ns);
    try {
      const first = await ingest.county([
        "import",
        "voters",
        "--county",
        "06999",
        "--batch-records",
        "60",
        "--json",
        file,
      ]);
      expect(first.code).toBe(0);
      expect(first.summary).toMatchObject({ records: 250, accepted: 245, duplicate: 0, rejected: 5 });
      expect(first.summary?.rejections).toEqual([
        { file, record: 11, reason: "date_of_birth: that day does not exist; use MM-DD-YYYY, for example 07-04-1976" },
        { file, record: 21, reason: "date_of_birth: a date of birth cannot be before 01-01-1900" },
        { file, record: 31, reason: "row is for county 06001, not 06999" },
        { file, record: 41, reason: "zip: use the 5-digit ZIP code of your home address" },
        { file, record: 51, reason: "row has 3 fields; the header has 9" },
      ]);
      expect(first.stderr).toContain("245 accepted (new or changed), 0 unchanged, 5 rejected");
      expect(await streamMessages(ns, ns.catalog.streams.events.name)).toBe(245);
      // Every bad row is kept with its reason and its line as it stood in the file.
      const letters = await deadLetters(ns);
      expect(letters.map((letter) => letter.source)).toEqual(Array(5).fill("county.06999.voters"));
      expect(letters[4]).toMatchObject({ reason: "row has 3 fields; the header has 9", raw: "V51,Ana,Smith" });

      const again = await ingest.county(["import", "voters", "--county", "06999", "--json", file]);
      expect(again.summary).toMatchObject({ records: 250, accepted: 0, duplicate: 245, rejected: 5 });
      expect(await streamMessages(ns, ns.catalog.streams.events.name)).toBe(245);
    } finally {
      await ingest.stop();
    }
  });

  test("ballots and statuses: bad IMbs, dates, statuses, reasons and links are rejected with the reason", async ({
    ns,
  }) => {
    const ballots = await writeCsv("ballots.csv", [
      "ballot_id,voter_id,election_id,outbound_imb,return_imb,issued_at",
      `B1,V1,2026-11-03-general,${imbOf(1)},${imbOf(1, "777")},2026-10-05`,
      `B2,V2,2026-11-03-general,${imbOf(2).slice(0, 19)},,2026-10-05`,
      `B3,V3,2026-11-03-general,${imbOf(3)},,10/05/2026`,
    ]);
    const statuses = await writeCsv("statuses.psv", [
      "ballot_id|status|occurred_at|reason_code|cure_deadline|cure_url|channel|note",
      "B1|rejected|2026-10-20T10:00:00-07:00|signature_mismatch|11-12-2026|https://county.example/cure|mail|",
      "B1|lost|2026-10-20T10:00:00-07:00||||mail|",
      "B1|rejected|2026-10-20T10:00:00-07:00|bad_ink||||",
      "B1|rejected|2026-10-20T10:00:00-07:00|signature_missing|11-31-2026|||",
      "B1|rejected|2026-10-20T10:00:00-07:00|signature_missing||javascript:alert(1)||",
      `B1|rejected|2026-10-20T10:00:00-07:00|signature_missing||https://county.example/${"c".repeat(200)}||`,
      "B1|received|2026-10-21||||carrier_pigeon|",
      "B1|received|yesterday||||drop_box|",
    ]);
    const ingest = await startIngest(ns);
    try {
      const ballotRun = await ingest.county(["import", "ballots", "--county", "06999", "--json", ballots]);
      expect(ballotRun.summary).toMatchObject({ records: 3, accepted: 1, rejected: 2 });
      const statusRun = await ingest.county(["import", "statuses", "--county", "06999", "--json", statuses]);
      expect(statusRun.summary).toMatchObject({ records: 8, accepted: 1, rejected: 7 });
      const reasons = ((statusRun.summary?.rejections ?? []) as { reason: string }[]).map((problem) => problem.reason);
      expect(reasons).toEqual([
        expect.stringMatching(/^status must be one of mailed, /),
        expect.stringMatching(/^reason_code must be one of signature_mismatch, /),
        "cure_deadline: that day does not exist; use MM-DD-YYYY, for example 07-04-1976",
        "cure_url must be an https:// or http:// address",
        "cure_url must be at most 200 characters; use a shorter link",
        "channel must be one of mail, drop_box, vote_center",
        "occurred_at must be a date (YYYY-MM-DD) or a time with an offset",
      ]);
      const events = await ns.jetstream.jsm.streams.getMessage(ns.catalog.streams.events.name, { seq: 2 });
      expect(events?.json()).toMatchObject({
        ballotId: "B1",
        cureDeadline: "2026-11-12",
        reasonCode: "signature_mismatch",
      });
    } finally {
      await ingest.stop();
    }
  });

  test("a file with the wrong header is refused whole, and the command says what to do", async ({ ns }) => {
    const ballotsAsVoters = await writeCsv("ballots.csv", [
      "ballot_id,voter_id,election_id,outbound_imb,return_imb,issued_at",
      `B1,V1,2026-11-03-general,${imbOf(1)},,2026-10-05`,
    ]);
    const ingest = await startIngest(ns);
    try {
      const wrong = await ingest.county(["import", "voters", "--county", "06999", "--json", ballotsAsVoters]);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain("the header row lacks first_name, last_name, date_of_birth, zip");
      expect((await deadLetters(ns))[0]).toMatchObject({ source: "county.06999.voters" });

      const noToken = await ingest.county(["import", "voters", "--county", "06999", ballotsAsVoters], {
        INGEST_COUNTY_TOKEN: "",
      });
      expect(noToken.code).toBe(2);
      expect(noToken.stderr).toContain("INGEST_COUNTY_TOKEN is not set");
      const badKind = await ingest.county(["import", "pets", "--county", "06999", ballotsAsVoters]);
      expect(badKind.code).toBe(2);
      expect(badKind.stderr).toContain("KIND must be one of voters, ballots, statuses");
      const wrongToken = await ingest.county(["import", "voters", "--county", "06999", ballotsAsVoters], {
        INGEST_COUNTY_TOKEN: "not-the-county-token",
      });
      expect(wrongToken.code).toBe(1);
      expect(wrongToken.stderr).toContain("401: send this county's token");
    } finally {
      await ingest.stop();
    }
  });

  test("the endpoint takes a CSV body as text/csv too", async ({ ns }) => {
    const app = createTestIngest(ns);
    const csv = `${voterHeader}\nV1,Mai,Trần,1990-05-01,95616,,vi,,\n`;
    const response = await post(app, "/v1/counties/06999/voters", csv, { "content-type": "text/csv" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: 1, rejected: 0 });
  });
});
