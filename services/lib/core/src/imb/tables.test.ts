import { describe, expect, it } from "vitest";
import {
  barTable,
  characterToCodeword,
  codewordToCharacter,
  generateCharacterTable,
  negatedFlag,
  tableI,
  tableII,
} from "./tables.ts";

const bitCount = (value: number): number => value.toString(2).replaceAll("0", "").length;
const reverse13 = (value: number): number =>
  Number.parseInt(value.toString(2).padStart(13, "0").split("").reverse().join(""), 2);

describe("generated character tables (USPS-B-3200 step 5)", () => {
  it.each([
    { table: "I", entries: tableI, size: 1287, bitsSet: 5, palindromes: 15 },
    { table: "II", entries: tableII, size: 78, bitsSet: 2, palindromes: 6 },
  ])(
    "Table $table has $size distinct entries with $bitsSet bits set, $palindromes of them palindromes at the top",
    ({ entries, size, bitsSet, palindromes }) => {
      expect(entries).toHaveLength(size);
      expect(new Set(entries).size).toBe(size);
      expect(entries.every((entry) => bitCount(entry) === bitsSet)).toBe(true);
      const isPalindrome = (entry: number): boolean => reverse13(entry) === entry;
      expect(entries.filter(isPalindrome)).toHaveLength(palindromes);
      expect(entries.slice(size - palindromes).every(isPalindrome)).toBe(true);
    },
  );

  it.each([
    { table: "I", index: 0, value: 0x001f },
    { table: "I", index: 1, value: 0x1f00 },
    { table: "I", index: 2, value: 0x002f },
    { table: "I", index: 673, value: 0x1234 },
    { table: "I", index: 1286, value: 0x01f0 },
    { table: "II", index: 0, value: 0x0003 },
    { table: "II", index: 1, value: 0x1800 },
    { table: "II", index: 7, value: 0x1200 },
    { table: "II", index: 77, value: 0x00a0 },
  ])("Table $table[$index] is the spec anchor $value", ({ table, index, value }) => {
    expect((table === "I" ? tableI : tableII)[index]).toBe(value);
  });

  it("pairs every non-palindrome with its bit reversal in adjacent slots", () => {
    for (const table of [tableI, tableII]) {
      for (let index = 0; index + 1 < table.length && reverse13(table[index] ?? 0) !== table[index]; index += 2) {
        expect(reverse13(table[index] ?? 0)).toBe(table[index + 1]);
      }
    }
  });

  it("refuses a table length that the N-of-13 values do not fill exactly", () => {
    expect(() => generateCharacterTable(5, 1288)).toThrow(/does not fill/);
  });

  it("maps every 13-bit value back to at most one codeword, complements carrying the negation flag", () => {
    let plain = 0;
    let negated = 0;
    characterToCodeword.forEach((entry, character) => {
      if (entry < 0) return;
      const codeword = entry & (negatedFlag - 1);
      const isNegated = (entry & negatedFlag) !== 0;
      expect(isNegated ? ~(codewordToCharacter[codeword] ?? 0) & 0x1fff : codewordToCharacter[codeword]).toBe(
        character,
      );
      if (isNegated) negated++;
      else plain++;
    });
    expect({ plain, negated }).toEqual({ plain: 1365, negated: 1365 });
  });
});

describe("bar-to-character table (USPS-B-3200 step 6)", () => {
  it("uses each of the 130 character bits exactly once", () => {
    const positions = barTable.flatMap((bar) => [
      `${bar.descenderCharacter}:${bar.descenderBit}`,
      `${bar.ascenderCharacter}:${bar.ascenderBit}`,
    ]);
    expect(barTable).toHaveLength(65);
    expect(new Set(positions).size).toBe(130);
  });

  it("never takes a bar's descender and ascender from the same character, so any bar change breaks a character weight", () => {
    expect(barTable.filter((bar) => bar.descenderCharacter === bar.ascenderCharacter)).toEqual([]);
  });

  it.each([
    { bar: 1, descender: "H2", ascender: "E3" },
    { bar: 2, descender: "B10", ascender: "A0" },
    { bar: 65, descender: "D10", ascender: "I2" },
  ])("bar $bar takes its descender from $descender and its ascender from $ascender", ({ bar, descender, ascender }) => {
    const entry = barTable[bar - 1];
    const name = (character: number | undefined, bit: number | undefined): string =>
      `${String.fromCharCode(65 + (character ?? 0))}${bit}`;
    expect(name(entry?.descenderCharacter, entry?.descenderBit)).toBe(descender);
    expect(name(entry?.ascenderCharacter, entry?.ascenderBit)).toBe(ascender);
  });
});
