import { describe, expect, it } from "vitest";
import { directionOf, splitImb, splitImbDigits } from "./fields.ts";

describe("splitImb", () => {
  it("splits a 6-digit mailer id with a 9-digit serial number", () => {
    expect(splitImb("00720123456123456789", "12345")).toEqual({
      ok: true,
      value: {
        tracking: "00720123456123456789",
        routing: "12345",
        barcodeId: "00",
        serviceTypeId: "720",
        mailerId: "123456",
        serialNumber: "123456789",
        direction: "outbound",
      },
    });
  });

  it("splits a mailer id starting with 9 as 9 digits with a 6-digit serial number", () => {
    const split = splitImb("00777912345678123456");
    expect(split.ok && [split.value.mailerId, split.value.serialNumber]).toEqual(["912345678", "123456"]);
  });

  it.each([
    { tracking: "0072012345612345678", routing: "", error: "TRACK_STRING_BAD_LENGTH" },
    { tracking: "0072012345612345678a", routing: "1", error: "TRACK_STRING_HAS_INVALID_DATA" },
    { tracking: "05720123456123456789", routing: "1", error: "TRACK_STRING_HAS_INVALID_DIGIT2" },
    { tracking: "00720123456123456789", routing: "1", error: "ROUTE_STRING_BAD_LENGTH" },
    { tracking: "00720123456123456789", routing: "1234a", error: "ROUTE_STRING_HAS_INVALID_DATA" },
  ])("reports the first failing check, $error, for '$tracking' / '$routing'", ({ tracking, routing, error }) => {
    expect(splitImb(tracking, routing)).toEqual({ ok: false, error });
  });

  it("reads an IV-MTR imb field as 20 tracking digits followed by the routing digits", () => {
    const split = splitImbDigits("0072012345612345678912345678901");
    expect(split.ok && split.value.routing).toBe("12345678901");
  });
});

describe("directionOf", () => {
  it.each([
    { stid: "777", direction: "return" },
    { stid: "780", direction: "return" },
    { stid: "720", direction: "outbound" },
    { stid: "270", direction: "other" },
  ])("classifies STID $stid as $direction", ({ stid, direction }) => {
    expect(directionOf(stid)).toBe(direction);
  });
});
