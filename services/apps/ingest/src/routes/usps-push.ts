import { isBearerTokenValid, readJsonBody } from "@ballot/adapters";
import { parseFeedJson } from "@ballot/core";
import type { Hono } from "hono";
import type { IngestDeps, IngestEnvContext } from "../app.ts";
import { answerBodyProblem } from "../body-problems.ts";
import { feedSource, ingestScans } from "../usps-scans.ts";

/**
 * POST /v1/feeds/:feed/ivmtr: IV-MTR JSON, plain or gzip, with the feed's bearer token: a push (`{"events":[...]}`)
 * or a pull API response (`{"data":{"imb":...,"scans":[...]}}`), told apart by shape.
 */
export function registerUspsPush(app: Hono<IngestEnvContext>, deps: IngestDeps) {
  app.post("/v1/feeds/:feed/ivmtr", async (c) => {
    const feed = c.req.param("feed");
    if (!isBearerTokenValid(c.req.header("authorization"), deps.feedTokens.get(feed))) {
      return deps.errors(c, 401, "UNAUTHORIZED", "send this feed's token as 'Authorization: Bearer <token>'");
    }
    const source = feedSource(feed);
    const receivedAt = deps.now().toISOString();
    const body = await readJsonBody(c, deps.maxBodyBytes);
    if (!body.ok) return answerBodyProblem(c, deps, source, body.problem, receivedAt);
    const parsed = parseFeedJson(body.json, { defaultTimeZone: deps.defaultTimeZone });
    if (!parsed.ok) {
      await deps.deadLetterWhole(source, parsed.error, body.text, receivedAt);
      return deps.errors(c, 400, "VALIDATION_FAILED", parsed.error);
    }
    return ingestScans(c, deps, feed, parsed.value, receivedAt, body.text);
  });
}
