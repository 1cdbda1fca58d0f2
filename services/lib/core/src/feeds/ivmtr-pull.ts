import { err, ok, type Result } from "../result/index.ts";
import { memberOf, type ScanResults } from "./ivmtr-push.ts";
import { squashKey } from "./scan.ts";
import { normalizeScanRecord, type ScanParseOptions } from "./scan-record.ts";

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const pullShape = 'body must be {"data": {"imb": ..., "scans": [...]}}';

/**
 * The IV-MTR REST API piece response (REFERENCE.md 5.2): `{"data": {"imb": ..., "scans": [...]}}` with snake_case
 * scan fields, or `data` as a list of pieces. The piece's own fields (the IMb, delivery estimates) apply to each of
 * its scans, and a rejected scan keeps them in its raw record, so the dead letter says which piece it was.
 */
export function parseIvmtrPull(body: unknown, options: ScanParseOptions = {}): Result<ScanResults, string> {
  if (!isObject(body)) return err(pullShape);
  const data = memberOf(body, "data");
  const pieces = Array.isArray(data) ? data : isObject(data) ? [data] : undefined;
  if (!pieces) return err(pullShape);
  const results: ScanResults = [];
  for (const piece of pieces) {
    if (!isObject(piece)) {
      results.push(err({ reason: "piece is not an object", raw: JSON.stringify(piece) ?? "undefined" }));
      continue;
    }
    const scans = memberOf(piece, "scans");
    const pieceFields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(piece)) if (squashKey(key) !== "scans") pieceFields[key] = value;
    if (!Array.isArray(scans)) {
      results.push(err({ reason: "piece has no scans list", raw: JSON.stringify(piece) }));
      continue;
    }
    for (const scan of scans) {
      if (!isObject(scan)) {
        results.push(err({ reason: "scan is not an object", raw: JSON.stringify({ ...pieceFields, scan }) }));
        continue;
      }
      const record = { ...pieceFields, ...scan };
      results.push(normalizeScanRecord(record, () => JSON.stringify(record), options));
    }
  }
  return ok(results);
}
