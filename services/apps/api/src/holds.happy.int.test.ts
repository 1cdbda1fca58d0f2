import { describe, expect, test } from "@ballot/testing";
import { createDashboardApi, getDashboard, yolo, yoloApprover, yoloViewer } from "./dashboard-test-support.ts";
import { makeHold, postDashboard } from "./holds-test-support.ts";

describe("safety holds on the dashboard", () => {
  test("a viewer sees the hold: the status move, the counts and a sample of ballot ids", async ({ ns }) => {
    const holdId = await makeHold(ns, yolo, "upload-1", 40);
    await makeHold(ns, yolo, "upload-small", 8);
    const { app } = createDashboardApi(ns);
    const list = await getDashboard(app, `/counties/${yolo}/holds`, yoloViewer);
    expect(list.status).toBe(200);
    expect(list.json()).toEqual({
      county: yolo,
      holds: [
        expect.objectContaining({
          holdId: "upload-1:rejected",
          batchId: "upload-1",
          status: "rejected",
          state: "held",
          movedBallots: 40,
          threshold: 10,
          heldBallots: 30,
          heldNotices: 30,
          heldAt: "2026-10-20T17:05:00.000Z",
        }),
      ],
    });
    const detail = await getDashboard(app, `/counties/${yolo}/holds/${encodeURIComponent(holdId)}`, yoloViewer);
    expect(detail.status).toBe(200);
    const hold = detail.json();
    expect(hold.from).toEqual({ received: 40 });
    expect(hold.sample).toHaveLength(10);
    expect((hold.sample as { ballotId: string }[])[0]).toEqual({ ballotId: `${yolo}-B11`, from: "received" });
    // Ballot ids and statuses only: no voter ids, no notices.
    expect(detail.text).not.toContain("-V1");
  });

  test("an approver releases a hold once: the notifier's job is queued and a second decision is refused", async ({
    ns,
  }) => {
    const holdId = await makeHold(ns, yolo, "upload-1", 20);
    const { app } = createDashboardApi(ns);
    const released = await postDashboard(app, `/counties/${yolo}/holds/${holdId}/release`, yoloApprover);
    expect(released.status).toBe(200);
    expect(released.json()).toMatchObject({
      state: "released",
      decidedBy: yoloApprover.name,
      decidedAt: "2026-10-20T12:00:00.000Z",
      heldNotices: 10,
    });
    expect(await ns.redis.zrange(ns.keys.safetyHoldJobs(yolo), "0", "-1")).toEqual([`${holdId}|release`]);
    const again = await postDashboard(app, `/counties/${yolo}/holds/${holdId}/discard`, yoloApprover);
    expect(again.status).toBe(409);
    expect(again.json().error).toMatchObject({ code: "CONFLICT", details: { state: "released" } });
  });

  test("an approver discards a hold and asks for the correction, once", async ({ ns }) => {
    const holdId = await makeHold(ns, yolo, "upload-1", 20);
    const { app } = createDashboardApi(ns);
    const discarded = await postDashboard(app, `/counties/${yolo}/holds/${holdId}/discard`, yoloApprover);
    expect(discarded.json()).toMatchObject({ state: "discarded", heldNotices: 0 });
    expect(await ns.redis.exists(ns.keys.heldForReview(yolo, holdId))).toBe(0);
    expect(await ns.redis.zcard(ns.keys.safetyHoldJobs(yolo))).toBe(0);
    const corrected = await postDashboard(app, `/counties/${yolo}/holds/${holdId}/correction`, yoloApprover);
    expect(corrected.status).toBe(202);
    expect(corrected.json().correction).toMatchObject({ requestedBy: yoloApprover.name, ballotsTold: 0 });
    expect(await ns.redis.zrange(ns.keys.safetyHoldJobs(yolo), "0", "-1")).toEqual([`${holdId}|correct`]);
    const twice = await postDashboard(app, `/counties/${yolo}/holds/${holdId}/correction`, yoloApprover);
    expect(twice.status).toBe(409);
  });

  test("bad hold ids and unknown holds get clear answers", async ({ ns }) => {
    const { app } = createDashboardApi(ns);
    const bad = await getDashboard(app, `/counties/${yolo}/holds/not-a-hold`, yoloViewer);
    expect(bad.status).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "VALIDATION_FAILED", details: { field: "holdId" } });
    const unknown = await postDashboard(app, `/counties/${yolo}/holds/nothing:rejected/release`, yoloApprover);
    expect(unknown.status).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: "NOT_FOUND" });
    const badState = await getDashboard(app, `/counties/${yolo}/holds?state=maybe`, yoloViewer);
    expect(badState.status).toBe(400);
  });
});
