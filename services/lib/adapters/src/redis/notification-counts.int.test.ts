import { dashboardDayOf } from "@ballot/contracts";
import { describe, expect, test } from "@ballot/testing";
import { RedisNotificationLog } from "./notification-log.ts";

const sentAtMs = Date.parse("2026-10-20T20:00:00Z");
const day = dashboardDayOf(sentAtMs);

describe("RedisNotificationLog: the county's message counts", () => {
  test("a message is counted sent once, however often it is settled, and its delivery moves once per outcome", async ({
    ns,
  }) => {
    const log = new RedisNotificationLog(ns.redis, ns.keys);
    const scope = { county: "06113", channel: "sms" };
    for (const messageId of ["b1:received:sms", "b2:received:sms"]) {
      expect((await log.claim(messageId, sentAtMs, 20_000)).outcome).toBe("claimed");
    }
    await log.markSent("b1:received:sms", { provider: "twilio", providerMessageId: "SM1" }, "V1", sentAtMs, scope);
    await log.markSent("b1:received:sms", { provider: "twilio", providerMessageId: "SM1" }, "V1", sentAtMs, scope);
    await log.markDead("b2:received:sms", "invalid number", sentAtMs, scope);
    await log.markDead("b2:received:sms", "invalid number", sentAtMs, scope);
    // Next day's webhooks: sent (not final), delivered twice, then a late "failed" replaces it.
    const later = sentAtMs + 86_400_000;
    await log.recordDelivery("twilio", "SM1", "sent", later);
    expect(await ns.redis.hgetall(ns.keys.messageCounts("06113"))).toEqual({
      [`${day}:sms:sent`]: "1",
      [`${day}:sms:dead`]: "1",
    });
    await log.recordDelivery("twilio", "SM1", "delivered", later);
    await log.recordDelivery("twilio", "SM1", "delivered", later);
    expect(await ns.redis.hget(ns.keys.messageCounts("06113"), `${day}:sms:delivered`)).toBe("1");
    await log.recordDelivery("twilio", "SM1", "undelivered", later, "30003");
    expect(await ns.redis.hgetall(ns.keys.messageCounts("06113"))).toEqual({
      [`${day}:sms:sent`]: "1",
      [`${day}:sms:dead`]: "1",
      [`${day}:sms:delivered`]: "0",
      [`${day}:sms:failed`]: "1",
    });
  });

  test("without a county scope nothing is counted (as before)", async ({ ns }) => {
    const log = new RedisNotificationLog(ns.redis, ns.keys);
    await log.claim("b3:received:email", sentAtMs, 20_000);
    await log.markSent("b3:received:email", { provider: "resend", providerMessageId: "E3" }, "V3", sentAtMs);
    await log.recordDelivery("resend", "E3", "delivered", sentAtMs);
    expect(await ns.redis.keys(`${ns.keys.prefix}messages:*`)).toEqual([]);
  });
});
