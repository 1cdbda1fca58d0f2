import { describe, expect, it } from "vitest";
import { daysInMonth, parseWallClockTime, resolveScanTime, timestampToUtc, zonedTimeToUtcMs } from "./scan-time.ts";

const utc = (raw: string, facilityZip?: string, defaultTimeZone?: string) => {
  const resolved = resolveScanTime(raw, { facilityZip, defaultTimeZone });
  return resolved.ok ? resolved.value : resolved.error;
};

describe("scan timestamps", () => {
  it.each([
    ["2026-10-14T03:12:00-07:00", "2026-10-14T10:12:00.000Z"],
    ["2026-10-14T10:12:00Z", "2026-10-14T10:12:00.000Z"],
    ["2026-10-14 10:12:00.25z", "2026-10-14T10:12:00.250Z"],
    ["2026-10-14T12:12:00+0200", "2026-10-14T10:12:00.000Z"],
    ["2026-10-14T05:12-05", "2026-10-14T10:12:00.000Z"],
    ["2026-10-14T10:12:00 UTC", "2026-10-14T10:12:00.000Z"],
    ["10/14/2026 3:12:00 AM -07:00", "2026-10-14T10:12:00.000Z"],
  ])("reads %s with its own offset as %s, whatever the facility", (raw, occurredAt) => {
    expect(utc(raw, "96910")).toEqual({ occurredAt });
  });

  it.each([
    // usps-processor's legacy example: Denver, daylight time (UTC-6).
    ["07/20/2016 12:38:20", "80204", "2016-07-20T18:38:20.000Z", "America/Denver"],
    ["2026-01-15 12:00:00", "80204", "2026-01-15T19:00:00.000Z", "America/Denver"],
    // Arizona keeps standard time all year; El Paso is Mountain, Dallas Central.
    ["2026-07-01 12:00:00", "85001", "2026-07-01T19:00:00.000Z", "America/Phoenix"],
    ["2026-10-14 10:00:00", "79901", "2026-10-14T16:00:00.000Z", "America/Denver"],
    ["2026-10-14 10:00:00", "75201", "2026-10-14T15:00:00.000Z", "America/Chicago"],
    ["2026-10-14 10:00:00", "32501", "2026-10-14T15:00:00.000Z", "America/Chicago"],
    ["2026-10-14 10:00:00", "32301", "2026-10-14T14:00:00.000Z", "America/New_York"],
    ["2026-10-14 08:00:00", "96910", "2026-10-13T22:00:00.000Z", "Pacific/Guam"],
    ["2026-10-14 08:00:00", "96813", "2026-10-14T18:00:00.000Z", "Pacific/Honolulu"],
    ["2026-10-14 08:00:00", "99501", "2026-10-14T16:00:00.000Z", "America/Anchorage"],
    ["2026-10-14 08:00:00", "00901", "2026-10-14T12:00:00.000Z", "America/Puerto_Rico"],
    ["10/14/2026 3:12 PM", "95616", "2026-10-14T22:12:00.000Z", "America/Los_Angeles"],
  ])("reads local %s at ZIP %s as %s (%s)", (raw, zip, occurredAt, timeZone) => {
    expect(utc(raw, zip)).toEqual({ occurredAt, timeZone });
  });

  it.each([
    // Spring forward in Los Angeles, 2026-03-08: 02:00-02:59 never happens; it moves forward by the gap.
    ["2026-03-08 01:59:59", "2026-03-08T09:59:59.000Z"],
    ["2026-03-08 02:30:00", "2026-03-08T10:30:00.000Z"],
    ["2026-03-08 03:00:00", "2026-03-08T10:00:00.000Z"],
    // Fall back, 2026-11-01: 01:00-01:59 happens twice; the earlier (daylight time) is taken.
    ["2026-11-01 00:59:59", "2026-11-01T07:59:59.000Z"],
    ["2026-11-01 01:30:00", "2026-11-01T08:30:00.000Z"],
    ["2026-11-01 02:00:00", "2026-11-01T10:00:00.000Z"],
  ])("resolves %s in Los Angeles around a daylight-saving change as %s", (raw, occurredAt) => {
    expect(utc(raw, "90012")).toEqual({ occurredAt, timeZone: "America/Los_Angeles" });
  });

  it("converts wall-clock times in any Intl zone, east of Greenwich too", () => {
    expect(new Date(zonedTimeToUtcMs(Date.UTC(2026, 2, 29, 2, 30), "Europe/Berlin")).toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(new Date(zonedTimeToUtcMs(Date.UTC(2026, 9, 25, 2, 30), "Europe/Berlin")).toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(new Date(zonedTimeToUtcMs(Date.UTC(2026, 5, 1, 12, 0), "Asia/Kolkata")).toISOString()).toBe(
      "2026-06-01T06:30:00.000Z",
    );
  });

  it("refuses a local time whose zone it cannot know, unless a default zone is configured", () => {
    expect(utc("2026-10-14 08:00:00")).toContain("no facility ZIP");
    expect(utc("2026-10-14 08:00:00", "00012")).toContain("facility ZIP 00012 has no known time zone");
    expect(utc("2026-10-14 08:00:00", "00012", "America/Los_Angeles")).toEqual({
      occurredAt: "2026-10-14T15:00:00.000Z",
      timeZone: "America/Los_Angeles",
    });
    // The facility's own zone outranks the default.
    expect(utc("2026-10-14 08:00:00", "10001", "America/Los_Angeles")).toMatchObject({ timeZone: "America/New_York" });
  });

  it.each([
    "2026-13-45T10:00:00Z",
    "2026-02-29T10:00:00Z",
    "2026-10-14T24:00:00Z",
    "2026-10-14T10:60:00Z",
    "2026-10-14T10:00:61Z",
    "2026-10-14T10:00:00+19:00",
    "13/01/2026 10:00:00",
    "10/14/2026 13:00 PM",
    "1969-12-31T23:00:00Z",
    "yesterday",
    "2026-10-14",
    "",
  ])("refuses the impossible or unreadable timestamp %j", (raw) => {
    expect(timestampToUtc(raw).ok).toBe(false);
  });

  it("accepts a leap day that exists", () => {
    expect(parseWallClockTime("2028-02-29 10:00:00")).toMatchObject({ ok: true, value: { month: 2, day: 29 } });
  });

  it("quotes at most a short piece of a hostile timestamp in the reason", () => {
    const result = timestampToUtc("x".repeat(10_000));
    expect(!result.ok && result.error.length).toBeLessThan(200);
  });
});

describe("daysInMonth", () => {
  it("agrees with the calendar for every month from 1896 to 2104 (leap years, 1900 and 2100 not, 2000 yes)", () => {
    for (let year = 1896; year <= 2104; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
      }
    }
    expect([daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2024, 2), daysInMonth(2026, 2)]).toEqual([
      28, 29, 29, 28,
    ]);
  });
});
