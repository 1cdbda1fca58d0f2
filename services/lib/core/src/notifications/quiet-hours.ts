import type { ContactWindow } from "./subscription.ts";

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Minutes after local midnight. */
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockParts(atMs: number, timeZone: string): WallClock & { readonly second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(atMs)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    minute: (parts.hour ?? 0) * 60 + (parts.minute ?? 0),
    second: parts.second ?? 0,
  };
}

/** The local date and minute of an instant in an IANA zone. */
export function wallClockAt(atMs: number, timeZone: string): WallClock {
  const { second: _second, ...clock } = wallClockParts(atMs, timeZone);
  return clock;
}

/** How far the zone's clock is ahead of UTC at an instant, in ms (negative west of Greenwich). */
function offsetMsAt(atMs: number, timeZone: string): number {
  const clock = wallClockParts(atMs, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, 0, clock.minute, clock.second);
  return asUtc - Math.floor(atMs / 1000) * 1000;
}

/**
 * The instant a local wall-clock time happens in a zone. Two passes, because the offset at the guess may differ
 * from the offset at the answer across a DST change; a time inside a spring-forward gap lands just after it.
 */
export function instantOfWallClock(clock: WallClock, timeZone: string): number {
  const naive = Date.UTC(clock.year, clock.month - 1, clock.day, 0, clock.minute);
  const first = naive - offsetMsAt(naive, timeZone);
  const second = naive - offsetMsAt(first, timeZone);
  return second;
}

export const isWithinWindow = (minute: number, window: ContactWindow): boolean =>
  window.startMinute <= window.endMinute
    ? minute >= window.startMinute && minute < window.endMinute
    : minute >= window.startMinute || minute < window.endMinute;

/**
 * When a message may go out: now if the local time is inside the contact window, else the next opening of the
 * window in the county's zone (today's if it has not opened yet, else tomorrow's), correct across DST changes.
 */
export function nextSendTimeMs(nowMs: number, timeZone: string, window: ContactWindow): number {
  const clock = wallClockAt(nowMs, timeZone);
  if (isWithinWindow(clock.minute, window)) return nowMs;
  const today = instantOfWallClock({ ...clock, minute: window.startMinute }, timeZone);
  if (today > nowMs) return today;
  // Tomorrow's local date: noon today plus a day stays on the right date whatever DST does overnight.
  const noonTomorrow = instantOfWallClock({ ...clock, minute: 12 * 60 }, timeZone) + 86_400_000;
  const tomorrow = wallClockAt(noonTomorrow, timeZone);
  return instantOfWallClock({ ...tomorrow, minute: window.startMinute }, timeZone);
}
