import { describe, expect, it } from "vitest";
import { readSpecIntermediates, readTestVectors } from "../../test-data/index.ts";
import { frameCheckSequence } from "./crc.ts";
import {
  barsToCharacters,
  binaryToDigits,
  charactersToCodewords,
  checkBars,
  codewordsToBinary,
  decodeCharacters,
  removeOrientationAndFcs,
  rotateBars,
} from "./decode.ts";
import { binaryToCodewords, charactersToBars, codewordsToCharacters, insertOrientationAndFcs } from "./encode.ts";

const spec = readSpecIntermediates().map((entry) => ({
  ...entry,
  routingLength: entry.routing.length,
  value: BigInt(`0x${entry.binaryDataHex}`),
  fcsValue: Number(entry.fcs),
  final: entry.charactersFinal.map(Number),
}));
const example = spec[3];
if (example === undefined) throw new Error("spec-intermediates.json lost its 11-digit example");

/** Bars for step-4 codewords and an FCS, whether or not they are a valid IMb (steps 5 and 6). */
const barsOf = (codewords: readonly number[], fcs: number): string =>
  charactersToBars(codewordsToCharacters(codewords, fcs));
const withCodeword = (index: number, codeword: number): number[] =>
  example.codewordsStep4.map((value, at) => (at === index ? codeword : value));
const barsOfValue = (value: bigint): string => {
  const fcs = frameCheckSequence(value);
  return barsOf(insertOrientationAndFcs(binaryToCodewords(value), fcs), fcs);
};

describe("USPS-B-3200 decoding steps (inverse) against the Appendix C examples", () => {
  it.each(spec)(
    "inverse step 6 reads the characters of the $routingLength-digit example from its bars",
    ({ bars, final }) => {
      expect(barsToCharacters(bars)).toEqual(final);
    },
  );

  it.each(spec)(
    "inverse step 5 recovers the step-4 codewords and FCS bits 0-9 of the $routingLength-digit example",
    ({ final, codewordsStep4, fcsValue }) => {
      expect(charactersToCodewords(final)).toEqual({
        ok: true,
        value: { codewords: codewordsStep4, fcs: fcsValue & 0x3ff },
      });
    },
  );

  it.each(spec)(
    "inverse step 4 recovers the step-3 codewords and FCS bit 10 of the $routingLength-digit example",
    ({ codewordsStep3, codewordsStep4, fcsValue }) => {
      expect(removeOrientationAndFcs({ codewords: [...codewordsStep4], fcs: fcsValue & 0x3ff })).toEqual({
        ok: true,
        value: { codewords: codewordsStep3, fcs: fcsValue },
      });
    },
  );

  it.each(spec)("inverse step 3 rebuilds binary $binaryDataHex from the codewords", ({ codewordsStep3, value }) => {
    expect(codewordsToBinary(codewordsStep3)).toBe(value);
  });

  it.each(spec)("inverse step 1 unpacks the $routingLength-digit routing example", ({ value, tracking, routing }) => {
    expect(binaryToDigits(value)).toEqual({ ok: true, value: { tracking, routing } });
  });

  it.each(readTestVectors())(
    "decodes the characters of $bars back to $tracking / '$routing'",
    ({ bars, tracking, routing }) => {
      expect(decodeCharacters(barsToCharacters(bars))).toEqual({ ok: true, value: { tracking, routing } });
    },
  );
});

describe("bars that are not 65 letters A, D, F, T", () => {
  const bars = example.bars;
  it.each([
    { case: "64 bars", input: bars.slice(1), error: "BARS_BAD_LENGTH" },
    { case: "66 bars", input: `${bars}T`, error: "BARS_BAD_LENGTH" },
    { case: "no bars", input: "", error: "BARS_BAD_LENGTH" },
    { case: "surrounding space", input: ` ${bars.slice(1)}`, error: "BARS_INVALID_CHARACTER" },
    { case: "a B", input: `B${bars.slice(1)}`, error: "BARS_INVALID_CHARACTER" },
    { case: "a digit", input: `${bars.slice(0, 64)}0`, error: "BARS_INVALID_CHARACTER" },
    { case: "an erasure", input: `X${bars.slice(1)}`, error: "BARS_ERASED" },
    { case: "an erasure and a bad letter", input: `X${bars.slice(1, 64)}?`, error: "BARS_INVALID_CHARACTER" },
  ])("refuses $case with $error", ({ input, error }) => {
    expect(checkBars(input)).toEqual({ ok: false, error });
  });

  it("accepts lower-case bar letters like upper-case ones", () => {
    expect(checkBars(bars.toLowerCase()).ok).toBe(true);
    expect(barsToCharacters(bars.toLowerCase())).toEqual(barsToCharacters(bars));
  });
});

describe("well-formed bars that are not a valid IMb", () => {
  it("refuses a 13-bit pattern in neither table as INVALID_CHARACTER", () => {
    const damaged = `${example.bars[0] === "T" ? "F" : "T"}${example.bars.slice(1)}`;
    expect(decodeCharacters(barsToCharacters(damaged))).toEqual({ ok: false, error: "INVALID_CHARACTER" });
  });

  it("refuses an odd codeword J as ORIENTATION_BIT_SET", () => {
    const bars = barsOf(withCodeword(9, 603), example.fcsValue);
    expect(decodeCharacters(barsToCharacters(bars))).toEqual({ ok: false, error: "ORIENTATION_BIT_SET" });
  });

  it.each([
    { codeword: "J", index: 9, value: 1272 },
    { codeword: "A", index: 0, value: 1318 },
  ])("refuses codeword $codeword = $value as CODEWORD_OUT_OF_RANGE", ({ index, value }) => {
    const bars = barsOf(withCodeword(index, value), example.fcsValue);
    expect(decodeCharacters(barsToCharacters(bars))).toEqual({ ok: false, error: "CODEWORD_OUT_OF_RANGE" });
  });

  it("keeps every value with codeword A at most 658 below 2^102, the bits the CRC covers", () => {
    const largest = [658, 1364, 1364, 1364, 1364, 1364, 1364, 1364, 1364, 635];
    expect(codewordsToBinary(largest)).toBe(659n * 1365n ** 8n * 636n - 1n);
    expect(codewordsToBinary(largest) < 1n << 102n).toBe(true);
  });

  it.each([0x001, 0x200, 0x400])("refuses bars whose FCS bits differ by %i from the CRC as CRC_MISMATCH", (flip) => {
    const fcs = example.fcsValue ^ flip;
    const bars = barsOf(insertOrientationAndFcs(example.codewordsStep3, fcs), fcs);
    expect(decodeCharacters(barsToCharacters(bars))).toEqual({ ok: false, error: "CRC_MISMATCH" });
  });

  it("refuses a CRC-valid value whose routing part is beyond 11 digits as ROUTING_OUT_OF_RANGE", () => {
    const value = 659n * 1365n ** 8n * 636n - 1n;
    expect(decodeCharacters(barsToCharacters(barsOfValue(value)))).toEqual({
      ok: false,
      error: "ROUTING_OUT_OF_RANGE",
    });
  });

  it("accepts the top of the 11-digit routing range", () => {
    const tracking = "94999999999999999999";
    const routing = "99999999999";
    const value = 101_000_100_001n * 5n * 10n ** 19n - 1n;
    expect(binaryToDigits(value)).toEqual({ ok: true, value: { tracking, routing } });
    expect(decodeCharacters(barsToCharacters(barsOfValue(value)))).toEqual({ ok: true, value: { tracking, routing } });
  });
});

describe("rotateBars (a read of the mailpiece turned 180 degrees)", () => {
  it("reverses the order and swaps ascenders with descenders", () => {
    expect(rotateBars("ADFTX")).toBe("XTFAD");
    expect(rotateBars("adft")).toBe("TFAD");
  });

  it.each(readTestVectors())("gives back $bars when applied twice", ({ bars }) => {
    expect(rotateBars(rotateBars(bars))).toBe(bars);
  });
});
