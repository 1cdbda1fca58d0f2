import { describe, expect, test } from "@ballot/testing";
import {
  county,
  createDashboardApi,
  getDashboard,
  mailed,
  sacramento,
  seedSubscribers,
  sendDashboard,
  type TestSubscriber,
  yolo,
  yoloApprover,
  yoloOperator,
  yoloViewer,
} from "./dashboard-test-support.ts";

/** Yolo's subscribers (one of them reachable by no channel) and one of Sacramento's. */
export const subscribers: readonly TestSubscriber[] = [
  {
    voterId: "Y1",
    county: yolo,
    zip: "95616",
    language: "en",
    channels: [
      { channel: "email", consent: "confirmed" },
      { channel: "sms", consent: "confirmed" },
    ],
  },
  {
    voterId: "Y2",
    county: yolo,
    zip: "95616",
    language: "es",
    evidence: [mailed(15), county("received", 1)],
    channels: [
      { channel: "email", consent: "confirmed" },
      { channel: "sms", consent: "pending" },
    ],
  },
  {
    voterId: "Y3",
    county: yolo,
    zip: "95618",
    language: "vi",
    channels: [
      { channel: "sms", consent: "confirmed" },
      { channel: "voice", consent: "confirmed", language: "en" },
    ],
  },
  { voterId: "Y4", county: yolo, zip: "95616", language: "zh", channels: [{ channel: "email", consent: "opted_out" }] },
  {
    voterId: "S1",
    county: sacramento,
    zip: "95814",
    language: "en",
    channels: [{ channel: "email", consent: "confirmed" }],
  },
];

export const placeChange = {
  kind: "polling_place_change",
  variables: { placeName: "Veterans Memorial Hall", placeAddress: "203 E 14th St, Davis" },
  audience: { electionId: "2026-11-03-general", zips: ["95616"] },
};

describe("broadcasts: draft, preview, approve, send", () => {
  test("an operator drafts, the preview counts the exact audience and shows every language, a different approver approves, the operator sends", async ({
    ns,
  }) => {
    await seedSubscribers(ns, subscribers);
    const { app } = createDashboardApi(ns);
    const created = await sendDashboard(app, "POST", `/counties/${yolo}/broadcasts`, yoloOperator, placeChange);
    expect(created.status, created.text).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({
      county: yolo,
      status: "draft",
      createdBy: yoloOperator.name,
      kind: "polling_place_change",
    });
    const id = draft.id as string;

    const preview = await sendDashboard(app, "GET", `/counties/${yolo}/broadcasts/${id}/preview`, yoloOperator);
    expect(preview.status, preview.text).toBe(200);
    const body = preview.json() as {
      audience: {
        voters: number;
        messages: number;
        byChannel: Record<string, number>;
        byLanguage: Record<string, Record<string, number>>;
      };
      messages: Record<string, Record<string, { text?: string; subject?: string; segments?: number; says?: string[] }>>;
      passMs: number;
    };
    // Y1 (email and SMS) and Y2 (email; the SMS waits for a YES) in 95616; Y3 is in another ZIP, Y4 opted out, S1 is
    // Sacramento's.
    expect(body.audience).toMatchObject({
      voters: 2,
      messages: 3,
      byChannel: { email: 2, sms: 1, voice: 0, total: 3 },
    });
    expect(body.audience.byLanguage.en).toEqual({ email: 1, sms: 1, voice: 0, total: 2 });
    expect(body.audience.byLanguage.es).toEqual({ email: 1, sms: 0, voice: 0, total: 1 });
    expect(body.audience.byLanguage.zh).toEqual({ email: 0, sms: 0, voice: 0, total: 0 });
    expect(Object.keys(body.messages)).toEqual(["en", "es", "zh", "hi", "ja", "km", "ko", "tl", "th", "vi"]);
    for (const [language, byChannel] of Object.entries(body.messages)) {
      expect(byChannel.email?.subject, language).toBeTruthy();
      expect(byChannel.email?.text, language).toContain("Veterans Memorial Hall");
      expect(byChannel.sms?.text, language).toContain("203 E 14th St, Davis");
      expect(byChannel.sms?.segments, language).toBeLessThanOrEqual(2);
      expect(byChannel.voice?.says?.join(" "), language).toContain("Veterans Memorial Hall");
    }
    expect(body.messages.es?.email?.subject).toBe("Cambió su lugar de votación");
    expect(body.passMs).toBeGreaterThanOrEqual(0);

    const approved = await sendDashboard(app, "POST", `/counties/${yolo}/broadcasts/${id}/approve`, yoloApprover);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", approvedBy: yoloApprover.name });

    const sent = await sendDashboard(app, "POST", `/counties/${yolo}/broadcasts/${id}/send`, yoloOperator);
    expect(sent.status, sent.text).toBe(200);
    expect(sent.json()).toMatchObject({ status: "sending", sentBy: yoloOperator.name });
    // The notifier finds it in the sending queue.
    expect(await ns.redis.zscore(ns.keys.broadcastsSending(), `${yolo}|${id}`)).not.toBeNull();

    const list = await getDashboard(app, `/counties/${yolo}/broadcasts`, yoloViewer);
    expect(list.status).toBe(200);
    expect(list.json().broadcasts).toMatchObject([{ id, status: "sending", createdBy: yoloOperator.name }]);
    const one = await getDashboard(app, `/counties/${yolo}/broadcasts/${id}`, yoloViewer);
    expect(one.json()).toMatchObject({ id, approvedBy: yoloApprover.name, audience: placeChange.audience });

    const audit = (await getDashboard(app, `/counties/${yolo}/audit`, yoloApprover)).json().entries as {
      who: string;
      action: string;
      outcome: string;
    }[];
    expect(audit.map(({ who, action, outcome }) => `${who} ${action} ${outcome}`)).toEqual(
      expect.arrayContaining([
        `${yoloOperator.name} POST broadcasts allowed`,
        `${yoloOperator.name} GET broadcast preview allowed`,
        `${yoloApprover.name} POST broadcast approve ${id} allowed`,
        `${yoloOperator.name} POST broadcast send ${id} allowed`,
      ]),
    );
  });

  test("the audience follows the filters: status, ZIP, and the county alone", async ({ ns }) => {
    await seedSubscribers(ns, subscribers);
    const { app } = createDashboardApi(ns);
    const audienceOf = async (audience: Record<string, unknown>) => {
      const created = await sendDashboard(app, "POST", `/counties/${yolo}/broadcasts`, yoloOperator, {
        kind: "deadline_reminder",
        variables: { deadline: "2026-11-03" },
        audience,
      });
      expect(created.status, created.text).toBe(201);
      const preview = await sendDashboard(
        app,
        "GET",
        `/counties/${yolo}/broadcasts/${created.json().id}/preview`,
        yoloOperator,
      );
      return (preview.json() as { audience: { voters: number; messages: number } }).audience;
    };
    expect(await audienceOf({})).toMatchObject({ voters: 3, messages: 5 });
    expect(await audienceOf({ statuses: ["received"] })).toMatchObject({ voters: 1, messages: 1 });
    expect(await audienceOf({ zips: ["95618"] })).toMatchObject({ voters: 1, messages: 2 });
    expect(await audienceOf({ electionId: "2027-03-02-special" })).toMatchObject({ voters: 0, messages: 0 });
  });

  test("the kill switch stops a sending broadcast; a draft can be cancelled too", async ({ ns }) => {
    const { app } = createDashboardApi(ns);
    const create = async () =>
      (await sendDashboard(app, "POST", `/counties/${yolo}/broadcasts`, yoloOperator, placeChange)).json().id as string;
    const sending = await create();
    await sendDashboard(app, "POST", `/counties/${yolo}/broadcasts/${sending}/approve`, yoloApprover);
    await sendDashboard(app, "POST", `/counties/${yolo}/broadcasts/${sending}/send`, yoloOperator);
    const cancelled = await sendDashboard(app, "POST", `/counties/${yolo}/broadcasts/${sending}/cancel`, yoloOperator);
    expect(cancelled.json()).toMatchObject({ status: "cancelled", cancelledBy: yoloOperator.name });
    const draft = await create();
    expect(
      (await sendDashboard(app, "POST", `/counties/${yolo}/broadcasts/${draft}/cancel`, yoloOperator)).json(),
    ).toMatchObject({
      status: "cancelled",
    });
  });
});
