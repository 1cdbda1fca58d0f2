import type { RateLimiter } from "@ballot/adapters";
import type { Context } from "hono";
import { clientAddressOf } from "./client-address.ts";
import { apiError } from "./errors.ts";
import { retryAfterSeconds } from "./rate-limits.ts";
import type { StaffAuditLog } from "./staff-audit.ts";

/**
 * The limit on failed staff sign-ins per client address (rate-limits.ts, defaultStaffSignInFailureLimit): what
 * staffAuthentication asks before it looks at a token, and tells when a token was wrong. Refusals are recorded in
 * the `state` audit log with the address, never the token: each failure, and a refused address once a minute.
 */
export interface StaffSignInGuard {
  /** A 429 with Retry-After when the client's address is over the limit; undefined: go on. */
  refusal(c: Context): Promise<Response | undefined>;
  /** Counts a failed sign-in (`reason`: what was wrong, e.g. `unknown token`) against the client's address. */
  recordFailure(c: Context, reason: string): Promise<void>;
}

const refusalRecordEveryMs = 60_000;

export function createStaffSignInGuard(deps: {
  readonly limiter: RateLimiter;
  readonly audit: StaffAuditLog;
  readonly trustedProxyHops: number;
  readonly now: () => Date;
}): StaffSignInGuard {
  const addressOf = (c: Context) => clientAddressOf(c, deps.trustedProxyHops);
  // A refused address is recorded once a minute (per API process), not once per request: a flood of refused
  // requests must not push the state log's real entries out of its capped length.
  const refusalsRecorded = new Map<string, number>();
  const isRefusalRecorded = (address: string, atMs: number) => {
    const last = refusalsRecorded.get(address);
    if (last !== undefined && atMs - last < refusalRecordEveryMs && atMs >= last) return true;
    if (refusalsRecorded.size >= 10_000) refusalsRecorded.clear();
    refusalsRecorded.set(address, atMs);
    return false;
  };
  return {
    async refusal(c) {
      const address = addressOf(c);
      const decision = await deps.limiter.check(address);
      if (decision.allowed) return undefined;
      const now = deps.now();
      if (!isRefusalRecorded(address, now.getTime())) {
        await deps.audit.recordSignInRefusal(address, "sign-in refused: too many failed sign-ins", now);
      }
      const seconds = retryAfterSeconds(decision.retryAfterMs);
      c.header("Retry-After", String(seconds));
      return apiError(
        c,
        "RATE_LIMITED",
        `Too many failed staff sign-ins from this address. Try again in ${seconds} seconds with a correct token.`,
      );
    },
    async recordFailure(c, reason) {
      const address = addressOf(c);
      await Promise.all([
        deps.limiter.consume(address),
        deps.audit.recordSignInRefusal(address, `sign-in failed: ${reason}`, deps.now()),
      ]);
    },
  };
}
