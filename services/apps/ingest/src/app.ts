import {
  contentMessageId,
  errorResponse,
  type JetStreamPublisher,
  type RequestIdVariables,
  requestId,
} from "@ballot/adapters";
import type { FeedBatchCounts, RedisFeedHealth } from "@ballot/adapters/redis/feed-health";
import type { Catalog } from "@ballot/contracts";
import type { Logger } from "@ballot/runtime";
import { Hono } from "hono";
import { cutRaw } from "./record-sink.ts";
import { registerCountyRecords } from "./routes/county-records.ts";
import { registerUspsFiles } from "./routes/usps-files.ts";
import { registerUspsPush } from "./routes/usps-push.ts";

export type IngestEnvContext = { Variables: RequestIdVariables & { log: Logger } };

export interface IngestOptions {
  readonly publisher: JetStreamPublisher;
  readonly catalog: Catalog;
  readonly feedTokens: ReadonlyMap<string, string>;
  readonly countyTokens: ReadonlyMap<string, string>;
  readonly mailerIds: ReadonlySet<string>;
  readonly hashIdentity: (canonicalIdentity: string) => string;
  readonly maxBodyBytes: number;
  /** Zone for scan times without an offset whose facility ZIP has no known zone; without it they are rejected. */
  readonly defaultTimeZone?: string | undefined;
  readonly log: Logger;
  readonly now?: () => Date;
  /** Per-source counters for the officials' dashboard (records, rejections, last record, lag); unset: none kept. */
  readonly feedHealth?: RedisFeedHealth | undefined;
}

export interface IngestDeps extends IngestOptions {
  readonly now: () => Date;
  readonly errors: typeof errorResponse;
  /** Keeps a whole unreadable body, with the reason, in the dead-letter stream. */
  deadLetterWhole(source: string, reason: string, raw: string, receivedAt: string): Promise<void>;
  /**
   * Counts a batch in its source's feed health. A failure is logged, not answered: the batch is in the stream, and
   * a feed retried for a dashboard counter would only send it again.
   */
  recordFeedHealth(source: string, counts: FeedBatchCounts, receivedAt: string, newestEventMs?: number): Promise<void>;
}

/** The ingest HTTP app: USPS IV-MTR pushes and county records in, JetStream out. Runtime-neutral Hono. */
export function createIngestApp(options: IngestOptions) {
  const deps: IngestDeps = {
    ...options,
    now: options.now ?? (() => new Date()),
    errors: errorResponse,
    async deadLetterWhole(source, reason, raw, receivedAt) {
      const subject = options.catalog.subjects.deadLetter(source);
      const letter = { source, ...cutRaw(raw, reason), receivedAt };
      await options.publisher.publish(subject, letter, contentMessageId(source, raw));
      const counts = { accepted: 0, duplicate: 0, foreign: 0, rejected: 1, reasons: [reason] };
      await deps.recordFeedHealth(source, counts, receivedAt);
    },
    async recordFeedHealth(source, counts, receivedAt, newestEventMs) {
      try {
        await options.feedHealth?.record(source, counts, Date.parse(receivedAt), newestEventMs);
      } catch (error) {
        options.log.error({ err: error, source }, "feed health not recorded");
      }
    },
  };
  const app = new Hono<IngestEnvContext>();
  app.use(requestId());
  app.use(async (c, next) => {
    c.set("log", options.log.child({ requestId: c.get("requestId") }));
    await next();
  });
  app.get("/healthz", (c) => c.json({ ok: true }));
  registerUspsPush(app, deps);
  registerUspsFiles(app, deps);
  registerCountyRecords(app, deps);
  app.notFound((c) => errorResponse(c, 404, "NOT_FOUND", "no such endpoint; see services/apps/ingest/README.md"));
  app.onError((error, c) => {
    c.get("log").error({ err: error }, "request failed");
    return errorResponse(c, 503, "UNAVAILABLE", "the request could not be completed; retry it, nothing was lost");
  });
  return app;
}
