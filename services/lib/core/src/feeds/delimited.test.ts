import { describe, expect, it } from "vitest";
import { detectDelimiter, parseDelimited, splitDelimitedRows } from "./delimited.ts";

const imb = "0072031415910000000395616123456";

describe("delimited feed files", () => {
  it("reads a pipe-delimited file, matching header names like JSON keys", () => {
    const text = [
      "IMB|Scan Date Time|Scan Event Code|Mail Phase|Handling Event Type Description|Scan Facility ZIP|Machine Name",
      `${imb}|2026-10-14 03:12:00|919|Phase 3c - Destination Sequenced Carrier Sortation|Physical|95813|DBCS 12`,
      `${imb}|2026-10-15T11:40:00-07:00||Phase 4c - Delivery|Logical Delivery Event||`,
    ].join("\n");
    const parsed = parseDelimited(text);
    expect(parsed.ok && parsed.value).toMatchObject([
      {
        ok: true,
        value: { imb, occurredAt: "2026-10-14T10:12:00.000Z", scanEventCode: "919", timeZone: "America/Los_Angeles" },
      },
      { ok: true, value: { milestone: "delivered", occurredAt: "2026-10-15T18:40:00.000Z" } },
    ]);
  });

  it("reads a comma-delimited file with quoted fields, CRLF line ends and a byte-order mark", () => {
    const text = [
      "\uFEFFimb,scan_date_time,mail_phase,scan_facility_name,scan_facility_zip",
      `${imb},2026-10-14T03:12:00-07:00,"Phase 3c - Destination Sequenced Carrier Sortation","SACRAMENTO, CA ""P&DC""",95813`,
      `"${imb}","2026-10-14T05:12:00-07:00","PARS Processing","multi`,
      `line",95813`,
      "",
    ].join("\r\n");
    const parsed = parseDelimited(text);
    expect(parsed.ok && parsed.value.map((result) => result.ok && result.value.milestone)).toEqual([
      "in_transit",
      "undeliverable",
    ]);
  });

  it("rejects rows with the wrong number of fields alone, keeping each row's text", () => {
    const text = [
      "imb,scan_date_time,scan_event_code",
      `${imb},2026-10-14T10:12:00Z,919`,
      `${imb},2026-10-14T10:13:00Z`,
      `${imb},2026-10-14T10:14:00Z,919,extra`,
      `${imb},2026-10-14T10:15:00Z,919,`,
    ].join("\n");
    const parsed = parseDelimited(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.map((result) => result.ok)).toEqual([true, false, false, true]);
    expect(parsed.value[1]).toEqual({
      ok: false,
      error: { reason: "row has 2 fields; the header has 3", raw: `${imb},2026-10-14T10:13:00Z` },
    });
  });

  it("cuts a row whose quote never closes at its own line end and reads on", () => {
    const text = ["imb,scan_date_time", `${imb},"2026-10-14T10:12:00Z`, `${imb},2026-10-14T10:13:00Z`].join("\n");
    const parsed = parseDelimited(text);
    expect(parsed.ok && parsed.value.map((result) => result.ok)).toEqual([false, true]);
  });

  it("refuses a file whose header names no imb column", () => {
    expect(parseDelimited("when,where\n2026-10-14,95813").ok).toBe(false);
  });

  it.each([
    ["a|b|c", "|"],
    ["a,b,c", ","],
    ["a\tb\tc", "\t"],
    ["a;b;c", ";"],
    ["scan date, time|imb|zip", "|"],
  ])("detects the delimiter of %j", (header, delimiter) => {
    expect(detectDelimiter(header)).toBe(delimiter);
  });

  it("splits rows and keeps their text", () => {
    expect(splitDelimitedRows('a,"b,c"\n\n"d""e",f\n', ",")).toEqual([
      { fields: ["a", "b,c"], text: 'a,"b,c"' },
      { fields: ['d"e', "f"], text: '"d""e",f' },
    ]);
  });
});
