import {
  ascenderCharacterOf,
  ascenderMaskOf,
  barCount,
  barLetters,
  characterCount,
  characterMask,
  codewordToCharacter,
  descenderCharacterOf,
  descenderMaskOf,
} from "./tables.ts";

/** Offsets that keep the four routing-code lengths apart in the binary value (USPS-B-3200 step 1). */
export const routingOffsets: Readonly<Record<0 | 5 | 9 | 11, number>> = {
  0: 0,
  5: 1,
  9: 1 + 100_000,
  11: 1 + 100_000 + 1_000_000_000,
};

/** Codeword radices: A is 0-658, B-I are 0-1364, J is 0-635 (USPS-B-3200 step 3). */
export const codewordARange = 659;
export const codewordRadix = 1365;
export const codewordJRange = 636;

const billion = 1_000_000_000n;

/**
 * USPS-B-3200 step 1: tracking and routing code to the 102-bit binary value. The routing value (with its
 * length offset), then the first tracking digit in base 10, the second in base 5, and the other 18 in base 10.
 * The input must already have passed `splitImb`; everything up to the second tracking digit fits a double, so
 * only the last 18 digits need BigInt.
 */
export function fieldsToBinary(tracking: string, routing: string): bigint {
  const offset = routingOffsets[routing.length as 0 | 5 | 9 | 11];
  let head = routing.length === 0 ? 0 : Number(routing) + offset;
  head = head * 10 + (tracking.charCodeAt(0) - 48);
  head = head * 5 + (tracking.charCodeAt(1) - 48);
  return (BigInt(head) * billion + BigInt(tracking.slice(2, 11))) * billion + BigInt(tracking.slice(11, 20));
}

/** Radix of codewords F-J together: 1365^4 * 636 < 2^53, so the low five codewords come from one double. */
const lowRadix = codewordRadix ** 4 * codewordJRange;
const lowRadixBig = BigInt(lowRadix);

/**
 * USPS-B-3200 step 3: the binary value to codewords A-J in mixed radix (J base 636, I down to B base 1365,
 * A the remainder, 0-658). The quotient after J-F is below 2^53, so two BigInt operations suffice.
 */
export function binaryToCodewords(value: bigint, codewords: number[] = new Array<number>(characterCount)): number[] {
  let low = Number(value % lowRadixBig);
  let high = Number(value / lowRadixBig);
  codewords[9] = low % codewordJRange;
  low = Math.floor(low / codewordJRange);
  for (let index = 8; index >= 5; index--) {
    codewords[index] = low % codewordRadix;
    low = Math.floor(low / codewordRadix);
  }
  for (let index = 4; index >= 1; index--) {
    codewords[index] = high % codewordRadix;
    high = Math.floor(high / codewordRadix);
  }
  codewords[0] = high;
  return codewords;
}

/**
 * USPS-B-3200 step 4: J doubled, so an odd J on decoding betrays a misread or upside-down read, and FCS bit 10
 * carried in A as an offset of 659.
 */
export function insertOrientationAndFcs(
  codewords: readonly number[],
  fcs: number,
  target: number[] = new Array<number>(characterCount),
): number[] {
  for (let index = 0; index < characterCount; index++) target[index] = codewords[index] ?? 0;
  target[9] = (codewords[9] ?? 0) * 2;
  if ((fcs & 0x400) !== 0) target[0] = (codewords[0] ?? 0) + codewordARange;
  return target;
}

/**
 * USPS-B-3200 step 5: each codeword to its Table I or Table II character, then character n is replaced by its
 * 13-bit complement when FCS bit n (0-9) is set.
 */
export function codewordsToCharacters(
  codewords: readonly number[],
  fcs: number,
  characters: number[] = new Array<number>(characterCount),
): number[] {
  for (let index = 0; index < characterCount; index++) {
    const character = codewordToCharacter[codewords[index] ?? -1];
    if (character === undefined) throw new RangeError(`codeword ${codewords[index]} is outside 0-1364`);
    characters[index] = ((fcs >> index) & 1) === 1 ? ~character & characterMask : character;
  }
  return characters;
}

const barLetterCodes = Array.from(barLetters, (letter) => letter.charCodeAt(0));
const scratchBarCodes = new Array<number>(barCount).fill(0);

/**
 * USPS-B-3200 step 6: the ten characters to 65 bars, each bar's descender and ascender read from the one
 * character bit the bar table assigns them; T tracker, D descender, A ascender, F full.
 */
export function charactersToBars(characters: readonly number[]): string {
  for (let bar = 0; bar < barCount; bar++) {
    const descender = ((characters[descenderCharacterOf[bar] ?? 0] ?? 0) & (descenderMaskOf[bar] ?? 0)) !== 0;
    const ascender = ((characters[ascenderCharacterOf[bar] ?? 0] ?? 0) & (ascenderMaskOf[bar] ?? 0)) !== 0;
    scratchBarCodes[bar] = barLetterCodes[(descender ? 1 : 0) | (ascender ? 2 : 0)] ?? 0;
  }
  return String.fromCharCode(...scratchBarCodes);
}
