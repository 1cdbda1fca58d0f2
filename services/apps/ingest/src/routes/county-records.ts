import { isBearerTokenValid, readJsonBody } from "@ballot/adapters";
import {
  assertNever,
  countyRecordKinds,
  isCountyRecordKind,
  ok,
  parseBallotRow,
  parseStatusRow,
  parseVoterRow,
  type RecordRejection,
  type Result,
  readCountyCsv,
} from "@ballot/core";
import type { Hono } from "hono";
import type { IngestDeps, IngestEnvContext } from "../app.ts";
import { badBatchIdMessage, batchIdOf } from "../batch-id.ts";
import { answerBodyProblem } from "../body-problems.ts";
import { publishBatch, type RoutedRecord, routeRecord } from "../record-sink.ts";

/**
 * POST /v1/counties/:county/:kind with the county's bearer token and either JSON `{"records":[...]}`, rows named as
 * in the county CSV files (`voter_id,first_name,...`), or the CSV file itself (`Content-Type: text/csv`; plain or
 * gzip). A CSV row with the wrong number of fields is rejected alone, like any other bad row.
 */
export function registerCountyRecords(app: Hono<IngestEnvContext>, deps: IngestDeps) {
  app.post("/v1/counties/:county/:kind", async (c) => {
    const county = c.req.param("county");
    const kind = c.req.param("kind");
    if (!isCountyRecordKind(kind)) {
      return deps.errors(
        c,
        404,
        "NOT_FOUND",
        `unknown record kind "${kind}"; use one of ${countyRecordKinds.join(", ")}`,
      );
    }
    if (!isBearerTokenValid(c.req.header("authorization"), deps.countyTokens.get(county))) {
      return deps.errors(c, 401, "UNAUTHORIZED", "send this county's token as 'Authorization: Bearer <token>'");
    }
    const source = `county.${county}.${kind}`;
    const now = deps.now();
    const receivedAt = now.toISOString();
    const contentType = c.req.header("content-type") ?? "";
    const body = await readJsonBody(c, deps.maxBodyBytes);
    // text/csv says so; a text/plain body that is not JSON is taken for a CSV file too (curl --data-binary @file).
    const isCsv =
      /\b(csv|tab-separated-values)\b/i.test(contentType) ||
      (/\bplain\b/i.test(contentType) && !body.ok && body.problem.kind === "not_json");
    if (!body.ok && !(isCsv && body.problem.kind === "not_json")) {
      return answerBodyProblem(c, deps, source, body.problem, receivedAt);
    }
    const text = body.ok ? body.text : body.problem.kind === "not_json" ? body.problem.text : "";
    const batchId = batchIdOf(c, source, text);
    if (!batchId) return deps.errors(c, 400, "VALIDATION_FAILED", badBatchIdMessage);
    // CSV rows may already be rejected (wrong field count); JSON rows are all read, and checked below alike.
    let rows: readonly Result<unknown, RecordRejection>[];
    if (isCsv) {
      const csv = readCountyCsv(text, kind);
      if (!csv.ok) {
        await deps.deadLetterWhole(source, csv.error, text, receivedAt);
        return deps.errors(c, 400, "VALIDATION_FAILED", csv.error);
      }
      rows = csv.value;
    } else {
      const records = body.ok ? (body.json as { records?: unknown } | null)?.records : undefined;
      if (!Array.isArray(records)) {
        const reason = 'body must be {"records": [...]} (or a CSV file sent as Content-Type: text/csv)';
        await deps.deadLetterWhole(source, reason, text, receivedAt);
        return deps.errors(c, 400, "VALIDATION_FAILED", reason);
      }
      rows = records.map((record: unknown) => ok(record));
    }
    const today = receivedAt.slice(0, 10);
    const routed = rows.map((read): Result<RoutedRecord, RecordRejection> => {
      if (!read.ok) return read;
      const row = read.value;
      switch (kind) {
        case "voters": {
          const voter = parseVoterRow(row, county, today);
          if (!voter.ok) return voter;
          const { canonicalIdentity, ...rest } = voter.value;
          const payload = { ...rest, identityHash: deps.hashIdentity(canonicalIdentity), updatedAt: receivedAt };
          return routeRecord(deps.catalog.subjects.countyVoter, payload, [
            county,
            "voter",
            JSON.stringify({ ...payload, updatedAt: "" }),
          ]);
        }
        case "ballots": {
          const ballot = parseBallotRow(row);
          if (!ballot.ok) return ballot;
          const payload = { ...ballot.value, county };
          return routeRecord(deps.catalog.subjects.countyBallot, payload, [county, "ballot", JSON.stringify(payload)]);
        }
        case "statuses": {
          const status = parseStatusRow(row);
          if (!status.ok) return status;
          const payload = { ...status.value, county };
          return routeRecord(deps.catalog.subjects.countyStatus, payload, [county, "status", JSON.stringify(payload)]);
        }
        default:
          return assertNever(kind, "record kind");
      }
    });
    const summary = await publishBatch(deps.publisher, deps.catalog, source, routed, receivedAt, { batchId });
    const counts = { ...summary, reasons: summary.errors.map((error) => error.reason) };
    await deps.recordFeedHealth(source, counts, receivedAt);
    c.get("log").info({ county, kind, batchId, ...summary, errors: undefined }, "county batch ingested");
    return c.json(summary, 200);
  });
}
