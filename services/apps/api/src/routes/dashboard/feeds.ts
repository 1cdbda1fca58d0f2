import { RedisFeedHealth } from "@ballot/adapters/redis/feed-health";
import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { authoriseCounty, csvRowsAnswer, type DashboardDeps, todayOf, wantsCsv } from "./support.ts";

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
    const csv = wantsCsv(c);
    const auth = await authoriseCounty(
      c,
      deps,
      `GET feeds${csv ? " csv" : ""}`,
      csv ? "operator" : "viewer",
      csv ? "action" : "view",
    );
    if (!auth.ok) return auth.answer;
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
