import type { Context, Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { authoriseRead, csvRowsAnswer, type DashboardDeps, daysParam, lastDays, todayOf } from "./support.ts";

const channels = ["email", "sms", "voice"] as const;
const outcomes = ["sent", "delivered", "failed", "dead"] as const;
type Outcomes = Record<(typeof outcomes)[number], number>;
export type MessageDay = { day: string; total: Outcomes } & Record<(typeof channels)[number], Outcomes>;

/** Per day, channel and `kind`: the counts of `<prefix><YYYY-MM-DD>:<channel>:<kind>` fields, every day present. */
export type ChannelDay<Kind extends string> = { day: string; total: Record<Kind, number> } & Record<
  (typeof channels)[number],
  Record<Kind, number>
>;

/** The last `days` California days, oldest first, each with the hash's counts by channel and kind. */
export function channelDaysOf<Kind extends string>(
  counts: Record<string, string>,
  now: Date,
  days: number,
  kinds: readonly Kind[],
  prefix = "",
): ChannelDay<Kind>[] {
  const zero = () => Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<Kind, number>;
  const rows = new Map<string, ChannelDay<Kind>>(
    lastDays(now, days).map((day) => [day, { day, total: zero(), email: zero(), sms: zero(), voice: zero() }]),
  );
  for (const [field, raw] of Object.entries(counts)) {
    if (!field.startsWith(prefix)) continue;
    const [day = "", channel = "", kind = ""] = field.slice(prefix.length).split(":");
    const row = rows.get(day);
    if (!row || !(channels as readonly string[]).includes(channel)) continue;
    if (!(kinds as readonly string[]).includes(kind)) continue;
    const count = Number(raw);
    row[channel as (typeof channels)[number]][kind as Kind] += count;
    row.total[kind as Kind] += count;
  }
  return [...rows.values()];
}

/** The last `days` California days, oldest first, each with its messages by channel and outcome. */
export const messageDaysOf = (counts: Record<string, string>, now: Date, days: number): MessageDay[] =>
  channelDaysOf(counts, now, days, outcomes);

/** The daily messages report's CSV rows: one per day and channel. */
export const channelDayRows = <Kind extends string>(rows: readonly ChannelDay<Kind>[], kinds: readonly Kind[]) =>
  rows.flatMap((row) => channels.map((channel) => [row.day, channel, ...kinds.map((kind) => row[channel][kind])]));

/**
 * GET /v1/dashboard/counties/:county/messages[?days=30|format=csv]: per day and channel, messages sent, delivered
 * and failed (as the providers report), and refused for good (`dead`: the voter cannot be reached that way), from
 * the counters the notifier keeps as it settles each message. The CSV is the daily messages report, also at
 * `.../reports/messages`.
 */
export function registerDashboardMessages(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  // The same answer is the daily messages report, beside the other two (reports.ts).
  app.get("/counties/:county/reports/messages", (c) => answerMessages(c, deps));
  app.get("/counties/:county/messages", (c) => answerMessages(c, deps));
}

async function answerMessages(c: Context<StaffEnvContext>, deps: DashboardDeps): Promise<Response> {
  const auth = await authoriseRead(c, deps, "messages");
  if (!auth.ok) return auth.answer;
  const { csv } = auth;
  const days = daysParam(c);
  if (!days.ok) return days.answer;
  const rows = messageDaysOf(await deps.redis.hgetall(deps.keys.messageCounts(auth.county)), deps.now(), days.value);
  if (csv) {
    const filename = `${auth.county}-messages-${todayOf(deps)}.csv`;
    return csvRowsAnswer(c, filename, ["day", "channel", ...outcomes], channelDayRows(rows, outcomes));
  }
  return c.json({ county: auth.county, channels, outcomes, days: rows });
}
