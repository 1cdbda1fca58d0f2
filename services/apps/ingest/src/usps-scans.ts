import { type NormalizedScan, type ParsedFeed, scanIdentity } from "@ballot/core";
import type { Context } from "hono";
import type { IngestDeps, IngestEnvContext } from "./app.ts";
import { badBatchIdMessage, batchIdOf } from "./batch-id.ts";
import { publishBatch, routeScan } from "./record-sink.ts";

/**
 * The one way USPS scans go in, whatever the route and format: ours to the event stream and other mailers' to the
 * foreign stream, both in chunks; rejected records to the feed's dead letters; answered with the counts.
 */
export async function ingestScans(
  c: Context<IngestEnvContext>,
  deps: IngestDeps,
  feed: string,
  parsed: ParsedFeed,
  receivedAt: string,
  body: string,
): Promise<Response> {
  const batchId = batchIdOf(c, feedSource(feed), body);
  if (!batchId) return deps.errors(c, 400, "VALIDATION_FAILED", badBatchIdMessage);
  const { subjects } = deps.catalog;
  const isOurs = (scan: NormalizedScan) =>
    deps.mailerIds.size > 0 ? deps.mailerIds.has(scan.mailerId) : scan.direction !== "other";
  const routed = parsed.records.map((result) => {
    if (!result.ok) return result;
    const scan = result.value;
    const ours = isOurs(scan);
    return routeScan(
      ours ? subjects.uspsScans : subjects.foreignScans,
      { ...scan, feed },
      scanIdentity(scan),
      !ours,
      () => JSON.stringify(scan),
    );
  });
  const summary = await publishBatch(deps.publisher, deps.catalog, feedSource(feed), routed, receivedAt, { batchId });
  let newestEventMs: number | undefined;
  for (const result of parsed.records) {
    const atMs = result.ok ? Date.parse(result.value.occurredAt) : Number.NaN;
    if (atMs > (newestEventMs ?? Number.NEGATIVE_INFINITY)) newestEventMs = atMs;
  }
  const counts = { ...summary, reasons: summary.errors.map((error) => error.reason) };
  await deps.recordFeedHealth(feedSource(feed), counts, receivedAt, newestEventMs);
  c.get("log").info({ feed, format: parsed.format, batchId, ...summary, errors: undefined }, "usps batch ingested");
  return c.json({ format: parsed.format, ...summary }, 200);
}

/** The dead-letter source of a feed: `dlq.usps.<feed>`. */
export const feedSource = (feed: string) => `usps.${feed}`;
