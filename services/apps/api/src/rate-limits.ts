import { createUpstashRedis, type RateLimiter, type Redis, UpstashRateLimiter } from "@ballot/adapters";
import type { RedisKeys } from "@ballot/contracts";

export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * How often the lookup answers (DESIGN.md, Voter lookup and privacy):
 * - `perAddress`: every lookup from one client address (an IPv6 /64), so no one client can walk the voter roll.
 * - `perIdentityMiss`: lookups that find nobody for one name and ZIP, whichever addresses they come from, so a
 *   known person's birth date (or voter id) cannot be guessed by spreading the guesses over many addresses. Lookups
 *   that find the voter are not counted, so a voter checking on their ballot is never held back by it, but they are
 *   refused like the rest once the guesses used up the window: a correct guess is no different from a wrong one.
 */
export interface LookupRateLimits {
  readonly perAddress: RateLimit;
  readonly perIdentityMiss: RateLimit;
}

export const defaultLookupRateLimits: LookupRateLimits = {
  perAddress: { limit: 100, windowMs: 60_000 },
  perIdentityMiss: { limit: 10, windowMs: 15 * 60_000 },
};

export interface LookupLimiters {
  readonly address: RateLimiter;
  readonly identity: RateLimiter;
}

/**
 * The key prefix of a rate limiter. A local helper until the key builder in contracts has one (the limiter appends
 * `:{identifier}:<window>`); it stays under the namespace so that stacks and tests sharing a server stay apart.
 */
export const rateLimitKeyPrefix = (keys: RedisKeys, name: string): string => `${keys.prefix}rate-limit:${name}`;

export function createLookupLimiters(redis: Redis, keys: RedisKeys, limits: LookupRateLimits): LookupLimiters {
  const scripts = createUpstashRedis(redis);
  return {
    address: new UpstashRateLimiter(redis, {
      prefix: rateLimitKeyPrefix(keys, "lookup-address"),
      scripts,
      ...limits.perAddress,
    }),
    identity: new UpstashRateLimiter(redis, {
      prefix: rateLimitKeyPrefix(keys, "lookup-identity-miss"),
      scripts,
      ...limits.perIdentityMiss,
    }),
  };
}

/** Whole seconds until a refused client may try again, at least 1: what `Retry-After` says. */
export const retryAfterSeconds = (retryAfterMs: number): number => Math.max(1, Math.ceil(retryAfterMs / 1000));

/**
 * How often the alert routes answer: per client address (every request, with a token or without, so tokens cannot
 * be tried without limit) and per voter (the token's voter, from any address).
 */
export interface SubscriptionRateLimits {
  readonly perAddress: RateLimit;
  readonly perVoter: RateLimit;
}

export const defaultSubscriptionRateLimits: SubscriptionRateLimits = {
  perAddress: { limit: 60, windowMs: 60_000 },
  perVoter: { limit: 30, windowMs: 60_000 },
};

export interface SubscriptionLimiters {
  readonly address: RateLimiter;
  readonly voter: RateLimiter;
}

export function createSubscriptionLimiters(
  redis: Redis,
  keys: RedisKeys,
  limits: SubscriptionRateLimits,
): SubscriptionLimiters {
  const scripts = createUpstashRedis(redis);
  return {
    address: new UpstashRateLimiter(redis, {
      prefix: rateLimitKeyPrefix(keys, "subscriptions-address"),
      scripts,
      ...limits.perAddress,
    }),
    voter: new UpstashRateLimiter(redis, {
      prefix: rateLimitKeyPrefix(keys, "subscriptions-voter"),
      scripts,
      ...limits.perVoter,
    }),
  };
}

/**
 * Failed staff sign-ins (a wrong, unknown or malformed staff token) one client address may make per window. Only
 * failures are counted, so staff at work are never slowed; but once an address is over the limit every staff
 * request from it is refused until the window moves on, a correct token too: were a correct token let through,
 * tokens could still be guessed without limit (the 429s would only tell the guesser to look for the one 200).
 */
export const defaultStaffSignInFailureLimit: RateLimit = { limit: 20, windowMs: 15 * 60_000 };

export const createStaffSignInLimiter = (redis: Redis, keys: RedisKeys, limit: RateLimit): RateLimiter =>
  new UpstashRateLimiter(redis, { prefix: rateLimitKeyPrefix(keys, "staff-sign-in-failures"), ...limit });
