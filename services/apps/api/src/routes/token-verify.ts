import type { Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { bearerTokenOf, tokenRefused } from "../voter-auth.ts";

/**
 * GET /v1/token/verify with `Authorization: Bearer <token>`: whether a token from a lookup is still good, and until
 * when. Routes that manage alerts check the token the same way (`deps.tokens.verify`).
 */
export function registerTokenVerify(app: Hono<ApiEnvContext>, deps: ApiDeps) {
  app.get("/v1/token/verify", (c) => {
    const token = bearerTokenOf(c);
    if (!token) return tokenRefused(c, "missing");
    const verified = deps.tokens.verify(token, deps.now().getTime());
    if (!verified.ok) return tokenRefused(c, verified.error);
    return c.json({ valid: true, expiresAt: new Date(verified.value.expiresAtMs).toISOString() });
  });
}
