import { type BallotStatus, ballotStatuses } from "@ballot/core";
import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { authoriseRead, csvRowsAnswer, type DashboardDeps, stuckDaysParam, todayOf } from "./support.ts";

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
  /** A leg begun with an entry scan `stuckAfterDays` days ago or more and no exit scan yet (delivery, receipt). */
  readonly entryNoExit: number;
  readonly inMail: number;
  readonly undeliverable: number;
  readonly cureQueue: number;
  readonly cureDueSoon: number;
  /** Received by the county and neither accepted, rejected nor counted yet. */
  readonly receivedNotAccepted: number;
}

const isStatus = (text: string): text is BallotStatus => (ballotStatuses as readonly string[]).includes(text);

/** The county's figures from its counters (one hash, six sorted-set counts): no ballot is read. */
export function summaryOf(
  county: string,
  counts: Record<string, string>,
  queues: {
    stuck: number;
    entryNoExit: number;
    inMail: number;
    undeliverable: number;
    cureQueue: number;
    cureDueSoon: number;
  },
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

/** Reads the county's counters (one hash, six sorted-set counts) in one round trip and sums them up. */
export async function readSummary(deps: DashboardDeps, county: string, stuckDays: number): Promise<CountySummary> {
  const now = deps.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const { keys } = deps;
  const replies =
    (await deps.redis
      .pipeline()
      .hgetall(keys.countyCounts(county))
      .zcount(keys.inMail(county), "-inf", `(${nowSeconds - stuckDays * secondsPerDay}`)
      .zcount(keys.enteredMail(county), "-inf", `(${nowSeconds - stuckDays * secondsPerDay}`)
      .zcard(keys.inMail(county))
      .zcard(keys.undeliverable(county))
      .zcard(keys.cureQueue(county))
      .zcount(keys.cureQueue(county), "-inf", String(nowSeconds + cureDueSoonDays * secondsPerDay))
      .exec()) ?? [];
  for (const [error] of replies) if (error) throw error;
  const value = (index: number) => replies[index]?.[1];
  return summaryOf(
    county,
    (value(0) as Record<string, string>) ?? {},
    {
      stuck: Number(value(1)),
      entryNoExit: Number(value(2)),
      inMail: Number(value(3)),
      undeliverable: Number(value(4)),
      cureQueue: Number(value(5)),
      cureDueSoon: Number(value(6)),
    },
    now,
    stuckDays,
  );
}

/** How long one reading of a county's summary serves every viewer of it (`asOf` says when it was read). */
export const defaultSummaryCacheMs = 1000;

/** The two answers one reading makes, as JSON text: the figures (with `byStatus`), and the counts by ZIP. */
export interface SummaryAnswers {
  readonly summary: string;
  readonly zips: string;
}

/**
 * One reading of a county's counters shared by every viewer of it for `summaryCacheMs` (one reading in flight at a
 * time), kept as the answers' JSON text: a room full of open dashboards costs Redis one read per county per second
 * and the API one serialisation. Authorisation and the audit stay per request.
 */
export function createSummaryReader(deps: DashboardDeps, summaryCacheMs = defaultSummaryCacheMs) {
  const readings = new Map<string, { readonly atMs: number; readonly answers: Promise<SummaryAnswers> }>();
  return (county: string, stuckDays: number): Promise<SummaryAnswers> => {
    const key = `${county}|${stuckDays}`;
    const nowMs = performance.now();
    const cached = readings.get(key);
    if (cached && nowMs - cached.atMs < summaryCacheMs) return cached.answers;
    if (readings.size >= 1000) readings.clear();
    const answers = readSummary(deps, county, stuckDays).then(({ byZip, ...summary }) => ({
      summary: JSON.stringify(summary),
      zips: JSON.stringify({ county, asOf: summary.asOf, byZip }),
    }));
    const reading = { atMs: nowMs, answers };
    readings.set(key, reading);
    answers.catch(() => {
      if (readings.get(key) === reading) readings.delete(key);
    });
    return answers;
  };
}
export type SummaryReader = ReturnType<typeof createSummaryReader>;

/**
 * GET /v1/dashboard/counties/:county/summary[?stuckDays=7]: ballots by status, in the mail, stuck, undeliverable,
 * the cure queue (and what is due within 3 days), and ballots received but not yet accepted; the counts by ZIP are
 * `.../zips` (a county's ZIPs are most of the bytes, and the headline figures are what every viewer polls). Viewer
 * role; from the shared reading (createSummaryReader). As CSV (operator): ballots by status and by ZIP, read afresh.
 */
export function registerDashboardSummary(app: Hono<StaffEnvContext>, deps: DashboardDeps, read: SummaryReader) {
  app.get("/counties/:county/summary", async (c) => {
    const auth = await authoriseRead(c, deps, "summary");
    if (!auth.ok) return auth.answer;
    const { csv } = auth;
    const stuckDays = stuckDaysParam(c);
    if (!stuckDays.ok) return stuckDays.answer;
    if (csv) {
      const summary = await readSummary(deps, auth.county, stuckDays.value);
      return csvRowsAnswer(
        c,
        `${auth.county}-ballots-by-status-${todayOf(deps)}.csv`,
        ["zip", "status", "ballots"],
        [
          ...Object.entries(summary.byStatus).map(([status, count]) => ["all", status, count]),
          ...summary.byZip.flatMap((zip) =>
            Object.entries(zip.byStatus).map(([status, count]) => [zip.zip, status, count]),
          ),
        ],
      );
    }
    const answers = await read(auth.county, stuckDays.value);
    c.header("Content-Type", "application/json");
    return c.body(answers.summary);
  });
}
