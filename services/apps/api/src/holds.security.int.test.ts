import { describe, expect, test } from "@ballot/testing";
import {
  createDashboardApi,
  getDashboard,
  sacramento,
  sacramentoApprover,
  stateApprover,
  stateViewer,
  yolo,
  yoloApprover,
  yoloOperator,
  yoloViewer,
} from "./dashboard-test-support.ts";
import { makeHold, postDashboard } from "./holds-test-support.ts";
import { StaffAuditLog } from "./staff-audit.ts";

const actions = ["release", "discard", "correction"] as const;

describe("safety holds: only an approver of the county decides, and every decision is in the audit log", () => {
  test.for([
    ["a viewer", yoloViewer, "this needs the approver role"],
    ["an operator", yoloOperator, "this needs the approver role"],
    ["a state viewer", stateViewer, "this needs the approver role"],
    ["another county's approver", sacramentoApprover, "this token does not cover that county"],
  ] as const)(
    "%s may not release, discard or correct: 403, the hold unchanged, the refusal recorded",
    async ([, staff, message], { ns }) => {
      const holdId = await makeHold(ns, yolo, "upload-1", 20);
      const { app } = createDashboardApi(ns);
      for (const action of actions) {
        const answer = await postDashboard(app, `/counties/${yolo}/holds/${holdId}/${action}`, staff);
        expect(answer.status, action).toBe(403);
        expect(answer.json().error).toMatchObject({ code: "FORBIDDEN", message });
      }
      const hold = (await getDashboard(app, `/counties/${yolo}/holds/${holdId}`, yoloViewer)).json();
      expect(hold).toMatchObject({ state: "held", heldNotices: 10 });
      expect(hold.correction).toBeUndefined();
      expect(await ns.redis.zcard(ns.keys.safetyHoldJobs(yolo))).toBe(0);
      const entries = await new StaffAuditLog(ns.redis, ns.keys).read(yolo, 50);
      expect(
        entries
          .filter((entry) => entry.action.startsWith("POST"))
          .map(({ who, action, outcome }) => ({ who, action, outcome }))
          .reverse(),
      ).toEqual(
        actions.map((action) => ({ who: staff.name, action: `POST hold ${action} ${holdId}`, outcome: "denied" })),
      );
    },
  );

  test("the county's approver and a state approver may; each decision is recorded with who made it and what came of it", async ({
    ns,
  }) => {
    const first = await makeHold(ns, yolo, "upload-1", 20);
    const second = await makeHold(ns, yolo, "upload-2", 20);
    const { app } = createDashboardApi(ns);
    expect((await postDashboard(app, `/counties/${yolo}/holds/${first}/release`, yoloApprover)).status).toBe(200);
    expect((await postDashboard(app, `/counties/${yolo}/holds/${second}/discard`, stateApprover)).status).toBe(200);
    expect((await postDashboard(app, `/counties/${yolo}/holds/${second}/correction`, stateApprover)).status).toBe(202);
    // Decided once: the second try is refused, and the log says so rather than recording it as done.
    expect((await postDashboard(app, `/counties/${yolo}/holds/${first}/discard`, stateApprover)).status).toBe(409);
    expect((await postDashboard(app, `/counties/${yolo}/holds/${second}/correction`, yoloApprover)).status).toBe(409);
    expect((await postDashboard(app, `/counties/${yolo}/holds/${first}/release`, yoloViewer)).status).toBe(403);
    const entries = await new StaffAuditLog(ns.redis, ns.keys).read(yolo, 50);
    const recorded = entries.map(({ who, scope, action, outcome, result }) => ({
      who,
      scope,
      action,
      outcome,
      result,
    }));
    expect(recorded.reverse()).toEqual([
      { who: yoloApprover.name, scope: yolo, action: `POST hold release ${first}`, outcome: "allowed", result: 200 },
      {
        who: stateApprover.name,
        scope: "state",
        action: `POST hold discard ${second}`,
        outcome: "allowed",
        result: 200,
      },
      {
        who: stateApprover.name,
        scope: "state",
        action: `POST hold correction ${second}`,
        outcome: "allowed",
        result: 202,
      },
      {
        who: stateApprover.name,
        scope: "state",
        action: `POST hold discard ${first}`,
        outcome: "allowed",
        result: 409,
      },
      {
        who: yoloApprover.name,
        scope: yolo,
        action: `POST hold correction ${second}`,
        outcome: "allowed",
        result: 409,
      },
      { who: yoloViewer.name, scope: yolo, action: `POST hold release ${first}`, outcome: "denied", result: 403 },
    ]);
    expect((await getDashboard(app, `/counties/${yolo}/holds/${second}`, yoloViewer)).json()).toMatchObject({
      state: "discarded",
      decidedBy: stateApprover.name,
      correction: { requestedBy: stateApprover.name },
    });
  });

  test("scoping: a county's holds are seen and decided in that county only", async ({ ns }) => {
    const yoloHold = await makeHold(ns, yolo, "upload-y", 20);
    const sacHold = await makeHold(ns, sacramento, "upload-s", 20);
    const { app } = createDashboardApi(ns);
    const yoloList = await getDashboard(app, `/counties/${yolo}/holds`, yoloViewer);
    expect((yoloList.json().holds as { holdId: string }[]).map((hold) => hold.holdId)).toEqual([yoloHold]);
    expect(yoloList.text).not.toContain(sacramento);
    expect((await getDashboard(app, `/counties/${sacramento}/holds`, yoloViewer)).status).toBe(403);
    expect((await getDashboard(app, `/counties/${sacramento}/holds/${sacHold}`, yoloApprover)).status).toBe(403);
    // Sacramento's hold named under Yolo's path is not found there, and stays held.
    expect((await postDashboard(app, `/counties/${yolo}/holds/${sacHold}/release`, yoloApprover)).status).toBe(404);
    expect((await getDashboard(app, `/counties/${sacramento}/holds/${sacHold}`, stateViewer)).json()).toMatchObject({
      state: "held",
    });
    expect((await postDashboard(app, `/counties/${yolo}/holds/${yoloHold}/release`, undefined)).status).toBe(401);
  });
});
