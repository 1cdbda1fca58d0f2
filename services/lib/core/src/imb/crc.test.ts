import { describe, expect, it } from "vitest";
import { readSpecIntermediates } from "../../test-data/index.ts";
import { binaryToBytes, crc11, frameCheckSequence } from "./crc.ts";

const hexToBytes = (hex: string): Uint8Array =>
  Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
const spec = readSpecIntermediates().map((entry) => ({ ...entry, routingLength: entry.routing.length }));

describe("CRC-11 frame check sequence (USPS-B-3200 step 2)", () => {
  it.each(spec)("gives the spec FCS $fcs for the $routingLength-digit routing example", ({ binaryDataHex, fcs }) => {
    expect(crc11(hexToBytes(binaryDataHex))).toBe(Number(fcs));
  });

  it.each(spec)(
    "computes $fcs straight from the binary value for the $routingLength-digit example",
    ({ binaryDataHex, fcs }) => {
      expect(frameCheckSequence(BigInt(`0x${binaryDataHex}`))).toBe(Number(fcs));
    },
  );

  it("ignores the two most significant bits of byte 0, which the 102-bit value never uses", () => {
    const bytes = hexToBytes(spec[0]?.binaryDataHex ?? "");
    const withTopBits = Uint8Array.from(bytes);
    withTopBits[0] = (withTopBits[0] ?? 0) | 0xc0;
    expect(crc11(withTopBits)).toBe(crc11(bytes));
  });

  it("detects a flip of any one of the 102 covered bits", () => {
    const bytes = hexToBytes(spec[3]?.binaryDataHex ?? "");
    const original = crc11(bytes);
    for (let bit = 0; bit < 102; bit++) {
      const flipped = Uint8Array.from(bytes);
      const index = 12 - Math.floor(bit / 8);
      flipped[index] = (flipped[index] ?? 0) ^ (1 << (bit % 8));
      expect(crc11(flipped)).not.toBe(original);
    }
  });

  it("refuses a byte array that is not 13 bytes long", () => {
    expect(() => crc11(new Uint8Array(12))).toThrow(RangeError);
  });
});

describe("binary value to 13 bytes (USPS-B-3200 step 1)", () => {
  it.each(spec)("serialises the $routingLength-digit example big-endian as $binaryDataHex", ({ binaryDataHex }) => {
    expect(binaryToBytes(BigInt(`0x${binaryDataHex}`))).toEqual(hexToBytes(binaryDataHex));
  });
});
