import { gzipSync } from "node:zlib";
import { describe, expect, test } from "@ballot/testing";
import { createTestIngest, deadLetters, imbOf, post, pushEvent, storedScans, streamMessages } from "./test-support.ts";

const phase = "Phase 3c - Destination Sequenced Carrier Sortation";
const serials = [1, 2, 3];

// The same three scans (Sacramento, 03:12 Pacific daylight time) in each format a USPS feed can send.
const formats = {
  push: JSON.stringify({
    events: serials.map((serial) => ({
      imb: imbOf(serial),
      scanDatetime: "2026-10-14T03:12:00-07:00",
      scanEventCode: "919",
      scanFacilityZip: "95813",
    })),
  }),
  pull: JSON.stringify({
    data: serials.map((serial) => ({
      imb: imbOf(serial),
      scans: [{ scan_date_time: "2026-10-14 03:12:00", scan_event_code: "919", scan_facility_zip: "95813" }],
    })),
  }),
  delimited: [
    "IMB|SCAN_DATE_TIME|SCAN_EVENT_CODE|SCAN_FACILITY_ZIP|SCANNER_TYPE",
    ...serials.map((serial) => `${imbOf(serial)}|10/14/2026 03:12:00|919|95813|DBCS`),
  ].join("\n"),
  legacy: serials
    .map((serial) => `95813,919,10/14/2026 3:12:00,${imbOf(serial).slice(20)},${imbOf(serial).slice(0, 20)}`)
    .join("\r\n"),
};

describe("ingest: USPS feed formats", () => {
  test("reads every format into the same scans, so the same scans sent in another format are duplicates", async ({
    ns,
  }) => {
    const app = createTestIngest(ns);
    const first = await post(app, "/v1/feeds/usps/ivmtr", formats.push);
    expect(await first.json()).toMatchObject({ format: "ivmtr-push", accepted: 3, duplicate: 0, rejected: 0 });
    const again = [
      await post(app, "/v1/feeds/usps/ivmtr", formats.pull),
      await post(app, "/v1/feeds/usps/files", formats.pull, { "content-type": "application/json" }),
      await post(app, "/v1/feeds/usps/files", formats.delimited, { "content-type": "text/csv" }),
      await post(app, "/v1/feeds/usps/files", formats.legacy, { "content-type": "text/plain" }),
      await post(app, "/v1/feeds/usps/files", gzipSync(formats.delimited), { "content-encoding": "gzip" }),
    ];
    const answers = (await Promise.all(again.map((response) => response.json()))) as Record<string, unknown>[];
    expect(answers.map((answer) => [answer.format, answer.accepted, answer.duplicate, answer.rejected])).toEqual([
      ["ivmtr-pull", 0, 3, 0],
      ["ivmtr-pull", 0, 3, 0],
      ["delimited", 0, 3, 0],
      ["legacy-pkg", 0, 3, 0],
      ["delimited", 0, 3, 0],
    ]);
    const stored = await storedScans(ns, ns.catalog.streams.events.name);
    expect(stored).toHaveLength(3);
    expect(stored[0]).toMatchObject({ occurredAt: "2026-10-14T10:12:00.000Z", facilityZip: "95813", feed: "usps" });
  });

  test("a large batch travels in chunks, every scan once and in order, and a re-send is all duplicates", async ({
    ns,
  }) => {
    const app = createTestIngest(ns, { maxBodyBytes: 4 * 1024 * 1024 });
    const events = Array.from({ length: 2_000 }, (_, index) => pushEvent(index + 1));
    const body = JSON.stringify({ events });
    expect(await (await post(app, "/v1/feeds/usps/ivmtr", body)).json()).toMatchObject({ accepted: 2_000 });
    const chunks = await streamMessages(ns, ns.catalog.streams.events.name);
    expect(chunks).toBeGreaterThanOrEqual(Math.ceil(2_000 / 256));
    expect(chunks).toBeLessThanOrEqual(Math.floor(2_000 / 32));
    const stored = await storedScans(ns, ns.catalog.streams.events.name);
    expect(stored.map((scan) => Number(scan.serialNumber))).toEqual(events.map((_, index) => index + 1));

    expect(await (await post(app, "/v1/feeds/usps/ivmtr", body)).json()).toMatchObject({
      accepted: 0,
      duplicate: 2_000,
    });
    expect(await streamMessages(ns, ns.catalog.streams.events.name)).toBe(chunks);
    // Sent again in two halves, most chunks are still the same ones; every record is counted once either way.
    const halves = [events.slice(0, 1_000), events.slice(1_000)].map((half) =>
      post(app, "/v1/feeds/usps/ivmtr", JSON.stringify({ events: half })).then(
        (response) => response.json() as Promise<{ accepted: number; duplicate: number }>,
      ),
    );
    const [a, b] = (await Promise.all(halves)) as [
      { accepted: number; duplicate: number },
      { accepted: number; duplicate: number },
    ];
    expect(a.accepted + a.duplicate + b.accepted + b.duplicate).toBe(2_000);
    expect(a.duplicate + b.duplicate).toBeGreaterThan(1_500);
  });

  test("a scan repeated within one batch is counted as a duplicate and stored once", async ({ ns }) => {
    const app = createTestIngest(ns);
    const body = JSON.stringify({ events: [pushEvent(1), pushEvent(2), pushEvent(1)] });
    expect(await (await post(app, "/v1/feeds/usps/ivmtr", body)).json()).toMatchObject({ accepted: 2, duplicate: 1 });
    expect(await storedScans(ns, ns.catalog.streams.events.name)).toHaveLength(2);
  });

  test("a local time is read in the facility's zone, else the configured default zone, else rejected", async ({
    ns,
  }) => {
    const noZip = JSON.stringify({ events: [{ imb: imbOf(1), scanDatetime: "2026-10-14 03:12:00" }] });
    const atElPaso = JSON.stringify({
      events: [{ imb: imbOf(2), scanDatetime: "2026-10-14 03:12:00", scanFacilityZip: "79901" }],
    });
    const strict = createTestIngest(ns);
    expect(await (await post(strict, "/v1/feeds/usps/ivmtr", atElPaso)).json()).toMatchObject({ accepted: 1 });
    expect(await (await post(strict, "/v1/feeds/usps/ivmtr", noZip)).json()).toMatchObject({
      accepted: 0,
      rejected: 1,
      errors: [{ index: 0, reason: expect.stringContaining("no UTC offset and no facility ZIP") }],
    });
    const lenient = createTestIngest(ns, { defaultTimeZone: "America/Los_Angeles" });
    expect(await (await post(lenient, "/v1/feeds/usps/ivmtr", noZip)).json()).toMatchObject({ accepted: 1 });
    const stored = await storedScans(ns, ns.catalog.streams.events.name);
    expect(stored.map((scan) => [scan.occurredAt, scan.timeZone])).toEqual([
      ["2026-10-14T09:12:00.000Z", "America/Denver"],
      ["2026-10-14T10:12:00.000Z", "America/Los_Angeles"],
    ]);
    expect(await deadLetters(ns)).toMatchObject([
      { source: "usps.usps", raw: JSON.stringify({ imb: imbOf(1), scanDatetime: "2026-10-14 03:12:00" }) },
    ]);
  });

  test("keeps other mailers' scans apart in file formats too", async ({ ns }) => {
    // usps-processor's example rows: STIDs 040 and 050, not ballot mail.
    const legacy = [
      "80204,141,07/20/2016 12:38:20, ,00040123456789123456",
      "80204,141,07/20/2016 12:38:20,80204123456,00050123456789123456",
    ].join("\n");
    const response = await post(createTestIngest(ns), "/v1/feeds/usps/files", legacy);
    expect(await response.json()).toMatchObject({ format: "legacy-pkg", accepted: 0, foreign: 2, rejected: 0 });
    expect(await storedScans(ns, ns.catalog.streams.foreign.name)).toMatchObject([
      { occurredAt: "2016-07-20T18:38:20.000Z", timeZone: "America/Denver" },
      { serviceTypeId: "050" },
    ]);
    expect(await streamMessages(ns, ns.catalog.streams.events.name)).toBe(0);
  });

  test("keeps expected delivery dates and milestone hints", async ({ ns }) => {
    const events = [
      { ...pushEvent(1), mailPhase: phase, expectedDeliveryDate: "10/16/2026" },
      {
        ...pushEvent(1, 11),
        mailPhase: "Phase 4c - Delivery",
        handlingEventTypeDescription: "Logical Out for Delivery Event",
      },
      { ...pushEvent(1, 12), mailPhase: "Phase 4c - Delivery", handlingEventTypeDescription: "Logical Delivery Event" },
      { ...pushEvent(2), mailPhase: "PARS Processing" },
    ];
    await post(createTestIngest(ns), "/v1/feeds/usps/ivmtr", JSON.stringify({ events }));
    const stored = await storedScans(ns, ns.catalog.streams.events.name);
    expect(stored.map((scan) => [scan.milestone, scan.expectedDeliveryDate])).toEqual([
      ["in_transit", "2026-10-16"],
      ["out_for_delivery", undefined],
      ["delivered", undefined],
      ["undeliverable", undefined],
    ]);
  });
});
