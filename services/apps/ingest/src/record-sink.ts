import { contentMessageId, type JetStreamPublisher } from "@ballot/adapters";
import { type Catalog, type Subject, type UspsScan, type uspsScanChunkSchema, uspsScanSchema } from "@ballot/contracts";
import { safeParseFast } from "@ballot/contracts/exact-check";
import {
  type ChunkBounds,
  chunkByContent,
  defaultChunkBounds,
  err,
  type RecordRejection,
  type Result,
} from "@ballot/core";
import type { z } from "zod";

/** What a batch came to; the HTTP answer and the import command both print it. */
export interface BatchSummary {
  accepted: number;
  duplicate: number;
  rejected: number;
  foreign: number;
  /** The first rejections with their position in the batch, so the sender can fix them. */
  readonly errors: { index: number; reason: string }[];
}

export const emptySummary = (): BatchSummary => ({ accepted: 0, duplicate: 0, rejected: 0, foreign: 0, errors: [] });

const reportedErrorsMax = 100;

/**
 * Largest raw record a dead letter keeps. NATS refuses messages over its max_payload (1 MiB by default), and a letter
 * that cannot be stored would fail the whole batch; the reason says when the raw record was cut.
 */
export const deadLetterRawMaxBytes = 256 * 1024;

/** A valid record published alone (county data). Built only by `routeRecord`, which types the payload by subject. */
export interface RoutedRecord {
  readonly kind: "record";
  readonly subject: Subject;
  readonly payload: unknown;
  /** Parts the content message id is derived from, so that a re-sent record is dropped by JetStream. */
  readonly identity: readonly string[];
  readonly foreign: boolean;
}

/** A valid USPS scan, published with its neighbours in chunks. Built only by `routeScan`, which checks the schema. */
export interface RoutedScan {
  readonly kind: "scan";
  readonly subject: Subject<typeof uspsScanChunkSchema>;
  readonly scan: UspsScan;
  /** What makes two scans the same (`scanIdentity`): the chunk's message id is derived from its scans' identities. */
  readonly identity: string;
  readonly foreign: boolean;
}

export type Routed = RoutedRecord | RoutedScan;

export function routeRecord<Schema extends z.ZodType>(
  subject: Subject<Schema>,
  payload: z.input<Schema>,
  identity: readonly string[],
  foreign = false,
): Result<RoutedRecord, never> {
  return { ok: true, value: { kind: "record", subject, payload, identity, foreign } };
}

/**
 * Routes one scan to a chunk subject, checking it against the scan schema first: a chunk is one message, and one
 * scan the tracker could not read would dead-letter all its neighbours with it.
 */
export function routeScan(
  subject: Subject<typeof uspsScanChunkSchema>,
  scan: UspsScan,
  identity: string,
  foreign: boolean,
  raw: () => string,
): Result<RoutedScan, RecordRejection> {
  const checked = safeParseFast(uspsScanSchema, scan);
  if (!checked.success) {
    const where = checked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    return err({ reason: `normalised scan breaks the message schema: ${where}`, raw: raw() });
  }
  return { ok: true, value: { kind: "scan", subject, scan, identity, foreign } };
}

/** A raw record small enough for a dead letter, and a reason that says when it was cut. */
export function cutRaw(raw: string, reason: string): { raw: string; reason: string } {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: most records are known to fit without encoding them.
  if (raw.length * 3 <= deadLetterRawMaxBytes) return { raw, reason };
  const bytes = new TextEncoder().encode(raw);
  if (bytes.byteLength <= deadLetterRawMaxBytes) return { raw, reason };
  const kept = new TextDecoder().decode(bytes.subarray(0, deadLetterRawMaxBytes)).replace(/\uFFFD$/, "");
  return {
    raw: kept,
    reason: `${reason} (raw record cut to its first ${deadLetterRawMaxBytes} of ${bytes.byteLength} bytes)`,
  };
}

export interface PublishBatchOptions {
  readonly chunkBounds?: ChunkBounds;
  /** The batch every published record and chunk names (not part of their message ids: a re-sent record stays one). */
  readonly batchId?: string;
}

/**
 * Publishes the good records of a batch and dead-letters the bad ones (with reason and raw record), all with
 * content-derived ids, and counts what happened. A bad record never stops its neighbours.
 *
 * Scans go in chunks, per subject, in batch order, cut by `chunkByContent` (so the same batch always makes the same
 * chunks), each with a message id derived from its scans' identities. Counting stays per record: a scan is a duplicate
 * when it repeats an earlier scan of the same batch, or when its chunk was a duplicate in JetStream; otherwise it is
 * accepted (or foreign). A chunk that JetStream stores is counted accepted even if some of its scans were stored
 * before in other chunks (a feed that re-sends old scans among new ones): the tracker applies them again as no-ops.
 */
export async function publishBatch(
  publisher: JetStreamPublisher,
  catalog: Catalog,
  source: string,
  results: readonly Result<Routed, RecordRejection>[],
  receivedAt: string,
  options: PublishBatchOptions = {},
): Promise<BatchSummary> {
  const summary = emptySummary();
  const inBatch = options.batchId ? { batchId: options.batchId } : {};
  const deadLetter = catalog.subjects.deadLetter(source);
  const pending: Promise<void>[] = [];
  const scansBySubject = new Map<string, { subject: RoutedScan["subject"]; scans: RoutedScan[] }>();
  const seenScans = new Set<string>();
  const count = (foreign: boolean, records: number) => {
    if (foreign) summary.foreign += records;
    else summary.accepted += records;
  };
  results.forEach((result, index) => {
    if (result.ok) {
      const routed = result.value;
      if (routed.kind === "scan") {
        if (seenScans.has(routed.identity)) {
          summary.duplicate += 1;
          return;
        }
        seenScans.add(routed.identity);
        const group = scansBySubject.get(routed.subject.name);
        if (group) group.scans.push(routed);
        else scansBySubject.set(routed.subject.name, { subject: routed.subject, scans: [routed] });
        return;
      }
      pending.push(
        publisher
          .publish(routed.subject, { ...(routed.payload as object), ...inBatch }, contentMessageId(...routed.identity))
          .then((outcome) => {
            if (outcome.duplicate) summary.duplicate += 1;
            else count(routed.foreign, 1);
          }),
      );
      return;
    }
    summary.rejected += 1;
    if (summary.errors.length < reportedErrorsMax) summary.errors.push({ index, reason: result.error.reason });
    const letter = { source, ...cutRaw(result.error.raw, result.error.reason), receivedAt };
    pending.push(
      publisher
        .publish(deadLetter, letter, contentMessageId(source, result.error.raw, result.error.reason))
        .then(() => {}),
    );
  });
  for (const { subject, scans } of scansBySubject.values()) {
    const identities = scans.map((routed) => routed.identity);
    for (const chunk of chunkByContent(identities, options.chunkBounds ?? defaultChunkBounds)) {
      const members = chunk.map((index) => scans[index] as RoutedScan);
      const payload = { scans: members.map((routed) => routed.scan), ...inBatch };
      const msgId = contentMessageId("usps-scans", ...chunk.map((index) => identities[index] as string));
      pending.push(
        publisher.publish(subject, payload, msgId).then((outcome) => {
          if (outcome.duplicate) summary.duplicate += members.length;
          else for (const routed of members) count(routed.foreign, 1);
        }),
      );
    }
  }
  await Promise.all(pending);
  summary.errors.sort((a, b) => a.index - b.index);
  return summary;
}
