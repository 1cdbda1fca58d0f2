import { assertNever } from "@ballot/core";
import type { Context, Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { apiError } from "../errors.ts";
import type { TokenProblem } from "../token.ts";

function tokenRefused(c: Context, problem: TokenProblem | "missing"): Response {
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

/**
 * GET /v1/token/verify with `Authorization: Bearer <token>`: whether a token from a lookup is still good, and until
 * when. Routes that manage alerts check the token the same way (`deps.tokens.verify`).
 */
export function registerTokenVerify(app: Hono<ApiEnvContext>, deps: ApiDeps) {
  app.get("/v1/token/verify", (c) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
    if (!match?.[1]) return tokenRefused(c, "missing");
    const verified = deps.tokens.verify(match[1], deps.now().getTime());
    if (!verified.ok) return tokenRefused(c, verified.error);
    return c.json({ valid: true, expiresAt: new Date(verified.value.expiresAtMs).toISOString() });
  });
}
