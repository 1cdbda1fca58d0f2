import { describe, expect, it } from "vitest";
import { instantOfWallClock, isWithinWindow, nextSendTimeMs, wallClockAt } from "./quiet-hours.ts";
import { defaultContactWindow } from "./subscription.ts";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("nextSendTimeMs", () => {
  it.each([
    [
      "inside the window in Los Angeles: now",
      "2026-06-01T17:00:00Z",
      "America/Los_Angeles",
      "2026-06-01T17:00:00.000Z",
    ],
    [
      "21:00 exactly is closed: tomorrow 08:00 PDT",
      "2026-06-02T04:00:00Z",
      "America/Los_Angeles",
      "2026-06-02T15:00:00.000Z",
    ],
    ["20:59 is still open", "2026-06-02T03:59:00Z", "America/Los_Angeles", "2026-06-02T03:59:00.000Z"],
    ["before dawn: today 08:00 PDT", "2026-06-01T10:00:00Z", "America/Los_Angeles", "2026-06-01T15:00:00.000Z"],
    [
      "08:00 in New York while it is 05:00 in LA",
      "2026-06-01T12:00:00Z",
      "America/New_York",
      "2026-06-01T12:00:00.000Z",
    ],
    [
      "the same instant in LA waits three hours",
      "2026-06-01T12:00:00Z",
      "America/Los_Angeles",
      "2026-06-01T15:00:00.000Z",
    ],
    ["Honolulu keeps no DST: 08:00 HST", "2026-06-01T12:00:00Z", "Pacific/Honolulu", "2026-06-01T18:00:00.000Z"],
    ["Phoenix in summer: 08:00 MST", "2026-07-01T13:00:00Z", "America/Phoenix", "2026-07-01T15:00:00.000Z"],
    // DST ends on 2026-11-01 at 02:00 PDT: the morning after 22:00 PDT opens at 08:00 PST, 16:00Z, not 15:00Z.
    ["night before DST ends: 08:00 PST", "2026-11-01T05:00:00Z", "America/Los_Angeles", "2026-11-01T16:00:00.000Z"],
    // DST starts on 2026-03-08 at 02:00 PST: the morning after 23:00 PST opens at 08:00 PDT, 15:00Z, not 16:00Z.
    ["night before DST starts: 08:00 PDT", "2026-03-08T07:00:00Z", "America/Los_Angeles", "2026-03-08T15:00:00.000Z"],
    [
      "inside the window on the DST change day",
      "2026-03-08T16:00:00Z",
      "America/Los_Angeles",
      "2026-03-08T16:00:00.000Z",
    ],
  ])("%s", (_name, now, zone, expected) => {
    expect(iso(nextSendTimeMs(at(now), zone, defaultContactWindow))).toBe(expected);
  });

  it("honours a voter's own window", () => {
    const window = { startMinute: 18 * 60, endMinute: 20 * 60 };
    expect(iso(nextSendTimeMs(at("2026-06-01T17:00:00Z"), "America/Los_Angeles", window))).toBe(
      "2026-06-02T01:00:00.000Z",
    );
  });

  it("never returns a time outside the window, around the clock and across both DST changes", () => {
    const zone = "America/Los_Angeles";
    for (const start of ["2026-03-07T00:00:00Z", "2026-10-31T00:00:00Z"]) {
      for (let step = 0; step < 72 * 4; step += 1) {
        const now = at(start) + step * 15 * 60_000;
        const sendAt = nextSendTimeMs(now, zone, defaultContactWindow);
        expect(sendAt).toBeGreaterThanOrEqual(now);
        expect(sendAt - now).toBeLessThan(14 * 3_600_000);
        expect(isWithinWindow(wallClockAt(sendAt, zone).minute, defaultContactWindow)).toBe(true);
      }
    }
  });
});

describe("wall clock", () => {
  it("finds the instant of a local time on either side of a DST change", () => {
    const zone = "America/Los_Angeles";
    expect(iso(instantOfWallClock({ year: 2026, month: 3, day: 7, minute: 480 }, zone))).toBe(
      "2026-03-07T16:00:00.000Z",
    );
    expect(iso(instantOfWallClock({ year: 2026, month: 3, day: 9, minute: 480 }, zone))).toBe(
      "2026-03-09T15:00:00.000Z",
    );
  });

  it("a window that spans midnight is open at night", () => {
    expect(isWithinWindow(23 * 60, { startMinute: 22 * 60, endMinute: 6 * 60 })).toBe(true);
    expect(isWithinWindow(12 * 60, { startMinute: 22 * 60, endMinute: 6 * 60 })).toBe(false);
  });
});
