// Shared by the tracker's integration tests: one tracker instance in-process, wired as main.ts wires it.
import {
  connectRedis,
  contentMessageId,
  ensureDurableConsumer,
  JetStreamPublisher,
  RedisBallotStore,
  startConsumerLoop,
} from "@ballot/adapters";
import type { BallotStatusChanged, Subject } from "@ballot/contracts";
import { createLogger } from "@ballot/runtime";
import { isConsumerDrained, type TestNamespace } from "@ballot/testing";
import type { z } from "zod";
import { createTrackerHandler } from "./tracker.ts";

const log = createLogger({ name: "tracker-test", level: process.env.TEST_LOG_LEVEL ?? "silent" });

export async function startTracker(ns: TestNamespace, options: { unknownBallotAttempts?: number } = {}) {
  await ensureDurableConsumer(ns.jetstream.jsm, { ...ns.catalog.consumers.tracker, ackWaitMs: 5_000 });
  const redis = connectRedis(ns.env.REDIS_URL as string, "tracker-test");
  const publisher = new JetStreamPublisher(ns.jetstream);
  const loop = await startConsumerLoop({
    js: ns.jetstream.js,
    stream: ns.catalog.consumers.tracker.stream,
    durable: ns.catalog.consumers.tracker.durable,
    handler: createTrackerHandler({
      catalog: ns.catalog,
      keys: ns.keys,
      redis,
      store: new RedisBallotStore(redis, ns.keys),
      publisher,
      unknownBallotAttempts: options.unknownBallotAttempts ?? 8,
    }),
    log,
    deadLetters: { publisher, subject: ns.catalog.subjects.deadLetter("tracker") },
    concurrency: 16,
    retryDelaysMs: [20],
  });
  return {
    stop: async () => {
      await loop.stop();
      redis.disconnect();
    },
  };
}

/** True when the tracker's consumer has acknowledged everything in the event stream. */
export function isTrackerDrained(ns: TestNamespace): Promise<boolean> {
  const { stream, durable } = ns.catalog.consumers.tracker;
  return isConsumerDrained(ns.jetstream.jsm, stream, durable);
}

/** Publishes typed events with content-derived ids, as ingest does. */
export async function publishEvents<Schema extends z.ZodType>(
  ns: TestNamespace,
  subject: Subject<Schema>,
  payloads: readonly z.input<Schema>[],
): Promise<void> {
  const publisher = new JetStreamPublisher(ns.jetstream);
  for (const payload of payloads) await publisher.publish(subject, payload, contentMessageId(JSON.stringify(payload)));
}

/** Every status change published so far, in stream order. */
export async function readStatusChanges(ns: TestNamespace): Promise<BallotStatusChanged[]> {
  const stream = ns.catalog.streams.statusChanges.name;
  const count = (await ns.jetstream.jsm.streams.info(stream)).state.messages;
  const changes: BallotStatusChanged[] = [];
  for (let seq = 1; seq <= count; seq += 1) {
    const change = (await ns.jetstream.jsm.streams.getMessage(stream, { seq }))?.json<BallotStatusChanged>();
    if (change) changes.push(change);
  }
  return changes;
}
