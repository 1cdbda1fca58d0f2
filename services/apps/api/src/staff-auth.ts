import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestIdVariables } from "@ballot/adapters";
import type { Context, MiddlewareHandler } from "hono";
import { apiError } from "./errors.ts";
import type { StaffSignInGuard } from "./staff-sign-in-limit.ts";

/** What a staff member may do, each role including the ones before it. */
export const staffRoles = ["viewer", "operator", "approver"] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A county code, or `state` for a token that sees every county. */
export type StaffScope = { readonly kind: "state" } | { readonly kind: "county"; readonly county: string };

export interface StaffToken {
  /** Who holds it, as the audit log names them (no email or phone: a handle such as `ana.clerk`). */
  readonly name: string;
  readonly scope: StaffScope;
  readonly role: StaffRole;
  /** SHA-256 of the token, 32 bytes; the token itself is never configured or stored. */
  readonly tokenHash: Buffer;
}

export interface StaffIdentity {
  readonly name: string;
  readonly scope: StaffScope;
  readonly role: StaffRole;
}

/** An allowed action waiting for its answer, to be recorded with it (`recordActionsWithAnswers` in staff-audit.ts). */
export interface AnsweredAction {
  entry?: { readonly staff: StaffIdentity; readonly county: string; readonly action: string };
}

export type StaffVariables = RequestIdVariables & { staff: StaffIdentity; answeredAction?: AnsweredAction };
export type StaffEnvContext = { Variables: StaffVariables };

export const countyPattern = /^[A-Za-z0-9_-]{1,32}$/;
const namePattern = /^[A-Za-z0-9._@-]{1,64}$/;

export const hashStaffToken = (token: string): Buffer => createHash("sha256").update(token, "utf8").digest();

export const scopeName = (scope: StaffScope): string => (scope.kind === "state" ? "state" : scope.county);

/**
 * Parses `API_STAFF_TOKENS`: entries `name:scope:role:sha256hex` separated by commas (or newlines), the scope a
 * county code or `state`, the role `viewer`, `operator` or `approver`, the last part the SHA-256 (hex) of the token.
 * Throws with the entry's position (never its hash) on anything else, so a typo stops the API at boot.
 */
export function parseStaffTokens(text: string | undefined): StaffToken[] {
  const entries = (text ?? "")
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  const names = new Set<string>();
  return entries.map((entry, index) => {
    const [name = "", scope = "", role = "", hash = "", ...rest] = entry.split(":");
    const where = `API_STAFF_TOKENS entry ${index + 1}`;
    if (rest.length > 0) throw new Error(`${where}: want name:scope:role:sha256hex`);
    if (!namePattern.test(name)) throw new Error(`${where}: the name must be 1-64 of A-Z a-z 0-9 . _ @ -`);
    if (names.has(name)) throw new Error(`${where}: the name ${name} is given twice`);
    names.add(name);
    if (!countyPattern.test(scope)) throw new Error(`${where}: the scope must be a county code or state`);
    if (!(staffRoles as readonly string[]).includes(role)) {
      throw new Error(`${where}: the role must be one of ${staffRoles.join(", ")}`);
    }
    if (!/^[0-9a-f]{64}$/i.test(hash)) throw new Error(`${where}: the last part must be a SHA-256 in hex`);
    return {
      name,
      scope: scope === "state" ? { kind: "state" } : { kind: "county", county: scope },
      role: role as StaffRole,
      tokenHash: Buffer.from(hash, "hex"),
    };
  });
}

/**
 * The configured token whose hash matches, comparing against every one in constant time (no early exit, so the
 * answer's timing does not tell how many or which tokens share a prefix).
 */
export function findStaffToken(tokens: readonly StaffToken[], presented: string): StaffToken | undefined {
  const hash = hashStaffToken(presented);
  let found: StaffToken | undefined;
  for (const token of tokens) {
    if (timingSafeEqual(token.tokenHash, hash) && !found) found = token;
  }
  return found;
}

const bearerOf = (c: Context): string | undefined =>
  /^Bearer\s+([\x21-\x7e]{1,512})$/i.exec(c.req.header("authorization") ?? "")?.[1];

/**
 * Sets `staff` from the bearer token, or answers 401 UNAUTHORIZED. With a `guard`, a client address with too many
 * failed sign-ins is refused (429) before its token is looked at, and each wrong token counts as a failure; a request
 * with no Authorization header at all is no attempt and is not counted.
 */
export const staffAuthentication =
  (tokens: readonly StaffToken[], guard?: StaffSignInGuard): MiddlewareHandler<StaffEnvContext> =>
  async (c, next) => {
    if (c.req.method === "OPTIONS") return next();
    const refusal = await guard?.refusal(c);
    if (refusal) return refusal;
    const presented = bearerOf(c);
    const token = presented === undefined ? undefined : findStaffToken(tokens, presented);
    if (!token) {
      if (c.req.header("authorization") !== undefined) {
        await guard?.recordFailure(c, presented === undefined ? "not a bearer token" : "unknown token");
      }
      c.header("WWW-Authenticate", 'Bearer realm="staff"');
      return apiError(c, "UNAUTHORIZED", "send a staff token as `Authorization: Bearer <token>`");
    }
    c.set("staff", { name: token.name, scope: token.scope, role: token.role });
    return next();
  };

export const hasRole = (staff: StaffIdentity, minimum: StaffRole): boolean =>
  staffRoles.indexOf(staff.role) >= staffRoles.indexOf(minimum);

/** Whether the identity may see `county`: its own county, or any with a state token. */
export const canSeeCounty = (staff: StaffIdentity, county: string): boolean =>
  staff.scope.kind === "state" || staff.scope.county === county;
