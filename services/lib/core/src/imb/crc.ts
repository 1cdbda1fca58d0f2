/** The binary value of USPS-B-3200 step 1 is serialised as 13 bytes whose top 2 bits are always zero. */
export const binaryByteLength = 13;

/** Generator polynomial of the 11-bit frame check sequence (USPS-B-3200 step 2). */
export const fcsPolynomial = 0x0f35;
const fcsMask = 0x7ff;

/** One data bit into the FCS register, exactly as USPS-B-3200 step 2 states it. */
const shiftBit = (fcs: number, bit: number): number =>
  ((fcs >> 10) ^ bit) & 1 ? ((fcs << 1) ^ fcsPolynomial) & fcsMask : (fcs << 1) & fcsMask;

/** The register after 8 zero data bits from each top-8-bit state: the usual byte-at-a-time CRC table. */
const byteTable: Uint16Array = Uint16Array.from({ length: 256 }, (_, top) => {
  let fcs = top << 3;
  for (let bit = 0; bit < 8; bit++) fcs = shiftBit(fcs, 0);
  return fcs;
});

/**
 * USPS-B-3200 step 2: the CRC-11 frame check sequence over the 13-byte binary value, MSB first, register
 * preset to 0x7FF, no final XOR. It covers exactly 102 bits: the 2 most significant bits of byte 0 are skipped,
 * the other 6 go in bit by bit, the remaining 12 bytes through the byte table.
 */
export function crc11(bytes: Uint8Array): number {
  if (bytes.length !== binaryByteLength) throw new RangeError(`CRC-11 needs ${binaryByteLength} bytes`);
  let fcs = fcsMask;
  const first = bytes[0] ?? 0;
  for (let bit = 5; bit >= 0; bit--) fcs = shiftBit(fcs, (first >> bit) & 1);
  for (let index = 1; index < binaryByteLength; index++) {
    fcs = ((fcs << 8) & fcsMask) ^ (byteTable[((fcs >> 3) ^ (bytes[index] ?? 0)) & 0xff] ?? 0);
  }
  return fcs;
}

const low48 = (1n << 48n) - 1n;
const scratchBytes = new Uint8Array(binaryByteLength);

/** Writes 6 bytes of a 48-bit integer big-endian; plain numbers keep this off the slow BigInt path. */
const writeUint48 = (target: Uint8Array, offset: number, value: number): void => {
  let high = Math.floor(value / 2 ** 24);
  let low = value % 2 ** 24;
  for (let index = 5; index >= 3; index--) {
    target[offset + index] = low & 0xff;
    low >>>= 8;
  }
  for (let index = 2; index >= 0; index--) {
    target[offset + index] = high & 0xff;
    high >>>= 8;
  }
};

/**
 * USPS-B-3200 step 1, last part: the binary value as 13 big-endian bytes. Values of 2^104 and more do not fit;
 * the caller guarantees `0 <= value < 2^102`.
 */
export function binaryToBytes(value: bigint, target: Uint8Array = new Uint8Array(binaryByteLength)): Uint8Array {
  target[0] = Number(value >> 96n);
  writeUint48(target, 1, Number((value >> 48n) & low48));
  writeUint48(target, 7, Number(value & low48));
  return target;
}

/** USPS-B-3200 step 2 straight from the binary value, reusing one buffer (not re-entrant, and need not be). */
export function frameCheckSequence(value: bigint): number {
  return crc11(binaryToBytes(value, scratchBytes));
}
