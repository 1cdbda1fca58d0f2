import { type BallotStatus, ballotStatuses } from "@ballot/core";
import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { authoriseCounty, type DashboardDeps, stuckDaysParam } from "./support.ts";

const secondsPerDay = 86_400;
/** A cure deadline this close counts as due soon. */
export const cureDueSoonDays = 3;

export interface CountySummary {
  readonly county: string;
  readonly asOf: string;
  readonly stuckAfterDays: number;
  readonly total: number;
  readonly byStatus: Record<BallotStatus, number>;
  readonly byZip: { zip: string; total: number; byStatus: Partial<Record<BallotStatus, number>> }[];
  /** In the mail (mailed, in transit) with no sign of life for `stuckAfterDays` days. */
  readonly stuck: number;
  readonly inMail: number;
  readonly undeliverable: number;
  readonly cureQueue: number;
  readonly cureDueSoon: number;
  /** Received by the county and neither accepted, rejected nor counted yet. */
  readonly receivedNotAccepted: number;
}

const isStatus = (text: string): text is BallotStatus => (ballotStatuses as readonly string[]).includes(text);

/** The county's figures from its counters (one hash, three sorted-set counts): no ballot is read. */
export function summaryOf(
  county: string,
  counts: Record<string, string>,
  queues: { stuck: number; inMail: number; undeliverable: number; cureQueue: number; cureDueSoon: number },
  now: Date,
  stuckAfterDays: number,
): CountySummary {
  const byStatus = Object.fromEntries(ballotStatuses.map((status) => [status, 0])) as Record<BallotStatus, number>;
  const zips = new Map<string, { zip: string; total: number; byStatus: Partial<Record<BallotStatus, number>> }>();
  let total = 0;
  for (const [field, raw] of Object.entries(counts)) {
    const count = Number(raw);
    if (!(count > 0)) continue;
    if (field.startsWith("s:")) {
      const status = field.slice(2);
      if (!isStatus(status)) continue;
      byStatus[status] += count;
      if (status !== "superseded") total += count;
    } else if (field.startsWith("z:")) {
      const separator = field.lastIndexOf(":");
      const zip = field.slice(2, separator);
      const status = field.slice(separator + 1);
      if (!isStatus(status) || status === "superseded") continue;
      const entry = zips.get(zip) ?? { zip, total: 0, byStatus: {} };
      entry.total += count;
      entry.byStatus[status] = (entry.byStatus[status] ?? 0) + count;
      zips.set(zip, entry);
    }
  }
  return {
    county,
    asOf: now.toISOString(),
    stuckAfterDays,
    total,
    byStatus,
    byZip: [...zips.values()].sort((a, b) => a.zip.localeCompare(b.zip)),
    ...queues,
    receivedNotAccepted: byStatus.received,
  };
}

/**
 * GET /v1/dashboard/counties/:county/summary[?stuckDays=7]: ballots by status and by ZIP, stuck, undeliverable, the
 * cure queue and ballots received but not yet accepted. Viewer role; one round trip to Redis.
 */
export function registerDashboardSummary(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  app.get("/counties/:county/summary", async (c) => {
    const auth = await authoriseCounty(c, deps, "GET summary", "viewer");
    if (!auth.ok) return auth.answer;
    const stuckDays = stuckDaysParam(c);
    if (!stuckDays.ok) return stuckDays.answer;
    const now = deps.now();
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const { keys } = deps;
    const replies =
      (await deps.redis
        .pipeline()
        .hgetall(keys.countyCounts(auth.county))
        .zcount(keys.inMail(auth.county), "-inf", `(${nowSeconds - stuckDays.value * secondsPerDay}`)
        .zcard(keys.inMail(auth.county))
        .zcard(keys.undeliverable(auth.county))
        .zcard(keys.cureQueue(auth.county))
        .zcount(keys.cureQueue(auth.county), "-inf", String(nowSeconds + cureDueSoonDays * secondsPerDay))
        .exec()) ?? [];
    for (const [error] of replies) if (error) throw error;
    const value = (index: number) => replies[index]?.[1];
    return c.json(
      summaryOf(
        auth.county,
        (value(0) as Record<string, string>) ?? {},
        {
          stuck: Number(value(1)),
          inMail: Number(value(2)),
          undeliverable: Number(value(3)),
          cureQueue: Number(value(4)),
          cureDueSoon: Number(value(5)),
        },
        now,
        stuckDays.value,
      ),
    );
  });
}
