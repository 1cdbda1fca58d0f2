import type {
  JetStreamPublisher,
  Redis,
  RedisBallotStore,
  RedisHeldMessages,
  RedisNotificationLog,
  RedisSubscriptionStore,
} from "@ballot/adapters";
import type { Senders } from "@ballot/adapters/providers";
import type { RedisBroadcastAudience } from "@ballot/adapters/redis/broadcast-audience";
import type { RedisBroadcastStore } from "@ballot/adapters/redis/broadcast-store";
import type { RedisSafetyHolds } from "@ballot/adapters/redis/safety-holds";
import type { Catalog, RedisKeys } from "@ballot/contracts";
import type { CountyNotificationSettings } from "@ballot/core";
import type { BroadcastStaging } from "./broadcasts.ts";

export interface NotifierDeps {
  readonly catalog: Catalog;
  readonly keys: RedisKeys;
  readonly redis: Redis;
  readonly subscriptions: RedisSubscriptionStore;
  /** Read only: the ballot's state, for the details a notice quotes. */
  readonly ballots: RedisBallotStore;
  readonly notifications: RedisNotificationLog;
  readonly held: RedisHeldMessages;
  /** Batches' notices held for review (safety-hold.ts). */
  readonly safetyHolds: RedisSafetyHolds;
  /** Staff broadcasts being sent, their audience, and how they are staged (broadcasts.ts). */
  readonly broadcasts: RedisBroadcastStore;
  readonly audience: RedisBroadcastAudience;
  readonly broadcastStaging: BroadcastStaging;
  readonly publisher: JetStreamPublisher;
  readonly senders: Senders;
  readonly countySettingsOf: (county: string | undefined) => CountyNotificationSettings | undefined;
  readonly linkSecret: string;
  /** Where confirmation and unsubscribe links point. */
  readonly linkBaseUrl: string;
  /** Where Twilio's status callbacks go; none: no callbacks asked for. */
  readonly statusCallbackBaseUrl?: string | undefined;
  readonly sendLeaseMs: number;
  readonly now: () => number;
}
