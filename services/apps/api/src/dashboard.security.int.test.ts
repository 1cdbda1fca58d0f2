import { describe, expect, test } from "@ballot/testing";
import {
  createDashboardApi,
  getDashboard,
  sacramento,
  sacramentoApprover,
  seedCountyBallots,
  stateApprover,
  stateViewer,
  twoCounties,
  yolo,
  yoloApprover,
  yoloOperator,
  yoloViewer,
} from "./dashboard-test-support.ts";
import { hashStaffToken } from "./staff-auth.ts";

/** Every county route of the dashboard, as a path under /v1/dashboard for a county. */
const countyRoutes = [
  (county: string) => `/counties/${county}/summary`,
  (county: string) => `/counties/${county}/summary?format=csv`,
  (county: string) => `/counties/${county}/zips`,
  (county: string) => `/counties/${county}/stuck`,
  (county: string) => `/counties/${county}/stuck?format=csv`,
  (county: string) => `/counties/${county}/entry-no-exit`,
  (county: string) => `/counties/${county}/entry-no-exit?format=csv`,
  (county: string) => `/counties/${county}/received-not-accepted`,
  (county: string) => `/counties/${county}/received-not-accepted?format=csv`,
  (county: string) => `/counties/${county}/undeliverable`,
  (county: string) => `/counties/${county}/undeliverable?format=csv`,
  (county: string) => `/counties/${county}/cure-queue`,
  (county: string) => `/counties/${county}/cure-queue?format=csv`,
  (county: string) => `/counties/${county}/trends`,
  (county: string) => `/counties/${county}/trends?format=csv`,
  (county: string) => `/counties/${county}/feeds`,
  (county: string) => `/counties/${county}/feeds?format=csv`,
  (county: string) => `/counties/${county}/messages`,
  (county: string) => `/counties/${county}/messages?format=csv`,
  (county: string) => `/counties/${county}/subscribers`,
  (county: string) => `/counties/${county}/subscribers?format=csv`,
  (county: string) => `/counties/${county}/unreachable`,
  (county: string) => `/counties/${county}/unreachable?format=csv`,
  (county: string) => `/counties/${county}/reports/signups`,
  (county: string) => `/counties/${county}/reports/signups?format=csv`,
  (county: string) => `/counties/${county}/reports/ballot-status`,
  (county: string) => `/counties/${county}/reports/ballot-status?format=csv`,
  (county: string) => `/counties/${county}/reports/messages`,
  (county: string) => `/counties/${county}/reports/messages?format=csv`,
  (county: string) => `/counties/${county}/audit`,
  (county: string) => `/counties/${county}/audit?format=csv`,
  (county: string) => `/counties/${county}/holds`,
  (county: string) => `/counties/${county}/broadcasts`,
];
const everyRoute = ["/me", ...countyRoutes.flatMap((route) => [route(yolo), route(sacramento)])];

describe("a staff token is needed for every dashboard route", () => {
  test.for([
    ["no token", undefined],
    ["an unknown token", "staff-nobody-0123456789abcdef0123456789abcdef"],
    ["the configured hash instead of the token", hashStaffToken(yoloApprover.token).toString("hex")],
    ["a voter-style token", "v1.eyJzdWIiOiJWMTAwMSJ9.abc"],
    ["a token with a prefix of a real one", yoloApprover.token.slice(0, -1)],
  ] as const)("%s: 401 UNAUTHORIZED everywhere, and nothing recorded", async ([, token], { ns }) => {
    await seedCountyBallots(ns, twoCounties);
    const { app } = createDashboardApi(ns);
    for (const path of everyRoute) {
      const answer = await getDashboard(app, path, token);
      expect(answer.status, path).toBe(401);
      expect(answer.json().error).toMatchObject({ code: "UNAUTHORIZED" });
      expect(answer.headers.get("www-authenticate")).toContain("staff");
    }
    expect(await ns.redis.exists(ns.keys.staffAudit(yolo), ns.keys.staffAudit(sacramento))).toBe(0);
  });

  test("a dashboard with no tokens configured opens to nobody", async ({ ns }) => {
    const { createTestApi } = await import("./test-support.ts");
    const { app } = createTestApi(ns);
    expect((await getDashboard(app, `/counties/${yolo}/summary`, yoloApprover)).status).toBe(401);
  });
});

describe("county A never sees county B", () => {
  test("a Yolo approver gets 403 from every Sacramento route, with none of its ballots, and the refusal is audited", async ({
    ns,
  }) => {
    await seedCountyBallots(ns, twoCounties);
    const { app } = createDashboardApi(ns);
    for (const route of countyRoutes) {
      const answer = await getDashboard(app, route(sacramento), yoloApprover);
      expect(answer.status, route(sacramento)).toBe(403);
      expect(answer.json().error).toMatchObject({ code: "FORBIDDEN" });
      // Nothing of Sacramento's (its ballot ids, its ZIPs) in the answer; the random request id may hold any digits.
      const { requestId: _requestId, ...error } = answer.json().error as Record<string, unknown>;
      expect(JSON.stringify(error)).not.toContain("S-");
      expect(JSON.stringify(error)).not.toContain("958");
      expect(Object.keys(answer.json())).toEqual(["error"]);
    }
    const audit = await getDashboard(app, `/counties/${sacramento}/audit`, sacramentoApprover);
    const entries = audit.json().entries as { who: string; outcome: string; action: string }[];
    const refused = entries.filter((entry) => entry.who === yoloApprover.name);
    expect(refused).toHaveLength(countyRoutes.length);
    expect(refused.every((entry) => entry.outcome === "denied")).toBe(true);
  });

  test("a Sacramento token reads Sacramento, and Yolo's answers never hold Sacramento's ballots", async ({ ns }) => {
    await seedCountyBallots(ns, twoCounties);
    const { app } = createDashboardApi(ns);
    for (const route of countyRoutes) {
      expect((await getDashboard(app, route(sacramento), sacramentoApprover)).status, route(sacramento)).toBe(200);
      expect((await getDashboard(app, route(yolo), sacramentoApprover)).status, route(yolo)).toBe(403);
      const yoloAnswer = await getDashboard(app, route(yolo), yoloApprover);
      expect(yoloAnswer.status).toBe(200);
      expect(yoloAnswer.text).not.toContain("S-");
    }
  });

  test("/me lists only the token's own county; a state token lists every county", async ({ ns }) => {
    await seedCountyBallots(ns, twoCounties);
    const { app } = createDashboardApi(ns);
    expect((await getDashboard(app, "/me", yoloViewer)).json()).toEqual({
      name: yoloViewer.name,
      role: "viewer",
      scope: yolo,
      counties: [yolo],
    });
    expect((await getDashboard(app, "/me", stateViewer)).json()).toMatchObject({
      scope: "state",
      counties: [sacramento, yolo],
    });
  });

  test("a state approver reads every route of both counties", async ({ ns }) => {
    await seedCountyBallots(ns, twoCounties);
    const { app } = createDashboardApi(ns);
    for (const route of countyRoutes) {
      for (const county of [yolo, sacramento]) {
        expect((await getDashboard(app, route(county), stateApprover)).status, route(county)).toBe(200);
      }
    }
  });

  test("a county code that is not one (path tricks) is refused before anything is read or recorded", async ({ ns }) => {
    const { app } = createDashboardApi(ns);
    for (const county of ["06113%3A*", "06113%7D", "a".repeat(40)]) {
      const answer = await getDashboard(app, `/counties/${county}/summary`, stateApprover);
      expect(answer.status, county).toBe(400);
    }
    expect(await ns.redis.keys(`${ns.keys.prefix}audit:*`)).toEqual([]);
  });
});

describe("secrets and privacy", () => {
  test("no token, hash or voter id reaches the logs or an answer", async ({ ns }) => {
    await seedCountyBallots(ns, twoCounties);
    const api = createDashboardApi(ns);
    const answers: string[] = [];
    for (const path of everyRoute) {
      answers.push((await getDashboard(api.app, path, stateApprover)).text);
      answers.push((await getDashboard(api.app, path, `${stateApprover.token}x`)).text);
    }
    const seen = [...api.logLines(), ...answers].join("\n");
    for (const secret of [stateApprover.token, hashStaffToken(stateApprover.token).toString("hex")]) {
      expect(seen).not.toContain(secret);
    }
    // Voter ids (V-<ballot>) are never in a dashboard answer: ballots are named by their ids only.
    expect(answers.join("\n")).not.toMatch(/V-[YS]-/);
  });
});

describe("roles", () => {
  test.for([
    ["viewer", yoloViewer, { list: 200, csv: 403, audit: 403 }],
    ["operator", yoloOperator, { list: 200, csv: 200, audit: 403 }],
    ["approver", yoloApprover, { list: 200, csv: 200, audit: 200 }],
    ["state viewer", stateViewer, { list: 200, csv: 403, audit: 403 }],
  ] as const)(
    "a %s: summary and lists, exports and the audit log as the role allows",
    async ([, staff, expected], { ns }) => {
      await seedCountyBallots(ns, twoCounties);
      const { app } = createDashboardApi(ns);
      expect((await getDashboard(app, `/counties/${yolo}/summary`, staff)).status).toBe(200);
      const lists = ["summary", "stuck", "undeliverable", "cure-queue", "trends", "feeds", "messages", "subscribers"];
      const reports = ["unreachable", "reports/signups", "reports/ballot-status", "reports/messages"];
      for (const list of [...lists, ...reports]) {
        expect((await getDashboard(app, `/counties/${yolo}/${list}`, staff)).status).toBe(expected.list);
        expect((await getDashboard(app, `/counties/${yolo}/${list}?format=csv`, staff)).status).toBe(expected.csv);
        expect((await getDashboard(app, `/counties/${yolo}/${list}`, staff, { accept: "text/csv" })).status).toBe(
          expected.csv,
        );
      }
      expect((await getDashboard(app, `/counties/${yolo}/audit`, staff)).status).toBe(expected.audit);
    },
  );
});
