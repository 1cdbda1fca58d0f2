import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDamagedBars, readTestVectors } from "../../test-data/index.ts";
import { barsToCharacters, decodeCharacters, rotateBars } from "./decode.ts";
import { decodeImb, encodeImb } from "./imb.ts";
import { maxErasedBars, repairBars } from "./repair.ts";

const vectors = readTestVectors();
const damaged = readDamagedBars();
const letters = ["A", "D", "F", "T"] as const;
const replaceBar = (bars: string, position: number, letter: string): string =>
  `${bars.slice(0, position)}${letter}${bars.slice(position + 1)}`;
const eraseBars = (bars: string, positions: readonly number[]): string =>
  positions.reduce((erased, position) => replaceBar(erased, position, "X"), bars);

const specVector = vectors[3];
if (specVector === undefined) throw new Error("test-vectors.json lost the 11-digit spec example");

const trackingCode = fc.stringMatching(/^\d[0-4]\d{18}$/);
const routingCode = fc.oneof(fc.constant(""), fc.stringMatching(/^(\d{5}|\d{9}|\d{11})$/));
const validBars = fc.tuple(trackingCode, routingCode).map(([tracking, routing]) => {
  const bars = encodeImb(tracking, routing);
  if (!bars.ok) throw new Error(`generated input refused: ${bars.error}`);
  return { tracking, routing, bars: bars.value };
});

describe("single-bar substitution repair", () => {
  const repairable = damaged.flatMap((entry) => (entry.expect === "repairable" ? [entry] : []));
  it.each(repairable)("repairs the derived damaged read: $note", ({ bars, tracking, routing, note }) => {
    const [, position, to, from] = /bar (\d+) \(0-based\) changed ([ADFT])->([ADFT])/.exec(note) ?? [];
    expect(repairBars(bars)).toEqual({
      ok: true,
      value: { tracking, routing, repairedBars: [{ position: Number(position), from, to }], upsideDown: false },
    });
  });

  const ambiguous = damaged.flatMap((entry) => (entry.expect === "ambiguous" ? [entry] : []));
  it.each(ambiguous)("refuses to choose between two valid repairs: $note", ({ bars, candidates }) => {
    expect(repairBars(bars)).toEqual({ ok: false, error: "AMBIGUOUS_REPAIR" });
    for (const candidate of candidates) expect(encodeImb(candidate.tracking, candidate.routing).ok).toBe(true);
  });

  it.each(vectors)(
    "every one of the 195 single-bar changes of $bars is refused by strict decoding (upright or upside down), then repaired to it or refused as ambiguous",
    ({ bars, tracking, routing }) => {
      for (let position = 0; position < bars.length; position++) {
        for (const letter of letters) {
          const original = bars[position];
          if (letter === original) continue;
          const read = replaceBar(bars, position, letter);
          expect(decodeCharacters(barsToCharacters(read))).toEqual({ ok: false, error: "INVALID_CHARACTER" });
          expect(decodeImb(read).ok).toBe(false);
          const repaired = repairBars(read);
          if (repaired.ok) {
            expect(repaired.value).toEqual({
              tracking,
              routing,
              repairedBars: [{ position, from: letter, to: original }],
              upsideDown: false,
            });
          } else {
            expect(repaired.error).toBe("AMBIGUOUS_REPAIR");
          }
        }
      }
    },
  );

  it("holds for random valid barcodes: a changed bar is never decoded strictly, and repair finds the original or refuses", () => {
    fc.assert(
      fc.property(
        validBars,
        fc.integer({ min: 0, max: 64 }),
        fc.integer({ min: 1, max: 3 }),
        (valid, position, shift) => {
          const original = valid.bars[position] ?? "";
          const letter = letters[(letters.indexOf(original as (typeof letters)[number]) + shift) % 4] ?? "";
          const read = replaceBar(valid.bars, position, letter);
          expect(decodeImb(read).ok).toBe(false);
          const repaired = repairBars(read);
          if (repaired.ok) {
            expect(repaired.value.tracking).toBe(valid.tracking);
            expect(repaired.value.routing).toBe(valid.routing);
            expect(repaired.value.repairedBars).toEqual([{ position, from: letter, to: original }]);
          } else {
            expect(repaired.error).toBe("AMBIGUOUS_REPAIR");
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reports nothing repairable when one bar cannot fix the read", () => {
    expect(repairBars("T".repeat(65))).toEqual({ ok: false, error: "UNREPAIRABLE" });
  });

  it("repairs a damaged upside-down read, reporting positions and letters in the bars as given", () => {
    const upsideDown = rotateBars(specVector.bars);
    const position = 10;
    const original = upsideDown[position] ?? "";
    const letter = original === "T" ? "F" : "T";
    expect(repairBars(replaceBar(upsideDown, position, letter))).toEqual({
      ok: true,
      value: {
        tracking: specVector.tracking,
        routing: specVector.routing,
        repairedBars: [{ position, from: letter, to: original }],
        upsideDown: true,
      },
    });
    expect(repairBars(replaceBar(upsideDown, position, letter), { acceptUpsideDown: false }).ok).toBe(false);
  });
});

describe("erased-bar repair (X marks a bar the reader could not see)", () => {
  it.each(Array.from({ length: 65 }, (_, position) => ({ position })))(
    "fills a single erasure at bar $position",
    ({ position }) => {
      expect(repairBars(eraseBars(specVector.bars, [position]))).toEqual({
        ok: true,
        value: {
          tracking: specVector.tracking,
          routing: specVector.routing,
          repairedBars: [{ position, from: "X", to: specVector.bars[position] }],
          upsideDown: false,
        },
      });
    },
  );

  it("fills two erasures at random positions of random barcodes, or refuses as ambiguous", () => {
    fc.assert(
      fc.property(
        validBars,
        fc.uniqueArray(fc.integer({ min: 0, max: 64 }), { minLength: 2, maxLength: 2 }),
        (valid, positions) => {
          const repaired = repairBars(eraseBars(valid.bars, positions));
          if (!repaired.ok) {
            expect(repaired.error).toBe("AMBIGUOUS_REPAIR");
            return;
          }
          expect(repaired.value.tracking).toBe(valid.tracking);
          expect(repaired.value.routing).toBe(valid.routing);
          const sorted = [...positions].sort((left, right) => left - right);
          expect(repaired.value.repairedBars).toEqual(
            sorted.map((position) => ({ position, from: "X", to: valid.bars[position] })),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it(`fills up to ${maxErasedBars} erasures and refuses more as TOO_MANY_ERASURES`, () => {
    const positions = [0, 8, 16, 24, 32, 40, 48, 56, 64];
    const atLimit = repairBars(eraseBars(specVector.bars, positions.slice(0, maxErasedBars)));
    if (atLimit.ok) expect(atLimit.value.tracking).toBe(specVector.tracking);
    else expect(atLimit.error).toBe("AMBIGUOUS_REPAIR");
    expect(repairBars(eraseBars(specVector.bars, positions))).toEqual({ ok: false, error: "TOO_MANY_ERASURES" });
  });

  it("accepts a lower-case x as an erasure", () => {
    const repaired = repairBars(replaceBar(specVector.bars, 5, "x"));
    expect(repaired.ok && repaired.value.repairedBars).toEqual([{ position: 5, from: "X", to: specVector.bars[5] }]);
  });
});
