import { err, type Result } from "../result/index.ts";
import type { NormalizedScan, RecordRejection } from "./scan.ts";
import { normalizeScanFields, type ScanParseOptions } from "./scan-record.ts";

/** True when a line looks like a legacy PKG record: 5 comma-separated fields, a 5-digit ZIP, a 20-digit tracking code. */
export function isLegacyPkgLine(line: string): boolean {
  const fields = line.split(",");
  return fields.length === 5 && /^\s*\d{5}\s*$/.test(fields[0] ?? "") && /^\s*\d{20}\s*$/.test(fields[4] ?? "");
}

/**
 * One IMb Tracing legacy "PKG" line (REFERENCE.md 5.4): `facility ZIP,opcode,M/d/yyyy H:mm:ss,routing padded to 11
 * (may be blank),20-digit tracking code`, no header, the time facility-local with no zone (so the ZIP gives it).
 * The format has no mail phase, so every scan is "in the mail".
 */
export function parseLegacyPkgLine(
  line: string,
  options: ScanParseOptions = {},
): Result<NormalizedScan, RecordRejection> {
  const fields = line.split(",");
  if (fields.length !== 5) return err({ reason: `legacy PKG row has ${fields.length} fields, not 5`, raw: line });
  const [zip, opcode, scannedAt, routing, tracking] = fields.map((field) => field.trim()) as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (!/^\d{5}$/.test(zip)) return err({ reason: `facility ZIP "${zip.slice(0, 16)}" is not 5 digits`, raw: line });
  if (!/^\d{20}$/.test(tracking)) return err({ reason: "tracking code is not 20 digits", raw: line });
  return normalizeScanFields(
    {
      imb: `${tracking}${routing}`,
      ...(opcode ? { scanEventCode: opcode } : {}),
      ...(scannedAt ? { scanDatetime: scannedAt } : {}),
      facilityZip: zip,
    },
    () => line,
    options,
  );
}

/** A legacy PKG file, one scan per line; blank lines are skipped. */
export function parseLegacyPkg(
  text: string,
  options: ScanParseOptions = {},
): Result<NormalizedScan, RecordRejection>[] {
  return legacyPkgLines(text).map((line) => parseLegacyPkgLine(line, options));
}

/** The non-blank lines of a legacy PKG file, without line endings. */
export function legacyPkgLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .map((line) => line.replace(/\r$/, ""))
    .filter((line) => line.trim() !== "");
}
