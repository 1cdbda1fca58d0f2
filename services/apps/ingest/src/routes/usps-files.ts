import { isBearerTokenValid, readJsonBody } from "@ballot/adapters";
import { type FeedFormat, feedFormats, type ParsedFeed, parseFeedJson, parseFeedText, type Result } from "@ballot/core";
import type { Hono } from "hono";
import type { IngestDeps, IngestEnvContext } from "../app.ts";
import { answerBodyProblem } from "../body-problems.ts";
import { feedSource, ingestScans } from "../usps-scans.ts";

const isFeedFormat = (value: string): value is FeedFormat => (feedFormats as readonly string[]).includes(value);

/**
 * POST /v1/feeds/:feed/files: one USPS feed file as the body (text/csv, text/plain or JSON; plain or gzip) with the
 * feed's bearer token: an IV-MTR delimited file with a header row, a legacy PKG file, or IV-MTR JSON. The format is
 * detected from the content unless `?format=` names it. A file that cannot be read at all is dead-lettered whole.
 */
export function registerUspsFiles(app: Hono<IngestEnvContext>, deps: IngestDeps) {
  app.post("/v1/feeds/:feed/files", async (c) => {
    const feed = c.req.param("feed");
    if (!isBearerTokenValid(c.req.header("authorization"), deps.feedTokens.get(feed))) {
      return deps.errors(c, 401, "UNAUTHORIZED", "send this feed's token as 'Authorization: Bearer <token>'");
    }
    const format = c.req.query("format");
    if (format !== undefined && !isFeedFormat(format)) {
      return deps.errors(
        c,
        400,
        "VALIDATION_FAILED",
        `unknown format "${format}"; use one of ${feedFormats.join(", ")}`,
      );
    }
    const source = feedSource(feed);
    const receivedAt = deps.now().toISOString();
    // A JSON body is parsed once here; anything else arrives as the text of a "not JSON" answer.
    const body = await readJsonBody(c, deps.maxBodyBytes);
    if (!body.ok && body.problem.kind !== "not_json")
      return answerBodyProblem(c, deps, source, body.problem, receivedAt);
    const text = body.ok ? body.text : body.problem.kind === "not_json" ? body.problem.text : "";
    const options = { defaultTimeZone: deps.defaultTimeZone };
    let parsed: Result<ParsedFeed, string>;
    if (body.ok && (format === undefined || format === "ivmtr-push" || format === "ivmtr-pull")) {
      parsed = parseFeedJson(body.json, options);
      if (parsed.ok && format !== undefined && parsed.value.format !== format) {
        parsed = { ok: false, error: `the body is an ${parsed.value.format} body, not ${format}` };
      }
    } else {
      parsed = parseFeedText(text, { ...options, ...(format ? { format } : {}) });
    }
    if (!parsed.ok) {
      await deps.deadLetterWhole(source, parsed.error, text, receivedAt);
      return deps.errors(c, 400, "VALIDATION_FAILED", parsed.error);
    }
    return ingestScans(c, deps, feed, parsed.value, receivedAt, text);
  });
}
