import {
  type DecideOutcome,
  RedisSafetyHolds,
  type SafetyHoldState,
  safetyHoldStates,
} from "@ballot/adapters/redis/safety-holds";
import { batchIdSchema } from "@ballot/contracts";
import { isBallotStatus } from "@ballot/core";
import type { Context, Hono } from "hono";
import { apiError } from "../../errors.ts";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { authoriseCounty, type DashboardDeps, integerParam, type Parsed } from "./support.ts";

/** `<batchId>:<status>`, as the notifier names a hold. */
function holdIdParam(c: Context): Parsed<string> {
  const holdId = c.req.param("holdId") ?? "";
  const separator = holdId.lastIndexOf(":");
  const batchId = holdId.slice(0, separator);
  const status = holdId.slice(separator + 1);
  if (separator < 0 || !batchIdSchema.safeParse(batchId).success || !isBallotStatus(status)) {
    return {
      ok: false,
      answer: apiError(c, "VALIDATION_FAILED", "holdId: <batch id>:<status>, as the list of holds gives it", {
        field: "holdId",
      }),
    };
  }
  return { ok: true, value: holdId };
}

const notFound = (c: Context) =>
  apiError(c, "NOT_FOUND", "no such hold in this county; list them with GET /v1/dashboard/counties/:county/holds");

/**
 * The safety hold on the dashboard (services/apps/notifier/src/safety-hold.ts): notices of a batch that moved an
 * unusual share of the county's ballots to one status, held for an approver. Viewers see the holds (the status move,
 * counts, a sample of ballot ids: no personal data); only an approver of the county releases, discards or sends the
 * correction, and every one of those is recorded in the audit log, refusals too.
 *
 * - GET  /counties/:county/holds[?state=held|released|discarded&limit=50]
 * - GET  /counties/:county/holds/:holdId
 * - POST /counties/:county/holds/:holdId/release     the notifier sends the held notices (quiet hours, once each)
 * - POST /counties/:county/holds/:holdId/discard     the held notices are dropped, and the batch's later ones too
 * - POST /counties/:county/holds/:holdId/correction  tells every voter the batch's status reached that it was wrong
 */
export function registerDashboardHolds(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  const holds = new RedisSafetyHolds(deps.redis, deps.keys);

  app.get("/counties/:county/holds", async (c) => {
    const auth = await authoriseCounty(c, deps, "GET holds", "viewer");
    if (!auth.ok) return auth.answer;
    const limit = integerParam(c, "limit", 50, 1, 500);
    if (!limit.ok) return limit.answer;
    const state = c.req.query("state");
    if (state !== undefined && !(safetyHoldStates as readonly string[]).includes(state)) {
      return apiError(c, "VALIDATION_FAILED", `state: one of ${safetyHoldStates.join(", ")}`, { field: "state" });
    }
    const list = await holds.list(auth.county, limit.value);
    return c.json({
      county: auth.county,
      holds: state ? list.filter((hold) => hold.state === (state as SafetyHoldState)) : list,
    });
  });

  app.get("/counties/:county/holds/:holdId", async (c) => {
    const auth = await authoriseCounty(c, deps, "GET hold", "viewer");
    if (!auth.ok) return auth.answer;
    const holdId = holdIdParam(c);
    if (!holdId.ok) return holdId.answer;
    const hold = await holds.get(auth.county, holdId.value);
    return hold ? c.json(hold) : notFound(c);
  });

  const decide = (verb: "release" | "discard", decision: "released" | "discarded") =>
    app.post(`/counties/:county/holds/:holdId/${verb}`, async (c) => {
      const holdId = holdIdParam(c);
      const auth = await authoriseCounty(
        c,
        deps,
        `POST hold ${verb} ${holdId.ok ? holdId.value : "?"}`,
        "approver",
        "action",
      );
      if (!auth.ok) return auth.answer;
      if (!holdId.ok) return holdId.answer;
      const outcome: DecideOutcome = await holds.decide(
        auth.county,
        holdId.value,
        decision,
        auth.staff.name,
        deps.now().getTime(),
      );
      if (outcome === "missing") return notFound(c);
      if (outcome !== "decided") {
        return apiError(c, "CONFLICT", `this hold was already ${outcome}; a hold is decided once`, { state: outcome });
      }
      return c.json(await holds.get(auth.county, holdId.value));
    });
  decide("release", "released");
  decide("discard", "discarded");

  app.post("/counties/:county/holds/:holdId/correction", async (c) => {
    const holdId = holdIdParam(c);
    const auth = await authoriseCounty(
      c,
      deps,
      `POST hold correction ${holdId.ok ? holdId.value : "?"}`,
      "approver",
      "action",
    );
    if (!auth.ok) return auth.answer;
    if (!holdId.ok) return holdId.answer;
    const outcome = await holds.requestCorrection(auth.county, holdId.value, auth.staff.name, deps.now().getTime());
    if (outcome === "missing") return notFound(c);
    if (outcome === "already") {
      return apiError(c, "CONFLICT", "the correction for this hold was already asked for; it is sent once");
    }
    return c.json(await holds.get(auth.county, holdId.value), 202);
  });
}
