import { err, ok, type Result } from "../result/index.ts";
import type { ScanResults } from "./ivmtr-push.ts";
import type { RecordRejection } from "./scan.ts";
import { isImbFieldName, normalizeScanRecord, type ScanParseOptions } from "./scan-record.ts";

/** One row of a delimited file: its fields, and its text as it stood in the file, for a dead letter. */
export interface DelimitedRow {
  readonly fields: readonly string[];
  readonly text: string;
  /** A quoted field that never closed: the row is the physical line, read no further. */
  readonly unterminatedQuote?: true;
}

export type Delimiter = "," | "|" | "\t" | ";";
const delimiters: readonly Delimiter[] = ["|", ",", "\t", ";"];

/** The delimiter of a header line: whichever of pipe, comma, tab and semicolon it has most of. */
export function detectDelimiter(headerLine: string): Delimiter {
  let best: Delimiter = ",";
  let bestCount = 0;
  for (const delimiter of delimiters) {
    const count = headerLine.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

const lineWithoutCr = (text: string, start: number, end: number) =>
  text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);

/**
 * Splits delimited text into rows (RFC 4180: fields may be quoted, `""` is a quote inside a quoted field, a quoted
 * field may hold delimiters and line breaks; LF or CRLF). Blank lines are skipped. A quote that never closes would
 * swallow the rest of the file, so that row is cut at its own line end and marked, and reading goes on.
 */
export function splitDelimitedRows(text: string, delimiter: Delimiter): DelimitedRow[] {
  const rows: DelimitedRow[] = [];
  const length = text.length;
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (position < length) {
    const start = position;
    let lineEnd = text.indexOf("\n", position);
    if (lineEnd === -1) lineEnd = length;
    const quote = text.indexOf('"', position);
    if (quote === -1 || quote >= lineEnd) {
      // The common case: no quotes on the line.
      const line = lineWithoutCr(text, start, lineEnd);
      position = lineEnd + 1;
      if (line.trim() !== "") rows.push({ fields: line.split(delimiter), text: line });
      continue;
    }
    const fields: string[] = [];
    let field = "";
    let inQuotes = false;
    let index = position;
    for (; index < length; index += 1) {
      const char = text[index] as string;
      if (inQuotes) {
        if (char !== '"') field += char;
        else if (text[index + 1] === '"') {
          field += '"';
          index += 1;
        } else inQuotes = false;
      } else if (char === '"' && field.trim() === "") {
        inQuotes = true;
        field = "";
      } else if (char === delimiter) {
        fields.push(field);
        field = "";
      } else if (char === "\n") break;
      else if (char !== "\r" || text[index + 1] !== "\n") field += char;
    }
    if (inQuotes) {
      const line = lineWithoutCr(text, start, lineEnd);
      rows.push({ fields: [line], text: line, unterminatedQuote: true });
      position = lineEnd + 1;
      continue;
    }
    fields.push(field);
    rows.push({ fields, text: lineWithoutCr(text, start, index) });
    position = index + 1;
  }
  return rows;
}

/** The first line of a text, for sniffing. */
export function firstLineOf(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.replace(/^\s*\n/, "");
  const end = trimmed.indexOf("\n");
  return (end === -1 ? trimmed : trimmed.slice(0, end)).replace(/\r$/, "");
}

/** One data row of a delimited file read against its header: the fields by header name, and the row's text. */
export interface DelimitedRecord {
  readonly fields: Readonly<Record<string, string>>;
  readonly text: string;
}

/**
 * Delimited text with a header row (the delimiter sniffed from it), each data row as a record keyed by the header's
 * names (trimmed; the first of repeated names wins). A row with the wrong number of fields, or with a quote that
 * never closes, is rejected alone, with its text for the dead letter.
 */
export function readDelimitedRecords(text: string): {
  readonly names: readonly string[];
  readonly rows: readonly Result<DelimitedRecord, RecordRejection>[];
} {
  const delimiter = detectDelimiter(firstLineOf(text));
  const [header, ...rows] = splitDelimitedRows(text, delimiter);
  if (!header) return { names: [], rows: [] };
  const names = header.fields.map((name) => name.trim());
  return {
    names,
    rows: rows.map((row) => {
      const reject = (reason: string) => err({ reason, raw: row.text });
      if (row.unterminatedQuote) return reject("row has a quoted field that never closes");
      const extra = row.fields.slice(names.length);
      if (row.fields.length < names.length || extra.some((value) => value.trim() !== "")) {
        return reject(`row has ${row.fields.length} fields; the header has ${names.length}`);
      }
      const fields: Record<string, string> = {};
      names.forEach((name, index) => {
        if (name && !(name in fields)) fields[name] = row.fields[index] as string;
      });
      return ok({ fields, text: row.text });
    }),
  };
}

/**
 * An IV-MTR delimited file (REFERENCE.md 5.2): a header row naming the fields the feed was set up with (matched
 * like JSON keys, so `scan_date_time` and `Scan Date Time` are `scanDatetime`), then one scan per row, separated by
 * pipes or commas. A row with the wrong number of fields is rejected alone.
 */
export function parseDelimited(text: string, options: ScanParseOptions = {}): Result<ScanResults, string> {
  const { names, rows } = readDelimitedRecords(text);
  if (names.length === 0) return ok([]);
  if (!names.some(isImbFieldName)) {
    return err("the header row names no imb column (e.g. imb, scan_date_time, scan_event_code, scan_facility_zip)");
  }
  return ok(rows.map((row) => (row.ok ? normalizeScanRecord(row.value.fields, () => row.value.text, options) : row)));
}
