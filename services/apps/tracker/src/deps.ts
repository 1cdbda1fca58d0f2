import type { JetStreamPublisher, Redis, RedisBallotStore } from "@ballot/adapters";
import type { Catalog, RedisKeys } from "@ballot/contracts";

export interface TrackerDeps {
  readonly catalog: Catalog;
  readonly keys: RedisKeys;
  readonly redis: Redis;
  readonly store: RedisBallotStore;
  readonly publisher: JetStreamPublisher;
  readonly unknownBallotAttempts: number;
  /** USPS scan chunks handled at once (default 4); other messages are limited by the consumer's concurrency only. */
  readonly scanChunksInFlight?: number;
  /**
   * Publish status changes (default). A rebuild replays history with this off: the changes were announced when
   * they happened, and voters must not hear them twice.
   */
  readonly announce?: boolean;
  /** The ingest batch of the message in hand (set per message): each status change it causes names it. */
  readonly batchId?: string | undefined;
}
