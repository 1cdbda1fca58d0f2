import { describe, expect, it } from "vitest";
import { sampleCountySettings } from "../../test-data/county-settings.ts";
import { noticeOfRetraction } from "./milestones.ts";
import { planNotifications } from "./plan.ts";
import { defaultSafetyHold, isHeldBySafetyHold, isWatchedByHold, safetyHoldThreshold } from "./safety-hold.ts";

describe("safety hold", () => {
  it.each([
    // county ballots, share, minimum, threshold
    [0, 0.05, 50, 50],
    [100, 0.05, 50, 50],
    [1_000, 0.05, 50, 50],
    [1_001, 0.05, 50, 51],
    [20_000, 0.05, 50, 1_000],
    [1_000_000, 0.05, 50, 50_000],
    [1_000, 0.4, 10, 400],
    [999, 0.4, 10, 400],
    [Number.NaN, 0.05, 50, 50],
    [-5, 0.05, 0, 0],
  ])("a county of %d ballots with share %d and minimum %d lets %d through", (ballots, share, minimum, threshold) => {
    expect(safetyHoldThreshold(ballots, { ...defaultSafetyHold, share, minimumBallots: minimum })).toBe(threshold);
  });

  it("holds from the change that crosses the threshold on, and nothing before it", () => {
    const threshold = safetyHoldThreshold(2_000);
    expect(threshold).toBe(100);
    const held = Array.from({ length: 120 }, (_, index) => isHeldBySafetyHold(index + 1, threshold));
    expect(held.indexOf(true)).toBe(100);
    expect(held.filter(Boolean)).toHaveLength(20);
  });

  it("watches the county's verdicts and undeliverable, not the daily progress in the mail", () => {
    expect(isWatchedByHold("rejected")).toBe(true);
    expect(isWatchedByHold("accepted")).toBe(true);
    expect(isWatchedByHold("undeliverable")).toBe(true);
    expect(isWatchedByHold("in_transit")).toBe(false);
    expect(isWatchedByHold("delivered")).toBe(false);
    expect(isWatchedByHold("delivered", { ...defaultSafetyHold, statuses: ["delivered"] })).toBe(true);
  });

  it("a retraction is one message per ballot, hold and channel, with the tracking link and no status", () => {
    const notice = noticeOfRetraction({
      ballotKey: "314159:000000001",
      ballotId: "B1",
      voterId: "V1",
      county: "06999",
      holdId: "batch-1:rejected",
      atMs: Date.parse("2026-10-10T18:00:00Z"),
    });
    const plan = planNotifications({
      notice,
      subscription: {
        voterId: "V1",
        language: "es",
        channels: [{ channel: "sms", address: "+15555550123", consent: "confirmed", source: "voter", updatedAtMs: 0 }],
      },
      county: { ...sampleCountySettings, contactWindow: { startMinute: 0, endMinute: 1440 } },
      nowMs: Date.parse("2026-10-10T18:00:00Z"),
    });
    expect(plan.messages.map((message) => [message.messageId, message.templateId, message.language])).toEqual([
      ["314159:000000001:retraction:batch-1:rejected:sms", "retraction", "es"],
    ]);
    expect(plan.messages[0]?.variables.status).toBeUndefined();
  });
});
