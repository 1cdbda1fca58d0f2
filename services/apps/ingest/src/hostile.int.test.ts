import { gzipSync } from "node:zlib";
import { encodeImb } from "@ballot/core";
import { describe, expect, test } from "@ballot/testing";
import { createTestIngest, deadLetters, imbOf, post, pushEvent, storedScans, streamMessages } from "./test-support.ts";

const bars = (() => {
  const encoded = encodeImb(imbOf(7).slice(0, 20), imbOf(7).slice(20));
  if (!encoded.ok) throw new Error(encoded.error);
  return encoded.value;
})();
const at = "2026-10-14T10:12:00Z";

describe("ingest: hostile USPS input", () => {
  test("judges wrong types field by field and keeps the good neighbours", async ({ ns }) => {
    const events = [
      pushEvent(1),
      { imb: Number(imbOf(2)), scanDatetime: at },
      { imb: { digits: imbOf(3) }, scanDatetime: at },
      { imb: imbOf(4), scanDatetime: [at] },
      { imb: imbOf(5), scanDatetime: at, scanFacilityZip: true, mailPhase: null, scanEventCode: { x: 1 } },
      [imbOf(6), at],
      pushEvent(7),
    ];
    const response = await post(createTestIngest(ns), "/v1/feeds/usps/ivmtr", JSON.stringify({ events }));
    expect(await response.json()).toMatchObject({
      accepted: 3,
      rejected: 4,
      errors: [
        { index: 1, reason: expect.stringContaining("TRACK_STRING_BAD_LENGTH") },
        { index: 2, reason: "record has no imb" },
        { index: 3, reason: "record has no scanDatetime" },
        { index: 5, reason: "event is not an object" },
      ],
    });
    expect((await storedScans(ns, ns.catalog.streams.events.name)).map((scan) => scan.serialNumber)).toEqual([
      "000000001",
      "000000005",
      "000000007",
    ]);
  });

  test("accepts 31 digits or 65 bars in the imb field and rejects other lengths and unreadable bars", async ({
    ns,
  }) => {
    const events = [
      { imb: bars, scanDatetime: at },
      { imb: imbOf(7).slice(0, 30), scanDatetime: at },
      { imb: `${imbOf(7)}0`, scanDatetime: at },
      { imb: "1".repeat(64), scanDatetime: at },
      { imb: "0".repeat(66), scanDatetime: at },
      { imb: bars.slice(0, 64), scanDatetime: at },
      { imb: `${bars}A`, scanDatetime: at },
      { imb: "T".repeat(65), scanDatetime: at },
    ];
    const response = await post(createTestIngest(ns), "/v1/feeds/usps/ivmtr", JSON.stringify({ events }));
    const answer = (await response.json()) as { errors: { reason: string }[] };
    expect(answer).toMatchObject({ accepted: 1, rejected: 7 });
    expect(answer.errors.map((error) => error.reason.replace(/^.*: ([A-Z0-9_]+) .*$/, "$1"))).toEqual([
      "ROUTE_STRING_BAD_LENGTH",
      "ROUTE_STRING_BAD_LENGTH",
      "ROUTE_STRING_BAD_LENGTH",
      "ROUTE_STRING_BAD_LENGTH",
      "BARS_BAD_LENGTH",
      "BARS_BAD_LENGTH",
      "INVALID_CHARACTER",
    ]);
    expect(await storedScans(ns, ns.catalog.streams.events.name)).toMatchObject([{ imb: imbOf(7) }]);
  });

  test("dead-letters a huge record with its raw text cut to fit, and keeps its neighbour", async ({ ns }) => {
    const app = createTestIngest(ns, { maxBodyBytes: 4 * 1024 * 1024 });
    const huge = { ...pushEvent(1), mailPhase: "x".repeat(2 * 1024 * 1024) };
    const response = await post(app, "/v1/feeds/usps/ivmtr", JSON.stringify({ events: [huge, pushEvent(2)] }));
    expect(await response.json()).toMatchObject({ accepted: 1, rejected: 1 });
    const [letter] = await deadLetters(ns);
    expect(letter?.reason).toMatch(/mailPhase is longer than 128 characters \(raw record cut to its first 262144 of/);
    expect(letter?.raw.length).toBe(256 * 1024);
  });

  test("refuses files over the size limit, plain or as a gzip bomb", async ({ ns }) => {
    const app = createTestIngest(ns, { maxBodyBytes: 4 * 1024 });
    const csv = `imb,scan_date_time\n${`${imbOf(1)},${at}\n`.repeat(200)}`;
    const plain = await post(app, "/v1/feeds/usps/files", csv);
    const bomb = await post(app, "/v1/feeds/usps/files", gzipSync(Buffer.alloc(10 * 1024 * 1024, 32)), {
      "content-encoding": "gzip",
    });
    expect([plain.status, bomb.status]).toEqual([413, 413]);
    expect(await streamMessages(ns, ns.catalog.streams.events.name)).toBe(0);
  });

  test("refuses a wrong, missing or other feed's token on the file endpoint and stores nothing", async ({ ns }) => {
    const app = createTestIngest(ns, {
      feedTokens: new Map([
        ["usps", "feed-token-0123456789"],
        ["other", "x".repeat(20)],
      ]),
    });
    const csv = `imb,scan_date_time\n${imbOf(1)},${at}\n`;
    const responses = [
      await post(app, "/v1/feeds/usps/files", csv, { authorization: "Bearer wrong-wrong-wrong-wrong" }),
      await app.request("/v1/feeds/usps/files", { method: "POST", body: csv }),
      await post(app, "/v1/feeds/usps/files", csv, { authorization: `Bearer ${"x".repeat(20)}` }),
      await post(app, "/v1/feeds/nobody/files", csv),
    ];
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 401]);
    expect(await streamMessages(ns, ns.catalog.streams.events.name)).toBe(0);
  });

  test("a duplicate file is a no-op", async ({ ns }) => {
    const app = createTestIngest(ns);
    const csv = `imb|scan_date_time|scan_facility_zip\n${[1, 2, 3].map((serial) => `${imbOf(serial)}|${at}|95813`).join("\n")}`;
    await post(app, "/v1/feeds/usps/files", csv);
    const again = await post(app, "/v1/feeds/usps/files", csv);
    expect(await again.json()).toMatchObject({ accepted: 0, duplicate: 3, rejected: 0 });
    expect(await storedScans(ns, ns.catalog.streams.events.name)).toHaveLength(3);
  });

  test("tolerates unknown columns and fields", async ({ ns }) => {
    const app = createTestIngest(ns);
    const csv = `imb,surprise,scan_date_time,another one\n${imbOf(1)},"{""a"":1}",${at},x\n`;
    const json = JSON.stringify({ msgGrpId: 9, events: [{ ...pushEvent(2), nested: { deep: [1, { x: null }] } }] });
    expect(await (await post(app, "/v1/feeds/usps/files", csv)).json()).toMatchObject({ accepted: 1, rejected: 0 });
    expect(await (await post(app, "/v1/feeds/usps/ivmtr", json)).json()).toMatchObject({ accepted: 1, rejected: 0 });
  });

  test("rejects rows with the wrong number of columns alone, with their text in the dead letters", async ({ ns }) => {
    const rows = [`${imbOf(1)},${at},919`, `${imbOf(2)},${at}`, `${imbOf(3)},${at},919,95813`, `${imbOf(4)},${at},919`];
    const csv = `imb,scan_date_time,scan_event_code\n${rows.join("\n")}\n`;
    const response = await post(createTestIngest(ns), "/v1/feeds/usps/files", csv);
    expect(await response.json()).toMatchObject({
      accepted: 2,
      rejected: 2,
      errors: [
        { index: 1, reason: "row has 2 fields; the header has 3" },
        { index: 2, reason: "row has 4 fields; the header has 3" },
      ],
    });
    expect((await deadLetters(ns)).map((letter) => letter.raw).sort()).toEqual([rows[1], rows[2]]);
  });

  test.for([
    ["binary garbage", Uint8Array.from({ length: 4_096 }, (_, index) => (index * 7919) % 256), "binary"],
    ["truncated JSON", JSON.stringify({ events: [pushEvent(1), pushEvent(2)] }).slice(0, 70), "not valid JSON"],
    ["a header without an imb column", "when,where\n2026-10-14,95813\n", "no imb column"],
    ["an empty body", "", "empty"],
    ["JSON of neither shape", '{"records": []}', "IV-MTR push"],
  ] as const)("answers %s with a validation error and dead-letters it whole", async ([, body, reason], { ns }) => {
    const response = await post(createTestIngest(ns), "/v1/feeds/usps/files", body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", message: expect.stringContaining(reason) },
    });
    expect(await deadLetters(ns)).toHaveLength(1);
    expect(await streamMessages(ns, ns.catalog.streams.events.name)).toBe(0);
  });

  test("refuses an unknown format and a body of another format than the one named", async ({ ns }) => {
    const app = createTestIngest(ns);
    const unknown = await post(app, "/v1/feeds/usps/files?format=xml", "<scans/>");
    const mismatch = await post(app, "/v1/feeds/usps/files?format=ivmtr-pull", JSON.stringify({ events: [] }));
    expect([unknown.status, mismatch.status]).toEqual([400, 400]);
  });
});
