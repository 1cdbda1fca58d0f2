// Shared by the safety hold's API tests: holds made as the notifier makes them (RedisSafetyHolds.tally), and the
// approvers' POSTs.
import { RedisSafetyHolds } from "@ballot/adapters/redis/safety-holds";
import { ballotKeyOf } from "@ballot/contracts";
import { noticeOfStatusChange } from "@ballot/core";
import type { TestNamespace } from "@ballot/testing";
import type { TestStaff } from "./dashboard-test-support.ts";
import type { TestApi } from "./test-support.ts";

/**
 * A county upload `batchId` that moved `moved` ballots from received to rejected, with `threshold` of them allowed
 * through: the rest are held, each with a notice kept (every voter subscribed).
 */
export async function makeHold(
  ns: TestNamespace,
  county: string,
  batchId: string,
  moved: number,
  threshold = 10,
): Promise<string> {
  const holds = new RedisSafetyHolds(ns.redis, ns.keys);
  let holdId = "";
  for (let index = 1; index <= moved; index += 1) {
    const ballotKey = ballotKeyOf("271828", `${county}${String(index).padStart(4, "0")}`);
    const change = {
      ballotKey,
      ballotId: `${county}-B${index}`,
      voterId: `${county}-V${index}`,
      county,
      from: "received" as const,
      to: "rejected" as const,
      occurredAt: "2026-10-20T17:00:00Z",
    };
    const notice = noticeOfStatusChange(change, { rejection: { reasonCode: "other" } });
    if (!notice) throw new Error("a rejection is news");
    const tally = await holds.tally({
      ...change,
      status: change.to,
      batchId,
      topic: notice.topic,
      nowMs: Date.parse("2026-10-20T17:05:00Z"),
      thresholdOf: () => threshold,
    });
    if (tally.decision === "held") await holds.keep(county, tally.holdId, notice);
    holdId = tally.holdId;
  }
  return holdId;
}

export async function postDashboard(
  app: TestApi["app"],
  path: string,
  staff: TestStaff | undefined,
): Promise<{ status: number; json: () => Record<string, unknown> }> {
  const response = await app.request(`/v1/dashboard${path}`, {
    method: "POST",
    headers: staff ? { authorization: `Bearer ${staff.token}` } : {},
  });
  const text = await response.text();
  return { status: response.status, json: () => JSON.parse(text) };
}
