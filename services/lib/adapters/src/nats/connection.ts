import type { StreamSpec } from "@ballot/contracts";
import { TransientError } from "@ballot/runtime";
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from "@nats-io/jetstream";
import { connect, type NatsConnection, nanos } from "@nats-io/transport-node";

export interface JetStreamConnection {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  /** Flushes and closes; in-flight publishes finish first. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /**
   * Capture the caller's stack for every request (on by default), so a timed-out publish says who published. A
   * process that publishes at a high rate turns it off: the capture costs more than the publish itself.
   */
  readonly asyncTraces?: boolean;
}

export async function connectJetStream(
  url: string,
  name: string,
  { asyncTraces = true }: ConnectOptions = {},
): Promise<JetStreamConnection> {
  let nc: NatsConnection;
  try {
    nc = await connect({ servers: url, name, maxReconnectAttempts: -1, noAsyncTraces: !asyncTraces });
  } catch (error) {
    throw new TransientError(`cannot reach NATS at ${url}; is nats-server running with -js?`, {
      cause: error,
      context: { url },
    });
  }
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  return { nc, js, jsm, close: () => nc.drain() };
}

/**
 * Creates or updates each stream to match its spec; safe to run at every start-up. File storage: the event stream
 * is the source of truth that Redis state is rebuilt from.
 */
export async function ensureStreams(jsm: JetStreamManager, specs: readonly StreamSpec[]): Promise<void> {
  for (const spec of specs) {
    const config = {
      name: spec.name,
      subjects: [...spec.subjects],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      max_age: nanos(spec.maxAgeMs),
      duplicate_window: nanos(spec.duplicateWindowMs),
    };
    const exists = await jsm.streams.info(spec.name).then(
      () => true,
      () => false,
    );
    if (exists) {
      const { name, storage: _storage, ...changeable } = config;
      await jsm.streams.update(name, changeable);
    } else {
      await jsm.streams.add(config);
    }
  }
}

export interface DurableConsumerSpec {
  readonly stream: string;
  readonly durable: string;
  /** One subject at most: nats-server 2.9 refuses multi-subject filters. */
  readonly filterSubject?: string;
  readonly ackWaitMs?: number;
  readonly maxDeliver?: number;
  readonly maxAckPending?: number;
}

/** Creates the durable pull consumer or updates what may change; idempotent. */
export async function ensureDurableConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<void> {
  const changeable = {
    ack_wait: nanos(spec.ackWaitMs ?? 30_000),
    max_deliver: spec.maxDeliver ?? 20,
    max_ack_pending: spec.maxAckPending ?? 10_000,
    ...(spec.filterSubject ? { filter_subject: spec.filterSubject } : {}),
  };
  const exists = await jsm.consumers.info(spec.stream, spec.durable).then(
    () => true,
    () => false,
  );
  if (exists) {
    await jsm.consumers.update(spec.stream, spec.durable, changeable);
  } else {
    await jsm.consumers.add(spec.stream, {
      durable_name: spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ...changeable,
    });
  }
}
