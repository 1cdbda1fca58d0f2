import { gzipSync } from "node:zlib";
import { describe, expect, test } from "@ballot/testing";
import {
  countyToken,
  createTestIngest,
  deadLetters,
  post,
  pushEvent as scan,
  storedScans,
  streamMessages,
} from "./test-support.ts";

const ingest = (ns: Parameters<typeof createTestIngest>[0], maxBodyBytes = 64 * 1024) =>
  createTestIngest(ns, { maxBodyBytes });

describe("ingest: USPS pushes", () => {
  test("accepts good scans, dead-letters bad ones with the raw record, and counts both", async ({ ns }) => {
    const app = ingest(ns);
    const response = await post(
      app,
      "/v1/feeds/usps/ivmtr",
      JSON.stringify({ events: [scan(1), { imb: "123" }, scan(2), "junk"] }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: 2, duplicate: 0, rejected: 2, foreign: 0 });
    expect((await storedScans(ns, ns.catalog.streams.events.name)).map((stored) => stored.serialNumber)).toEqual([
      "000000001",
      "000000002",
    ]);
    const letters = await deadLetters(ns);
    expect(letters.map((letter) => letter.raw).sort()).toEqual(['"junk"', '{"imb":"123"}']);
    expect(letters.find((letter) => letter.raw === '{"imb":"123"}')?.reason).toContain("TRACK_STRING_BAD_LENGTH");
  });

  test("a re-sent file is a no-op", async ({ ns }) => {
    const app = ingest(ns);
    const body = JSON.stringify({ events: [scan(1), scan(2), scan(3)] });
    await post(app, "/v1/feeds/usps/ivmtr", body);
    const again = await post(app, "/v1/feeds/usps/ivmtr", body);
    expect(await again.json()).toMatchObject({ accepted: 0, duplicate: 3 });
    expect(await storedScans(ns, ns.catalog.streams.events.name)).toHaveLength(3);
  });

  test("keeps scans of other mailers' pieces apart and counts them", async ({ ns }) => {
    const app = ingest(ns);
    const foreign = { ...scan(1), imb: "0030012345612345678995616" };
    const response = await post(app, "/v1/feeds/usps/ivmtr", JSON.stringify({ events: [foreign, scan(2)] }));
    expect(await response.json()).toMatchObject({ accepted: 1, foreign: 1, rejected: 0 });
    expect(await storedScans(ns, ns.catalog.streams.foreign.name)).toMatchObject([
      { mailerId: "123456", feed: "usps" },
    ]);
  });

  test("reads gzip bodies", async ({ ns }) => {
    const app = ingest(ns);
    const body = gzipSync(JSON.stringify({ events: [scan(1), scan(2)] }));
    const response = await post(app, "/v1/feeds/usps/ivmtr", body, { "content-encoding": "gzip" });
    expect(await response.json()).toMatchObject({ accepted: 2 });
  });

  test("tolerates unknown fields", async ({ ns }) => {
    const app = ingest(ns);
    const response = await post(
      app,
      "/v1/feeds/usps/ivmtr",
      JSON.stringify({ events: [{ ...scan(1), surprise: { a: 1 } }], extra: true }),
    );
    expect(await response.json()).toMatchObject({ accepted: 1, rejected: 0 });
  });
});

describe("ingest: hostile requests", () => {
  test("refuses a wrong or missing token and publishes nothing", async ({ ns }) => {
    const app = ingest(ns);
    const body = JSON.stringify({ events: [scan(1)] });
    const wrong = await post(app, "/v1/feeds/usps/ivmtr", body, { authorization: "Bearer nope-nope-nope-nope" });
    const missing = await app.request("/v1/feeds/usps/ivmtr", { method: "POST", body });
    const otherFeed = await post(app, "/v1/feeds/other/ivmtr", body);
    const countyTokenOnFeed = await post(app, "/v1/feeds/usps/ivmtr", body, { authorization: `Bearer ${countyToken}` });
    for (const response of [wrong, missing, otherFeed, countyTokenOnFeed]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    }
    expect(await streamMessages(ns, ns.catalog.streams.events.name)).toBe(0);
  });

  test("refuses a body over the limit, plain or as a gzip bomb", async ({ ns }) => {
    const app = ingest(ns, 4 * 1024);
    const big = JSON.stringify({ events: Array.from({ length: 200 }, (_, index) => scan(index)) });
    const plain = await post(app, "/v1/feeds/usps/ivmtr", big);
    const bomb = await post(app, "/v1/feeds/usps/ivmtr", gzipSync(Buffer.alloc(10 * 1024 * 1024, 32)), {
      "content-encoding": "gzip",
    });
    expect(plain.status).toBe(413);
    expect(bomb.status).toBe(413);
    expect(await plain.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  test("dead-letters a truncated JSON body whole and says why", async ({ ns }) => {
    const app = ingest(ns);
    const truncated = JSON.stringify({ events: [scan(1), scan(2)] }).slice(0, 60);
    const response = await post(app, "/v1/feeds/usps/ivmtr", truncated);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
    expect((await deadLetters(ns)).map((letter) => letter.raw)).toEqual([truncated]);
  });

  test.for([
    ["an array", "[1,2]"],
    ["events of the wrong type", '{"events": "many"}'],
    ["a number", "42"],
  ] as const)("answers %s with a validation error", async ([, body], { ns }) => {
    const response = await post(ingest(ns), "/v1/feeds/usps/ivmtr", body);
    expect(response.status).toBe(400);
  });

  test("answers an unsupported encoding with what to use instead", async ({ ns }) => {
    const response = await post(ingest(ns), "/v1/feeds/usps/ivmtr", "{}", { "content-encoding": "br" });
    expect(response.status).toBe(415);
  });
});

describe("ingest: county records", () => {
  test("hashes voter identities at the edge: no name or birth date reaches the stream", async ({ ns }) => {
    const app = ingest(ns);
    const records = [
      {
        voter_id: "V1",
        first_name: "José",
        last_name: "Núñez",
        date_of_birth: "03-09-1980",
        zip: "95616",
        language: "es",
      },
      { voter_id: "V2", first_name: "Ana", last_name: "Lee", date_of_birth: "02-30-1980", zip: "95616" },
    ];
    const response = await post(app, "/v1/counties/06999/voters", JSON.stringify({ records }));
    expect(await response.json()).toMatchObject({ accepted: 1, rejected: 1, errors: [{ index: 1 }] });
    const stored = await ns.jetstream.jsm.streams.getMessage(ns.catalog.streams.events.name, { seq: 1 });
    const text = new TextDecoder().decode(stored?.data);
    expect(text).not.toContain("José");
    expect(text).not.toContain("1980");
    expect(JSON.parse(text)).toMatchObject({ voterId: "V1", county: "06999", zip: "95616", language: "es" });
  });

  test("refuses rows for another county and unknown record kinds", async ({ ns }) => {
    const app = ingest(ns);
    const row = {
      voter_id: "V1",
      first_name: "Ana",
      last_name: "Lee",
      date_of_birth: "03-09-1980",
      zip: "95616",
      county: "06001",
    };
    const response = await post(app, "/v1/counties/06999/voters", JSON.stringify({ records: [row] }));
    expect(await response.json()).toMatchObject({ accepted: 0, rejected: 1 });
    const unknown = await post(app, "/v1/counties/06999/parties", JSON.stringify({ records: [] }));
    expect(unknown.status).toBe(404);
  });
});
