import { isBearerTokenValid, readJsonBody } from "@ballot/adapters";
import {
  assertNever,
  parseBallotRow,
  parseStatusRow,
  parseVoterRow,
  type RecordRejection,
  type Result,
} from "@ballot/core";
import type { Hono } from "hono";
import type { IngestDeps, IngestEnvContext } from "../app.ts";
import { answerBodyProblem } from "../body-problems.ts";
import { publishBatch, type RoutedRecord, routeRecord } from "../record-sink.ts";

const kinds = ["voters", "ballots", "statuses"] as const;
type Kind = (typeof kinds)[number];

/**
 * POST /v1/counties/:county/:kind with `{"records":[...]}`, rows named as in the county CSV files
 * (`voter_id,first_name,...`), and the county's bearer token.
 */
export function registerCountyRecords(app: Hono<IngestEnvContext>, deps: IngestDeps) {
  app.post("/v1/counties/:county/:kind", async (c) => {
    const county = c.req.param("county");
    const kind = c.req.param("kind") as Kind;
    if (!kinds.includes(kind)) {
      return deps.errors(c, 404, "NOT_FOUND", `unknown record kind "${kind}"; use one of ${kinds.join(", ")}`);
    }
    if (!isBearerTokenValid(c.req.header("authorization"), deps.countyTokens.get(county))) {
      return deps.errors(c, 401, "UNAUTHORIZED", "send this county's token as 'Authorization: Bearer <token>'");
    }
    const source = `county.${county}.${kind}`;
    const now = deps.now();
    const receivedAt = now.toISOString();
    const body = await readJsonBody(c, deps.maxBodyBytes);
    if (!body.ok) return answerBodyProblem(c, deps, source, body.problem, receivedAt);
    const records = (body.json as { records?: unknown } | null)?.records;
    if (!Array.isArray(records)) {
      await deps.deadLetterWhole(source, 'body must be {"records": [...]}', body.text, receivedAt);
      return deps.errors(c, 400, "VALIDATION_FAILED", 'body must be {"records": [...]}');
    }
    const today = receivedAt.slice(0, 10);
    const routed = records.map((row): Result<RoutedRecord, RecordRejection> => {
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
    const summary = await publishBatch(deps.publisher, deps.catalog, source, routed, receivedAt);
    c.get("log").info({ county, kind, ...summary, errors: undefined }, "county batch ingested");
    return c.json(summary, 200);
  });
}
