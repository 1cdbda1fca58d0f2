import type { Context, Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { type ListedBallot, listedBallots } from "./ballot-list.ts";
import {
  authoriseRead,
  csvAnswer,
  type DashboardDeps,
  pageParams,
  secondsToIso,
  stuckDaysParam,
  todayOf,
} from "./support.ts";

/** A list of one of a county's queues (sorted sets kept by the tracker), paged, or whole as CSV. */
export interface QueueList {
  /** The path's last part and the export's name: `stuck`, `undeliverable`, `cure-queue`. */
  readonly name: string;
  readonly queueKey: (deps: DashboardDeps, county: string) => string;
  /** Score bounds of the list, from the request (`stuckDays`) and the time. */
  readonly bounds: (stuckDays: number, nowSeconds: number) => { min: string; max: string };
  /** What the queue's score means, as a field name of the answer (`lastSeenAt`, `undeliverableAt`, ...). */
  readonly scoreField: string;
  readonly csvColumns: readonly (keyof ListedBallot)[];
}

const secondsPerDay = 86_400;

/**
 * Registers GET /v1/dashboard/counties/:county/<name>: JSON `{county, total, offset, limit, items}` (viewer), or
 * the whole list as CSV with `?format=csv` or `Accept: text/csv` (operator: an export is a bulk copy).
 */
export function registerQueueList(app: Hono<StaffEnvContext>, deps: DashboardDeps, list: QueueList) {
  app.get(`/counties/:county/${list.name}`, async (c: Context<StaffEnvContext>) => {
    const auth = await authoriseRead(c, deps, list.name);
    if (!auth.ok) return auth.answer;
    const { csv } = auth;
    const stuckDays = stuckDaysParam(c);
    if (!stuckDays.ok) return stuckDays.answer;
    const page = pageParams(c);
    if (!page.ok) return page.answer;
    const key = list.queueKey(deps, auth.county);
    const { min, max } = list.bounds(stuckDays.value, Math.floor(deps.now().getTime() / 1000));
    const read = async (offset: number, limit: number) =>
      listedBallots(deps, await deps.redis.zrangebyscore(key, min, max, "WITHSCORES", "LIMIT", offset, limit));
    if (csv) {
      const columns = [...list.csvColumns, list.scoreField];
      return csvAnswer(c, `${auth.county}-${list.name}-${todayOf(deps)}.csv`, columns, async (offset, limit) =>
        (await read(offset, limit)).map(({ ballot, score }) => [
          ...list.csvColumns.map((column) => ballot[column]),
          secondsToIso(score),
        ]),
      );
    }
    const [total, items] = await Promise.all([
      deps.redis.zcount(key, min, max),
      read(page.value.offset, page.value.limit),
    ]);
    return c.json({
      county: auth.county,
      total,
      offset: page.value.offset,
      limit: page.value.limit,
      ...(list.bounds === stuckBounds ? { stuckAfterDays: stuckDays.value } : {}),
      items: items.map(({ ballot, score }) => ({ ...ballot, [list.scoreField]: secondsToIso(score) })),
    });
  });
}

export const stuckBounds = (stuckDays: number, nowSeconds: number) => ({
  min: "-inf",
  max: `(${nowSeconds - stuckDays * secondsPerDay}`,
});
export const wholeQueue = () => ({ min: "-inf", max: "+inf" });
