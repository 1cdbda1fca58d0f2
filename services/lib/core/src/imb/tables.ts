/** Characters are 13-bit values (USPS-B-3200 step 5). */
export const characterMask = 0x1fff;

/** Codewords 0-1286 index Table I, 1287-1364 index Table II (USPS-B-3200 step 5). */
export const tableISize = 1287;
export const tableIISize = 78;
export const codewordCount = tableISize + tableIISize;

const bitCount = (value: number): number => {
  let count = 0;
  for (let rest = value; rest !== 0; rest &= rest - 1) count++;
  return count;
};

const reverse13 = (value: number): number => {
  let reversed = 0;
  for (let bit = 0; bit < 13; bit++) reversed = (reversed << 1) | ((value >> bit) & 1);
  return reversed;
};

/**
 * Generates the N-of-13 character table of USPS-B-3200 step 5 (Appendix: Table I for N = 5, Table II for
 * N = 2): walking every 13-bit value in ascending order, a value and its bit reversal fill the table from the
 * bottom in pairs, palindromes fill it from the top. Generated rather than transcribed, so a typo cannot hide
 * in 1,365 constants.
 */
export function generateCharacterTable(bitsSet: number, length: number): number[] {
  const table = new Array<number>(length).fill(0);
  let bottom = 0;
  let top = length - 1;
  for (let count = 0; count <= characterMask; count++) {
    if (bitCount(count) !== bitsSet) continue;
    const reversed = reverse13(count);
    if (reversed < count) continue;
    if (reversed === count) {
      table[top--] = count;
    } else {
      table[bottom++] = count;
      table[bottom++] = reversed;
    }
  }
  if (bottom !== top + 1) throw new Error(`the ${bitsSet}-of-13 table does not fill exactly ${length} entries`);
  return table;
}

/** Table I: the 1,287 5-of-13 characters (USPS-B-3200 step 5). */
export const tableI: readonly number[] = generateCharacterTable(5, tableISize);
/** Table II: the 78 2-of-13 characters (USPS-B-3200 step 5). */
export const tableII: readonly number[] = generateCharacterTable(2, tableIISize);

/** Codeword (0-1364) to its character before FCS negation: Table I, then Table II (USPS-B-3200 step 5). */
export const codewordToCharacter: Uint16Array = Uint16Array.from([...tableI, ...tableII]);

/** Set in a `characterToCodeword` entry when the character is the complement of a table entry (an FCS bit). */
export const negatedFlag = 0x800;

/**
 * Every 13-bit value to `codeword`, `codeword | negatedFlag` for a complemented table character, or -1 when it
 * is no character at all. Complements have 8 or 11 bits set, table entries 5 or 2, so one map serves both
 * polarities without ambiguity (inverse of USPS-B-3200 step 5).
 */
export const characterToCodeword: Int16Array = (() => {
  const map = new Int16Array(characterMask + 1).fill(-1);
  codewordToCharacter.forEach((character, codeword) => {
    map[character] = codeword;
    map[~character & characterMask] = codeword | negatedFlag;
  });
  return map;
})();

/**
 * The bar-to-character table of USPS-B-3200 step 6, the one table the spec gives as data: bar n (left to right)
 * takes its descender from one character bit and its ascender from another, written `descender/ascender` with
 * characters A-J and bits 0 (least significant) to 12.
 */
const barTableText = `
  H2/E3  B10/A0 J12/C8 F5/G11 I9/D1  A1/F12 C5/B8  E4/J11 G3/I10 D9/H6  F11/B4 I5/C12 J10/A2
  H1/G7  D6/E9  A3/I6  G4/C7  B1/J9  H10/F2 E0/D8  G2/A4  I11/B0 J8/D12 C6/H7  F1/E10 B12/G9
  H3/I0  F8/J7  E6/C10 D4/A5  I4/F7  H11/B9 G0/J6  A6/E8  C1/D2  F9/I12 E11/G1 J5/H4  D3/B2
  A7/C0  B3/E1  G10/D5 I7/J4  C11/F6 A8/H12 E2/I1  F10/D0 J3/A9  G5/C4  H8/B7  F0/E5  C3/A10
  G12/J2 D11/B6 I8/H9  F4/A11 B5/C2  J1/E12 I3/G6  H0/D7  E7/H5  A12/B11 C9/J0 G8/F3  D10/I2
`;

export const barCount = 65;
export const characterCount = 10;

/** One bar's two bits: the character index (A = 0 ... J = 9) and the bit within it. */
export interface BarBits {
  readonly descenderCharacter: number;
  readonly descenderBit: number;
  readonly ascenderCharacter: number;
  readonly ascenderBit: number;
}

const parseCharacterBit = (text: string): readonly [number, number] => {
  const match = /^([A-J])(\d{1,2})$/.exec(text);
  const bit = Number(match?.[2]);
  if (match?.[1] === undefined || bit > 12) throw new Error(`bad bar table entry ${text}`);
  return [match[1].charCodeAt(0) - 65, bit];
};

export const barTable: readonly BarBits[] = barTableText
  .trim()
  .split(/\s+/)
  .map((entry) => {
    const [descender = "", ascender = ""] = entry.split("/");
    const [descenderCharacter, descenderBit] = parseCharacterBit(descender);
    const [ascenderCharacter, ascenderBit] = parseCharacterBit(ascender);
    return { descenderCharacter, descenderBit, ascenderCharacter, ascenderBit };
  });
if (barTable.length !== barCount) throw new Error(`the bar table has ${barTable.length} bars, not ${barCount}`);

/** Flat copies of `barTable` for the hot loops: character index and bit mask per bar. */
export const descenderCharacterOf: Uint8Array = Uint8Array.from(barTable, (bar) => bar.descenderCharacter);
export const descenderMaskOf: Uint16Array = Uint16Array.from(barTable, (bar) => 1 << bar.descenderBit);
export const ascenderCharacterOf: Uint8Array = Uint8Array.from(barTable, (bar) => bar.ascenderCharacter);
export const ascenderMaskOf: Uint16Array = Uint16Array.from(barTable, (bar) => 1 << bar.ascenderBit);

/** Bar letters by (descender bit | ascender bit << 1): Tracker, Descender, Ascender, Full (USPS-B-3200 step 6). */
export const barLetters = "TDAF";

/** Bar letter character code to (descender | ascender << 1), or -1; lower case is accepted as upper case. */
export const barValueOfCode: Int8Array = (() => {
  const map = new Int8Array(128).fill(-1);
  for (let value = 0; value < 4; value++) {
    const code = barLetters.charCodeAt(value);
    map[code] = value;
    map[code + 32] = value;
  }
  return map;
})();
