import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  readDamagedBars,
  readInvalidInputs,
  readTestVectors,
  readUspsEncoderTestCases,
} from "../../test-data/index.ts";
import { rotateBars } from "./decode.ts";
import type { ImbFieldError } from "./fields.ts";
import { decodeImb, describeImbError, encodeImb, type ImbDecodeError } from "./imb.ts";

const vectors = readTestVectors();
const uspsCases = readUspsEncoderTestCases();

/** USPS reference encoder return codes 9-13 (REFERENCE.md section 1) and our error kinds. */
const kindOfReturnCode: Readonly<Record<number, ImbFieldError>> = {
  9: "TRACK_STRING_BAD_LENGTH",
  10: "TRACK_STRING_HAS_INVALID_DATA",
  11: "TRACK_STRING_HAS_INVALID_DIGIT2",
  12: "ROUTE_STRING_BAD_LENGTH",
  13: "ROUTE_STRING_HAS_INVALID_DATA",
};

/** Rows where the USPS encoder strips spaces before checking the length; we refuse instead of trimming. */
const spaceStrippingRows = new Set([191, 194]);

const trackingCode = fc.stringMatching(/^\d[0-4]\d{18}$/);
const routingCode = fc.oneof(fc.constant(""), fc.stringMatching(/^(\d{5}|\d{9}|\d{11})$/));

describe("encodeImb and decodeImb on the verified vectors", () => {
  it.each(vectors)("encodes $tracking / '$routing' as $bars", ({ tracking, routing, bars }) => {
    expect(encodeImb(tracking, routing)).toEqual({ ok: true, value: bars });
  });

  it.each(vectors)("decodes $bars back to $tracking / '$routing'", ({ tracking, routing, bars }) => {
    const decoded = decodeImb(bars);
    expect(decoded.ok && { tracking: decoded.value.tracking, routing: decoded.value.routing }).toEqual({
      tracking,
      routing,
    });
    expect(decoded.ok && ("repairedBars" in decoded.value || "upsideDown" in decoded.value)).toBe(false);
  });

  it.each(vectors)("recognises $bars read upside down and decodes it, saying so", ({ tracking, routing, bars }) => {
    const decoded = decodeImb(rotateBars(bars));
    expect(decoded.ok && decoded.value).toMatchObject({ tracking, routing, upsideDown: true });
    expect(decodeImb(rotateBars(bars), { acceptUpsideDown: false }).ok).toBe(false);
  });

  it("encodes without a routing code when none is given", () => {
    expect(encodeImb("01234567094987654321")).toEqual(encodeImb("01234567094987654321", ""));
  });

  it("splits the decoded tracking code into its fields", () => {
    const bars = encodeImb("00777912345678123456", "12345678901");
    const decoded = bars.ok ? decodeImb(bars.value) : bars;
    expect(decoded).toEqual({
      ok: true,
      value: {
        tracking: "00777912345678123456",
        routing: "12345678901",
        barcodeId: "00",
        serviceTypeId: "777",
        mailerId: "912345678",
        serialNumber: "123456",
        direction: "return",
      },
    });
  });

  it("decodes lower-case bars like upper-case ones", () => {
    const [first] = vectors;
    expect(decodeImb(first?.bars.toLowerCase() ?? "")).toEqual(decodeImb(first?.bars ?? ""));
  });

  it("round-trips random valid inputs through encode and decode", () => {
    fc.assert(
      fc.property(trackingCode, routingCode, (tracking, routing) => {
        const bars = encodeImb(tracking, routing);
        expect(bars.ok && /^[ADFT]{65}$/.test(bars.value)).toBe(true);
        const decoded = bars.ok ? decodeImb(bars.value) : bars;
        expect(decoded.ok && [decoded.value.tracking, decoded.value.routing]).toEqual([tracking, routing]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the USPS encoder test-case file (10,000 rows)", () => {
  const valid = uspsCases.filter((row) => row.returnCode === 0);
  const refused = uspsCases.filter((row) => row.returnCode !== 0 && !spaceStrippingRows.has(row.id));

  it("holds 8,128 valid and 1,872 refused rows", () => {
    expect(uspsCases).toHaveLength(10_000);
    expect(valid).toHaveLength(8_128);
  });

  it.each(valid)(
    "row $id: encodes $tracking / '$routing' exactly as USPS and decodes it back",
    ({ tracking, routing, bars }) => {
      expect(encodeImb(tracking, routing)).toEqual({ ok: true, value: bars });
      const decoded = decodeImb(bars);
      expect(decoded.ok && [decoded.value.tracking, decoded.value.routing]).toEqual([tracking, routing]);
    },
  );

  it.each(refused)(
    "row $id: refuses '$tracking' / '$routing' like USPS return code $returnCode",
    ({ tracking, routing, returnCode }) => {
      expect(encodeImb(tracking, routing)).toEqual({ ok: false, error: kindOfReturnCode[returnCode] });
    },
  );

  it.each(uspsCases.filter((row) => spaceStrippingRows.has(row.id)))(
    "row $id: refuses the 20-character tracking code '$tracking' for its spaces, where USPS strips them and reports a bad length",
    ({ tracking, routing, returnCode }) => {
      expect(returnCode).toBe(9);
      expect(encodeImb(tracking, routing)).toEqual({ ok: false, error: "TRACK_STRING_HAS_INVALID_DATA" });
    },
  );
});

describe("invalid inputs refused by the USPS reference encoder", () => {
  it.each(readInvalidInputs())(
    "refuses '$tracking' / '$routing' with $uspsErrorName (code $uspsReturnCode)",
    ({ tracking, routing, uspsReturnCode, uspsErrorName }) => {
      expect(kindOfReturnCode[uspsReturnCode]).toBe(uspsErrorName);
      expect(encodeImb(tracking, routing)).toEqual({ ok: false, error: uspsErrorName });
    },
  );

  it.each([
    { case: "a tracking code with a trailing space", tracking: "0123456709498765432 ", routing: "" },
    { case: "a tracking code padded with a leading zero", tracking: "001234567094987654321", routing: "" },
    { case: "a routing code with a space", tracking: "01234567094987654321", routing: "01234 " },
    { case: "a ZIP+4 with a hyphen", tracking: "01234567094987654321", routing: "01234-5678" },
  ])("refuses $case rather than trimming or padding it", ({ tracking, routing }) => {
    expect(encodeImb(tracking, routing).ok).toBe(false);
  });
});

describe("damaged reads (derived from verified vectors)", () => {
  it.each(readDamagedBars())("$expect: $note", (entry) => {
    const strict = decodeImb(entry.bars, { acceptUpsideDown: false });
    expect(strict.ok).toBe(false);
    switch (entry.expect) {
      case "repairable": {
        expect(decodeImb(entry.bars)).toEqual({ ok: false, error: "INVALID_CHARACTER" });
        const repaired = decodeImb(entry.bars, { repair: true });
        expect(repaired.ok && repaired.value).toMatchObject({ tracking: entry.tracking, routing: entry.routing });
        expect(repaired.ok && repaired.value.repairedBars).toHaveLength(1);
        break;
      }
      case "ambiguous":
        expect(decodeImb(entry.bars, { repair: true })).toEqual({ ok: false, error: "AMBIGUOUS_REPAIR" });
        break;
      case "invalid": {
        // Never accepted as an upright read; recognised as the upside-down read it is.
        const decoded = decodeImb(entry.bars);
        expect(decoded.ok && decoded.value).toMatchObject({ upsideDown: true });
        expect(decoded.ok && "repairedBars" in decoded.value).toBe(false);
        break;
      }
    }
  });

  it("fills an erased bar only in repair mode", () => {
    const bars = `X${vectors[0]?.bars.slice(1)}`;
    expect(decodeImb(bars)).toEqual({ ok: false, error: "BARS_ERASED" });
    const repaired = decodeImb(bars, { repair: true });
    expect(repaired.ok && repaired.value.repairedBars).toEqual([{ position: 0, from: "X", to: vectors[0]?.bars[0] }]);
  });

  it("decodes an undamaged barcode in repair mode without reporting repairs", () => {
    const decoded = decodeImb(vectors[0]?.bars ?? "", { repair: true });
    expect(decoded.ok && "repairedBars" in decoded.value).toBe(false);
  });

  it.each([
    { case: "64 bars", bars: "A".repeat(64), error: "BARS_BAD_LENGTH" },
    { case: "a letter other than A, D, F, T", bars: `${"A".repeat(64)}Q`, error: "BARS_INVALID_CHARACTER" },
    { case: "bars that form no characters", bars: "T".repeat(65), error: "INVALID_CHARACTER" },
  ])("refuses $case with $error, with or without repair", ({ bars, error }) => {
    expect(decodeImb(bars)).toEqual({ ok: false, error });
    if (error !== "INVALID_CHARACTER") expect(decodeImb(bars, { repair: true })).toEqual({ ok: false, error });
    else expect(decodeImb(bars, { repair: true })).toEqual({ ok: false, error: "UNREPAIRABLE" });
  });
});

describe("describeImbError", () => {
  const kinds: readonly (ImbFieldError | ImbDecodeError)[] = [
    ...Object.values(kindOfReturnCode),
    "BARS_BAD_LENGTH",
    "BARS_INVALID_CHARACTER",
    "BARS_ERASED",
    "INVALID_CHARACTER",
    "ORIENTATION_BIT_SET",
    "CODEWORD_OUT_OF_RANGE",
    "CRC_MISMATCH",
    "ROUTING_OUT_OF_RANGE",
    "AMBIGUOUS_REPAIR",
    "UNREPAIRABLE",
    "TOO_MANY_ERASURES",
  ];

  it("gives every error kind its own one-line explanation", () => {
    const messages = kinds.map(describeImbError);
    expect(new Set(messages).size).toBe(kinds.length);
    expect(messages.every((message) => message.length > 0 && !message.includes("\n"))).toBe(true);
  });
});
