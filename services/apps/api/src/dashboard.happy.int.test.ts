import type { BallotEvidence } from "@ballot/core";
import { describe, expect, test } from "@ballot/testing";
import {
  county,
  createDashboardApi,
  daysAgo,
  getDashboard,
  mailed,
  sacramento,
  sacramentoApprover,
  scanned,
  seedCountyBallots,
  stateApprover,
  twoCounties,
  yolo,
  yoloApprover,
  yoloOperator,
  yoloViewer,
} from "./dashboard-test-support.ts";

describe("county summary", () => {
  test("counts by status and ZIP, stuck, undeliverable, cure queue and received-not-accepted, from the counters", async ({
    ns,
  }) => {
    await seedCountyBallots(ns, twoCounties);
    const { app } = createDashboardApi(ns);
    const answer = await getDashboard(app, `/counties/${yolo}/summary`, yoloViewer);
    expect(answer.status).toBe(200);
    const summary = answer.json();
    expect(summary).toMatchObject({
      county: yolo,
      stuckAfterDays: 7,
      total: 6,
      stuck: 1,
      inMail: 2,
      undeliverable: 1,
      cureQueue: 1,
      receivedNotAccepted: 1,
    });
    expect(summary.byStatus).toMatchObject({
      in_transit: 2,
      undeliverable: 1,
      cure_pending: 1,
      received: 1,
      accepted: 1,
      mailed: 0,
    });
    expect(summary.byZip).toBeUndefined();
    const zips = (await getDashboard(app, `/counties/${yolo}/zips`, yoloViewer)).json();
    expect(zips.county).toBe(yolo);
    expect(zips.byZip).toEqual([
      { zip: "95616", total: 3, byStatus: { in_transit: 2, received: 1 } },
      { zip: "95618", total: 1, byStatus: { accepted: 1 } },
      { zip: "95695", total: 2, byStatus: { undeliverable: 1, cure_pending: 1 } },
    ]);
  });

  test("ballots by status and by ZIP as CSV", async ({ ns }) => {
    await seedCountyBallots(ns, twoCounties);
    const { app } = createDashboardApi(ns);
    const csv = await getDashboard(app, `/counties/${yolo}/summary?format=csv`, yoloOperator);
    const lines = csv.text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("zip,status,ballots");
    expect(lines).toContain("all,in_transit,2");
    expect(lines).toContain("all,mailed,0");
    expect(lines).toContain("95695,cure_pending,1");
    expect(csv.text).not.toContain("9581");
  });

  test("stuckDays moves the line: after 15 days of silence neither Yolo ballot in the mail is stuck", async ({
    ns,
  }) => {
    await seedCountyBallots(ns, twoCounties);
    const { app } = createDashboardApi(ns);
    expect((await getDashboard(app, `/counties/${yolo}/summary?stuckDays=15`, yoloViewer)).json().stuck).toBe(0);
    expect((await getDashboard(app, `/counties/${yolo}/summary?stuckDays=1`, yoloViewer)).json().stuck).toBe(1);
    const bad = await getDashboard(app, `/counties/${yolo}/summary?stuckDays=0`, yoloViewer);
    expect(bad.status).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "VALIDATION_FAILED", details: { field: "stuckDays" } });
  });

  test("one reading serves every viewer for the cache's while, then the counters are read again", async ({ ns }) => {
    await seedCountyBallots(ns, twoCounties);
    const cached = createDashboardApi(ns, 60_000).app;
    const uncached = createDashboardApi(ns, 0).app;
    expect((await getDashboard(cached, `/counties/${yolo}/summary`, yoloViewer)).json().total).toBe(6);
    await seedCountyBallots(ns, [{ ballotId: "Y-NEW", county: yolo, zip: "95616" }]);
    const again = await getDashboard(cached, `/counties/${yolo}/summary`, stateApprover);
    expect(again.headers.get("content-type")).toBe("application/json");
    expect(again.json().total).toBe(6);
    expect((await getDashboard(cached, `/counties/${yolo}/summary?stuckDays=8`, yoloViewer)).json().total).toBe(7);
    expect((await getDashboard(uncached, `/counties/${yolo}/summary`, yoloViewer)).json().total).toBe(7);
    // Authorisation is never cached: the county next door still gets 403.
    expect((await getDashboard(cached, `/counties/${yolo}/summary`, sacramentoApprover)).status).toBe(403);
  });

  test("a county with no ballots answers zeros", async ({ ns }) => {
    const { app } = createDashboardApi(ns);
    const summary = (await getDashboard(app, `/counties/06001/summary`, stateApprover)).json();
    expect(summary).toMatchObject({ county: "06001", total: 0, stuck: 0 });
    expect((await getDashboard(app, `/counties/06001/zips`, stateApprover)).json().byZip).toEqual([]);
  });
});

describe("lists", () => {
  test("stuck ballots: ids, status and when last seen, nothing about the voter", async ({ ns }) => {
    await seedCountyBallots(ns, twoCounties);
    const { app } = createDashboardApi(ns);
    const answer = (await getDashboard(app, `/counties/${yolo}/stuck`, yoloViewer)).json();
    expect(answer).toMatchObject({ county: yolo, total: 1, offset: 0, limit: 100, stuckAfterDays: 7 });
    expect(answer.items).toEqual([
      {
        ballotId: "Y-STUCK",
        ballotKey: expect.stringMatching(/^271828:\d{9}$/),
        status: "in_transit",
        statusAt: "2026-10-08T12:00:00.000Z",
        zip: "95616",
        lastSeenAt: "2026-10-08T12:00:00.000Z",
      },
    ]);
    expect(JSON.stringify(answer)).not.toContain("V-");
  });

  test("entry scan without exit scan: a leg begun long ago with no delivery or receipt, however many scans since", async ({
    ns,
  }) => {
    const usps = (leg: "outbound" | "return", milestone: "in_transit" | "delivered", daysBefore: number) =>
      ({ kind: "usps", leg, milestone, occurredAtMs: daysAgo(daysBefore) }) satisfies BallotEvidence;
    const back = (daysBefore: number) => usps("return", "in_transit", daysBefore);
    const delivered = (daysBefore: number) => usps("outbound", "delivered", daysBefore);
    await seedCountyBallots(ns, [
      { ballotId: "Y-LOOPING", county: yolo, zip: "95616", evidence: [mailed(20), scanned(14), scanned(1)] },
      { ballotId: "Y-FRESH", county: yolo, zip: "95616", evidence: [mailed(5), scanned(3)] },
      { ballotId: "Y-DELIVERED", county: yolo, zip: "95616", evidence: [mailed(20), scanned(14), delivered(10)] },
      { ballotId: "Y-RETURNING", county: yolo, zip: "95618", evidence: [mailed(20), delivered(15), back(9)] },
      // Delivered back to the county office (the return leg's exit scan), not yet logged as received.
      {
        ballotId: "Y-AT-OFFICE",
        county: yolo,
        zip: "95618",
        evidence: [mailed(20), back(12), usps("return", "delivered", 10)],
      },
      { ballotId: "Y-BACK", county: yolo, zip: "95618", evidence: [mailed(20), back(9), county("received", 5)] },
    ]);
    const { app } = createDashboardApi(ns);
    const answer = (await getDashboard(app, `/counties/${yolo}/entry-no-exit`, yoloViewer)).json();
    expect(answer).toMatchObject({ county: yolo, total: 2, stuckAfterDays: 7 });
    expect(answer.items).toEqual([
      expect.objectContaining({
        ballotId: "Y-LOOPING",
        status: "in_transit",
        enteredMailAt: "2026-10-06T12:00:00.000Z",
      }),
      expect.objectContaining({
        ballotId: "Y-RETURNING",
        status: "returned_by_voter",
        enteredMailAt: "2026-10-11T12:00:00.000Z",
      }),
    ]);
    // Seen yesterday, so not stuck by silence: only this list finds it.
    const summary = (await getDashboard(app, `/counties/${yolo}/summary`, yoloViewer)).json();
    expect(summary).toMatchObject({ stuck: 0, entryNoExit: 2, receivedNotAccepted: 1 });
    expect((await getDashboard(app, `/counties/${yolo}/entry-no-exit?stuckDays=12`, yoloViewer)).json().total).toBe(1);
    const csv = await getDashboard(app, `/counties/${yolo}/entry-no-exit?format=csv`, yoloOperator);
    expect(csv.text.split("\r\n")[0]).toBe("ballotId,ballotKey,status,statusAt,zip,enteredMailAt");
  });

  test("received and not yet accepted, rejected or counted, the longest waiting first", async ({ ns }) => {
    await seedCountyBallots(ns, twoCounties);
    await seedCountyBallots(ns, [
      { ballotId: "Y-WAITING", county: yolo, zip: "95616", evidence: [mailed(15), county("received", 6)] },
    ]);
    const { app } = createDashboardApi(ns);
    const answer = (await getDashboard(app, `/counties/${yolo}/received-not-accepted`, yoloViewer)).json();
    expect(answer.total).toBe(2);
    const items = answer.items as { ballotId: string }[];
    expect(items.map((item) => item.ballotId)).toEqual(["Y-WAITING", "Y-RECEIVED"]);
    expect(items[0]).toMatchObject({ status: "received", receivedAt: "2026-10-14T12:00:00.000Z" });
  });

  test("the cure queue, nearest deadline first, with reason and deadline", async ({ ns }) => {
    await seedCountyBallots(ns, twoCounties);
    const { app } = createDashboardApi(ns);
    const answer = (await getDashboard(app, `/counties/${yolo}/cure-queue`, yoloViewer)).json();
    expect(answer.items).toEqual([
      expect.objectContaining({
        ballotId: "Y-CURE",
        status: "cure_pending",
        reasonCode: "signature_mismatch",
        cureDeadline: "2026-11-05",
        cureDeadlineAt: "2026-11-05T23:59:59.000Z",
      }),
    ]);
  });

  test("undeliverable ballots, paged", async ({ ns }) => {
    await seedCountyBallots(
      ns,
      Array.from({ length: 5 }, (_, index) => ({
        ballotId: `U${index}`,
        county: yolo,
        zip: "95616",
        evidence: [
          { kind: "county", status: "mailed", occurredAtMs: Date.parse("2026-10-01T00:00:00Z") },
          {
            kind: "usps",
            leg: "outbound",
            milestone: "undeliverable",
            occurredAtMs: Date.parse(`2026-10-0${index + 2}T00:00:00Z`),
          },
        ],
      })),
    );
    const { app } = createDashboardApi(ns);
    const first = (await getDashboard(app, `/counties/${yolo}/undeliverable?limit=2`, yoloViewer)).json();
    expect(first).toMatchObject({ total: 5, offset: 0, limit: 2 });
    expect((first.items as { ballotId: string }[]).map((item) => item.ballotId)).toEqual(["U0", "U1"]);
    const last = (await getDashboard(app, `/counties/${yolo}/undeliverable?limit=2&offset=4`, yoloViewer)).json();
    expect((last.items as { ballotId: string }[]).map((item) => item.ballotId)).toEqual(["U4"]);
    expect((await getDashboard(app, `/counties/${yolo}/undeliverable?limit=5000`, yoloViewer)).status).toBe(400);
  });
});

describe("CSV exports", () => {
  test("the whole list, with a header row, as an attachment; no voter ids", async ({ ns }) => {
    await seedCountyBallots(
      ns,
      Array.from({ length: 2500 }, (_, index) => ({
        ballotId: `C${String(index).padStart(5, "0")}`,
        county: yolo,
        zip: "95616",
        evidence: [
          { kind: "county", status: "mailed", occurredAtMs: Date.parse("2026-10-01T00:00:00Z") },
          {
            kind: "county",
            status: "rejected",
            reasonCode: "signature_missing",
            cureDeadline: "2026-11-05",
            occurredAtMs: Date.parse("2026-10-10T00:00:00Z") + index * 1000,
          },
        ],
      })),
    );
    const { app } = createDashboardApi(ns);
    const answer = await getDashboard(app, `/counties/${yolo}/cure-queue?format=csv`, yoloOperator);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toBe(`attachment; filename="${yolo}-cure-queue-2026-10-20.csv"`);
    const lines = answer.text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("ballotId,ballotKey,status,statusAt,zip,reasonCode,cureDeadline,cureDeadlineAt");
    expect(lines).toHaveLength(2501);
    expect(new Set(lines.slice(1).map((line) => line.split(",")[0])).size).toBe(2500);
    expect(lines[1]).toMatch(
      /^C\d{5},271828:\d{9},cure_pending,2026-10-10T[\d:.]+Z,95616,signature_missing,2026-11-05,2026-11-05T23:59:59.000Z$/,
    );
    expect(answer.text).not.toContain("V-");
  });

  test("Accept: text/csv exports as well; a stuck export has the last-seen column", async ({ ns }) => {
    await seedCountyBallots(ns, twoCounties);
    const { app } = createDashboardApi(ns);
    const answer = await getDashboard(app, `/counties/${sacramento}/stuck`, stateApprover, { accept: "text/csv" });
    expect(answer.text).toMatch(/^ballotId,ballotKey,status,statusAt,zip,lastSeenAt\r\nS-STUCK,271828:\d{9},mailed,/);
  });
});

describe("trends per day", () => {
  test("the last N California days, every day present, rejections with a cure pending among the rejected", async ({
    ns,
  }) => {
    await ns.redis.hset(ns.keys.countyTrends(yolo), {
      "2026-10-18:mailed": "40",
      "2026-10-19:returned_by_voter": "7",
      "2026-10-20:received": "5",
      "2026-10-20:accepted": "3",
      "2026-10-20:rejected": "1",
      "2026-10-20:cure_pending": "2",
      "2026-09-01:mailed": "999",
    });
    const { app } = createDashboardApi(ns);
    const answer = (await getDashboard(app, `/counties/${yolo}/trends?days=3`, yoloViewer)).json();
    const zero = { mailed: 0, returned: 0, received: 0, accepted: 0, rejected: 0, cured: 0, counted: 0 };
    expect(answer.days).toEqual([
      { ...zero, day: "2026-10-18", mailed: 40 },
      { ...zero, day: "2026-10-19", returned: 7 },
      { ...zero, day: "2026-10-20", received: 5, accepted: 3, rejected: 3 },
    ]);
    const csv = await getDashboard(app, `/counties/${yolo}/trends?days=2&format=csv`, yoloOperator);
    expect(csv.text).toBe(
      "day,mailed,returned,received,accepted,rejected,cured,counted\r\n2026-10-19,0,7,0,0,0,0,0\r\n2026-10-20,0,0,5,3,3,0,0\r\n",
    );
  });
});

describe("feed health", () => {
  test("USPS feeds and the county's own uploads, never another county's", async ({ ns }) => {
    const { RedisFeedHealth } = await import("@ballot/adapters/redis/feed-health");
    const feedHealth = new RedisFeedHealth(ns.redis, ns.keys);
    const at = Date.parse("2026-10-20T11:00:00Z");
    const batch = { accepted: 8, duplicate: 1, foreign: 0, rejected: 1, reasons: ["tracking code is not 20 digits"] };
    await feedHealth.record("usps.ivmtr", batch, at, at - 90_000);
    await feedHealth.record(`county.${yolo}.statuses`, batch, at);
    await feedHealth.record(`county.${sacramento}.statuses`, batch, at);
    const { app } = createDashboardApi(ns);
    const answer = (await getDashboard(app, `/counties/${yolo}/feeds`, yoloViewer)).json();
    expect((answer.feeds as { source: string }[]).map((feed) => feed.source)).toEqual([
      `county.${yolo}.statuses`,
      "usps.ivmtr",
    ]);
    expect((answer.feeds as unknown[])[1]).toEqual({
      source: "usps.ivmtr",
      lastRecordAt: "2026-10-20T11:00:00.000Z",
      lagMs: 90_000,
      today: { records: 10, accepted: 8, duplicate: 1, foreign: 0, rejected: 1 },
      rejectedReasons: [{ reason: "tracking code is not 20 digits", count: 1 }],
    });
    const csv = await getDashboard(app, `/counties/${yolo}/feeds?format=csv`, yoloOperator);
    expect(csv.text).toContain("usps.ivmtr,2026-10-20T11:00:00.000Z,90000,10,8,1,0,1");
    expect(csv.text).not.toContain(sacramento);
  });
});

describe("messages per day", () => {
  test("by channel and outcome, from the notifier's counts, with the daily messages report as CSV", async ({ ns }) => {
    await ns.redis.hset(ns.keys.messageCounts(yolo), {
      "2026-10-19:email:sent": "10",
      "2026-10-19:email:delivered": "9",
      "2026-10-19:email:failed": "1",
      "2026-10-20:sms:sent": "4",
      "2026-10-20:sms:dead": "2",
      "2026-10-20:voice:sent": "1",
    });
    await ns.redis.hset(ns.keys.messageCounts(sacramento), { "2026-10-20:sms:sent": "99" });
    const { app } = createDashboardApi(ns);
    const answer = (await getDashboard(app, `/counties/${yolo}/messages?days=2`, yoloViewer)).json();
    const none = { sent: 0, delivered: 0, failed: 0, dead: 0 };
    expect(answer.days).toEqual([
      {
        day: "2026-10-19",
        total: { sent: 10, delivered: 9, failed: 1, dead: 0 },
        email: { sent: 10, delivered: 9, failed: 1, dead: 0 },
        sms: none,
        voice: none,
      },
      {
        day: "2026-10-20",
        total: { sent: 5, delivered: 0, failed: 0, dead: 2 },
        email: none,
        sms: { sent: 4, delivered: 0, failed: 0, dead: 2 },
        voice: { ...none, sent: 1 },
      },
    ]);
    const csv = await getDashboard(app, `/counties/${yolo}/messages?days=1&format=csv`, yoloOperator);
    expect(csv.text).toBe(
      "day,channel,sent,delivered,failed,dead\r\n2026-10-20,email,0,0,0,0\r\n2026-10-20,sms,4,0,0,2\r\n2026-10-20,voice,1,0,0,0\r\n",
    );
  });
});

describe("audit log", () => {
  test("every staff action is recorded with who, what, when and the county, newest first", async ({ ns }) => {
    await seedCountyBallots(ns, twoCounties);
    const { app } = createDashboardApi(ns);
    await getDashboard(app, `/counties/${yolo}/summary`, yoloViewer);
    await getDashboard(app, `/counties/${yolo}/stuck?format=csv`, yoloOperator);
    await getDashboard(app, `/counties/${yolo}/audit?format=csv`, yoloViewer);
    await getDashboard(app, `/counties/${yolo}/cure-queue`, stateApprover);
    // A read of the log is recorded once it has answered: it shows what came before it.
    const answer = (await getDashboard(app, `/counties/${yolo}/audit`, yoloApprover)).json();
    expect(answer.entries).toEqual([
      expect.objectContaining({ who: stateApprover.name, scope: "state", action: "GET cure-queue", county: yolo }),
      expect.objectContaining({ who: yoloViewer.name, action: "GET audit csv", outcome: "denied", result: 403 }),
      expect.objectContaining({ who: yoloOperator.name, role: "operator", action: "GET stuck csv", result: 200 }),
      {
        id: expect.stringMatching(/^\d+-\d+$/),
        at: "2026-10-20T12:00:00.000Z",
        who: yoloViewer.name,
        role: "viewer",
        scope: yolo,
        county: yolo,
        action: "GET summary",
        outcome: "allowed",
      },
    ]);
    const csv = await getDashboard(app, `/counties/${yolo}/audit?format=csv`, yoloApprover);
    const lines = csv.text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at,who,role,scope,county,action,outcome,result");
    // An export is recorded as its answer starts, before the rows stream: the file holds its own line.
    expect(lines.slice(1).map((line) => line.split(",").slice(6).join(","))).toEqual([
      "GET audit csv,allowed,200",
      "GET audit,allowed,200",
      "GET cure-queue,allowed,",
      "GET audit csv,denied,403",
      "GET stuck csv,allowed,200",
      "GET summary,allowed,",
    ]);
  });

  test("paged with before=<id>", async ({ ns }) => {
    const { app } = createDashboardApi(ns);
    for (const view of ["summary", "stuck", "undeliverable", "cure-queue", "trends"]) {
      await getDashboard(app, `/counties/${yolo}/${view}`, yoloViewer);
    }
    const actionsOf = (page: Record<string, unknown>) =>
      (page.entries as { action: string }[]).map((entry) => entry.action);
    const first = (await getDashboard(app, `/counties/${yolo}/audit?limit=3`, yoloApprover)).json();
    expect(actionsOf(first)).toEqual(["GET trends", "GET cure-queue", "GET undeliverable"]);
    const rest = (await getDashboard(app, `/counties/${yolo}/audit?limit=3&before=${first.next}`, yoloApprover)).json();
    expect(actionsOf(rest)).toEqual(["GET stuck", "GET summary"]);
    expect(rest.next).toBeUndefined();
  });

  test("a page left open is recorded once per person and view; exports and refusals every time", async ({ ns }) => {
    const { app } = createDashboardApi(ns);
    for (let index = 0; index < 5; index += 1) {
      await getDashboard(app, `/counties/${yolo}/summary`, yoloViewer);
      await getDashboard(app, `/counties/${yolo}/summary`, yoloOperator);
      await getDashboard(app, `/counties/${yolo}/stuck?format=csv`, yoloOperator);
      await getDashboard(app, `/counties/${yolo}/stuck?format=csv`, yoloViewer);
    }
    const entries = (await getDashboard(app, `/counties/${yolo}/audit?limit=1000`, yoloApprover)).json().entries as {
      who: string;
      action: string;
      outcome: string;
    }[];
    const times = (who: string, action: string, outcome = "allowed") =>
      entries.filter((entry) => entry.who === who && entry.action === action && entry.outcome === outcome).length;
    expect(times(yoloViewer.name, "GET summary")).toBe(1);
    expect(times(yoloOperator.name, "GET summary")).toBe(1);
    expect(times(yoloOperator.name, "GET stuck csv")).toBe(5);
    expect(times(yoloViewer.name, "GET stuck csv", "denied")).toBe(5);
  });
});
