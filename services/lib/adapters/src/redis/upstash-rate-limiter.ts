import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "ioredis";
import { createUpstashRedis, type UpstashScriptClient } from "./upstash-ratelimit-redis.ts";

/** What a limiter says about one identifier. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly limit: number;
  /** Requests left in the window after this one. */
  readonly remaining: number;
  /** When the current window ends (epoch ms, by this process's clock, which the library reads too). */
  readonly resetAtMs: number;
  /** How long until a retry can pass, when refused; 0 when allowed. */
  readonly retryAfterMs: number;
}

function decisionOf(allowed: boolean, limit: number, remaining: number, resetAtMs: number): RateLimitDecision {
  return { allowed, limit, remaining, resetAtMs, retryAfterMs: allowed ? 0 : Math.max(0, resetAtMs - Date.now()) };
}

/** A limit on how often one identifier may do something. */
export interface RateLimiter {
  /** Counts one request and says whether it may pass: it passes while fewer than `limit` came before it. */
  consume(identifier: string): Promise<RateLimitDecision>;
  /** Says whether a request would pass now, without counting it. */
  check(identifier: string): Promise<RateLimitDecision>;
  /**
   * Gives back one request `consume` counted (and let pass), for a request that turned out not to count. Taken from
   * the current window: one counted just before a window's end comes back from the next one.
   */
  refund(identifier: string): Promise<void>;
  /** Forgets what was counted for the identifier. */
  reset(identifier: string): Promise<void>;
}

export interface UpstashRateLimiterOptions {
  /** Key prefix, namespaced by the caller: keys are `<prefix>:{<identifier>}:<window number>`. */
  readonly prefix: string;
  readonly limit: number;
  readonly windowMs: number;
  /** One script client per Redis connection is enough; limiters on the same connection may share it. */
  readonly scripts?: UpstashScriptClient;
}

/**
 * `@upstash/ratelimit`'s sliding window over ioredis. It fails closed: no timeout that lets requests through when
 * Redis is slow, and a Redis error reaches the caller. No in-process cache of blocked identifiers either, so that
 * memory stays flat under a flood of distinct identifiers and every instance answers alike.
 */
export class UpstashRateLimiter implements RateLimiter {
  readonly #ratelimit: Ratelimit;
  readonly #limit: number;

  constructor(
    redis: Redis,
    { prefix, limit, windowMs, scripts = createUpstashRedis(redis) }: UpstashRateLimiterOptions,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`a rate limit must be a positive integer, not ${limit}`);
    if (!Number.isInteger(windowMs) || windowMs < 1) throw new Error(`a rate window must be whole ms, not ${windowMs}`);
    this.#limit = limit;
    this.#ratelimit = new Ratelimit({
      // The library types its client as @upstash/redis; it calls only what UpstashScriptClient has.
      redis: scripts as never,
      limiter: Ratelimit.slidingWindow(limit, `${windowMs} ms`),
      prefix,
      timeout: 0,
      ephemeralCache: false,
      analytics: false,
      enableTelemetry: false,
    });
  }

  /** Both window keys of an identifier share its hash tag, so Redis Cluster keeps them on one shard. */
  #tagged = (identifier: string): string => `{${identifier}}`;

  async consume(identifier: string): Promise<RateLimitDecision> {
    const result = await this.#ratelimit.limit(this.#tagged(identifier));
    return decisionOf(result.success, result.limit, result.remaining, result.reset);
  }

  async check(identifier: string): Promise<RateLimitDecision> {
    const result = await this.#ratelimit.getRemaining(this.#tagged(identifier));
    // `remaining` counts what is left before this request: it may pass only if one is left, as `consume` decides.
    return decisionOf(result.remaining > 0, result.limit ?? this.#limit, result.remaining, result.reset);
  }

  async refund(identifier: string): Promise<void> {
    // A negative rate is the library's refund: it skips the limit check and counts down.
    await this.#ratelimit.limit(this.#tagged(identifier), { rate: -1 });
  }

  async reset(identifier: string): Promise<void> {
    await this.#ratelimit.resetUsedTokens(this.#tagged(identifier));
  }
}
