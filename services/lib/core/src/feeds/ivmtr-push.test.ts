import { describe, expect, it } from "vitest";
import { encodeImb } from "../imb/index.ts";
import { normalizeIvmtrEvent, parseIvmtrPush } from "./ivmtr-push.ts";
import { milestoneOf } from "./scan.ts";
import { scanIdentity } from "./scan-record.ts";

const imb = "0072031415910000000395616123456";
const bars = (() => {
  const encoded = encodeImb(imb.slice(0, 20), imb.slice(20));
  if (!encoded.ok) throw new Error(encoded.error);
  return encoded.value;
})();

describe("IV-MTR push parsing", () => {
  it("normalises a push event and converts its local time with offset to UTC", () => {
    const result = normalizeIvmtrEvent({
      imb,
      scanDatetime: "2026-10-14T03:12:00-07:00",
      scanEventCode: "919",
      mailPhase: "Phase 3c - Destination Sequenced Carrier Sortation",
      scanFacilityZip: "95813",
      expectedDeliveryDate: "10/15/2026",
    });
    expect(result).toEqual({
      ok: true,
      value: {
        imb,
        mailerId: "314159",
        serialNumber: "100000003",
        serviceTypeId: "720",
        direction: "outbound",
        milestone: "in_transit",
        occurredAt: "2026-10-14T10:12:00.000Z",
        rawTimestamp: "2026-10-14T03:12:00-07:00",
        scanEventCode: "919",
        mailPhase: "Phase 3c - Destination Sequenced Carrier Sortation",
        facilityZip: "95813",
        expectedDeliveryDate: "2026-10-15",
      },
    });
  });

  it("matches key names ignoring case and punctuation", () => {
    const result = normalizeIvmtrEvent({
      IMB: imb,
      scan_date_time: "2026-10-14T10:12:00Z",
      "MAIL-PHASE": "PARS Processing",
      "Scan Facility Locale Key": "L123",
      anticipated_delivery_date: "2026-10-16",
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        milestone: "undeliverable",
        occurredAt: "2026-10-14T10:12:00.000Z",
        facilityLocaleKey: "L123",
        expectedDeliveryDate: "2026-10-16",
      },
    });
  });

  it("reads a local time without offset in the facility's zone and keeps the raw timestamp and the zone", () => {
    const result = normalizeIvmtrEvent({ imb, scanDatetime: "2026-10-14 03:12:00", scanFacilityZip: "80204-1234" });
    expect(result).toMatchObject({
      ok: true,
      value: {
        occurredAt: "2026-10-14T09:12:00.000Z",
        rawTimestamp: "2026-10-14 03:12:00",
        timeZone: "America/Denver",
        facilityZip: "80204",
      },
    });
  });

  it("uses the configured default zone for a local time at an unknown facility", () => {
    const event = { imb, scanDatetime: "2026-10-14 03:12:00" };
    expect(normalizeIvmtrEvent(event).ok).toBe(false);
    expect(normalizeIvmtrEvent(event, { defaultTimeZone: "America/Los_Angeles" })).toMatchObject({
      ok: true,
      value: { occurredAt: "2026-10-14T10:12:00.000Z", timeZone: "America/Los_Angeles" },
    });
  });

  it("builds the IMb from separate tracking and routing codes, and decodes 65 bars", () => {
    const split = normalizeIvmtrEvent({
      imbTrackingCode: imb.slice(0, 20),
      imbRoutingCode: imb.slice(20),
      scanDatetime: "2026-10-14T10:12:00Z",
    });
    const barred = normalizeIvmtrEvent({ imb: bars, scanDatetime: "2026-10-14T10:12:00Z" });
    expect(split).toMatchObject({ ok: true, value: { imb } });
    expect(barred).toMatchObject({ ok: true, value: { imb } });
  });

  it("restores leading zeros that a number or spreadsheet dropped from a ZIP", () => {
    const result = normalizeIvmtrEvent({ imb, scanDatetime: "2026-10-14 03:12:00", scanFacilityZip: 2134 });
    expect(result).toMatchObject({ ok: true, value: { facilityZip: "02134", timeZone: "America/New_York" } });
  });

  it.each([
    [{ scanDatetime: "2026-10-14T10:12:00Z" }, "no imb"],
    [
      { imb: "0572031415910000000395616123456", scanDatetime: "2026-10-14T10:12:00Z" },
      "TRACK_STRING_HAS_INVALID_DIGIT2",
    ],
    [{ imb: `${imb}9`, scanDatetime: "2026-10-14T10:12:00Z" }, "ROUTE_STRING_BAD_LENGTH"],
    [{ imb: Number(imb), scanDatetime: "2026-10-14T10:12:00Z" }, "TRACK_STRING_BAD_LENGTH"],
    [{ imb: bars.slice(1), scanDatetime: "2026-10-14T10:12:00Z" }, "BARS_BAD_LENGTH"],
    [{ imb: `${bars}A`, scanDatetime: "2026-10-14T10:12:00Z" }, "BARS_BAD_LENGTH"],
    [{ imb: `${bars.slice(0, 64)}${bars[64] === "A" ? "D" : "A"}`, scanDatetime: "2026-10-14T10:12:00Z" }, "bars"],
    [{ imb }, "no scanDatetime"],
    [{ imb, scanDatetime: "yesterday" }, "not a date and time"],
    [{ imb, scanDatetime: 42 }, "not a date and time"],
    [{ imb, scanDatetime: { at: "2026-10-14T10:12:00Z" } }, "no scanDatetime"],
    [{ imb, scanDatetime: "2026-10-14T10:12:00Z", scanFacilityZip: "nowhere" }, "not a ZIP code"],
    [{ imb, scanDatetime: "2026-10-14T10:12:00Z", expectedDeliveryDate: "2026-02-30" }, "not a date"],
    [{ imb, scanDatetime: "2026-10-14T10:12:00Z", mailPhase: "x".repeat(129) }, "longer than 128"],
    [{ imb, scanDatetime: "2026-10-14T10:12:00Z", mailPhase: "Phase\u0000 1a" }, "control characters"],
    ["a string", "not an object"],
    [null, "not an object"],
    [[imb], "not an object"],
  ])("rejects %j with a reason (%s) and keeps the raw record", (record, reason) => {
    const result = normalizeIvmtrEvent(record);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.reason).toContain(reason);
      expect(result.error.raw).toBe(JSON.stringify(record));
    }
  });

  it("judges each event alone, so a bad one never loses its neighbours", () => {
    const parsed = parseIvmtrPush({ events: [{ imb, scanDatetime: "2026-10-14T10:12:00Z" }, { imb: "1" }, 7] });
    expect(parsed.ok && parsed.value.map((result) => result.ok)).toEqual([true, false, false]);
  });

  it("ignores header fields and unknown fields, and matches the events key loosely", () => {
    const parsed = parseIvmtrPush({
      msgGrpId: "g1",
      totMsgCnt: 2,
      Events: [{ imb, scanDatetime: "2026-10-14T10:12:00Z", surprise: { nested: [1] } }],
    });
    expect(parsed.ok && parsed.value.map((result) => result.ok)).toEqual([true]);
  });

  it("refuses a body that is not an events list", () => {
    expect(parseIvmtrPush([1, 2]).ok).toBe(false);
    expect(parseIvmtrPush({ records: [] }).ok).toBe(false);
    expect(parseIvmtrPush({ events: "many" }).ok).toBe(false);
  });

  it.each([
    ["Phase 4c - Delivery", "Logical Delivery Event", "delivered"],
    ["Phase 4c - Delivery", "Logical Out for Delivery Event", "out_for_delivery"],
    ["FPARS Processing", "Physical", "undeliverable"],
    ["Phase 0 - Origin Processing Cancellation of Postage", "Physical", "in_transit"],
    ["Phase 3c- Destination Sequenced Carrier Sortation", "Physical", "in_transit"],
    ["", "", "in_transit"],
  ] as const)("maps %s / %s to %s", (phase, handling, milestone) => {
    expect(milestoneOf(phase, handling)).toBe(milestone);
  });

  it("gives the same identity to the same scan written with and without an offset", () => {
    const withOffset = normalizeIvmtrEvent({
      imb,
      scanDatetime: "2026-10-14T03:12:00-06:00",
      scanFacilityZip: "80204",
    });
    const local = normalizeIvmtrEvent({ imb, scanDatetime: "10/14/2026 3:12:00", scanFacilityZip: "80204" });
    expect(withOffset.ok && local.ok && scanIdentity(withOffset.value) === scanIdentity(local.value)).toBe(true);
  });
});
