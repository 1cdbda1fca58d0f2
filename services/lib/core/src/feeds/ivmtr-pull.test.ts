import { describe, expect, it } from "vitest";
import { parseIvmtrPull } from "./ivmtr-pull.ts";

const imb = "0072031415910000000395616123456";

// The piece lookup's answer (REFERENCE.md 5.2, 5.3): the IMb once, scans with snake_case fields.
const response = {
  data: {
    imb,
    expected_delivery_date: "2026-10-16",
    scans: [
      {
        scan_date_time: "2026-10-14 03:12:00",
        scan_event_code: "919",
        handling_event_type: "P",
        mail_phase: "Phase 3c - Destination Sequenced Carrier Sortation",
        machine_name: "DBCS-012",
        scanner_type: "DBCS",
        scan_facility_name: "SACRAMENTO P&DC",
        scan_facility_locale_key: "L123456",
        scan_facility_city: "SACRAMENTO",
        scan_facility_state: "CA",
        scan_facility_zip: "95813",
      },
      {
        scan_date_time: "2026-10-15T11:40:00-07:00",
        handling_event_type: "Logical Delivery Event",
        mail_phase: "Phase 4c - Delivery",
      },
      { scan_event_code: "919" },
      "junk",
    ],
  },
};

describe("IV-MTR pull API parsing", () => {
  it("applies the piece's IMb and delivery estimate to each of its scans", () => {
    const parsed = parseIvmtrPull(response);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value[0]).toEqual({
      ok: true,
      value: {
        imb,
        mailerId: "314159",
        serialNumber: "100000003",
        serviceTypeId: "720",
        direction: "outbound",
        milestone: "in_transit",
        occurredAt: "2026-10-14T10:12:00.000Z",
        rawTimestamp: "2026-10-14 03:12:00",
        timeZone: "America/Los_Angeles",
        scanEventCode: "919",
        mailPhase: "Phase 3c - Destination Sequenced Carrier Sortation",
        facilityZip: "95813",
        facilityLocaleKey: "L123456",
        expectedDeliveryDate: "2026-10-16",
      },
    });
    expect(parsed.value[1]).toMatchObject({ ok: true, value: { milestone: "delivered" } });
  });

  it("rejects a bad scan alone, keeping the piece's fields in its raw record", () => {
    const parsed = parseIvmtrPull(response);
    expect(parsed.ok && parsed.value.map((result) => result.ok)).toEqual([true, true, false, false]);
    const rejected = parsed.ok ? parsed.value[2] : undefined;
    expect(rejected && !rejected.ok && JSON.parse(rejected.error.raw)).toMatchObject({ imb, scan_event_code: "919" });
    expect(rejected && !rejected.ok && rejected.error.reason).toContain("no scanDatetime");
  });

  it("reads a list of pieces", () => {
    const piece = (serial: string) => ({
      imb: `00720314159${serial}95616`,
      scans: [{ scan_date_time: "2026-10-14T10:12:00Z" }],
    });
    const parsed = parseIvmtrPull({ data: [piece("100000001"), piece("100000002"), { imb }] });
    expect(parsed.ok && parsed.value.map((result) => result.ok)).toEqual([true, true, false]);
  });

  it.each([[{ error: "barcode not found" }], [{ data: "piece not found" }], [[response]], [null]])(
    "refuses %j as a whole",
    (body) => {
      expect(parseIvmtrPull(body).ok).toBe(false);
    },
  );
});
