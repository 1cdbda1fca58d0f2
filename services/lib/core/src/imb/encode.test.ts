import { describe, expect, it } from "vitest";
import { readSpecIntermediates } from "../../test-data/index.ts";
import {
  binaryToCodewords,
  charactersToBars,
  codewordsToCharacters,
  fieldsToBinary,
  insertOrientationAndFcs,
} from "./encode.ts";

const spec = readSpecIntermediates().map((entry) => ({
  ...entry,
  routingLength: entry.routing.length,
  value: BigInt(`0x${entry.binaryDataHex}`),
  fcsValue: Number(entry.fcs),
  before: entry.charactersBeforeFcsNegation.map(Number),
  final: entry.charactersFinal.map(Number),
}));

describe("USPS-B-3200 encoding steps against the Appendix C examples", () => {
  it.each(spec)(
    "step 1 turns the $routingLength-digit routing example into binary $binaryDataHex",
    ({ tracking, routing, value }) => {
      expect(fieldsToBinary(tracking, routing)).toBe(value);
    },
  );

  it.each(spec)(
    "step 3 splits the $routingLength-digit example into codewords $codewordsStep3",
    ({ value, codewordsStep3 }) => {
      expect(binaryToCodewords(value)).toEqual(codewordsStep3);
    },
  );

  it.each(spec)(
    "step 4 doubles J and adds FCS bit 10 to A for the $routingLength-digit example (FCS $fcs)",
    ({ codewordsStep3, codewordsStep4, fcsValue }) => {
      expect(insertOrientationAndFcs(codewordsStep3, fcsValue)).toEqual(codewordsStep4);
    },
  );

  it.each(spec)(
    "step 5 looks up and negates the characters of the $routingLength-digit example",
    ({ codewordsStep4, fcsValue, before, final }) => {
      expect(codewordsToCharacters(codewordsStep4, 0)).toEqual(before);
      expect(codewordsToCharacters(codewordsStep4, fcsValue)).toEqual(final);
    },
  );

  it.each(spec)(
    "step 6 lays the characters of the $routingLength-digit example out as its 65 bars",
    ({ final, bars }) => {
      expect(charactersToBars(final)).toBe(bars);
    },
  );
});

describe("step boundaries", () => {
  it.each([
    { routing: "", value: 0n },
    { routing: "00000", value: 1n },
    { routing: "99999", value: 100_000n },
    { routing: "000000000", value: 100_001n },
    { routing: "99999999999", value: 101_000_100_000n },
  ])(
    "step 1 gives routing $routing the routing value $value, keeping the length classes apart",
    ({ routing, value }) => {
      expect(fieldsToBinary("00000000000000000000", routing)).toBe(value * 10n ** 19n * 5n);
    },
  );

  it("step 1 reads the second tracking digit in base 5", () => {
    expect(fieldsToBinary("01000000000000000000", "")).toBe(10n ** 18n);
    expect(fieldsToBinary("10000000000000000000", "")).toBe(5n * 10n ** 18n);
  });

  it("the largest input stays below 2^102 and its codeword A below 659", () => {
    const value = fieldsToBinary("94999999999999999999", "99999999999");
    expect(value < 1n << 102n).toBe(true);
    expect(binaryToCodewords(value)[0]).toBeLessThan(659);
  });

  it("step 5 refuses a codeword beyond 1364", () => {
    expect(() => codewordsToCharacters([1365, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0)).toThrow(RangeError);
  });
});
