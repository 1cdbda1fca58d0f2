import { err, ok, type Result } from "../result/index.ts";
import { barsToCharacters, barValueAt, decodeCharacters, hasOnlyValidCharacters, type ImbDigits } from "./decode.ts";
import {
  ascenderCharacterOf,
  ascenderMaskOf,
  barCount,
  barLetters,
  characterCount,
  characterToCodeword,
  descenderCharacterOf,
  descenderMaskOf,
} from "./tables.ts";

/** One bar the repair changed: 0-based position in the bars as given, the letter read and the letter decoded. */
export interface RepairedBar {
  readonly position: number;
  readonly from: string;
  readonly to: string;
}

export interface BarRepair extends ImbDigits {
  readonly repairedBars: readonly RepairedBar[];
  /** The repaired reading is the input rotated 180 degrees (see `rotateBars`). */
  readonly upsideDown: boolean;
}

/**
 * `AMBIGUOUS_REPAIR`: more than one candidate passes every check, so none is trusted. `UNREPAIRABLE`: none does.
 * `TOO_MANY_ERASURES`: more than `maxErasedBars` bars are erased.
 */
export type RepairError = "AMBIGUOUS_REPAIR" | "UNREPAIRABLE" | "TOO_MANY_ERASURES";

/** 4^8 = 65,536 fillings per orientation is still a few milliseconds; beyond that ambiguity takes over anyway. */
export const maxErasedBars = 8;

export interface RepairOptions {
  /** Also look for repairs of the input read upside down (order reversed, A <-> D). */
  readonly acceptUpsideDown?: boolean;
}

interface Candidate {
  readonly digits: ImbDigits;
  readonly changes: readonly { readonly bar: number; readonly value: number }[];
  readonly upsideDown: boolean;
}

const setBar = (characters: number[], bar: number, value: number): void => {
  if ((value & 1) !== 0) {
    const index = descenderCharacterOf[bar] ?? 0;
    characters[index] = (characters[index] ?? 0) ^ (descenderMaskOf[bar] ?? 0);
  }
  if ((value & 2) !== 0) {
    const index = ascenderCharacterOf[bar] ?? 0;
    characters[index] = (characters[index] ?? 0) ^ (ascenderMaskOf[bar] ?? 0);
  }
};

/** Stops at the second candidate: two are already ambiguous. */
const candidateLimit = 2;

/** Bit n set when character n is in neither table nor complemented. */
const invalidCharacterMask = (characters: readonly number[]): number => {
  let mask = 0;
  for (let index = 0; index < characterCount; index++) {
    if ((characterToCodeword[characters[index] ?? -1] ?? -1) < 0) mask |= 1 << index;
  }
  return mask;
};

/**
 * Every bar replaced by each of the three other letters, one bar at a time: 195 candidates. A bar touches only
 * two characters, so only bars touching every invalid character can help; the others are skipped unbuilt.
 */
function findSubstitutions(bars: string, upsideDown: boolean, found: Candidate[]): void {
  const base = barsToCharacters(bars, upsideDown);
  const invalid = invalidCharacterMask(base);
  const candidate = new Array<number>(characterCount).fill(0);
  for (let bar = 0; bar < barCount && found.length < candidateLimit; bar++) {
    const touched = (1 << (descenderCharacterOf[bar] ?? 0)) | (1 << (ascenderCharacterOf[bar] ?? 0));
    if ((invalid & ~touched) !== 0) continue;
    const current = barValueAt(bars, bar, upsideDown);
    for (let value = 0; value < 4; value++) {
      if (value === current) continue;
      for (let index = 0; index < characterCount; index++) candidate[index] = base[index] ?? 0;
      setBar(candidate, bar, current ^ value);
      if (!hasOnlyValidCharacters(candidate)) continue;
      const decoded = decodeCharacters(candidate);
      if (decoded.ok) found.push({ digits: decoded.value, changes: [{ bar, value }], upsideDown });
    }
  }
}

const erasedPositions = (bars: string, upsideDown: boolean): number[] => {
  const positions: number[] = [];
  for (let bar = 0; bar < barCount; bar++) if (barValueAt(bars, bar, upsideDown) < 0) positions.push(bar);
  return positions;
};

/** Every filling of the erased bars (4^k candidates); erased bars contribute no bits to `base`. */
function findFillings(bars: string, upsideDown: boolean, found: Candidate[]): void {
  const base = barsToCharacters(bars, upsideDown);
  const erased = erasedPositions(bars, upsideDown);
  const candidate = new Array<number>(characterCount).fill(0);
  const fillings = 4 ** erased.length;
  for (let filling = 0; filling < fillings && found.length < candidateLimit; filling++) {
    for (let index = 0; index < characterCount; index++) candidate[index] = base[index] ?? 0;
    for (let slot = 0; slot < erased.length; slot++) setBar(candidate, erased[slot] ?? 0, (filling >> (2 * slot)) & 3);
    if (!hasOnlyValidCharacters(candidate)) continue;
    const decoded = decodeCharacters(candidate);
    if (decoded.ok) {
      const changes = erased.map((bar, slot) => ({ bar, value: (filling >> (2 * slot)) & 3 }));
      found.push({ digits: decoded.value, changes, upsideDown });
    }
  }
}

const swapAscenderDescender = (value: number): number => ((value & 1) << 1) | ((value & 2) >> 1);

/**
 * Repairs a damaged read of 65 bars (letters A, D, F, T or the erasure letter X, already checked by
 * `checkBars`): with erasures, every filling of the erased bars and nothing else; without, every single-bar
 * substitution. Not part of USPS-B-3200, which only detects errors (REFERENCE.md 3.2-3.4). A repair is accepted
 * only when exactly one candidate passes the whole decode including the CRC-11. The undamaged barcode is always
 * among the candidates, so a unique candidate is the original whenever the damage is of the kind searched for.
 */
export function repairBars(
  bars: string,
  { acceptUpsideDown = true }: RepairOptions = {},
): Result<BarRepair, RepairError> {
  const erasedCount = erasedPositions(bars, false).length;
  if (erasedCount > maxErasedBars) return err("TOO_MANY_ERASURES");
  const found: Candidate[] = [];
  for (const upsideDown of acceptUpsideDown ? [false, true] : [false]) {
    if (erasedCount === 0) findSubstitutions(bars, upsideDown, found);
    else findFillings(bars, upsideDown, found);
  }
  const [only, second] = found;
  if (only === undefined) return err("UNREPAIRABLE");
  if (second !== undefined) return err("AMBIGUOUS_REPAIR");
  const repairedBars = only.changes.map(({ bar, value }) => {
    const position = only.upsideDown ? barCount - 1 - bar : bar;
    const letter = only.upsideDown ? swapAscenderDescender(value) : value;
    return { position, from: (bars[position] ?? "").toUpperCase(), to: barLetters[letter] ?? "" };
  });
  return ok({
    tracking: only.digits.tracking,
    routing: only.digits.routing,
    repairedBars,
    upsideDown: only.upsideDown,
  });
}
