import type { JetStreamClient, MessageHandler, Redis } from "@ballot/adapters";
import type { RedisKeys } from "@ballot/contracts";
import { isTransientError, type Logger } from "@ballot/runtime";

export interface RebuildProgress {
  readonly replayed: number;
  readonly total: number;
  readonly skipped: number;
}

export interface RebuildOptions {
  readonly js: JetStreamClient;
  readonly redis: Redis;
  readonly keys: RedisKeys;
  readonly stream: string;
  /** The tracker's handler, built with `announce: false`. */
  readonly handler: MessageHandler;
  readonly log: Logger;
  readonly concurrency?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

/** Deletes every key derived from the event stream (and nothing else), in batches. Returns how many. */
export async function clearDerivedState(redis: Redis, keys: RedisKeys): Promise<number> {
  let deleted = 0;
  for (const pattern of keys.derivedStatePatterns()) {
    let cursor = "0";
    do {
      const [next, found] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 2_000);
      if (found.length > 0) deleted += await redis.unlink(...found);
      cursor = next;
    } while (cursor !== "0");
  }
  return deleted;
}

/**
 * Rebuilds Redis state from the event stream, the source of truth: clears the derived keys, then replays every
 * event through the tracker's own handler (without announcing: those changes were announced when they happened).
 * The reducer is order-insensitive, so events are replayed many at a time; an event whose ballot record comes later
 * in the stream is retried after the pass. Events that fail for good were dead-lettered when they first arrived,
 * and are skipped again.
 */
export async function rebuildState(options: RebuildOptions): Promise<RebuildProgress> {
  const { js, redis, keys, stream, handler, log } = options;
  const concurrency = options.concurrency ?? 128;
  await clearDerivedState(redis, keys);
  const consumer = await js.consumers.get(stream);
  const total = (await consumer.info()).num_pending;
  let replayed = 0;
  let skipped = 0;
  const retry: { subject: string; data: Uint8Array; streamSequence: number }[] = [];
  const replayOne = async (
    message: { subject: string; data: Uint8Array; streamSequence: number },
    deliveryCount: number,
  ) => {
    try {
      await handler({ ...message, deliveryCount }, log);
      return "done" as const;
    } catch (error) {
      return isTransientError(error) ? ("retry" as const) : ("skip" as const);
    }
  };
  if (total > 0) {
    const messages = await consumer.consume({ max_messages: 1_000 });
    let window: Promise<void>[] = [];
    for await (const msg of messages) {
      const message = { subject: msg.subject, data: msg.data, streamSequence: msg.info.streamSequence };
      window.push(
        replayOne(message, 1).then((outcome) => {
          if (outcome === "retry") retry.push(message);
          if (outcome === "skip") skipped += 1;
          replayed += 1;
        }),
      );
      if (window.length >= concurrency) {
        await Promise.all(window);
        window = [];
        options.onProgress?.({ replayed, total, skipped });
      }
      if (msg.info.pending === 0) break;
    }
    await Promise.all(window);
    await messages.close();
  }
  // Events that waited on a record replayed later in the same pass: now their ballots exist.
  for (let attempt = 2; attempt <= 5 && retry.length > 0; attempt += 1) {
    const again = retry.splice(0);
    for (const message of again) {
      const outcome = await replayOne(message, attempt);
      if (outcome === "retry") retry.push(message);
      if (outcome === "skip") skipped += 1;
    }
  }
  skipped += retry.length;
  const progress = { replayed, total, skipped };
  options.onProgress?.(progress);
  return progress;
}
