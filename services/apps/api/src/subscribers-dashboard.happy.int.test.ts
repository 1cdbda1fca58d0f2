import { RedisSubscriptionStore } from "@ballot/adapters";
import { signLinkToken } from "@ballot/adapters/notifications";
import { describe, expect, test } from "@ballot/testing";
import {
  createDashboardApi,
  getDashboard,
  sacramento,
  seedCountyBallots,
  seedSubscribers,
  type TestSubscriber,
  testStaffTokens,
  twoCounties,
  yolo,
  yoloOperator,
  yoloViewer,
} from "./dashboard-test-support.ts";
import {
  ana,
  callSubscriptions,
  createTestApi,
  notifyRoutesOf,
  seedVoter,
  testLinkSecret,
  testToday,
  tokenFor,
} from "./test-support.ts";

const subscribers: TestSubscriber[] = [
  {
    voterId: "VY1",
    county: yolo,
    zip: "95616",
    language: "es",
    channels: [
      { channel: "email", consent: "confirmed" },
      { channel: "sms", consent: "pending" },
    ],
  },
  {
    voterId: "VY2",
    county: yolo,
    zip: "95616",
    language: "en",
    channels: [{ channel: "sms", consent: "confirmed", language: "vi" }],
  },
  {
    voterId: "VY3",
    county: yolo,
    zip: "95695",
    language: "en",
    channels: [{ channel: "email", consent: "opted_out" }],
  },
  {
    voterId: "VY4",
    county: yolo,
    zip: "95618",
    language: "zh",
    channels: [{ channel: "voice", consent: "confirmed" }],
  },
  {
    voterId: "VS1",
    county: sacramento,
    zip: "95814",
    language: "en",
    channels: [{ channel: "email", consent: "confirmed" }],
  },
];

const later = testToday.getTime() + 60_000;

/** The seeded subscribers, then what the notifier records: a refused number, a YES, a STOP. */
async function seedAndChange(ns: Parameters<typeof seedSubscribers>[0]) {
  await seedSubscribers(ns, subscribers);
  // On the roll, never signed up.
  await seedVoter(ns, {
    voterId: "VY5",
    firstName: "No",
    lastName: "Channel",
    dateOfBirth: "1970-01-01",
    zip: "95616",
    county: yolo,
  });
  const store = new RedisSubscriptionStore(ns.redis, ns.keys);
  await store.markRefused("VY4", "voice", "twilio 21211", later);
  await store.setConsent("VY1", "sms", "confirmed", later);
  await store.setConsent("VY2", "sms", "opted_out", later);
}

const none = { confirmed: 0, pending: 0 };

describe("subscribers", () => {
  test("by channel, standing and language, with voters confirmed, pending and unreachable; CSV too", async ({ ns }) => {
    await seedAndChange(ns);
    const { app } = createDashboardApi(ns);
    const answer = await getDashboard(app, `/counties/${yolo}/subscribers`, yoloViewer);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({
      county: yolo,
      asOf: testToday.toISOString(),
      voters: { onRoll: 5, confirmed: 1, pending: 0, unreachable: 4, allChannelsDead: 3, noChannel: 1 },
      byChannel: {
        email: { confirmed: 1, pending: 0, opted_out: 1, refused: 0 },
        sms: { confirmed: 1, pending: 0, opted_out: 1, refused: 0 },
        voice: { confirmed: 0, pending: 0, opted_out: 0, refused: 1 },
      },
      byLanguage: [{ language: "es", email: { ...none, confirmed: 1 }, sms: { ...none, confirmed: 1 }, voice: none }],
    });
    const csv = await getDashboard(app, `/counties/${yolo}/subscribers?format=csv`, yoloOperator);
    expect(csv.headers.get("content-disposition")).toContain(`${yolo}-subscribers-2026-10-20.csv`);
    expect(csv.text).toBe(
      [
        "channel,language,confirmed,pending,opted_out,refused",
        "email,all,1,0,1,0",
        "sms,all,1,0,1,0",
        "voice,all,0,0,0,1",
        "email,es,1,0,,",
        "sms,es,1,0,,",
        "voice,es,0,0,,",
        "",
      ].join("\r\n"),
    );
    const sac = (await getDashboard(app, `/counties/${sacramento}/subscribers`, yoloViewer)).status;
    expect(sac).toBe(403);
  });

  test("voters who cannot be reached, named by their ballot with each channel's reason, never by voter id", async ({
    ns,
  }) => {
    await seedAndChange(ns);
    const { app } = createDashboardApi(ns);
    // Longest unreachable first (a tie in time by ballot order); the count is the whole list.
    const answer = await getDashboard(app, `/counties/${yolo}/unreachable?limit=2`, yoloViewer);
    // Voters with no channel at all are counted (above), not listed: the list is of those whose channels died.
    expect(answer.json()).toMatchObject({ county: yolo, total: 3, offset: 0, limit: 2 });
    expect(answer.json().items).toEqual([
      {
        ballotId: "B-VY3",
        status: "mailed",
        zip: "95695",
        channels: "email:opted_out",
        unreachableSince: testToday.toISOString(),
      },
      {
        ballotId: "B-VY2",
        status: "mailed",
        zip: "95616",
        channels: "sms:opted_out",
        unreachableSince: new Date(later).toISOString(),
      },
    ]);
    const csv = await getDashboard(app, `/counties/${yolo}/unreachable?format=csv`, yoloOperator);
    expect(csv.text.split("\r\n")).toEqual([
      "ballotId,status,zip,channels,unreachableSince",
      `B-VY3,mailed,95695,email:opted_out,${testToday.toISOString()}`,
      `B-VY2,mailed,95616,sms:opted_out,${new Date(later).toISOString()}`,
      `B-VY4,mailed,95618,voice:refused,${new Date(later).toISOString()}`,
      "",
    ]);
    // The ballot ids (B-<voter>) hold the test voters' ids; a voter id on its own never appears.
    expect(`${answer.text}${csv.text}`).not.toMatch(/(?<!B-)V[YS]\d/);
  });
});

describe("the counts follow the voter's own routes", () => {
  test("a sign-up, its confirmation link, a new address and an unsubscribe move the counts and the report", async ({
    ns,
  }) => {
    await seedVoter(ns, { ...ana, county: yolo });
    const { app } = createTestApi(ns, { staffTokens: testStaffTokens(), notify: notifyRoutesOf(ns) });
    const voter = tokenFor(ana.voterId);
    const figures = async () => (await getDashboard(app, `/counties/${yolo}/subscribers`, yoloViewer)).json();
    expect((await figures()).voters).toMatchObject({ onRoll: 1, noChannel: 1, unreachable: 1 });

    const signUp = {
      language: "es",
      channels: { email: { address: "ana@example.org" }, voice: { address: "9165550199" } },
    };
    expect((await callSubscriptions(app, "PUT", voter, { body: signUp })).status).toBe(200);
    expect(await figures()).toMatchObject({
      voters: { confirmed: 1, noChannel: 0, unreachable: 0 },
      byChannel: { email: { pending: 1 }, voice: { confirmed: 1 } },
    });
    const link = signLinkToken(
      { action: "confirm", voterId: ana.voterId, channel: "email", expiresAtMs: testToday.getTime() + 86_400_000 },
      testLinkSecret,
    );
    expect((await app.request(`/v1/notify/confirm?token=${encodeURIComponent(link)}`)).status).toBe(303);
    expect((await figures()).byLanguage).toEqual([
      { language: "es", email: { confirmed: 1, pending: 0 }, sms: none, voice: { confirmed: 1, pending: 0 } },
    ]);
    // A new address waits for its own confirmation: not a new sign-up.
    const moved = { channels: { email: { address: "ana.lee@example.org" } } };
    expect((await callSubscriptions(app, "PUT", voter, { body: moved })).status).toBe(200);
    expect((await figures()).byChannel).toMatchObject({ email: { confirmed: 0, pending: 1 } });
    expect((await callSubscriptions(app, "DELETE", voter)).status).toBe(200);
    expect(await figures()).toMatchObject({
      voters: { confirmed: 0, allChannelsDead: 1, unreachable: 1 },
      byChannel: { email: { opted_out: 1 }, voice: { opted_out: 1 } },
    });
    const report = await getDashboard(app, `/counties/${yolo}/reports/signups?days=1&format=csv`, yoloOperator);
    expect(report.text).toBe(
      "day,channel,signup,enrolled,confirmed,opted_out\r\n2026-10-20,email,1,0,1,1\r\n2026-10-20,sms,0,0,0,0\r\n2026-10-20,voice,1,0,0,1\r\n",
    );
  });
});

describe("the three daily reports", () => {
  test("sign-ups: per day and channel, sign-ups, confirmations and opt-outs, with the subscribers now", async ({
    ns,
  }) => {
    await seedAndChange(ns);
    const { app } = createDashboardApi(ns);
    const answer = (await getDashboard(app, `/counties/${yolo}/reports/signups?days=2`, yoloViewer)).json();
    const zero = { signup: 0, enrolled: 0, confirmed: 0, opted_out: 0 };
    expect(answer.days).toEqual([
      { day: "2026-10-19", total: zero, email: zero, sms: zero, voice: zero },
      {
        day: "2026-10-20",
        total: { ...zero, signup: 4, confirmed: 1, opted_out: 1 },
        email: { ...zero, signup: 1 },
        sms: { ...zero, signup: 2, confirmed: 1, opted_out: 1 },
        voice: { ...zero, signup: 1 },
      },
    ]);
    expect(answer.now).toMatchObject({ voters: { confirmed: 1, pending: 0, unreachable: 4, noChannel: 1 } });
    const csv = await getDashboard(app, `/counties/${yolo}/reports/signups?days=1&format=csv`, yoloOperator);
    expect(csv.text).toBe(
      "day,channel,signup,enrolled,confirmed,opted_out\r\n2026-10-20,email,1,0,0,0\r\n2026-10-20,sms,2,0,1,1\r\n2026-10-20,voice,1,0,0,0\r\n",
    );
  });

  test("ballot status: per day the ballots reaching each status, and the ballots at each status now", async ({
    ns,
  }) => {
    await seedCountyBallots(ns, twoCounties);
    await ns.redis.hset(ns.keys.countyTrends(yolo), {
      "2026-10-19:mailed": "40",
      "2026-10-20:received": "5",
      "2026-10-20:cure_pending": "2",
      "2026-10-01:mailed": "999",
    });
    const { app } = createDashboardApi(ns);
    const answer = (await getDashboard(app, `/counties/${yolo}/reports/ballot-status?days=2`, yoloViewer)).json();
    const days = answer.days as Record<string, number | string>[];
    expect(days.map((day) => [day.day, day.mailed, day.received, day.cure_pending])).toEqual([
      // The received ballot the seeding wrote (a day ago) is there with the counts set by hand.
      ["2026-10-19", 40, 1, 0],
      ["2026-10-20", 0, 5, 2],
    ]);
    expect(answer.now).toMatchObject({ total: 6, stuck: 1, undeliverable: 1, cureQueue: 1 });
    expect((answer.now as { byStatus: Record<string, number> }).byStatus).toMatchObject({ in_transit: 2, accepted: 1 });
    const csv = await getDashboard(app, `/counties/${yolo}/reports/ballot-status?days=1&format=csv`, yoloOperator);
    const [header, today, now, end] = csv.text.split("\r\n");
    expect(header?.split(",").slice(0, 3)).toEqual(["day", "issued", "mailed"]);
    expect(today?.startsWith("2026-10-20,")).toBe(true);
    const column = (row: string | undefined, status: string) =>
      row?.split(",")[(header?.split(",") ?? []).indexOf(status)];
    expect([column(today, "received"), column(today, "cure_pending")]).toEqual(["5", "2"]);
    expect([now?.split(",")[0], column(now, "in_transit"), column(now, "accepted")]).toEqual(["now", "2", "1"]);
    expect(end).toBe("");
  });

  test("messages: the same daily report as the messages route", async ({ ns }) => {
    await ns.redis.hset(ns.keys.messageCounts(yolo), { "2026-10-20:sms:sent": "4", "2026-10-20:sms:dead": "2" });
    const { app } = createDashboardApi(ns);
    const report = await getDashboard(app, `/counties/${yolo}/reports/messages?days=1&format=csv`, yoloOperator);
    const route = await getDashboard(app, `/counties/${yolo}/messages?days=1&format=csv`, yoloOperator);
    expect(report.text).toBe(route.text);
    expect(report.text).toContain("2026-10-20,sms,4,0,0,2");
  });
});
