import type { Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { apiError } from "../errors.ts";

/** GET /healthz: the process answers. GET /readyz: and Redis answers too, so traffic may come. */
export function registerHealth(app: Hono<ApiEnvContext>, deps: ApiDeps) {
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/readyz", async (c) => {
    try {
      await deps.redis.ping();
      return c.json({ ok: true });
    } catch {
      return apiError(c, "UNAVAILABLE", "Redis is not reachable");
    }
  });
}
