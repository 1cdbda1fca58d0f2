import { err, ok, type Result } from "../result/index.ts";
import { frameCheckSequence } from "./crc.ts";
import { codewordARange, codewordJRange, codewordRadix, routingOffsets } from "./encode.ts";
import {
  ascenderCharacterOf,
  ascenderMaskOf,
  barCount,
  barValueOfCode,
  characterCount,
  characterToCodeword,
  descenderCharacterOf,
  descenderMaskOf,
  negatedFlag,
} from "./tables.ts";

/** The letter that marks a bar the reader could not see (an erasure), to be filled by repair. */
export const erasedBarLetter = "X";
const erasedCode = 88;
const erasedCodeLower = 120;

/** Why a bars string is not 65 letters of A, D, F and T (case-insensitive). */
export type BarsError = "BARS_BAD_LENGTH" | "BARS_INVALID_CHARACTER" | "BARS_ERASED";

/** Why 65 well-formed bars are not a valid IMb, in the order the decoder finds out (inverse of steps 6 to 1). */
export type CharacterDecodeError =
  | "INVALID_CHARACTER"
  | "ORIENTATION_BIT_SET"
  | "CODEWORD_OUT_OF_RANGE"
  | "CRC_MISMATCH"
  | "ROUTING_OUT_OF_RANGE";

/** A tracking and routing code recovered from bars, before the field split. */
export interface ImbDigits {
  readonly tracking: string;
  readonly routing: string;
}

/**
 * Checks a bars string: exactly 65 letters A, D, F or T in either case. A bad letter outranks an erasure
 * (`X`), so `BARS_ERASED` means the string is otherwise well-formed and repair could fill the gaps.
 */
export function checkBars(bars: string): Result<string, BarsError> {
  if (bars.length !== barCount) return err("BARS_BAD_LENGTH");
  let erased = false;
  for (let bar = 0; bar < barCount; bar++) {
    const code = bars.charCodeAt(bar);
    if ((barValueOfCode[code] ?? -1) >= 0) continue;
    if (code === erasedCode || code === erasedCodeLower) erased = true;
    else return err("BARS_INVALID_CHARACTER");
  }
  return erased ? err("BARS_ERASED") : ok(bars);
}

/** A bar value (descender | ascender << 1) seen from the other side: descender and ascender trade places. */
const rotatedValue = (value: number): number => ((value & 1) << 1) | (value >> 1);

/**
 * The value (descender | ascender << 1) of bar `bar` as read upright or, with `upsideDown`, as read with the
 * mailpiece rotated 180 degrees (see `rotateBars`); -1 for an erasure or a letter that is no bar.
 */
export function barValueAt(bars: string, bar: number, upsideDown = false): number {
  const value = barValueOfCode[bars.charCodeAt(upsideDown ? barCount - 1 - bar : bar)] ?? -1;
  return upsideDown && value > 0 ? rotatedValue(value) : value;
}

/**
 * Inverse of USPS-B-3200 step 6: 65 bars (already checked by `checkBars`) to ten 13-bit characters, D and F
 * setting the descender bit, A and F the ascender bit. An erased bar contributes no bits. With `upsideDown`
 * the bars are read rotated 180 degrees, without building the rotated string.
 */
export function barsToCharacters(
  bars: string,
  upsideDown = false,
  characters: number[] = new Array<number>(characterCount),
): number[] {
  characters.fill(0, 0, characterCount);
  for (let bar = 0; bar < barCount; bar++) {
    const value = barValueAt(bars, bar, upsideDown);
    if (value <= 0) continue;
    if ((value & 1) !== 0) {
      const index = descenderCharacterOf[bar] ?? 0;
      characters[index] = (characters[index] ?? 0) | (descenderMaskOf[bar] ?? 0);
    }
    if ((value & 2) !== 0) {
      const index = ascenderCharacterOf[bar] ?? 0;
      characters[index] = (characters[index] ?? 0) | (ascenderMaskOf[bar] ?? 0);
    }
  }
  return characters;
}

/** Codewords A-J with the FCS bits found along the way. */
export interface CodewordsWithFcs {
  readonly codewords: number[];
  readonly fcs: number;
}

/**
 * Inverse of USPS-B-3200 step 5: each character to its codeword through Table I or II; a complemented
 * character sets FCS bit n. A 13-bit pattern in neither table nor complemented is `INVALID_CHARACTER`.
 */
export function charactersToCodewords(
  characters: readonly number[],
  codewords: number[] = new Array<number>(characterCount),
): Result<CodewordsWithFcs, "INVALID_CHARACTER"> {
  let fcs = 0;
  for (let index = 0; index < characterCount; index++) {
    const entry = characterToCodeword[characters[index] ?? -1] ?? -1;
    if (entry < 0) return err("INVALID_CHARACTER");
    if ((entry & negatedFlag) !== 0) fcs |= 1 << index;
    codewords[index] = entry & (negatedFlag - 1);
  }
  return ok({ codewords, fcs });
}

/**
 * Inverse of USPS-B-3200 step 4: J must be even (odd means a misread or an upside-down read) and at most
 * 2 * 635; A above 658 carries FCS bit 10 and must then be at most 658 + 659. `target` may be the input array.
 */
export function removeOrientationAndFcs(
  { codewords, fcs }: CodewordsWithFcs,
  target: number[] = new Array<number>(characterCount),
): Result<CodewordsWithFcs, "ORIENTATION_BIT_SET" | "CODEWORD_OUT_OF_RANGE"> {
  const doubledJ = codewords[9] ?? 0;
  if ((doubledJ & 1) !== 0) return err("ORIENTATION_BIT_SET");
  if (doubledJ >= 2 * codewordJRange) return err("CODEWORD_OUT_OF_RANGE");
  const a = codewords[0] ?? 0;
  if (a >= 2 * codewordARange) return err("CODEWORD_OUT_OF_RANGE");
  for (let index = 1; index < 9; index++) target[index] = codewords[index] ?? 0;
  target[9] = doubledJ >> 1;
  if (a < codewordARange) {
    target[0] = a;
    return ok({ codewords: target, fcs });
  }
  target[0] = a - codewordARange;
  return ok({ codewords: target, fcs: fcs | 0x400 });
}

const lowRadix = codewordRadix ** 4 * codewordJRange;
const lowRadixBig = BigInt(lowRadix);

/**
 * Inverse of USPS-B-3200 step 3: codewords A-J back to the binary value. A-E and F-J each fit a double, so only
 * the final combination is BigInt. With A at most 658 (checked by inverse step 4) the value is below
 * 659 * 1365^8 * 636, which is itself below 2^102, so it always fits the 102 bits the CRC covers.
 */
export function codewordsToBinary(codewords: readonly number[]): bigint {
  let high = 0;
  for (let index = 0; index <= 4; index++) high = high * codewordRadix + (codewords[index] ?? 0);
  let low = 0;
  for (let index = 5; index <= 8; index++) low = low * codewordRadix + (codewords[index] ?? 0);
  low = low * codewordJRange + (codewords[9] ?? 0);
  return BigInt(high) * lowRadixBig + BigInt(low);
}

const billion = 1_000_000_000n;
const maxRoutingValue = routingOffsets[11] + 99_999_999_999;
const digits = (value: number, length: number): string => String(value).padStart(length, "0");

/**
 * Inverse of USPS-B-3200 step 1: the last 18 tracking digits in base 10, the second in base 5, the first in
 * base 10; what remains is the routing value, whose range gives the routing length (none, 5, 9 or 11 digits).
 */
export function binaryToDigits(value: bigint): Result<ImbDigits, "ROUTING_OUT_OF_RANGE"> {
  const last9 = Number(value % billion);
  const rest = value / billion;
  const middle9 = Number(rest % billion);
  let head = Number(rest / billion);
  const second = head % 5;
  head = Math.floor(head / 5);
  const first = head % 10;
  head = Math.floor(head / 10);
  if (head > maxRoutingValue) return err("ROUTING_OUT_OF_RANGE");
  const tracking = `${first}${second}${digits(middle9, 9)}${digits(last9, 9)}`;
  if (head === 0) return ok({ tracking, routing: "" });
  if (head < routingOffsets[9]) return ok({ tracking, routing: digits(head - routingOffsets[5], 5) });
  if (head < routingOffsets[11]) return ok({ tracking, routing: digits(head - routingOffsets[9], 9) });
  return ok({ tracking, routing: digits(head - routingOffsets[11], 11) });
}

const scratchCodewords = new Array<number>(characterCount).fill(0);

/**
 * Ten characters to tracking and routing digits: inverse steps 5 to 1 with the CRC-11 check of USPS-B-3200
 * step 2 (the FCS rebuilt from the characters must match the one computed over the recovered value).
 */
export function decodeCharacters(characters: readonly number[]): Result<ImbDigits, CharacterDecodeError> {
  const codewords = charactersToCodewords(characters, scratchCodewords);
  if (!codewords.ok) return codewords;
  const unpacked = removeOrientationAndFcs(codewords.value, scratchCodewords);
  if (!unpacked.ok) return unpacked;
  const value = codewordsToBinary(unpacked.value.codewords);
  if (frameCheckSequence(value) !== unpacked.value.fcs) return err("CRC_MISMATCH");
  return binaryToDigits(value);
}

/** True when all ten characters are in Table I or II or complemented: a cheap filter before a full decode. */
export function hasOnlyValidCharacters(characters: readonly number[]): boolean {
  for (let index = 0; index < characterCount; index++) {
    if ((characterToCodeword[characters[index] ?? -1] ?? -1) < 0) return false;
  }
  return true;
}

/** Character code to its code read upside down (A <-> D, upper-cased); codes not listed stay as they are. */
const rotatedCode: ReadonlyMap<number, number> = new Map(
  ["AD", "DA", "FF", "TT", "XX", "aD", "dA", "fF", "tT", "xX"].map(([from = "", to = ""]) => [
    from.charCodeAt(0),
    to.charCodeAt(0),
  ]),
);

/**
 * The bars as a reader sees them when the mailpiece is rotated 180 degrees: order reversed, and ascenders
 * become descenders (A <-> D; F and T are symmetric). Applying it twice gives the original. Upper-cases.
 */
export function rotateBars(bars: string): string {
  const codes = new Array<number>(bars.length);
  for (let bar = 0; bar < bars.length; bar++) {
    const code = bars.charCodeAt(bars.length - 1 - bar);
    codes[bar] = rotatedCode.get(code) ?? code;
  }
  return String.fromCharCode(...codes);
}
