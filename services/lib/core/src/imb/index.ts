export { binaryByteLength, binaryToBytes, crc11, fcsPolynomial, frameCheckSequence } from "./crc.ts";
export {
  type BarsError,
  barsToCharacters,
  binaryToDigits,
  type CharacterDecodeError,
  type CodewordsWithFcs,
  charactersToCodewords,
  checkBars,
  codewordsToBinary,
  decodeCharacters,
  erasedBarLetter,
  type ImbDigits,
  removeOrientationAndFcs,
  rotateBars,
} from "./decode.ts";
export {
  binaryToCodewords,
  charactersToBars,
  codewordsToCharacters,
  fieldsToBinary,
  insertOrientationAndFcs,
} from "./encode.ts";
export {
  directionOf,
  type ImbFieldError,
  type ImbFields,
  type MailDirection,
  splitImb,
  splitImbDigits,
} from "./fields.ts";
export {
  type DecodedImb,
  type DecodeImbOptions,
  decodeImb,
  describeImbError,
  encodeImb,
  type ImbDecodeError,
} from "./imb.ts";
export { type BarRepair, maxErasedBars, type RepairError, type RepairedBar, repairBars } from "./repair.ts";
export { barTable, generateCharacterTable, tableI, tableII } from "./tables.ts";
