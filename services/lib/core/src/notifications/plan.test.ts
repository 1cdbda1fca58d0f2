import { describe, expect, it } from "vitest";
import { sampleCountySettings as county } from "../../test-data/county-settings.ts";
import { applySmsKeyword, parseSmsKeyword } from "./keywords.ts";
import { type Notice, noticeOfAlert, noticeOfStatusChange } from "./milestones.ts";
import { type HeldMessage, planNotifications } from "./plan.ts";
import { type Channel, changeContact, enrollFromRoll, type Subscription } from "./subscription.ts";

const ids = { ballotKey: "123456:000001", ballotId: "B1", voterId: "V1", county: "06999" };
const change = (
  from: Notice["status"] | null,
  to: NonNullable<Notice["status"]>,
  occurredAt = "2026-10-10T18:00:00Z",
) => ({ ...ids, from: from ?? null, to, occurredAt }) as const;
const subscription: Subscription = {
  voterId: "V1",
  language: "es",
  channels: [
    { channel: "email", address: "v@example.org", consent: "confirmed", source: "voter", updatedAtMs: 0 },
    { channel: "sms", address: "+15555550123", consent: "pending", source: "voter", updatedAtMs: 0 },
    {
      channel: "voice",
      address: "+15555550124",
      consent: "confirmed",
      language: "en",
      source: "voter",
      updatedAtMs: 0,
    },
  ],
};
const noon = Date.parse("2026-10-10T19:00:00Z");
const night = Date.parse("2026-10-11T07:00:00Z");

describe("milestones", () => {
  it.each([
    ["mailed", "handed_to_usps"],
    ["in_transit", "handed_to_usps"],
    ["out_for_delivery", "expected_delivery"],
    ["delivered", "delivered"],
    ["undeliverable", "undeliverable"],
    ["returned_by_voter", "back_in_mail"],
    ["received", "received"],
    ["rejected", "not_counted"],
    ["cure_pending", "not_counted"],
    ["cured", "cured"],
    ["accepted", "counted"],
    ["counted", "counted"],
  ] as const)("%s tells the voter %s", (to, milestone) => {
    expect(noticeOfStatusChange(change("issued", to))?.milestone).toBe(milestone);
  });

  it.each(["issued", "superseded"] as const)("%s is not news", (to) => {
    expect(noticeOfStatusChange(change(null, to))).toBeUndefined();
  });

  it("a move to a lower-ranked status is a correction, once per corrected pair", () => {
    const notice = noticeOfStatusChange(change("counted", "received"));
    expect(notice).toMatchObject({ milestone: "correction", topic: "correction:counted>received", status: "received" });
  });

  it("not counted carries the reason, the cure deadline and the ballot's cure link", () => {
    const notice = noticeOfStatusChange(change("received", "cure_pending"), {
      rejection: { reasonCode: "signature_missing", cureDeadline: "2026-11-20", cureUrl: "https://cure.example/b1" },
    });
    expect(notice?.details).toEqual({
      reason: "signature_missing",
      deadline: "2026-11-20",
      cureUrl: "https://cure.example/b1",
    });
  });

  it("out for delivery without a USPS date is expected today", () => {
    expect(noticeOfStatusChange(change("in_transit", "out_for_delivery"))?.details.expectedDate).toBe("2026-10-10");
  });

  it("reminders are once per deadline", () => {
    const alert = {
      ...ids,
      kind: "return_deadline_reminder",
      deadline: "2026-11-03",
      raisedAt: "2026-10-27T16:00:00Z",
    } as const;
    expect(noticeOfAlert(alert).topic).toBe("return_deadline_reminder:2026-11-03");
  });
});

describe("planNotifications", () => {
  it("sends to confirmed channels in the voter's language, skips an SMS number that has not said YES", () => {
    const notice = noticeOfStatusChange(change("in_transit", "delivered")) as Notice;
    const plan = planNotifications({ notice, subscription, county, nowMs: noon });
    expect(plan.messages.map((message) => [message.channel, message.language, message.sendAtMs])).toEqual([
      ["email", "es", noon],
      ["voice", "en", noon],
    ]);
    expect(plan.messages[0]?.messageId).toBe("123456:000001:delivered:email");
    expect(plan.skipped).toEqual([{ channel: "sms", why: "not_confirmed" }]);
  });

  it("holds messages at night until 08:00 in the county's zone", () => {
    const notice = noticeOfStatusChange(change("in_transit", "delivered")) as Notice;
    const plan = planNotifications({ notice, subscription, county, nowMs: night });
    expect(plan.messages.map((message) => new Date(message.sendAtMs).toISOString())).toEqual([
      "2026-10-11T15:00:00.000Z",
      "2026-10-11T15:00:00.000Z",
    ]);
  });

  it("a signature rejection with a deadline uses the cure template with the county's form when the ballot has none", () => {
    const notice = noticeOfStatusChange(change("received", "cure_pending"), {
      rejection: { reasonCode: "signature_mismatch", cureDeadline: "2026-11-20" },
    }) as Notice;
    const [message] = planNotifications({ notice, subscription, county, nowMs: noon }).messages;
    expect(message?.templateId).toBe("not_counted_cure");
    expect(message?.variables).toMatchObject({ cureUrl: county.cureFormUrl, deadline: "2026-11-20" });
  });

  it("a rejection without a cure deadline sends the voter to the county's phone", () => {
    const notice = noticeOfStatusChange(change("received", "rejected"), {
      rejection: { reasonCode: "late" },
    }) as Notice;
    expect(planNotifications({ notice, subscription, county, nowMs: noon }).messages[0]?.templateId).toBe(
      "not_counted_other",
    );
  });

  it("folds a held older status into the newer one, channel by channel", () => {
    const older = noticeOfStatusChange(change("mailed", "in_transit")) as Notice;
    const held: HeldMessage[] = [
      { messageId: "123456:000001:handed_to_usps:email", channel: "email", notice: older },
      { messageId: "123456:000001:handed_to_usps:voice", channel: "voice", notice: older },
      {
        messageId: "999999:000001:handed_to_usps:email",
        channel: "email",
        notice: { ...older, ballotKey: "999999:000001" },
      },
    ];
    const newer = noticeOfStatusChange(change("in_transit", "delivered")) as Notice;
    const plan = planNotifications({ notice: newer, subscription, county, nowMs: night, held });
    expect(plan.folded).toEqual([
      { heldMessageId: "123456:000001:handed_to_usps:email", intoMessageId: "123456:000001:delivered:email" },
      { heldMessageId: "123456:000001:handed_to_usps:voice", intoMessageId: "123456:000001:delivered:voice" },
    ]);
  });

  it("progress folds a held reminder or lost-ballot alert; a reminder does not fold a status", () => {
    const reminder = noticeOfAlert({
      ...ids,
      kind: "return_deadline_reminder",
      deadline: "2026-11-03",
      raisedAt: "2026-10-27T16:00:00Z",
    });
    const lost = noticeOfAlert({ ...ids, kind: "lost_suspected", raisedAt: "2026-10-27T16:00:00Z" });
    const received = noticeOfStatusChange(change("delivered", "received")) as Notice;
    const delivered = noticeOfStatusChange(change("in_transit", "delivered")) as Notice;
    const heldOf = (notice: Notice): HeldMessage => ({ messageId: notice.topic, channel: "email", notice });
    const fold = (notice: Notice, held: Notice[]) =>
      planNotifications({ notice, subscription, county, nowMs: night, held: held.map(heldOf) }).folded.map(
        (entry) => entry.heldMessageId,
      );
    expect(fold(received, [reminder, lost])).toEqual([reminder.topic, lost.topic]);
    expect(fold(delivered, [reminder])).toEqual([]);
    expect(fold(reminder, [delivered])).toEqual([]);
  });

  it("a correction folds the held message it corrects", () => {
    const counted = noticeOfStatusChange(change("received", "counted")) as Notice;
    const correction = noticeOfStatusChange(change("counted", "received")) as Notice;
    const plan = planNotifications({
      notice: correction,
      subscription,
      county,
      nowMs: night,
      held: [{ messageId: "c", channel: "email", notice: counted }],
    });
    expect(plan.folded).toEqual([
      { heldMessageId: "c", intoMessageId: "123456:000001:correction:counted>received:email" },
    ]);
  });

  describe("a correction says the last message was wrong only where that message went", () => {
    const correction = noticeOfStatusChange(change("counted", "received")) as Notice;
    const received = noticeOfStatusChange(change(null, "received")) as Notice;
    const counted = noticeOfStatusChange(change("received", "counted")) as Notice;
    const plan = (toldOn: Channel[], held: HeldMessage[] = []) =>
      planNotifications({
        notice: correction,
        subscription,
        county,
        nowMs: noon,
        held,
        corrected: { toldOn, current: received },
      });
    const sent = (result: ReturnType<typeof planNotifications>) =>
      result.messages.map((message) => `${message.channel} ${message.templateId} ${message.messageId}`);

    it("names what it undoes", () => {
      expect(correction).toMatchObject({ milestone: "correction", status: "received", undoes: "counted" });
    });

    it("told on email only: email gets the correction, voice the status as it now is", () => {
      expect(sent(plan(["email"]))).toEqual([
        "email correction 123456:000001:correction:counted>received:email",
        "voice received 123456:000001:received:voice",
      ]);
    });

    it("told nowhere (its message was held for review): no channel hears of a mistake", () => {
      const result = plan([]);
      expect(result.messages.map((message) => message.templateId)).toEqual(["received", "received"]);
      // The same ids as the status's own notice: a voter told "received" before is not told it again.
      expect(result.messages.map((message) => message.messageId)).toEqual(
        planNotifications({ notice: received, subscription, county, nowMs: noon }).messages.map(
          (message) => message.messageId,
        ),
      );
    });

    it("a wrong message still waiting for quiet hours is folded where it was never sent, not corrected", () => {
      const result = plan(
        ["email"],
        [
          { messageId: "counted-email", channel: "email", notice: counted },
          { messageId: "counted-voice", channel: "voice", notice: counted },
        ],
      );
      expect(result.folded).toEqual([
        { heldMessageId: "counted-email", intoMessageId: "123456:000001:correction:counted>received:email" },
        { heldMessageId: "counted-voice", intoMessageId: "123456:000001:received:voice" },
      ]);
      expect(result.withdrawn).toEqual([]);
    });

    it("the status as it now is, itself still held, stays held rather than being folded into itself", () => {
      const waiting = { messageId: "123456:000001:received:voice", channel: "voice" as const, notice: received };
      expect(plan(["email"], [waiting]).folded).toEqual([]);
    });

    it("when the status as it now is is not news, a wrong message still held is withdrawn", () => {
      const result = planNotifications({
        notice: noticeOfStatusChange(change("mailed", "issued")) as Notice,
        subscription,
        county,
        nowMs: noon,
        held: [
          {
            messageId: "mailed-voice",
            channel: "voice",
            notice: noticeOfStatusChange(change("issued", "mailed")) as Notice,
          },
        ],
        corrected: { toldOn: [], current: undefined },
      });
      expect(result.messages).toEqual([]);
      expect(result.withdrawn).toEqual(["mailed-voice"]);
    });
  });
});

describe("subscriptions and SMS keywords", () => {
  it.each([
    ["YES", "yes"],
    [" yes! ", "yes"],
    ["Stop", "stop"],
    ["UNSUBSCRIBE", "stop"],
    ["cancel", "stop"],
    ["END", "stop"],
    ["QUIT", "stop"],
    ["STOPALL", "stop"],
    ["start", "start"],
    ["UNSTOP", "start"],
    ["HELP", "help"],
    ["info", "help"],
    ["status", "status"],
    ["what is my status", undefined],
  ] as const)("%j is %s", (text, keyword) => {
    expect(parseSmsKeyword(text)).toBe(keyword);
  });

  it("YES confirms SMS; STOP opts out once and then stays silent; START opts back in", () => {
    const confirmed = applySmsKeyword(subscription, "yes", 1);
    expect(confirmed.reply).toBe("sms_confirmed");
    const stopped = applySmsKeyword(confirmed.subscription, "stop", 2);
    expect(stopped.reply).toBe("stop_ack");
    expect(stopped.subscription?.channels.find((entry) => entry.channel === "sms")?.consent).toBe("opted_out");
    expect(applySmsKeyword(stopped.subscription, "stop", 3).reply).toBe("none");
    expect(applySmsKeyword(stopped.subscription, "help", 3).reply).toBe("none");
    expect(applySmsKeyword(stopped.subscription, "start", 4).reply).toBe("start_ack");
  });

  it("a number that has not said YES is not answered with a status", () => {
    expect(applySmsKeyword(subscription, "status", 1).reply).toBe("help");
  });

  it("a changed contact must be confirmed again and the old one is returned to be told", () => {
    const changed = changeContact(subscription, "email", "new@example.org", 5);
    expect(changed.previousAddress).toBe("v@example.org");
    expect(changed.subscription.channels.find((entry) => entry.channel === "email")).toMatchObject({
      address: "new@example.org",
      consent: "pending",
    });
    expect(changeContact(subscription, "email", "v@example.org", 5).previousAddress).toBeUndefined();
  });

  it("roll enrolment confirms email at once but leaves SMS waiting for YES; a county may not enrol", () => {
    const contact = { voterId: "V9", language: "vi", email: "a@example.org", phone: "+15555550199" };
    expect(enrollFromRoll(contact, county, 1)?.channels.map((entry) => [entry.channel, entry.consent])).toEqual([
      ["email", "confirmed"],
      ["sms", "pending"],
    ]);
    expect(enrollFromRoll(contact, { ...county, autoEnroll: false }, 1)).toBeUndefined();
  });
});
