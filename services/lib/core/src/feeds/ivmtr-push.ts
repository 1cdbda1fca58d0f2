import { err, ok, type Result } from "../result/index.ts";
import type { NormalizedScan, RecordRejection } from "./scan.ts";
import { squashKey } from "./scan.ts";
import { normalizeScanRecord, type ScanParseOptions } from "./scan-record.ts";

export type ScanResults = Result<NormalizedScan, RecordRejection>[];

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The value of a key matched without case or punctuation (`events`, `Events`, `EVENTS`). */
export function memberOf(record: Readonly<Record<string, unknown>>, name: string): unknown {
  const wanted = squashKey(name);
  for (const key of Object.keys(record)) if (squashKey(key) === wanted) return record[key];
  return undefined;
}

/** One IV-MTR piece event (push JSON, camelCase, or any key spelling) to a normalised scan. */
export function normalizeIvmtrEvent(
  record: unknown,
  options: ScanParseOptions = {},
): Result<NormalizedScan, RecordRejection> {
  const raw = () => JSON.stringify(record) ?? "undefined";
  if (!isObject(record)) return err({ reason: "event is not an object", raw: raw() });
  return normalizeScanRecord(record, raw, options);
}

const pushShape = 'body must be {"events": [...]}';

/**
 * The IV-MTR push body: `{"events": [...]}` (header fields such as `msgGrpId` are ignored). Each event is judged
 * alone, so a bad one never loses its neighbours.
 */
export function parseIvmtrPush(body: unknown, options: ScanParseOptions = {}): Result<ScanResults, string> {
  if (!isObject(body)) return err(pushShape);
  const events = memberOf(body, "events");
  if (!Array.isArray(events)) return err(pushShape);
  return ok(events.map((event) => normalizeIvmtrEvent(event, options)));
}
