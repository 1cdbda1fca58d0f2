import type { RateLimitDecision } from "@ballot/adapters";
import { safeParseFast } from "@ballot/contracts/exact-check";
import { canonicalIdentity } from "@ballot/core";
import type { Context, Hono } from "hono";
import { z } from "zod";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { readBallotsOfIdentity } from "../ballot-view.ts";
import { clientAddressOf } from "../client-address.ts";
import { apiError } from "../errors.ts";
import { readSmallJsonBody } from "../json-body.ts";
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

function rateLimited(c: Context, decision: RateLimitDecision): Response {
  const seconds = retryAfterSeconds(decision.retryAfterMs);
  c.header("Retry-After", String(seconds));
  return apiError(c, "RATE_LIMITED", `Too many lookups. Try again in ${seconds} seconds.`);
}

/**
 * The rate-limit identity of a lookup: the keyed hash of the normalised names and ZIP, without the birth date, so
 * that guesses at one person's birth date all count against one identity. Domain-separated from the index hash.
 */
const limitIdentityOf = (deps: ApiDeps, canonical: string): string => {
  const [firstName, lastName, , zip] = canonical.split("|");
  return deps.hashIdentity(`rate-limit|${firstName}|${lastName}|${zip}`);
};

/**
 * POST /v1/lookup: name, date of birth and ZIP (and the voter id when that is ambiguous) to the voter's ballots and a
 * short-lived token for managing alerts.
 *
 * One Redis round trip, the same on every path, so that the answer does not tell who is on the roll by its timing
 * or its limits: the client address is counted (every lookup, valid or not); the name+ZIP limit is counted; and one
 * script reads the identity index and the voter's ballots (or a decoy's: at least one ballot is read). Past the
 * name+ZIP limit a match and a miss are refused alike; a match (or a lookup refused by its address) then gets its
 * name+ZIP count back, after the answer, so that only misses count there.
 */
export function registerLookup(app: Hono<ApiEnvContext>, deps: ApiDeps) {
  app.post("/v1/lookup", async (c) => {
    const body = await readSmallJsonBody(c, deps.maxBodyBytes);
    // Every lookup counts against its address, valid or not; the count runs beside the first read.
    const byAddressPromise = deps.limiters.address.consume(clientAddressOf(c, deps.trustedProxyHops));
    const invalid = async (answer: () => Response): Promise<Response> => {
      const byAddress = await byAddressPromise;
      if (!byAddress.allowed) {
        deps.metrics.countLookup("rate_limited_address");
        return rateLimited(c, byAddress);
      }
      deps.metrics.countLookup("invalid");
      return answer();
    };
    if (!body.ok) {
      const { problem } = body;
      return invalid(() =>
        problem.kind === "too_large"
          ? apiError(c, "PAYLOAD_TOO_LARGE", `requests are limited to ${problem.limitBytes} bytes`)
          : apiError(c, "VALIDATION_FAILED", "send a JSON object: firstName, lastName, dateOfBirth, zip"),
      );
    }
    const parsed = safeParseFast(lookupSchema, body.json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".") || "body";
      return invalid(() => apiError(c, "VALIDATION_FAILED", `${field}: ${issue?.message ?? "invalid"}`, { field }));
    }
    const identity = canonicalIdentity(parsed.data, deps.now().toISOString().slice(0, 10));
    if (!identity.ok) {
      const { field, message } = identity.error;
      return invalid(() => apiError(c, "VALIDATION_FAILED", message, { field }));
    }

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
      return rateLimited(c, byAddress);
    }
    if (!byIdentity.allowed) {
      deps.metrics.countLookup("rate_limited_identity");
      return rateLimited(c, byIdentity);
    }
    if (found.matches === 0) {
      deps.metrics.countLookup("not_found");
      return apiError(c, "VOTER_NOT_FOUND", notFoundGuidance);
    }
    if (found.matches > 1 || found.voterId === undefined) {
      deps.metrics.countLookup("ambiguous");
      return apiError(c, "VOTER_AMBIGUOUS", "More than one voter matches these details; add your voter ID.", {
        field: "voterId",
      });
    }
    deps.metrics.countLookup("found");
    const { token } = deps.tokens.sign(found.voterId, deps.now().getTime());
    return c.json({ ballots: found.ballots, token });
  });
}
