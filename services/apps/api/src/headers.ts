import { randomUUID } from "node:crypto";
import { PresetHeadersResponse, type RequestIdVariables } from "@ballot/adapters";
import type { HttpBindings } from "@hono/node-server";
import type { Context, MiddlewareHandler } from "hono";

/**
 * The security headers on every answer: those OWASP's REST Security Cheat Sheet asks of a JSON API (a CSP that allows
 * nothing and no framing, HSTS for two years, `nosniff`, `X-Frame-Options: DENY` for old browsers, no referrer).
 * The ones `hono/secure-headers` adds for HTML documents (COOP, Origin-Agent-Cluster, X-XSS-Protection, ...) do
 * nothing for JSON and cost every client time to parse. They are set before the handler runs (see `presetHeader`):
 * Hono's `secureHeaders` and `cors` set theirs on the finished response, which copies it once per middleware and
 * cost more CPU than the lookup itself (pnpm bench:lookup).
 */
export const securityHeaders: readonly (readonly [string, string])[] = [
  ["content-security-policy", "default-src 'none'; frame-ancestors 'none'"],
  ["strict-transport-security", "max-age=63072000; includeSubDomains"],
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["referrer-policy", "no-referrer"],
];

/**
 * Sets a header of the answer before the handler runs; `name` in lower case. On Node (`serveHttp`) it goes to the
 * answer's `PresetHeadersResponse`, which writes it in the answer's head (no web Headers object to fill and copy per
 * answer, and no `setHeader` per header); on another Node server through `setHeader`; elsewhere (`app.request`, other
 * runtimes) through Hono. A header the handler sets itself wins either way.
 */
export function presetHeader(c: Context, name: string, value: string): void {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  if (outgoing instanceof PresetHeadersResponse) outgoing.presetHeader(name, value);
  else if (outgoing && !outgoing.headersSent) outgoing.setHeader(name, value);
  else c.header(name, value);
}

export interface AnswerHeaderOptions {
  /** The one origin allowed to call `/v1/*` from a browser (the site). */
  readonly siteOrigin: string;
  readonly corsMaxAgeSeconds?: number;
}

const corsAllowMethods = "GET,POST,PUT,DELETE";
const corsAllowHeaders = "Content-Type,Authorization";
const corsExposeHeaders = "Retry-After,X-Request-Id";

/**
 * One middleware for what every answer carries, all set before the handler runs (see `presetHeader`):
 * - a request id (a sane one the caller sent, or a new one), in `X-Request-Id` and in every error body;
 * - the security headers;
 * - under `/v1/`: `Cache-Control: no-store` (answers about a voter are for that voter only) and CORS for the site's
 *   origin alone (another origin gets no `Access-Control-Allow-Origin`, so browsers keep the answer from it);
 *   preflights are answered here.
 * One layer instead of four: each async middleware layer costs a few microseconds on every lookup.
 */
export const answerHeaders = ({
  siteOrigin,
  corsMaxAgeSeconds = 600,
}: AnswerHeaderOptions): MiddlewareHandler<{ Variables: RequestIdVariables }> => {
  const maxAge = String(corsMaxAgeSeconds);
  return async (c, next) => {
    const given = c.req.header("x-request-id");
    const id = given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    c.set("requestId", id);
    presetHeader(c, "x-request-id", id);
    for (const [name, value] of securityHeaders) presetHeader(c, name, value);
    if (!c.req.path.startsWith("/v1/")) return next();
    presetHeader(c, "cache-control", "no-store");
    // Caches must keep answers for different origins apart, allowed or not.
    presetHeader(c, "vary", "Origin");
    const isAllowed = c.req.header("origin") === siteOrigin;
    if (isAllowed) {
      presetHeader(c, "access-control-allow-origin", siteOrigin);
      presetHeader(c, "access-control-expose-headers", corsExposeHeaders);
    }
    if (c.req.method !== "OPTIONS") return next();
    if (isAllowed) {
      presetHeader(c, "access-control-allow-methods", corsAllowMethods);
      presetHeader(c, "access-control-allow-headers", corsAllowHeaders);
      presetHeader(c, "access-control-max-age", maxAge);
    }
    return c.body(null, 204);
  };
};
