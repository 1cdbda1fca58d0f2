import { dashboardDayOf } from "@ballot/contracts";
import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { authoriseCounty, csvAnswer, type DashboardDeps, integerParam, todayOf, wantsCsv } from "./support.ts";

const channels = ["email", "sms", "voice"] as const;
const outcomes = ["sent", "delivered", "failed", "dead"] as const;
type Outcomes = Record<(typeof outcomes)[number], number>;
export type MessageDay = { day: string; total: Outcomes } & Record<(typeof channels)[number], Outcomes>;

const zero = (): Outcomes => ({ sent: 0, delivered: 0, failed: 0, dead: 0 });

/** The last `days` California days, oldest first, each with its messages by channel and outcome. */
export function messageDaysOf(counts: Record<string, string>, now: Date, days: number): MessageDay[] {
  const rows = new Map<string, MessageDay>();
  for (let back = days - 1; back >= 0; back -= 1) {
    const day = dashboardDayOf(now.getTime() - back * 86_400_000);
    rows.set(day, { day, total: zero(), email: zero(), sms: zero(), voice: zero() });
  }
  for (const [field, raw] of Object.entries(counts)) {
    const [day = "", channel = "", outcome = ""] = field.split(":");
    const row = rows.get(day);
    if (!row || !(channels as readonly string[]).includes(channel)) continue;
    if (!(outcomes as readonly string[]).includes(outcome)) continue;
    const count = Number(raw);
    row[channel as (typeof channels)[number]][outcome as (typeof outcomes)[number]] += count;
    row.total[outcome as (typeof outcomes)[number]] += count;
  }
  return [...rows.values()];
}

/**
 * GET /v1/dashboard/counties/:county/messages[?days=30|format=csv]: per day and channel, messages sent, delivered
 * and failed (as the providers report), and refused for good (`dead`: the voter cannot be reached that way), from
 * the counters the notifier keeps as it settles each message. The CSV is the daily messages report.
 */
export function registerDashboardMessages(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  app.get("/counties/:county/messages", async (c) => {
    const csv = wantsCsv(c);
    const auth = await authoriseCounty(
      c,
      deps,
      `GET messages${csv ? " csv" : ""}`,
      csv ? "operator" : "viewer",
      csv ? "action" : "view",
    );
    if (!auth.ok) return auth.answer;
    const days = integerParam(c, "days", 30, 1, 400);
    if (!days.ok) return days.answer;
    const rows = messageDaysOf(await deps.redis.hgetall(deps.keys.messageCounts(auth.county)), deps.now(), days.value);
    if (csv) {
      let sent = false;
      return csvAnswer(
        c,
        `${auth.county}-messages-${todayOf(deps)}.csv`,
        ["day", "channel", ...outcomes],
        async () => {
          if (sent) return [];
          sent = true;
          return rows.flatMap((row) =>
            channels.map((channel) => [row.day, channel, ...outcomes.map((outcome) => row[channel][outcome])]),
          );
        },
        Number.MAX_SAFE_INTEGER,
      );
    }
    return c.json({ county: auth.county, channels, outcomes, days: rows });
  });
}
