import { readFileSync } from "node:fs";

/**
 * Loaders for the IMb test data in this folder, copied from the shared research folder (REFERENCE.md); paths
 * come from this module's URL so tests run from any working directory.
 */
const readText = (name: string): string => readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
const readJson = <T>(name: string): T => JSON.parse(readText(name)) as T;

export interface ImbVector {
  readonly tracking: string;
  readonly routing: string;
  readonly bars: string;
  readonly source: string;
}

export interface SpecIntermediate {
  readonly tracking: string;
  readonly routing: string;
  readonly binaryDataHex: string;
  readonly fcs: string;
  readonly codewordsStep3: readonly number[];
  readonly codewordsStep4: readonly number[];
  readonly charactersBeforeFcsNegation: readonly string[];
  readonly charactersFinal: readonly string[];
  readonly bars: string;
  readonly note: string;
}

export interface InvalidInput {
  readonly tracking: string;
  readonly routing: string;
  readonly uspsReturnCode: number;
  readonly uspsErrorName: string;
  readonly uspsMessage: string;
}

export type DamagedBars =
  | {
      readonly expect: "repairable";
      readonly bars: string;
      readonly tracking: string;
      readonly routing: string;
      readonly note: string;
    }
  | {
      readonly expect: "ambiguous";
      readonly bars: string;
      readonly candidates: readonly { readonly tracking: string; readonly routing: string }[];
      readonly originalTracking: string;
      readonly originalRouting: string;
      readonly note: string;
    }
  | { readonly expect: "invalid"; readonly bars: string; readonly note: string };

/** One row of the USPS encoder test-case file; `returnCode` 0 is success, 9-13 the validation failures. */
export interface UspsEncoderTestCase {
  readonly id: number;
  readonly tracking: string;
  readonly routing: string;
  readonly bars: string;
  readonly returnCode: number;
  readonly message: string;
}

export const readTestVectors = (): ImbVector[] => readJson("test-vectors.json");
export const readSpecIntermediates = (): SpecIntermediate[] => readJson("spec-intermediates.json");
export const readInvalidInputs = (): InvalidInput[] => readJson("invalid-inputs.json");
export const readDamagedBars = (): DamagedBars[] => readJson("damaged-bars-derived.json");

/**
 * The 10,000 rows of `usps-imb-encoder-test-cases.csv` (USPS licence in `USPS-LICENSE`): no header, six
 * comma-separated fields, lines ending CR CR LF. Fields are taken literally: `\r\t` in a few invalid rows is
 * four characters, not control characters.
 */
export function readUspsEncoderTestCases(): UspsEncoderTestCase[] {
  return readText("usps-imb-encoder-test-cases.csv")
    .split(/\r*\n/)
    .filter((line) => line !== "")
    .map((line) => {
      const [id = "", tracking = "", routing = "", bars = "", returnCode = "", ...message] = line.split(",");
      return { id: Number(id), tracking, routing, bars, returnCode: Number(returnCode), message: message.join(",") };
    });
}
