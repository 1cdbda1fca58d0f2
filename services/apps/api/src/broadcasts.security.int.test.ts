import { describe, expect, test } from "@ballot/testing";
import { placeChange, subscribers } from "./broadcasts.happy.int.test.ts";
import {
  createDashboardApi,
  getDashboard,
  sacramento,
  sacramentoApprover,
  seedSubscribers,
  sendDashboard,
  stateApprover,
  stateViewer,
  type TestStaff,
  yolo,
  yoloApprover,
  yoloOperator,
  yoloViewer,
} from "./dashboard-test-support.ts";

type Api = ReturnType<typeof createDashboardApi>["app"];
const messageOf = (answer: { json: () => Record<string, unknown> }) =>
  (answer.json().error as { message: string }).message;

const draft = async (app: Api, county: string, by: TestStaff): Promise<string> => {
  const created = await sendDashboard(app, "POST", `/counties/${county}/broadcasts`, by, placeChange);
  expect(created.status, created.text).toBe(201);
  return created.json().id as string;
};
const step = (app: Api, county: string, id: string, name: string, by: TestStaff | undefined) =>
  sendDashboard(app, "POST", `/counties/${county}/broadcasts/${id}/${name}`, by);
const statusOf = async (app: Api, county: string, id: string) =>
  (await getDashboard(app, `/counties/${county}/broadcasts/${id}`, stateApprover)).json().status;

/** Every broadcast endpoint, as method and path for a county and a broadcast id. */
const endpoints = [
  ["GET", (county: string) => `/counties/${county}/broadcasts`],
  ["POST", (county: string) => `/counties/${county}/broadcasts`],
  ["GET", (county: string, id: string) => `/counties/${county}/broadcasts/${id}`],
  ["GET", (county: string, id: string) => `/counties/${county}/broadcasts/${id}/preview`],
  ["POST", (county: string, id: string) => `/counties/${county}/broadcasts/${id}/approve`],
  ["POST", (county: string, id: string) => `/counties/${county}/broadcasts/${id}/send`],
  ["POST", (county: string, id: string) => `/counties/${county}/broadcasts/${id}/cancel`],
] as const;

describe("approval rules", () => {
  test("the drafter can never approve their own broadcast, even as an approver; the refusal is audited", async ({
    ns,
  }) => {
    const { app } = createDashboardApi(ns);
    const id = await draft(app, yolo, yoloApprover);
    const refused = await step(app, yolo, id, "approve", yoloApprover);
    expect(refused.status).toBe(403);
    expect(refused.json().error).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/drafted/) });
    expect(await statusOf(app, yolo, id)).toBe("draft");
    const audit = (await getDashboard(app, `/counties/${yolo}/audit`, stateApprover)).json().entries as {
      who: string;
      action: string;
      outcome: string;
    }[];
    expect(audit).toContainEqual(
      expect.objectContaining({ who: yoloApprover.name, action: `POST broadcast approve ${id}`, outcome: "denied" }),
    );
    // Another approver (here a state-wide one) may.
    expect((await step(app, yolo, id, "approve", stateApprover)).json()).toMatchObject({
      status: "approved",
      approvedBy: stateApprover.name,
    });
  });

  test("an operator drafts and sends but cannot approve; a viewer can neither draft, preview, approve, send nor cancel", async ({
    ns,
  }) => {
    const { app } = createDashboardApi(ns);
    const id = await draft(app, yolo, yoloOperator);
    const byOperator = await step(app, yolo, id, "approve", yoloOperator);
    expect(byOperator.status).toBe(403);
    expect(messageOf(byOperator)).toMatch(/approver role/);
    for (const viewer of [yoloViewer, stateViewer]) {
      expect((await sendDashboard(app, "POST", `/counties/${yolo}/broadcasts`, viewer, placeChange)).status).toBe(403);
      expect((await sendDashboard(app, "GET", `/counties/${yolo}/broadcasts/${id}/preview`, viewer)).status).toBe(403);
      for (const name of ["approve", "send", "cancel"]) {
        expect((await step(app, yolo, id, name, viewer)).status, `${viewer.name} ${name}`).toBe(403);
      }
      // Reading is a viewer's.
      expect((await getDashboard(app, `/counties/${yolo}/broadcasts/${id}`, viewer)).status).toBe(200);
    }
    expect(await statusOf(app, yolo, id)).toBe("draft");
  });

  test("nothing is sent before approval, and no step is taken twice", async ({ ns }) => {
    const { app } = createDashboardApi(ns);
    const id = await draft(app, yolo, yoloOperator);
    const early = await step(app, yolo, id, "send", yoloOperator);
    expect(early.status).toBe(409);
    expect(early.json().error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/is draft/) });
    expect(await ns.redis.zcard(ns.keys.broadcastsSending())).toBe(0);
    expect((await step(app, yolo, id, "approve", yoloApprover)).status).toBe(200);
    expect((await step(app, yolo, id, "approve", stateApprover)).status).toBe(409);
    expect((await step(app, yolo, id, "send", yoloOperator)).status).toBe(200);
    expect((await step(app, yolo, id, "send", yoloOperator)).status).toBe(409);
    expect((await step(app, yolo, id, "cancel", yoloOperator)).status).toBe(200);
    expect((await step(app, yolo, id, "cancel", yoloOperator)).status).toBe(409);
    expect((await step(app, yolo, id, "send", yoloOperator)).status).toBe(409);
  });
});

describe("a county token never touches another county's broadcast", () => {
  test("through every endpoint: 403 on the other county's path, 404 for its broadcast under one's own", async ({
    ns,
  }) => {
    await seedSubscribers(ns, subscribers);
    const { app } = createDashboardApi(ns);
    const theirs = await draft(app, sacramento, sacramentoApprover);
    for (const [method, path] of endpoints) {
      const other = await sendDashboard(
        app,
        method,
        path(sacramento, theirs),
        yoloApprover,
        method === "POST" ? placeChange : undefined,
      );
      expect(other.status, `${method} ${path(sacramento, theirs)}`).toBe(403);
      expect(other.text).not.toContain(theirs);
    }
    for (const [method, path] of endpoints.slice(2)) {
      const own = await sendDashboard(app, method, path(yolo, theirs), yoloApprover);
      expect(own.status, `${method} ${path(yolo, theirs)}`).toBe(404);
    }
    expect((await getDashboard(app, `/counties/${yolo}/broadcasts`, yoloApprover)).json().broadcasts).toEqual([]);
    expect(await statusOf(app, sacramento, theirs)).toBe("draft");
    // Sacramento's preview counts Sacramento's subscriber only.
    const preview = await sendDashboard(
      app,
      "GET",
      `/counties/${sacramento}/broadcasts/${theirs}/preview`,
      stateApprover,
    );
    expect(preview.json().audience).toMatchObject({ voters: 0 });
  });

  test("every endpoint wants a staff token", async ({ ns }) => {
    const { app } = createDashboardApi(ns);
    const id = await draft(app, yolo, yoloOperator);
    for (const [method, path] of endpoints) {
      const answer = await sendDashboard(
        app,
        method,
        path(yolo, id),
        undefined,
        method === "POST" ? placeChange : undefined,
      );
      expect(answer.status, `${method} ${path(yolo, id)}`).toBe(401);
    }
    expect(await statusOf(app, yolo, id)).toBe("draft");
  });
});

describe("a broadcast that cannot be sent as asked is refused, naming what to fix", () => {
  test.for([
    [{ ...placeChange, variables: { placeName: "Hall" } }, "variables.placeAddress", /missing/],
    [{ ...placeChange, variables: { ...placeChange.variables, placeNme: "x" } }, "variables.placeNme", /no variable/],
    [
      { ...placeChange, variables: { placeName: "Hall", placeAddress: "x".repeat(61) } },
      "variables.placeAddress",
      /at most 60/,
    ],
    [{ kind: "deadline_reminder", variables: { deadline: "2026-10-01" } }, "variables.deadline", /in the past/],
    [{ kind: "deadline_reminder", variables: {} }, "variables.deadline", /missing/],
    [{ ...placeChange, kind: "custom" }, "kind", /./],
    [{ ...placeChange, audience: { zips: ["9561"] } }, "audience.zips.0", /5-digit/],
    [{ ...placeChange, audience: { statuses: ["lost"] } }, "audience.statuses.0", /./],
    [{ ...placeChange, audience: { county: sacramento } }, "audience.county", /./],
    [{ ...placeChange, extra: 1 }, "extra", /./],
    ["not an object", "body", /./],
  ] as const)("%j: 400 on %s", async ([body, field, message], { ns }) => {
    const { app } = createDashboardApi(ns);
    const answer = await sendDashboard(app, "POST", `/counties/${yolo}/broadcasts`, yoloOperator, body);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.json().error).toMatchObject({ code: "VALIDATION_FAILED", details: { field } });
    expect(messageOf(answer)).toMatch(message);
    expect(await ns.redis.exists(ns.keys.broadcasts(yolo))).toBe(0);
  });

  test("a county without notification settings cannot draft one", async ({ ns }) => {
    const { app } = createDashboardApi(ns);
    const answer = await sendDashboard(app, "POST", "/counties/06001/broadcasts", stateApprover, placeChange);
    expect(answer.status).toBe(503);
    expect(messageOf(answer)).toMatch(/NOTIFIER_COUNTIES/);
  });
});
