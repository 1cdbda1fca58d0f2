import { assertNever, ok, type Result } from "../result/index.ts";
import { frameCheckSequence } from "./crc.ts";
import {
  type BarsError,
  barsToCharacters,
  type CharacterDecodeError,
  checkBars,
  decodeCharacters,
  type ImbDigits,
} from "./decode.ts";
import {
  binaryToCodewords,
  charactersToBars,
  codewordsToCharacters,
  fieldsToBinary,
  insertOrientationAndFcs,
} from "./encode.ts";
import { type ImbFieldError, type ImbFields, splitImb } from "./fields.ts";
import { type RepairError, type RepairedBar, repairBars } from "./repair.ts";
import { characterCount } from "./tables.ts";

export type ImbDecodeError = BarsError | CharacterDecodeError | RepairError;

export interface DecodedImb extends ImbFields {
  /** Present only when `repair` changed bars; positions are 0-based in the bars as given. */
  readonly repairedBars?: readonly RepairedBar[];
  /** Present (true) only when the bars decode as read rotated 180 degrees. */
  readonly upsideDown?: boolean;
}

export interface DecodeImbOptions {
  /**
   * Fill erased bars (`X`) or, without erasures, try every single-bar substitution, accepting a repair only
   * when exactly one candidate decodes.
   */
  readonly repair?: boolean;
  /** Decode a read of the barcode rotated 180 degrees (order reversed, A <-> D), reporting `upsideDown: true`. */
  readonly acceptUpsideDown?: boolean;
}

const scratchCodewords = new Array<number>(characterCount).fill(0);
const scratchCharacters = new Array<number>(characterCount).fill(0);

/**
 * Encodes a 20-digit tracking code and a 0, 5, 9 or 11-digit routing code as 65 bars (letters A, D, F, T),
 * USPS-B-3200 steps 1 to 6. Input is validated in the USPS reference encoder's order and refused, never
 * padded or trimmed.
 */
export function encodeImb(tracking: string, routing = ""): Result<string, ImbFieldError> {
  const fields = splitImb(tracking, routing);
  if (!fields.ok) return fields;
  const value = fieldsToBinary(tracking, routing);
  const fcs = frameCheckSequence(value);
  const codewords = insertOrientationAndFcs(binaryToCodewords(value, scratchCodewords), fcs, scratchCodewords);
  return ok(charactersToBars(codewordsToCharacters(codewords, fcs, scratchCharacters)));
}

const toFields = ({ tracking, routing }: ImbDigits): ImbFields => {
  const fields = splitImb(tracking, routing);
  // Decoded digits are valid by construction (20 digits, second 0-4, routing 0/5/9/11): a failure is a bug.
  if (!fields.ok) throw new Error(`decoded digits fail field validation: ${fields.error}`);
  return fields.value;
};

const decodeRead = (bars: string, upsideDown: boolean): Result<ImbDigits, CharacterDecodeError> =>
  decodeCharacters(barsToCharacters(bars, upsideDown, scratchCharacters));

/**
 * Decodes 65 bars (A, D, F, T, case-insensitive) to the IMb fields, checking the CRC-11 (inverse of
 * USPS-B-3200 steps 6 to 1). A read that only decodes rotated 180 degrees is returned with `upsideDown: true`
 * unless `acceptUpsideDown` is false. With `repair`, damaged reads are repaired when exactly one repair fits.
 */
export function decodeImb(
  bars: string,
  { repair = false, acceptUpsideDown = true }: DecodeImbOptions = {},
): Result<DecodedImb, ImbDecodeError> {
  const checked = checkBars(bars);
  if (!checked.ok && !(repair && checked.error === "BARS_ERASED")) return checked;
  if (checked.ok) {
    const upright = decodeRead(bars, false);
    if (upright.ok) return ok(toFields(upright.value));
    if (acceptUpsideDown) {
      const rotated = decodeRead(bars, true);
      if (rotated.ok) return ok({ ...toFields(rotated.value), upsideDown: true });
    }
    if (!repair) return upright;
  }
  const repaired = repairBars(bars, { acceptUpsideDown });
  if (!repaired.ok) return repaired;
  const { repairedBars, upsideDown } = repaired.value;
  return ok(
    upsideDown
      ? { ...toFields(repaired.value), upsideDown, repairedBars }
      : { ...toFields(repaired.value), repairedBars },
  );
}

/** One line of plain English per error kind, for command-line tools and logs. */
export function describeImbError(kind: ImbFieldError | ImbDecodeError): string {
  switch (kind) {
    case "TRACK_STRING_BAD_LENGTH":
      return "the tracking code must be exactly 20 characters";
    case "TRACK_STRING_HAS_INVALID_DATA":
      return "the tracking code must contain only digits";
    case "TRACK_STRING_HAS_INVALID_DIGIT2":
      return "the second digit of the tracking code (barcode identifier) must be 0-4";
    case "ROUTE_STRING_BAD_LENGTH":
      return "the routing code must be empty or 5, 9 or 11 digits";
    case "ROUTE_STRING_HAS_INVALID_DATA":
      return "the routing code must contain only digits";
    case "BARS_BAD_LENGTH":
      return "the bars must be exactly 65 letters";
    case "BARS_INVALID_CHARACTER":
      return "the bars may contain only the letters A, D, F and T";
    case "BARS_ERASED":
      return "the bars contain erased bars (X), which only repair can fill";
    case "INVALID_CHARACTER":
      return "a 13-bit character read from the bars is in neither character table";
    case "ORIENTATION_BIT_SET":
      return "codeword J is odd: a misread or a barcode read upside down";
    case "CODEWORD_OUT_OF_RANGE":
      return "codeword A or J is outside its range";
    case "CRC_MISMATCH":
      return "the frame check sequence (CRC-11) does not match the data";
    case "ROUTING_OUT_OF_RANGE":
      return "the decoded routing value is beyond the 11-digit range";
    case "AMBIGUOUS_REPAIR":
      return "more than one repair decodes, so none is trusted";
    case "UNREPAIRABLE":
      return "no repair of the kind searched for decodes";
    case "TOO_MANY_ERASURES":
      return "too many erased bars to repair";
    default:
      return assertNever(kind, "IMb error kind");
  }
}
