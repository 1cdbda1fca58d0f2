import { describe, expect, it } from "vitest";
import {
  formatContactWindow,
  maskEmail,
  maskPhone,
  normalizeEmail,
  normalizeUsPhone,
  parseContactWindow,
} from "./contact-details.ts";

describe("normalizeUsPhone", () => {
  it.each([
    ["(916) 555-0123", "+19165550123"],
    ["916.555.0123", "+19165550123"],
    ["916-555-0123", "+19165550123"],
    ["1 916 555 0123", "+19165550123"],
    ["+1 (916) 555-0123", "+19165550123"],
    ["+19165550123", "+19165550123"],
    ["  9165550123 ", "+19165550123"],
  ])("reads %j as %s", (raw, e164) => {
    expect(normalizeUsPhone(raw)).toBe(e164);
  });

  it.each([
    ["a UK number", "+44 20 7946 0958"],
    ["too short", "555-0123"],
    ["too long", "1 916 555 01234"],
    ["an area code starting with 1", "(116) 555-0123"],
    ["an exchange starting with 0", "(916) 055-0123"],
    ["letters", "916-555-CALL"],
    ["a plus in the middle", "916+5550123"],
    ["full-width digits", "９１６５５５０１２３"],
    ["empty", ""],
  ])("refuses %s", (_why, raw) => {
    expect(normalizeUsPhone(raw)).toBeUndefined();
  });
});

describe("normalizeEmail", () => {
  it("keeps the local part and lower-cases the domain", () => {
    expect(normalizeEmail(" Jo.Doe@Example.COM ")).toBe("Jo.Doe@example.com");
  });

  it.each(["no-at-sign", "a@b", "two@@example.com", "<script>@example.com", `${"a".repeat(250)}@example.com`])(
    "refuses %j",
    (raw) => {
      expect(normalizeEmail(raw)).toBeUndefined();
    },
  );
});

describe("masking", () => {
  it("shows an email's first character and domain, a phone's last four digits", () => {
    expect(maskEmail("jane@example.com")).toBe("j***@example.com");
    expect(maskPhone("+19165550123")).toBe("***-***-0123");
  });
});

describe("contact windows", () => {
  it.each([
    ["08:00-21:00", 480, 1260],
    ["00:00-24:00", 0, 1440],
    ["09:30-17:45", 570, 1065],
  ])("reads %s", (text, startMinute, endMinute) => {
    const window = parseContactWindow(text);
    expect(window).toEqual({ startMinute, endMinute });
    expect(window && formatContactWindow(window)).toBe(text);
  });

  it.each(["21:00-08:00", "08:00-08:00", "8:00-21:00", "08:00-24:30", "25:00-26:00", "08:00 - 21:00", ""])(
    "refuses %j",
    (text) => {
      expect(parseContactWindow(text)).toBeUndefined();
    },
  );
});
