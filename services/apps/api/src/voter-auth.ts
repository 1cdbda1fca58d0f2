import type { RateLimitDecision } from "@ballot/adapters";
import { assertNever } from "@ballot/core";
import type { Context } from "hono";
import type { ApiDeps } from "./app.ts";
import { clientAddressOf } from "./client-address.ts";
import { apiError } from "./errors.ts";
import { retryAfterSeconds } from "./rate-limits.ts";
import type { TokenProblem } from "./token.ts";

export function tokenRefused(c: Context, problem: TokenProblem | "missing"): Response {
  c.header("WWW-Authenticate", 'Bearer realm="voter"');
  switch (problem) {
    case "expired":
      return apiError(c, "TOKEN_EXPIRED", "this link has expired; look up your ballot again to get a new one");
    case "missing":
      return apiError(c, "TOKEN_INVALID", "send the token from your lookup as `Authorization: Bearer <token>`");
    case "malformed":
    case "bad_signature":
      return apiError(c, "TOKEN_INVALID", "this token is not one of ours; look up your ballot again");
    default:
      return assertNever(problem, "token problem");
  }
}

export const bearerTokenOf = (c: Context): string | undefined =>
  /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];

function tooMany(c: Context, decision: RateLimitDecision): Response {
  const seconds = retryAfterSeconds(decision.retryAfterMs);
  c.header("Retry-After", String(seconds));
  return apiError(c, "RATE_LIMITED", `Too many requests. Try again in ${seconds} seconds.`);
}

export type VoterAuth =
  | { readonly ok: true; readonly voterId: string }
  | { readonly ok: false; readonly answer: Response };

/**
 * What every route that manages alerts does first: counts the request against its client address (every request,
 * with a token or not, so that no one can try tokens without limit), checks the lookup's token, then counts the
 * request against that voter, wherever it comes from.
 */
export async function authoriseVoter(c: Context, deps: ApiDeps): Promise<VoterAuth> {
  const byAddress = await deps.subscriptionLimiters.address.consume(clientAddressOf(c, deps.trustedProxyHops));
  if (!byAddress.allowed) return { ok: false, answer: tooMany(c, byAddress) };
  const token = bearerTokenOf(c);
  if (!token) return { ok: false, answer: tokenRefused(c, "missing") };
  const verified = deps.tokens.verify(token, deps.now().getTime());
  if (!verified.ok) return { ok: false, answer: tokenRefused(c, verified.error) };
  const { voterId } = verified.value;
  const byVoter = await deps.subscriptionLimiters.voter.consume(voterId);
  if (!byVoter.allowed) return { ok: false, answer: tooMany(c, byVoter) };
  return { ok: true, voterId };
}
