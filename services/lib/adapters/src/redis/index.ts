export { decodeBallot, encodeBallot } from "./ballot-codec.ts";
export { ballotHashEncoding, ensureBallotHashEncoding } from "./ballot-hash-encoding.ts";
export { type BallotIds, RedisBallotIndex } from "./ballot-index.ts";
export {
  type PendingAnnouncement,
  type Projection,
  projectionOf,
} from "./ballot-projection.ts";
export {
  newBallotValue,
  parseStoredBallot,
  RedisBallotStore,
  type StoredBallot,
  type WriteOutcome,
} from "./ballot-store.ts";
export { connectRedis, type Redis } from "./connection.ts";
export {
  type ClaimOutcome,
  type NotificationRecord,
  type NotificationState,
  RedisHeldMessages,
  RedisNotificationLog,
} from "./notification-log.ts";
export { type EnrolOutcome, phoneHashOf, RedisSubscriptionStore } from "./subscription-store.ts";
export {
  type RateLimitDecision,
  type RateLimiter,
  UpstashRateLimiter,
  type UpstashRateLimiterOptions,
} from "./upstash-rate-limiter.ts";
export { createUpstashRedis, type UpstashScriptClient } from "./upstash-ratelimit-redis.ts";
