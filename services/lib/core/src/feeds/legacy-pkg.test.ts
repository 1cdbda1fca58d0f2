import { describe, expect, it } from "vitest";
import { isLegacyPkgLine, parseLegacyPkg, parseLegacyPkgLine } from "./legacy-pkg.ts";

describe("legacy PKG files", () => {
  // The rows of democracyworks/usps-processor's tests (REFERENCE.md 5.4): Denver, July, facility-local time.
  it.each([
    ["80204,141,07/20/2016 12:38:20, ,00040123456789123456", "00040123456789123456", "040"],
    ["80204,141,07/20/2016 12:38:20,80204123456,00050123456789123456", "0005012345678912345680204123456", "050"],
  ])("reads %s in the facility's zone", (line, imb, serviceTypeId) => {
    expect(parseLegacyPkgLine(line)).toEqual({
      ok: true,
      value: {
        imb,
        mailerId: "123456",
        serialNumber: "789123456",
        serviceTypeId,
        direction: "other",
        milestone: "in_transit",
        occurredAt: "2016-07-20T18:38:20.000Z",
        rawTimestamp: "07/20/2016 12:38:20",
        timeZone: "America/Denver",
        scanEventCode: "141",
        facilityZip: "80204",
      },
    });
  });

  it("reads routing padded with spaces to 11 characters", () => {
    const line = "95813,919,10/14/2026 3:12:00,95616     ,00720314159100000003";
    expect(parseLegacyPkgLine(line)).toMatchObject({
      ok: true,
      value: { imb: "0072031415910000000395616", direction: "outbound", occurredAt: "2026-10-14T10:12:00.000Z" },
    });
  });

  it.each([
    ["80204,141,07/20/2016 12:38:20,00040123456789123456", "4 fields"],
    ["80204,141,07/20/2016 12:38:20, ,00040123456789123456,x", "6 fields"],
    ["8020,141,07/20/2016 12:38:20, ,00040123456789123456", "not 5 digits"],
    ["80204,141,07/20/2016 12:38:20, ,0004012345678912345", "not 20 digits"],
    ["80204,141,07/32/2016 12:38:20, ,00040123456789123456", "not a valid date"],
    ["80204,141,07/20/2016 12:38:20,1234,00040123456789123456", "ROUTE_STRING_BAD_LENGTH"],
    ["00100,141,07/20/2016 12:38:20, ,00040123456789123456", "no known time zone"],
  ])("rejects %s (%s) with its line as the raw record", (line, reason) => {
    const result = parseLegacyPkgLine(line);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.reason).toContain(reason);
      expect(result.error.raw).toBe(line);
    }
  });

  it("reads every non-blank line of a file, each alone", () => {
    const text = "80204,141,07/20/2016 12:38:20, ,00040123456789123456\r\n\r\ngarbage\r\n";
    expect(parseLegacyPkg(text).map((result) => result.ok)).toEqual([true, false]);
  });

  it("tells a legacy line from a delimited header", () => {
    expect(isLegacyPkgLine("80204,141,07/20/2016 12:38:20, ,00040123456789123456")).toBe(true);
    expect(isLegacyPkgLine("imb,scan_date_time,scan_event_code,mail_phase,zip")).toBe(false);
  });
});
