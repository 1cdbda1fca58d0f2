import type { RateLimitDecision } from "@ballot/adapters";
import { safeParseFast } from "@ballot/contracts/exact-check";
import { canonicalIdentity } from "@ballot/core";
import type { Context, Hono } from "hono";
import { z } from "zod";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { type BallotView, readBallotsOfIdentity } from "../ballot-view.ts";
import { clientAddressOf } from "../client-address.ts";
import { apiError } from "../errors.ts";
import { readFormBody } from "../form-body.ts";
import { readSmallJsonBody } from "../json-body.ts";
import { lookupPage, lookupPageLanguageOf } from "../lookup-page.ts";
import { retryAfterSeconds } from "../rate-limits.ts";

const lookupSchema = z.object({
  firstName: z.string().max(100),
  lastName: z.string().max(100),
  dateOfBirth: z.string().max(20),
  zip: z.string().max(10),
  voterId: z.string().max(64).optional(),
});

const notFoundGuidance =
  "We could not find a ballot for those details. Check that they match your voter registration (the ZIP code of " +
  "your home address, your date of birth as MM-DD-YYYY). New registrations take a few days to appear. If it " +
  "still fails, call your county elections office.";

/** What one lookup came to, before it is told as JSON (the site's script) or as a page (a browser without it). */
export type LookupOutcome =
  | { readonly kind: "too_large"; readonly limitBytes: number }
  | { readonly kind: "invalid"; readonly message: string; readonly field?: string | undefined }
  | { readonly kind: "rate_limited"; readonly decision: RateLimitDecision }
  | { readonly kind: "not_found" }
  | { readonly kind: "ambiguous" }
  | { readonly kind: "found"; readonly voterId: string; readonly ballots: BallotView[] };

/** The request's fields as read, or what made them unreadable. */
type LookupRequest =
  | { readonly ok: true; readonly fields: unknown }
  | { readonly ok: false; readonly outcome: Extract<LookupOutcome, { kind: "too_large" | "invalid" }> };

/**
 * The rate-limit identity of a lookup: the keyed hash of the normalised names and ZIP, without the birth date, so
 * that guesses at one person's birth date all count against one identity. Domain-separated from the index hash.
 */
const limitIdentityOf = (deps: ApiDeps, canonical: string): string => {
  const [firstName, lastName, , zip] = canonical.split("|");
  return deps.hashIdentity(`rate-limit|${firstName}|${lastName}|${zip}`);
};

/**
 * One lookup: name, date of birth and ZIP (and the voter id when that is ambiguous) to the voter's ballots.
 *
 * One Redis round trip, the same on every path, so that the answer does not tell who is on the roll by its timing
 * or its limits: the client address is counted (every lookup, valid or not); the name+ZIP limit is counted; and one
 * script reads the identity index and the voter's ballots (or a decoy's: at least one ballot is read). Past the
 * name+ZIP limit a match and a miss are refused alike; a match (or a lookup refused by its address) then gets its
 * name+ZIP count back, after the answer, so that only misses count there.
 */
async function lookUp(c: Context<ApiEnvContext>, deps: ApiDeps, request: LookupRequest): Promise<LookupOutcome> {
  // Every lookup counts against its address, valid or not; the count runs beside the first read.
  const byAddressPromise = deps.limiters.address.consume(clientAddressOf(c, deps.trustedProxyHops));
  const refused = async (outcome: LookupOutcome): Promise<LookupOutcome> => {
    const byAddress = await byAddressPromise;
    if (!byAddress.allowed) {
      deps.metrics.countLookup("rate_limited_address");
      return { kind: "rate_limited", decision: byAddress };
    }
    deps.metrics.countLookup("invalid");
    return outcome;
  };
  if (!request.ok) return refused(request.outcome);
  const parsed = safeParseFast(lookupSchema, request.fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "body";
    return refused({ kind: "invalid", message: `${field}: ${issue?.message ?? "invalid"}`, field });
  }
  const identity = canonicalIdentity(parsed.data, deps.now().toISOString().slice(0, 10));
  if (!identity.ok) return refused({ kind: "invalid", ...identity.error });

  // All three in one round trip: the identity's own limit is counted for every lookup, and given back (below) to
  // one that finds its voter or that its address may not make, so that only misses count against a name and ZIP.
  const limitIdentity = limitIdentityOf(deps, identity.value);
  const [byAddress, byIdentity, found] = await Promise.all([
    byAddressPromise,
    deps.limiters.identity.consume(limitIdentity),
    readBallotsOfIdentity(deps.store, deps.keys.identity(deps.hashIdentity(identity.value)), parsed.data.voterId),
  ]);
  if (byIdentity.allowed && (!byAddress.allowed || found.matches > 0)) {
    // Not awaited: the answer must not wait on it (found and not found answer after the same round trips).
    deps.limiters.identity.refund(limitIdentity).catch((error: unknown) => {
      deps.log.warn(
        { err: error, requestId: c.get("requestId") },
        "could not give back a lookup's count against its name and ZIP",
      );
    });
  }
  if (!byAddress.allowed) {
    deps.metrics.countLookup("rate_limited_address");
    return { kind: "rate_limited", decision: byAddress };
  }
  if (!byIdentity.allowed) {
    deps.metrics.countLookup("rate_limited_identity");
    return { kind: "rate_limited", decision: byIdentity };
  }
  if (found.matches === 0) {
    deps.metrics.countLookup("not_found");
    return { kind: "not_found" };
  }
  if (found.matches > 1 || found.voterId === undefined) {
    deps.metrics.countLookup("ambiguous");
    return { kind: "ambiguous" };
  }
  deps.metrics.countLookup("found");
  return { kind: "found", voterId: found.voterId, ballots: found.ballots };
}

/** The outcome as the API's JSON: the ballots and a token for managing alerts, or `{"error":...}`. */
function jsonAnswer(c: Context<ApiEnvContext>, deps: ApiDeps, outcome: LookupOutcome): Response {
  switch (outcome.kind) {
    case "too_large":
      return apiError(c, "PAYLOAD_TOO_LARGE", `requests are limited to ${outcome.limitBytes} bytes`);
    case "invalid":
      return apiError(c, "VALIDATION_FAILED", outcome.message, outcome.field ? { field: outcome.field } : undefined);
    case "rate_limited": {
      const seconds = retryAfterSeconds(outcome.decision.retryAfterMs);
      c.header("Retry-After", String(seconds));
      return apiError(c, "RATE_LIMITED", `Too many lookups. Try again in ${seconds} seconds.`);
    }
    case "not_found":
      return apiError(c, "VOTER_NOT_FOUND", notFoundGuidance);
    case "ambiguous":
      return apiError(c, "VOTER_AMBIGUOUS", "More than one voter matches these details; add your voter ID.", {
        field: "voterId",
      });
    case "found": {
      const { token } = deps.tokens.sign(outcome.voterId, deps.now().getTime());
      return c.json({ ballots: outcome.ballots, token });
    }
  }
}

/**
 * POST /v1/lookup: JSON `{"firstName","lastName","dateOfBirth","zip","voterId"?}` to the voter's ballots and a
 * short-lived token for managing alerts (the site's lookup script).
 *
 * POST /v1/lookup/page: the same lookup from the site's form as a browser sends it without JavaScript (URL-encoded,
 * with the page's `lang`), answered with a whole page in that language: the ballots, or the problem and the form
 * again. Same limits, same round trips, same statuses.
 */
export function registerLookup(app: Hono<ApiEnvContext>, deps: ApiDeps) {
  app.post("/v1/lookup", async (c) => {
    const body = await readSmallJsonBody(c, deps.maxBodyBytes);
    const request: LookupRequest = body.ok
      ? { ok: true, fields: body.json }
      : {
          ok: false,
          outcome:
            body.problem.kind === "too_large"
              ? { kind: "too_large", limitBytes: body.problem.limitBytes }
              : { kind: "invalid", message: "send a JSON object: firstName, lastName, dateOfBirth, zip" },
        };
    return jsonAnswer(c, deps, await lookUp(c, deps, request));
  });

  app.post("/v1/lookup/page", async (c) => {
    const form = await readFormBody(c, deps.maxBodyBytes);
    const params = form.ok ? form.params : {};
    const fields = {
      firstName: params.firstName ?? "",
      lastName: params.lastName ?? "",
      dateOfBirth: params.dateOfBirth ?? "",
      zip: params.zip ?? "",
      ...(params.voterId?.trim() ? { voterId: params.voterId } : {}),
    };
    const request: LookupRequest = form.ok
      ? { ok: true, fields }
      : { ok: false, outcome: { kind: "too_large", limitBytes: form.limitBytes } };
    const outcome = await lookUp(c, deps, request);
    return lookupPage(c, {
      outcome,
      language: lookupPageLanguageOf(params.lang),
      fields,
      siteOrigin: deps.siteOrigin,
      timeZone: deps.pageTimeZone,
      nowMs: deps.now().getTime(),
    });
  });
}
