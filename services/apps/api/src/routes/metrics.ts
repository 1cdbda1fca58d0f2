import { isBearerTokenValid } from "@ballot/adapters";
import type { Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { apiError } from "../errors.ts";

/** GET /metrics: Prometheus text format; behind a bearer token when one is configured. */
export function registerMetrics(app: Hono<ApiEnvContext>, deps: ApiDeps) {
  app.get("/metrics", async (c) => {
    if (deps.metricsToken && !isBearerTokenValid(c.req.header("authorization"), deps.metricsToken)) {
      c.header("WWW-Authenticate", 'Bearer realm="metrics"');
      return apiError(c, "UNAUTHORIZED", "send the metrics token as a bearer token");
    }
    const text = await (deps.metrics.text?.() ?? deps.metrics.registry.metrics());
    return c.body(text, 200, { "Content-Type": deps.metrics.registry.contentType });
  });
}
