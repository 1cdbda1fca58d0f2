import { decodeImb, describeImbError, type ImbFields, splitImbDigits } from "../imb/index.ts";
import { memoized } from "../memo.ts";
import { err, ok, type Result } from "../result/index.ts";
import { milestoneOf, type NormalizedScan, type RecordRejection, squashKey } from "./scan.ts";
import { clip, daysInMonth, resolveScanTime } from "./scan-time.ts";

export interface ScanParseOptions {
  /**
   * The zone for timestamps without an offset whose facility ZIP is missing or has no known zone (e.g. the county's
   * own zone). Without it such scans are rejected with the reason.
   */
  readonly defaultTimeZone?: string | undefined;
}

/**
 * The fields we read and the names feeds give them. Names are compared squashed (no case, no punctuation:
 * REFERENCE.md 5.2), so `scanDatetime`, `scan_date_time` and `Scan Date Time` are one name; when a record has
 * several names for one field, the first listed wins. Every other field is ignored.
 */
const fieldNames = {
  imb: ["imb", "imbCode", "intelligentMailBarcode", "barcode"],
  imbTracking: ["imbTrackingCode", "trackingCode"],
  imbRouting: ["imbRoutingCode", "routingCode"],
  scanDatetime: ["scanDatetime", "scanTimestamp", "scannedAt"],
  scanDate: ["scanDate"],
  scanTime: ["scanTime"],
  scanEventCode: ["scanEventCode", "operationCode", "opcode"],
  mailPhase: ["mailPhase"],
  handlingEvent: ["handlingEventTypeDescription", "handlingEventType"],
  facilityZip: ["scanFacilityZip", "scanFacilityZipCode", "facilityZip", "facilityIdZip"],
  facilityLocaleKey: ["scanFacilityLocaleKey", "scanLocaleKey", "localeKey"],
  expectedDeliveryDate: ["expectedDeliveryDate", "anticipatedDeliveryDate", "predictedDeliveryDate"],
} as const;

type FieldName = keyof typeof fieldNames;
export type ScanFields = Partial<Record<FieldName, string>>;

const fieldBySquashedName = new Map<string, { readonly field: FieldName; readonly rank: number }>();
for (const [field, names] of Object.entries(fieldNames) as [FieldName, readonly string[]][]) {
  names.forEach((name, rank) => {
    fieldBySquashedName.set(squashKey(name), { field, rank });
  });
}

/** True when a squashed column name is one we read as an IMb (so a header row names the IMb). */
export function isImbFieldName(name: string): boolean {
  const field = fieldBySquashedName.get(squashKey(name))?.field;
  return field === "imb" || field === "imbTracking";
}

// Key names repeat in every record of a feed; squashing each once saves a regex per field per record. Bounded, since
// a hostile feed can send a new key name in every record.
const squashCached = memoized(squashKey, 4_096);

function textOf(value: unknown): string | undefined {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The fields of one record that we read, by squashed key name; values of other types than text or number are absent. */
export function readScanFields(record: Readonly<Record<string, unknown>>): ScanFields {
  const fields: ScanFields = {};
  const ranks: Partial<Record<FieldName, number>> = {};
  for (const key of Object.keys(record)) {
    const known = fieldBySquashedName.get(squashCached(key));
    if (!known) continue;
    const text = textOf(record[key]);
    if (text === undefined || (ranks[known.field] ?? Number.POSITIVE_INFINITY) <= known.rank) continue;
    fields[known.field] = text;
    ranks[known.field] = known.rank;
  }
  return fields;
}

/** Longest value we keep of any field: bounds the size of a chunk of scans whatever a feed sends. */
export const scanFieldMaxLength = 128;

/** Feed text never needs them, and each would grow sixfold as a JSON escape. Matching them is the point. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern finds control characters to refuse them.
const controlCharacter = /[\u0000-\u001f\u007f]/;

const barsPattern = /^[ADFT]+$/i;

/** The IMb as IV-MTR gives it (20 tracking + 0-11 routing digits) or, from an image read, as 65 bars (A, D, F, T). */
function readImb(text: string): Result<ImbFields, string> {
  if (barsPattern.test(text)) {
    const decoded = decodeImb(text);
    if (decoded.ok) return decoded;
    return err(`imb bars "${clip(text)}" do not decode: ${decoded.error} (${describeImbError(decoded.error)})`);
  }
  const fields = splitImbDigits(text.replace(/[\s-]/g, ""));
  if (fields.ok) return fields;
  return err(`imb "${clip(text)}" is invalid: ${fields.error} (${describeImbError(fields.error)})`);
}

function readZip(text: string): Result<string, string> {
  const digits = text.replace(/-/g, "");
  if (/^\d{5}(\d{4})?$/.test(digits)) return ok(digits.slice(0, 5));
  // Spreadsheets and JSON numbers drop leading zeros (02134 becomes 2134).
  if (/^\d{3,4}$/.test(digits)) return ok(digits.padStart(5, "0"));
  return err(`facility ZIP "${clip(text)}" is not a ZIP code`);
}

/** `2026-10-15`, `2026-10-15T00:00:00`, `10/15/2026` to `2026-10-15`; a date that does not exist is refused. */
export function normalizeDeliveryDate(text: string): Result<string, string> {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/.exec(text);
  if (match) {
    const [year, month, day] = text.includes("/")
      ? [Number(match[3]), Number(match[1]), Number(match[2])]
      : [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && year >= 1970) {
      return ok(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
    }
  }
  return err(`expected delivery date "${clip(text)}" is not a date`);
}

/**
 * One scan record, whatever the feed format, to a normalised scan. `raw` gives the record as received, for the
 * rejection (computed only when the record is rejected). A record is judged alone: a bad one never affects another.
 */
export function normalizeScanFields(
  fields: ScanFields,
  raw: () => string,
  options: ScanParseOptions = {},
): Result<NormalizedScan, RecordRejection> {
  const reject = (reason: string) => err({ reason, raw: raw() });
  for (const field in fields) {
    const value = fields[field as FieldName] as string;
    if (value.length > scanFieldMaxLength) return reject(`${field} is longer than ${scanFieldMaxLength} characters`);
    if (controlCharacter.test(value)) return reject(`${field} has control characters`);
  }
  const imbText = fields.imb ?? (fields.imbTracking ? `${fields.imbTracking}${fields.imbRouting ?? ""}` : undefined);
  if (!imbText) return reject("record has no imb");
  const imb = readImb(imbText);
  if (!imb.ok) return reject(imb.error);
  const { tracking, routing, mailerId, serialNumber, serviceTypeId, direction } = imb.value;
  let facilityZip: string | undefined;
  if (fields.facilityZip) {
    const zip = readZip(fields.facilityZip);
    if (!zip.ok) return reject(zip.error);
    facilityZip = zip.value;
  }
  const rawTimestamp =
    fields.scanDatetime ?? (fields.scanDate && fields.scanTime ? `${fields.scanDate} ${fields.scanTime}` : undefined);
  if (!rawTimestamp) return reject("record has no scanDatetime");
  const time = resolveScanTime(rawTimestamp, { facilityZip, defaultTimeZone: options.defaultTimeZone });
  if (!time.ok) return reject(time.error);
  let expectedDeliveryDate: string | undefined;
  if (fields.expectedDeliveryDate) {
    const date = normalizeDeliveryDate(fields.expectedDeliveryDate);
    if (!date.ok) return reject(date.error);
    expectedDeliveryDate = date.value;
  }
  const { scanEventCode, mailPhase, facilityLocaleKey } = fields;
  // Built in one order, field by field (not spread from temporary objects): two scans with the same fields have the
  // same shape, and a batch of thousands costs no garbage beyond the scans themselves.
  const scan: { -readonly [Field in keyof NormalizedScan]: NormalizedScan[Field] } = {
    imb: `${tracking}${routing}`,
    mailerId,
    serialNumber,
    serviceTypeId,
    direction,
    milestone: milestoneOf(mailPhase ?? "", fields.handlingEvent ?? ""),
    occurredAt: time.value.occurredAt,
    rawTimestamp,
  };
  if (time.value.timeZone) scan.timeZone = time.value.timeZone;
  if (scanEventCode) scan.scanEventCode = scanEventCode;
  if (mailPhase) scan.mailPhase = mailPhase;
  if (facilityZip) scan.facilityZip = facilityZip;
  if (facilityLocaleKey) scan.facilityLocaleKey = facilityLocaleKey;
  if (expectedDeliveryDate) scan.expectedDeliveryDate = expectedDeliveryDate;
  return ok(scan);
}

/** One record as an object with any key spelling (IV-MTR JSON, a delimited row) to a normalised scan. */
export function normalizeScanRecord(
  record: Readonly<Record<string, unknown>>,
  raw: () => string,
  options: ScanParseOptions = {},
): Result<NormalizedScan, RecordRejection> {
  return normalizeScanFields(readScanFields(record), raw, options);
}

/**
 * What makes two scan records the same scan (REFERENCE.md 5.3: imb, time, opcode, facility), so the same scan sent
 * twice, in any format, is one event.
 */
export function scanIdentity(scan: NormalizedScan): string {
  return [
    scan.imb,
    scan.occurredAt,
    scan.scanEventCode ?? "",
    scan.facilityZip ?? "",
    scan.facilityLocaleKey ?? "",
    scan.milestone,
  ].join("|");
}
