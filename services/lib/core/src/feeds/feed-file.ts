import { assertNever, err, ok, type Result } from "../result/index.ts";
import { detectDelimiter, firstLineOf, parseDelimited, splitDelimitedRows } from "./delimited.ts";
import { parseIvmtrPull } from "./ivmtr-pull.ts";
import { memberOf, parseIvmtrPush, type ScanResults } from "./ivmtr-push.ts";
import { isLegacyPkgLine, legacyPkgLines, parseLegacyPkg } from "./legacy-pkg.ts";
import type { ScanParseOptions } from "./scan-record.ts";

/** The USPS scan feed formats we read (REFERENCE.md 5.2-5.4). */
export const feedFormats = ["ivmtr-push", "ivmtr-pull", "delimited", "legacy-pkg"] as const;
export type FeedFormat = (typeof feedFormats)[number];

export interface ParsedFeed {
  readonly format: FeedFormat;
  /** One result per record, in file order. */
  readonly records: ScanResults;
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Which IV-MTR JSON shape a parsed body has: a push (`events`) or a pull API response (`data`). */
export function detectJsonFormat(body: unknown): Result<"ivmtr-push" | "ivmtr-pull", string> {
  if (isObject(body)) {
    if (Array.isArray(memberOf(body, "events"))) return ok("ivmtr-push");
    const data = memberOf(body, "data");
    if (isObject(data) || Array.isArray(data)) return ok("ivmtr-pull");
  }
  return err('body must be an IV-MTR push {"events": [...]} or pull response {"data": {"imb": ..., "scans": [...]}}');
}

/** An IV-MTR JSON body of either shape, each record judged alone. */
export function parseFeedJson(body: unknown, options: ScanParseOptions = {}): Result<ParsedFeed, string> {
  const format = detectJsonFormat(body);
  if (!format.ok) return format;
  const records = format.value === "ivmtr-push" ? parseIvmtrPush(body, options) : parseIvmtrPull(body, options);
  return records.ok ? ok({ format: format.value, records: records.value }) : records;
}

/** Text that is not text: NUL bytes or undecodable bytes (U+FFFD) early on. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 8_192);
  if (head.includes("\u0000")) return true;
  let replaced = 0;
  for (const char of head) if (char === "\uFFFD") replaced += 1;
  return replaced > 8;
}

/**
 * The format of a feed file from its content: JSON (push or pull by shape), a legacy PKG file (5 fields, a ZIP
 * first and a 20-digit tracking code last, no header), or a delimited file with a header row naming an imb column.
 * A `.json` name means JSON whatever the content looks like.
 */
export function detectTextFormat(text: string, fileName = ""): Result<"json" | "delimited" | "legacy-pkg", string> {
  if (looksBinary(text)) return err("the content is binary, not a feed file");
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start === "") return err("the content is empty");
  if (/\.json(\.gz)?$/i.test(fileName) || start.startsWith("{") || start.startsWith("[")) return ok("json");
  const line = firstLineOf(text);
  if (isLegacyPkgLine(line)) return ok("legacy-pkg");
  return ok("delimited");
}

/**
 * Any feed file's text to records, the format detected from the content (or as given). Errors are about the file as
 * a whole (not JSON, no header); records that are wrong are rejected one by one inside the result.
 */
export function parseFeedText(
  text: string,
  options: ScanParseOptions & { readonly format?: FeedFormat; readonly fileName?: string } = {},
): Result<ParsedFeed, string> {
  let kind: "json" | "delimited" | "legacy-pkg";
  if (options.format) {
    kind = options.format === "ivmtr-push" || options.format === "ivmtr-pull" ? "json" : options.format;
  } else {
    const detected = detectTextFormat(text, options.fileName);
    if (!detected.ok) return detected;
    kind = detected.value;
  }
  switch (kind) {
    case "json": {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        return err(`the content is not valid JSON: ${(error as Error).message}`);
      }
      const parsed = parseFeedJson(body, options);
      if (parsed.ok && options.format && parsed.value.format !== options.format) {
        return err(`the content is an ${parsed.value.format} body, not ${options.format}`);
      }
      return parsed;
    }
    case "legacy-pkg":
      return ok({ format: "legacy-pkg", records: parseLegacyPkg(text, options) });
    case "delimited": {
      const records = parseDelimited(text, options);
      return records.ok ? ok({ format: "delimited", records: records.value }) : records;
    }
    default:
      return assertNever(kind, "feed format");
  }
}

/**
 * A line-oriented feed file cut into its records as text, so a sender can post it in batches that each parse on
 * their own: the header (delimited files) and each record's text. Quoted line breaks stay inside their record.
 */
export function splitFeedRecords(
  text: string,
  format: "delimited" | "legacy-pkg",
): { header?: string; records: string[] } {
  if (format === "legacy-pkg") return { records: legacyPkgLines(text) };
  const [header, ...rows] = splitDelimitedRows(text, detectDelimiter(firstLineOf(text)));
  return header ? { header: header.text, records: rows.map((row) => row.text) } : { records: [] };
}
