import { memoized } from "../memo.ts";
import { err, ok, type Result } from "../result/index.ts";
import { timeZoneOfZip } from "./zip-time-zones.ts";

/** A wall-clock date and time as a feed wrote it, with its UTC offset when it had one. */
export interface WallClockTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Minutes east of UTC; absent for a local time without a zone. */
  readonly offsetMinutes?: number;
}

export interface ScanTime {
  /** UTC, ISO 8601. */
  readonly occurredAt: string;
  /** The zone a local time was read in; absent when the timestamp carried its own offset. */
  readonly timeZone?: string;
}

export interface ScanTimeContext {
  /** Where the scan happened; its ZIP prefix gives the zone of a local time. */
  readonly facilityZip?: string | undefined;
  /** The zone for local times whose facility ZIP is missing or unknown; without it they are refused. */
  readonly defaultTimeZone?: string | undefined;
}

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

const offsetPart = String.raw`(?<offset>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)`;
const timePart = String.raw`(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d{1,9}))?)?`;
/** `2026-10-14T03:12:00-07:00`, `2026-10-14 03:12`, `2026-10-14T10:12:00.5Z`. */
const isoPattern = new RegExp(
  String.raw`^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[T ]${timePart}\s*${offsetPart}?$`,
  "i",
);
/** `7/20/2016 12:38:20` (legacy PKG, REFERENCE.md 5.4), `10/14/2026 3:12 AM`. */
const usPattern = new RegExp(
  String.raw`^(?<month>\d{1,2})/(?<day>\d{1,2})/(?<year>\d{4})[ T]+${timePart}\s*(?<meridiem>AM|PM)?\s*${offsetPart}?$`,
  "i",
);

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1-12) of the Gregorian calendar; by arithmetic, since feeds ask once or twice per record. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return monthDays[month - 1] ?? 0;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function offsetMinutesOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const upper = text.toUpperCase();
  if (upper === "Z" || upper === "UTC" || upper === "GMT") return 0;
  const digits = text.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  return text.startsWith("-") ? -minutes : minutes;
}

/** Reads a feed timestamp (ISO 8601 or US `M/d/yyyy H:mm:ss`, with or without an offset), refusing impossible ones. */
export function parseWallClockTime(raw: string): Result<WallClockTime, string> {
  const text = raw.trim();
  const groups = (isoPattern.exec(text) ?? usPattern.exec(text))?.groups;
  if (!groups) return err(`timestamp "${clip(raw)}" is not a date and time (ISO 8601 or M/d/yyyy H:mm:ss)`);
  const year = Number(groups.year);
  const month = Number(groups.month);
  const day = Number(groups.day);
  const minute = Number(groups.minute);
  const second = Number(groups.second ?? "0");
  const millisecond = groups.fraction === undefined ? 0 : Number(groups.fraction.padEnd(3, "0").slice(0, 3));
  const meridiem = groups.meridiem?.toUpperCase();
  let hour = Number(groups.hour);
  if (meridiem) {
    if (hour < 1 || hour > 12) return err(`timestamp "${clip(raw)}" has hour ${hour} with ${meridiem}`);
    hour = (hour % 12) + (meridiem === "PM" ? 12 : 0);
  }
  const offsetText = groups.offset;
  const offsetMinutes = offsetMinutesOf(offsetText);
  const valid =
    year >= 1970 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    (offsetMinutes === undefined || Math.abs(offsetMinutes) <= 18 * 60);
  if (!valid) return err(`timestamp "${clip(raw)}" is not a valid date and time`);
  const time: WallClockTime = { year, month, day, hour, minute, second, millisecond };
  return ok(offsetMinutes === undefined ? time : { ...time, offsetMinutes });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when Intl knows the IANA zone name. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

function computeOffsetMs(zone: string, instantMs: number): number {
  const wholeSecondMs = Math.floor(instantMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(wholeSecondMs)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wallMs = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wallMs - wholeSecondMs;
}

// Offsets by zone and hour: a bulk import asks for the same few hours over and over, and Intl is slow. An hour is
// cached only when its offset is the same at both ends, so a transition inside it is never smeared. Keyed by zone,
// then by the hour's start (numbers, not a string built per call: three lookups a scan).
const offsetCache = new Map<string, Map<number, number>>();
const offsetCacheMax = 20_000;
let offsetCacheSize = 0;

/** The zone's offset from UTC at an instant, in milliseconds (negative west of Greenwich). */
export function offsetMsAt(zone: string, instantMs: number): number {
  const hourStartMs = Math.floor(instantMs / hourMs) * hourMs;
  let byHour = offsetCache.get(zone);
  const cached = byHour?.get(hourStartMs);
  if (cached !== undefined) return cached;
  const atStart = computeOffsetMs(zone, hourStartMs);
  if (computeOffsetMs(zone, hourStartMs + hourMs - 1000) !== atStart) return computeOffsetMs(zone, instantMs);
  if (offsetCacheSize >= offsetCacheMax) {
    offsetCache.clear();
    offsetCacheSize = 0;
    byHour = undefined;
  }
  if (!byHour) {
    byHour = new Map();
    offsetCache.set(zone, byHour);
  }
  byHour.set(hourStartMs, atStart);
  offsetCacheSize += 1;
  return atStart;
}

/**
 * A wall-clock time in an IANA zone to a UTC instant (ms). Around daylight-saving changes it follows the rule
 * JavaScript's Date and Temporal's "compatible" disambiguation use: a time that happens twice (the repeated hour in
 * autumn) is the earlier instant, i.e. still daylight time; a time that never happens (the skipped hour in spring) is
 * moved forward by the length of the gap (02:30 becomes 03:30 daylight time).
 */
export function zonedTimeToUtcMs(wallClockMs: number, zone: string): number {
  const before = offsetMsAt(zone, wallClockMs - dayMs);
  const after = offsetMsAt(zone, wallClockMs + dayMs);
  // Nearly always: no transition within a day either side, so the one offset is the answer.
  if (before === after && offsetMsAt(zone, wallClockMs - before) === before) return wallClockMs - before;
  const candidates = (before === after ? [wallClockMs - before] : [wallClockMs - before, wallClockMs - after])
    .filter((instantMs) => instantMs + offsetMsAt(zone, instantMs) === wallClockMs)
    .sort((a, b) => a - b);
  return candidates[0] ?? wallClockMs - before;
}

/**
 * A scan timestamp to UTC. With an offset, the offset is used. Without one, the zone comes from the facility ZIP
 * (`zip-time-zones.ts`), or else from the configured default zone; with neither the scan is refused, since any
 * guess could be hours wrong.
 */
export function resolveScanTime(raw: string, context: ScanTimeContext = {}): Result<ScanTime, string> {
  const parsed = parseWallClockTime(raw);
  if (!parsed.ok) return parsed;
  const { year, month, day, hour, minute, second, millisecond, offsetMinutes } = parsed.value;
  const wallClockMs = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (offsetMinutes !== undefined) return ok({ occurredAt: toIso(wallClockMs - offsetMinutes * minuteMs) });
  const zipZone = context.facilityZip ? timeZoneOfZip(context.facilityZip) : undefined;
  const timeZone = zipZone ?? context.defaultTimeZone;
  if (!timeZone) {
    const where = context.facilityZip
      ? `facility ZIP ${context.facilityZip} has no known time zone`
      : "no facility ZIP";
    return err(`timestamp "${clip(raw)}" has no UTC offset and ${where} (configure a default time zone to accept it)`);
  }
  return ok({ occurredAt: toIso(zonedTimeToUtcMs(wallClockMs, timeZone)), timeZone });
}

/** A timestamp that carries its own offset, to UTC; a local time is refused (use `resolveScanTime` with a zone). */
export function timestampToUtc(raw: string): Result<string, string> {
  const resolved = resolveScanTime(raw);
  return resolved.ok ? ok(resolved.value.occurredAt) : resolved;
}

// Scan times repeat within a feed (a batch is one stage of many pieces, minutes apart): each instant is formatted once.
const toIso = memoized((instantMs: number): string => new Date(instantMs).toISOString(), 50_000);

/** Feed values quoted in reasons are cut, so a hostile record cannot make its dead letter huge twice over. */
export function clip(text: string, maxLength = 64): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength)}…(${text.length} characters)`;
}
