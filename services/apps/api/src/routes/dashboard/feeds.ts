import { RedisFeedHealth } from "@ballot/adapters/redis/feed-health";
import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { authoriseRead, csvRowsAnswer, type DashboardDeps, todayOf } from "./support.ts";

/** The sources a county's dashboard shows: USPS feeds (shared by every county) and the county's own uploads. */
export const sourcesOfCounty = (sources: readonly string[], county: string): string[] =>
  sources.filter((source) => source.startsWith("usps.") || source.startsWith(`county.${county}.`));

/**
 * GET /v1/dashboard/counties/:county/feeds[?format=csv]: per feed source, the last record, today's records by
 * outcome, today's rejections by reason and the lag of the last batch, from the counters ingest keeps per batch.
 */
export function registerDashboardFeeds(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  const feedHealth = new RedisFeedHealth(deps.redis, deps.keys);
  app.get("/counties/:county/feeds", async (c) => {
    const auth = await authoriseRead(c, deps, "feeds");
    if (!auth.ok) return auth.answer;
    const { csv } = auth;
    const feeds = await feedHealth.read(sourcesOfCounty(await feedHealth.sources(), auth.county), deps.now().getTime());
    if (csv) {
      const columns = ["source", "lastRecordAt", "lagMs", "records", "accepted", "duplicate", "foreign", "rejected"];
      const rows = feeds.flatMap((feed) => [
        [
          feed.source,
          feed.lastRecordAt,
          feed.lagMs,
          feed.today.records,
          feed.today.accepted,
          feed.today.duplicate,
          feed.today.foreign,
          feed.today.rejected,
        ],
      ]);
      return csvRowsAnswer(c, `${auth.county}-feeds-${todayOf(deps)}.csv`, columns, rows);
    }
    return c.json({ county: auth.county, day: todayOf(deps), feeds });
  });
}
