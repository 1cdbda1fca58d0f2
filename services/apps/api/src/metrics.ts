import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { Counter, Histogram, Registry } from "prom-client";

export const lookupOutcomes = [
  "found",
  "not_found",
  "ambiguous",
  "invalid",
  "rate_limited_address",
  "rate_limited_identity",
] as const;
export type LookupOutcome = (typeof lookupOutcomes)[number];

export interface ApiMetrics {
  readonly registry: Registry;
  /** Counts requests by route pattern, method and status, and times them; mounted first, so it sees every answer. */
  readonly middleware: MiddlewareHandler;
  countLookup(outcome: LookupOutcome): void;
  /** The text `/metrics` answers with; unset, this registry's (several API workers set one that sums them all). */
  readonly text?: () => Promise<string>;
}

/**
 * Prometheus metrics in a registry of their own (never the process-wide default, so that several apps in one process,
 * as in tests, keep separate counts). Routes are labelled by their registered pattern, never the raw path, so that
 * the number of series stays fixed whatever clients request.
 */
export function createApiMetrics(registry: Registry = new Registry()): ApiMetrics {
  const requests = new Counter({
    name: "api_http_requests_total",
    help: "HTTP requests answered, by route pattern, method and status",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "api_http_request_duration_seconds",
    help: "Time from request to response, by route pattern and method",
    labelNames: ["route", "method"] as const,
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const lookups = new Counter({
    name: "api_lookups_total",
    help: "Voter lookups by outcome",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  for (const outcome of lookupOutcomes) lookups.inc({ outcome }, 0);

  return {
    registry,
    middleware: async (c, next) => {
      const startedAt = performance.now();
      await next();
      // After `next`, the route index points at the handler that answered (or the last middleware that did).
      const labels = { route: routePath(c) || "unmatched", method: c.req.method };
      duration.observe(labels, (performance.now() - startedAt) / 1000);
      requests.inc({ ...labels, status: String(c.res.status) });
    },
    countLookup: (outcome) => lookups.inc({ outcome }),
  };
}
